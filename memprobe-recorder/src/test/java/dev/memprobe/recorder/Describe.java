package dev.memprobe.recorder;

import dev.memprobe.journal.ClassEndEvent;
import dev.memprobe.journal.ClassStartEvent;
import dev.memprobe.journal.ErrorEvent;
import dev.memprobe.journal.ForkEvent;
import dev.memprobe.journal.GcOverheadEvent;
import dev.memprobe.journal.JournalEvent;
import dev.memprobe.journal.JournalVisitor;
import dev.memprobe.journal.NearLimitEvent;
import dev.memprobe.journal.PlanEvent;
import dev.memprobe.journal.RunEndEvent;
import dev.memprobe.journal.ShutdownEvent;
import dev.memprobe.journal.TestEndEvent;
import dev.memprobe.journal.TestStartEvent;

/** A journal event in a few words, for assertions. */
final class Describe implements JournalVisitor {

    private String text;

    static String of(JournalEvent event) {
        Describe describe = new Describe();
        event.accept(describe);
        return describe.text == null ? event.type().toString() : describe.text;
    }

    @Override
    public void fork(ForkEvent e) {
        text = "fork";
    }

    @Override
    public void plan(PlanEvent e) {
        text = "plan " + e.classes();
    }

    @Override
    public void classStart(ClassStartEvent e) {
        text = "class-start " + simple(e.className());
    }

    @Override
    public void testStart(TestStartEvent e) {
        text = "test-start " + simple(e.className()) + "#" + e.method();
    }

    @Override
    public void testEnd(TestEndEvent e) {
        text = "test-end " + simple(e.className()) + "#" + e.method() + " " + e.status()
                + (e.problem() == null ? "" : " " + e.problem().throwable());
    }

    @Override
    public void classEnd(ClassEndEvent e) {
        text = "class-end " + simple(e.className()) + " " + e.counts().tests() + " tests";
    }

    @Override
    public void nearLimit(NearLimitEvent e) {
        text = "near-limit " + e.className();
    }

    @Override
    public void shutdown(ShutdownEvent e) {
        text = "shutdown " + e.trigger() + " " + (e.className() == null ? null : simple(e.className())) + "#"
                + e.method();
    }

    @Override
    public void gcOverhead(GcOverheadEvent e) {
        text = "gc-overhead " + (e.className() == null ? null : simple(e.className())) + "#" + e.method();
    }

    @Override
    public void error(ErrorEvent e) {
        text = "error " + (e.className() == null ? null : simple(e.className())) + "#" + e.method() + " "
                + (e.problem() == null ? null : e.problem().throwable());
    }

    @Override
    public void runEnd(RunEndEvent e) {
        text = "run-end " + e.classes();
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
