package dev.memprobe.maven;

import dev.memprobe.journal.JournalContents;
import dev.memprobe.journal.JournalWriter;
import dev.memprobe.record.CgroupMemory;
import dev.memprobe.record.ExecutionRecord;
import dev.memprobe.record.MemorySampler;
import dev.memprobe.record.ProviderGuess;
import dev.memprobe.record.Recording;
import dev.memprobe.recorder.Recorder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;

/**
 * Records each of the project's own Surefire and Failsafe executions: at its start, the record folder, the
 * {@code execution.json}, the recorder in the goal's configuration and the memory sampler; at its end, Surefire's or
 * Failsafe's message of a death, the container's counters again, the report and the post-mortem. Whatever goes wrong
 * here is one warning line: the build's outcome is the build's own. Executions are kept by project and execution
 * id, so a parallel build ({@code -T}) records each on its own.
 */
final class ExecutionRecorder {

    private static final Pattern FAILURE_MESSAGE =
            Pattern.compile("<failureMessage>(.*?)</failureMessage>", Pattern.DOTALL);

    /** Where Linux says which cgroups this process is in: without it there is no cgroup to miss. */
    private static final Path PROC_CGROUP = Path.of("/proc/self/cgroup");

    private final Logger log;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** A build without a readable memory cgroup is told so once, not at every execution. */
    private final AtomicBoolean cgroupWarned = new AtomicBoolean();
    /** The plugin versions the build was warned of, once each. */
    private final Set<String> versionsWarned = ConcurrentHashMap.newKeySet();
    /** The projects whose record folder this build has emptied: a recording describes one build. */
    private final Set<String> cleared = ConcurrentHashMap.newKeySet();

    ExecutionRecorder(Logger log) {
        this.log = log;
    }

    /** An execution being recorded. */
    private record Running(
            RecordedMojo mojo,
            ExecutionRecord record,
            Path folder,
            Optional<CgroupMemory> cgroup,
            MemorySampler sampler) {}

    void started(ExecutionEvent event) {
        MojoExecution execution = event.getMojoExecution();
        try {
            MavenProject project = event.getProject();
            MavenSession session = event.getSession();
            if (!RecordedMojo.recorded(execution) || !RecordingParticipant.on(session, project)) {
                return;
            }
            RecordedMojo mojo = new RecordedMojo(session, project, execution);
            Optional<String> nothing = mojo.nothingToRecord();
            if (nothing.isPresent()) {
                log.info("memprobe: not recording " + execution.getExecutionId() + ", " + nothing.get());
                return;
            }
            Path root = Recording.folderOf(Path.of(project.getBuild().getDirectory()));
            if (cleared.add(project.getId())) {
                delete(root);
            }
            Path folder = mojo.folder(root);
            delete(folder);
            Files.createDirectories(folder);
            ProviderGuess provider = mojo.provider();
            if (!ProviderGuess.known(execution.getVersion())
                    && versionsWarned.add(execution.getArtifactId() + ":" + execution.getVersion())) {
                log.warn("memprobe: " + execution.getArtifactId() + " " + execution.getVersion()
                        + " is not a version memprobe's recording knows (" + ProviderGuess.KNOWN
                        + "): recording it anyway, the post-mortem may miss what this version does otherwise");
            }
            Optional<CgroupMemory> cgroup = CgroupMemory.current();
            if (cgroup.isEmpty() && Files.exists(PROC_CGROUP) && cgroupWarned.compareAndSet(false, true)) {
                log.warn("memprobe: no memory cgroup could be read (" + PROC_CGROUP + " names none with memory"
                        + " files): the post-mortem cannot tell the kernel's OOM killer from another SIGKILL");
            }
            ExecutionRecord record = new ExecutionRecord(
                    project.getGroupId() + ":" + project.getArtifactId(),
                    RecordingOutput.version(),
                    execution.getArtifactId(),
                    execution.getVersion(),
                    execution.getGoal(),
                    execution.getExecutionId(),
                    provider.id(),
                    mojo.forkCount(),
                    mojo.reuseForks(),
                    mojo.parallel(),
                    System.currentTimeMillis(),
                    ProcessHandle.current().pid(),
                    mojo.reportsDirectory(),
                    cgroup.map(ExecutionRecord.Container::of).orElse(null),
                    -1,
                    null,
                    null,
                    null,
                    null,
                    List.of());
            record.write(folder);
            mojo.addRecorder(folder, jars(), provider);
            running.put(
                    key(project, execution),
                    new Running(mojo, record, folder, cgroup, MemorySampler.start(cgroup, folder)));
            log.info("memprobe: recording " + record.label() + " (" + provider.id() + ") into "
                    + RelativePath.from(Path.of(root(session, project)), folder));
        } catch (Throwable t) {
            log.warn("memprobe: not recording " + execution.getExecutionId() + ": " + t);
        }
    }

    void ended(ExecutionEvent event, boolean failed) {
        Running run = running.remove(key(event.getProject(), event.getMojoExecution()));
        if (run == null) {
            return;
        }
        try {
            long start = System.nanoTime();
            run.sampler().close();
            Optional<CgroupMemory> after = run.cgroup().map(CgroupMemory::again);
            String failure = failed ? surefireMessage(event.getException()) : failsafeMessage(run.mojo());
            ExecutionRecord ended = run.record()
                    .ended(
                            System.currentTimeMillis(),
                            failed ? "failed" : "succeeded",
                            failure,
                            after.map(ExecutionRecord.Container::of).orElse(null),
                            run.sampler().peaks(),
                            List.of());
            ended.write(run.folder());
            Path root = run.folder().getParent();
            Function<Path, JournalContents> journals = Recording.readingOnce();
            Recording recording = Recording.read(root, after, journals);
            recording.notes().forEach(note -> log.warn("memprobe: " + note));
            boolean died = recording.forks().stream()
                    .anyMatch(f -> f.died() && f.execution().label().equals(ended.label()));
            if (died) {
                // only a death leaves classes unrun: then Surefire's scan says which
                ended.ended(ended.ended(), ended.outcome(), failure, ended.containerAfter(), ended.samples(), scan(run))
                        .write(run.folder());
                recording = Recording.read(root, after, journals);
            }
            long read = System.nanoTime();
            MavenSession session = event.getSession();
            MavenProject project = event.getProject();
            new RecordingOutput(
                            new LoggerLog(log),
                            key -> property(session, key),
                            Path.of(root(session, project)),
                            project.getBasedir().toPath())
                    .finish(
                            recording,
                            ended.project(),
                            ended.pluginVersion(),
                            session.getSystemProperties().getProperty("maven.version", "unknown"),
                            List.of(ended.label()));
            log.debug(
                    "memprobe: {} ended: recording read in {} ms, reported in {} ms",
                    ended.label(),
                    (read - start) / 1_000_000,
                    (System.nanoTime() - read) / 1_000_000);
        } catch (Throwable t) {
            log.warn("memprobe: no post-mortem of " + event.getMojoExecution().getExecutionId() + ": " + t);
        }
    }

    private List<String> scan(Running run) {
        try {
            return run.mojo().testClasses();
        } catch (Throwable t) {
            log.warn("memprobe: cannot list the test classes the death left unrun: " + t);
            return List.of();
        }
    }

    /** Where Surefire's own words of a fork's end begin, in its exception's message. */
    private static final List<String> SUREFIRE_WORDS =
            List.of("The forked VM terminated", "There was an error in the forked process", "There was a timeout");

    /**
     * Surefire's message of the first fork that failed, from the goal's exception and its causes: from its own words
     * on ("The forked VM terminated without properly saying goodbye ... Process Exit Code: 137 ... Crashed tests:").
     */
    static String surefireMessage(Throwable exception) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = exception; t != null && messages.size() < 10; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String text = String.join("\n", messages);
        int from = -1;
        for (String words : SUREFIRE_WORDS) {
            int at = text.indexOf(words);
            if (at >= 0 && (from < 0 || at < from)) {
                from = at;
            }
        }
        return messages.isEmpty() ? null : from >= 0 ? text.substring(from) : text;
    }

    /** Failsafe's goal succeeds when a fork dies; its summary file says how. */
    private static String failsafeMessage(RecordedMojo mojo) {
        if (!RecordedMojo.FAILSAFE.equals(mojo.pluginArtifactId())) {
            return null;
        }
        try {
            Matcher m = FAILURE_MESSAGE.matcher(Files.readString(Path.of(mojo.summaryFile())));
            if (!m.find()) {
                return null;
            }
            String text = m.group(1).replace("<![CDATA[", "").replace("]]>", "");
            return text.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&#10;", "\n")
                    .replace("&amp;", "&");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The recorder's jar and the provider's (its journal and meters), as the extension's realm has them. */
    private static List<Path> jars() throws URISyntaxException {
        return List.of(jarOf(Recorder.class), jarOf(JournalWriter.class));
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String key(MavenProject project, MojoExecution execution) {
        return project.getId() + "/" + execution.getArtifactId() + "/" + execution.getExecutionId();
    }

    private static String root(MavenSession session, MavenProject project) {
        String root = session.getExecutionRootDirectory();
        return root != null ? root : project.getBasedir().getPath();
    }

    private static String property(MavenSession session, String key) {
        String value = session.getUserProperties().getProperty(key);
        return value != null ? value : session.getSystemProperties().getProperty(key);
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
