package dev.memprobe.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memprobe.bisect.Strategy;
import dev.memprobe.env.Environment;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BisectOptionsTest {

    private static BisectOptions parse(String maxHeap, String memoryLimit, String parallel) {
        return BisectOptions.parse(
                maxHeap, memoryLimit, null, "bisect", 3, false, 1, 50, false, null, false, parallel, null);
    }

    @Test
    void readsEverySetting() {
        BisectOptions options =
                BisectOptions.parse("256m", "1g", "90s", "batches", 5, true, 2, 30, true, "2/4", true, "3", "7g");

        assertThat(options.maxHeap()).isEqualTo(256L << 20);
        assertThat(options.memoryLimit()).isEqualTo(1L << 30);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.strategy()).isEqualTo(Strategy.BATCHES);
        assertThat(options.batchSize()).isEqualTo(5);
        assertThat(options.confirmRuns()).isEqualTo(2);
        assertThat(options.maxProbes()).isEqualTo(30);
        assertThat(options.parallelProbes()).isEqualTo(3);
        assertThat(options.shard()).hasToString("2/4");
        assertThat(options.failFast()).isTrue();
        assertThat(options.exactRetained()).isTrue();
        assertThat(options.failOnCulprit()).isTrue();
        assertThat(options.runnerMemory()).isEqualTo(7L << 30);
    }

    @Test
    void probesStopOnGcOverheadUnlessTheUserOptsOutAndTheOtherSettingsStay() {
        BisectOptions options =
                BisectOptions.parse("256m", "1g", "90s", "batches", 5, true, 2, 30, true, "2/4", true, "3", "7g");

        BisectOptions optedOut = options.withStopOnGcOverhead(false);

        assertThat(options.stopOnGcOverhead()).isTrue();
        assertThat(optedOut.stopOnGcOverhead()).isFalse();
        assertThat(optedOut.withStopOnGcOverhead(true)).isEqualTo(options);
        assertThat(optedOut.withParallelProbes(2).stopOnGcOverhead()).isFalse();
    }

    @Test
    void blankMeansNotSet() {
        BisectOptions options =
                BisectOptions.parse(" ", "", null, "bisect", 3, false, 1, 50, false, "", false, "", " ");

        assertThat(options.maxHeap()).isEqualTo(-1);
        assertThat(options.memoryLimit()).isEqualTo(-1);
        assertThat(options.timeout()).isNull();
        assertThat(options.parallelProbes()).isZero();
        assertThat(options.shard()).isNull();
        assertThat(options.runnerMemory()).isEqualTo(-1);
        assertThat(options.noLimit()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2g|1g|auto|memprobe.maxHeap=2g is not below memprobe.memoryLimit=1g",
                "1g|1g|auto|memprobe.maxHeap=1g is not below memprobe.memoryLimit=1g",
                "256m||0|memprobe.parallelProbes=0 is not a number of forks: write auto, or a whole number of 1 or more",
                "256m||many|memprobe.parallelProbes=many is not a number of forks",
                "256m||-2|memprobe.parallelProbes=-2 is not a number of forks",
            })
    void refusesWhatCannotWork(String maxHeap, String memoryLimit, String parallel, String message) {
        assertThatThrownBy(() -> parse(maxHeap, memoryLimit, parallel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void namesTheStrategiesWhenOneIsUnknown() {
        assertThatThrownBy(() -> BisectOptions.parse(
                        null, null, null, "fastest", 3, false, 1, 50, false, null, false, "auto", null))
                .hasMessage("memprobe.strategy=fastest is not a strategy: use one of bisect, batches, isolated");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|1|50|memprobe.batchSize=0 must be at least 1",
                "3|-1|50|memprobe.confirmRuns=-1 must not be negative",
                "3|1|0|memprobe.maxProbes=0 must be at least 1",
            })
    void refusesCountsThatCannotWork(int batchSize, int confirmRuns, int maxProbes, String message) {
        assertThatThrownBy(() -> BisectOptions.parse(
                        null,
                        null,
                        null,
                        "bisect",
                        batchSize,
                        false,
                        confirmRuns,
                        maxProbes,
                        false,
                        null,
                        false,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void refusesARunnerMemoryThatIsNoSizeAndSaysSoFirst() {
        assertThatThrownBy(() -> BisectOptions.parse(
                        "4gigs", null, null, "bisect", 3, false, 1, 50, false, null, false, null, "lots"))
                .hasMessageStartingWith("memprobe.runnerMemory=lots is not a size");
    }

    @ParameterizedTest
    @CsvSource({
        // cores, machine GiB, container GiB (0 = none), maxHeap MiB (0 = unset), memoryLimit MiB (0 = none), forks
        "2, 24, 0, 256, 0, 1", // a fork keeps about two cores busy
        "4, 24, 0, 256, 0, 2",
        "5, 24, 0, 256, 0, 2",
        "8, 24, 0, 256, 0, 4",
        "16, 64, 0, 256, 0, 4", // at most 4
        "8, 4, 0, 1024, 0, 1", // 1.5 GiB + 256 MiB a fork, 3 GiB after Maven's share
        "8, 64, 3, 0, 1024, 2", // the container's 3 GiB, not the machine's, with 1 GiB limits
        "1, 24, 0, 256, 0, 1",
        "4, 24, 0, 0, 0, 2", // no heap given: the JVM default (6 GiB) and half as much again
    })
    void autoFitsTheCoresAndTheMemory(
            int cores, long machineGiB, long containerGiB, long heapMiB, long limitMiB, int forks) {
        Environment machine =
                new Environment(machineGiB << 30, containerGiB > 0 ? containerGiB << 30 : -1, "v2", cores);
        BisectOptions options = parse(heapMiB > 0 ? heapMiB + "m" : null, limitMiB > 0 ? limitMiB + "m" : null, "auto");

        assertThat(options.resolveParallel(machine).parallelProbes()).isEqualTo(forks);
    }

    @Test
    void aNumberIsKept() {
        Environment oneCore = new Environment(1L << 30, -1, "v2", 1);

        assertThat(parse("256m", null, "3").resolveParallel(oneCore).parallelProbes())
                .isEqualTo(3);
    }
}
