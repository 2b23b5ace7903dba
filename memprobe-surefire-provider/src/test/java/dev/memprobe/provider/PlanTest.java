package dev.memprobe.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.maven.surefire.api.util.TestsToRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTest {

    static class AlphaTest {}

    static class BetaTest {}

    static class GammaTest {}

    static class UnplannedTest {}

    @Test
    void keepsOnlyThePlannedClassesInPlanOrder() {
        Plan plan = new Plan(List.of(name(GammaTest.class), name(AlphaTest.class), name(BetaTest.class)));
        TestsToRun scanned = tests(AlphaTest.class, UnplannedTest.class, BetaTest.class, GammaTest.class);

        assertThat(names(plan.order(scanned)))
                .containsExactly(name(GammaTest.class), name(AlphaTest.class), name(BetaTest.class));
    }

    @Test
    void aPlannedClassSurefireDidNotScanIsLeftOut() {
        Plan plan = new Plan(List.of("com.acme.GoneTest", name(BetaTest.class), name(AlphaTest.class)));

        assertThat(names(plan.order(tests(AlphaTest.class, BetaTest.class))))
                .containsExactly(name(BetaTest.class), name(AlphaTest.class));
    }

    @Test
    void aClassPlannedTwiceRunsOnceAtItsFirstPlace() {
        Plan plan = new Plan(List.of(name(AlphaTest.class), name(BetaTest.class), name(AlphaTest.class)));

        assertThat(names(plan.order(tests(BetaTest.class, AlphaTest.class))))
                .containsExactly(name(AlphaTest.class), name(BetaTest.class));
    }

    @Test
    void readsOneClassALineSkippingBlankLines(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("plan.txt");
        Files.write(
                file,
                List.of("com.acme.BTest", "", "  com.acme.ATest  ", "com.acme.Ünï$Nested"),
                StandardCharsets.UTF_8);

        assertThat(Plan.read(file.toString()).classes())
                .containsExactly("com.acme.BTest", "com.acme.ATest", "com.acme.Ünï$Nested");
    }

    private static TestsToRun tests(Class<?>... classes) {
        return new TestsToRun(new LinkedHashSet<>(List.of(classes)));
    }

    private static List<String> names(TestsToRun tests) {
        List<String> names = new ArrayList<>();
        for (Class<?> test : tests) {
            names.add(test.getName());
        }
        return names;
    }

    private static String name(Class<?> type) {
        return type.getName();
    }
}
