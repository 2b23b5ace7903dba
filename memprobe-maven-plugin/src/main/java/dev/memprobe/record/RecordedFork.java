package dev.memprobe.record;

import dev.memprobe.bisect.ForkResult;
import dev.memprobe.recorder.JournalName;
import java.nio.file.Path;

/**
 * One fork of the project's own run, as its journal and the build around it tell: read by the same
 * {@code JournalInterpreter} as bisect's probes, so its classes carry the same measurements.
 *
 * @param execution the execution that started it
 * @param name its journal's name: Surefire's fork number, the process id, the JVM's start
 * @param result what it ran and how it ended; its probe is numbered in the recording and asks
 *     {@code Purpose.Recorded}
 * @param overlapped whether classes ran at the same time in it (the framework's parallel execution): their numbers
 *     are approximate
 * @param pastSaving where and how the fork was past saving (its {@code gc-overhead} line: most of the last seconds in
 *     collections, the heap nearly full after each), or null when it never was; a recording only reports it
 */
public record RecordedFork(
        ExecutionRecord execution,
        JournalName name,
        Path journal,
        ForkResult result,
        boolean overlapped,
        String pastSaving) {

    public boolean died() {
        return result.death() != null;
    }
}
