package dev.memprobe.junit4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.apache.maven.surefire.api.report.ReportEntry;
import org.apache.maven.surefire.api.report.ReporterFactory;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.suite.RunResult;
import org.apache.maven.surefire.api.testset.TestListResolver;
import org.apache.maven.surefire.api.testset.TestRequest;
import org.apache.maven.surefire.api.util.DefaultScanResult;
import org.apache.maven.surefire.api.util.RunOrderCalculator;
import org.apache.maven.surefire.api.util.TestsToRun;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Ignore;
import org.junit.Test;
import org.junit.runners.MethodSorters;

class JUnit4ProviderTest {

    /** Every callback the provider makes to Surefire's reporter, as {@code event class#method}. */
    private final List<String> events = new ArrayList<>();

    private final List<Throwable> problems = new ArrayList<>();

    @Test
    void reportsEachClassAsATestSetWithItsTestsInTheOrderSurefireGave() throws Exception {
        provider(null, Slow.class, Passing.class).invoke(null);

        assertThat(events)
                .containsExactly(
                        "testSetStarting " + name(Slow.class) + "#null",
                        "testStarting " + name(Slow.class) + "#works",
                        "testSucceeded " + name(Slow.class) + "#works",
                        "testSetCompleted " + name(Slow.class) + "#null",
                        "testSetStarting " + name(Passing.class) + "#null",
                        "testStarting " + name(Passing.class) + "#first",
                        "testSucceeded " + name(Passing.class) + "#first",
                        "testStarting " + name(Passing.class) + "#second",
                        "testFailed " + name(Passing.class) + "#second",
                        "testSetCompleted " + name(Passing.class) + "#null");
    }

    @Test
    void anOutOfMemoryErrorIsATestErrorThatCarriesTheErrorAndTheRunGoesOn() throws Exception {
        provider(null, Hog.class, Slow.class).invoke(null);

        assertThat(events)
                .contains("testError " + name(Hog.class) + "#fills", "testSucceeded " + name(Slow.class) + "#works");
        assertThat(problems).singleElement().isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aFailingBeforeClassIsAnErrorOfTheClassWithNoTestStarted() throws Exception {
        provider(null, SetupFails.class).invoke(null);

        assertThat(events)
                .containsExactly(
                        "testSetStarting " + name(SetupFails.class) + "#null",
                        "testFailed " + name(SetupFails.class) + "#null",
                        "testSetCompleted " + name(SetupFails.class) + "#null");
    }

    @Test
    void ignoredTestsAreSkippedAndFailedAssumptionsToo() throws Exception {
        provider(null, Skips.class).invoke(null);

        assertThat(events)
                .contains(
                        "testSkipped " + name(Skips.class) + "#ignored",
                        "testAssumptionFailure " + name(Skips.class) + "#assumes");
    }

    @Test
    void runsOnlyTheMethodsOfSurefiresTestPattern() throws Exception {
        provider(new TestListResolver("**/*Passing#first"), Passing.class).invoke(null);

        assertThat(events)
                .containsExactly(
                        "testSetStarting " + name(Passing.class) + "#null",
                        "testStarting " + name(Passing.class) + "#first",
                        "testSucceeded " + name(Passing.class) + "#first",
                        "testSetCompleted " + name(Passing.class) + "#null");
    }

    @Test
    void runsTheClassesItIsGivenWhenMemprobeGoesOnAfterAnError() throws Exception {
        provider(null, Passing.class, Slow.class)
                .invoke(new TestsToRun(new LinkedHashSet<Class<?>>(Collections.singletonList(Slow.class))));

        assertThat(events).first().isEqualTo("testSetStarting " + name(Slow.class) + "#null");
        assertThat(events).noneMatch(e -> e.contains(name(Passing.class)));
    }

    @Test
    void scansOnlyJUnit4Tests() {
        JUnit4Tests tests = new JUnit4Tests(getClass().getClassLoader());

        assertThat(tests.accept(Passing.class)).isTrue();
        assertThat(tests.accept(Inherits.class)).isTrue();
        assertThat(tests.accept(NotATest.class)).isFalse();
        assertThat(tests.accept(Abstract.class)).isFalse();
    }

    @Test
    void refusesAJUnitTheTestsDoNotShare() {
        ClassLoader without = new ClassLoader(null) {};

        assertThatThrownBy(() -> JUnit4Provider.sameJUnit(without))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("memprobe.provider=surefire");
    }

    private static String name(Class<?> type) {
        return type.getName();
    }

    private JUnit4Provider provider(TestListResolver pattern, Class<?>... classes) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : classes) {
            names.add(type.getName());
        }
        @SuppressWarnings("unchecked")
        TestReportListener<?> listener = (TestReportListener<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {TestReportListener.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof ReportEntry) {
                        ReportEntry entry = (ReportEntry) args[0];
                        events.add(method.getName() + " " + entry.getSourceName() + "#" + entry.getName());
                        if (entry.getStackTraceWriter() != null
                                && entry.getStackTraceWriter().getThrowable().getTarget() instanceof OutOfMemoryError) {
                            problems.add(
                                    entry.getStackTraceWriter().getThrowable().getTarget());
                        }
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
        ReporterFactory factory = new ReporterFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public TestReportListener createTestReportListener() {
                return listener;
            }

            @Override
            public RunResult close() {
                return new RunResult(0, 0, 0, 0);
            }
        };
        TestRequest request = new TestRequest(null, pattern, 0);
        RunOrderCalculator asScanned = scanned -> scanned;
        Map<String, Object> answers = new HashMap<>();
        answers.put("getReporterFactory", factory);
        answers.put("getTestClassLoader", getClass().getClassLoader());
        answers.put("getScanResult", new DefaultScanResult(names));
        answers.put("getRunOrderCalculator", asScanned);
        answers.put("getTestRequest", request);
        answers.put("getProviderProperties", new HashMap<String, String>());
        answers.put("isInsideFork", false);
        ProviderParameters parameters = (ProviderParameters) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ProviderParameters.class},
                (proxy, method, args) -> answers.get(method.getName()));
        return new JUnit4Provider(parameters);
    }

    @FixMethodOrder(MethodSorters.NAME_ASCENDING)
    public static class Passing {
        @Test
        public void first() {}

        @Test
        public void second() {
            org.junit.Assert.fail("second fails");
        }
    }

    public static class Slow {
        @Test
        public void works() {}
    }

    public static class Hog {
        @Test
        public void fills() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    public static class SetupFails {
        @BeforeClass
        public static void connect() {
            org.junit.Assert.fail("no database");
        }

        @Test
        public void neverRuns() {}
    }

    public static class Skips {
        @Ignore("later")
        @Test
        public void ignored() {}

        @Test
        public void assumes() {
            Assume.assumeTrue(false);
        }
    }

    public static class Inherits extends Slow {}

    public static class NotATest {
        public void helper() {}
    }

    public abstract static class Abstract {
        @Test
        public void inherited() {}
    }

    static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
