package dev.memprobe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.BisectEngine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two packages of the plugin depend on each other, directly or through others: the units ({@code config}) use no
 * other package, the engine ({@code bisect}) none that uses it back. Read from the compiled classes' constant pools,
 * as {@link ArchitectureTest} does.
 */
class PackageCyclesTest {

    private static final Pattern MEMPROBE_TYPE = Pattern.compile("dev/memprobe/([a-z]+)/");

    @Test
    void thePluginsPackagesFormNoCycle() throws IOException, URISyntaxException {
        Map<String, Set<String>> uses = packageUses();

        assertThat(uses).containsKeys("bisect", "config", "maven", "report", "run");
        assertThat(cycles(uses)).isEmpty();
    }

    @Test
    void theUnitsUseNoOtherPackageOfMemprobe() throws IOException, URISyntaxException {
        assertThat(packageUses().get("config")).isEmpty();
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of(
                "a", Set.of("b"),
                "b", Set.of("c"),
                "c", Set.of("a"),
                "d", Set.of("a")));

        assertThat(cycles(uses)).containsExactly("a -> b -> c -> a");
    }

    /** Each package of the plugin's classes, with the other memprobe packages its classes name. */
    private static Map<String, Set<String>> packageUses() throws IOException, URISyntaxException {
        Path root = Paths.get(BisectEngine.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> packages = Files.list(root.resolve("dev/memprobe"))) {
            for (Path folder : packages.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                Set<String> used = new TreeSet<>();
                try (Stream<Path> classes = Files.list(folder)) {
                    for (Path file :
                            classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                        for (String text : ArchitectureTest.utf8Constants(Files.readAllBytes(file))) {
                            Matcher type = MEMPROBE_TYPE.matcher(text);
                            while (type.find()) {
                                used.add(type.group(1));
                            }
                        }
                    }
                }
                used.remove(name);
                uses.put(name, used);
            }
        }
        return uses;
    }

    /** Every cycle found by a depth-first walk from each package, as "a -> b -> a". */
    private static List<String> cycles(Map<String, Set<String>> uses) {
        List<String> found = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : uses.keySet()) {
            walk(start, uses, new ArrayList<>(), done, found);
        }
        return found;
    }

    private static void walk(
            String pkg, Map<String, Set<String>> uses, List<String> path, Set<String> done, List<String> found) {
        int at = path.indexOf(pkg);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(pkg);
            found.add(String.join(" -> ", cycle));
            return;
        }
        if (done.contains(pkg)) {
            return;
        }
        path.add(pkg);
        for (String next : uses.getOrDefault(pkg, Set.of())) {
            walk(next, uses, path, done, found);
        }
        path.remove(path.size() - 1);
        done.add(pkg);
    }
}
