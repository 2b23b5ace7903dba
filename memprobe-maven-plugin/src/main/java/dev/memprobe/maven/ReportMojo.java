package dev.memprobe.maven;

import dev.memprobe.report.InvalidReportException;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportContext;
import dev.memprobe.report.files.ReportFiles;
import dev.memprobe.report.files.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The memprobe report in the project's site ({@code mvn site}), as {@code jacoco:report} puts its own: the page
 * {@code bisect} made, from its {@code report.json}, in {@code target/site/memprobe/} with its style sheet and script,
 * linked from the site's "Project Reports". Runs no test: a site without a {@code report.json} gets no memprobe page,
 * and says why.
 *
 * <p>An external report on maven-reporting-api alone: the page is memprobe's own, so nothing of Doxia's renderer is
 * needed, and the plugin's realm, which is also the build extension's, stays without maven-reporting-impl's 80-odd
 * artifacts (Doxia's site renderer, Velocity, plexus-archiver), which Maven resolved and scanned before every build
 * that declares the extension.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenReport {

    /** The folder under the site where the page goes. */
    static final String SITE_FOLDER = "memprobe";

    /**
     * The folder whose {@code report.json} is shown: where {@code bisect} wrote it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.outputDirectory", defaultValue = "${project.build.directory}/memprobe")
    private File dataDirectory;

    /**
     * Skips the report ({@code memprobe.skip}), as it skips every memprobe goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Where {@code mvn memprobe:report} alone writes the page; in {@code mvn site} the site's folder is used.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/reports", required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The site's folder, set by the site plugin; {@link #outputDirectory} when run alone. */
    private File reportOutputDirectory;

    /** {@code mvn memprobe:report} on its own, outside the site. */
    @Override
    public void execute() throws MojoExecutionException {
        if (!canGenerateReport()) {
            return;
        }
        try {
            executeReport();
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The site's call: memprobe writes its own files, the site's sink gets nothing (an external report). */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        try {
            executeReport();
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public void setReportOutputDirectory(File folder) {
        reportOutputDirectory = folder;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : outputDirectory;
    }

    @Override
    public String getOutputName() {
        return SITE_FOLDER + "/index";
    }

    @Override
    public String getName(Locale locale) {
        return "memprobe";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The test classes that exhaust memory: memprobe's verdict, culprits and measurements.";
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            getLog().info("memprobe: report skipped (memprobe.skip=true)");
            return false;
        }
        if (!Files.isRegularFile(json())) {
            getLog().info("memprobe: no site report: "
                    + RelativePath.from(project.getBasedir().toPath(), json())
                    + " does not exist; run memprobe:bisect first (mvn test-compile memprobe:bisect site)");
            return false;
        }
        return true;
    }

    private void executeReport() throws MavenReportException {
        Report report;
        try {
            report = ReportFiles.read(json());
        } catch (InvalidReportException e) {
            throw new MavenReportException(
                    "The report " + json() + " cannot be used: " + e.getMessage() + "; run memprobe:bisect again");
        } catch (IOException e) {
            throw new MavenReportException("memprobe cannot read " + json() + ": " + e.getMessage(), e);
        }
        Path folder = getReportOutputDirectory().toPath().resolve(SITE_FOLDER);
        try {
            for (ReportFormat format : new ReportFormat[] {ReportFormat.HTML_STYLE, ReportFormat.HTML_SCRIPT}) {
                ReportFiles.writeAtomically(
                        folder.resolve(format.fileName()), out -> format.write(report, ReportContext.NONE, out));
            }
            ReportFiles.writeAtomically(
                    folder.resolve("index.html"), out -> ReportFormat.HTML.write(report, ReportContext.NONE, out));
        } catch (IOException e) {
            throw new MavenReportException(
                    "memprobe cannot write its site report to " + folder + ": " + e.getMessage(), e);
        }
    }

    private Path json() {
        return dataDirectory.toPath().resolve(ReportFormat.JSON.fileName());
    }
}
