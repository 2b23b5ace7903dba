package dev.memprobe.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "600,    PT10M",
        "90s,    PT1M30S",
        "10m,    PT10M",
        "1h,     PT1H",
        "250ms,  PT0.25S",
        "10M,    PT10M",
        "' 5 s ', PT5S",
    })
    void parsesDurationsAsMavenUsersWriteThem(String text, Duration duration) {
        assertThat(Durations.parse("memprobe.forkTimeout", text)).isEqualTo(duration);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "-5   | memprobe.forkTimeout=-5 is not a duration: write seconds (600) or a number with a unit ms, s,"
                        + " m or h (e.g. 90s, 10m)",
                "ten  | memprobe.forkTimeout=ten is not a duration: write seconds (600) or a number with a unit ms,"
                        + " s, m or h (e.g. 90s, 10m)",
                "1.5h | memprobe.forkTimeout=1.5h is not a duration: write seconds (600) or a number with a unit"
                        + " ms, s, m or h (e.g. 90s, 10m)",
                "10d  | memprobe.forkTimeout=10d is not a duration: write seconds (600) or a number with a unit"
                        + " ms, s, m or h (e.g. 90s, 10m)",
                "0    | memprobe.forkTimeout=0 must be more than zero (e.g. 90s, 10m)",
                "0ms  | memprobe.forkTimeout=0ms must be more than zero (e.g. 90s, 10m)",
                "''   | memprobe.forkTimeout is empty: write seconds (600) or a number with a unit ms, s, m or h"
                        + " (e.g. 90s, 10m)",
                "null | memprobe.forkTimeout is empty: write seconds (600) or a number with a unit ms, s, m or h"
                        + " (e.g. 90s, 10m)",
                "99999999999999999999 | memprobe.forkTimeout=99999999999999999999 is too long",
                "9999999999999999h    | memprobe.forkTimeout=9999999999999999h is too long",
            })
    void rejectsWhatIsNotADurationNamingTheParameter(String text, String message) {
        assertThatThrownBy(() -> Durations.parse("memprobe.forkTimeout", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} ms read \"{1}\"")
    @CsvSource({
        "-1,      n/a",
        "0,       0 ms",
        "12,      12 ms",
        "999,     999 ms",
        "1000,    1.0 s",
        "1500,    1.5 s",
        "59949,   59.9 s",
        "59950,   1 min 0 s",
        "60000,   1 min 0 s",
        "125000,  2 min 5 s",
        "3599600, 60 min 0 s",
    })
    void formatsDurationsForPeople(long millis, String text) {
        assertThat(Durations.format(millis)).isEqualTo(text);
    }
}
