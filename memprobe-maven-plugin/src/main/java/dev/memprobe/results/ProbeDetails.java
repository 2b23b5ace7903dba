package dev.memprobe.results;

import dev.memprobe.journal.ClassEndEvent;
import dev.memprobe.journal.ClassStartEvent;
import dev.memprobe.journal.ForkEvent;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalTail;
import dev.memprobe.journal.JournalVisitor;
import dev.memprobe.journal.MemoryEvent;
import dev.memprobe.report.ProbeDetail;
import dev.memprobe.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Each probe's files in the report's folder ({@code probes/probe-N/}: its journal, a crash log) and its memory over
 * time, read from the journal's {@code memory}, {@code class-start} and {@code class-end} lines.
 */
public final class ProbeDetails {

    private ProbeDetails() {}

    /**
     * The details of the report's probes whose folders are in {@code probesFolder}.
     *
     * @param reportFolder where the report is written: links are relative to it
     */
    public static Map<Integer, ProbeDetail> read(Report report, Path probesFolder, Path reportFolder) {
        Map<Integer, ProbeDetail> details = new LinkedHashMap<>();
        Path base = reportFolder.toAbsolutePath().normalize();
        for (Report.ProbeEntry probe : report.probes()) {
            Path folder =
                    probesFolder.resolve("probe-" + probe.id()).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) {
                continue;
            }
            Path journal = folder.resolve("journal.jsonl");
            boolean hasJournal = Files.isRegularFile(journal);
            details.put(
                    probe.id(),
                    new ProbeDetail(
                            probe.id(),
                            link(base, folder) + "/",
                            hasJournal ? link(base, journal) : null,
                            crashLog(folder).map(f -> link(base, f)).orElse(null),
                            hasJournal ? timeline(journal) : null));
        }
        return details;
    }

    private static String link(Path base, Path file) {
        return (file.startsWith(base) ? base.relativize(file) : file).toString().replace('\\', '/');
    }

    private static Optional<Path> crashLog(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err"))
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fork's memory over time, or null when the journal has no sample. */
    static ProbeDetail.Timeline timeline(Path journal) {
        List<JournalEvent> events = JournalTail.read(journal).events();
        Collector collector = new Collector();
        events.forEach(e -> e.accept(collector));
        if (collector.samples.isEmpty()) {
            return null;
        }
        long start = collector.jvmStart > 0 ? collector.jvmStart : events.get(0).time();
        List<ProbeDetail.ClassSpan> spans = new ArrayList<>();
        for (Span span : collector.spans.values()) {
            spans.add(new ProbeDetail.ClassSpan(span.name, span.start, span.end));
        }
        spans.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        return new ProbeDetail.Timeline(start, collector.maxHeap, collector.samples, spans);
    }

    private static final class Collector implements JournalVisitor {
        long jvmStart = -1;
        long maxHeap = -1;
        final List<ProbeDetail.Sample> samples = new ArrayList<>();
        final Map<String, Span> spans = new LinkedHashMap<>();

        @Override
        public void fork(ForkEvent e) {
            jvmStart = e.jvmStart();
            maxHeap = e.maxHeap();
        }

        @Override
        public void classStart(ClassStartEvent e) {
            spans.put(e.className() + "#" + e.seq(), new Span(e.className(), e.time()));
        }

        @Override
        public void classEnd(ClassEndEvent e) {
            Span span = spans.get(e.className() + "#" + e.seq());
            if (span != null) {
                span.end = e.time();
            }
        }

        @Override
        public void memory(MemoryEvent e) {
            samples.add(new ProbeDetail.Sample(e.time(), e.heapUsed(), e.liveHeap(), e.rss()));
        }
    }

    /** A class's run while the journal is read: its end is set when its class-end comes. */
    private static final class Span {
        final String name;
        final long start;
        long end = -1;

        Span(String name, long start) {
            this.name = name;
            this.start = start;
        }
    }
}
