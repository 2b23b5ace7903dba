package dev.memprobe.bisect;

import static dev.memprobe.bisect.SimulatedClass.MIB;
import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random suites in which culprits overlap, one {@link Shape} each, of random sizes (3 to 80 plain classes) and
 * orders (the culprits' classes at random places among them, in any order the shape allows). Heap 256 MiB, 16 MiB
 * held by the JVM: 240 MiB for the tests. Limits outside the heap: metaspace 160 MiB (120 for the tests), 2,014
 * threads (2,000), direct buffers the heap's 256 MiB, and an RSS limit 300 MiB above what the JVM and its heap hold.
 *
 * <p>A leak's victim needs {@code N} of a resource's {@code U} for the tests, so it dies once earlier classes keep
 * more than {@code D = U - N}; its polluters keep {@code D + e} together and each at least {@code e + U/20}, while
 * plain classes keep less than 10 MiB of heap together and nothing else: the victim dies after its polluters and
 * survives without any one of them, whatever else of that resource the suite with the culprits found so far fixed
 * runs before it. Where two leaks share the heap and both polluter sets run before both victims, the first victim
 * has one polluter, and the second set keeps less than the first victim's {@code D} (so it cannot kill it) and more
 * than the second victim's: each victim's polluter set is then the only 1-minimal one in that suite, and a correct
 * search finds exactly it. A hog needs more than all of its resource.
 */
final class OverlapSuites {

    /** The ways culprits overlap that issue 18 names. */
    enum Shape {
        /** Polluters, then an unrelated hog of any kind, then the polluters' victim. */
        POLLUTER_HOG_VICTIM,
        /** Two independent leaks, every polluter before both victims: on the heap both, or one outside it. */
        INTERLEAVED_PAIRS,
        /**
         * A hog of any kind, and a leak of metaspace or threads (polluters and their victim, the hog before, among or
         * after them; or a class that starts threads until none can start).
         */
        HOG_AND_OFF_HEAP_LEAK,
        /** Native memory kept by polluters kills their victim by the memory limit; at times a heap leak spans it. */
        RSS_VICTIM,
        /** The victim dies in {@code @BeforeAll}; at times a hog of any kind runs before, among or after. */
        BEFORE_ALL_VICTIM,
        /** A hog that dies only on its first run, next to one that always does. */
        INTERMITTENT_BESIDE_STEADY
    }

    /** A culprit planted: what a search must report. */
    record Planted(Culprit.Kind kind, String victim, List<String> polluters) {

        Planted {
            polluters = List.copyOf(polluters);
        }
    }

    record Scenario(long seed, Shape shape, SimulatedSuite suite, List<Planted> planted) {}

    static final long HEAP_FOR_TESTS = mib(240);
    static final long METASPACE_LIMIT = mib(160);
    static final long METASPACE_FOR_TESTS = mib(120);
    static final long THREADS_LIMIT = 2014;
    static final long THREADS_FOR_TESTS = 2000;
    static final long DIRECT_LIMIT = mib(256);
    static final long RSS_FOR_TESTS = mib(300);
    /** What the JVM holds outside the heap in the simulation, and its heap, committed. */
    static final long RSS_LIMIT = mib(96) + mib(256) + RSS_FOR_TESTS;

    private static final Resource[] OFF_HEAP = {
        Resource.METASPACE, Resource.THREADS, Resource.DIRECT_BUFFERS, Resource.RSS
    };

    /** The culprits' classes in the order they must keep, and what a search must find. */
    private record Specials(List<SimulatedClass> ordered, List<Planted> planted) {}

    private OverlapSuites() {}

    static Scenario of(Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + shape.ordinal());
        Specials specials = switch (shape) {
            case POLLUTER_HOG_VICTIM -> polluterHogVictim(random);
            case INTERLEAVED_PAIRS -> interleaved(random);
            case HOG_AND_OFF_HEAP_LEAK -> hogAndOffHeapLeak(random);
            case RSS_VICTIM -> rssVictim(random);
            case BEFORE_ALL_VICTIM -> beforeAllVictim(random);
            case INTERMITTENT_BESIDE_STEADY -> intermittentBesideSteady(random);
        };
        SimulatedSuite.Builder suite = SimulatedSuite.builder()
                .seed(seed)
                .limit(Resource.METASPACE, METASPACE_LIMIT)
                .limit(Resource.THREADS, THREADS_LIMIT)
                .limit(Resource.DIRECT_BUFFERS, DIRECT_LIMIT)
                .limit(Resource.RSS, RSS_LIMIT);
        int noise = 3 + random.nextInt(78);
        int size = noise + specials.ordered().size();
        // the culprits' classes at random distinct places, in their order
        List<Integer> places = new ArrayList<>();
        while (places.size() < specials.ordered().size()) {
            int place = random.nextInt(size);
            if (!places.contains(place)) {
                places.add(place);
            }
        }
        places.sort(null);
        for (int i = 0, k = 0; i < size; i++) {
            if (k < places.size() && places.get(k) == i) {
                suite.add(specials.ordered().get(k++));
            } else {
                suite.add(noise(random, i));
            }
        }
        SimulatedSuite built = suite.build();
        List<String> order = built.names();
        List<Planted> planted = specials.planted().stream()
                .map(p -> new Planted(
                        p.kind(),
                        p.victim(),
                        p.polluters().stream()
                                .sorted(java.util.Comparator.comparingInt(order::indexOf))
                                .toList()))
                .toList();
        return new Scenario(seed, shape, built, planted);
    }

    private static Specials polluterHogVictim(SplittableRandom random) {
        Leak leak = leak(random, "L_", Resource.HEAP, 1 + random.nextInt(3), false);
        SimulatedClass hog = hog(random, "Hog", anyResource(random));
        List<SimulatedClass> ordered = new ArrayList<>(leak.polluters());
        ordered.add(hog);
        ordered.add(leak.victim());
        return new Specials(ordered, List.of(single(hog), leak.planted()));
    }

    private static Specials interleaved(SplittableRandom random) {
        Leak first;
        Leak second;
        if (random.nextBoolean()) {
            first = leak(random, "A_", Resource.HEAP, 1 + random.nextInt(3), false);
            second = leak(random, "B_", OFF_HEAP[random.nextInt(OFF_HEAP.length)], 1 + random.nextInt(2), false);
        } else {
            // both on the heap: the first victim's one polluter keeps more than the second set, which keeps more
            // than the second victim lacks and less than the first lacks (by 4 MiB: plain classes keep less)
            long firstNeed = mib(90 + random.nextInt(41));
            long firstDeficit = HEAP_FOR_TESTS - firstNeed;
            long firstKept = firstDeficit + MIB + random.nextLong(mib(7));
            first = new Leak(
                    List.of(plain("A_P0").leaks(firstKept).takes(takes(random))),
                    plain("A_V").needs(firstNeed).takes(takes(random)));
            // no plain class (24 MiB at most) dies after both sets: they keep at most 216 MiB together
            long room = Math.min(firstDeficit, mib(216) - firstKept) - mib(4);
            long secondKept = mib(30) + random.nextLong(Math.max(1, room - mib(30)));
            long excess = MIB + random.nextLong(Math.min(mib(7), secondKept / 4));
            long secondNeed = HEAP_FOR_TESTS - (secondKept - excess);
            int polluters = secondKept - excess >= 2 * (excess + mib(12)) && random.nextBoolean() ? 2 : 1;
            second = leakOf(random, "B_", Resource.HEAP, polluters, secondNeed, excess, mib(12), false);
        }
        List<SimulatedClass> polluters = new ArrayList<>(first.polluters());
        polluters.addAll(second.polluters());
        shuffle(random, polluters);
        List<SimulatedClass> ordered = new ArrayList<>(polluters);
        ordered.add(first.victim());
        ordered.add(second.victim());
        if (first.resource() != second.resource() && random.nextBoolean()) {
            // leaks of two resources are independent whichever victim runs first
            ordered.set(ordered.size() - 2, second.victim());
            ordered.set(ordered.size() - 1, first.victim());
        }
        return new Specials(ordered, List.of(first.planted(), second.planted()));
    }

    private static Specials hogAndOffHeapLeak(SplittableRandom random) {
        SimulatedClass hog = hog(random, "Hog", anyResource(random));
        if (random.nextInt(3) == 0) {
            // a class that starts threads until none can start: dies alone
            SimulatedClass threads = hog(random, "ThreadLeak", Resource.THREADS);
            List<SimulatedClass> ordered = new ArrayList<>(List.of(hog, threads));
            shuffle(random, ordered);
            return new Specials(ordered, List.of(single(ordered.get(0)), single(ordered.get(1))));
        }
        Resource resource = random.nextBoolean() ? Resource.METASPACE : Resource.THREADS;
        Leak leak = leak(random, "L_", resource, 1 + random.nextInt(2), false);
        List<SimulatedClass> ordered = new ArrayList<>(leak.polluters());
        ordered.add(leak.victim());
        ordered.add(random.nextInt(ordered.size() + 1), hog); // before, among or after the leak's classes
        return new Specials(ordered, List.of(single(hog), leak.planted()));
    }

    private static Specials rssVictim(SplittableRandom random) {
        Leak rss = leak(random, "N_", Resource.RSS, 1 + random.nextInt(2), false);
        if (random.nextBoolean()) {
            return new Specials(concat(rss.polluters(), List.of(rss.victim())), List.of(rss.planted()));
        }
        // a heap leak whose polluters run before the memory limit's victim and whose victim after it
        Leak heap = leak(random, "H_", Resource.HEAP, 1 + random.nextInt(2), false);
        List<SimulatedClass> polluters = concat(rss.polluters(), heap.polluters());
        shuffle(random, polluters);
        List<SimulatedClass> ordered = concat(polluters, List.of(rss.victim(), heap.victim()));
        return new Specials(ordered, List.of(rss.planted(), heap.planted()));
    }

    private static Specials beforeAllVictim(SplittableRandom random) {
        Leak leak = leak(random, "L_", Resource.HEAP, 1 + random.nextInt(3), true);
        List<SimulatedClass> ordered = new ArrayList<>(leak.polluters());
        ordered.add(leak.victim());
        if (random.nextBoolean()) {
            SimulatedClass hog = hog(random, "Hog", anyResource(random));
            ordered.add(random.nextInt(ordered.size() + 1), hog); // before, among or after the leak's classes
            return new Specials(ordered, List.of(leak.planted(), single(hog)));
        }
        return new Specials(ordered, List.of(leak.planted()));
    }

    private static Specials intermittentBesideSteady(SplittableRandom random) {
        SimulatedClass flaky = plain("Flaky").needs(mib(1 + random.nextInt(40))).diesOnRuns(1);
        SimulatedClass steady = hog(random, "Steady", anyResource(random));
        List<SimulatedClass> ordered = new ArrayList<>(List.of(flaky, steady));
        shuffle(random, ordered);
        List<Planted> planted = new ArrayList<>();
        for (SimulatedClass c : ordered) {
            planted.add(c == flaky ? new Planted(Culprit.Kind.INTERMITTENT, flaky.name(), List.of()) : single(c));
        }
        return new Specials(ordered, planted);
    }

    /** A victim of a resource and its polluters. */
    private record Leak(List<SimulatedClass> polluters, SimulatedClass victim) {

        Resource resource() {
            return victim.offHeap() == null ? Resource.HEAP : victim.offHeap();
        }

        Planted planted() {
            return new Planted(
                    Culprit.Kind.CUMULATIVE,
                    victim.name(),
                    polluters.stream().map(SimulatedClass::name).toList());
        }
    }

    /** {@code s} polluters keeping {@code D + e} of the resource, each at least {@code e + U/20}, and their victim. */
    private static Leak leak(SplittableRandom random, String tag, Resource resource, int s, boolean beforeAll) {
        long usable = forTests(resource);
        long need = usable / 4 + random.nextLong(usable * 2 / 3 - usable / 4);
        long excess = Math.max(1, usable / 240) + random.nextLong(Math.max(1, usable / 34));
        long least = usable / 20;
        int fits = (int) Math.max(1, (usable - need + excess) / (excess + least));
        return leakOf(random, tag, resource, Math.min(s, fits), need, excess, least, beforeAll);
    }

    private static Leak leakOf(
            SplittableRandom random,
            String tag,
            Resource resource,
            int s,
            long need,
            long excess,
            long least,
            boolean beforeAll) {
        long deficit = forTests(resource) - need;
        long spare = deficit + excess - s * (excess + least);
        long left = spare;
        List<SimulatedClass> polluters = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            long share = i == s - 1 ? left : random.nextLong(left + 1);
            long kept = excess + least + share;
            left -= share;
            SimulatedClass p = plain(tag + "P" + i).takes(takes(random));
            polluters.add(resource == Resource.HEAP ? p.leaks(kept) : p.leaksOffHeap(resource, kept));
        }
        SimulatedClass v = plain(tag + "V").takes(takes(random));
        v = resource == Resource.HEAP ? v.needs(need) : v.needsOffHeap(resource, need);
        return new Leak(polluters, beforeAll ? v.inBeforeAll() : v);
    }

    /** A class that needs more of the resource than the tests have, whatever ran before it. */
    private static SimulatedClass hog(SplittableRandom random, String name, Resource resource) {
        long usable = forTests(resource);
        long more = usable / 100 + random.nextLong(usable * 2 / 3);
        SimulatedClass hog = plain(name).takes(takes(random));
        return resource == Resource.HEAP ? hog.needs(usable + more) : hog.needsOffHeap(resource, usable + more);
    }

    private static Resource anyResource(SplittableRandom random) {
        int pick = random.nextInt(OFF_HEAP.length + 2);
        return pick < 2 ? Resource.HEAP : OFF_HEAP[pick - 2];
    }

    static long forTests(Resource resource) {
        return switch (resource) {
            case HEAP -> HEAP_FOR_TESTS;
            case METASPACE -> METASPACE_FOR_TESTS;
            case THREADS -> THREADS_FOR_TESTS;
            case DIRECT_BUFFERS -> DIRECT_LIMIT;
            case RSS -> RSS_FOR_TESTS;
        };
    }

    private static Planted single(SimulatedClass hog) {
        return new Planted(Culprit.Kind.SINGLE, hog.name(), List.of());
    }

    private static long takes(SplittableRandom random) {
        return 50 + random.nextInt(400);
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

    private static <T> void shuffle(SplittableRandom random, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static List<SimulatedClass> concat(List<SimulatedClass> a, List<SimulatedClass> b) {
        List<SimulatedClass> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
