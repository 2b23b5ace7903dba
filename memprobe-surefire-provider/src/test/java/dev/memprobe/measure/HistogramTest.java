package dev.memprobe.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.journal.HistogramRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {

    /** {@code jcmd <pid> GC.class_histogram} of a JDK 17, shortened. */
    private static final String BEFORE = " num     #instances         #bytes  class name (module)\n"
            + "-------------------------------------------------------\n"
            + "   1:         17156        1180384  [B (java.base@17.0.15)\n"
            + "   2:          3526         422744  java.lang.Class (java.base@17.0.15)\n"
            + "   3:         16976         407424  java.lang.String (java.base@17.0.15)\n"
            + "   4:          4376         140032  java.util.HashMap$Node (java.base@17.0.15)\n"
            + "   5:            10            240  com.acme.CacheEntry\n"
            + " 291:             8            128  java.util.regex.Pattern$CharPredicate$$Lambda$21/0x80000002d"
            + " (java.base@17.0.15)\n"
            + "Total         42052        2150952\n";

    private static final String AFTER = " num     #instances         #bytes  class name (module)\n"
            + "-------------------------------------------------------\n"
            + "   1:         27156       51180384  [B (java.base@17.0.15)\n"
            + "   2:          3530         423000  java.lang.Class (java.base@17.0.15)\n"
            + "   3:         16000         384000  java.lang.String (java.base@17.0.15)\n"
            + "   4:         64376        2060032  java.util.HashMap$Node (java.base@17.0.15)\n"
            + "   5:         50010        1200240  com.acme.CacheEntry\n"
            + "   6:             1             16  com.acme.Registry\n"
            + " 291:             8            128  java.util.regex.Pattern$CharPredicate$$Lambda$21/0x80000002d"
            + " (java.base@17.0.15)\n"
            + "Total        161082       55247800\n";

    @Test
    void parsesTheJdk17FormatWithItsModuleColumn() {
        Histogram histogram = Histogram.parse(AFTER);

        assertThat(histogram.isEmpty()).isFalse();
        assertThat(histogram.topGrowth(Histogram.parse(""), 3))
                .containsExactly(
                        row("[B", 51_180_384, 27_156, 51_180_384),
                        row("java.util.HashMap$Node", 2_060_032, 64_376, 2_060_032),
                        row("com.acme.CacheEntry", 1_200_240, 50_010, 1_200_240));
    }

    @Test
    void listsTheTypesThatGrewMostFirstAndOnlyThoseThatGrew() {
        List<HistogramRow> growth = Histogram.parse(AFTER).topGrowth(Histogram.parse(BEFORE), 10);

        assertThat(growth)
                .containsExactly(
                        row("[B", 51_180_384, 27_156, 50_000_000),
                        row("java.util.HashMap$Node", 2_060_032, 64_376, 1_920_000),
                        row("com.acme.CacheEntry", 1_200_240, 50_010, 1_200_000),
                        row("java.lang.Class", 423_000, 3_530, 256),
                        row("com.acme.Registry", 16, 1, 16));
    }

    @Test
    void keepsToTheNumberOfTypesAskedFor() {
        assertThat(Histogram.parse(AFTER).topGrowth(Histogram.parse(BEFORE), 2))
                .extracting(HistogramRow::type)
                .containsExactly("[B", "java.util.HashMap$Node");
        assertThat(Histogram.parse(AFTER).topGrowth(Histogram.parse(BEFORE), 0)).isEmpty();
    }

    @Test
    void addsUpTypesOfTheSameNameFromDifferentClassLoaders() {
        String leakingLoaders = "   1:           100           2400  com.acme.Plugin\n"
                + "   2:           100           2400  com.acme.Plugin\n"
                + "   3:            50           1200  com.acme.Plugin\n";

        assertThat(Histogram.parse(leakingLoaders).topGrowth(Histogram.parse(""), 5))
                .containsExactly(row("com.acme.Plugin", 6000, 250, 6000));
    }

    @Test
    void typesThatGrewEquallyAreListedByName() {
        String tied = "   1:   1   64  com.acme.Zeta\n   2:   1   64  com.acme.Alpha\n   3:   1   64  com.acme.Mid\n";

        assertThat(Histogram.parse(tied).topGrowth(Histogram.parse(""), 3))
                .extracting(HistogramRow::type)
                .containsExactly("com.acme.Alpha", "com.acme.Mid", "com.acme.Zeta");
    }

    @Test
    void ignoresHeadersTotalsAndTextThatIsNotAHistogram() {
        assertThat(Histogram.parse("").isEmpty()).isTrue();
        assertThat(Histogram.parse("No such diagnostic command\n").isEmpty()).isTrue();
        assertThat(Histogram.parse(" num     #instances         #bytes  class name (module)\nTotal  1  2\n")
                        .isEmpty())
                .isTrue();
    }

    @Test
    void takesAHistogramOfThisJvm() {
        Histogram now = Histogram.take();

        assertThat(now.isEmpty()).isFalse();
        assertThat(now.topGrowth(Histogram.parse(""), 50))
                .extracting(HistogramRow::type)
                .contains("java.lang.String");
    }

    private static HistogramRow row(String type, long bytes, long instances, long growth) {
        return new HistogramRow(type, bytes, instances, growth);
    }
}
