package dev.memprobe.maven;

import dev.memprobe.report.Report;
import dev.memprobe.shard.Shard;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** {@code bisect}'s {@code memprobe.shard}: the test set cut down to one shard, balanced by an earlier report if given. */
final class ShardSelection {

    private ShardSelection() {}

    /**
     * The classes of {@code testSet} in {@code shard}, in the test set's order.
     *
     * @param balance {@code memprobe.shardBalance}, or {@code null} to place every class by its name's hash
     */
    static List<String> apply(Shard shard, File balance, List<String> testSet, Log log, Function<File, String> relative)
            throws MojoExecutionException {
        Map<String, Shard.Cost> costs = new HashMap<>();
        if (balance != null) {
            Report report = ReportInput.read(
                    balance.toPath(),
                    "memprobe.shardBalance " + relative.apply(balance),
                    "give the report.json of an earlier run of the whole suite (e.g. main's merged report), or leave"
                            + " memprobe.shardBalance unset to cut the shards by class-name hash");
            for (Report.ClassEntry c : report.classes()) {
                costs.put(c.name(), cost(c));
            }
        }
        Shard.Selection selection = shard.select(testSet, costs);
        if (selection.classes().isEmpty()) {
            throw new MojoExecutionException("memprobe.shard=" + shard + " selects none of the " + testSet.size()
                    + " test classes: use at most " + testSet.size() + " shards");
        }
        String how = balance == null
                ? "placed by class-name hash"
                : "balanced by time and heap from " + relative.apply(balance)
                        + (selection.placedByHash() == 0
                                ? ""
                                : "; " + selection.placedByHash() + " not in it placed by class-name hash");
        log.info("memprobe: shard " + shard + ": " + selection.classes().size() + " of " + testSet.size()
                + " test classes (" + how + ")");
        if (log.isDebugEnabled()) {
            log.debug("memprobe: shard " + shard + " runs "
                    + selection.classes().stream().collect(Collectors.joining(", ")));
        }
        return selection.classes();
    }

    /**
     * A class's cost in a report: its time, and its own heap (the larger of what it kept and what it needed at its
     * peak), not the fork's live heap while it ran, which holds what the classes before it kept: a class that ran
     * after a polluter in main's run must not weigh as the polluter does. A report written before the own figures, or
     * a class whose own heap was not measured, falls back to the live heap peak, else the heap peak.
     */
    static Shard.Cost cost(Report.ClassEntry c) {
        long heap = c.ownHeapBytes();
        if (heap < 0) {
            heap = c.liveHeapPeakBytes() >= 0 ? c.liveHeapPeakBytes() : c.heapPeakBytes();
        }
        return new Shard.Cost(c.durationMs(), heap);
    }
}
