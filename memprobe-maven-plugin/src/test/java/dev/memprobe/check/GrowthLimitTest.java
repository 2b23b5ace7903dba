package dev.memprobe.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrowthLimitTest {

    private static final long MIB = 1L << 20;

    @ParameterizedTest(name = "{0} MiB -> {1} MiB under +{2}% and {3} MiB: {4}")
    @CsvSource({
        "400, 612, 25, 32, true", //  +53%, +212 MiB
        "400, 500, 25, 32, false", // +25% exactly is allowed
        "400, 501, 25, 32, true",
        "4,   20,  25, 32, false", // +400%, but only 16 MiB: under the floor
        "100, 132, 25, 32, false", // +32 MiB exactly is allowed
        "100, 133, 25, 32, true",
        "612, 400, 25, 32, false", // shrinking is fine
        "0,   64,  25, 32, true", //  from nothing to more than the floor
        "-1,  900, 25, 32, false", // not measured in the baseline
        "400, -1,  25, 32, false", // not measured now
        "400, 401,  0,  0, true", //  no tolerance at all
    })
    void tripsOnlyWhenBothThePercentageAndTheFloorAreExceeded(
            long before, long now, int percent, long floorMiB, boolean exceeded) {
        GrowthLimit limit = new GrowthLimit(percent, floorMiB * MIB);

        assertThat(limit.exceeded(before < 0 ? -1 : before * MIB, now < 0 ? -1 : now * MIB))
                .isEqualTo(exceeded);
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({"25%, 32m, 25, 32", "25, 32m, 25, 32", " 10 % , 1g, 10, 1024", "0%, 0, 0, 0"})
    void readsPercentagesWithOrWithoutTheSign(String growth, String floor, int percent, long floorMiB) {
        assertThat(GrowthLimit.parse(growth, floor)).isEqualTo(new GrowthLimit(percent, floorMiB * MIB));
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "lots | 32m | memprobe.maxGrowth=lots is not a percentage: write a whole number of percent, e.g. 25%",
                "-5% | 32m | memprobe.maxGrowth=-5% is not a percentage",
                "2.5% | 32m | memprobe.maxGrowth=2.5% is not a percentage",
                "25% | big | memprobe.growthFloor=big is not a size",
            })
    void rejectsValuesThatAreNotLimits(String growth, String floor, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GrowthLimit.parse(growth, floor))
                .withMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0}% and {1} MiB")
    @CsvSource({"25, 32, +25% and more than 32 MiB", "0, 0, +0% and more than 0 B"})
    void saysWhatIsAllowed(int percent, long floorMiB, String text) {
        assertThat(new GrowthLimit(percent, floorMiB * MIB).describe()).isEqualTo(text);
    }
}
