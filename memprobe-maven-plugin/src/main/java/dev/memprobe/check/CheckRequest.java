package dev.memprobe.check;

import dev.memprobe.report.Report;
import java.util.Objects;

/**
 * What {@code memprobe:check} checks, fixed before it starts.
 *
 * @param report the report to check
 * @param baseline the report to compare growth against (e.g. main's), or {@code null}
 * @param failOnCulprit whether a {@code culprits-found} verdict is an offence
 */
public record CheckRequest(Report report, Report baseline, Budgets budgets, GrowthLimit growth, boolean failOnCulprit) {

    public CheckRequest {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(growth, "growth");
    }
}
