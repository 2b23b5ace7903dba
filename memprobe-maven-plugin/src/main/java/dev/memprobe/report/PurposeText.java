package dev.memprobe.report;

import static dev.memprobe.names.ClassNames.simple;
import static dev.memprobe.report.Phrases.classes;

import dev.memprobe.bisect.Purpose;

/** What a probe asks, in the words of the console's progress line and of {@code report.json}'s {@code purpose}. */
public final class PurposeText {

    private PurposeText() {}

    public static String of(Purpose purpose) {
        if (purpose instanceof Purpose.WholeSuite p) {
            return "the whole suite, " + classes(p.classes()) + " in Surefire's run order";
        }
        if (purpose instanceof Purpose.NotYetRun p) {
            return classes(p.classes()) + " not yet run";
        }
        if (purpose instanceof Purpose.Alone p) {
            return "does " + simple(p.className()) + " die alone?";
        }
        if (purpose instanceof Purpose.AloneThenRest p) {
            return "does " + simple(p.className()) + " die alone? then the " + classes(p.rest()) + " not yet run";
        }
        if (purpose instanceof Purpose.AloneThenCarriedRest p) {
            return "does " + simple(p.className()) + " die alone? then the " + classes(p.rest())
                    + " not yet run, after " + p.carried() + " that ran before " + simple(p.className());
        }
        if (purpose instanceof Purpose.CarriedRest p) {
            return classes(p.rest()) + " not yet run after " + simple(p.after()) + ", after " + p.carried()
                    + " that ran before it";
        }
        if (purpose instanceof Purpose.Again p) {
            return simple(p.from()) + " and the " + classes(p.rest()) + " after it again, after " + p.carried()
                    + " that ran before it, without the culprits found";
        }
        if (purpose instanceof Purpose.Batch p) {
            return "batch " + p.number() + "/" + p.of();
        }
        if (purpose instanceof Purpose.Isolated p) {
            return "alone " + p.number() + "/" + p.of();
        }
        if (purpose instanceof Purpose.Confirm p) {
            return "confirm " + simple(p.victim()) + " (" + p.number() + "/" + p.of() + ")";
        }
        if (purpose instanceof Purpose.Pollutes p) {
            return p.polluters().size() == 1
                    ? "does " + simple(p.polluters().get(0)) + " pollute " + simple(p.victim()) + "?"
                    : "do " + p.polluters().size() + " classes pollute " + simple(p.victim()) + "?";
        }
        if (purpose instanceof Purpose.Recorded p) {
            return "recorded: fork " + p.fork() + " of " + p.execution() + ", " + classes(p.classes());
        }
        throw new IllegalArgumentException("no words for " + purpose);
    }
}
