package dev.memprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.Cause;
import dev.memprobe.bisect.Evidence;
import dev.memprobe.bisect.Failure;
import dev.memprobe.bisect.Measure;
import dev.memprobe.bisect.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of evidence in the words {@code report.json} has always had, numbers included. */
class EvidenceTextTest {

    private static final long MIB = 1024L * 1024L;

    private static final Failure HEAP = new Failure(
            "com.acme.ImportTest", "loads", Cause.HEAP_OOM, null, "java.lang.OutOfMemoryError: Java heap space");
    private static final Failure THREADS = new Failure("com.acme.PoolTest", null, Cause.THREAD_OOM, null, null);

    /** One sample of each kind of evidence, and its sentence. */
    private static Map<Evidence, String> samples() {
        Map<Evidence, String> samples = new LinkedHashMap<>();
        samples.put(
                new Evidence.DiesAlone(HEAP, new Evidence.Peak(Resource.HEAP, 250 * MIB, 256 * MIB, 200 * MIB)),
                "dies alone: heap OutOfMemoryError in ImportTest#loads (\"Java heap space\"); the heap was full: 256"
                        + " MiB max, live heap after GC reached 200 MiB");
        samples.put(new Evidence.RanInSuite(1, 7, true), "in probe 1 it was class 7 to run when the fork died");
        samples.put(
                new Evidence.SurvivesAlone(
                        "com.acme.ImportTest", new Evidence.Peak(Resource.HEAP, 146 * MIB, 256 * MIB, 124 * MIB)),
                "ImportTest survives alone (heap peak 146 MiB of 256 MiB max; live heap after GC reached 124 MiB)");
        samples.put(
                new Evidence.DiesAfter(
                        List.of(
                                new Evidence.Polluter("com.acme.CacheTest", 88 * MIB),
                                new Evidence.Polluter("com.acme.MapTest", 26 * MIB + 100 * 1024)),
                        HEAP),
                "after CacheTest (left 88 MiB behind), MapTest (left 26.1 MiB behind) it dies: heap"
                        + " OutOfMemoryError in ImportTest#loads (\"Java heap space\")");
        samples.put(
                new Evidence.PollutersFound(2, 3, "com.acme.ImportTest"),
                "polluters found in 3 probes; removing any one of them lets ImportTest survive");
        samples.put(
                new Evidence.DiedInFork(HEAP, true),
                "died first in its fork: heap OutOfMemoryError in" + " ImportTest#loads (\"Java heap space\")");
        samples.put(new Evidence.NotAgain(5), "did not die alone, nor after the same 5 classes run again");
        samples.put(
                new Evidence.LeftBehind(
                        "com.acme.CacheTest",
                        List.of(
                                new Measure.HistogramRow("byte[]", 300 * MIB, 10, 150 * MIB),
                                new Measure.HistogramRow("java.lang.String", 3 * MIB, 100, 2 * MIB),
                                new Measure.HistogramRow("a.Node", MIB, 1000, 4096),
                                new Measure.HistogramRow("a.Leaf", 1000, 10, 512))),
                "CacheTest left behind: byte[] +150 MiB, java.lang.String +2 MiB, a.Node +4 KiB");
        samples.put(
                new Evidence.KeptExactly(List.of(
                        new Evidence.Polluter("com.acme.CacheTest", 150 * MIB),
                        new Evidence.Polluter("com.acme.MapTest", 0))),
                "measured exactly in the confirmation run (after full collections): CacheTest keeps 150 MiB,"
                        + " MapTest keeps 0 B");
        samples.put(new Evidence.Unconfirmed(), "not confirmed: memprobe.maxProbes ran out");
        samples.put(new Evidence.Intermittent(2, 3), "reproduced in 2 of 3 runs: intermittent");
        return samples;
    }

    @Test
    void wordsEveryKindOfEvidence() {
        Map<Evidence, String> samples = samples();

        Wording.wordsEveryRecord(Evidence.class, samples, EvidenceText::of);
        assertThat(EvidenceText.of(List.copyOf(samples.keySet()))).containsExactlyElementsOf(samples.values());
    }

    @Test
    void wordsTheOtherSideOfEachChoice() {
        assertThat(EvidenceText.of(new Evidence.RanInSuite(2, 1, false)))
                .isEqualTo("in probe 2 it was class 1 to run; the fork went on after its memory error");
        assertThat(EvidenceText.of(new Evidence.PollutersFound(1, 1, "com.acme.ImportTest")))
                .isEqualTo("polluter found in 1 probe; without it ImportTest survives");
        assertThat(EvidenceText.of(new Evidence.DiedInFork(THREADS, false)))
                .isEqualTo("died in its fork: unable to create native thread");
        assertThat(EvidenceText.of(new Evidence.NotAgain(0))).isEqualTo("did not die when run alone again");
        assertThat(EvidenceText.of(new Evidence.NotAgain(1)))
                .isEqualTo("did not die alone, nor after the same 1 class run again");
    }

    @Test
    void readsEachPeakInItsResource() {
        assertThat(aloneAt(new Evidence.Peak(Resource.RSS, 1536 * MIB, -1, -1))).endsWith(" (RSS peak 1.5 GiB)");
        assertThat(aloneAt(new Evidence.Peak(Resource.DIRECT_BUFFERS, 64 * MIB, -1, -1)))
                .endsWith(" (direct buffers peak 64 MiB)");
        assertThat(aloneAt(new Evidence.Peak(Resource.THREADS, 3025, -1, -1))).endsWith(" (3025 live threads at peak)");
        assertThat(aloneAt(new Evidence.Peak(Resource.METASPACE, 200 * MIB, -1, -1)))
                .endsWith(" (metaspace peak 200 MiB)");
        assertThat(aloneAt(new Evidence.Peak(Resource.HEAP, 100 * MIB, -1, -1))).endsWith(" (heap peak 100 MiB)");
        for (Resource resource : Resource.values()) {
            assertThat(aloneAt(new Evidence.Peak(resource, -1, 256 * MIB, 10 * MIB)))
                    .as("%s not measured", resource)
                    .isEqualTo("V survives alone");
        }
    }

    @Test
    void countsWhatPollutersLeftInThreadsForAThreadDeath() {
        Evidence dies = new Evidence.DiesAfter(List.of(new Evidence.Polluter("a.Pool", 12)), THREADS);

        assertThat(EvidenceText.of(dies))
                .isEqualTo("after Pool (left 12 threads behind) it dies: unable to create" + " native thread");
    }

    private static String aloneAt(Evidence.Peak peak) {
        return EvidenceText.of(new Evidence.SurvivesAlone("a.V", peak));
    }
}
