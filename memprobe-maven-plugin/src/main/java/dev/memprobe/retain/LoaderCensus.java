package dev.memprobe.retain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class loaders of a dump that are not the JVM's own, grouped by their type and the root that keeps them (so that
 * 6,000 alike plugin loaders pinned by one registry are one line), each group with the classes they defined, what they
 * retain and the reference path that pins one of them. Metaspace itself is not in a heap dump: the loaders and their
 * classes are what keeps it.
 */
final class LoaderCensus {

    /** Loaders of the JVM and of reflection that are no leak. */
    private static final Set<String> OWN = Set.of(
            "jdk.internal.reflect.DelegatingClassLoader",
            "jdk.internal.loader.ClassLoaders$BootClassLoader",
            "sun.reflect.DelegatingClassLoader");

    /** One group: its loaders' type and root, how many, their classes and retained bytes, the largest one. */
    static final class Group {
        final String key;
        final String type;
        int count;
        int classes;
        long retained;
        int largest = -1;

        Group(String key, String type) {
            this.key = key;
            this.type = type;
        }
    }

    private final DumpAnalysis analysis;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    LoaderCensus(DumpAnalysis analysis) {
        this.analysis = analysis;
        HeapIndex heap = analysis.heap;
        HeapGraph graph = analysis.graph;
        Map<Integer, Integer> defined = new HashMap<>();
        Set<Integer> rootLoaders = new HashSet<>();
        for (ClassInfo c : heap.classes) {
            int loader = heap.node(c.loaderId);
            if (loader >= 0) {
                defined.merge(loader, 1, Integer::sum);
                if (graph.rootLoaders.contains(c.loaderId)) {
                    rootLoaders.add(loader);
                }
            }
        }
        for (int v = 0; v < heap.objects; v++) {
            ClassInfo c = heap.classOfObject(v);
            if (c == null
                    || !c.classLoader
                    || HeapGraph.ROOT_LOADERS.contains(c.name)
                    || OWN.contains(c.name)
                    || rootLoaders.contains(v)
                    || !graph.dominators.reached(v)) {
                continue;
            }
            String owner = DumpAnalysis.groupKey(graph.keyOf(top(v)));
            Group group = groups.computeIfAbsent(c.name + " | " + owner, k -> new Group(k, c.name));
            group.count++;
            group.classes += defined.getOrDefault(v, 0);
            long bytes = graph.retained(v);
            group.retained += bytes;
            if (group.largest < 0 || bytes > graph.retained(group.largest)) {
                group.largest = v;
            }
        }
    }

    /** The child of the super root that dominates {@code node}. */
    private int top(int node) {
        HeapGraph graph = analysis.graph;
        int v = node;
        while (true) {
            int up = graph.dominators.idom(v);
            if (up < 0 || up == graph.superRoot) {
                return v;
            }
            v = up;
        }
    }

    /** How many loaders each group has, for the next dump to be compared with. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Group group : groups.values()) {
            counts.put(group.key, group.count);
        }
        return counts;
    }

    /**
     * The groups as the report lists them, most loaders first: all of them, or with {@code before} only those that
     * grew, counted by how many more they have.
     */
    List<Retainers.Loaders> entries(Map<String, Integer> before, int max) {
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort((a, b) -> a.count != b.count ? b.count - a.count : Long.compare(b.retained, a.retained));
        List<Retainers.Loaders> entries = new ArrayList<>();
        for (Group group : sorted) {
            int more = before == null ? group.count : group.count - before.getOrDefault(group.key, 0);
            if (more <= 0 || entries.size() >= max) {
                continue;
            }
            List<String> pins = new ArrayList<>();
            for (List<Integer> pin : analysis.paths.pins(group.largest, 2, 500_000)) {
                pins.add(analysis.paths.render(pin));
            }
            entries.add(new Retainers.Loaders(
                    group.type, analysis.records.name(group.largest), more, group.classes, group.retained, pins));
        }
        return entries;
    }
}
