package dev.memprobe.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each cause's policy, as the search and the report rely on it. */
class CauseTest {

    /** resource, memory, from outside, reproducible, rest may follow, carried past, pollutable. */
    private static final Map<Cause, String> POLICY = Map.ofEntries(
            Map.entry(Cause.HEAP_OOM, "HEAP memory inside reproducible rest carried pollutable"),
            Map.entry(Cause.METASPACE_OOM, "METASPACE memory inside reproducible rest carried pollutable"),
            Map.entry(Cause.DIRECT_OOM, "DIRECT_BUFFERS memory inside reproducible rest carried pollutable"),
            Map.entry(Cause.THREAD_OOM, "THREADS memory inside reproducible rest carried pollutable"),
            Map.entry(Cause.GC_OVERHEAD, "HEAP memory inside reproducible rest carried pollutable"),
            Map.entry(Cause.MEMORY_LIMIT, "RSS memory inside reproducible rest carried pollutable"),
            Map.entry(Cause.KILLED, "RSS memory outside reproducible rest carried pollutable"),
            Map.entry(Cause.TERMINATED, "HEAP other outside once alone carried pollutable"),
            Map.entry(Cause.TIMEOUT, "HEAP other inside reproducible alone fresh suite"),
            Map.entry(Cause.EXIT, "HEAP other inside reproducible rest carried pollutable"),
            Map.entry(Cause.JVM_CRASH, "HEAP other inside reproducible rest carried pollutable"),
            Map.entry(Cause.FORK_ERROR, "HEAP other inside reproducible rest carried pollutable"));

    private static String policy(Cause cause) {
        return String.join(
                " ",
                cause.resource().name(),
                cause.isMemory() ? "memory" : "other",
                cause.fromOutside() ? "outside" : "inside",
                cause.reproducible() ? "reproducible" : "once",
                cause.restMayFollow() ? "rest" : "alone",
                cause.carriesPast() ? "carried" : "fresh",
                cause.pollutable() ? "pollutable" : "suite");
    }

    @Test
    void everyCauseHasThePolicyTheSearchReliesOn() {
        Map<Cause, String> policies =
                Arrays.stream(Cause.values()).collect(Collectors.toMap(Function.identity(), CauseTest::policy));

        assertThat(policies).isEqualTo(POLICY);
    }

    @Test
    void theReportIdsAreTheSchemas() {
        assertThat(Arrays.stream(Cause.values()).map(Cause::id))
                .containsExactly(
                        "heap-oom",
                        "metaspace-oom",
                        "direct-oom",
                        "thread-oom",
                        "gc-overhead",
                        "memory-limit",
                        "killed",
                        "terminated",
                        "timeout",
                        "exit",
                        "jvm-crash",
                        "fork-error");
        assertThat(Cause.fromId("direct-oom")).contains(Cause.DIRECT_OOM);
        assertThat(Cause.fromId("no-such-cause")).isEmpty();
    }

    @Test
    void aJvmCrashIsOfMemoryOnlyWhenNativeMemoryRanOut() {
        Failure nativeMemory =
                new Failure("a.One", null, Cause.JVM_CRASH, 1, Death.NATIVE_MEMORY + " and crashed (malloc)", true);
        Failure segfault = new Failure("a.One", null, Cause.JVM_CRASH, 1, "the JVM crashed (SIGSEGV)");
        Failure wordsOnly =
                new Failure("a.One", null, Cause.JVM_CRASH, 1, Death.NATIVE_MEMORY + " and crashed (malloc)");

        assertThat(nativeMemory.isMemory()).isTrue();
        assertThat(segfault.isMemory()).isFalse();
        assertThat(wordsOnly.isMemory())
                .as("decided by the flag, not by the words")
                .isFalse();
        assertThat(nativeMemory.withoutEvidence().isMemory()).isTrue();
        assertThat(nativeMemory.sameAs(new Failure("a.One", "m", Cause.HEAP_OOM, null, null)))
                .isTrue();
        assertThat(segfault.sameAs(new Failure("a.One", "m", Cause.HEAP_OOM, null, null)))
                .isFalse();
    }
}
