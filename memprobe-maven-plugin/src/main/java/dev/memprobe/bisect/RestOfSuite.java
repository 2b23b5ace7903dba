package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The probes that run the rest of the suite after a failure, for {@link BisectSearch}: what each carries of what the
 * suite with the culprits found so far fixed ({@link FixedSuite}) runs before the failing class, what it runs after,
 * what it asks, and, once it ran, what it was asked to do.
 */
final class RestOfSuite {

    /** The share of the heap below which a class that died of the heap had little live before it: an eighth. */
    private static final int LITTLE_HEAP = 8;

    /**
     * A probe for the rest of the suite after {@code after} failed.
     *
     * @param first the class it runs first to see whether it dies alone (diagnosed by the time its result is read),
     *     or null
     * @param before the classes that ran before {@code after} where it failed: what may be carried
     * @param carried the classes it carries, in CI's order
     * @param leftOut suspects of {@code first} it did not carry, although the fixed suite then had them
     * @param rest the classes it runs after the carried ones, in run order
     * @param again for a failure run again because its fork was not trusted: that failure, else null
     */
    record Rest(
            String after,
            String first,
            List<String> before,
            List<String> carried,
            List<String> leftOut,
            List<String> rest,
            Untrusted again) {

        Rest {
            before = List.copyOf(before);
            carried = List.copyOf(carried);
            leftOut = List.copyOf(leftOut);
            rest = List.copyOf(rest);
        }
    }

    /** A failure in probe {@code probe}, after {@code excluded} had run there, classes the fixed suite no longer has. */
    record Untrusted(Failure failure, int probe, List<String> excluded) {}

    private final Investigation investigation;
    private final FixedSuite fixed;
    /** What each probe that runs the rest of the suite was asked to do, by probe id. */
    private final Map<Integer, Rest> started = new HashMap<>();

    RestOfSuite(Investigation investigation) {
        this.investigation = investigation;
        this.fixed = investigation.fixed();
    }

    /** What {@code probe} was asked to do, if it runs the rest of the suite; else null. */
    Rest of(Probe probe) {
        return started.get(probe.id());
    }

    /** The classes of the probe's rest, without those it carried and the one it ran first. */
    static List<String> notCarried(List<String> classes, Rest ran) {
        if (ran == null) {
            return classes;
        }
        Set<String> skip = new HashSet<>(ran.carried());
        if (ran.first() != null) {
            skip.add(ran.first());
        }
        return classes.stream().filter(c -> !skip.contains(c)).toList();
    }

    /**
     * The class alone first, then the fixed suite's classes before it without its suspects (a probe never runs a
     * class's suspected polluters after it, unless it likely dies alone: below), then the rest, going on past memory
     * errors as a probe of the suite.
     *
     * <p>A class that died of the heap with less than an eighth of it live before it ({@link #LITTLE_HEAP}) most
     * likely dies alone, a hog: the classes before it kept too little to be what it lacked. Its suspects are carried
     * too, so that when it dies alone and the fork goes on, what runs after it is the rest of the suite as CI would
     * have run it, and the rest needs no fork of its own. Should it survive alone, the rest ran after its suspects:
     * a failure there after a suspect later blamed is not trusted and runs again (issue 18), as after any class the
     * fixed suite no longer has.
     */
    Rest aloneFirst(ForkResult result, Failure failure, List<String> before, List<String> restClasses) {
        String victim = failure.victim();
        List<String> candidates = fixed.keep(before);
        // a death of memory has suspects; System.exit or a crash has none
        List<String> suspects = !failure.isMemory() || likelyAlone(result, failure)
                ? List.of()
                : Growth.suspects(
                        Growth.rank(result, victim, failure.cause()),
                        candidates,
                        investigation.request().maxPolluters(),
                        Growth.noiseFloor(result, failure.cause()));
        List<String> carried = new ArrayList<>(candidates);
        carried.removeAll(suspects);
        return new Rest(victim, victim, before, carried, suspects, restClasses, null);
    }

    private static boolean likelyAlone(ForkResult result, Failure failure) {
        if (failure.cause().resource() != Resource.HEAP) {
            return false;
        }
        return result.run(failure.victim())
                .map(ClassRun::measure)
                .filter(m -> m.liveBefore() >= 0 && m.heapMax() > 0)
                .map(m -> m.liveBefore() < m.heapMax() / LITTLE_HEAP)
                .orElse(false);
    }

    /**
     * What the fixed suite runs before {@code after}, then {@code restClasses}. The class itself is carried too when its
     * verdict left it in the fixed suite (a victim whose polluters were found keeps what it keeps), unless it runs
     * again at the head of the rest; before its verdict (the fork beside it when probes run in parallel) it is not.
     */
    Rest after(String after, List<String> before, List<String> restClasses, Untrusted again) {
        List<String> carry = new ArrayList<>(before);
        if (again == null && !restClasses.contains(after)) {
            carry.add(after);
        }
        return new Rest(after, null, before, fixed.keep(carry), List.of(), restClasses, again);
    }

    /**
     * What the fixed suite runs before {@code after}, then {@code restClasses}, before {@code after}'s verdict: the
     * fork beside it when probes run in parallel, which does not carry it.
     */
    Rest beside(String after, List<String> before, List<String> restClasses) {
        return new Rest(after, null, before, fixed.keep(before), List.of(), restClasses, null);
    }

    /** The same rest, carrying what the fixed suite now runs before it (a carried class died in it). */
    Rest again(Rest ran) {
        return after(ran.after(), ran.before(), ran.rest(), ran.again());
    }

    Optional<Probes.Pending> start(Rest rest) {
        List<String> classes = new ArrayList<>();
        if (rest.first() != null) {
            classes.add(rest.first());
        }
        classes.addAll(rest.carried());
        classes.addAll(rest.rest());
        ProbePlan plan = ProbePlan.of(classes, purpose(rest));
        // the class run first asks its own question; the rest goes on past memory errors as a probe of the suite
        Optional<Probes.Pending> pending = investigation.start(
                rest.first() != null
                        ? plan.goingOnPastMemoryErrors()
                        : investigation.suitePart(classes, plan.purpose()));
        pending.ifPresent(p -> started.put(p.probe().id(), rest));
        return pending;
    }

    private static Purpose purpose(Rest rest) {
        int carried = rest.carried().size();
        if (rest.again() != null) {
            return new Purpose.Again(rest.after(), carried, rest.rest().size() - 1);
        }
        if (rest.first() != null) {
            return carried == 0
                    ? new Purpose.AloneThenRest(rest.first(), rest.rest().size())
                    : new Purpose.AloneThenCarriedRest(
                            rest.first(), carried, rest.rest().size());
        }
        return carried == 0
                ? new Purpose.NotYetRun(rest.rest().size())
                : new Purpose.CarriedRest(rest.after(), carried, rest.rest().size());
    }
}
