package dev.memprobe.maven;

import static dev.memprobe.names.ClassNames.simple;

import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Probe;
import dev.memprobe.report.ConsoleLine;
import dev.memprobe.report.PurposeText;
import dev.memprobe.units.Durations;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * One console line per probe: what it asked, how it ended (which class and test, of what), how long it took; line
 * breaks in test names escaped. {@code probe 2: does CatalogImportTest die alone?  -> CatalogImportTest#imports: heap
 * OutOfMemoryError, the fork died  [1.9 s]}.
 */
final class ConsoleProgress implements dev.memprobe.bisect.ProgressListener {

    private final Log log;
    private boolean parallelNoted;

    ConsoleProgress(Log log) {
        this.log = log;
    }

    @Override
    public void probeStarting(Probe probe) {
        if (log.isDebugEnabled()) {
            log.debug("memprobe: probe " + probe.id() + " runs " + probe.classes());
        }
    }

    @Override
    public void probeFinished(ForkResult result) {
        Probe probe = result.probe();
        StringBuilder line = new StringBuilder("probe ").append(probe.id()).append(": ");
        line.append(PurposeText.of(probe.purpose())).append("  -> ");
        var failures = result.failures();
        if (failures.isEmpty()) {
            List<String> failed = result.classes().stream()
                    .filter(c -> c.failures() + c.errors() > 0)
                    .map(c -> simple(c.name()))
                    .toList();
            line.append("no memory failure");
            if (!failed.isEmpty()) {
                line.append(" (tests failed in ")
                        .append(failed.size() <= 3 ? String.join(", ", failed) : failed.size() + " classes")
                        .append(", not of memory: see the end)");
            }
        } else {
            for (int i = 0; i < failures.size(); i++) {
                var f = failures.get(i);
                boolean death = result.death() != null && i == failures.size() - 1;
                line.append(i == 0 ? "" : "; then ");
                if (f.victim() != null) {
                    line.append(simple(f.victim()));
                    if (f.method() != null) {
                        line.append('#').append(f.method());
                    }
                    line.append(": ");
                }
                line.append(f.cause().description());
                if (f.exitCode() != null && !f.cause().describesExit(f.exitCode())) {
                    line.append(" (exit ").append(f.exitCode()).append(')');
                }
                line.append(death ? ", the fork died" : "");
            }
            String last = failures.get(failures.size() - 1).victim();
            var ran = result.classes();
            if (result.death() == null
                    && last != null
                    && !ran.isEmpty()
                    && !ran.get(ran.size() - 1).name().equals(last)) {
                line.append("; the fork went on with the classes after it");
            }
        }
        line.append("  [").append(Durations.format(result.wallMs())).append(']');
        log.info(ConsoleLine.of(line.toString()));
        if (!parallelNoted && result.fork() != null && result.fork().parallelForcedOff()) {
            parallelNoted = true;
            log.info("memprobe: the project switches on JUnit parallel execution; memprobe's forks run the classes"
                    + " one at a time, so that each is measured on its own");
        }
    }
}
