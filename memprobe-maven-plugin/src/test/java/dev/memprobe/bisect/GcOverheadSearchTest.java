package dev.memprobe.bisect;

import static dev.memprobe.bisect.BisectEngineTest.assertCumulative;
import static dev.memprobe.bisect.BisectEngineTest.assertSingle;
import static dev.memprobe.bisect.BisectEngineTest.search;
import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.memprobe.report.EvidenceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fork memprobe stopped as past saving ({@code gc-overhead}) is a death of the heap like an OutOfMemoryError: the
 * search asks whether the class dies alone, looks for polluters when it does not, and lets the rest of the suite follow
 * it. The suites crawl with more than 90% of their 256 MiB heap live (16 MiB of it the JVM's own).
 */
class GcOverheadSearchTest {

    @Test
    void aClassThatCrawlsAloneIsASingleHogOfGcOverhead() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .crawlsAbove(0.9)
                .plain("T", 1, 9)
                .add(plain("Crawler").needs(mib(225)))
                .plain("T", 10, 19)
                .build();

        SearchResult result = search(suite);

        Culprit culprit = assertSingle(result, "Crawler");
        assertThat(culprit.cause()).isEqualTo(Cause.GC_OVERHEAD);
        assertThat(culprit.isMemory()).isTrue();
        assertThat(culprit.exitCode()).isEqualTo(137);
        assertThat(EvidenceText.of(culprit.evidence()))
                .anyMatch(line -> line.contains("memprobe stopped the fork with SIGKILL: 94% of the last 10 s in GC"));
        // the suite (killed in Crawler); Crawler alone, then what it carried (T01 to T09: a tenth of the heap was
        // live before it, so it likely dies alone and its suspects are carried too) and the 10 classes after it: its
        // death there is the confirmation; and, since memprobe stopped that fork too, the suite with Crawler fixed in
        // a fresh fork (a heap error would have let the fork go on)
        assertThat(suite.probes()).isEqualTo(3);
        Probe alone = result.probes().get(1).probe();
        assertThat(alone.classes()).hasSize(20).startsWith("Crawler", "T01").contains("T09");
        assertThat(result.probes().get(1).failure().orElseThrow().victim()).isEqualTo("Crawler");
        assertThat(result.probes().get(2).probe().classes())
                .hasSize(19)
                .startsWith("T01")
                .doesNotContain("Crawler");
        assertThat(result.probes().get(2).failure()).isEmpty();
    }

    @Test
    void aVictimThatCrawlsOnlyAfterAPolluterIsFoundWithIt() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .crawlsAbove(0.9)
                .plain("T", 1, 5)
                .add(plain("P").leaks(mib(150)))
                .plain("T", 6, 12)
                .add(plain("V").needs(mib(80)))
                .plain("T", 13, 20)
                .build();

        SearchResult result = search(suite);

        Culprit culprit = assertCumulative(result, "V", "P");
        assertThat(culprit.cause()).isEqualTo(Cause.GC_OVERHEAD);
        assertThat(culprit.retained().get("P")).isGreaterThan(mib(100));
        // whole suite, V alone and then what it carried and the 8 classes after it, [P, V] (the confirmation: the
        // suite's death was the first sighting): as for an OutOfMemoryError (P, the suspect, is not carried, so V and
        // the rest pass there)
        assertThat(suite.probes()).isEqualTo(3);
        assertThat(result.probes().get(1).probe().classes())
                .hasSize(21)
                .startsWith("V")
                .doesNotContain("P");
    }

    @Test
    void aCrawlAndAnOutOfMemoryErrorOfTheSameClassAreTheSameFailure() {
        Failure crawled = new Failure("a.V", "crawls", Cause.GC_OVERHEAD, 137, "memprobe stopped the fork");
        Failure thrown = new Failure("a.V", "loads", Cause.HEAP_OOM, null, "Java heap space");
        Failure elsewhere = new Failure("a.W", "loads", Cause.HEAP_OOM, null, "Java heap space");

        assertThat(crawled.sameAs(thrown)).isTrue();
        assertThat(thrown.sameAs(crawled)).isTrue();
        assertThat(crawled.sameAs(elsewhere)).isFalse();
    }

    @Test
    void aCrawlerAndAHogLaterInTheSuiteAreBothFound() {
        SimulatedSuite suite = SimulatedSuite.builder()
                .crawlsAbove(0.9)
                .plain("T", 1, 4)
                .add(plain("Crawler").needs(mib(225)))
                .plain("T", 5, 9)
                .add(plain("Hog").needs(mib(300)))
                .plain("T", 10, 14)
                .build();

        SearchResult result = search(suite);

        assertThat(result.verdict()).isEqualTo(Verdict.CULPRITS_FOUND);
        assertThat(result.culprits())
                .extracting(Culprit::victim, Culprit::cause, Culprit::kind)
                .containsExactly(
                        tuple("Crawler", Cause.GC_OVERHEAD, Culprit.Kind.SINGLE),
                        tuple("Hog", Cause.HEAP_OOM, Culprit.Kind.SINGLE));
        // the suite (killed in Crawler); Crawler alone, then what it carried and the rest (killed in it again); the
        // suite with Crawler fixed in a fresh fork (it goes on past Hog's error, its heap given back); Hog alone
        assertThat(suite.probes()).isEqualTo(4);
        assertThat(result.probes().stream().map(r -> r.probe().classes().get(0)).toList())
                .containsExactly("T01", "Crawler", "T01", "Hog");
        assertThat(result.probes().get(2).classes().stream().map(ClassRun::name).toList())
                .containsAll(List.of("T05", "T09", "Hog", "T10", "T14"));
    }
}
