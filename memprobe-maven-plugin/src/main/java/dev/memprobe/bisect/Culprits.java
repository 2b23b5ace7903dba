package dev.memprobe.bisect;

import static dev.memprobe.bisect.Evidence.amount;
import static dev.memprobe.bisect.Evidence.count;
import static dev.memprobe.bisect.Evidence.describe;
import static dev.memprobe.bisect.Evidence.peakNote;
import static dev.memprobe.config.ClassNames.simple;

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
        List<String> evidence = new ArrayList<>();
        evidence.add("dies alone: " + describe(failure) + peakNote(alone, failure.victim(), failure.cause()));
        List<Integer> probeIds = new ArrayList<>();
        int seen = 1;
        if (suiteRun != null) {
            probeIds.add(suiteRun.probe().id());
            int before = suiteRun.startedBefore(failure.victim()).size();
            boolean died = suiteRun.death() != null
                    && failure.victim().equals(suiteRun.death().inFlightClass());
            evidence.add("in probe " + suiteRun.probe().id() + " it was class " + (before + 1) + " to run"
                    + (died ? " when the fork died" : "; the fork went on after its memory error"));
            // a class that dies alone as it died among the others has been seen to fail twice: the run that
            // found it is itself the confirming run of what the whole suite showed
            if (suiteRun.failures().stream().anyMatch(failure::sameAs)) {
                seen = 2;
            }
        }
        probeIds.add(alone.probe().id());
        return new Culprit(
                Culprit.Kind.SINGLE,
                failure.victim(),
                List.of(),
                Map.of(),
                failure.cause(),
                failure.exitCode(),
                failure.method(),
                evidence,
                seen,
                seen,
                probeIds);
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
        List<String> left = new ArrayList<>();
        for (String polluter : found.polluters()) {
            long bytes = scores.stream()
                    .filter(s -> s.className().equals(polluter))
                    .mapToLong(Growth.Score::retained)
                    .findFirst()
                    .orElse(0);
            retained.put(polluter, bytes);
            left.add(simple(polluter) + " (left " + amount(bytes, failure.cause()) + " behind)");
        }
        List<String> evidence = List.of(
                simple(victim) + " survives alone" + peakNote(alone, victim, failure.cause()),
                "after " + String.join(", ", left) + " it dies: " + describe(failure),
                searchNote(found, simple(victim)));
        return new Culprit(
                Culprit.Kind.CUMULATIVE,
                victim,
                found.polluters(),
                retained,
                failure.cause(),
                failure.exitCode(),
                failure.method(),
                evidence,
                1,
                1,
                probeIds(failing, alone, found.probeIds()));
    }

    /** A victim that died once and did not die again, alone or after what ran before it. */
    static Culprit notReproduced(
            ForkResult failing, ForkResult alone, Failure failure, List<String> prefix, List<Integer> searchProbes) {
        List<String> evidence = prefix.isEmpty()
                ? List.of("died first in its fork: " + describe(failure), "did not die when run alone again")
                : List.of(
                        "died in its fork: " + describe(failure),
                        "did not die alone, nor after the same " + count(prefix) + " run again");
        return new Culprit(
                Culprit.Kind.INTERMITTENT,
                failure.victim(),
                List.of(),
                Map.of(),
                failure.cause(),
                failure.exitCode(),
                failure.method(),
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

    /** How many probes the search took, and that the set is minimal. */
    private static String searchNote(PolluterSearch.Result found, String victim) {
        int probes = found.probeIds().size();
        String took = " found in " + probes + (probes == 1 ? " probe" : " probes");
        return found.polluters().size() == 1
                ? "polluter" + took + "; without it " + victim + " survives"
                : "polluters" + took + "; removing any one of them lets " + victim + " survive";
    }
}
