package dev.memprobe.run;

import dev.memprobe.bisect.ClassRun;
import dev.memprobe.record.CgroupMemory;
import dev.memprobe.record.ExecutionRecord;
import dev.memprobe.record.FirstProbeFromRecording;
import dev.memprobe.record.RecordedFork;
import dev.memprobe.record.Recording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bisect's forks when it starts from a recording ({@code memprobe.from}): the recording is checked against the
 * bisect (the same project, the same memprobe, no recorded class missing from the test set), and its first probe is
 * answered from the recording ({@link FirstProbeFromRecording}); the other probes run in the forks it wraps.
 */
final class RecordedForks implements Forks {

    private final Forks forks;
    private final Path from;

    RecordedForks(Forks forks, Path from) {
        this.forks = forks;
        this.from = from;
    }

    @Override
    public Open open(RunRequest request) throws Unavailable {
        List<RecordedFork> recorded = recorded(request);
        Open open = forks.open(request);
        return new Open(new FirstProbeFromRecording(open.runner(), recorded), open.release());
    }

    /** The forks of the recorded Surefire execution the bisect starts from; refuses a recording that does not fit. */
    List<RecordedFork> recorded(RunRequest request) throws Unavailable {
        Path folder = Files.isRegularFile(from) ? from.getParent() : from;
        Recording recording = Recording.read(folder, Optional.<CgroupMemory>empty());
        if (recording.executions().isEmpty()) {
            throw refused("holds no recording: record the build with -Dmemprobe.record (memprobe-maven-plugin as an"
                    + " extension) and point memprobe.from at its target/memprobe/record");
        }
        ExecutionRecord execution = recording.executions().stream()
                .sorted(Comparator.comparingInt(RecordedForks::preference))
                .findFirst()
                .orElseThrow();
        if (!request.project().id().equals(execution.project())) {
            throw refused("is a recording of " + execution.project() + ", not of "
                    + request.project().id() + ": point memprobe.from at this module's target/memprobe/record");
        }
        if (!request.versions().memprobe().equals(execution.memprobeVersion())) {
            throw refused("was recorded by memprobe " + execution.memprobeVersion() + ", this is "
                    + request.versions().memprobe() + ": record the build again with this version");
        }
        List<RecordedFork> forks = recording.forks().stream()
                .filter(f -> f.execution().label().equals(execution.label()))
                .toList();
        if (forks.isEmpty()) {
            throw refused("has no journal of " + execution.label() + ": its forks died before the recorder started;"
                    + " run the bisect without memprobe.from");
        }
        Set<String> tests = new HashSet<>(request.tests());
        List<String> missing = new ArrayList<>();
        for (RecordedFork fork : forks) {
            for (ClassRun run : fork.result().classes()) {
                if (!tests.contains(run.name()) && !missing.contains(run.name())) {
                    missing.add(run.name());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw refused("ran " + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                    + (missing.size() > 3 ? " and " + (missing.size() - 3) + " more" : "")
                    + ", which the test set no longer has: the tests changed since; record the build again");
        }
        return forks;
    }

    /** Surefire's default-test first, then other Surefire executions, then Failsafe's. */
    private static int preference(ExecutionRecord execution) {
        boolean surefire = "maven-surefire-plugin".equals(execution.plugin());
        return surefire && "default-test".equals(execution.executionId()) ? 0 : surefire ? 1 : 2;
    }

    private Unavailable refused(String why) {
        return new Unavailable("memprobe.from=" + from + " " + why, null);
    }
}
