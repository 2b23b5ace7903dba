package dev.memprobe.fork;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.Measure;
import dev.memprobe.journal.ClassEndEvent;
import dev.memprobe.journal.HistogramRow;
import dev.memprobe.journal.MeasureField;
import dev.memprobe.journal.Measures;
import dev.memprobe.journal.TestEndEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the journal says about one class in one fork: how far it got, its first memory error, its measurements. */
final class ClassLog {

    final String name;
    /** The test in flight, or null between tests. */
    String method;
    /** Its class-end, or null when it did not end. */
    ClassEndEvent end;

    private String memoryError;
    private String memoryMethod;
    private Cause memoryCause;
    /** What each test method that ended allocated and left behind, when the provider measured it. */
    private final List<Measure.MethodMeasure> methods = new ArrayList<>();

    ClassLog(String name) {
        this.name = name;
    }

    /**
     * A test of the class ended; the first that failed of memory is the class's memory error. A method that failed of
     * memory kept nothing that was measured: its last collection ran when the heap was full of its own working set.
     */
    void testEnded(TestEndEvent event) {
        Optional<Cause> cause = event.problem() == null
                ? Optional.empty()
                : Cause.ofError(event.problem().throwable(), event.problem().message());
        long kept = cause.isPresent() ? -1 : event.kept();
        if (event.method() != null && (event.allocated() >= 0 || kept >= 0)) {
            methods.add(new Measure.MethodMeasure(event.method(), event.allocated(), kept));
        }
        if (memoryError == null && cause.isPresent()) {
            memoryError = event.problem().describe();
            memoryMethod = event.method();
            memoryCause = cause.get();
        }
    }

    /**
     * The class's run, or null when the fork was stopped while it ran (it did not finish and is not to blame).
     *
     * @param death how the fork died, or null
     * @param inFlight the provider's last measurements of the class in flight, or null
     */
    ClassRun toRun(Death death, Measures inFlight) {
        if (end != null) {
            int failures = end.counts().failures();
            int errors = end.counts().errors();
            ClassRun.Outcome outcome = memoryError != null
                    ? ClassRun.Outcome.MEMORY_ERROR
                    : failures + errors > 0 ? ClassRun.Outcome.FAILED : ClassRun.Outcome.PASSED;
            return new ClassRun(
                    name,
                    outcome,
                    end.counts().tests(),
                    failures,
                    errors,
                    end.counts().skipped(),
                    measure(end.measures(), end.histogram()).withMethods(methods),
                    memoryError,
                    memoryMethod,
                    memoryCause);
        }
        Measure measure = (inFlight == null ? Measure.NONE : measure(inFlight, null)).withMethods(methods);
        if (memoryError != null) {
            // the fork was stopped once this class had failed of memory
            return new ClassRun(
                    name, ClassRun.Outcome.MEMORY_ERROR, 0, 0, 0, 0, measure, memoryError, memoryMethod, memoryCause);
        }
        if (death == null) {
            return null; // running when memprobe stopped the fork for another class's memory error: not a run
        }
        String problem = death.cause().description() + (death.evidence() == null ? "" : ": " + death.evidence());
        return new ClassRun(name, ClassRun.Outcome.DIED, 0, 0, 0, 0, measure, problem, method, null);
    }

    /** The engine's measure of what the journal carried: every field of the table, the pools and the histogram. */
    static Measure measure(Measures measures, List<HistogramRow> histogram) {
        Map<MeasureField, Long> values = new EnumMap<>(MeasureField.class);
        for (MeasureField field : MeasureField.values()) {
            values.put(field, measures.get(field));
        }
        List<Measure.HistogramRow> rows = new ArrayList<>();
        for (HistogramRow row : histogram == null ? List.<HistogramRow>of() : histogram) {
            rows.add(new Measure.HistogramRow(row.type(), row.bytes(), row.instances(), row.growth()));
        }
        return new Measure(values, measures.poolPeaks(), rows);
    }
}
