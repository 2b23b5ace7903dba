package dev.memprobe.measure;

import java.io.File;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where threads were started: a JDK Flight Recorder recording of {@code jdk.ThreadStart} events with the stack of the
 * thread that called {@code Thread.start()}, so that a thread a class left running can be traced to the line that
 * started it (an executor's {@code submit}, a client's constructor), not only to the code it runs.
 *
 * <p>Through reflection: the provider is compiled for Java 8, and Flight Recorder is in the JDK from 11 (and 8u262).
 * Where it is missing or refuses to start, {@link #start} returns an instance that knows nothing. Starting it costs
 * the fork about half a second (more on a busy machine), so only the forks that confirm a verdict start it.
 */
public final class ThreadStarts {

    private static final ThreadStarts NONE = new ThreadStarts(null);

    private final Object recording;

    private ThreadStarts(Object recording) {
        this.recording = recording;
    }

    /** A running recording of thread starts, or one that knows nothing when Flight Recorder is not there. */
    public static ThreadStarts start() {
        try {
            Class<?> type = Class.forName("jdk.jfr.Recording");
            Object recording = type.getConstructor().newInstance();
            Object settings = type.getMethod("enable", String.class).invoke(recording, "jdk.ThreadStart");
            Class.forName("jdk.jfr.EventSettings").getMethod("withStackTrace").invoke(settings);
            type.getMethod("setName", String.class).invoke(recording, "memprobe thread starts");
            type.getMethod("start").invoke(recording);
            return new ThreadStarts(recording);
        } catch (Throwable e) { // no Flight Recorder (or it refused): the threads are listed without their start
            return NONE;
        }
    }

    /** Whether the recording runs. */
    public boolean recording() {
        return recording != null;
    }

    /**
     * The start sites of the threads started so far, by thread id: the first frame of the starting thread's stack
     * that is not the JDK's, e.g. {@code com.acme.Poller.<init>(Poller.java:25)}. Written through {@code scratch},
     * which is deleted. Empty when the recording knows nothing or cannot be read.
     */
    public Map<Long, String> sites(File scratch) {
        if (recording == null) {
            return Collections.emptyMap();
        }
        try {
            recording.getClass().getMethod("dump", java.nio.file.Path.class).invoke(recording, scratch.toPath());
            return read(scratch);
        } catch (Throwable e) {
            return Collections.emptyMap();
        } finally {
            scratch.delete();
        }
    }

    /** Ends the recording. */
    public void stop() {
        if (recording == null) {
            return;
        }
        try {
            recording.getClass().getMethod("close").invoke(recording);
        } catch (Throwable e) {
            // it ends with the JVM
        }
    }

    private static Map<Long, String> read(File file) throws ReflectiveOperationException {
        Class<?> recordingFile = Class.forName("jdk.jfr.consumer.RecordingFile");
        Class<?> event = Class.forName("jdk.jfr.consumer.RecordedEvent");
        Class<?> object = Class.forName("jdk.jfr.consumer.RecordedObject");
        Class<?> thread = Class.forName("jdk.jfr.consumer.RecordedThread");
        Class<?> stack = Class.forName("jdk.jfr.consumer.RecordedStackTrace");
        Class<?> frame = Class.forName("jdk.jfr.consumer.RecordedFrame");
        Class<?> method = Class.forName("jdk.jfr.consumer.RecordedMethod");
        Class<?> classType = Class.forName("jdk.jfr.consumer.RecordedClass");
        Class<?> eventType = Class.forName("jdk.jfr.EventType");
        Method getThread = object.getMethod("getThread", String.class);
        Method javaThreadId = thread.getMethod("getJavaThreadId");
        Method getStackTrace = event.getMethod("getStackTrace");
        Method getFrames = stack.getMethod("getFrames");
        Method getMethod = frame.getMethod("getMethod");
        Method lineNumber = frame.getMethod("getLineNumber");
        Method methodName = method.getMethod("getName");
        Method methodType = method.getMethod("getType");
        Method className = classType.getMethod("getName");
        Method getEventType = event.getMethod("getEventType");
        Method eventName = eventType.getMethod("getName");

        Map<Long, String> sites = new HashMap<>();
        List<?> events = (List<?>) recordingFile
                .getMethod("readAllEvents", java.nio.file.Path.class)
                .invoke(null, file.toPath());
        for (Object e : events) {
            if (!"jdk.ThreadStart".equals(eventName.invoke(getEventType.invoke(e)))) {
                continue;
            }
            Object started = getThread.invoke(e, "thread");
            Object trace = getStackTrace.invoke(e);
            if (started == null || trace == null) {
                continue;
            }
            String site = null;
            for (Object f : (List<?>) getFrames.invoke(trace)) {
                Object m = getMethod.invoke(f);
                String type = (String) className.invoke(methodType.invoke(m));
                if (!ThreadCensus.jdk(type)) {
                    site = ThreadCensus.frame(new StackTraceElement(
                            type, (String) methodName.invoke(m), fileOf(type), (Integer) lineNumber.invoke(f)));
                    break;
                }
            }
            if (site != null) {
                sites.put((Long) javaThreadId.invoke(started), site);
            }
        }
        return sites;
    }

    /** A recording names no source file: the one javac gives a top-level class. */
    private static String fileOf(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
    }
}
