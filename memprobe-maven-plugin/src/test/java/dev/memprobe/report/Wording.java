package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The check the renderers' tests share: a sample of every record a sealed interface permits, in its words. */
final class Wording {

    private Wording() {}

    /**
     * Asserts that {@code samples} hold one record of each kind {@code sealed} permits (a new record fails here until
     * it has words and a sample), and that {@code words} gives each its sentence.
     */
    static <T> void wordsEveryRecord(Class<T> sealed, Map<T, String> samples, Function<T, String> words) {
        assertThat(samples.keySet().stream().map(Object::getClass).collect(Collectors.toSet()))
                .as("a sample of every record %s permits", sealed.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(sealed.getPermittedSubclasses()));
        samples.forEach((record, sentence) ->
                assertThat(words.apply(record)).as("%s", record).isEqualTo(sentence));
    }
}
