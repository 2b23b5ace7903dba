package dev.memprobe.run;

import static dev.memprobe.run.RunRequests.classes;
import static dev.memprobe.run.RunRequests.options;
import static dev.memprobe.run.RunRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.env.Environment;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartBannerTest {

    private static final long GIB = 1L << 30;
    private static final Path OUTPUT = Path.of("target/memprobe");

    @Test
    void namesTheLimitsTheMachineAndWhoseSurefireRunsTheForks() {
        assertThat(StartBanner.lines(request(
                        classes(201),
                        options("256m", "1g", "bisect", "2"),
                        Duration.ofMinutes(10),
                        new Environment(8 * GIB, 4 * GIB, "v2", 2),
                        "3.6.1",
                        "3.2.5",
                        OUTPUT)))
                .containsExactly(
                        "memprobe: 201 test classes, max heap -Xmx256m, memory limit 1 GiB, fork timeout 10 min 0 s,"
                                + " strategy bisect, at most 50 probes (memprobe.maxProbes), 2 forks at a time",
                        "memprobe: this machine has 8 GiB, a container limit of 4 GiB (cgroup v2); a JVM here"
                                + " takes a default max heap of 1 GiB",
                        "memprobe: forks run by Surefire 3.6.1 (memprobe's own; the project uses 3.2.5 for mvn test)"
                                + " with the project's Surefire configuration; the first probe runs the classes in Surefire's run order (runOrder=filesystem), as mvn test does on this machine");
    }

    @Test
    void withoutAHeapLimitSaysTheJvmDefaultAndOneClassIsSingular() {
        assertThat(StartBanner.lines(request(
                        classes(1),
                        options(null, null, "isolated", "1"),
                        null,
                        new Environment(16 * GIB, -1, "v1", 4),
                        "3.6.1",
                        null,
                        OUTPUT)))
                .containsExactly(
                        "memprobe: 1 test class, max heap the project's (JVM default about 4 GiB), memory limit"
                                + " none, strategy isolated, at most 50 probes (memprobe.maxProbes), 1 fork at a time",
                        "memprobe: this machine has 16 GiB, no container memory limit (cgroup v1); a JVM here"
                                + " takes a default max heap of 4 GiB",
                        "memprobe: forks run by Surefire 3.6.1 (memprobe's own) with the project's Surefire"
                                + " configuration; the first probe runs the classes in Surefire's run order (runOrder=filesystem), as mvn test does on this machine");
    }

    @Test
    void theSameSurefireVersionIsNotRepeated() {
        assertThat(StartBanner.lines(request(
                                classes(2),
                                options("1g", null, "batches", "1"),
                                null,
                                new Environment(GIB, -1, "v2", 1),
                                "3.6.1",
                                "3.6.1",
                                OUTPUT))
                        .get(2))
                .isEqualTo(
                        "memprobe: forks run by Surefire 3.6.1 (memprobe's own) with the project's Surefire"
                                + " configuration; the first probe runs the classes in Surefire's run order (runOrder=filesystem), as mvn test does on this machine");
    }
}
