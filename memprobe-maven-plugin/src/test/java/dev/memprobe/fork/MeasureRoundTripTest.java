package dev.memprobe.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Measure;
import dev.memprobe.bisect.Probe;
import dev.memprobe.journal.HistogramRow;
import dev.memprobe.journal.JournalTail;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.journal.MeasureField;
import dev.memprobe.journal.Measures;
import dev.memprobe.journal.Problem;
import dev.memprobe.journal.TestCounts;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every measurement of the journal's table, from the fork's writer to the engine's {@link Measure}: written by
 * {@link JournalWriter} (as {@code RunRecorder} writes it; the provider's own test checks that the recorder hands the
 * meter's values to the writer whole), read by {@link JournalTail} and {@link JournalInterpreter}. Each field carries
 * a value of its own, so a field that is dropped, or read into another field, shows.
 */
class MeasureRoundTripTest {

    private static final Probe PROBE = new Probe(
            1, List.of("a.Done", "a.Dies"), new dev.memprobe.bisect.Purpose.WholeSuite(2), true, Set.of(), true);

    @TempDir
    Path folder;

    private static long distinct(MeasureField field) {
        return 1_000_000L + 1_000L * field.ordinal();
    }

    private static Measures everyField(long offset) {
        Measures.Builder measures =
                Measures.builder().poolPeak("G1 Eden Space", 11 + offset).poolPeak("G1 Old Gen", 12 + offset);
        for (MeasureField field : MeasureField.values()) {
            measures.set(field, distinct(field) + offset);
        }
        return measures.build();
    }

    private ForkResult writeAndRead() throws IOException {
        Path file = folder.resolve("journal.jsonl");
        try (JournalWriter writer = JournalWriter.open(file.toFile())) {
            writer.fork(42, "17", "vendor", "vm", 1L << 30, List.of(), true, 1, false);
            writer.plan(List.of("a.Done", "a.Dies"));
            writer.classStart("a.Done", 1);
            writer.classEnd(
                    "a.Done",
                    1,
                    new TestCounts(1, 0, 0, 0),
                    everyField(0),
                    List.of(new HistogramRow("[B", 4096, 2, 4000)));
            writer.classStart("a.Dies", 2);
            writer.error("a.Dies", null, new Problem("java.lang.OutOfMemoryError", "Java heap space"), everyField(7));
        }
        ForkEnd died =
                new ForkEnd(false, 1, "There was an error in the forked process", new ForkEnd.NoAction(), null, 1, -1);
        return JournalInterpreter.interpret(PROBE, JournalTail.read(file), died);
    }

    @Test
    void everyFieldOfTheTableReachesTheEnginesMeasureWithItsOwnValue() throws IOException {
        ForkResult result = writeAndRead();

        Measure done = result.run("a.Done").map(ClassRun::measure).orElseThrow();
        Measure inFlight = result.run("a.Dies").map(ClassRun::measure).orElseThrow();
        for (MeasureField field : MeasureField.values()) {
            assertThat(done.get(field)).as("%s of a class that ended", field).isEqualTo(distinct(field));
            assertThat(inFlight.get(field))
                    .as("%s of the class in flight", field)
                    .isEqualTo(distinct(field) + 7);
        }
        assertThat(done.poolPeaks()).isEqualTo(Map.of("G1 Eden Space", 11L, "G1 Old Gen", 12L));
        assertThat(inFlight.poolPeaks()).isEqualTo(Map.of("G1 Eden Space", 18L, "G1 Old Gen", 19L));
        assertThat(done.histogram()).containsExactly(new Measure.HistogramRow("[B", 4096, 2, 4000));
    }

    @Test
    void eachAccessorOfMeasureReadsTheFieldOfItsOwnName() throws Exception {
        Measure done = writeAndRead().run("a.Done").map(ClassRun::measure).orElseThrow();

        List<Method> accessors = Arrays.stream(Measure.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == long.class && m.getParameterCount() == 0)
                .toList();
        assertThat(accessors).hasSizeGreaterThanOrEqualTo(20);
        Set<Long> seen = new HashSet<>();
        for (Method accessor : accessors) {
            long value = (long) accessor.invoke(done);
            assertThat(value)
                    .as("%s() reads a field of the table", accessor.getName())
                    .isGreaterThanOrEqualTo(1_000_000L);
            MeasureField field = MeasureField.values()[(int) ((value - 1_000_000L) / 1_000L)];
            assertThat(value).as("%s()", accessor.getName()).isEqualTo(distinct(field));
            assertThat(normalised(field.name()))
                    .as("%s() reads %s", accessor.getName(), field)
                    .isEqualTo(normalised(accessor.getName()).replace("DURATIONMS", "MILLIS"));
            assertThat(seen.add(value))
                    .as("%s() reads a field no other accessor reads", accessor.getName())
                    .isTrue();
        }
    }

    /** {@code HEAP_PEAK} and {@code heapPeak} alike, {@code GC_MILLIS} and {@code gcMillis} too. */
    private static String normalised(String name) {
        return name.replace("_", "").toUpperCase(java.util.Locale.ROOT);
    }
}
