package dev.memprobe.run;

import static dev.memprobe.run.RunRequests.MACHINE;
import static dev.memprobe.run.RunRequests.classes;
import static dev.memprobe.run.RunRequests.options;
import static dev.memprobe.run.RunRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.BisectRequest;
import dev.memprobe.bisect.Strategy;
import dev.memprobe.env.Environment;
import dev.memprobe.report.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRequestTest {

    private static final Path OUTPUT = Path.of("target/memprobe");

    private static RunRequest everySetting() {
        BisectOptions options =
                BisectOptions.parse("256m", "1g", "90s", "batches", 5, true, 2, 30, true, "2/4", true, "3", "7g");
        RunRequest request = request(classes(4), options, OUTPUT);
        return new RunRequest(
                request.tests(),
                request.options(),
                request.project(),
                request.versions(),
                request.machine(),
                request.output(),
                "selection.txt",
                request.started());
    }

    @Test
    void theReportSettingsAreTheRequestsLimitsSearchAndContext() {
        assertThat(everySetting().reportSettings())
                .isEqualTo(new Report.Settings(
                        256L << 20,
                        1L << 30,
                        90_000,
                        "batches",
                        5,
                        true,
                        2,
                        30,
                        3,
                        "selection.txt",
                        "2/4",
                        "-ea",
                        "filesystem",
                        7L << 30,
                        true,
                        true));
    }

    @Test
    void theReportSettingsOfTheDefaultsSayWhatWasNotSet() {
        Report.Settings settings =
                request(classes(2), options(null, null, "bisect", "1"), OUTPUT).reportSettings();

        assertThat(settings.maxHeapBytes()).isEqualTo(-1);
        assertThat(settings.memoryLimitBytes()).isEqualTo(-1);
        assertThat(settings.forkTimeoutMs()).isEqualTo(-1);
        assertThat(settings.testFile()).isNull();
        assertThat(settings.shard()).isNull();
        assertThat(settings.runnerMemoryBytes()).isEqualTo(-1);
    }

    @Test
    void theEnginesRequestIsTheSearchWithTheDefaultPolluterLimit() {
        assertThat(everySetting().search())
                .isEqualTo(new BisectRequest(
                        classes(4), Strategy.BATCHES, 5, true, 2, 30, BisectRequest.DEFAULT_MAX_POLLUTERS, 3));
    }

    @Test
    void memprobesForkTimeoutWinsOverSurefiresAndSurefiresIsTheFallback() {
        Duration surefire = Duration.ofMinutes(20);
        BisectOptions given =
                BisectOptions.parse(null, null, "90s", "bisect", 3, false, 1, 50, false, null, false, "1", null);

        assertThat(request(classes(1), given, surefire, MACHINE, "3.6.1", null, OUTPUT)
                        .timeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(request(classes(1), options(null, null, "bisect", "1"), surefire, MACHINE, "3.6.1", null, OUTPUT)
                        .timeout())
                .isEqualTo(surefire);
        assertThat(request(classes(1), options(null, null, "bisect", "1"), OUTPUT)
                        .timeout())
                .isNull();
    }

    @Test
    void neverMoreForksAtOnceThanClasses() {
        assertThat(request(classes(2), options(null, null, "isolated", "4"), OUTPUT)
                        .forks())
                .isEqualTo(2);
        assertThat(request(classes(9), options(null, null, "isolated", "4"), OUTPUT)
                        .forks())
                .isEqualTo(4);
        assertThat(request(List.of(), options(null, null, "isolated", "4"), OUTPUT)
                        .forks())
                .isEqualTo(1);
    }

    @Test
    void theProbesGoIntoTheOutputFolder() {
        assertThat(request(classes(1), options(null, null, "bisect", "1"), OUTPUT)
                        .probesFolder())
                .isEqualTo(OUTPUT.resolve("probes"));
    }

    @Test
    void theDefaultHeapIsNamedOnlyWhenNoLimitWasSet() {
        assertThat(request(classes(1), options(null, null, "bisect", "1"), OUTPUT)
                        .defaultMaxHeapWithoutLimit())
                .isEqualTo(MACHINE.defaultMaxHeap());
        assertThat(request(classes(1), options("256m", null, "bisect", "1"), OUTPUT)
                        .defaultMaxHeapWithoutLimit())
                .isEqualTo(-1);
        assertThat(request(classes(1), options(null, "1g", "bisect", "1"), OUTPUT)
                        .defaultMaxHeapWithoutLimit())
                .isEqualTo(-1);
    }

    @Test
    void theEnvironmentIsTheMachineTheToolsAndTheForksJdk() {
        Environment machine = new Environment(16L << 30, 4L << 30, "v1", 8);
        Report.EnvironmentInfo info = request(
                        classes(1), options(null, null, "bisect", "1"), null, machine, "3.6.1", "3.2.5", OUTPUT)
                .environmentInfo("21.0.2 (Eclipse Adoptium)");

        assertThat(info.mavenJdk()).startsWith(System.getProperty("java.version") + " (");
        assertThat(info.forkJdk()).isEqualTo("21.0.2 (Eclipse Adoptium)");
        assertThat(info.os()).isEqualTo(Environment.os());
        assertThat(info.cores()).isEqualTo(8);
        assertThat(info.machineMemoryBytes()).isEqualTo(16L << 30);
        assertThat(info.containerMemoryLimitBytes()).isEqualTo(4L << 30);
        assertThat(info.cgroup()).isEqualTo("v1");
        assertThat(info.defaultMaxHeapBytes()).isEqualTo(machine.defaultMaxHeap());
        assertThat(info.surefireVersion()).isEqualTo("3.6.1");
        assertThat(info.mavenVersion()).isEqualTo("3.9.9");
    }
}
