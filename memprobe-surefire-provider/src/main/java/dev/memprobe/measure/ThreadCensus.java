package dev.memprobe.measure;

import dev.memprobe.journal.ThreadsLeftEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The threads alive when a class started, so that at its end (or its memory error) the threads it started and left
 * running can be told apart from the JVM's and the framework's: by id, which the JVM never reuses.
 */
public final class ThreadCensus {

    private final Set<Long> before;

    private ThreadCensus(Set<Long> before) {
        this.before = before;
    }

    /** The threads alive now. */
    public static ThreadCensus take() {
        Set<Long> ids = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ids.add(thread.getId());
        }
        return new ThreadCensus(ids);
    }

    /** The threads alive now that were not at {@link #take}, oldest first, each with the code it runs. */
    public List<ThreadsLeftEvent.LiveThread> started() {
        return started(Collections.<Long, String>emptyMap());
    }

    /**
     * As {@link #started()}, each with where it was started when {@code sites} knows it (by thread id, from
     * {@link ThreadStarts}).
     */
    public List<ThreadsLeftEvent.LiveThread> started(Map<Long, String> sites) {
        List<Map.Entry<Thread, StackTraceElement[]>> alive = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry :
                Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (!before.contains(thread.getId()) && thread.isAlive() && thread != Thread.currentThread()) {
                alive.add(entry);
            }
        }
        Collections.sort(alive, new Comparator<Map.Entry<Thread, StackTraceElement[]>>() {
            @Override
            public int compare(Map.Entry<Thread, StackTraceElement[]> a, Map.Entry<Thread, StackTraceElement[]> b) {
                return Long.compare(a.getKey().getId(), b.getKey().getId());
            }
        });
        List<ThreadsLeftEvent.LiveThread> started = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : alive) {
            Thread thread = entry.getKey();
            started.add(new ThreadsLeftEvent.LiveThread(
                    thread.getName(),
                    thread.isDaemon(),
                    thread.getState().name(),
                    runs(entry.getValue()),
                    sites.get(thread.getId())));
        }
        return started;
    }

    /**
     * The code a thread runs: the first frame from the bottom of its stack that is not the JDK's (a lambda's body is
     * its declaring class's method; the lambda's generated class is skipped), else its top frame; null for an empty stack.
     */
    static String runs(StackTraceElement[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            if (!jdk(stack[i].getClassName())) {
                return frame(stack[i]);
            }
        }
        return stack.length == 0 ? null : frame(stack[0]);
    }

    /** {@code com.acme.Poller.run(Poller.java:31)}, without the module and loader names of later JDKs. */
    static String frame(StackTraceElement element) {
        String file = element.getFileName() == null ? "Unknown Source" : element.getFileName();
        return element.getClassName() + "." + element.getMethodName() + "(" + file
                + (element.getLineNumber() > 0 ? ":" + element.getLineNumber() : "") + ")";
    }

    static boolean jdk(String className) {
        return className.contains("$$Lambda")
                || className.startsWith("java.")
                || className.startsWith("javax.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.startsWith("com.sun.");
    }
}
