package dev.memprobe.maven;

import dev.memprobe.report.Report;
import dev.memprobe.report.files.ReportFiles;
import dev.memprobe.report.files.ReportFormat;
import dev.memprobe.report.html.HtmlReport;
import dev.memprobe.report.html.ModulesPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * At the root of a multi-module build, one page that links every module's report: {@code target/memprobe/index.html}
 * of the top-level project (in the folder {@code memprobe.outputDirectory} names, below the root's build folder). Each
 * module that wrote a report writes the page again from the reports there are, so that it is whole once the last
 * module is done, in a parallel build too; no state is shared between the modules.
 */
final class ModulesOverview {

    private final MavenSession session;
    private final Log log;

    ModulesOverview(MavenSession session, Log log) {
        this.session = session;
        this.log = log;
    }

    /** Writes the page when the build has more than one project, and says where it is. */
    void write(MavenProject current, Path currentOutput, Function<Path, String> relative) {
        List<MavenProject> projects = session.getProjects();
        MavenProject root = session.getTopLevelProject();
        if (projects == null || projects.size() < 2 || root == null) {
            return;
        }
        // the other modules' reports, and the page, are where this one's is, relative to their build folder
        // (memprobe.outputDirectory is the same for all of them)
        Path build = Path.of(current.getBuild().getDirectory()).toAbsolutePath().normalize();
        Path own = currentOutput.toAbsolutePath().normalize();
        Path inBuild = own.startsWith(build) ? build.relativize(own) : Path.of("memprobe");
        Path folder = Path.of(root.getBuild().getDirectory()).toAbsolutePath().resolve(inBuild);
        List<ModulesPage.Module> modules = new ArrayList<>();
        for (MavenProject p : projects) {
            Path output =
                    p == current ? own : Path.of(p.getBuild().getDirectory()).resolve(inBuild);
            Path json = output.resolve(ReportFormat.JSON.fileName());
            String id = p.getGroupId() + ":" + p.getArtifactId();
            String href = folder.relativize(
                            output.resolve(ReportFormat.HTML.fileName()).toAbsolutePath())
                    .toString()
                    .replace('\\', '/');
            if (!Files.isRegularFile(json)) {
                if ("pom".equals(p.getPackaging())) {
                    continue; // an aggregator: no tests of its own
                }
                modules.add(new ModulesPage.Module(id, href, null, "no report (no tests, or not searched yet)"));
                continue;
            }
            try {
                Report report = ReportFiles.read(json);
                modules.add(new ModulesPage.Module(id, href, report, null));
            } catch (IOException | RuntimeException e) {
                modules.add(
                        new ModulesPage.Module(id, href, null, "its report.json cannot be read: " + e.getMessage()));
            }
        }
        try {
            ReportFiles.writeAtomically(folder.resolve("report.css"), out -> HtmlReport.resource("report.css", out));
            Path page = ReportFiles.writeAtomically(
                    folder.resolve("index.html"),
                    out -> ModulesPage.write(root.getGroupId() + ":" + root.getArtifactId(), modules, out));
            // said after each module's report: which module is the last to write one is not known in advance
            log.info("memprobe: every module's report, linked from one page: " + relative.apply(page));
        } catch (IOException e) {
            // the overview is a convenience: each module's own report is written already
            log.warn("memprobe: cannot write the modules' overview to " + relative.apply(folder) + ": "
                    + e.getMessage());
        }
    }
}
