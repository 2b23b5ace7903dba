package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class (or set of classes) found to kill the fork.
 *
 * @param victim the class in flight when the fork died
 * @param polluters for a cumulative culprit: the earlier classes that, run before the victim, reproduce the death
 * @param retained for each polluter: the heap (or other memory) it left behind in the run that found it, in bytes
 * @param evidence sentences with the numbers that prove the verdict
 * @param reproduced how many of {@code attempts} runs reproduced the death
 * @param probes the ids of the probes that established and confirmed it
 */
public record Culprit(
        Kind kind,
        String victim,
        List<String> polluters,
        Map<String, Long> retained,
        Cause cause,
        Integer exitCode,
        String method,
        List<String> evidence,
        int reproduced,
        int attempts,
        List<Integer> probes) {

    public Culprit {
        polluters = List.copyOf(polluters);
        retained = Collections.unmodifiableMap(new LinkedHashMap<>(retained));
        evidence = List.copyOf(evidence);
        probes = List.copyOf(probes);
    }

    /** The values of {@code kind} in {@code report.json}. */
    public enum Kind {
        SINGLE("single"),
        CUMULATIVE("cumulative"),
        INTERMITTENT("intermittent");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** A death of memory: one of the memory causes, or a JVM crash for want of native memory. */
    public boolean isMemory() {
        return cause.isMemory()
                || (cause == Cause.JVM_CRASH && evidence.stream().anyMatch(e -> e.contains(Death.NATIVE_MEMORY)));
    }

    /** Polluters then victim: the classes to look at. */
    public List<String> classes() {
        List<String> all = new ArrayList<>(polluters);
        all.add(victim);
        return all;
    }
}
