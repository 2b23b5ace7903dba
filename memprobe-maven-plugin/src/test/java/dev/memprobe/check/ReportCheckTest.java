package dev.memprobe.check;

import static dev.memprobe.report.SampleReport.live;
import static dev.memprobe.report.SampleReport.measured;
import static dev.memprobe.report.SampleReport.report;
import static dev.memprobe.report.SampleReport.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.report.Report;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportCheckTest {

    private static final long MIB = 1L << 20;
    private static final GrowthLimit GROWTH = new GrowthLimit(25, 32 * MIB);
    /** What the check says of a report of an earlier version, whose classes have no own figures. */
    private static final String FORK_LEVELS = "the report has no figures of each class's own (an earlier version):"
            + " budgets read the fork's levels (liveHeap as forkLiveHeap)";

    @Test
    void listsEveryClassOverItsBudgetWithItsNumbersAndWhereTheBudgetCameFrom() {
        Report report = report().classes(
                        live("com.acme.CartTest", 40),
                        live("com.acme.CatalogImportTest", 612),
                        live("com.acme.SearchIndexTest", 700),
                        measured("com.acme.NettyServerTest", 90, 1700, 200, 1))
                .build();
        Budgets budgets = new Budgets(
                List.of(
                        rule(1, "*ImportTest", Map.of(Metric.LIVE_HEAP, "1g")),
                        rule(2, "**", Map.of(Metric.RSS, "1500m"))),
                512 * MIB);

        CheckResult result = ReportCheck.run(new CheckRequest(report, null, budgets, GROWTH, true));

        assertThat(result.passed()).isFalse();
        assertThat(result.offences())
                .extracting(Offence::message)
                .containsExactly(
                        "com.acme.SearchIndexTest held 700 MiB after GC (budget 512 MiB, memprobe.budget)",
                        "com.acme.NettyServerTest reached 1.7 GiB of resident memory (budget 1.5 GiB, <budget> **)");
        assertThat(result.classesChecked()).isEqualTo(4);
    }

    @Test
    void passesASuiteWithinItsBudgets() {
        Report report = report().classes(live("com.acme.CartTest", 40), live("com.acme.CatalogImportTest", 400))
                .build();

        CheckResult result =
                ReportCheck.run(new CheckRequest(report, null, new Budgets(List.of(), 512 * MIB), GROWTH, true));

        assertThat(result.passed()).isTrue();
        assertThat(result.notes()).isEmpty(); // the fork's levels were read, but nothing was found by them
    }

    @Test
    void acceptsAClassWithoutACollectionWhenEvenItsHeapPeakIsWithinBudget() {
        Report report = report().classes(
                        measured("com.acme.QuickTest", -1, 200, 100, 1),
                        measured("com.acme.AllocatesLotsTest", -1, 700, 600, 1))
                .build();

        CheckResult result =
                ReportCheck.run(new CheckRequest(report, null, new Budgets(List.of(), 512 * MIB), GROWTH, true));

        assertThat(result.passed()).isTrue();
        assertThat(result.notes())
                .containsExactly(
                        FORK_LEVELS,
                        "not checked, not measured: com.acme.AllocatesLotsTest (forkLiveHeap: no garbage"
                                + " collection ran while it ran, and its heap peak, an upper bound, of 600 MiB is over the"
                                + " budget of 512 MiB)");
    }

    @Test
    void failsOnACulpritAndNamesItWithItsEvidence() {
        Report report = report().classes(live("com.acme.CartTest", 40))
                .culprit(single("com.acme.CatalogImportTest", "heap-oom", List.of(1, 2, 3)))
                .build();

        CheckResult result = ReportCheck.run(new CheckRequest(report, null, Budgets.NONE, GROWTH, true));

        assertThat(result.offences())
                .containsExactly(
                        new Offence(
                                Offence.Kind.CULPRIT,
                                "com.acme.CatalogImportTest",
                                "culprit com.acme.CatalogImportTest#importsEverything: heap OutOfMemoryError even when it runs"
                                        + " alone (a memory hog); why: dies alone: heap OutOfMemoryError (heap peak 267 MiB of 256 MiB max)"));
    }

    @Test
    void letsACulpritPassWhenFailOnCulpritIsOff() {
        Report report = report().classes(live("com.acme.CartTest", 40))
                .culprit(single("com.acme.CatalogImportTest", "heap-oom", List.of(1)))
                .build();

        CheckResult result = ReportCheck.run(new CheckRequest(report, null, Budgets.NONE, GROWTH, false));

        assertThat(result.passed()).isTrue();
    }

    @Test
    void failsOnAClassThatGrewMoreThanAllowedAgainstTheBaselineButNotOnSmallOrUnmeasuredOnes() {
        Report baseline = report().classes(
                        live("com.acme.CatalogImportTest", 400),
                        live("com.acme.CartTest", 4),
                        live("com.acme.SearchIndexTest", 300),
                        live("com.acme.QuickTest", -1))
                .build();
        Report report = report().classes(
                        live("com.acme.CatalogImportTest", 612), // +53%, +212 MiB
                        live("com.acme.CartTest", 20), //           +400%, but 16 MiB
                        live("com.acme.SearchIndexTest", 360), //   +20%
                        live("com.acme.QuickTest", 500), //         nothing to compare with
                        live("com.acme.NewTest", 450)) //           not in the baseline
                .build();

        CheckResult result = ReportCheck.run(new CheckRequest(report, baseline, Budgets.NONE, GROWTH, true));

        assertThat(result.offences())
                .containsExactly(new Offence(
                        Offence.Kind.GROWTH,
                        "com.acme.CatalogImportTest",
                        "com.acme.CatalogImportTest held 612 MiB after GC, up 212 MiB (+53%) from 400 MiB in the"
                                + " baseline (allowed: +25% and more than 32 MiB)"));
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void listsCulpritsThenBudgetsThenGrowth() {
        Report baseline = report().classes(live("com.acme.ATest", 100), live("com.acme.BTest", 100))
                .build();
        Report report = report().classes(live("com.acme.ATest", 300), live("com.acme.BTest", 700))
                .culprit(single("com.acme.CTest", "heap-oom", List.of(1)))
                .build();

        CheckResult result =
                ReportCheck.run(new CheckRequest(report, baseline, new Budgets(List.of(), 512 * MIB), GROWTH, true));

        assertThat(result.offences())
                .extracting(Offence::kind, Offence::className)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Offence.Kind.CULPRIT, "com.acme.CTest"),
                        org.assertj.core.groups.Tuple.tuple(Offence.Kind.BUDGET, "com.acme.BTest"),
                        org.assertj.core.groups.Tuple.tuple(Offence.Kind.GROWTH, "com.acme.ATest"),
                        org.assertj.core.groups.Tuple.tuple(Offence.Kind.GROWTH, "com.acme.BTest"));
    }

    @Test
    void saysWhenTheBaselineRanWithAnotherHeapOrHadNothingToCompare() {
        Report baseline = report().maxHeapMiB(512)
                .classes(live("com.acme.OtherTest", 100))
                .build();
        Report report =
                report().maxHeapMiB(256).classes(live("com.acme.ATest", 100)).build();

        CheckResult result = ReportCheck.run(new CheckRequest(report, baseline, Budgets.NONE, GROWTH, true));

        assertThat(result.passed()).isTrue();
        assertThat(result.notes())
                .containsExactly(
                        "the baseline ran with max heap -Xmx512m, this report with -Xmx256m: live heaps are compared"
                                + " all the same",
                        "no class has a live heap in both this report and the baseline: nothing was compared");
    }

    @Test
    void checksTheClassesOfAnInconclusiveReportAndSaysItIsInconclusive() {
        Report report = report().verdict("inconclusive")
                .summary("Inconclusive: the probe budget ran out.")
                .classes(live("com.acme.ATest", 700))
                .build();

        CheckResult result =
                ReportCheck.run(new CheckRequest(report, null, new Budgets(List.of(), 512 * MIB), GROWTH, true));

        assertThat(result.offences()).extracting(Offence::className).containsExactly("com.acme.ATest");
        assertThat(result.notes())
                .containsExactly(
                        "the report is inconclusive (Inconclusive: the probe budget ran out.); its classes"
                                + " are checked all the same",
                        FORK_LEVELS);
    }

    @Test
    void appliesBudgetsToEachClasssOwnFiguresSoThatOnlyTheLeakFailsWhileTheForksLevelStaysByName() {
        // the leak keeps 100 MiB; every class after it runs in a fork holding it
        Report report = report().classes(
                        own(live("com.acme.ALeakTest", 104), 100, 102),
                        own(live("com.acme.BPlainTest", 106), 1, 4),
                        own(live("com.acme.CPlainTest", 108), 2, 4))
                .build();

        CheckResult ownFigures =
                ReportCheck.run(new CheckRequest(report, null, new Budgets(List.of(), 48 * MIB), GROWTH, true));
        CheckResult forkLevel = ReportCheck.run(new CheckRequest(
                report,
                null,
                new Budgets(List.of(rule(1, "**", Map.of(Metric.FORK_LIVE_HEAP, "48m"))), -1),
                GROWTH,
                true));
        CheckResult kept = ReportCheck.run(new CheckRequest(
                report, null, new Budgets(List.of(rule(1, "**", Map.of(Metric.KEPT, "64m"))), -1), GROWTH, true));

        assertThat(ownFigures.offences())
                .extracting(Offence::message)
                .containsExactly("com.acme.ALeakTest needed 102 MiB of heap on top of what it found (budget 48 MiB,"
                        + " memprobe.budget)");
        assertThat(ownFigures.notes()).isEmpty();
        assertThat(forkLevel.offences())
                .extracting(Offence::className)
                .containsExactly("com.acme.ALeakTest", "com.acme.BPlainTest", "com.acme.CPlainTest");
        assertThat(kept.offences())
                .extracting(Offence::message)
                .containsExactly("com.acme.ALeakTest left 100 MiB behind in the heap (budget 64 MiB, <budget> **)");
    }

    @Test
    void doesNotFailAClassOnAnUpperBoundButSaysItWasNotMeasured() {
        Report.ClassEntry quick = live("com.acme.QuickTest", -1)
                .withOwn(
                        new Report.Own(-1, null, 80 * MIB, Report.Own.AT_MOST, 80 * MIB, 0, 0, 0, 0, "no collection"),
                        List.of());
        Report report = report().classes(quick).build();

        CheckResult result =
                ReportCheck.run(new CheckRequest(report, null, new Budgets(List.of(), 48 * MIB), GROWTH, true));

        assertThat(result.passed()).isTrue();
        assertThat(result.notes())
                .containsExactly("not checked, not measured: com.acme.QuickTest (liveHeap: no garbage collection ran"
                        + " while it ran, and 80 MiB, an upper bound garbage included, is over the budget of 48 MiB)");
    }

    private static Report.ClassEntry own(Report.ClassEntry entry, long keptMiB, long neededMiB) {
        return entry.withOwn(
                new Report.Own(
                        keptMiB * MIB,
                        Report.Own.ESTIMATED,
                        neededMiB * MIB,
                        Report.Own.MEASURED,
                        300 * MIB,
                        0,
                        0,
                        0,
                        0,
                        null),
                List.of());
    }

    private static BudgetRule rule(int number, String classes, Map<Metric, String> limits) {
        return BudgetRule.parse(number, classes, new EnumMap<>(limits));
    }
}
