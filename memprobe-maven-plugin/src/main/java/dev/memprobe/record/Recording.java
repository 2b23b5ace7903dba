package dev.memprobe.record;

import dev.memprobe.fork.JournalInterpreter;
import dev.memprobe.journal.JournalContents;
import dev.memprobe.journal.JournalTail;
import dev.memprobe.recorder.JournalName;
import dev.memprobe.recorder.TestInFlight;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's recording on disk, {@code target/memprobe/record}: a folder per recorded execution, each with its
 * {@code execution.json} and a journal per fork. Read the same way at the end of an execution, by
 * {@code memprobe:postmortem} after Maven was killed, and by {@code memprobe:bisect -Dmemprobe.from}.
 *
 * @param forks every fork of every execution, numbered from 1 in the order the executions and the forks started
 * @param notes what could not be read, one line each
 */
public record Recording(Path folder, List<ExecutionRecord> executions, List<RecordedFork> forks, List<String> notes) {

    /** The folder of a module's recording under its build directory. */
    public static Path folderOf(Path buildDirectory) {
        return buildDirectory.resolve("memprobe").resolve("record");
    }

    public Recording {
        executions = List.copyOf(executions);
        forks = List.copyOf(forks);
        notes = List.copyOf(notes);
    }

    /** How much of a dump file is read: its first error is near its top. */
    private static final int DUMP_BYTES = 64 * 1024;

    private static final Pattern CRASHED = Pattern.compile("Crashed tests:\\s*\\n((?:.+\\n?)+)");

    /**
     * Reads the recording in {@code folder}.
     *
     * @param now the container's memory now, for executions Maven did not see end (their OOM kills since)
     */
    public static Recording read(Path folder, Optional<CgroupMemory> now) {
        return read(folder, now, Recording::readJournal);
    }

    /**
     * Reads the recording in {@code folder}, each journal through {@code journals} ({@link #readingOnce()} at an
     * execution's end, which reads the recording again when a fork died).
     */
    public static Recording read(Path folder, Optional<CgroupMemory> now, Function<Path, JournalContents> journals) {
        List<ExecutionRecord> executions = new ArrayList<>();
        List<RecordedFork> forks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path dir : executionFolders(folder)) {
            ExecutionRecord execution;
            try {
                execution = ExecutionRecord.read(dir);
            } catch (IOException e) {
                notes.add("cannot read " + dir.resolve(ExecutionRecord.FILE) + ": " + e.getMessage());
                continue;
            }
            executions.add(execution);
            forks.addAll(readForks(dir, execution, now, journals, forks.size() + 1, notes));
        }
        return new Recording(folder, executions, forks, notes);
    }

    /**
     * Reads each journal once however often it is asked for: the forks have ended, their journals no longer change.
     * Reading a journal of tens of thousands of tests takes long enough to matter at the end of a build. Not for the
     * journals of forks still running. Not thread-safe.
     */
    public static Function<Path, JournalContents> readingOnce() {
        Map<Path, JournalContents> read = new HashMap<>();
        return journal -> read.computeIfAbsent(journal.toAbsolutePath().normalize(), Recording::readJournal);
    }

    /**
     * A recorded fork's journal, with the test that was in flight when it stopped: the recorder keeps that beside the
     * journal ({@link TestInFlight}) rather than in two lines per test.
     */
    static JournalContents readJournal(Path journal) {
        JournalContents contents = JournalTail.read(journal);
        TestInFlight.Running running = TestInFlight.read(TestInFlight.beside(journal.toFile()));
        return running == null
                ? contents
                : contents.withTestInFlight(running.classSeq(), running.method(), running.started());
    }

    /** The execution folders, in the order they started. */
    private static List<Path> executionFolders(Path folder) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return dirs;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path dir : entries) {
                if (Files.exists(dir.resolve(ExecutionRecord.FILE))) {
                    dirs.add(dir);
                }
            }
        } catch (IOException e) {
            return dirs;
        }
        dirs.sort(Comparator.comparingLong(Recording::started));
        return dirs;
    }

    private static long started(Path dir) {
        try {
            return ExecutionRecord.read(dir).started();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static List<RecordedFork> readForks(
            Path dir,
            ExecutionRecord execution,
            Optional<CgroupMemory> now,
            Function<Path, JournalContents> journals,
            int firstId,
            List<String> notes) {
        List<JournalName> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "fork*" + JournalName.SUFFIX)) {
            for (Path file : files) {
                JournalName name = JournalName.parse(file.getFileName().toString());
                if (name != null) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            notes.add("cannot list the journals in " + dir + ": " + e.getMessage());
            return List.of();
        }
        names.sort(Comparator.comparingLong(JournalName::start).thenComparingLong(JournalName::pid));
        long before = execution.container() == null ? -1 : execution.container().oomKills();
        long after = execution.containerAfter() != null
                ? execution.containerAfter().oomKills()
                : now.map(CgroupMemory::oomKills).orElse(-1L);
        String cgroup =
                execution.container() == null ? null : execution.container().cgroup();
        List<RecordedFork> forks = new ArrayList<>();
        int id = firstId;
        for (JournalName name : names) {
            Path dump = dumpOf(execution, name.fork());
            ForkReading.Evidence evidence = new ForkReading.Evidence(
                    null,
                    null,
                    dump == null ? null : head(dump),
                    dump == null ? null : dump.getFileName().toString(),
                    before,
                    after,
                    cgroup,
                    crashLog(execution, name.pid()));
            Path journal = dir.resolve(name.fileName());
            JournalContents contents = journals.apply(journal);
            unreadable(journal, contents).ifPresent(notes::add);
            forks.add(ForkReading.read(id++, execution, journal, name, evidence, contents));
        }
        return withSurefiresMessage(forks, execution, journals);
    }

    /**
     * Surefire names only the first fork that failed, with its message and exit code: given to the fork that died,
     * when one did, or to the one whose class in flight the message lists among its crashed tests.
     */
    private static List<RecordedFork> withSurefiresMessage(
            List<RecordedFork> forks, ExecutionRecord execution, Function<Path, JournalContents> journals) {
        String message = execution.failure();
        if (message == null) {
            return forks;
        }
        List<RecordedFork> dead = forks.stream().filter(RecordedFork::died).toList();
        RecordedFork named = dead.size() == 1 ? dead.get(0) : null;
        Matcher crashed = CRASHED.matcher(message);
        if (named == null && crashed.find()) {
            String list = crashed.group(1);
            named = dead.stream()
                    .filter(f -> f.result().death().inFlightClass() != null
                            && list.contains(f.result().death().inFlightClass()))
                    .findFirst()
                    .orElse(null);
        }
        if (named == null) {
            return forks;
        }
        List<RecordedFork> told = new ArrayList<>();
        for (RecordedFork fork : forks) {
            if (fork == named) {
                Path dump = dumpOf(execution, fork.name().fork());
                ForkReading.Evidence evidence = new ForkReading.Evidence(
                        message,
                        JournalInterpreter.exitCode(message),
                        dump == null ? null : head(dump),
                        dump == null ? null : dump.getFileName().toString(),
                        execution.container() == null
                                ? -1
                                : execution.container().oomKills(),
                        execution.containerAfter() == null
                                ? -1
                                : execution.containerAfter().oomKills(),
                        execution.container() == null
                                ? null
                                : execution.container().cgroup(),
                        crashLog(execution, fork.name().pid()));
                fork = ForkReading.read(
                        fork.result().probe().id(),
                        execution,
                        fork.journal(),
                        fork.name(),
                        evidence,
                        journals.apply(fork.journal()));
            }
            told.add(fork);
        }
        return told;
    }

    /** What could not be read of a journal, in one line, or empty when all of it was. */
    static Optional<String> unreadable(Path journal, JournalContents contents) {
        if (!contents.present()) {
            return Optional.of("cannot read the journal " + journal + ": " + contents.absence());
        }
        if (contents.problems().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the journal " + journal + " has "
                + contents.problems().size()
                + (contents.problems().size() == 1 ? " line" : " lines") + " that could not be read, left out (first: "
                + contents.problems().get(0) + ")");
    }

    /** Surefire's dump file of fork {@code number} written during the execution ({@code *-jvmRun2.dump}), or null. */
    private static Path dumpOf(ExecutionRecord execution, String number) {
        if (execution.reportsDirectory() == null) {
            return null;
        }
        Path reports = Path.of(execution.reportsDirectory());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(reports, "*-jvmRun" + number + ".dump")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toMillis() >= execution.started() - 2_000) {
                    return file;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The JVM's crash log of process {@code pid}, in the project's folder (the forks' working directory). */
    private static Path crashLog(ExecutionRecord execution, long pid) {
        if (execution.reportsDirectory() == null) {
            return null;
        }
        Path reports = Path.of(execution.reportsDirectory());
        for (Path dir = reports; dir != null; dir = dir.getParent()) {
            Path log = dir.resolve("hs_err_pid" + pid + ".log");
            if (Files.exists(log)) {
                return log;
            }
            if (Files.exists(dir.resolve("pom.xml"))) {
                return null;
            }
        }
        return null;
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(DUMP_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The forks of one execution. */
    public List<RecordedFork> forksOf(ExecutionRecord execution) {
        return forks.stream().filter(f -> f.execution().equals(execution)).toList();
    }
}
