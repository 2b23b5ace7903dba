package dev.memprobe.maven;

import static dev.memprobe.names.ClassNames.simple;

import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Probe;
import dev.memprobe.report.ConsoleLine;
import dev.memprobe.report.PurposeText;
import dev.memprobe.units.Durations;
import org.apache.maven.plugin.logging.Log;

/** One console line per probe: what ran, how it ended, how long it took; line breaks in test names escaped. */
final class ConsoleProgress implements dev.memprobe.bisect.ProgressListener {

    private final Log log;
    private final int maxProbes;
    private boolean parallelNoted;

    ConsoleProgress(Log log, int maxProbes) {
        this.log = log;
        this.maxProbes = maxProbes;
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
        StringBuilder line =
                new StringBuilder("probe ").append(probe.id()).append('/').append(maxProbes);
        line.append("  ").append(PurposeText.of(probe.purpose())).append("  -> ");
        var failures = result.failures();
        if (failures.isEmpty()) {
            line.append("passed");
            long failed = result.classes().stream()
                    .filter(c -> c.failures() + c.errors() > 0)
                    .count();
            if (failed > 0) {
                line.append(" (").append(failed).append(failed == 1 ? " class" : " classes");
                line.append(" with failing tests, not memory)");
            }
        } else {
            for (int i = 0; i < failures.size(); i++) {
                var f = failures.get(i);
                boolean death = result.death() != null && i == failures.size() - 1;
                line.append(i == 0 ? "" : ", then ")
                        .append(death ? "died: " : "failed: ")
                        .append(f.cause().id());
                if (f.victim() != null) {
                    line.append(" in ").append(simple(f.victim()));
                    if (f.method() != null) {
                        line.append('#').append(f.method());
                    }
                }
                if (f.exitCode() != null) {
                    line.append(" (exit ").append(f.exitCode()).append(')');
                }
            }
            String last = failures.get(failures.size() - 1).victim();
            var ran = result.classes();
            if (result.death() == null
                    && last != null
                    && !ran.isEmpty()
                    && !ran.get(ran.size() - 1).name().equals(last)) {
                line.append(", went on"); // classes ran after the last failure, in the same fork
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
