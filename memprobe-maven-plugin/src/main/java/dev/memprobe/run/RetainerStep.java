package dev.memprobe.run;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.Culprit;
import dev.memprobe.bisect.Retention;
import dev.memprobe.bisect.SearchResult;
import dev.memprobe.retain.MemoryGuard;
import dev.memprobe.retain.RetainerAnalysis;
import dev.memprobe.retain.Retainers;
import dev.memprobe.units.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * After the search: reads the heap dumps each culprit's probes wrote, one at a time, and says what holds its memory
 * (a hog from its dump at the error, polluters each from its dump after it against the one before); then deletes every
 * dump the probes left, unless {@code memprobe.keepHeapDumps}. Off with {@code memprobe.retainers=false}.
 */
final class RetainerStep {

    private final RunRequest request;
    private final Consumer<String> console;
    private final MemoryGuard guard;

    RetainerStep(RunRequest request, Consumer<String> console) {
        this(request, console, MemoryGuard.ofThisJvm());
    }

    RetainerStep(RunRequest request, Consumer<String> console, MemoryGuard guard) {
        this.request = request;
        this.console = console;
        this.guard = guard;
    }

    /** What holds each culprit's memory, in the culprits' order; empty when the retainers are off. */
    Map<Culprit, List<Retainers>> analyse(SearchResult result) {
        Map<Culprit, List<Retainers>> found = new LinkedHashMap<>();
        if (!request.options().retainers()) {
            return found;
        }
        boolean keep = request.options().keepHeapDumps();
        RetainerAnalysis analysis = new RetainerAnalysis(keep, guard, this::display);
        for (Culprit culprit : result.culprits()) {
            Retention retention = culprit.retention();
            Set<String> tests = new HashSet<>(culprit.classes());
            announce(culprit, retention);
            if (!culprit.polluters().isEmpty()) {
                List<RetainerAnalysis.Subject> polluters = new ArrayList<>();
                for (String polluter : culprit.polluters()) {
                    polluters.add(subject(polluter, "end", retention, culprit));
                }
                RetainerAnalysis.DumpFile baseline =
                        retention.baseline().map(this::file).orElse(null);
                found.put(culprit, analysis.polluters(baseline, polluters, tests));
            } else if (culprit.kind() == Culprit.Kind.SINGLE || retention.covers(culprit.victim())) {
                found.put(
                        culprit, List.of(analysis.hog(subject(culprit.victim(), "error", retention, culprit), tests)));
            }
        }
        if (!keep) {
            deleteDumps();
        }
        return found;
    }

    private void announce(Culprit culprit, Retention retention) {
        long bytes = retention.dumps().stream()
                .mapToLong(d -> Math.max(0, d.bytes()))
                .sum();
        if (bytes > 0) {
            console.accept("memprobe: reading what holds the memory of " + culprit.victim() + " (" + Size.format(bytes)
                    + " of heap dumps)");
        }
    }

    private RetainerAnalysis.Subject subject(String className, String phase, Retention retention, Culprit culprit) {
        Optional<Retention.HeapDump> dump = retention.dump(className, phase);
        RetainerAnalysis.ThreadsLeft threads = retention
                .threadsOf(className)
                .map(t -> new RetainerAnalysis.ThreadsLeft(
                        t.count(),
                        t.threads().stream()
                                .map(x -> new RetainerAnalysis.LeftThread(
                                        x.name(), x.daemon(), x.state(), x.runs(), x.startedBy()))
                                .toList()))
                .orElse(null);
        if (dump.isPresent() && dump.get().file() != null) {
            return new RetainerAnalysis.Subject(className, file(dump.get()), null, threads);
        }
        String reason = dump.map(Retention.HeapDump::skipped).orElse(null);
        return new RetainerAnalysis.Subject(className, null, reason != null ? reason : noDump(culprit), threads);
    }

    /** Why no probe wrote a dump for the culprit. */
    private String noDump(Culprit culprit) {
        Cause cause = culprit.cause();
        if (culprit.polluters().isEmpty() && cause.id().equals("memory-limit")) {
            return "the fork was killed for its memory (" + cause.id() + "): no Java code ran to write one";
        }
        if (culprit.polluters().isEmpty() && !culprit.isMemory()) {
            return "the class did not die of a Java memory error (" + cause.id() + ")";
        }
        if (request.options().confirmRuns() == 0 && !culprit.polluters().isEmpty()) {
            return "no confirmation run wrote one (memprobe.confirmRuns=0)";
        }
        return "no probe wrote one (the class did not die of memory where one was asked for)";
    }

    private RetainerAnalysis.DumpFile file(Retention.HeapDump dump) {
        return new RetainerAnalysis.DumpFile(
                Path.of(dump.file()), dump.phase(), dump.bytes(), dump.millis(), dump.compressedOops());
    }

    /** A dump's path as the report names it: relative to the output folder. */
    private String display(Path file) {
        Path output = request.output().toAbsolutePath();
        Path absolute = file.toAbsolutePath();
        return absolute.startsWith(output) ? output.relativize(absolute).toString() : absolute.toString();
    }

    /** Deletes the dumps the probes left: they hold the tests' data. */
    private void deleteDumps() {
        Path probes = request.probesFolder();
        if (!Files.isDirectory(probes)) {
            return;
        }
        try (Stream<Path> files = Files.walk(probes, 2)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".hprof")).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            console.accept("memprobe: could not delete the heap dumps in " + display(probes) + ": " + e.getMessage());
        }
    }
}
