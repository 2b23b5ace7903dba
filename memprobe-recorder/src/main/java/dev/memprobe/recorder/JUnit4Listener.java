package dev.memprobe.recorder;

import dev.memprobe.journal.TestStatus;
import dev.memprobe.recorder.Recorder.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.runner.Description;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

/**
 * JUnit 4's events for the {@link Recorder}, where Surefire (before 3.6) runs JUnit 4 with its own provider,
 * {@code surefire-junit4} or {@code surefire-junit47}: the extension names this class in the provider's
 * {@code listener} property, after any listener of the project's own.
 *
 * <p>A class is the outermost suite of a real class on its thread (JUnit 4.13's suite events): a suite's members and
 * a parameterized class's parameter sets are part of it, and with {@code parallel} each worker thread has its own.
 * JUnit 4.12 has no suite events, nor has {@code parallel=methods}: a test of another class then ends the thread's
 * class before it, a class held by several threads ends when the last one leaves it, and the run's end ends the rest.
 */
public final class JUnit4Listener extends RunListener {

    private final Recorder recorder;
    /** The suites of real classes open on each thread, outermost first. */
    private final ThreadLocal<Deque<String>> suites = new ThreadLocal<>();
    /** JUnit 4.12: the class the thread's last test belonged to, started without a suite event. */
    private final ThreadLocal<String> implicit = new ThreadLocal<>();
    /** The problem of the thread's test in flight, reported before the test finishes. */
    private final ThreadLocal<Throwable> problem = new ThreadLocal<>();

    /**
     * The classes started without a suite event, once per thread that holds one: under {@code parallel=methods}
     * (surefire-junit47) a class's tests run on several threads at once and none of them has a suite event, so the
     * class ends when the last thread leaves it, or at the run's end.
     */
    private final List<String> implicitOpen = Collections.synchronizedList(new ArrayList<String>());

    /** Made by Surefire's JUnit 4 provider from the {@code listener} property. Never throws. */
    public JUnit4Listener() {
        this(Recorder.get());
    }

    JUnit4Listener(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void testRunStarted(Description description) {
        if (!recorder.on()) {
            return;
        }
        try {
            recorder.runStarted(Source.JUNIT4);
            Set<String> names = new LinkedHashSet<>();
            if (description != null) {
                for (Description child : description.getChildren()) {
                    if (child.getClassName() != null && !child.getClassName().equals("null")) {
                        names.add(child.getClassName());
                    }
                }
            }
            recorder.plan(Source.JUNIT4, new ArrayList<>(names));
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void testRunFinished(Result result) {
        if (!recorder.on()) {
            return;
        }
        try {
            List<String> left;
            synchronized (implicitOpen) {
                left = new ArrayList<>(implicitOpen);
                implicitOpen.clear();
            }
            for (String name : left) {
                recorder.classFinished(Source.JUNIT4, name);
            }
            recorder.runFinished(Source.JUNIT4);
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void testSuiteStarted(Description description) {
        if (!recorder.on()) {
            return;
        }
        try {
            if (description.getTestClass() == null) {
                return; // a wrapper suite or a parameter set: no class of its own
            }
            String name = description.getClassName();
            Deque<String> open = open();
            if (open.isEmpty()) {
                endImplicit();
                recorder.classStarted(Source.JUNIT4, name);
            }
            open.push(name);
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void testSuiteFinished(Description description) {
        if (!recorder.on()) {
            return;
        }
        try {
            if (description.getTestClass() == null) {
                return;
            }
            Deque<String> open = open();
            if (open.isEmpty()) {
                return;
            }
            open.pop();
            if (open.isEmpty()) {
                recorder.classFinished(Source.JUNIT4, description.getClassName());
            }
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void testStarted(Description description) {
        if (!recorder.on()) {
            return;
        }
        try {
            problem.remove();
            recorder.testStarted(Source.JUNIT4, classOf(description), description.getMethodName());
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void testFailure(Failure failure) {
        if (!recorder.on()) {
            return;
        }
        try {
            Description description = failure.getDescription();
            if (description.getMethodName() != null) {
                problem.set(failure.getException());
                return;
            }
            // the class itself failed: @BeforeClass, @AfterClass, a static initializer, a runner that could not start
            String name = suiteClass(description);
            recorder.classFailed(Source.JUNIT4, name, failure.getException());
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void testAssumptionFailure(Failure failure) {
        problem.remove();
    }

    @Override
    public void testFinished(Description description) {
        if (!recorder.on()) {
            return;
        }
        try {
            Throwable failed = problem.get();
            problem.remove();
            TestStatus status = failed == null
                    ? TestStatus.PASSED
                    : failed instanceof AssertionError ? TestStatus.FAILED : TestStatus.ERRORED;
            // a passed test is the one that started last in its class: JUnit 4 finds its name with a regex each time
            String method = failed == null ? null : description.getMethodName();
            recorder.testFinished(Source.JUNIT4, classOf(description), method, status, failed);
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    @Override
    public void testIgnored(Description description) {
        if (!recorder.on() || description.getMethodName() == null) {
            return;
        }
        try {
            String name = classOf(description);
            recorder.testStarted(Source.JUNIT4, name, description.getMethodName());
            recorder.testFinished(Source.JUNIT4, name, description.getMethodName(), TestStatus.SKIPPED, null);
        } catch (Throwable t) {
            // recording is best effort
        }
    }

    /**
     * The class a test belongs to: the thread's outermost suite, else (JUnit 4.12) its own class, started here and
     * ending the thread's class before it.
     */
    private String classOf(Description description) {
        Deque<String> open = open();
        if (!open.isEmpty()) {
            return open.peekLast();
        }
        String name = description.getClassName();
        if (!name.equals(implicit.get())) {
            endImplicit();
            implicit.set(name);
            implicitOpen.add(name);
            recorder.classStarted(Source.JUNIT4, name);
        }
        return name;
    }

    /** The class a class-level failure belongs to. */
    private String suiteClass(Description description) {
        Deque<String> open = open();
        return open.isEmpty() ? description.getClassName() : open.peekLast();
    }

    private void endImplicit() {
        String last = implicit.get();
        if (last != null) {
            implicit.remove();
            implicitOpen.remove(last);
            recorder.classFinished(Source.JUNIT4, last);
        }
    }

    private Deque<String> open() {
        Deque<String> open = suites.get();
        if (open == null) {
            open = new ArrayDeque<>();
            suites.set(open);
        }
        return open;
    }
}
