package dev.memprobe.fork;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.ForkInfo;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Measure;
import dev.memprobe.bisect.Probe;
import dev.memprobe.config.Durations;
import dev.memprobe.config.Size;
import dev.memprobe.journal.Journal;
import dev.memprobe.journal.JournalEntry;
import dev.memprobe.journal.JournalReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a fork's journal together with how the fork ended, and says what happened: which classes ran and what each
 * used, and, if the fork died, of what, while which class and method ran, and on what evidence.
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

    public static ForkResult interpret(Probe probe, JournalReader.Contents journal, ForkEnd end) {
        List<String> notes = new ArrayList<>();
        if (!journal.present()) {
            notes.add(journal.absence());
        }
        if (journal.tornLines() > 0) {
            notes.add("the fork died while writing a journal line; that line was left out");
        }
        for (String problem : journal.problems()) {
            notes.add("journal " + problem);
        }

        ForkInfo fork = null;
        List<String> planned = List.of();
        Map<String, ClassState> classes = new LinkedHashMap<>();
        ClassState current = null;
        JournalEntry error = null;
        JournalEntry shutdown = null;
        Map<String, JournalEntry> nearLimit = new LinkedHashMap<>();
        boolean runEnded = false;
        for (JournalEntry entry : journal.entries()) {
            switch (entry.event()) {
                case Journal.FORK -> fork = forkInfo(entry, end.askedAt());
                case Journal.PLAN -> planned = strings(entry.list(Journal.CLASSES));
                case Journal.CLASS_START -> {
                    // a class that runs again in one fork keeps the measurements of its first run
                    current = classes.computeIfAbsent(entry.string(Journal.CLASS), ClassState::new);
                    current.method = null;
                }
                case Journal.TEST_START -> {
                    if (current != null) {
                        current.method = entry.string(Journal.METHOD);
                    }
                }
                case Journal.TEST_END -> {
                    if (current != null) {
                        current.method = null;
                        String throwable = entry.string(Journal.THROWABLE);
                        if (current.memoryError == null
                                && Cause.ofError(throwable, entry.string(Journal.MESSAGE))
                                        .isPresent()) {
                            current.memoryError = problem(throwable, entry.string(Journal.MESSAGE));
                            current.memoryMethod = entry.string(Journal.METHOD);
                        }
                    }
                }
                case Journal.CLASS_END -> {
                    ClassState ended = classes.get(entry.string(Journal.CLASS));
                    if (ended != null) {
                        ended.end = entry;
                        if (ended == current) {
                            current = null;
                        }
                    }
                }
                case Journal.NEAR_LIMIT -> {
                    nearLimit.putIfAbsent(String.valueOf(entry.string(Journal.CLASS)), entry);
                    notes.add("near the limit: " + entry.string(Journal.POOL) + " held "
                            + Size.format(entry.number(Journal.USED, -1)) + " of "
                            + Size.format(entry.number(Journal.MAX, -1)) + " after a collection while "
                            + where(entry.string(Journal.CLASS), entry.string(Journal.METHOD)) + " ran");
                }
                case Journal.RECOVERED ->
                    notes.add("the fork went on after the OutOfMemoryError of "
                            + entry.string(Journal.CLASS) + ": a full collection left "
                            + Size.format(entry.number(Journal.USED, -1)) + " of "
                            + Size.format(entry.number(Journal.MAX, -1)) + " in use");
                case Journal.ERROR -> error = entry;
                case Journal.SHUTDOWN -> shutdown = entry;
                case Journal.RUN_END -> runEnded = true;
                default -> {
                    // a newer provider's event: nothing to read here
                }
            }
        }
        if (fork != null && fork.parallelForcedOff()) {
            notes.add("the project switches on JUnit parallel execution; memprobe ran this fork's classes one at a"
                    + " time so that each is measured on its own");
        }

        boolean stopped = end.action() instanceof ForkEnd.StoppedAfterMemoryError;
        // the provider's error line, or a run the provider started and never ended, is a death even when Surefire
        // saw a goodbye: with the heap still full (a static field holds it), reporting the error can fail in
        // Surefire's booter, which then says goodbye as if the run had finished
        boolean unfinished = error != null || (fork != null && !runEnded);
        boolean died = !stopped && (unfinished || !(end.saidGoodbye() && end.action() instanceof ForkEnd.NoAction));
        Death death = died ? death(current, error, shutdown, end, runEnded, nearLimit) : null;

        List<ClassRun> runs = new ArrayList<>();
        for (ClassState state : classes.values()) {
            ClassRun run = state.toRun(death, error, shutdown);
            if (run != null) {
                runs.add(run);
            }
        }
        if (runEnded && died && death != null && death.inFlightClass() == null) {
            notes.add("every class finished; the fork died afterwards");
        }
        return new ForkResult(probe, planned, runs, death, end.wallMs(), fork, notes);
    }

    private static Death death(
            ClassState inFlight,
            JournalEntry error,
            JournalEntry shutdown,
            ForkEnd end,
            boolean runEnded,
            Map<String, JournalEntry> nearLimit) {
        String className = inFlight == null ? null : inFlight.name;
        String method = inFlight == null ? null : inFlight.method;
        Integer exit = end.exitCode();
        if (end.action() instanceof ForkEnd.KilledOverMemoryLimit limit) {
            return new Death(
                    Cause.MEMORY_LIMIT,
                    137,
                    className,
                    method,
                    "RSS " + Size.format(limit.rss()) + " > memprobe.memoryLimit " + Size.format(limit.limit())
                            + "; memprobe killed the fork with SIGKILL, as a container's OOM killer would");
        }
        if (end.action() instanceof ForkEnd.TimedOut timeout) {
            return new Death(
                    Cause.TIMEOUT,
                    exit,
                    className,
                    method,
                    "ran past memprobe.forkTimeout (" + Durations.format(timeout.timeoutMillis())
                            + "); memprobe sent SIGTERM"
                            + (timeout.killedAfterGrace() ? ", then SIGKILL when it did not stop" : ""));
        }
        if (error != null) {
            String throwable = error.string(Journal.THROWABLE);
            String message = error.string(Journal.MESSAGE);
            String errorClass = error.string(Journal.CLASS) != null ? error.string(Journal.CLASS) : className;
            String errorMethod = error.string(Journal.CLASS) != null ? error.string(Journal.METHOD) : method;
            JournalEntry full = nearLimit.get(String.valueOf(errorClass));
            if (Cause.ofError(throwable, message).isEmpty() && full != null && initializerFailure(throwable)) {
                // memory ran out inside a class initializer (often JUnit's own); later uses of that class fail
                // with NoClassDefFoundError instead of the OutOfMemoryError itself
                return new Death(
                        Cause.HEAP_OOM,
                        exit,
                        errorClass,
                        errorMethod,
                        problem(throwable, message) + ", thrown after the heap filled up (" + full.string(Journal.POOL)
                                + " held " + Size.format(full.number(Journal.USED, -1)) + " of "
                                + Size.format(full.number(Journal.MAX, -1)) + " after a collection)");
            }
            return new Death(
                    Cause.ofError(throwable, message).orElse(Cause.FORK_ERROR),
                    exit,
                    errorClass,
                    errorMethod,
                    problem(throwable, message));
        }
        if (end.crashLog() != null) {
            String summary = CrashLog.summary(end.crashLog());
            boolean nativeMemory = CrashLog.outOfNativeMemory(end.crashLog());
            return new Death(
                    Cause.JVM_CRASH,
                    exit,
                    className,
                    method,
                    (nativeMemory ? Death.NATIVE_MEMORY + " and crashed" : "the JVM crashed")
                            + (summary == null ? "" : ": " + summary)
                            + "; see " + end.crashLog());
        }
        if (shutdown != null) {
            String trigger = shutdown.string(Journal.TRIGGER);
            String caller = shutdown.string(Journal.CALLER);
            String inClass = shutdown.string(Journal.CLASS);
            String inMethod = shutdown.string(Journal.METHOD);
            if (Journal.TRIGGER_EXIT.equals(trigger)) {
                return new Death(
                        Cause.EXIT,
                        exit,
                        inClass,
                        inMethod,
                        "System.exit(" + (exit == null ? "?" : exit) + ") called"
                                + (caller == null ? "" : " from " + caller));
            }
            if (Journal.TRIGGER_SIGNAL.equals(trigger)) {
                return new Death(
                        Cause.TERMINATED,
                        exit == null ? 143 : exit,
                        inClass,
                        inMethod,
                        (caller == null ? "a signal" : caller) + " from outside memprobe stopped the fork");
            }
        }
        if (exit != null && exit == 137) {
            return new Death(
                    Cause.KILLED,
                    exit,
                    className,
                    method,
                    "exit code 137: SIGKILL from outside memprobe. That is what a container's OOM killer sends,"
                            + " but the exit code alone does not prove it (check the CI's memory limit, dmesg)");
        }
        if (exit != null && exit == 143) {
            return new Death(Cause.TERMINATED, exit, className, method, "exit code 143: SIGTERM from outside memprobe");
        }
        if (exit != null && exit == 134) {
            return new Death(Cause.JVM_CRASH, exit, className, method, "exit code 134: the JVM aborted (SIGABRT)");
        }
        String message = end.surefireMessage() == null ? "" : firstLine(end.surefireMessage());
        JournalEntry full = runEnded || className == null ? null : nearLimit.get(className);
        if (full != null) {
            // no error reached the journal, but the heap was full: an OutOfMemoryError in a thread other than the
            // test's (one of Surefire's, which ends the fork) leaves exactly this behind
            return new Death(
                    Cause.HEAP_OOM,
                    exit,
                    className,
                    method,
                    (message.isEmpty() ? "the fork ended abnormally" : message.replaceAll("\\.$", ""))
                            + ", after the heap filled up ("
                            + full.string(Journal.POOL) + " held " + Size.format(full.number(Journal.USED, -1))
                            + " of " + Size.format(full.number(Journal.MAX, -1)) + " after a collection): an"
                            + " OutOfMemoryError outside the test's thread ends a fork without a trace");
        }
        if (message.isEmpty() && end.saidGoodbye() && !runEnded) {
            message = "the fork said goodbye to Surefire before its run ended (the journal has no run-end)";
        }
        return new Death(
                Cause.FORK_ERROR,
                exit,
                runEnded ? null : className,
                runEnded ? null : method,
                message.isEmpty() ? "the fork ended abnormally" : message);
    }

    private static boolean initializerFailure(String throwable) {
        return "java.lang.NoClassDefFoundError".equals(throwable)
                || "java.lang.ExceptionInInitializerError".equals(throwable);
    }

    private static ForkInfo forkInfo(JournalEntry entry, long askedAt) {
        long jvmStart = entry.number(Journal.JVM_START, -1);
        return new ForkInfo(
                entry.number(Journal.PID, -1),
                entry.string(Journal.JAVA_VERSION),
                entry.string(Journal.JAVA_VENDOR),
                entry.string(Journal.VM),
                entry.number(Journal.MAX_HEAP, -1),
                strings(entry.list(Journal.GCS)),
                entry.flag(Journal.RSS_RESET),
                entry.flag("parallelForcedOff"),
                jvmStart > 0 && askedAt > 0 ? Math.max(0, jvmStart - askedAt) : -1,
                jvmStart > 0 ? Math.max(0, entry.time() - jvmStart) : -1);
    }

    static Measure measure(JournalEntry e) {
        Map<String, Long> pools = new LinkedHashMap<>();
        for (Map.Entry<String, Object> pool : e.map(Journal.POOL_PEAKS).entrySet()) {
            if (pool.getValue() instanceof Number n) {
                pools.put(pool.getKey(), n.longValue());
            }
        }
        List<Measure.HistogramRow> histogram = new ArrayList<>();
        for (Object row : e.list(Journal.HISTOGRAM)) {
            if (row instanceof Map<?, ?> map) {
                histogram.add(new Measure.HistogramRow(
                        String.valueOf(map.get("type")),
                        number(map.get("bytes")),
                        number(map.get("instances")),
                        number(map.get("growth"))));
            }
        }
        return new Measure(
                e.number(Journal.MILLIS, -1),
                e.number(Journal.HEAP_PEAK, -1),
                e.number(Journal.LIVE_MIN, -1),
                e.number(Journal.LIVE_MAX, -1),
                e.number(Journal.LIVE_LAST, -1),
                e.number(Journal.LIVE_BEFORE, -1),
                e.number(Journal.RETAINED, -1),
                e.number(Journal.HEAP_END, -1),
                e.number(Journal.HEAP_MAX, -1),
                e.number(Journal.RSS_PEAK, -1),
                e.number(Journal.RSS_END, -1),
                e.number(Journal.DIRECT_PEAK, -1),
                e.number(Journal.DIRECT_END, -1),
                e.number(Journal.MAPPED_END, -1),
                e.number(Journal.METASPACE_PEAK, -1),
                e.number(Journal.METASPACE_END, -1),
                e.number(Journal.THREADS_START, -1),
                e.number(Journal.THREADS_PEAK, -1),
                e.number(Journal.THREADS_END, -1),
                e.number(Journal.ALLOCATED, -1),
                e.number(Journal.GC_COUNT, -1),
                e.number(Journal.GC_MILLIS, -1),
                pools,
                histogram);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }

    private static List<String> strings(List<Object> values) {
        List<String> result = new ArrayList<>();
        for (Object value : values) {
            result.add(String.valueOf(value));
        }
        return result;
    }

    private static String problem(String throwable, String message) {
        if (throwable == null) {
            return message;
        }
        return message == null || message.isEmpty() ? throwable : throwable + ": " + message;
    }

    private static String where(String className, String method) {
        if (className == null) {
            return "no test class";
        }
        return method == null ? className : className + "#" + method;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }

    /** What the journal says about one class. */
    private static final class ClassState {
        final String name;
        String method;
        JournalEntry end;
        String memoryError;
        String memoryMethod;

        ClassState(String name) {
            this.name = name;
        }

        /** The class's run, or null when the fork was stopped while it ran (it did not finish and is not to blame). */
        ClassRun toRun(Death death, JournalEntry error, JournalEntry shutdown) {
            if (end != null) {
                int failures = (int) end.number(Journal.FAILURES, 0);
                int errors = (int) end.number(Journal.ERRORS, 0);
                ClassRun.Outcome outcome = memoryError != null
                        ? ClassRun.Outcome.MEMORY_ERROR
                        : failures + errors > 0 ? ClassRun.Outcome.FAILED : ClassRun.Outcome.PASSED;
                return new ClassRun(
                        name,
                        outcome,
                        (int) end.number(Journal.TESTS, 0),
                        failures,
                        errors,
                        (int) end.number(Journal.SKIPS, 0),
                        measure(end),
                        memoryError,
                        memoryMethod);
            }
            Measure measure = Measure.NONE;
            for (JournalEntry last : new JournalEntry[] {error, shutdown}) {
                if (last != null && name.equals(last.string(Journal.CLASS)) && last.has(Journal.MEASURE)) {
                    measure = measure(last.nested(Journal.MEASURE));
                }
            }
            if (memoryError != null) {
                // the fork was stopped once this class had failed of memory
                return new ClassRun(
                        name, ClassRun.Outcome.MEMORY_ERROR, 0, 0, 0, 0, measure, memoryError, memoryMethod);
            }
            if (death == null) {
                return null; // running when memprobe stopped the fork for another class's memory error: not a run
            }
            String problem = death == null
                    ? null
                    : death.cause().description() + (death.evidence() == null ? "" : ": " + death.evidence());
            return new ClassRun(name, ClassRun.Outcome.DIED, 0, 0, 0, 0, measure, problem, method);
        }
    }
}
