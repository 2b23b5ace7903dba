package dev.memprobe.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.surefire.api.util.TestsToRun;

/** The classes a probe runs and their order, one class name a line, as the plugin wrote them. */
final class Plan {

    private final List<String> classes;
    private final Map<String, Integer> positions = new HashMap<>();

    Plan(List<String> classes) {
        this.classes = Collections.unmodifiableList(new ArrayList<>(classes));
        for (int i = 0; i < classes.size(); i++) {
            if (!positions.containsKey(classes.get(i))) {
                positions.put(classes.get(i), i); // a class listed twice runs once, at its first place
            }
        }
    }

    static Plan read(String file) throws IOException {
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(file), StandardCharsets.UTF_8)) {
            String name = line.trim();
            if (!name.isEmpty()) {
                classes.add(name);
            }
        }
        return new Plan(classes);
    }

    List<String> classes() {
        return classes;
    }

    /** The planned classes among {@code tests}, in plan order. */
    TestsToRun order(TestsToRun tests) {
        List<Class<?>> planned = new ArrayList<>();
        for (Class<?> test : tests) {
            if (positions.containsKey(test.getName())) {
                planned.add(test);
            }
        }
        Collections.sort(planned, (a, b) -> positions.get(a.getName()) - positions.get(b.getName()));
        Set<Class<?>> ordered = new LinkedHashSet<>(planned);
        return new TestsToRun(ordered);
    }
}
