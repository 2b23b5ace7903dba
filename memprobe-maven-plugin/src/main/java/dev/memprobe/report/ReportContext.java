package dev.memprobe.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the writers may show beside a {@link Report}, found on disk when the reports are written and never part of
 * {@code report.json}: where the culprits' tests are in the sources, and each probe's files and memory over time.
 *
 * @param sources the culprits' tests in the project's sources
 * @param probes each probe's folder, journal, crash log and memory samples, by probe number; a probe whose folder is
 *     not beside the report (a merged report's) is not in it
 */
public record ReportContext(Sources sources, Map<Integer, ProbeDetail> probes) {

    /** Nothing beside the report. */
    public static final ReportContext NONE = new ReportContext(Sources.NONE, Map.of());

    public ReportContext {
        probes = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
    }

    public Optional<ProbeDetail> probe(int id) {
        return Optional.ofNullable(probes.get(id));
    }
}
