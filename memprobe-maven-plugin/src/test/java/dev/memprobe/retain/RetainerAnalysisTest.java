package dev.memprobe.retain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retained-path reduction on small hprof files of known shape. */
class RetainerAnalysisTest {

    private static final int KIB_64 = 64 * 1024;

    @TempDir
    Path folder;

    private final RetainerAnalysis analysis = new RetainerAnalysis(
            true, new MemoryGuard(() -> Long.MAX_VALUE), p -> p.getFileName().toString());

    @Test
    void aStaticCacheIsNamedByItsFieldItsCollectionAndWhatItHolds() throws IOException {
        Heaps heap = new Heaps();
        heap.holder("com.acme.pricing.PriceCatalog", "ENTRIES", heap.map(40, KIB_64));
        heap.holder("com.acme.Small", "NAMES", heap.list(2, 100));

        Retainers found = hog(heap);

        Retainers.Path top = found.paths().get(0);
        assertThat(top.key()).isEqualTo("static com.acme.pricing.PriceCatalog.ENTRIES");
        assertThat(top.kind()).isEqualTo("static");
        assertThat(top.text())
                .isEqualTo(
                        "static com.acme.pricing.PriceCatalog.ENTRIES → java.util.HashMap (40 entries) → 40 × byte[]");
        assertThat(top.hops()).containsExactly(new Retainers.Hop("java.util.HashMap", null, 40));
        assertThat(top.holds().count()).isEqualTo(40);
        assertThat(top.holds().type()).isEqualTo("byte[]");
        assertThat(top.holds().bytes()).isEqualTo(40L * (KIB_64 + 16));
        assertThat(top.retainedBytes()).isGreaterThan(top.holds().bytes());
        assertThat(top.share()).isGreaterThan(0.95);
        assertThat(found.dump().liveBytes()).isGreaterThanOrEqualTo(top.retainedBytes());
        assertThat(found.dump().keptBytes()).isEqualTo(found.dump().liveBytes());
        assertThat(found.skipped()).isNull();
    }

    @Test
    void aListInALocalEndsInTheThreadsStackFrame() throws IOException {
        Heaps heap = new Heaps();
        long hog = heap.b.type("it.hog.FixtureHogTest", heap.b.objectClass, 0);
        int main = heap.thread("main", 1, hog, "loadFixtures", "FixtureHogTest.java", 21);
        heap.b.rootFrame(heap.list(30, KIB_64), main, 0);

        Retainers found = hog(heap);

        Retainers.Path top = found.paths().get(0);
        assertThat(top.key()).isEqualTo("frame main it.hog.FixtureHogTest.loadFixtures");
        assertThat(top.kind()).isEqualTo("frame");
        assertThat(top.text())
                .isEqualTo("frame main it.hog.FixtureHogTest.loadFixtures(FixtureHogTest.java:21)"
                        + " → java.util.ArrayList (30 entries) → 30 × byte[]");
    }

    @Test
    void aTestInstanceInEveryFrameOfTheFrameworksCallIsHeldByThoseFramesOfOneThreadNamedByTheFirst()
            throws IOException {
        Heaps heap = new Heaps();
        long invoker = heap.b.type("org.junit.Invoker", heap.b.objectClass, 0);
        long test = heap.b.type(
                "it.hog.CatalogTest",
                heap.b.objectClass,
                0,
                Map.of(),
                new HprofBuilder.Field("pictures", ClassInfo.OBJECT));
        long instance = heap.b.instance(test, heap.list(30, KIB_64));
        long thread = heap.b.instance(heap.b.threadClass, heap.b.javaString("main"), null);
        heap.b.trace(
                1,
                1,
                heap.b.frame(invoker, "invokeMethod", "Invoker.java", 789),
                heap.b.frame(invoker, "invoke", "Invoker.java", 93),
                heap.b.frame(invoker, "execute", "Invoker.java", 221));
        heap.b.rootThread(thread, 1, 1);
        for (int frame = 0; frame < 3; frame++) {
            heap.b.rootFrame(instance, 1, frame);
        }

        Retainers.Path top = hog(heap).paths().get(0);

        assertThat(top.text())
                .startsWith(
                        "[held by 3 frames of thread main, the first org.junit.Invoker.invokeMethod(Invoker.java:789)]"
                                + " it.hog.CatalogTest .pictures → java.util.ArrayList (30 entries)");
    }

    @Test
    void alikeThreadsAreOnePathWithTheirCount() throws IOException {
        Heaps heap = new Heaps();
        long worker = heap.b.type("a.Refresher", heap.b.objectClass, 0);
        for (int i = 0; i < 3; i++) {
            int serial = heap.thread("refresher-" + i, 10 + i, worker, "run", "Refresher.java", 5);
            heap.b.rootFrame(heap.b.bytes(1 << 20), serial, 0);
        }

        Retainers.Path top = hog(heap).paths().get(0);

        assertThat(top.key()).isEqualTo("frame refresher-N a.Refresher.run");
        assertThat(top.roots()).isEqualTo(3);
        assertThat(top.text()).isEqualTo("3 × frame refresher-N a.Refresher.run(Refresher.java:5) → byte[]");
        assertThat(top.retainedBytes()).isEqualTo(3L * ((1 << 20) + 16));
    }

    @Test
    void aPolluterIsCreditedWithWhatItAddedSinceTheDumpBeforeIt() throws IOException {
        Heaps before = new Heaps();
        before.holder("a.Cache", "ENTRIES", before.map(2, KIB_64));
        before.holder("a.Config", "SETTINGS", before.list(16, KIB_64));
        Heaps after = new Heaps();
        after.holder("a.Cache", "ENTRIES", after.map(40, KIB_64));
        after.holder("a.Config", "SETTINGS", after.list(16, KIB_64));

        List<Retainers> found = analysis.polluters(
                dump(before, "start"),
                List.of(new RetainerAnalysis.Subject("a.CacheTest", dump(after, "end"), null, null)),
                Set.of());

        Retainers polluter = found.get(0);
        assertThat(polluter.role()).isEqualTo(Retainers.POLLUTER);
        assertThat(polluter.dump().baseline()).isEqualTo("start");
        assertThat(polluter.paths()).extracting(Retainers.Path::key).containsExactly("static a.Cache.ENTRIES");
        Retainers.Path grown = polluter.paths().get(0);
        assertThat(grown.grownBytes()).isBetween(38L * KIB_64, 39L * KIB_64);
        assertThat(grown.share()).isGreaterThan(0.95);
        assertThat(polluter.dump().keptBytes())
                .isEqualTo(polluter.dump().liveBytes()
                        - 0
                        - (polluter.dump().liveBytes() - polluter.dump().keptBytes()));
        assertThat(polluter.dump().keptBytes()).isLessThan(polluter.dump().liveBytes());
    }

    @Test
    void aClassLoaderIsPinnedByTheThreadWhoseContextLoaderItIs() throws IOException {
        Heaps heap = new Heaps();
        HprofBuilder b = heap.b;
        long pluginLoader = b.type("a.PluginLoader", b.loaderClass, 0);
        long loader = b.reserve();
        b.type("a.Plugin", b.objectClass, loader);
        b.instanceAt(loader, pluginLoader, b.javaString("plugins"), null);
        long thread = b.instance(b.threadClass, b.javaString("plugin-watcher"), loader);
        b.rootThread(thread, 7, 0);

        Retainers found = hog(heap);

        assertThat(found.classLoaders()).hasSize(1);
        Retainers.Loaders loaders = found.classLoaders().get(0);
        assertThat(loaders.type()).isEqualTo("a.PluginLoader");
        assertThat(loaders.name()).isEqualTo("plugins");
        assertThat(loaders.count()).isEqualTo(1);
        assertThat(loaders.classes()).isEqualTo(1);
        assertThat(loaders.pinnedBy())
                .containsExactly("thread plugin-watcher → java.lang.Thread \"plugin-watcher\" .contextClassLoader"
                        + " → a.PluginLoader \"plugins\"");
    }

    @Test
    void directBuffersThatOwnMemoryAreCountedByTheirOwnerAndViewsAreNot() throws IOException {
        Heaps heap = new Heaps();
        HprofBuilder b = heap.b;
        long buffer = b.type(
                "java.nio.DirectByteBuffer",
                b.objectClass,
                0,
                new HprofBuilder.Field("cleaner", ClassInfo.OBJECT),
                new HprofBuilder.Field("att", ClassInfo.OBJECT),
                new HprofBuilder.Field("capacity", ClassInfo.INT));
        long[] buffers = new long[5];
        for (int i = 0; i < 4; i++) {
            buffers[i] = b.instance(buffer, b.instance(b.objectClass), null, 1 << 20);
        }
        buffers[4] = b.instance(buffer, null, buffers[0], 1 << 20); // a slice of the first
        heap.holder("a.Pool", "BUFFERS", b.objectArray(b.objectArrayClass, buffers));

        Retainers found = hog(heap);

        assertThat(found.directBuffers()).hasSize(1);
        Retainers.Buffers owner = found.directBuffers().get(0);
        assertThat(owner.owner()).isEqualTo("static a.Pool.BUFFERS");
        assertThat(owner.count()).isEqualTo(4);
        assertThat(owner.capacityBytes()).isEqualTo(4L << 20);
        assertThat(owner.text()).startsWith("static a.Pool.BUFFERS → ").endsWith("java.nio.DirectByteBuffer");
    }

    @Test
    void theThreadsAClassLeftAreGroupedWithWhatTheyRetain() throws IOException {
        Heaps heap = new Heaps();
        long worker = heap.b.type("a.Poller", heap.b.objectClass, 0);
        for (int i = 0; i < 2; i++) {
            int serial = heap.thread("poller-" + i, 20 + i, worker, "poll", "Poller.java", 9);
            heap.b.rootFrame(heap.b.bytes(1000), serial, 0);
        }
        RetainerAnalysis.ThreadsLeft left = new RetainerAnalysis.ThreadsLeft(
                2,
                List.of(
                        new RetainerAnalysis.LeftThread(
                                "poller-0", true, "WAITING", "a.Poller.poll(Poller.java:9)", null),
                        new RetainerAnalysis.LeftThread(
                                "poller-1",
                                true,
                                "WAITING",
                                "a.Poller.poll(Poller.java:9)",
                                "a.PollerTest.<init>(PollerTest.java:12)")));

        Retainers found =
                analysis.hog(new RetainerAnalysis.Subject("a.PollerTest", dump(heap, "error"), null, left), Set.of());

        assertThat(found.threads()).hasSize(1);
        Retainers.Threads threads = found.threads().get(0);
        assertThat(threads.pattern()).isEqualTo("poller-N");
        assertThat(threads.names()).containsExactly("poller-0", "poller-1");
        assertThat(threads.count()).isEqualTo(2);
        assertThat(threads.daemon()).isTrue();
        assertThat(threads.runs()).isEqualTo("a.Poller.poll(Poller.java:9)");
        assertThat(threads.startedBy())
                .as("the first start site the fork recorded")
                .isEqualTo("a.PollerTest.<init>(PollerTest.java:12)");
        assertThat(threads.retainedBytes()).isGreaterThanOrEqualTo(2L * 1016);
    }

    @Test
    void withoutADumpTheReasonIsGivenAndTheThreadsStillListed() {
        RetainerAnalysis.ThreadsLeft left = new RetainerAnalysis.ThreadsLeft(
                30_000, List.of(new RetainerAnalysis.LeftThread("Thread-7", true, "WAITING", null, null)));

        Retainers found =
                analysis.hog(new RetainerAnalysis.Subject("a.LeakTest", null, "out of native threads", left), Set.of());

        assertThat(found.skipped()).isEqualTo("no heap dump: out of native threads");
        assertThat(found.paths()).isEmpty();
        assertThat(found.threads()).singleElement().satisfies(t -> {
            assertThat(t.pattern()).isEqualTo("Thread-N");
            assertThat(t.count()).isEqualTo(30_000);
            assertThat(t.retainedBytes()).isEqualTo(-1);
        });
    }

    @Test
    void aDumpTooLargeForMavensHeapIsKeptAndTheReportSaysWhatToDo() throws IOException {
        Heaps heap = new Heaps();
        heap.holder("a.Cache", "ENTRIES", heap.map(4, KIB_64));
        RetainerAnalysis small = new RetainerAnalysis(
                false, new MemoryGuard(() -> 1L << 20), p -> p.getFileName().toString());
        RetainerAnalysis.DumpFile file = dump(heap, "error");

        Retainers found = small.hog(new RetainerAnalysis.Subject("a.CacheTest", file, null, null), Set.of());

        assertThat(found.skipped()).startsWith("not analysed: reading this").contains("MAVEN_OPTS=-Xmx");
        assertThat(found.dump().deleted()).isFalse();
        assertThat(file.file()).exists();
    }

    @Test
    void aDumpIsDeletedOnceReadUnlessDumpsAreKept() throws IOException {
        Heaps heap = new Heaps();
        heap.holder("a.Cache", "ENTRIES", heap.map(4, KIB_64));
        RetainerAnalysis.DumpFile file = dump(heap, "error");
        RetainerAnalysis deleting = new RetainerAnalysis(
                false,
                new MemoryGuard(() -> Long.MAX_VALUE),
                p -> p.getFileName().toString());

        Retainers found = deleting.hog(new RetainerAnalysis.Subject("a.CacheTest", file, null, null), Set.of());

        assertThat(found.dump().deleted()).isTrue();
        assertThat(file.file()).doesNotExist();
        assertThat(found.paths()).isNotEmpty();
    }

    @Test
    void aFileThatIsNoHeapDumpIsReportedNotThrown() throws IOException {
        Path file = Files.writeString(folder.resolve("broken.hprof"), "JAVA PROFILE 1.0.2 but nothing more");

        Retainers found = analysis.hog(
                new RetainerAnalysis.Subject(
                        "a.Test", new RetainerAnalysis.DumpFile(file, "error", 30, -1, true), null, null),
                Set.of());

        assertThat(found.skipped()).startsWith("the heap dump could not be read");
    }

    private Retainers hog(Heaps heap) throws IOException {
        return analysis.hog(new RetainerAnalysis.Subject("a.HogTest", dump(heap, "error"), null, null), Set.of());
    }

    private int files;

    private RetainerAnalysis.DumpFile dump(Heaps heap, String phase) throws IOException {
        Path file = heap.write(folder.resolve((files++) + "-" + phase + ".hprof"));
        return new RetainerAnalysis.DumpFile(file, phase, Files.size(file), 10, true);
    }
}
