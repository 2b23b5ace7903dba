package dev.memprobe.recorder;

import dev.memprobe.journal.TestStatus;
import dev.memprobe.recorder.Recorder.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The JUnit Platform's events (Jupiter, Vintage, the TestNG engine, any engine) for the {@link Recorder}. Loaded by
 * the launcher from this jar's service file, in every Surefire 3 version: no Surefire provider is involved.
 *
 * <p>A class is a container whose source is a {@link ClassSource} and that no class in flight contains: a
 * {@code @Nested} class, a suite's member or a Vintage runner's children are part of the class around them, and a
 * container with a {@link MethodSource} (a parameterized test) is a test's, not a class. Containment is read from the
 * unique ids' parents, so it holds when the platform runs classes in parallel.
 */
public final class PlatformListener implements TestExecutionListener {

    private final Recorder recorder;
    /** Each running identifier's class: the outermost class container around it. */
    private final Map<String, String> classOf = new ConcurrentHashMap<>();
    /** The identifiers that are classes of their own. */
    private final Set<String> classes = ConcurrentHashMap.newKeySet();

    /** Made by the launcher from the service file. Never throws: a failing listener would fail the run. */
    public PlatformListener() {
        this(Recorder.get());
    }

    PlatformListener(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (!recorder.on()) {
            return;
        }
        try {
            recorder.runStarted(Source.PLATFORM);
            Set<String> names = new LinkedHashSet<>();
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier child : plan.getChildren(root)) {
                    String name = className(child);
                    if (name != null) {
                        names.add(name);
                    }
                }
            }
            List<String> planned = new ArrayList<>(names);
            recorder.plan(Source.PLATFORM, planned);
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        recorder.runFinished(Source.PLATFORM);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (!recorder.on()) {
            return;
        }
        try {
            String outer = parentClass(id);
            if (outer == null) {
                String name = id.isContainer() ? className(id) : null;
                if (name != null) {
                    classOf.put(id.getUniqueId(), name);
                    classes.add(id.getUniqueId());
                    recorder.classStarted(Source.PLATFORM, name);
                }
                return;
            }
            classOf.put(id.getUniqueId(), outer);
            if (id.isTest()) {
                recorder.testStarted(Source.PLATFORM, outer, methodName(id));
            }
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!recorder.on()) {
            return;
        }
        try {
            String name = classOf.remove(id.getUniqueId());
            if (name == null) {
                return;
            }
            Throwable problem = result.getThrowable().orElse(null);
            if (classes.remove(id.getUniqueId())) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    recorder.classFailed(Source.PLATFORM, name, problem);
                }
                recorder.classFinished(Source.PLATFORM, name);
            } else if (id.isTest()) {
                recorder.testFinished(Source.PLATFORM, name, methodName(id), status(result), problem);
            } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                recorder.classFailed(Source.PLATFORM, name, problem); // a nested class's @BeforeAll, say
            }
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (!recorder.on() || !id.isTest()) {
            return;
        }
        try {
            String outer = parentClass(id);
            if (outer != null) {
                recorder.testStarted(Source.PLATFORM, outer, methodName(id));
                recorder.testFinished(Source.PLATFORM, outer, methodName(id), TestStatus.SKIPPED, null);
            }
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    private String parentClass(TestIdentifier id) {
        Optional<String> parent = id.getParentId();
        return parent.isPresent() ? classOf.get(parent.get()) : null;
    }

    /** The class a container stands for, or null when it is none (an engine, a parameterized test). */
    private static String className(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        return source instanceof ClassSource ? ((ClassSource) source).getClassName() : null;
    }

    private static String methodName(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        return source instanceof MethodSource ? ((MethodSource) source).getMethodName() : id.getDisplayName();
    }

    private static TestStatus status(TestExecutionResult result) {
        switch (result.getStatus()) {
            case SUCCESSFUL:
                return TestStatus.PASSED;
            case ABORTED:
                return TestStatus.SKIPPED;
            default:
                return result.getThrowable().orElse(null) instanceof AssertionError
                        ? TestStatus.FAILED
                        : TestStatus.ERRORED;
        }
    }
}
