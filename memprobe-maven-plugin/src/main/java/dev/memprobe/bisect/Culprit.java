package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class (or set of classes) found to kill the fork.
 *
 * @param failure how the victim died, in the run the verdict rests on: its class is the victim, the class in flight
 *     when the fork died
 * @param polluters for a cumulative culprit: the earlier classes that, run before the victim, reproduce the death
 * @param retained for each polluter: the heap (or other memory) it left behind in the run that found it, in bytes
 * @param evidence the facts with the numbers that prove the verdict, in the order the report words them
 * @param reproduced how many of {@code attempts} runs reproduced the death
 * @param probes the ids of the probes that established and confirmed it
 * @param retention the heap dumps and thread lists of its classes (from the probe of a hog alone, or the first
 *     confirmation run), for the report to say what holds the memory; {@link Retention#NONE} without
 */
public record Culprit(
        Kind kind,
        Failure failure,
        List<String> polluters,
        Map<String, Long> retained,
        List<Evidence> evidence,
        int reproduced,
        int attempts,
        List<Integer> probes,
        Retention retention) {

    public Culprit {
        polluters = List.copyOf(polluters);
        retained = Collections.unmodifiableMap(new LinkedHashMap<>(retained));
        evidence = List.copyOf(evidence);
        probes = List.copyOf(probes);
        retention = retention == null ? Retention.NONE : retention;
    }

    /** A culprit without heap dumps. */
    public Culprit(
            Kind kind,
            Failure failure,
            List<String> polluters,
            Map<String, Long> retained,
            List<Evidence> evidence,
            int reproduced,
            int attempts,
            List<Integer> probes) {
        this(kind, failure, polluters, retained, evidence, reproduced, attempts, probes, Retention.NONE);
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

    /** The class in flight when the fork died. */
    public String victim() {
        return failure.victim();
    }

    public Cause cause() {
        return failure.cause();
    }

    /** The fork's exit code, when it died and Surefire reported one. */
    public Integer exitCode() {
        return failure.exitCode();
    }

    /** The test method in flight, when known. */
    public String method() {
        return failure.method();
    }

    /** A death of memory: one of the memory causes, or a JVM crash for want of native memory. */
    public boolean isMemory() {
        return failure.isMemory();
    }

    /** Polluters then victim: the classes to look at. */
    public List<String> classes() {
        List<String> all = new ArrayList<>(polluters);
        all.add(victim());
        return all;
    }
}
