package dev.memprobe.retain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Reduces what a root retains to a path a person reads: down the dominator tree while one object holds at least
 * {@value #FOLLOW} of it (leaving out a collection's internals), then the fan-out summed up as "N × type", the type
 * with the most bytes below, counting only its objects of at least 1/64 of the largest one (so "40 × byte[]", not the
 * keys' small arrays too). Also the shortest reference path from a root to an object (what pins a class loader).
 */
final class PathFinder {

    /** Share of a node's retained bytes a child must hold for the path to go on through it. */
    static final double FOLLOW = 0.8;

    private static final int MAX_HOPS = 12;

    /** A collection's insides, left out of paths: the collection itself is named. */
    static final Set<String> INTERNALS = Set.of(
            "java.lang.Object[]",
            "java.util.HashMap$Node[]",
            "java.util.HashMap$Node",
            "java.util.HashMap$TreeNode",
            "java.util.LinkedHashMap$Entry",
            "java.util.concurrent.ConcurrentHashMap$Node[]",
            "java.util.concurrent.ConcurrentHashMap$Node",
            "java.util.TreeMap$Entry",
            "java.util.LinkedList$Node",
            "java.util.WeakHashMap$Entry[]",
            "java.util.IdentityHashMap",
            "java.lang.ThreadLocal$ThreadLocalMap$Entry[]",
            "java.lang.ThreadLocal$ThreadLocalMap$Entry");

    /** The parts of a path: the objects on the way and what it ends in. */
    record Route(List<Retainers.Hop> hops, List<Integer> nodes, Retainers.Holds holds) {}

    private final HeapGraph graph;
    private final HeapIndex heap;

    PathFinder(HeapGraph graph) {
        this.graph = graph;
        this.heap = graph.heap;
    }

    /** The route from {@code top} (a child of the super root) down its dominator tree. */
    Route route(int top) {
        List<Retainers.Hop> hops = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        int node = top;
        int shown = graph.isRoot(top) ? -1 : top;
        for (int depth = 0; depth < 64; depth++) {
            int child = biggestChild(node);
            if (child < 0) {
                // a single object: the path ends in it
                if (node != top && !hops.isEmpty() && nodes.get(nodes.size() - 1) == node) {
                    hops.remove(hops.size() - 1);
                    nodes.remove(nodes.size() - 1);
                }
                return new Route(hops, nodes, new Retainers.Holds(1, heap.typeName(node), graph.retained(node)));
            }
            boolean follow = graph.isRoot(node) || graph.retained(child) >= FOLLOW * graph.retained(node);
            if (!follow) {
                return new Route(hops, nodes, fanOut(node));
            }
            if (!INTERNALS.contains(heap.typeName(child)) && hops.size() < MAX_HOPS) {
                String field = shown < 0 ? null : graph.records.fieldTo(shown, child);
                hops.add(new Retainers.Hop(heap.typeName(child), field, entries(child)));
                nodes.add(child);
                shown = child;
            }
            node = child;
        }
        return new Route(hops, nodes, fanOut(node));
    }

    private int biggestChild(int node) {
        int best = -1;
        long bestBytes = -1;
        for (int child : graph.dominators.children(node)) {
            long bytes = graph.retained(child);
            if (bytes > bestBytes) {
                best = child;
                bestBytes = bytes;
            }
        }
        return best;
    }

    /** The objects below {@code node} summed up by the type with the most bytes. */
    Retainers.Holds fanOut(int node) {
        final int offset = 101; // classOf runs from CLASS_OBJECT (-100) up
        int types = heap.classes.size() + offset;
        long[] count = new long[types];
        long[] bytes = new long[types];
        long[] largest = new long[types];
        below(node, v -> {
            int t = heap.classOf[v] + offset;
            count[t]++;
            bytes[t] += heap.shallow[v];
            largest[t] = Math.max(largest[t], heap.shallow[v]);
        });
        int best = -1;
        for (int t = 0; t < types; t++) {
            if (count[t] > 0 && (best < 0 || bytes[t] > bytes[best])) {
                best = t;
            }
        }
        if (best < 0) {
            return new Retainers.Holds(1, heap.typeName(node), graph.retained(node));
        }
        long total = graph.retained(node);
        if (bytes[best] * 2 < total) {
            // no type holds half: name the entries, the node's children of the type that retains most
            Map<String, long[]> byType = new HashMap<>();
            for (int child : graph.dominators.children(node)) {
                long[] entry = byType.computeIfAbsent(heap.typeName(child), k -> new long[2]);
                entry[0]++;
                entry[1] += graph.retained(child);
            }
            Map.Entry<String, long[]> top = byType.entrySet().stream()
                    .max((a, b) -> Long.compare(a.getValue()[1], b.getValue()[1]))
                    .orElseThrow();
            return new Retainers.Holds(top.getValue()[0], top.getKey(), top.getValue()[1]);
        }
        final int type = best - offset;
        final long threshold = largest[best] / 64;
        long[] big = new long[2];
        below(node, v -> {
            if (heap.classOf[v] == type && heap.shallow[v] >= threshold) {
                big[0]++;
                big[1] += heap.shallow[v];
            }
        });
        String name = type == HeapIndex.CLASS_OBJECT
                ? "class"
                : type < 0 ? ClassInfo.PRIMITIVE_ARRAY[-type] : heap.classes.get(type).name;
        return new Retainers.Holds(big[0], name, big[1]);
    }

    /** Visits the objects {@code node} dominates, itself not included. */
    private void below(int node, IntConsumer visit) {
        int[] stack = new int[64];
        int sp = 0;
        for (int child : graph.dominators.children(node)) {
            stack = push(stack, sp++, child);
        }
        while (sp > 0) {
            int v = stack[--sp];
            if (v < heap.objects) {
                visit.accept(v);
            }
            for (int child : graph.dominators.children(v)) {
                stack = push(stack, sp++, child);
            }
        }
    }

    private static int[] push(int[] stack, int at, int value) {
        int[] s = at == stack.length ? java.util.Arrays.copyOf(stack, stack.length * 2) : stack;
        s[at] = value;
        return s;
    }

    /** A collection's {@code size}, -1 for none. */
    long entries(int node) {
        ClassInfo c = heap.classOfObject(node);
        if (c == null || c.isArray() || !c.name.startsWith("java.util.") || c.field("size") == null) {
            return -1;
        }
        long size = graph.records.number(node, "size");
        return size == Long.MIN_VALUE ? -1 : size;
    }

    /** {@code "name"} of a thread or class loader, else empty. */
    String label(int node) {
        ClassInfo c = node < heap.objects ? heap.classOfObject(node) : null;
        if (c == null || !(c.thread || c.classLoader)) {
            return "";
        }
        String name = graph.records.name(node);
        return name == null ? "" : " \"" + name + "\"";
    }

    /**
     * Shortest reference paths from roots to {@code target}, at most one through each object that refers to it
     * directly (so that a pin through a thread's context loader does not come back once per thread group), each
     * root first; at most {@code max}, looking at {@code budget} objects at most.
     */
    List<List<Integer>> pins(int target, int max, int budget) {
        Map<Integer, Integer> next = new HashMap<>();
        Map<Integer, Integer> through = new HashMap<>();
        Set<Integer> explained = new HashSet<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        next.put(target, -1);
        queue.add(target);
        List<List<Integer>> found = new ArrayList<>();
        while (!queue.isEmpty() && found.size() < max && next.size() < budget) {
            int x = queue.poll();
            for (int referrer : graph.dominators.referrers(x)) {
                if (next.containsKey(referrer) || referrer == graph.superRoot) {
                    continue;
                }
                next.put(referrer, x);
                int branch = x == target ? referrer : through.get(x);
                through.put(referrer, branch);
                if (explained.contains(branch)) {
                    continue;
                }
                if (graph.isRoot(referrer)) {
                    List<Integer> path = new ArrayList<>();
                    for (int y = referrer; y != -1; y = next.get(y)) {
                        path.add(y);
                    }
                    found.add(path);
                    explained.add(branch);
                    continue;
                }
                queue.add(referrer);
            }
        }
        return found;
    }

    /** A reference path as the reports print it: the root, then each object with the field that leads on. */
    String render(List<Integer> path) {
        StringBuilder text = new StringBuilder(graph.describe(path.get(0)));
        int shown = -1;
        for (int i = 1; i < path.size(); i++) {
            int node = path.get(i);
            boolean last = i == path.size() - 1;
            if (!last && INTERNALS.contains(heap.typeName(node))) {
                continue;
            }
            String field = shown < 0 ? null : graph.records.fieldTo(shown, node);
            text.append(field == null ? "" : " ." + field)
                    .append(" → ")
                    .append(heap.typeName(node))
                    .append(label(node));
            shown = node;
        }
        return text.toString();
    }

    /** The hops and end of a route as the reports print them, after the root's text. */
    String render(String rootText, Route route) {
        StringBuilder text = new StringBuilder(rootText);
        for (int i = 0; i < route.hops().size(); i++) {
            Retainers.Hop hop = route.hops().get(i);
            text.append(hop.field() == null ? "" : " ." + hop.field())
                    .append(" → ")
                    .append(hop.type());
            text.append(label(route.nodes().get(i)));
            if (hop.entries() >= 0) {
                text.append(String.format(" (%,d", hop.entries())).append(hop.entries() == 1 ? " entry)" : " entries)");
            }
        }
        Retainers.Holds holds = route.holds();
        text.append(" → ")
                .append(holds.count() == 1 ? "" : String.format("%,d × ", holds.count()))
                .append(holds.type());
        return text.toString();
    }
}
