package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Verdicts as the search first states them, before confirmation runs: each with its evidence and probes. */
final class Culprits {

    private Culprits() {}

    /**
     * A class that dies alone.
     *
     * @param suiteRun the fork it died in first, or null when the search ran it alone from the start
     */
    static Culprit single(ForkResult alone, Failure failure, ForkResult suiteRun) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence.DiesAlone(
                failure,
                Evidence.Peak.of(alone, failure.victim(), failure.cause().resource())));
        List<Integer> probeIds = new ArrayList<>();
        int seen = 1;
        if (suiteRun != null) {
            probeIds.add(suiteRun.probe().id());
            int before = suiteRun.startedBefore(failure.victim()).size();
            boolean died = suiteRun.death() != null
                    && failure.victim().equals(suiteRun.death().inFlightClass());
            evidence.add(new Evidence.RanInSuite(suiteRun.probe().id(), before + 1, died));
            // a class that dies alone as it died among the others has been seen to fail twice: the run that
            // found it is itself the confirming run of what the whole suite showed
            if (suiteRun.failures().stream().anyMatch(failure::sameAs)) {
                seen = 2;
            }
        }
        probeIds.add(alone.probe().id());
        // the probe of the class alone asked for its dump at the memory error: the culprit's, at no extra fork
        Retention retention = alone.retention().covers(failure.victim()) ? alone.retention() : Retention.NONE;
        return new Culprit(
                Culprit.Kind.SINGLE, failure, List.of(), Map.of(), evidence, seen, seen, probeIds, retention);
    }

    /** A victim that survives alone and dies after {@code found}'s polluters. */
    static Culprit cumulative(
            ForkResult failing,
            ForkResult alone,
            Failure failure,
            PolluterSearch.Result found,
            List<Growth.Score> scores) {
        String victim = failure.victim();
        Map<String, Long> retained = new LinkedHashMap<>();
        List<Evidence.Polluter> left = new ArrayList<>();
        for (String polluter : found.polluters()) {
            long bytes = scores.stream()
                    .filter(s -> s.className().equals(polluter))
                    .mapToLong(Growth.Score::retained)
                    .findFirst()
                    .orElse(0);
            retained.put(polluter, bytes);
            left.add(new Evidence.Polluter(polluter, bytes));
        }
        List<Evidence> evidence = List.of(
                new Evidence.SurvivesAlone(
                        victim, Evidence.Peak.of(alone, victim, failure.cause().resource())),
                new Evidence.DiesAfter(left, failure),
                new Evidence.PollutersFound(
                        found.polluters().size(), found.probeIds().size(), victim));
        return new Culprit(
                Culprit.Kind.CUMULATIVE,
                failure,
                found.polluters(),
                retained,
                evidence,
                1,
                1,
                probeIds(failing, alone, found.probeIds()));
    }

    /** A victim that died once and did not die again, alone or after what ran before it. */
    static Culprit notReproduced(
            ForkResult failing, ForkResult alone, Failure failure, List<String> prefix, List<Integer> searchProbes) {
        List<Evidence> evidence =
                List.of(new Evidence.DiedInFork(failure, prefix.isEmpty()), new Evidence.NotAgain(prefix.size()));
        return new Culprit(
                Culprit.Kind.INTERMITTENT,
                failure,
                List.of(),
                Map.of(),
                evidence,
                1,
                prefix.isEmpty() ? 2 : 3,
                probeIds(failing, alone, searchProbes));
    }

    private static List<Integer> probeIds(ForkResult failing, ForkResult alone, List<Integer> more) {
        List<Integer> ids = new ArrayList<>();
        ids.add(failing.probe().id());
        ids.add(alone.probe().id());
        ids.addAll(more);
        return ids;
    }
}
