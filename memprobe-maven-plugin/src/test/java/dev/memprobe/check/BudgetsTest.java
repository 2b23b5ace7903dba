package dev.memprobe.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetsTest {

    private static final long MIB = 1L << 20;

    /** In POM order: specific first, broad last; the default live-heap budget is 512m. */
    private static final Budgets BUDGETS = new Budgets(
            List.of(
                    rule(1, "com.acme.LegacyImportTest", Map.of(Metric.LIVE_HEAP, "2g")),
                    rule(2, "com.acme.*ImportTest", Map.of(Metric.LIVE_HEAP, "1g", Metric.RSS, "3g")),
                    rule(3, "com.acme.netty.**", Map.of(Metric.DIRECT, "256m")),
                    rule(4, "**", Map.of(Metric.RSS, "1500m"))),
            512 * MIB);

    @ParameterizedTest(name = "{0} {1}: {2} from {3}")
    @CsvSource({
        "com.acme.LegacyImportTest,   liveHeap,  2048, <budget> com.acme.LegacyImportTest",
        "com.acme.CatalogImportTest,  liveHeap,  1024, <budget> com.acme.*ImportTest",
        "com.acme.CartTest,           liveHeap,   512, memprobe.budget",
        "com.acme.netty.ServerTest,   liveHeap,   512, memprobe.budget",
        "com.acme.LegacyImportTest,   rss,       3072, <budget> com.acme.*ImportTest",
        "com.acme.CatalogImportTest,  rss,       3072, <budget> com.acme.*ImportTest",
        "com.acme.CartTest,           rss,       1500, <budget> **",
        "com.acme.netty.ServerTest,   direct,     256, <budget> com.acme.netty.**",
    })
    void takesForEachMetricTheFirstBudgetThatMatchesAndSetsIt(
            String className, String metric, long mib, String source) {
        Budgets.Limit limit =
                BUDGETS.limitFor(className, Metric.fromId(metric).orElseThrow()).orElseThrow();

        assertThat(limit).isEqualTo(new Budgets.Limit(mib * MIB, source));
    }

    @ParameterizedTest(name = "{0} {1}: none")
    @CsvSource({"com.acme.CartTest, direct", "com.acme.CartTest, metaspace", "com.acme.ImportTest, metaspace"})
    void leavesAMetricUncheckedWhenNoBudgetSetsIt(String className, String metric) {
        assertThat(BUDGETS.limitFor(className, Metric.fromId(metric).orElseThrow()))
                .isEmpty();
    }

    @Test
    void hasNoLiveHeapBudgetWithoutADefault() {
        Budgets budgets = new Budgets(List.of(rule(1, "*ImportTest", Map.of(Metric.LIVE_HEAP, "1g"))), -1);

        assertThat(budgets.limitFor("com.acme.CartTest", Metric.LIVE_HEAP)).isEmpty();
        assertThat(budgets.limitFor("com.acme.ImportTest", Metric.LIVE_HEAP)).isPresent();
        assertThat(Budgets.NONE.isEmpty()).isTrue();
        assertThat(budgets.isEmpty()).isFalse();
    }

    @Test
    void readsSeveralCommaSeparatedPatternsInOneBudget() {
        BudgetRule rule = rule(1, "com.acme.*ImportTest, com.acme.*ExportTest", Map.of(Metric.LIVE_HEAP, "1g"));

        assertThat(rule.appliesTo("com.acme.CatalogExportTest")).isTrue();
        assertThat(rule.appliesTo("com.acme.CatalogImportTest")).isTrue();
        assertThat(rule.appliesTo("com.acme.CartTest")).isFalse();
        assertThat(rule.label()).isEqualTo("<budget> com.acme.*ImportTest,com.acme.*ExportTest");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                " | <budget> number 2 has no <classes>: say which classes it is for",
                "com.acme.*Test | <budget> number 2 (com.acme.*Test) sets no limit: give at least one of <liveHeap>",
                "com.acme.[A]Test | <budget> number 2: the class pattern 'com.acme.[A]Test' has characters",
            })
    void rejectsABudgetThatCannotApply(String classes, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BudgetRule.parse(2, classes, Map.of(Metric.LIVE_HEAP, " ")))
                .withMessageStartingWith(message);
    }

    @Test
    void namesTheBudgetAndTheElementOfASizeThatIsNotOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BudgetRule.parse(3, "*ImportTest", Map.of(Metric.RSS, "lots")))
                .withMessageStartingWith("<budget> number 3 <rss>=lots is not a size");
    }

    private static BudgetRule rule(int number, String classes, Map<Metric, String> limits) {
        return BudgetRule.parse(number, classes, new EnumMap<>(limits));
    }
}
