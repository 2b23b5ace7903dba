package it.pm;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * As the OOM killer takes the largest process: kills the Maven JVM that runs this fork (the fork's parent is
 * Surefire's shell, whose parent is Maven), then ends its own JVM the same way, with no shutdown hook.
 */
class MavenKilledTest {
    @Test
    void killsMaven() throws Exception {
        Optional<ProcessHandle> maven = ProcessHandle.current().parent().flatMap(ProcessHandle::parent);
        if (maven.isPresent() && maven.get().info().command().orElse("").endsWith("java")) {
            maven.get().destroyForcibly();
            maven.get().onExit().get(30, TimeUnit.SECONDS);
        }
        Runtime.getRuntime().halt(137);
    }
}
