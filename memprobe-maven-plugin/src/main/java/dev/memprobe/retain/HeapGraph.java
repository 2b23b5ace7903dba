package dev.memprobe.retain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shark.HprofRecordTag;

/**
 * The object graph of a dump with one virtual root node per reference a report can name by a key that stays the same
 * from one dump of a fork to the next (object ids are addresses, which move with every collection):
 * {@code static a.B.F} for a static field of a class of the boot, platform or application loader (or of the test
 * classes' loader), {@code frame <thread> a.B.m} for a thread's frame, {@code thread <name>} for a thread object,
 * {@code jni-global <type>}; a super root refers to those and to the classes of those loaders, which are never
 * unloaded. A class of any other loader is no root: its loader keeps it, and that is what a class-loader leak is.
 * Then the dominators from the super root and every node's retained size.
 */
final class HeapGraph {

    /** The loaders whose classes stay loaded for the life of the JVM. */
    static final Set<String> ROOT_LOADERS = Set.of(
            "jdk.internal.loader.ClassLoaders$AppClassLoader",
            "jdk.internal.loader.ClassLoaders$PlatformClassLoader",
            "sun.misc.Launcher$AppClassLoader",
            "sun.misc.Launcher$ExtClassLoader");

    /** A virtual root: its key, the kind of reference, what it refers to, and for a frame its thread and text. */
    static final class Root {
        final String kind;
        final String key;
        final String text;
        final String thread;
        final List<Integer> targets = new ArrayList<>();
        int node;

        Root(String kind, String key, String text, String thread) {
            this.kind = kind;
            this.key = key;
            this.text = text;
            this.thread = thread;
        }
    }

    final HeapIndex heap;
    final HeapRecords records;
    final List<Root> roots = new ArrayList<>();
    /** Objects, then the virtual roots, then the super root. */
    final int nodes;

    final int superRoot;
    /** Thread object node -> its name. */
    final Map<Integer, String> threadNames = new HashMap<>();
    /** Thread serial number -> thread object node. */
    final Map<Integer, Integer> threadNodes = new HashMap<>();
    /** Thread serial number -> its stack trace's frame ids, top first. */
    final Map<Integer, long[]> stacks = new HashMap<>();

    final Set<Long> rootLoaders = new HashSet<>();
    final Dominators dominators;

    /** @param testClasses classes whose loader counts as a root loader (Surefire may run tests in a loader of its own) */
    HeapGraph(HeapIndex heap, HeapRecords records, Set<String> testClasses) {
        this.heap = heap;
        this.records = records;
        for (ClassInfo c : heap.classes) {
            if (c.loaderId == 0 || testClasses.contains(c.name)) {
                rootLoaders.add(c.loaderId);
                continue;
            }
            int loader = heap.node(c.loaderId);
            ClassInfo type = loader < 0 ? null : heap.classOfObject(loader);
            if (type != null && ROOT_LOADERS.contains(type.name)) {
                rootLoaders.add(c.loaderId);
            }
        }
        for (HeapIndex.Root r : heap.roots) {
            if (r.kind() == HprofRecordTag.ROOT_THREAD_OBJECT) {
                int node = heap.node(r.id());
                if (node >= 0) {
                    threadNodes.put(r.threadSerial(), node);
                    String name = records.name(node);
                    threadNames.put(node, name == null ? "#" + r.threadSerial() : name);
                }
                long[] trace = heap.traces.get(r.stackTrace());
                if (trace != null) {
                    stacks.put(r.threadSerial(), trace);
                }
            }
        }
        Map<String, Root> byKey = new LinkedHashMap<>();
        List<Integer> direct = new ArrayList<>();
        int[] start = heap.edgeStart;
        int[] edges = heap.edges;
        List<int[]> cut = new ArrayList<>(); // {class node, statics} whose static edges move to virtual roots
        for (ClassInfo c : heap.classes) {
            if (!rootLoaders.contains(c.loaderId)) {
                continue;
            }
            direct.add(c.node);
            int e = start[c.node];
            for (ClassInfo.Static s : c.statics) {
                if (s.type() != ClassInfo.OBJECT || s.value() == 0) {
                    continue;
                }
                int target = edges[e++];
                if (target >= 0) {
                    String key = "static " + c.name + "." + s.name();
                    byKey.computeIfAbsent(key, k -> new Root("static", k, k, null))
                            .targets
                            .add(target);
                }
            }
            cut.add(new int[] {c.node, c.staticEdges});
        }
        for (HeapIndex.Root r : heap.roots) {
            int target = heap.node(r.id());
            if (target < 0) {
                continue;
            }
            Root root = root(r, target);
            if (root == null) {
                direct.add(target);
            } else {
                byKey.computeIfAbsent(root.key, k -> root).targets.add(target);
            }
        }
        roots.addAll(byKey.values());
        int objects = heap.objects;
        nodes = objects + roots.size() + 1;
        superRoot = nodes - 1;
        Set<Integer> cutNodes = new HashSet<>();
        Map<Integer, Integer> cutCount = new HashMap<>();
        for (int[] c : cut) {
            cutNodes.add(c[0]);
            cutCount.put(c[0], c[1]);
        }
        long extra = roots.size() + direct.size();
        for (Root root : roots) {
            extra += root.targets.size();
        }
        int[] allStart = new int[nodes + 1];
        int[] all = new int[Math.toIntExact(edges.length + extra)];
        int at = 0;
        for (int v = 0; v < objects; v++) {
            allStart[v] = at;
            int from = start[v] + (cutNodes.contains(v) ? cutCount.get(v) : 0);
            for (int e = from; e < start[v + 1]; e++) {
                all[at++] = edges[e];
            }
        }
        for (int i = 0; i < roots.size(); i++) {
            Root root = roots.get(i);
            root.node = objects + i;
            allStart[root.node] = at;
            for (int target : root.targets) {
                all[at++] = target;
            }
        }
        allStart[superRoot] = at;
        for (int i = 0; i < roots.size(); i++) {
            all[at++] = objects + i;
        }
        for (int target : direct) {
            all[at++] = target;
        }
        allStart[nodes] = at;
        heap.edges = null; // the copy with the roots replaces them
        heap.edgeStart = null;
        dominators = new Dominators(nodes, superRoot, allStart, all);
        dominators.retain(heap.shallow);
    }

    /** The virtual root of a GC root, or null for one that hangs straight under the super root. */
    private Root root(HeapIndex.Root r, int target) {
        HprofRecordTag kind = r.kind();
        if (kind == HprofRecordTag.ROOT_JAVA_FRAME || kind == HprofRecordTag.ROOT_JNI_LOCAL) {
            String thread = threadName(r.threadSerial());
            String[] frame = frame(r.threadSerial(), r.frame());
            String jni = kind == HprofRecordTag.ROOT_JNI_LOCAL ? " (JNI local)" : "";
            return new Root(
                    "frame",
                    "frame " + thread + " " + frame[0] + jni,
                    "frame " + thread + " " + frame[1] + jni,
                    thread);
        }
        if (kind == HprofRecordTag.ROOT_THREAD_OBJECT) {
            String thread = threadName(r.threadSerial());
            return new Root("thread", "thread " + thread, "thread " + thread, thread);
        }
        if (kind == HprofRecordTag.ROOT_JNI_GLOBAL) {
            // merged by type: the order of JNI handles is not the same from one dump to the next
            String key = "jni-global " + heap.typeName(target);
            return new Root("jni-global", key, key, null);
        }
        if (kind == HprofRecordTag.ROOT_STICKY_CLASS) {
            return null;
        }
        String key = kind.name()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace("root_", "")
                        .replace('_', '-') + " roots";
        return new Root("other", key, key, null);
    }

    String threadName(int serial) {
        Integer node = threadNodes.get(serial);
        String name = node == null ? null : threadNames.get(node);
        return name == null ? "#" + serial : name;
    }

    /** {key part, text} of a thread's frame: {@code a.B.m} and {@code a.B.m(B.java:12)}. */
    private String[] frame(int threadSerial, int number) {
        long[] trace = stacks.get(threadSerial);
        if (trace == null || number < 0 || number >= trace.length) {
            return new String[] {"?", "?"};
        }
        return frameText(trace[number]);
    }

    /** {@code {a.B.m, a.B.m(B.java:12)}} of a frame id. */
    String[] frameText(long frameId) {
        HeapIndex.Frame f = heap.frames.get(frameId);
        if (f == null) {
            return new String[] {"?", "?"};
        }
        Long classId = heap.classIdBySerial.get(f.classSerial());
        String method = (classId == null ? "?" : heap.className(classId)) + "." + heap.symbolOf(f.method());
        String source = heap.symbols.containsKey(f.source()) ? heap.symbolOf(f.source()) : "Unknown Source";
        return new String[] {method, method + "(" + source + (f.line() > 0 ? ":" + f.line() : "") + ")"};
    }

    boolean isRoot(int node) {
        return node >= heap.objects && node < superRoot;
    }

    Root rootAt(int node) {
        return roots.get(node - heap.objects);
    }

    long retained(int node) {
        return dominators.retained(node, heap.shallow);
    }

    /** Live bytes: what the super root retains. */
    long live() {
        return retained(superRoot);
    }

    /**
     * The stable key of a child of the super root: its virtual root's, a thread's (a thread object is held by its
     * root and its group), or {@code shared <type>} for an object several roots hold.
     */
    String keyOf(int node) {
        if (isRoot(node)) {
            return rootAt(node).key;
        }
        String thread = threadNames.get(node);
        if (thread != null) {
            return "thread " + thread;
        }
        return "shared " + describe(node);
    }

    /** A node as a report names it: a root's text, a type, {@code class a.B}. */
    String describe(int node) {
        if (node == superRoot) {
            return "<roots>";
        }
        if (isRoot(node)) {
            return rootAt(node).text;
        }
        return heap.typeName(node);
    }
}
