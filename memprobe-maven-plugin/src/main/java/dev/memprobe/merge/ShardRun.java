package dev.memprobe.merge;

import dev.memprobe.merge.ReportMerge.Source;
import dev.memprobe.report.Report;
import dev.memprobe.shard.Shard;
import dev.memprobe.units.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shard reports of one run, in shard order, checked to be that: each made with {@code memprobe.shard}, all of the
 * same count, no shard twice, the same project, memprobe version, limits and search settings, no class in two shards.
 * Settings that hold paths ({@code argLine}, {@code testFile}) and the fork JDK may differ between CI machines: a
 * difference there is a note, not a refusal.
 */
record ShardRun(List<Source> ordered, Map<Source, Shard> shards, int total, List<String> notes) {

    /** A setting as messages name it, and how to read it from a report. */
    private record Setting(String name, Function<Report, Object> value) {}

    private static final List<Setting> SAME_IN_EVERY_SHARD = List.of(
            new Setting("project", Report::project),
            new Setting("memprobe version", Report::toolVersion),
            new Setting("maxHeap", r -> bytes(r.settings().maxHeapBytes())),
            new Setting("memoryLimit", r -> bytes(r.settings().memoryLimitBytes())),
            new Setting("forkTimeout", r -> millis(r.settings().forkTimeoutMs())),
            new Setting("strategy", r -> r.settings().strategy()),
            new Setting("batchSize", r -> r.settings().batchSize()),
            new Setting("failFast", r -> r.settings().failFast()),
            new Setting("confirmRuns", r -> r.settings().confirmRuns()),
            new Setting("maxProbes", r -> r.settings().maxProbes()),
            new Setting("parallelProbes", r -> r.settings().parallelProbes()),
            new Setting("runOrder", r -> r.settings().runOrder()),
            new Setting("exactRetained", r -> r.settings().exactRetained()));

    private static final List<Setting> NOTED_IF_DIFFERENT = List.of(
            new Setting("argLine", r -> r.settings().argLine()),
            new Setting("testFile", r -> r.settings().testFile()),
            new Setting("fork JDK", r -> r.environment().forkJdk()));

    ShardRun {
        ordered = List.copyOf(ordered);
        notes = List.copyOf(notes);
    }

    /**
     * Checks the reports.
     *
     * @throws ReportMerge.MergeException listing every reason they are not the shards of one run
     */
    static ShardRun of(List<Source> sources) {
        List<String> problems = new ArrayList<>();
        Map<Source, Shard> shards = shards(sources, problems);
        if (!problems.isEmpty()) {
            throw ReportMerge.refuse(sources, problems);
        }
        List<Source> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparingInt(s -> shards.get(s).index()));
        int total = shards.get(ordered.get(0)).total();
        if (ordered.stream().anyMatch(s -> shards.get(s).total() != total)) {
            problems.add("shards of different counts: "
                    + ordered.stream()
                            .map(s -> shards.get(s) + " in " + s.label())
                            .collect(Collectors.joining(", "))
                    + "; every shard job must use the same n in memprobe.shard=i/n");
        }
        boolean twice = duplicates(ordered, shards, problems);
        List<String> notes = new ArrayList<>();
        compare(ordered, SAME_IN_EVERY_SHARD, problems::add);
        compare(ordered, NOTED_IF_DIFFERENT, notes::add);
        if (!twice) {
            overlaps(ordered, problems);
        }
        if (!problems.isEmpty()) {
            throw ReportMerge.refuse(sources, problems);
        }
        TreeSet<Integer> missing = missing(ordered, shards, total);
        if (!missing.isEmpty()) {
            String list = missing.stream().map(i -> i + "/" + total).collect(Collectors.joining(", "));
            notes.add(
                    missing.size() == 1
                            ? "shard " + list + " is missing: its classes are in no report"
                            : "shards " + list + " are missing: their classes are in no report");
        }
        return new ShardRun(ordered, shards, total, notes);
    }

    /** {@code merged 3 shards}, or {@code merged 2 of 3 shards}: the merged report's {@code settings.shard}. */
    String describe() {
        return "merged " + (ordered.size() == total ? total + " shards" : ordered.size() + " of " + total + " shards");
    }

    private static TreeSet<Integer> missing(List<Source> ordered, Map<Source, Shard> shards, int total) {
        TreeSet<Integer> missing = new TreeSet<>();
        for (int i = 1; i <= total; i++) {
            missing.add(i);
        }
        ordered.forEach(s -> missing.remove(shards.get(s).index()));
        return missing;
    }

    private static Map<Source, Shard> shards(List<Source> sources, List<String> problems) {
        Map<Source, Shard> shards = new IdentityHashMap<>();
        for (Source s : sources) {
            String shard = s.report().settings().shard();
            if (shard == null) {
                problems.add(s.label() + " was made without memprobe.shard: merge takes the reports of the shards of"
                        + " one run (memprobe:bisect -Dmemprobe.shard=i/n)");
                continue;
            }
            try {
                shards.put(s, Shard.parse("shard", shard));
            } catch (IllegalArgumentException e) {
                problems.add(s.label() + " is not the report of one shard (its settings.shard is \"" + shard
                        + "\"): merge the shards' own reports");
            }
        }
        return shards;
    }

    /** Adds a problem for each shard that is there more than once; returns whether there was one. */
    private static boolean duplicates(List<Source> ordered, Map<Source, Shard> shards, List<String> problems) {
        Map<Shard, List<String>> byShard = new LinkedHashMap<>();
        for (Source s : ordered) {
            byShard.computeIfAbsent(shards.get(s), k -> new ArrayList<>()).add(s.label());
        }
        boolean found = false;
        for (Map.Entry<Shard, List<String>> e : byShard.entrySet()) {
            if (e.getValue().size() > 1) {
                problems.add("shard " + e.getKey() + " is there " + e.getValue().size() + " times: "
                        + String.join(", ", e.getValue()) + "; pass each shard's report once");
                found = true;
            }
        }
        return found;
    }

    private static void compare(List<Source> ordered, List<Setting> settings, Consumer<String> out) {
        for (Setting setting : settings) {
            Map<String, List<String>> byValue = new LinkedHashMap<>();
            for (Source s : ordered) {
                byValue.computeIfAbsent(String.valueOf(setting.value().apply(s.report())), k -> new ArrayList<>())
                        .add(s.label());
            }
            if (byValue.size() > 1) {
                out.accept(setting.name() + " differs: "
                        + byValue.entrySet().stream()
                                .map(e -> e.getKey() + " in " + String.join(", ", e.getValue()))
                                .collect(Collectors.joining("; ")));
            }
        }
    }

    private static void overlaps(List<Source> ordered, List<String> problems) {
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (Source s : ordered) {
            for (Report.ClassEntry c : s.report().classes()) {
                where.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(s.label());
            }
        }
        List<String> twice = where.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .toList();
        if (!twice.isEmpty()) {
            int shown = Math.min(5, twice.size());
            problems.add((twice.size() == 1 ? "a class is" : twice.size() + " classes are") + " in more than one"
                    + " shard: " + String.join(", ", twice.subList(0, shown))
                    + (twice.size() > shown ? " and " + (twice.size() - shown) + " more" : "")
                    + "; the shards were not cut from one test set: give every shard job the same test classes,"
                    + " memprobe.testFile and memprobe.shardBalance");
        }
    }

    private static String bytes(long value) {
        return value < 0 ? "none" : Size.format(value);
    }

    private static String millis(long value) {
        return value < 0 ? "none" : value + " ms";
    }
}
