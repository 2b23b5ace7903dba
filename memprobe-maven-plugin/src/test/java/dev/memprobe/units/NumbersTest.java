package dev.memprobe.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void oneDecimalShowsWhatPercentPointOneFShowsForValuesRoundedToTenths() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            double rounded = Math.round((random.nextDouble() - 0.2) * 200_000) / 10.0;
            if (Math.round(rounded * 10) == 0) {
                continue; // -0.0: see below
            }
            assertThat(Numbers.oneDecimal(rounded)).isEqualTo(String.format(Locale.ROOT, "%.1f", rounded));
        }
        assertThat(Numbers.oneDecimal(0)).isEqualTo("0.0");
        assertThat(Numbers.oneDecimal(-0.04)).isEqualTo("0.0");
        assertThat(Numbers.oneDecimal(1023.97)).isEqualTo("1024.0");
        assertThat(Numbers.oneDecimal(-2.5)).isEqualTo("-2.5");
    }

    @Test
    void groupedShowsWhatPercentCommaDShows() {
        Random random = new Random(7);
        long[] edges = {0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long value : edges) {
            assertThat(Numbers.grouped(value)).isEqualTo(String.format(Locale.ROOT, "%,d", value));
        }
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertThat(Numbers.grouped(value)).isEqualTo(String.format(Locale.ROOT, "%,d", value));
        }
    }
}
