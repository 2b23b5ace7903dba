package dev.memprobe.record;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Probe;
import dev.memprobe.bisect.Purpose;
import dev.memprobe.fork.ForkEnd;
import dev.memprobe.fork.JournalInterpreter;
import dev.memprobe.journal.ClassEndEvent;
import dev.memprobe.journal.ClassStartEvent;
import dev.memprobe.journal.ErrorEvent;
import dev.memprobe.journal.ForkEvent;
import dev.memprobe.journal.GcOverheadEvent;
import dev.memprobe.journal.JournalContents;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalVisitor;
import dev.memprobe.journal.NearLimitEvent;
import dev.memprobe.journal.PlanEvent;
import dev.memprobe.journal.ShutdownEvent;
import dev.memprobe.recorder.JournalName;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Numbers;
import dev.memprobe.units.Size;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a recorded fork's journal into a {@link RecordedFork}. The journal says whether the fork's run ended; how it
 * died, where it did not, is what memprobe's own forks would have said, with what only the project's run knows
 * added: Surefire's message and exit code (of the first fork that failed), its dump file (the error that ended a JUnit
 * 5 run), and the container's OOM kills (the proof that a SIGKILL was the kernel's OOM killer).
 */
final class ForkReading {

    /** What the build around a fork knows of its end. */
    record Evidence(
            String surefireMessage,
            Integer exitCode,
            String dumpText,
            String dumpFile,
            long oomKillsBefore,
            long oomKillsAfter,
            String cgroup,
            Path crashLog) {

        static final Evidence NONE = new Evidence(null, null, null, null, -1, -1, null, null);
    }

    /** What Surefire says when its {@code forkedProcessTimeoutInSeconds} ends the forks. */
    static final String SUREFIRE_TIMEOUT = "There was a timeout in the fork";

    private ForkReading() {}

    /** @param contents the journal, already read */
    static RecordedFork read(
            int id,
            ExecutionRecord execution,
            Path journal,
            JournalName name,
            Evidence evidence,
            JournalContents contents) {
        Events events = Events.of(contents.events());
        Probe probe = new Probe(
                id,
                events.classes(),
                new Purpose.Recorded(execution.label(), name.fork(), events.started.size()),
                false,
                Set.of(),
                false);
        ForkEnd end = new ForkEnd(
                true,
                evidence.exitCode(),
                evidence.surefireMessage(),
                new ForkEnd.NoAction(),
                evidence.crashLog(),
                events.wallMs(name.start()),
                -1);
        ForkResult result = JournalInterpreter.interpret(probe, contents, end);
        if (result.death() != null) {
            Death death = events.error == null ? timedOut(result.death(), events.nearLimit, evidence) : null;
            result = withDeath(
                    result,
                    crawled(
                            death != null ? death : refine(result.death(), events.shutdown, events.nearLimit, evidence),
                            events.gcOverhead));
        }
        return new RecordedFork(execution, name, journal, result, events.overlapped, pastSaving(events.gcOverhead));
    }

    /** The death as the project's run explains it better than the journal alone. */
    static Death refine(Death death, ShutdownEvent shutdown, List<NearLimitEvent> nearLimit, Evidence evidence) {
        // no shutdown hook ran: the JVM was killed (or halted), whatever a dump of the same fork number says
        Integer exit = evidence.exitCode();
        boolean vanished = shutdown == null
                && (exit == null || exit == 137)
                && (death.cause() == Cause.FORK_ERROR || death.cause() == Cause.KILLED);
        if (vanished) {
            return new Death(
                    Cause.KILLED,
                    evidence.exitCode(),
                    death.inFlightClass(),
                    death.inFlightMethod(),
                    (evidence.exitCode() == null
                                    ? "the JVM ended without running its shutdown hooks: a SIGKILL"
                                    : "exit code " + evidence.exitCode() + ": a SIGKILL")
                            + ", and " + oomKiller(evidence));
        }
        String error = firstError(evidence.dumpText(), evidence.surefireMessage());
        boolean booterExit = shutdown != null
                && shutdown.caller() != null
                && shutdown.caller().contains("org.apache.maven.surefire.booter.");
        if ((death.cause() == Cause.EXIT && booterExit) || (death.cause() == Cause.FORK_ERROR && error != null)) {
            // Surefire's booter caught what the test framework threw and ended the fork: the error is in its dump,
            // which stays empty when the heap is still full; then the heap's state says it
            NearLimitEvent full = nearLimit.stream()
                    .filter(e -> death.inFlightClass() != null
                            && death.inFlightClass().equals(e.className()))
                    .findFirst()
                    .orElse(null);
            if (error == null && full != null) {
                return new Death(
                        Cause.HEAP_OOM,
                        evidence.exitCode(),
                        death.inFlightClass(),
                        death.inFlightMethod(),
                        "Surefire ended the fork after the heap filled up (" + full.pool() + " held "
                                + dev.memprobe.units.Size.format(full.used()) + " of "
                                + dev.memprobe.units.Size.format(full.max())
                                + " after a collection): the test framework rethrew an OutOfMemoryError");
            }
            Cause cause = error == null ? Cause.FORK_ERROR : causeOf(error);
            return new Death(
                    cause,
                    evidence.exitCode(),
                    death.inFlightClass(),
                    death.inFlightMethod(),
                    (error == null ? "Surefire ended the fork after an error" : error)
                            + (evidence.dumpFile() == null ? "" : " (Surefire's " + evidence.dumpFile() + ")"));
        }
        return death;
    }

    /**
     * The death of a fork that Surefire's {@code forkedProcessTimeoutInSeconds} ended ("There was a timeout in the
     * fork"), or null when Surefire did not say so: its journal, which has no error line, just stops, and a full heap
     * in its last class is then how it spent its time, not what ended it.
     */
    static Death timedOut(Death death, List<NearLimitEvent> nearLimit, Evidence evidence) {
        String message = evidence.surefireMessage();
        if (message == null || !message.contains(SUREFIRE_TIMEOUT)) {
            return null;
        }
        NearLimitEvent full = nearLimit.stream()
                .filter(e ->
                        death.inFlightClass() != null && death.inFlightClass().equals(e.className()))
                .findFirst()
                .orElse(null);
        return new Death(
                Cause.TIMEOUT,
                evidence.exitCode(),
                death.inFlightClass(),
                death.inFlightMethod(),
                "Surefire ended the fork when its forkedProcessTimeoutInSeconds ran out (\"" + SUREFIRE_TIMEOUT + "\")"
                        + (full == null
                                ? ""
                                : ", the heap nearly full (" + full.pool() + " held "
                                        + Size.format(full.used()) + " of " + Size.format(full.max())
                                        + " after a collection)"));
    }

    /**
     * The death of a fork that was past saving before it died, timed out or was killed: its evidence says so, since
     * the crawl in collections is what the fork's last minutes were (a recording only reports it; bisect's probes stop
     * there).
     */
    static Death crawled(Death death, GcOverheadEvent crawl) {
        if (crawl == null || death.cause() == Cause.GC_OVERHEAD) {
            return death;
        }
        return new Death(
                death.cause(),
                death.exitCode(),
                death.inFlightClass(),
                death.inFlightMethod(),
                (death.evidence() == null ? "" : death.evidence() + "; ") + "before that, it was " + pastSaving(crawl)
                        + " (memprobe only reports this in a recording; bisect's probes stop there,"
                        + " memprobe.stopOnGcOverhead)",
                death.outOfNativeMemory());
    }

    /**
     * "past saving while a.CacheTest#fills ran: 94% of the last 10 s in GC (1,024 collections), at least 60 MiB of 64
     * MiB live after each", or null without a gc-overhead line.
     */
    static String pastSaving(GcOverheadEvent crawl) {
        if (crawl == null) {
            return null;
        }
        long window = crawl.windowMillis();
        String where = crawl.className() == null
                ? "outside any test class"
                : "while " + crawl.className() + (crawl.method() == null ? "" : "#" + crawl.method()) + " ran";
        String share = window > 0 ? Math.round(crawl.gcMillis() * 100.0 / window) + "%" : "most";
        String last = window > 0 && window % 1000 == 0 ? (window / 1000) + " s" : Durations.format(window);
        return "past saving " + where + ": " + share + " of the last " + last + " in GC"
                + (crawl.collections() > 0 ? " (" + Numbers.grouped(crawl.collections()) + " collections)" : "")
                + ", at least " + Size.format(crawl.leastLive()) + " of " + Size.format(crawl.maxHeap())
                + " live after each";
    }

    /** Whether the kernel's OOM killer sent the SIGKILL, as far as the container's counters say. */
    static String oomKiller(Evidence evidence) {
        long before = evidence.oomKillsBefore();
        long after = evidence.oomKillsAfter();
        if (before < 0 || after < 0) {
            return "no cgroup OOM counter could be read, so whether the kernel's OOM killer sent it is not known"
                    + " (exit 137 alone does not prove it)";
        }
        if (after > before) {
            return "it was the kernel's OOM killer: the container's oom_kill count rose from " + before + " to " + after
                    + " while the tests ran (" + evidence.cgroup() + ")";
        }
        return "not the kernel's OOM killer: the container's oom_kill count stayed at " + after + " ("
                + evidence.cgroup() + "); another process sent it";
    }

    private static Cause causeOf(String error) {
        int colon = error.indexOf(':');
        String type = colon < 0 ? error : error.substring(0, colon).trim();
        String message = colon < 0 ? null : error.substring(colon + 1).trim();
        return Cause.ofError(type, message).orElse(Cause.FORK_ERROR);
    }

    /** The first {@code java...Error: message} or {@code ...Exception: message} line of the dump or message. */
    static String firstError(String dump, String message) {
        for (String text : new String[] {dump, message}) {
            if (text == null) {
                continue;
            }
            for (String line : text.split("\n")) {
                String trimmed = line.trim();
                int at = trimmed.indexOf("java.lang.OutOfMemoryError");
                if (at >= 0) {
                    return trimmed.substring(at);
                }
            }
        }
        for (String text : new String[] {dump, message}) {
            if (text == null) {
                continue;
            }
            for (String line : text.split("\n")) {
                String trimmed = line.trim();
                if (trimmed.matches("(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Error|Exception)(?::.*)?")
                        && !trimmed.startsWith("org.apache.maven.")) {
                    return trimmed;
                }
            }
        }
        return null;
    }

    /** The result with another death: the class in flight's run carries its words. */
    static ForkResult withDeath(ForkResult result, Death death) {
        List<ClassRun> runs = new ArrayList<>();
        for (ClassRun run : result.classes()) {
            if (run.outcome() == ClassRun.Outcome.DIED) {
                String problem =
                        death.cause().description() + (death.evidence() == null ? "" : ": " + death.evidence());
                run = new ClassRun(run.name(), run.outcome(), 0, 0, 0, 0, run.measure(), problem, run.method(), null);
            }
            runs.add(run);
        }
        return new ForkResult(
                result.probe(), result.planned(), runs, death, result.wallMs(), result.fork(), result.notes());
    }

    /** What the reading needs beyond the interpreter: the classes in order, the shutdown, overlapping classes. */
    private static final class Events implements JournalVisitor {
        final Set<String> planned = new LinkedHashSet<>();
        final Set<String> started = new LinkedHashSet<>();
        final Set<String> open = new HashSet<>();
        ShutdownEvent shutdown;
        ErrorEvent error;
        /** The first line that the fork is past saving, or null. */
        GcOverheadEvent gcOverhead;

        final List<NearLimitEvent> nearLimit = new ArrayList<>();
        ForkEvent fork;
        boolean overlapped;
        long last = -1;

        static Events of(List<JournalEvent> events) {
            Events seen = new Events();
            for (JournalEvent event : events) {
                event.accept(seen);
                seen.last = Math.max(seen.last, event.time());
            }
            return seen;
        }

        /** The classes the fork planned and started, in that order. */
        List<String> classes() {
            Set<String> all = new LinkedHashSet<>(started);
            all.addAll(planned);
            return List.copyOf(all);
        }

        long wallMs(long jvmStart) {
            return last > 0 && jvmStart > 0 ? Math.max(0, last - jvmStart) : 0;
        }

        @Override
        public void fork(ForkEvent event) {
            fork = event;
        }

        @Override
        public void plan(PlanEvent event) {
            planned.addAll(event.classes());
        }

        @Override
        public void classStart(ClassStartEvent event) {
            overlapped |= !open.isEmpty();
            open.add(event.className());
            started.add(event.className());
        }

        @Override
        public void classEnd(ClassEndEvent event) {
            open.remove(event.className());
        }

        @Override
        public void shutdown(ShutdownEvent event) {
            shutdown = event;
        }

        @Override
        public void nearLimit(NearLimitEvent event) {
            nearLimit.add(event);
        }

        @Override
        public void error(ErrorEvent event) {
            error = event;
        }

        @Override
        public void gcOverhead(GcOverheadEvent event) {
            if (gcOverhead == null) {
                gcOverhead = event;
            }
        }
    }
}
