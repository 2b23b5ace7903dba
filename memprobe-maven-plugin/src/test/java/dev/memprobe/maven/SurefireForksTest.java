package dev.memprobe.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memprobe.env.Environment;
import dev.memprobe.fork.ProcessControl;
import dev.memprobe.journal.ForkOptions;
import dev.memprobe.run.BisectOptions;
import dev.memprobe.run.Forks;
import dev.memprobe.run.RunRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class SurefireForksTest {

    private static final Path OUTPUT = Path.of("/work/shop/target/memprobe");

    private static RunRequest request(String maxHeap, String memoryLimit, String forkTimeout, boolean exact) {
        BisectOptions options = BisectOptions.parse(
                maxHeap, memoryLimit, forkTimeout, "bisect", 3, false, 1, 50, exact, null, false, "3", null);
        return new RunRequest(
                List.of("a.ATest", "a.BTest"),
                options,
                new RunRequest.Project("com.acme:shop", "-ea -Dx=1", "filesystem", Duration.ofMinutes(5), List.of()),
                new RunRequest.Versions("0.1.0", "3.6.1", null, "3.9.9"),
                new Environment(8L << 30, -1, "v2", 4),
                OUTPUT,
                null,
                Instant.EPOCH);
    }

    @Test
    void everyProbeSharesTheRequestsFolderArgLineAndLimits() {
        assertThat(SurefireForkRunner.Settings.of(request("256m", "1g", "90s", true)))
                .isEqualTo(new SurefireForkRunner.Settings(
                        OUTPUT.resolve("probes"),
                        "-ea -Dx=1",
                        256L << 20,
                        1L << 30,
                        Duration.ofSeconds(90),
                        Duration.ofSeconds(10),
                        ForkOptions.DEFAULT_NEAR_LIMIT,
                        true,
                        true,
                        true));
    }

    @Test
    void theForksWatchForGcOverheadUnlessTheUserOptedOut() {
        RunRequest request = request("256m", null, null, false);
        RunRequest optedOut = new RunRequest(
                request.tests(),
                request.options().withStopOnGcOverhead(false),
                request.project(),
                request.versions(),
                request.machine(),
                request.output(),
                request.testFile(),
                request.started());

        assertThat(SurefireForkRunner.Settings.of(request).stopOnGcOverhead()).isTrue();
        assertThat(SurefireForkRunner.Settings.of(optedOut).stopOnGcOverhead()).isFalse();
    }

    @Test
    void withoutMemprobesLimitsTheForksGetSurefiresTimeoutAndTheProjectsHeap() {
        SurefireForkRunner.Settings settings = SurefireForkRunner.Settings.of(request(null, null, null, false));

        assertThat(settings.maxHeap()).isEqualTo(-1);
        assertThat(settings.memoryLimit()).isEqualTo(-1);
        assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.exactRetained()).isFalse();
    }

    @Test
    void instancesThatCannotBeHadMakeTheForksUnavailableInTheirWords() {
        List<Integer> asked = new ArrayList<>();
        SurefireForks forks = new SurefireForks(
                count -> {
                    asked.add(count);
                    throw new MojoExecutionException("Cannot configure memprobe's goal a second time");
                },
                ProcessControl.system());

        assertThatThrownBy(() -> forks.open(request(null, null, null, false)))
                .isInstanceOf(Forks.Unavailable.class)
                .hasMessage("Cannot configure memprobe's goal a second time")
                .hasCauseInstanceOf(MojoExecutionException.class);
        assertThat(asked).containsExactly(2);
    }
}
