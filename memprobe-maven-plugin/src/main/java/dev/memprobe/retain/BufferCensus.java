package dev.memprobe.retain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The direct buffers of a dump that own native memory (a {@code DirectByteBuffer} with a cleaner; a slice or view has
 * none and shares its parent's memory), by the root that holds them: their count and capacity, and a path to one.
 */
final class BufferCensus {

    /** One owner: how many buffers, their capacity, one of them. */
    static final class Owner {
        int count;
        long capacity;
        int sample = -1;
    }

    private final DumpAnalysis analysis;
    private final Map<String, Owner> owners = new LinkedHashMap<>();

    BufferCensus(DumpAnalysis analysis) {
        this.analysis = analysis;
        HeapIndex heap = analysis.heap;
        HeapGraph graph = analysis.graph;
        for (int v = 0; v < heap.objects; v++) {
            ClassInfo c = heap.classOfObject(v);
            if (c == null || !c.name.startsWith("java.nio.DirectByteBuffer") || !graph.dominators.reached(v)) {
                continue;
            }
            ByteBuffer fields = analysis.records.fields(v);
            if (analysis.records.reference(c, fields, "cleaner") == 0) {
                continue;
            }
            long capacity = analysis.records.number(c, fields, "capacity");
            int top = v;
            for (int up = graph.dominators.idom(top);
                    up >= 0 && up != graph.superRoot;
                    up = graph.dominators.idom(top)) {
                top = up;
            }
            Owner owner = owners.computeIfAbsent(DumpAnalysis.groupKey(graph.keyOf(top)), k -> new Owner());
            owner.count++;
            owner.capacity += Math.max(0, capacity);
            if (owner.sample < 0) {
                owner.sample = v;
            }
        }
    }

    /** The capacity each owner holds, for the next dump to be compared with. */
    Map<String, Long> capacities() {
        Map<String, Long> capacities = new HashMap<>();
        owners.forEach((key, owner) -> capacities.put(key, owner.capacity));
        return capacities;
    }

    /** The owners as the report lists them, most memory first; with {@code before}, only those that grew. */
    List<Retainers.Buffers> entries(Map<String, Long> before, int max) {
        List<Map.Entry<String, Owner>> sorted = new ArrayList<>(owners.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue().capacity, a.getValue().capacity));
        List<Retainers.Buffers> entries = new ArrayList<>();
        for (Map.Entry<String, Owner> entry : sorted) {
            Owner owner = entry.getValue();
            long more = before == null ? owner.capacity : owner.capacity - before.getOrDefault(entry.getKey(), 0L);
            if (more <= 0 || entries.size() >= max) {
                continue;
            }
            List<List<Integer>> pins = analysis.paths.pins(owner.sample, 1, 500_000);
            entries.add(new Retainers.Buffers(
                    entry.getKey(),
                    owner.count,
                    more,
                    pins.isEmpty() ? entry.getKey() : analysis.paths.render(pins.get(0))));
        }
        return entries;
    }
}
