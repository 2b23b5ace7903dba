package dev.memprobe.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** "Did you mean ...": the known names closest to a mistyped one. */
public final class NearMatches {

    private NearMatches() {}

    /** Up to {@code limit} candidates within a small edit distance of {@code wanted}, closest first. */
    public static List<String> of(String wanted, List<String> candidates, int limit) {
        String key = normalise(wanted);
        int threshold = Math.max(2, ClassNames.simple(key).length() / 4);
        record Scored(String name, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            String c = normalise(candidate);
            int distance = Math.min(distance(key, c), distance(ClassNames.simple(key), ClassNames.simple(c)));
            if (distance <= threshold) {
                scored.add(new Scored(candidate, distance));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(limit).map(Scored::name).toList();
    }

    private static String normalise(String name) {
        String n = name.trim();
        if (n.endsWith(".java") || n.endsWith(".class")) {
            n = n.substring(0, n.lastIndexOf('.'));
        }
        return n.replace('/', '.');
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
