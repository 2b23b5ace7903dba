package dev.memprobe.maven;

import dev.memprobe.check.BudgetRule;
import dev.memprobe.check.Budgets;
import dev.memprobe.check.CheckRequest;
import dev.memprobe.check.CheckResult;
import dev.memprobe.check.GrowthLimit;
import dev.memprobe.check.Offence;
import dev.memprobe.check.ReportCheck;
import dev.memprobe.report.Report;
import dev.memprobe.report.files.ReportFormat;
import dev.memprobe.units.Size;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the report of {@code memprobe:bisect} (or of {@code memprobe:merge}) shows a class over its
 * memory budget, a class that grew too much against a baseline report, or a culprit. The message lists every offender
 * with its numbers. Runs no test: it reads {@code report.json}.
 *
 * <p>Budgets limit each class's own figures, apart from what earlier classes of its fork left behind: by default its
 * own live heap (the most heap it needed on top of the live heap it found), and what it kept or allocated, the direct
 * buffers or metaspace it added where {@code <budgets>} says so; the fork's levels while it ran by name
 * ({@code <forkLiveHeap>}, {@code <rss>}, {@code <forkDirect>}, {@code <forkMetaspace>}).
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends ReportGoal {

    /**
     * The folder whose {@code report.json} is checked: where {@code bisect} or {@code merge} wrote it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.outputDirectory", defaultValue = "${project.build.directory}/memprobe")
    private File outputDirectory;

    /**
     * The default live-heap budget of every class ({@code 512m}, {@code 1g}): the most live heap a class may need on
     * top of the live heap it found (its own peak demand). {@code <budgets>} may set other budgets for some classes. Unset: no default budget.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.budget")
    private String budget;

    /**
     * Budgets for some classes, in the POM: each {@code <budget>} has {@code <classes>} (comma-separated patterns:
     * {@code *} within a name segment, {@code **} across segments, a pattern without a dot matches the simple name)
     * and one or more of {@code <liveHeap>}, {@code <kept>}, {@code <allocated>}, {@code <direct>}, {@code <metaspace>}
     * (the class's own), {@code <forkLiveHeap>}, {@code <rss>}, {@code <forkDirect>}, {@code <forkMetaspace>} (the
     * fork's levels while it ran). For each class and
     * each of those, the first {@code <budget>} that matches the class and sets it applies; for live heap,
     * {@code memprobe.budget} applies when none does. No user property: write them in the POM.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Budget> budgets;

    /**
     * A report to compare with ({@code report.json} of main's last run, say): a class whose live heap grew more than
     * {@code memprobe.maxGrowth} and more than {@code memprobe.growthFloor} fails the check. Unset: no comparison.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.baseline")
    private File baseline;

    /**
     * How much a class's live heap may grow against {@code memprobe.baseline}, in percent ({@code 25%}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.maxGrowth", defaultValue = GrowthLimit.DEFAULT_PERCENT)
    private String maxGrowth;

    /**
     * Growth against {@code memprobe.baseline} that never fails the check, whatever its percentage ({@code 32m}):
     * small classes move by a few MiB from run to run. {@code 0} for none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.growthFloor", defaultValue = GrowthLimit.DEFAULT_FLOOR)
    private String growthFloor;

    /**
     * Fail the check when the report names a culprit (verdict {@code culprits-found}). Unlike {@code bisect}'s
     * parameter of the same name, on by default: failing is what {@code check} is for.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.failOnCulprit", defaultValue = "true")
    private boolean failOnCulprit;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("check")) {
            return;
        }
        Path reportFile = outputDirectory.toPath().resolve(ReportFormat.JSON.fileName());
        CheckRequest request = request(reportFile);
        CheckResult result = ReportCheck.run(request);
        finish(request, result, reportFile);
    }

    /** Parameters first, then the files: a bad value is reported before any file is read. */
    private CheckRequest request(Path reportFile) throws MojoExecutionException {
        Budgets budgetSet;
        GrowthLimit growth;
        try {
            List<BudgetRule> rules = new ArrayList<>();
            if (budgets != null) {
                for (int i = 0; i < budgets.size(); i++) {
                    rules.add(budgets.get(i).toRule(i + 1));
                }
            }
            long fallback = budget == null || budget.isBlank() ? -1 : Size.parse("memprobe.budget", budget);
            budgetSet = new Budgets(rules, fallback);
            growth = GrowthLimit.parse(maxGrowth, growthFloor);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        Report report = ReportInput.read(
                reportFile,
                "memprobe's report " + relative(reportFile),
                "run memprobe:bisect first (mvn test-compile memprobe:bisect memprobe:check), or point"
                        + " memprobe.outputDirectory at the folder that holds report.json");
        Report before = baseline == null
                ? null
                : ReportInput.read(
                        baseline.toPath(),
                        "memprobe.baseline " + relative(baseline.toPath()),
                        "fetch the baseline report first (e.g. main's target/memprobe/report.json), or leave"
                                + " memprobe.baseline unset");
        return new CheckRequest(report, before, budgetSet, growth, failOnCulprit);
    }

    /** Maps the result to Maven: the one place that decides between success and failure. */
    private void finish(CheckRequest request, CheckResult result, Path reportFile) throws MojoFailureException {
        for (String note : result.notes()) {
            getLog().warn("memprobe: " + note);
        }
        if (result.passed()) {
            getLog().info("memprobe: check passed for " + result.classesChecked() + " classes: " + checked(request));
            return;
        }
        int n = result.offences().size();
        throw new MojoFailureException("memprobe:check found " + (n == 1 ? "1 problem" : n + " problems") + " in "
                + relative(reportFile) + ":\n  "
                + result.offences().stream().map(Offence::message).collect(Collectors.joining("\n  "))
                + "\nSee " + relative(reportFile.resolveSibling(ReportFormat.HTML.fileName()))
                + "; budgets are memprobe.budget and <budgets>, growth is memprobe.maxGrowth and"
                + " memprobe.growthFloor");
    }

    private String checked(CheckRequest request) {
        List<String> what = new ArrayList<>();
        if (!request.budgets().isEmpty()) {
            what.add("within their budgets");
        }
        if (request.baseline() != null) {
            what.add("no growth beyond " + request.growth().describe() + " against " + relative(baseline.toPath()));
        }
        if (request.failOnCulprit()) {
            what.add("no culprit");
        }
        return what.isEmpty()
                ? "nothing to check (set memprobe.budget, <budgets>, memprobe.baseline or memprobe.failOnCulprit)"
                : String.join(", ", what);
    }
}
