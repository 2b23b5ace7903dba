package dev.memprobe.bisect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a probe's fork ended and what every class in it used.
 *
 * @param planned the classes the fork planned to run, in its run order (empty when it died before planning)
 * @param classes the classes that started, in start order
 * @param death how the fork died, or null when its run ended normally (tests may still have failed)
 * @param fork the JVM, or null when the provider never started
 * @param notes what the reader of the journal noticed: lines lost, near-limit warnings, ...
 * @param retention the heap dumps and thread lists the fork wrote for the classes the probe asked about
 */
public record ForkResult(
        Probe probe,
        List<String> planned,
        List<ClassRun> classes,
        Death death,
        long wallMs,
        ForkInfo fork,
        List<String> notes,
        Retention retention) {

    public ForkResult {
        planned = List.copyOf(planned);
        classes = List.copyOf(classes);
        notes = List.copyOf(notes);
        retention = retention == null ? Retention.NONE : retention;
    }

    /** A fork that wrote no heap dump. */
    public ForkResult(
            Probe probe,
            List<String> planned,
            List<ClassRun> classes,
            Death death,
            long wallMs,
            ForkInfo fork,
            List<String> notes) {
        this(probe, planned, classes, death, wallMs, fork, notes, Retention.NONE);
    }

    /**
     * The probe's failure: the first class that failed of memory or was running when the fork died, in start order;
     * a death outside any class when there is none. Empty when the fork finished and no test failed of memory.
     */
    public Optional<Failure> failure() {
        List<Failure> all = failures();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every failure of the probe, in start order: each class that failed of memory (a fork that goes on past memory
     * errors may have several), then the death, unless the class in flight then had already failed of memory.
     */
    public List<Failure> failures() {
        List<Failure> all = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (ClassRun run : classes) {
            if (run.outcome() == ClassRun.Outcome.MEMORY_ERROR) {
                failed.add(run.name());
                all.add(new Failure(
                        run.name(),
                        run.method(),
                        run.memoryCause() == null ? Cause.HEAP_OOM : run.memoryCause(),
                        null,
                        run.problem()));
            } else if (run.outcome() == ClassRun.Outcome.DIED && death != null) {
                break;
            }
        }
        if (death != null && (death.inFlightClass() == null || !failed.contains(death.inFlightClass()))) {
            all.add(deathFailure());
        }
        return all;
    }

    private Failure deathFailure() {
        return new Failure(
                death.inFlightClass(),
                death.inFlightMethod(),
                death.cause(),
                death.exitCode(),
                death.evidence(),
                death.outOfNativeMemory());
    }

    /**
     * This fork as far as its first class, {@code className}: what a probe of that class alone would have shown (the
     * classes after it started only once it had ended). Empty when another class started first (a framework may run
     * classes in an order of its own) or none did.
     */
    public Optional<ForkResult> asFirst(String className) {
        if (classes.isEmpty() || !classes.get(0).name().equals(className)) {
            return Optional.empty();
        }
        Death own = death != null && className.equals(death.inFlightClass()) ? death : null;
        return Optional.of(
                new ForkResult(probe, List.of(className), classes.subList(0, 1), own, wallMs, fork, notes, retention));
    }

    public Optional<ClassRun> run(String className) {
        return classes.stream().filter(c -> c.name().equals(className)).findFirst();
    }

    /** Classes that started before {@code className} in this fork, in start order. */
    public List<String> startedBefore(String className) {
        List<String> before = new ArrayList<>();
        for (ClassRun run : classes) {
            if (run.name().equals(className)) {
                return before;
            }
            before.add(run.name());
        }
        return before;
    }

    /**
     * The probe's classes still to run after {@code victim} failed: every one that did not finish in this fork, in
     * run order (the fork's plan where it wrote one, else the probe's), without the victim. Not only those after the
     * victim: a framework may run classes in an order of its own (TestNG does), and a fork stopped after a memory
     * error leaves the class it was running unfinished.
     */
    public List<String> notFinished(String victim) {
        Set<String> finished = new HashSet<>();
        for (ClassRun run : classes) {
            finished.add(run.name());
        }
        return inRunOrderExcept(finished, victim);
    }

    /**
     * The probe's classes after {@code victim} in run order, whether or not they ran in this fork: every one that did
     * not start before it, without it.
     */
    public List<String> after(String victim) {
        return inRunOrderExcept(new HashSet<>(startedBefore(victim)), victim);
    }

    /**
     * The probe's classes in run order (the fork's plan where it wrote one, else the probe's), without {@code skip}
     * and the victim.
     */
    private List<String> inRunOrderExcept(Set<String> skip, String victim) {
        List<String> order = planned.isEmpty() ? probe.classes() : planned;
        Set<String> requested = new HashSet<>(probe.classes());
        List<String> rest = new ArrayList<>();
        for (String name : order) {
            if (requested.contains(name) && !skip.contains(name) && !name.equals(victim)) {
                rest.add(name);
            }
        }
        return rest;
    }
}
