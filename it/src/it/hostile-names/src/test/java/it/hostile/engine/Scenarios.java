package it.hostile.engine;

import java.util.Map;

/**
 * A test class for {@link ScenarioEngine}: named scenarios, run in map order. Their names reach Surefire as the
 * tests' names, whatever characters they hold, as the names of Spock features, Cucumber scenarios or Kotlin test
 * functions do.
 */
public interface Scenarios {

    Map<String, Runnable> scenarios();
}
