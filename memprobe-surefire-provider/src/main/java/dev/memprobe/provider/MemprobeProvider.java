package dev.memprobe.provider;

import dev.memprobe.journal.ForkOptions;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.measure.ClassMeter;
import dev.memprobe.measure.GcWatcher;
import dev.memprobe.measure.HeapWatchdog;
import dev.memprobe.measure.ProcStatus;
import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.apache.maven.surefire.api.provider.SurefireProvider;
import org.apache.maven.surefire.api.report.ReporterException;
import org.apache.maven.surefire.api.suite.RunResult;
import org.apache.maven.surefire.api.testset.TestSetFailedException;

/**
 * memprobe's Surefire provider: wraps the provider Surefire detected for the project (named by
 * {@link ForkOptions#DELEGATE}), lets it run the tests exactly as under {@code mvn test}, and journals every test
 * class with its measurements.
 *
 * <p>memprobe ships no provider service file: the plugin names this class in place of the detected provider and
 * puts this jar beside it on the fork's classpath, so Surefire's engine detection and JUnit launcher alignment stay
 * untouched.
 */
public final class MemprobeProvider implements SurefireProvider {

    private final SurefireProvider delegate;
    private final RunRecorder recorder;

    public MemprobeProvider(ProviderParameters parameters) {
        ForkOptions options = ForkOptions.fromProperties(parameters.getProviderProperties());
        JournalWriter journal;
        Plan plan;
        try {
            journal = JournalWriter.open(new File(options.journal()));
            plan = options.plan() == null ? null : Plan.read(options.plan());
        } catch (IOException e) {
            throw new IllegalStateException("memprobe cannot start its journal: " + e.getMessage(), e);
        }
        ProcStatus proc = new ProcStatus();
        GcWatcher gc = new GcWatcher();
        gc.install();
        recorder = new RunRecorder(
                journal,
                new ClassMeter(proc, gc, options.exactRetained()),
                options.histogramClasses(),
                options.histogramTop());
        new HeapWatchdog(recorder::nearLimit).install(options.nearLimit());
        DecoratedParameters decorated = new DecoratedParameters(parameters, recorder, plan, options.surefireOrder());
        recorder.forkStarted(proc.resetPeak(), collectorNames(), decorated.parallelForcedOff());
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
        try {
            RunResult result = delegate.invoke(forkTestSet);
            recorder.runEnded();
            return result;
        } catch (InvocationTargetException e) {
            recorder.fatal(e.getCause() == null ? e : e.getCause());
            throw e;
        } catch (Throwable t) {
            recorder.fatal(t);
            throw t;
        }
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
