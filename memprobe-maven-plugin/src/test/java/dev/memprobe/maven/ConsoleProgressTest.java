package dev.memprobe.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.ClassRun;
import dev.memprobe.bisect.Death;
import dev.memprobe.bisect.ForkResult;
import dev.memprobe.bisect.Measure;
import dev.memprobe.bisect.Probe;
import dev.memprobe.bisect.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** One line per probe: what it asked, how it ended, how long it took. */
class ConsoleProgressTest {

    /** The lines logged at info level. */
    private static final class Lines extends SystemStreamLog {
        final List<String> info = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    }

    @Test
    void saysWhatTheProbeAskedAndThatItPassed() {
        Lines log = new Lines();
        Probe probe = new Probe(1, List.of("a.One", "a.Two"), new Purpose.WholeSuite(2), true, Set.of(), false);

        new ConsoleProgress(log).probeFinished(fork(probe, null, run("a.One", 0), run("a.Two", 1)));

        assertThat(log.info)
                .containsExactly("probe 1: the whole suite, 2 classes in Surefire's run order  -> no memory failure"
                        + " (tests failed in Two, not of memory: see the end)  [1.2 s]");
    }

    @Test
    void saysHowTheForkDiedAndInWhichTest() {
        Lines log = new Lines();
        Probe probe = new Probe(2, List.of("a.Hog"), new Purpose.Alone("a.Hog"), false, Set.of(), true);
        Death death = new Death(Cause.KILLED, 137, "a.Hog", "loads", "exit code 137");

        new ConsoleProgress(log).probeFinished(fork(probe, death, run("a.Hog", 0)));

        assertThat(log.info)
                .containsExactly(
                        "probe 2: does Hog die alone?  -> Hog#loads: killed by SIGKILL from outside (exit 137), the fork"
                                + " died  [1.2 s]");
    }

    @Test
    void listsEveryFailureOfAForkThatWentOnPastMemoryErrors() {
        Lines log = new Lines();
        Probe probe =
                new Probe(3, List.of("a.Hog", "a.Two", "a.Three"), new Purpose.NotYetRun(3), false, Set.of(), false);
        ClassRun hog = new ClassRun(
                "a.Hog",
                ClassRun.Outcome.MEMORY_ERROR,
                3,
                0,
                1,
                0,
                Measure.NONE,
                "java.lang.OutOfMemoryError: Java heap space",
                "loads",
                Cause.HEAP_OOM);

        new ConsoleProgress(log).probeFinished(fork(probe, null, hog, run("a.Two", 0), run("a.Three", 0)));

        assertThat(log.info)
                .containsExactly(
                        "probe 3: 3 classes not yet run  -> Hog#loads: heap OutOfMemoryError; the fork went on with the"
                                + " classes after it  [1.2 s]");
    }

    private static ClassRun run(String name, int failures) {
        return new ClassRun(name, ClassRun.Outcome.PASSED, 3, failures, 0, 0, Measure.NONE, null, null, null);
    }

    private static ForkResult fork(Probe probe, Death death, ClassRun... runs) {
        return new ForkResult(probe, probe.classes(), List.of(runs), death, 1234, null, List.of());
    }
}
