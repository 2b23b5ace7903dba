package dev.memprobe.retain;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One heap dump, read and reduced: the children of the super root grouped by their stable key (alike threads
 * together), what each retains, and for the reports the paths, threads, class loaders and direct buffers. The
 * {@link Summary} is what the next dump of the fork is compared with; the graph itself is let go at {@link #close}.
 */
final class DumpAnalysis implements AutoCloseable {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** What a later dump is compared with: the live heap and what each key, loader group and buffer owner holds. */
    record Summary(
            long live,
            Map<String, Long> retainedByKey,
            Map<String, Integer> loadersByGroup,
            Map<String, Long> buffersByOwner) {}

    /** The super root's children of one key: how many roots, what they retain, the largest of them. */
    static final class Group {
        final String key;
        final String kind;
        /** The distinct threads of a thread or frame group. */
        final java.util.Set<String> threads = new java.util.HashSet<>();

        int roots;
        long retained;
        int largest = -1;

        Group(String key, String kind) {
            this.key = key;
            this.kind = kind;
        }
    }

    final HeapIndex heap;
    final HeapRecords records;
    final HeapGraph graph;
    final PathFinder paths;
    final Map<String, Group> groups = new LinkedHashMap<>();
    final long millis;

    /**
     * Reads and analyses a dump.
     *
     * @param testClasses the probe's test classes, whose loader counts as a root loader
     */
    DumpAnalysis(File file, boolean compressedOops, Set<String> testClasses) {
        long started = System.nanoTime();
        heap = HeapIndex.read(file, compressedOops);
        records = new HeapRecords(heap);
        graph = new HeapGraph(heap, records, testClasses);
        paths = new PathFinder(graph);
        for (int child : graph.dominators.children(graph.superRoot)) {
            String key = groupKey(graph.keyOf(child));
            Group group = groups.computeIfAbsent(key, k -> new Group(k, kind(child)));
            String thread = threadOf(child);
            if (thread != null) {
                group.threads.add(thread);
                group.roots = group.threads.size();
            } else {
                group.roots++;
            }
            long bytes = graph.retained(child);
            group.retained += bytes;
            if (group.largest < 0 || bytes > graph.retained(group.largest)) {
                group.largest = child;
            }
        }
        millis = (System.nanoTime() - started) / 1_000_000L;
    }

    /** The thread a child of the super root belongs to (a frame's, or the thread object), or null. */
    private String threadOf(int node) {
        if (graph.isRoot(node)) {
            return graph.rootAt(node).thread;
        }
        return graph.threadNames.get(node);
    }

    private String kind(int node) {
        if (graph.isRoot(node)) {
            return graph.rootAt(node).kind;
        }
        return graph.threadNames.containsKey(node) ? "thread" : "shared";
    }

    /**
     * A key with the digits of a thread's name as N, so that alike threads ({@code worker-1}, {@code worker-2}) are
     * one group: {@code frame worker-N a.B.run}, {@code thread worker-N}.
     */
    static String groupKey(String key) {
        if (key.startsWith("thread ")) {
            return "thread " + DIGITS.matcher(key.substring(7)).replaceAll("N");
        }
        if (key.startsWith("frame ")) {
            String rest = key.substring(6);
            int space = rest.lastIndexOf(' ');
            if (rest.endsWith(" (JNI local)")) {
                space = rest.substring(0, rest.length() - 12).lastIndexOf(' ');
            }
            if (space > 0) {
                return "frame " + DIGITS.matcher(rest.substring(0, space)).replaceAll("N") + rest.substring(space);
            }
        }
        return key;
    }

    long live() {
        return graph.live();
    }

    Summary summary(LoaderCensus loaders, BufferCensus buffers) {
        Map<String, Long> byKey = new HashMap<>();
        for (Group group : groups.values()) {
            byKey.put(group.key, group.retained);
        }
        return new Summary(live(), byKey, loaders.counts(), buffers.capacities());
    }

    /**
     * The path of a group: its largest root, reduced.
     *
     * @param grown what the group grew by (its retained bytes for a hog)
     * @param kept what the class kept, the share's whole
     */
    Retainers.Path path(Group group, long grown, long kept) {
        PathFinder.Route route = paths.route(group.largest);
        String rootText = rootText(group);
        return new Retainers.Path(
                group.key,
                group.kind,
                group.roots,
                route.hops(),
                route.holds(),
                group.retained,
                grown,
                kept <= 0 ? 0 : Math.max(0, Math.min(1, (double) grown / kept)),
                paths.render(rootText, route));
    }

    /** How a group's root reads: its text; alike threads with N and their count; a shared object with two holders. */
    private String rootText(Group group) {
        int node = group.largest;
        String text;
        if (graph.isRoot(node)) {
            HeapGraph.Root root = graph.rootAt(node);
            text = group.roots > 1 && root.thread != null
                    ? root.text.replace(root.thread, DIGITS.matcher(root.thread).replaceAll("N"))
                    : root.text;
        } else if (graph.threadNames.containsKey(node)) {
            String name = graph.threadNames.get(node);
            text = "thread " + (group.roots > 1 ? DIGITS.matcher(name).replaceAll("N") : name);
        } else {
            return "[held by " + holders(paths.pins(node, 2, 200_000)) + "] " + heap.typeName(node) + paths.label(node);
        }
        return group.roots > 1 ? group.roots + " × " + text : text;
    }

    /**
     * The roots that share an object, as a reader takes them in: frames of one thread are one holder (a test instance
     * is in every frame of the framework's call into the test method), named by the first of them.
     */
    private String holders(List<List<Integer>> pins) {
        if (pins.isEmpty()) {
            return "several roots";
        }
        List<String> holders = new ArrayList<>();
        String thread = null;
        boolean frames = true;
        for (List<Integer> pin : pins) {
            int holder = pin.get(0);
            holders.add(graph.describe(holder));
            HeapGraph.Root root = graph.isRoot(holder) ? graph.rootAt(holder) : null;
            if (root == null || !root.kind.equals("frame") || root.thread == null) {
                frames = false;
            } else if (thread == null) {
                thread = root.thread;
            } else if (!thread.equals(root.thread)) {
                frames = false;
            }
        }
        String prefix = "frame " + thread + " ";
        if (frames && holders.size() > 1 && holders.get(0).startsWith(prefix)) {
            return holders.size() + " frames of thread " + thread + ", the first "
                    + holders.get(0).substring(prefix.length());
        }
        return String.join(" + ", holders);
    }

    /** The groups by what they retain, largest first. */
    List<Group> byRetained() {
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort((a, b) -> Long.compare(b.retained, a.retained));
        return sorted;
    }

    @Override
    public void close() {
        records.close();
    }
}
