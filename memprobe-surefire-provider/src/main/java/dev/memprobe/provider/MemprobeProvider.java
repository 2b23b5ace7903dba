package dev.memprobe.provider;

import dev.memprobe.journal.ForkOptions;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.OutOfMemory;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcOverhead;
import dev.memprobe.measure.GcWatcher;
import dev.memprobe.measure.HeapWatchdog;
import dev.memprobe.measure.ProcStatus;
import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.apache.maven.surefire.api.provider.SurefireProvider;
import org.apache.maven.surefire.api.report.ReporterException;
import org.apache.maven.surefire.api.suite.RunResult;
import org.apache.maven.surefire.api.testset.TestSetFailedException;
import org.apache.maven.surefire.api.util.TestsToRun;

/**
 * memprobe's Surefire provider: wraps the provider Surefire detected for the project (named by
 * {@link ForkOptions#DELEGATE}), lets it run the tests exactly as under {@code mvn test}, and journals every test
 * class with its measurements.
 *
 * <p>memprobe ships no provider service file: the plugin names this class in place of the detected provider and
 * puts this jar beside it on the fork's classpath, so Surefire's engine detection and JUnit launcher alignment stay
 * untouched.
 *
 * <p>JUnit 5 rethrows an {@code OutOfMemoryError}, which ends the whole run. When the plugin asks for it
 * ({@link ForkOptions#continueAfterMemoryError()}) and the error is the heap's, the provider collects garbage, and if
 * the heap is at most three quarters full again (what the dead test held was let go), it ends the class in flight
 * with the error, journals {@code recovered} and runs the classes not yet started in the same fork: the classes after
 * a hog are then measured without a fork of their own, and memory that earlier classes keep is still there when
 * they run, as it would be without the hog.
 */
public final class MemprobeProvider implements SurefireProvider {

    /** Marks a run that went on after a memory error with no class left to start. */
    private static final Object NOTHING_LEFT = new Object();

    private final SurefireProvider delegate;
    private final RunRecorder recorder;
    private final boolean continueAfterMemoryError;
    private final ClassLoader testClassLoader;

    public MemprobeProvider(ProviderParameters parameters) {
        ForkOptions options = ForkOptions.fromProperties(parameters.getProviderProperties());
        continueAfterMemoryError = options.continueAfterMemoryError();
        testClassLoader = parameters.getTestClassLoader();
        JournalWriter journal;
        Plan plan;
        try {
            journal = JournalWriter.open(new File(options.journal()));
            plan = options.plan() == null ? null : Plan.read(options.plan());
        } catch (IOException e) {
            throw new IllegalStateException("memprobe cannot start its journal: " + e.getMessage(), e);
        }
        recorder = new RunRecorder(journal, options.histogramClasses(), options.histogramTop());
        recorder.continueAfterMemoryError(continueAfterMemoryError);
        recorder.heapDumps(new ClassDumps(
                journal,
                new File(options.journal()).getAbsoluteFile().getParentFile(),
                options.dumpAtEnd(),
                options.dumpOnError(),
                options.threadStarts()));
        DecoratedParameters decorated = new DecoratedParameters(parameters, recorder, plan, options.surefireOrder());
        boolean parallelForcedOff = decorated.parallelForcedOff();
        // while the test framework discovers the tests: the management beans are slow to start
        recorder.startMeasuring(() -> {
            ProcStatus proc = new ProcStatus();
            GcWatcher gc = new GcWatcher(
                    options.watchGcOverhead()
                            ? new GcOverhead(
                                    ManagementFactory.getMemoryMXBean()
                                            .getHeapMemoryUsage()
                                            .getMax(),
                                    ManagementFactory.getRuntimeMXBean().getUptime(),
                                    recorder::gcOverhead)
                            : null);
            gc.install();
            ClassMeter meter = new ClassMeter(proc, gc, options.exactRetained());
            recorder.forkStarted(meter, proc.resetPeak(), collectorNames(), parallelForcedOff);
            new HeapWatchdog(recorder::nearLimit).install(options.nearLimit());
        });
        Runtime.getRuntime().addShutdownHook(new Thread(recorder::shutdown, "memprobe-journal"));
        delegate = instantiate(options.delegate(), decorated);
    }

    @Override
    public Iterable<Class<?>> getSuites() {
        return delegate.getSuites();
    }

    @Override
    public RunResult invoke(Object forkTestSet)
            throws TestSetFailedException, ReporterException, InvocationTargetException {
        Object tests = forkTestSet;
        while (true) {
            try {
                RunResult result = tests == NOTHING_LEFT ? new RunResult(0, 0, 0, 0) : delegate.invoke(tests);
                recorder.runEnded();
                return result;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                tests = goOnOrDie(forkTestSet, cause);
                if (tests == null) {
                    recorder.fatal(cause);
                    throw e;
                }
            } catch (Throwable t) {
                tests = goOnOrDie(forkTestSet, t);
                if (tests == null) {
                    recorder.fatal(t);
                    throw t;
                }
            }
        }
    }

    /**
     * {@link #goOn}, or null when looking for the rest fails itself: a heap still full after the error (a static
     * initializer's data stays reachable from its class) can fail the smallest allocation, and an error thrown here
     * would end the fork without the journal's last line.
     */
    private Object goOnOrDie(Object forkTestSet, Throwable problem) {
        recorder.reserve().release(); // room to look for the rest; given back when the fork goes on
        try {
            Object rest = goOn(forkTestSet, problem);
            if (rest != null) {
                recorder.reserve().restore();
            }
            return rest;
        } catch (Throwable t) {
            return null;
        }
    }

    /**
     * What to run after {@code problem} escaped the test framework: the classes not yet started, {@link #NOTHING_LEFT},
     * or null when the fork must die of it (not asked to go on, not a heap error, Surefire chose the test set, no
     * class in flight, or the heap still more than three quarters full after a full collection).
     */
    private Object goOn(Object forkTestSet, Throwable problem) {
        String className = recorder.currentClass();
        if (!continueAfterMemoryError
                || forkTestSet != null
                || className == null
                || !OutOfMemory.collectable(problem)) {
            return null;
        }
        Set<Class<?>> rest = new LinkedHashSet<>();
        try {
            for (String name : recorder.notStarted()) {
                rest.add(Class.forName(name, false, testClassLoader));
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (!recorder.recover(className)) {
            return null;
        }
        recorder.abandonInFlight(problem);
        return rest.isEmpty() ? NOTHING_LEFT : new TestsToRun(rest);
    }

    @Override
    public void cancel() {
        delegate.cancel();
    }

    private static List<String> collectorNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return names;
    }

    private static SurefireProvider instantiate(String className, ProviderParameters parameters) {
        try {
            Class<?> type = Class.forName(className, true, MemprobeProvider.class.getClassLoader());
            return (SurefireProvider)
                    type.getConstructor(ProviderParameters.class).newInstance(parameters);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("Surefire's provider " + className + " failed to start", cause);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("memprobe cannot start Surefire's provider " + className + ": " + e, e);
        }
    }
}
