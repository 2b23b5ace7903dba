package dev.memprobe.journal;

/** Receives journal events, one method per event; each does nothing unless overridden. */
public interface JournalVisitor {

    default void fork(ForkEvent event) {}

    default void plan(PlanEvent event) {}

    default void classStart(ClassStartEvent event) {}

    default void testStart(TestStartEvent event) {}

    default void testEnd(TestEndEvent event) {}

    default void classEnd(ClassEndEvent event) {}

    default void nearLimit(NearLimitEvent event) {}

    default void gcOverhead(GcOverheadEvent event) {}

    default void error(ErrorEvent event) {}

    default void recovered(RecoveredEvent event) {}

    default void shutdown(ShutdownEvent event) {}

    default void runEnd(RunEndEvent event) {}

    default void memory(MemoryEvent event) {}

    default void heapDump(HeapDumpEvent event) {}

    default void threadsLeft(ThreadsLeftEvent event) {}
}
