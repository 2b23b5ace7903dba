package dev.memprobe.bisect;

import static dev.memprobe.bisect.SimulatedClass.MIB;
import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random suites with planted culprits, laid out in segments one after the other: a segment holds either a hog or a
 * polluter set and its victim, among plain classes. Heap 256 MiB, 16 MiB held by the JVM.
 *
 * <p>A victim needs {@code N} (60 to 160 MiB), so it dies once earlier classes keep more than {@code D = 240 - N}.
 * Its {@code s} polluters keep {@code D + e} together ({@code e} up to 8 MiB) and each keeps at least {@code e + 12}
 * MiB, while all the plain classes of a suite keep less than 10 MiB together (at most 32 KiB each). So the victim dies
 * after its polluters and survives without any one of them, whatever else runs: the polluter set is the only 1-minimal
 * one, and a correct search must find exactly it. Plain classes need at most 24 MiB, polluters 8 MiB: nothing else
 * dies. A hog needs more than 240 MiB.
 */
final class RandomSuites {

    /** A culprit the generator planted: a hog has no polluters. */
    record Planted(String victim, List<String> polluters) {

        Planted {
            polluters = List.copyOf(polluters);
        }
    }

    /** A suite and what a search must find in it, in run order. */
    record Scenario(long seed, SimulatedSuite suite, List<Planted> planted) {}

    private RandomSuites() {}

    /** 10 to 300 classes, 0 to 3 segments of hogs or polluter sets of 1 to 3. */
    static Scenario mixed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int segments = random.nextInt(4);
        int size = Math.max(10, segments * 5) + random.nextInt(291 - Math.max(10, segments * 5));
        return generate(seed, random, size, segments, 0.3);
    }

    /** 20 to 300 classes and one polluter set of 1 to 3 before its victim. */
    static Scenario leak(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return generate(seed, random, 20 + random.nextInt(281), 1, 0);
    }

    private static Scenario generate(long seed, SplittableRandom random, int size, int segments, double hogShare) {
        SimulatedSuite.Builder suite = SimulatedSuite.builder().seed(seed);
        List<Planted> planted = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < segments; k++) {
            int end = k == segments - 1 ? size : start + (size - start) / (segments - k);
            String tag = "S" + k + "_";
            if (random.nextDouble() < hogShare) {
                int at = start + random.nextInt(end - start);
                for (int i = start; i < end; i++) {
                    suite.add(i == at ? plain(tag + "Hog").needs(mib(241 + random.nextInt(160))) : noise(random, i));
                }
                planted.add(new Planted(tag + "Hog", List.of()));
            } else {
                planted.add(cumulative(random, suite, tag, start, end));
            }
            start = end;
        }
        for (int i = start; i < size; i++) {
            suite.add(noise(random, i));
        }
        return new Scenario(seed, suite.build(), planted);
    }

    /** Polluters at distinct random places of the segment, the victim after the last of them. */
    private static Planted cumulative(
            SplittableRandom random, SimulatedSuite.Builder suite, String tag, int from, int to) {
        int length = to - from;
        int s = 1 + random.nextInt(Math.min(3, length - 1));
        int victimAt = s + random.nextInt(length - s);
        List<Integer> places = new ArrayList<>();
        while (places.size() < s) {
            int place = random.nextInt(victimAt);
            if (!places.contains(place)) {
                places.add(place);
            }
        }
        places.sort(null);
        long need = mib(60 + random.nextInt(101));
        long deficit = mib(240) - need;
        long excess = MIB + random.nextLong(mib(7));
        long least = excess + mib(12);
        long spare = deficit + excess - s * least;
        long[] leaks = new long[s];
        long left = spare;
        for (int i = 0; i < s; i++) {
            long share = i == s - 1 ? left : random.nextLong(left + 1);
            leaks[i] = least + share;
            left -= share;
        }
        List<String> polluters = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int p = places.indexOf(i);
            if (p >= 0) {
                String name = tag + "P" + p;
                suite.add(plain(name).leaks(leaks[p]).takes(50 + random.nextInt(400)));
                polluters.add(name);
            } else if (i == victimAt) {
                suite.add(plain(tag + "V").needs(need).takes(50 + random.nextInt(400)));
            } else {
                suite.add(noise(random, from + i));
            }
        }
        return new Planted(tag + "V", polluters);
    }

    private static SimulatedClass noise(SplittableRandom random, int index) {
        SimulatedClass c = plain(String.format("com.acme.T%03d", index))
                .needs(mib(1 + random.nextInt(24)))
                .takes(20 + random.nextInt(800));
        if (random.nextDouble() < 0.2) {
            c = c.leaks(4096 + random.nextInt(28 * 1024));
        }
        return c.allocates(c.allocated() + random.nextLong(mib(40)));
    }
}
