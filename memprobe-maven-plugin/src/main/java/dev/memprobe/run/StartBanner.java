package dev.memprobe.run;

import dev.memprobe.env.Environment;
import dev.memprobe.units.Durations;
import dev.memprobe.units.Size;
import java.time.Duration;
import java.util.List;

/**
 * The lines a bisect starts with: what it searches and under which limits, the machine it runs on, and whose Surefire
 * runs the forks.
 */
final class StartBanner {

    private StartBanner() {}

    static List<String> lines(RunRequest request) {
        BisectOptions limits = request.options();
        Environment environment = request.machine();
        int classes = request.tests().size();
        Duration timeout = request.timeout();
        StringBuilder line =
                new StringBuilder("memprobe: ").append(classes).append(classes == 1 ? " test class" : " test classes");
        line.append(", max heap ")
                .append(
                        limits.maxHeap() > 0
                                ? "-Xmx" + Size.toJvm(limits.maxHeap())
                                : "the project's (JVM default about " + Size.format(environment.defaultMaxHeap())
                                        + ")");
        line.append(", memory limit ").append(limits.memoryLimit() > 0 ? Size.format(limits.memoryLimit()) : "none");
        if (timeout != null) {
            line.append(", fork timeout ").append(Durations.format(timeout.toMillis()));
        }
        line.append(", strategy ").append(limits.strategy().id());
        line.append(", at most ").append(limits.maxProbes()).append(" probes (memprobe.maxProbes)");
        line.append(", ").append(limits.parallelProbes()).append(limits.parallelProbes() == 1 ? " fork" : " forks");
        line.append(" at a time");
        String machine = "memprobe: this machine has " + Size.format(environment.machineMemory()) + ", "
                + (environment.containerLimit() > 0
                        ? "a container limit of " + Size.format(environment.containerLimit())
                        : "no container memory limit")
                + " (cgroup " + environment.cgroup() + "); a JVM here takes a default max heap of "
                + Size.format(environment.defaultMaxHeap());
        String ownSurefire = request.versions().surefire();
        String projectSurefire = request.versions().projectSurefire();
        String surefire = "memprobe: forks run by Surefire " + ownSurefire + " (memprobe's own"
                + (projectSurefire == null || projectSurefire.equals(ownSurefire)
                        ? ")"
                        : "; the project uses " + projectSurefire + " for mvn test)")
                + " with the project's Surefire configuration"
                + (request.versions().forkProviderWhy() == null
                        ? ""
                        : "; tests run by " + request.versions().forkProviderWhy())
                + "; the first probe runs the classes in Surefire's run order"
                + " (runOrder=" + request.project().runOrder() + "), as mvn test does on this machine";
        return List.of(line.toString(), machine, surefire);
    }
}
