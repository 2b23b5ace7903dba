package dev.memprobe.check;

import dev.memprobe.report.ConsoleSummary;
import dev.memprobe.report.Report;
import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code memprobe:check} without Maven: applies the budgets, the baseline and the verdict to a report and lists
 * every offence with its numbers.
 */
public final class ReportCheck {

    private ReportCheck() {}

    public static CheckResult run(CheckRequest request) {
        Report report = request.report();
        List<Offence> offences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (request.failOnCulprit() && report.verdict().equals("culprits-found")) {
            for (Report.CulpritEntry c : report.culprits()) {
                // the words of bisect's summary: what the culprit does, then why memprobe says so
                String evidence =
                        c.evidence().isEmpty() ? "" : "; why: " + c.evidence().get(0);
                offences.add(new Offence(
                        Offence.Kind.CULPRIT, c.victim(), "culprit " + ConsoleSummary.culprit(c) + evidence));
            }
        }
        if (report.verdict().equals("inconclusive")) {
            notes.add("the report is inconclusive (" + report.summary() + "); its classes are checked all the same");
        }
        List<String> unmeasured = new ArrayList<>();
        Set<String> forkInstead = new TreeSet<>();
        for (Report.ClassEntry entry : report.classes()) {
            for (Metric metric : Metric.values()) {
                Optional<Budgets.Limit> limit = request.budgets().limitFor(entry.name(), metric);
                if (limit.isPresent()) {
                    metric.readsForkInstead(entry).ifPresent(fork -> forkInstead.add(metric.id() + " as " + fork.id()));
                    budget(entry, metric, limit.get(), offences, unmeasured);
                }
            }
        }
        boolean budgetsFound =
                offences.stream().anyMatch(o -> o.kind() == Offence.Kind.BUDGET) || !unmeasured.isEmpty();
        if (!forkInstead.isEmpty() && budgetsFound) { // said where it changes what the check found
            notes.add("the report has no figures of each class's own (an earlier version): budgets read the fork's"
                    + " levels (" + String.join(", ", forkInstead) + ")");
        }
        if (!unmeasured.isEmpty()) {
            notes.add("not checked, not measured: " + String.join("; ", unmeasured));
        }
        if (request.baseline() != null) {
            growth(report, request.baseline(), request.growth(), offences, notes);
        }
        List<Offence> ordered = new ArrayList<>();
        for (Offence.Kind kind : Offence.Kind.values()) {
            offences.stream().filter(o -> o.kind() == kind).forEach(ordered::add);
        }
        return new CheckResult(ordered, notes, report.classes().size());
    }

    private static void budget(
            Report.ClassEntry entry,
            Metric metric,
            Budgets.Limit limit,
            List<Offence> offences,
            List<String> unmeasured) {
        metric = metric.readsForkInstead(entry).orElse(metric); // a report of an earlier version: the fork's level
        long value = metric.of(entry);
        if (value < 0
                && metric == Metric.FORK_LIVE_HEAP
                && entry.heapPeakBytes() >= 0
                && entry.heapPeakBytes() <= limit.bytes()) {
            return; // no collection ran during the class, but even its heap peak (an upper bound) is within budget
        }
        if (value < 0) {
            unmeasured.add(entry.name() + " (" + metric.id()
                    + (metric == Metric.FORK_LIVE_HEAP && entry.heapPeakBytes() >= 0
                            ? ": no garbage collection ran while it ran, and its heap peak, an upper bound, of "
                                    + Size.format(entry.heapPeakBytes()) + " is over the budget of "
                                    + Size.format(limit.bytes())
                            : " was not measured")
                    + ")");
            return;
        }
        if (value > limit.bytes() && metric.upperBound(entry)) {
            unmeasured.add(entry.name() + " (" + metric.id() + ": no garbage collection ran while it ran, and "
                    + Size.format(value) + ", an upper bound garbage included, is over the budget of "
                    + Size.format(limit.bytes()) + ")");
            return;
        }
        if (value > limit.bytes()) {
            offences.add(new Offence(
                    Offence.Kind.BUDGET,
                    entry.name(),
                    entry.name() + " " + metric.describe(value) + " (budget " + Size.format(limit.bytes()) + ", "
                            + limit.source() + ")"));
        }
    }

    private static void growth(
            Report report, Report baseline, GrowthLimit limit, List<Offence> offences, List<String> notes) {
        long heapNow = report.settings().maxHeapBytes();
        long heapThen = baseline.settings().maxHeapBytes();
        if (heapNow != heapThen) {
            notes.add("the baseline ran with max heap " + heap(heapThen) + ", this report with " + heap(heapNow)
                    + ": live heaps are compared all the same");
        }
        Map<String, Report.ClassEntry> before = new HashMap<>();
        for (Report.ClassEntry entry : baseline.classes()) {
            before.putIfAbsent(entry.name(), entry);
        }
        int compared = 0;
        for (Report.ClassEntry entry : report.classes()) {
            Report.ClassEntry old = before.get(entry.name());
            if (old == null) {
                continue;
            }
            // the classes' own live heaps where both reports have them, else the fork's live heaps
            Metric metric = old.own() != null && entry.own() != null ? Metric.LIVE_HEAP : Metric.FORK_LIVE_HEAP;
            long then = metric.of(old);
            long now = metric.of(entry);
            if (then >= 0 && now >= 0) {
                compared++;
            }
            if (limit.exceeded(then, now)) {
                long grown = now - then;
                offences.add(new Offence(
                        Offence.Kind.GROWTH,
                        entry.name(),
                        entry.name() + " " + metric.describe(now) + ", up " + Size.format(grown) + " ("
                                + percent(grown, then) + ") from " + Size.format(then)
                                + " in the baseline (allowed: " + limit.describe() + ")"));
            }
        }
        if (compared == 0) {
            notes.add("no class has a live heap in both this report and the baseline: nothing was compared");
        }
    }

    private static String heap(long bytes) {
        return bytes > 0 ? "-Xmx" + Size.toJvm(bytes) : "the JVM default";
    }

    private static String percent(long grown, long then) {
        return then == 0 ? "new" : String.format(Locale.ROOT, "+%d%%", Math.round(grown * 100.0 / then));
    }
}
