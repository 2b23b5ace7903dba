package dev.memprobe.record;

import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.ForkRunner;
import dev.memprobe.bisect.Probe;
import dev.memprobe.bisect.Purpose;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bisect's forks, its first probe answered from a recording ({@code memprobe.from}): the search asks for the whole
 * suite, and gets what the project's own run did instead, without a fork. The answer is the recorded fork that
 * failed first (the classes it ran in its order, with their measurements, and its death), followed by the classes the
 * recording's other forks finished, measured there and therefore not run again; the classes no fork finished are
 * still to run, as after any first probe. Every later probe runs in a fork. The engine is not told: for it this is a
 * first probe like any.
 */
public final class FirstProbeFromRecording implements ForkRunner {

    private final ForkRunner forks;
    private final List<RecordedFork> recorded;
    private final AtomicBoolean answered = new AtomicBoolean();

    /** @param recorded the forks of the recorded execution, in start order */
    public FirstProbeFromRecording(ForkRunner forks, List<RecordedFork> recorded) {
        this.forks = forks;
        this.recorded = List.copyOf(recorded);
    }

    @Override
    public ForkResult run(Probe probe) {
        if (probe.purpose() instanceof Purpose.WholeSuite
                && !recorded.isEmpty()
                && answered.compareAndSet(false, true)) {
            return answer(probe);
        }
        return forks.run(probe);
    }

    /** Whether the first probe was answered from the recording. */
    public boolean answered() {
        return answered.get();
    }

    /** The recorded fork the search starts from: the first that failed, else the first. */
    RecordedFork base() {
        return recorded.stream()
                .filter(f -> f.died() || f.result().failure().isPresent())
                .findFirst()
                .orElse(recorded.get(0));
    }

    private ForkResult answer(Probe probe) {
        RecordedFork base = base();
        ForkResult dead = base.result();
        List<ClassRun> runs = new ArrayList<>(dead.classes());
        Set<String> seen = new LinkedHashSet<>();
        dead.classes().forEach(run -> seen.add(run.name()));
        int others = 0;
        for (RecordedFork fork : recorded) {
            if (fork == base) {
                continue;
            }
            for (ClassRun run : fork.result().classes()) {
                boolean finished = run.outcome() == ClassRun.Outcome.PASSED || run.outcome() == ClassRun.Outcome.FAILED;
                if (finished && seen.add(run.name())) {
                    runs.add(run); // after the failure: they ran in another JVM, so none of them is a polluter
                    others++;
                }
            }
        }
        List<String> planned = new ArrayList<>(seen);
        for (String name : dead.planned()) {
            if (!planned.contains(name)) {
                planned.add(name);
            }
        }
        for (String name : probe.classes()) {
            if (!planned.contains(name)) {
                planned.add(name);
            }
        }
        List<String> notes = new ArrayList<>(dead.notes());
        notes.add("not run again: fork " + base.name().fork() + " of the recorded "
                + base.execution().label() + " ("
                + base.journal().getFileName() + ")"
                + (others == 0 ? "" : "; " + others + " classes its other forks finished are measured there"));
        Probe asked = new Probe(
                probe.id(),
                probe.classes(),
                new Purpose.Recorded(
                        base.execution().label(),
                        base.name().fork(),
                        dead.classes().size()),
                probe.surefireOrder(),
                probe.histogramClasses(),
                probe.stopOnFailure());
        return new ForkResult(asked, planned, runs, dead.death(), dead.wallMs(), dead.fork(), notes);
    }
}
