package dev.memprobe.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract between the plugin's JVM and the fork: what one side writes, the other reads back unchanged. */
class ForkOptionsTest {

    private static final String DELEGATE = "org.apache.maven.surefire.junitplatform.JUnitPlatformProvider";

    @Test
    void fullyPopulatedOptionsSurviveTheTripThroughProviderProperties() {
        ForkOptions sent = new ForkOptions(
                "/work/target/memprobe/probes/3/journal.jsonl",
                "/work/target/memprobe/probes/3/plan.txt",
                true,
                DELEGATE,
                0.75,
                true,
                new LinkedHashSet<>(List.of("com.acme.ImportTest", "com.acme.CacheTest")),
                5);

        ForkOptions received = ForkOptions.fromProperties(sent.toProperties());

        assertThat(received).isEqualTo(sent).hasSameHashCodeAs(sent);
        assertThat(received.journal()).isEqualTo("/work/target/memprobe/probes/3/journal.jsonl");
        assertThat(received.plan()).isEqualTo("/work/target/memprobe/probes/3/plan.txt");
        assertThat(received.surefireOrder()).isTrue();
        assertThat(received.delegate()).isEqualTo(DELEGATE);
        assertThat(received.nearLimit()).isEqualTo(0.75);
        assertThat(received.exactRetained()).isTrue();
        assertThat(received.histogramClasses()).containsExactly("com.acme.ImportTest", "com.acme.CacheTest");
        assertThat(received.histogramTop()).isEqualTo(5);
    }

    @Test
    void theClassesToDumpSurviveTheTripAndAreAbsentWhenNoneAreAsked() {
        ForkOptions sent = ForkOptions.of("journal.jsonl", DELEGATE)
                .withHeapDumps(new LinkedHashSet<>(List.of("a.Polluter", "b.Polluter")), Set.of("c.Hog"));

        ForkOptions received = ForkOptions.fromProperties(sent.toProperties());

        assertThat(received).isEqualTo(sent);
        assertThat(received.dumpAtEnd()).containsExactly("a.Polluter", "b.Polluter");
        assertThat(received.dumpOnError()).containsExactly("c.Hog");
        assertThat(sent.toProperties()).containsEntry(ForkOptions.DUMP_AT_END, "a.Polluter,b.Polluter");
        assertThat(ForkOptions.of("journal.jsonl", DELEGATE).toProperties())
                .doesNotContainKeys(ForkOptions.DUMP_AT_END, ForkOptions.DUMP_ON_ERROR);
        assertThat(ForkOptions.fromProperties(ForkOptions.of("j", DELEGATE).toProperties())
                        .dumpAtEnd())
                .isEmpty();
    }

    @Test
    void defaultsSurviveTheTrip() {
        ForkOptions sent = ForkOptions.of("journal.jsonl", DELEGATE);

        ForkOptions received = ForkOptions.fromProperties(sent.toProperties());

        assertThat(received).isEqualTo(sent);
        assertThat(received.plan()).isNull();
        assertThat(received.nearLimit()).isEqualTo(ForkOptions.DEFAULT_NEAR_LIMIT);
        assertThat(received.histogramClasses()).isEmpty();
        assertThat(received.histogramTop()).isEqualTo(10);
    }

    @Test
    void watchingForGcOverheadSurvivesTheTripAndIsOffWhenNotSent() {
        ForkOptions watching = ForkOptions.of("journal.jsonl", DELEGATE).withWatchGcOverhead(true);
        Map<String, String> properties = watching.toProperties();

        assertThat(properties).containsEntry(ForkOptions.WATCH_GC_OVERHEAD, "true");
        assertThat(ForkOptions.fromProperties(properties)).isEqualTo(watching);
        assertThat(ForkOptions.fromProperties(properties).watchGcOverhead()).isTrue();
        assertThat(ForkOptions.fromProperties(properties).withWatchGcOverhead(false))
                .isNotEqualTo(watching);

        properties.remove(ForkOptions.WATCH_GC_OVERHEAD);
        assertThat(ForkOptions.fromProperties(properties).watchGcOverhead())
                .as("a plugin that does not know the key: the fork does not watch")
                .isFalse();
    }

    @ParameterizedTest(name = "plan {0}, Surefire order {1}")
    @CsvSource({"plan.txt, true", "plan.txt, false", ", true", ", false"})
    void everyPlanAndOrderCombinationSurvivesTheTrip(String plan, boolean surefireOrder) {
        ForkOptions sent = ForkOptions.of("journal.jsonl", DELEGATE).withPlan(plan, surefireOrder);

        assertThat(ForkOptions.fromProperties(sent.toProperties())).isEqualTo(sent);
    }

    @Test
    void everyKeyWrittenCarriesThePrefix() {
        Map<String, String> properties =
                new ForkOptions("j", "p", false, DELEGATE, 0.5, true, Set.of("a.B"), 3).toProperties();

        assertThat(properties.keySet()).allMatch(key -> key.startsWith(ForkOptions.PREFIX));
        assertThat(properties)
                .containsEntry(ForkOptions.JOURNAL, "j")
                .containsEntry(ForkOptions.PLAN, "p")
                .containsEntry(ForkOptions.PLAN_ORDER, "listed")
                .containsEntry(ForkOptions.DELEGATE, DELEGATE)
                .containsEntry(ForkOptions.NEAR_LIMIT, "0.5")
                .containsEntry(ForkOptions.EXACT_RETAINED, "true")
                .containsEntry(ForkOptions.HISTOGRAM_CLASSES, "a.B")
                .containsEntry(ForkOptions.HISTOGRAM_TOP, "3");
    }

    @Test
    void readingIgnoresSurefiresOwnProperties() {
        Map<String, String> properties =
                new LinkedHashMap<>(ForkOptions.of("j", DELEGATE).toProperties());
        properties.put("runOrder", "alphabetical");
        properties.put("configurationParameters", "junit.jupiter.execution.parallel.enabled=true");

        assertThat(ForkOptions.fromProperties(properties)).isEqualTo(ForkOptions.of("j", DELEGATE));
    }

    @Test
    void optionsWithoutTheDelegateAreRejectedInTheFork() {
        // the plugin side leaves the delegate out; only its provider wrapper adds it
        Map<String, String> fromThePlugin =
                ForkOptions.of("journal.jsonl", null).toProperties();

        assertThatThrownBy(() -> ForkOptions.fromProperties(fromThePlugin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memprobe.delegate is required");
    }

    @Test
    void theDelegateAddedByTheWrapperCompletesTheOptions() {
        ForkOptions plugin = ForkOptions.of("journal.jsonl", null);
        Map<String, String> properties = new LinkedHashMap<>(plugin.toProperties());
        properties.put(ForkOptions.DELEGATE, DELEGATE);

        assertThat(ForkOptions.fromProperties(properties)).isEqualTo(plugin.withDelegate(DELEGATE));
    }

    @Test
    void optionsWithoutAJournalAreRejected() {
        Map<String, String> properties = Map.of(ForkOptions.DELEGATE, DELEGATE);

        assertThatThrownBy(() -> ForkOptions.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memprobe.journal is required");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "memprobe.nearLimit    | lots | memprobe.nearLimit must be a number in (0, 1], was lots",
                "memprobe.nearLimit    | 1.5  | memprobe.nearLimit must be in (0, 1], was 1.5",
                "memprobe.nearLimit    | 0    | memprobe.nearLimit must be in (0, 1], was 0.0",
                "memprobe.nearLimit    | NaN  | memprobe.nearLimit must be in (0, 1], was NaN",
                "memprobe.histogramTop | ten  | memprobe.histogramTop must be a whole number, was ten",
                "memprobe.histogramTop | -1   | memprobe.histogramTop must not be negative, was -1",
            })
    void malformedValuesAreRejectedNamingTheKey(String key, String value, String message) {
        Map<String, String> properties =
                new LinkedHashMap<>(ForkOptions.of("j", DELEGATE).toProperties());
        properties.put(key, value);

        assertThatThrownBy(() -> ForkOptions.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
