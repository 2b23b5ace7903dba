package dev.memprobe.fork;

import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.ForkInfo;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Probe;
import dev.memprobe.bisect.Retention;
import dev.memprobe.journal.ForkEvent;
import dev.memprobe.journal.HeapDumpEvent;
import dev.memprobe.journal.JournalContents;
import dev.memprobe.journal.ThreadsLeftEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a fork's journal together with how the fork ended, and says what happened: which classes ran and what each
 * used, and, if the fork died, of what, while which class and method ran, and on what evidence
 * ({@link DeathDiagnosis}).
 */
public final class JournalInterpreter {

    private static final Pattern EXIT_CODE = Pattern.compile("Process Exit Code: (-?\\d+)");

    private JournalInterpreter() {}

    /** Surefire's "Process Exit Code: N", or null. */
    public static Integer exitCode(String surefireMessage) {
        if (surefireMessage == null) {
            return null;
        }
        Matcher m = EXIT_CODE.matcher(surefireMessage);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    public static ForkResult interpret(Probe probe, JournalContents contents, ForkEnd end) {
        List<String> notes = new ArrayList<>();
        if (!contents.present()) {
            notes.add(contents.absence());
        }
        if (contents.tornLines() > 0) {
            notes.add("the fork died while writing a journal line; that line was left out");
        }
        for (String problem : contents.problems()) {
            notes.add("journal " + problem);
        }
        ForkJournal journal = ForkJournal.of(contents.events());
        notes.addAll(journal.notes);
        if (journal.gcOverhead != null && !(end.action() instanceof ForkEnd.StoppedOnGcOverhead)) {
            notes.add("past saving while "
                    + ForkJournal.where(journal.gcOverhead.className(), journal.gcOverhead.method())
                    + " ran: "
                    + ForkJournal.pastSaving(
                            journal.gcOverhead.windowMillis(),
                            journal.gcOverhead.gcMillis(),
                            journal.gcOverhead.collections(),
                            journal.gcOverhead.leastLive(),
                            journal.gcOverhead.maxHeap())
                    + "; memprobe did not stop the fork for it");
        }
        ForkInfo fork = journal.fork == null ? null : forkInfo(journal.fork, end.askedAt());
        if (fork != null && fork.parallelForcedOff()) {
            notes.add("the project switches on JUnit parallel execution; memprobe ran this fork's classes one at a"
                    + " time so that each is measured on its own");
        }

        boolean stopped = end.action() instanceof ForkEnd.StoppedAfterMemoryError;
        // the provider's error line, or a run the provider started and never ended, is a death even when Surefire
        // saw a goodbye: with the heap still full (a static field holds it), reporting the error can fail in
        // Surefire's booter, which then says goodbye as if the run had finished
        boolean unfinished = journal.error != null || (journal.fork != null && !journal.runEnded);
        boolean died = !stopped && (unfinished || !(end.saidGoodbye() && end.action() instanceof ForkEnd.NoAction));
        Death death = died ? DeathDiagnosis.of(journal, end) : null;

        List<ClassRun> runs = new ArrayList<>();
        for (ClassLog log : journal.classes.values()) {
            ClassRun run = log.toRun(death, journal.inFlightMeasures(log.name));
            if (run != null) {
                runs.add(run);
            }
        }
        if (journal.runEnded && died && death.inFlightClass() == null) {
            notes.add("every class finished; the fork died afterwards");
        }
        return new ForkResult(
                probe, journal.planned, runs, death, end.wallMs(), fork, notes, retention(probe, journal));
    }

    /** The heap dumps and thread lists the fork journaled, as the engine carries them to a culprit. */
    private static Retention retention(Probe probe, ForkJournal journal) {
        if (journal.heapDumps.isEmpty() && journal.threadsLeft.isEmpty()) {
            return Retention.NONE;
        }
        List<Retention.HeapDump> dumps = new ArrayList<>();
        for (HeapDumpEvent e : journal.heapDumps) {
            dumps.add(new Retention.HeapDump(
                    e.className(),
                    e.phase().journalName(),
                    e.file(),
                    e.bytes(),
                    e.millis(),
                    e.compressedOops(),
                    e.skipped()));
        }
        List<Retention.LeftThreads> threads = new ArrayList<>();
        for (ThreadsLeftEvent e : journal.threadsLeft) {
            List<Retention.LeftThread> listed = new ArrayList<>();
            for (ThreadsLeftEvent.LiveThread t : e.threads()) {
                listed.add(new Retention.LeftThread(t.name(), t.daemon(), t.state(), t.runs(), t.startedBy()));
            }
            threads.add(new Retention.LeftThreads(e.className(), e.count(), listed));
        }
        return new Retention(probe.id(), dumps, threads);
    }

    private static ForkInfo forkInfo(ForkEvent fork, long askedAt) {
        long jvmStart = fork.jvmStart();
        return new ForkInfo(
                fork.pid(),
                fork.javaVersion(),
                fork.vendor(),
                fork.vm(),
                fork.maxHeap(),
                fork.collectors(),
                fork.rssResettable(),
                fork.parallelForcedOff(),
                jvmStart > 0 && askedAt > 0 ? Math.max(0, jvmStart - askedAt) : -1,
                jvmStart > 0 ? Math.max(0, fork.time() - jvmStart) : -1);
    }
}
