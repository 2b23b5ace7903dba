package dev.memprobe.fork;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.Death;
import dev.memprobe.journal.ErrorEvent;
import dev.memprobe.journal.NearLimitEvent;
import dev.memprobe.journal.Problem;
import dev.memprobe.journal.ShutdownEvent;
import dev.memprobe.journal.ShutdownTrigger;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Size;

/**
 * Of what a fork died, while which class and method ran, and on what evidence: from what memprobe's watchdog did,
 * the provider's last lines, the JVM's crash log and the exit code, in that order of trust.
 */
final class DeathDiagnosis {

    private final ForkJournal journal;
    private final ForkEnd end;
    private final String className;
    private final String method;
    private final Integer exit;

    private DeathDiagnosis(ForkJournal journal, ForkEnd end) {
        this.journal = journal;
        this.end = end;
        this.className = journal.current == null ? null : journal.current.name;
        this.method = journal.current == null ? null : journal.current.method;
        this.exit = end.exitCode();
    }

    /** The death of a fork that did not finish its run. */
    static Death of(ForkJournal journal, ForkEnd end) {
        return new DeathDiagnosis(journal, end).diagnose();
    }

    private Death diagnose() {
        if (end.action() instanceof ForkEnd.StoppedOnGcOverhead crawl) {
            // the class the fork was past saving in; it is the one in flight unless it ended in the moment before
            // the kill
            boolean named = crawl.className() != null;
            return new Death(
                    Cause.GC_OVERHEAD,
                    137,
                    named ? crawl.className() : className,
                    named ? crawl.method() : method,
                    "memprobe stopped the fork with SIGKILL: "
                            + ForkJournal.pastSaving(
                                    crawl.windowMillis(),
                                    crawl.gcMillis(),
                                    crawl.collections(),
                                    crawl.leastLive(),
                                    crawl.maxHeap())
                            + " (memprobe.stopOnGcOverhead)");
        }
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
        if (journal.error != null) {
            return error(journal.error);
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
                            + "; see " + end.crashLog(),
                    nativeMemory);
        }
        if (journal.shutdown != null) {
            Death exited = shutdown(journal.shutdown);
            if (exited != null) {
                return exited;
            }
        }
        return fromTheOutside();
    }

    /** The provider journaled what escaped the test framework. */
    private Death error(ErrorEvent error) {
        Problem problem = error.problem() == null ? new Problem(null, null) : error.problem();
        String errorClass = error.className() != null ? error.className() : className;
        String errorMethod = error.className() != null ? error.method() : method;
        NearLimitEvent full = journal.nearLimit.get(String.valueOf(errorClass));
        Cause memory = Cause.ofError(problem.throwable(), problem.message()).orElse(null);
        if (memory == null && full != null && initializerFailure(problem.throwable())) {
            // memory ran out inside a class initializer (often JUnit's own); later uses of that class fail
            // with NoClassDefFoundError instead of the OutOfMemoryError itself
            return new Death(
                    Cause.HEAP_OOM,
                    exit,
                    errorClass,
                    errorMethod,
                    problem.describe() + ", thrown after the heap filled up (" + ForkJournal.held(full)
                            + " after a collection)");
        }
        return new Death(memory == null ? Cause.FORK_ERROR : memory, exit, errorClass, errorMethod, problem.describe());
    }

    /** The JVM began to exit while tests ran: a call to exit or a signal; null when neither is known. */
    private Death shutdown(ShutdownEvent shutdown) {
        String caller = shutdown.caller();
        if (shutdown.trigger() == ShutdownTrigger.EXIT) {
            return new Death(
                    Cause.EXIT,
                    exit,
                    shutdown.className(),
                    shutdown.method(),
                    "System.exit(" + (exit == null ? "?" : exit) + ") called"
                            + (caller == null ? "" : " from " + caller));
        }
        if (shutdown.trigger() == ShutdownTrigger.SIGNAL) {
            return new Death(
                    Cause.TERMINATED,
                    exit == null ? 143 : exit,
                    shutdown.className(),
                    shutdown.method(),
                    (caller == null ? "a signal" : caller) + " from outside memprobe stopped the fork");
        }
        return null;
    }

    /** No line of the provider's says why: the exit code, a full heap, what Surefire said. */
    private Death fromTheOutside() {
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
        NearLimitEvent full = journal.runEnded || className == null ? null : journal.nearLimit.get(className);
        if (full != null) {
            // no error reached the journal, but the heap was full: an OutOfMemoryError in a thread other than the
            // test's (one of Surefire's, which ends the fork) leaves exactly this behind
            return new Death(
                    Cause.HEAP_OOM,
                    exit,
                    className,
                    method,
                    (message.isEmpty() ? "the fork ended abnormally" : message.replaceAll("\\.$", ""))
                            + ", after the heap filled up (" + ForkJournal.held(full) + " after a collection): an"
                            + " OutOfMemoryError outside the test's thread ends a fork without a trace");
        }
        if (message.isEmpty() && end.saidGoodbye() && !journal.runEnded) {
            message = "the fork said goodbye to Surefire before its run ended (the journal has no run-end)";
        }
        return new Death(
                Cause.FORK_ERROR,
                exit,
                journal.runEnded ? null : className,
                journal.runEnded ? null : method,
                message.isEmpty() ? "the fork ended abnormally" : message);
    }

    private static boolean initializerFailure(String throwable) {
        return "java.lang.NoClassDefFoundError".equals(throwable)
                || "java.lang.ExceptionInInitializerError".equals(throwable);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }
}
