package dev.memprobe.report;

import dev.memprobe.bisect.Culprit;
import java.util.ArrayList;
import java.util.List;

/** Next steps for a culprit, by what killed the fork. */
final class Advice {

    private Advice() {}

    static List<String> forCulprit(Culprit culprit) {
        List<String> advice = new ArrayList<>();
        String victim = ReportText.simple(culprit.victim());
        switch (culprit.kind()) {
            case CUMULATIVE ->
                advice.add("The polluters keep memory after they finish: look in them for static caches,"
                        + " singletons, registries, ThreadLocals and listeners filled by tests; clear them in @AfterAll /"
                        + " @AfterClass, or give each test its own instance.");
            case INTERMITTENT ->
                advice.add(victim + " does not fail every time: look for randomness, timing or"
                        + " ordering in what it allocates; run memprobe again with a higher memprobe.confirmRuns to"
                        + " measure how often.");
            case SINGLE -> {}
        }
        advice.add(
                switch (culprit.cause()) {
                    case HEAP_OOM, GC_OVERHEAD ->
                        culprit.kind() == Culprit.Kind.SINGLE
                                ? victim
                                        + " needs more heap than the fork has on its own: shrink its fixtures and data sets, stream"
                                        + " instead of loading whole, or give it a job of its own with a larger -Xmx."
                                : victim + " is the last straw, not the cause: fix the polluters first.";
                    case METASPACE_OOM ->
                        "Class loaders are leaking: close URLClassLoaders, stop Spring contexts, Groovy"
                                + " shells and other frameworks that define classes, and check for libraries that keep them.";
                    case DIRECT_OOM ->
                        "Direct (off-heap) buffers are not released: close channels and Netty buffers, or set"
                                + " -XX:MaxDirectMemorySize to what the CI machine can give.";
                    case THREAD_OOM ->
                        "Threads are started and never stopped: shut down executors and thread pools in"
                                + " @AfterEach / @AfterAll, and stop servers the tests start.";
                    case MEMORY_LIMIT, KILLED ->
                        "The process outgrew the memory limit, not only the heap: count heap (-Xmx) plus"
                                + " metaspace, direct buffers, thread stacks and native libraries; lower -Xmx or raise the"
                                + " container limit, and release off-heap resources in tests.";
                    case TERMINATED ->
                        "Something outside the fork stopped it (a CI timeout?): compare the suite's duration"
                                + " with the job's time limit.";
                    case TIMEOUT ->
                        victim + " runs past the fork timeout: look for a hang (a lock, a wait without"
                                + " timeout, a server that never answers).";
                    case EXIT ->
                        victim + " calls System.exit, which ends the whole test JVM: remove the call or run that code"
                                + " in a child process.";
                    case JVM_CRASH ->
                        culprit.isMemory()
                                ? "The process ran out of native memory (threads, direct buffers, native libraries,"
                                        + " metaspace): count what the class starts and never stops or frees, and"
                                        + " compare the fork's RSS with the machine's or container's memory."
                                : "The JVM itself crashed: read the hs_err file named in the evidence (native code,"
                                        + " JNI, a JDK bug).";
                    case FORK_ERROR ->
                        "The fork failed outside the tests: read the evidence and the probe's folder under"
                                + " target/memprobe/probes.";
                });
        if (culprit.isMemory()) {
            advice.add("Until it is fixed: exclude the classes in target/memprobe/heavy-classes.txt from the fast job"
                    + " (Surefire excludesFile) and run them in a job of their own (includesFile).");
        }
        return advice;
    }
}
