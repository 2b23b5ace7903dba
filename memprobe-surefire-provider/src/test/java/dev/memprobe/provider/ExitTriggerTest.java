package dev.memprobe.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.journal.ShutdownTrigger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitTriggerTest {

    private static final StackTraceElement[] IDLE = {
        frame("java.lang.Object", "wait"), frame("java.lang.ref.ReferenceQueue", "remove"),
    };

    /** The test thread while {@code System.exit} runs the shutdown hooks (JDK 17). */
    private static final StackTraceElement[] EXITING = {
        frame("java.lang.Object", "wait"),
        frame("java.lang.Thread", "join"),
        frame("java.lang.ApplicationShutdownHooks", "runHooks"),
        frame("java.lang.ApplicationShutdownHooks$1", "run"),
        frame("java.lang.Shutdown", "runHooks"),
        frame("java.lang.Shutdown", "exit"),
        frame("java.lang.Runtime", "exit"),
        frame("java.lang.System", "exit"),
        new StackTraceElement("com.acme.LegacyCliTest", "callsMain", "LegacyCliTest.java", 42),
        frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0"),
    };

    /** The thread the JVM starts for a SIGTERM while it runs the shutdown hooks. */
    private static final StackTraceElement[] SIGNALLED = {
        frame("java.lang.Object", "wait"),
        frame("java.lang.Thread", "join"),
        frame("java.lang.ApplicationShutdownHooks", "runHooks"),
        frame("java.lang.Shutdown", "runHooks"),
        frame("java.lang.Shutdown", "exit"),
        frame("java.lang.Terminator$1", "handle"),
        frame("jdk.internal.misc.Signal$1", "run"),
        frame("java.lang.Thread", "run"),
    };

    @Test
    void aCallToSystemExitNamesTheFrameThatCalledIt() {
        Map<Thread, StackTraceElement[]> stacks = new LinkedHashMap<>();
        stacks.put(new Thread("Finalizer"), IDLE);
        stacks.put(new Thread("main"), EXITING);

        assertThat(found(stacks))
                .containsExactly(ShutdownTrigger.EXIT, "com.acme.LegacyCliTest.callsMain(LegacyCliTest.java:42)");
    }

    @Test
    void aHaltWithNothingBelowItIsAnExitWithoutACaller() {
        Map<Thread, StackTraceElement[]> stacks = new LinkedHashMap<>();
        stacks.put(new Thread("main"), new StackTraceElement[] {
            frame("java.lang.Shutdown", "halt0"),
            frame("java.lang.Shutdown", "halt"),
            frame("java.lang.Runtime", "halt")
        });

        assertThat(found(stacks)).containsExactly(ShutdownTrigger.EXIT, null);
    }

    @Test
    void aSignalHandlerThreadNamesTheSignal() {
        Map<Thread, StackTraceElement[]> stacks = new LinkedHashMap<>();
        stacks.put(new Thread("main"), IDLE);
        stacks.put(new Thread("SIGTERM handler"), SIGNALLED);

        assertThat(found(stacks)).containsExactly(ShutdownTrigger.SIGNAL, "SIGTERM");
    }

    @Test
    void nothingExitingIsUnknown() {
        Map<Thread, StackTraceElement[]> stacks = new LinkedHashMap<>();
        stacks.put(new Thread("main"), IDLE);
        stacks.put(new Thread("SIGNAL watcher"), IDLE);
        stacks.put(new Thread("memprobe-journal"), new StackTraceElement[0]);

        assertThat(found(stacks)).containsExactly(ShutdownTrigger.UNKNOWN, null);
    }

    @Test
    void theStacksOfThisJvmShowNoExit() {
        assertThat(found(Thread.getAllStackTraces())).containsExactly(ShutdownTrigger.UNKNOWN, null);
    }

    private static Object[] found(Map<Thread, StackTraceElement[]> stacks) {
        ExitTrigger.Found found = ExitTrigger.find(stacks);
        return new Object[] {found.trigger, found.caller};
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }
}
