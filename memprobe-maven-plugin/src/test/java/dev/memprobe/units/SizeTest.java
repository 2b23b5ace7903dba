package dev.memprobe.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeTest {

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({
        "256m,          268435456",
        "2g,            2147483648",
        "2G,            2147483648",
        "1G,            1073741824",
        "512k,          524288",
        "512K,          524288",
        "1048576,       1048576",
        "1t,            1099511627776",
        "' 64m ',       67108864",
        "100mb,         104857600",
        "8388607t,      9223370937343148032",
        "9223372036854775807, 9223372036854775807",
    })
    void parsesSizesWrittenLikeJvmSizes(String text, long bytes) {
        assertThat(Size.parse("memprobe.maxHeap", text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "4 gigs   | memprobe.maxHeap=4 gigs is not a size: write it like a JVM size, a whole number with an"
                        + " optional unit k, m, g or t (e.g. 256m, 2g)",
                "-1m      | memprobe.maxHeap=-1m is not a size: write it like a JVM size, a whole number with an"
                        + " optional unit k, m, g or t (e.g. 256m, 2g)",
                "1.5g     | memprobe.maxHeap=1.5g is not a size: write it like a JVM size, a whole number with an"
                        + " optional unit k, m, g or t (e.g. 256m, 2g)",
                "0        | memprobe.maxHeap=0 must be more than zero (e.g. 256m, 2g)",
                "0g       | memprobe.maxHeap=0g must be more than zero (e.g. 256m, 2g)",
                "''       | memprobe.maxHeap is empty: write a size like a JVM size (e.g. 256m, 2g)",
                "'   '    | memprobe.maxHeap is empty: write a size like a JVM size (e.g. 256m, 2g)",
                "null     | memprobe.maxHeap is empty: write a size like a JVM size (e.g. 256m, 2g)",
                "8388608t | memprobe.maxHeap=8388608t is too large",
                "9223372036854775808 | memprobe.maxHeap=9223372036854775808 is too large",
                "99999999999999999999g | memprobe.maxHeap=99999999999999999999g is too large",
            })
    void rejectsWhatIsNotASizeNamingTheParameter(String text, String message) {
        assertThatThrownBy(() -> Size.parse("memprobe.maxHeap", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} bytes read \"{1}\"")
    @CsvSource({
        "-1,                  n/a",
        "0,                   0 B",
        "12,                  12 B",
        "1023,                1023 B",
        "1024,                1 KiB",
        "1536,                1.5 KiB",
        "921600,              900 KiB",
        "102349,              100 KiB",
        "1048575,             1 MiB",
        "10747904,            10.3 MiB",
        "641728512,           612 MiB",
        "1610612736,          1.5 GiB",
        "2199023255552,       2 TiB",
        "9223372036854775807, 8388608 TiB",
    })
    void formatsSizesForPeople(long bytes, String text) {
        assertThat(Size.format(bytes)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} bytes as -Xmx{1}")
    @CsvSource({
        "268435456,  256m",
        "2147483648, 2g",
        "524288,     512k",
        "1000000,    1000000",
        "1536,       1536",
        "1572864,    1536k",
    })
    void writesSizesTheWayTheJvmTakesThem(long bytes, String jvm) {
        assertThat(Size.toJvm(bytes)).isEqualTo(jvm);
        assertThat(Size.parse("memprobe.maxHeap", jvm)).isEqualTo(bytes);
    }
}
