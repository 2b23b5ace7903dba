package dev.memprobe.shard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code total} ({@code memprobe.shard=i/n}, counted from 1): a deterministic partition of a
 * test set, so that n CI jobs each search one part and together search every class exactly once.
 *
 * <p>The partition depends only on the set of class names (and the costs, when given), never on the order they come
 * in, the machine or the JVM, so every shard job computes the same one:
 *
 * <ol>
 *   <li>Classes with a {@link Cost} (from a previous report) are placed first, largest cost first, each on the shard
 *       with the least cost so far (longest-processing-time-first bin packing): the shards come out within 4/3 of the
 *       best possible balance. A class's cost is its share of the suite's time plus its share of the suite's heap.
 *   <li>The other classes are taken in the order of a stable hash of their name (the first 8 bytes of the SHA-256 of
 *       its UTF-8 bytes, unsigned) and each placed on the shard with the fewest classes so far. With no costs at all
 *       that deals the classes round-robin in hash order: shard sizes differ by at most one, and no shard is empty
 *       while there are at least as many classes as shards.
 * </ol>
 *
 * Adding or removing a class can move other classes to another shard; that is harmless, as long as every shard job
 * of one CI run sees the same test set (and the same costs).
 */
public record Shard(int index, int total) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (total < 1) {
            throw new IllegalArgumentException("the number of shards must be at least 1");
        }
        if (index < 1 || index > total) {
            throw new IllegalArgumentException("shard " + index + " of " + total + " does not exist");
        }
    }

    /**
     * Parses {@code i/n}.
     *
     * @param name the parameter the value came from, for the message
     * @throws IllegalArgumentException with a one-line message that names the parameter, the value and the fix
     */
    public static Shard parse(String name, String value) {
        Matcher m = FORM.matcher(value == null ? "" : value);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + "=" + value + " is not a shard: write i/n, shard i of n counted"
                    + " from 1 (e.g. " + name + "=2/3)");
        }
        int index = Integer.parseInt(m.group(1));
        int total = Integer.parseInt(m.group(2));
        if (total < 1) {
            throw new IllegalArgumentException(
                    name + "=" + value + " asks for " + total + " shards: there must be at least 1 (e.g. 1/3)");
        }
        if (index < 1) {
            throw new IllegalArgumentException(
                    name + "=" + value + ": shards count from 1, so use 1/" + total + " to " + total + "/" + total);
        }
        if (index > total) {
            throw new IllegalArgumentException(name + "=" + value + ": there is no shard " + index + " of " + total
                    + ", use 1/" + total + " to " + total + "/" + total);
        }
        return new Shard(index, total);
    }

    /** How a class weighed in an earlier run; {@code -1} means not measured. */
    public record Cost(long durationMs, long heapBytes) {}

    /** How the test set was cut: the classes of this shard, in the order given, and how they were placed. */
    public record Selection(List<String> classes, int placedByCost, int placedByHash) {
        public Selection {
            classes = List.copyOf(classes);
        }
    }

    /**
     * The classes of {@code testSet} that belong to this shard, in the order of {@code testSet}.
     *
     * @param costs what each class cost in an earlier run; classes missing from it are placed by their name's hash
     */
    public Selection select(List<String> testSet, Map<String, Cost> costs) {
        int[] placement = partition(testSet, costs, total);
        List<String> mine = new ArrayList<>();
        List<String> distinct = distinct(testSet);
        int byCost = 0;
        for (int i = 0; i < distinct.size(); i++) {
            if (placement[i] == index - 1) {
                mine.add(distinct.get(i));
                if (weighable(costs.get(distinct.get(i)))) {
                    byCost++;
                }
            }
        }
        return new Selection(mine, byCost, mine.size() - byCost);
    }

    /**
     * The shard (0-based) of each distinct class of {@code testSet}, in the order of first appearance.
     *
     * @see Shard the rules
     */
    static int[] partition(List<String> testSet, Map<String, Cost> costs, int shards) {
        List<String> classes = distinct(testSet);
        double[] weight = weights(classes, costs);
        List<Integer> known = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            (weight[i] >= 0 ? known : unknown).add(i);
        }
        known.sort(Comparator.<Integer>comparingDouble(i -> -weight[i]).thenComparing(classes::get));
        unknown.sort(Comparator.<Integer, Long>comparing(i -> hash(classes.get(i)), Long::compareUnsigned)
                .thenComparing(classes::get));

        double[] load = new double[shards];
        int[] count = new int[shards];
        int[] placement = new int[classes.size()];
        for (int i : known) {
            int best = 0;
            for (int s = 1; s < shards; s++) {
                if (load[s] < load[best] || (load[s] == load[best] && count[s] < count[best])) {
                    best = s;
                }
            }
            placement[i] = best;
            load[best] += weight[i];
            count[best]++;
        }
        for (int i : unknown) {
            int best = 0;
            for (int s = 1; s < shards; s++) {
                if (count[s] < count[best]) {
                    best = s;
                }
            }
            placement[i] = best;
            count[best]++;
        }
        return placement;
    }

    /** Each class's share of the suite's time plus its share of the suite's heap; -1 for classes without a cost. */
    private static double[] weights(List<String> classes, Map<String, Cost> costs) {
        double totalTime = 0;
        double totalHeap = 0;
        for (String name : classes) {
            Cost cost = costs.get(name);
            if (weighable(cost)) {
                totalTime += Math.max(0, cost.durationMs());
                totalHeap += Math.max(0, cost.heapBytes());
            }
        }
        double[] weight = new double[classes.size()];
        for (int i = 0; i < classes.size(); i++) {
            Cost cost = costs.get(classes.get(i));
            if (!weighable(cost)) {
                weight[i] = -1;
                continue;
            }
            double w = 0;
            if (totalTime > 0) {
                w += Math.max(0, cost.durationMs()) / totalTime;
            }
            if (totalHeap > 0) {
                w += Math.max(0, cost.heapBytes()) / totalHeap;
            }
            weight[i] = w;
        }
        return weight;
    }

    private static boolean weighable(Cost cost) {
        return cost != null && (cost.durationMs() >= 0 || cost.heapBytes() >= 0);
    }

    private static List<String> distinct(List<String> testSet) {
        Set<String> seen = new HashSet<>();
        List<String> classes = new ArrayList<>();
        for (String name : testSet) {
            if (seen.add(name)) {
                classes.add(name);
            }
        }
        return classes;
    }

    /** The first 8 bytes of the SHA-256 of the name's UTF-8 bytes: the same on every JVM, in every release. */
    static long hash(String className) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(className.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    @Override
    public String toString() {
        return index + "/" + total;
    }
}
