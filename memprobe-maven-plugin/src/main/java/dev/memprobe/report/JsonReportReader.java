package dev.memprobe.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code report.json} back into a {@link Report}, for {@code check} and {@code merge}: the field names
 * {@link JsonReportWriter} writes, every value checked for its type, and a message that says what is wrong and where.
 */
public final class JsonReportReader {

    private JsonReportReader() {}

    /** Reads a report; the message of the exception says what is wrong and where. */
    public static Report read(String json) {
        Object value = ReportJson.parse(json);
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidReportException(
                    "it is not a memprobe report: it holds a JSON " + kind(value) + ", not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) map;
        Object version = root.get("schemaVersion");
        if (version == null) {
            throw new InvalidReportException("it has no schemaVersion: it is not a memprobe report");
        }
        if (!(version instanceof Number)) {
            throw new InvalidReportException(
                    "its schemaVersion should be a whole number but is " + ReportJson.show(version));
        }
        if (!Long.valueOf(Report.SCHEMA_VERSION).equals(version)) {
            throw new InvalidReportException("its schemaVersion is " + version + " but this memprobe reads version "
                    + Report.SCHEMA_VERSION + "; make it again with this memprobe version");
        }
        return fromTree(new JsonFields(root, ""));
    }

    private static String kind(Object value) {
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return value == null ? "null" : "number";
    }

    private static Report fromTree(JsonFields root) {
        List<Report.CulpritEntry> culprits = new ArrayList<>();
        for (JsonFields c : root.nodes("culprits")) {
            culprits.add(new Report.CulpritEntry(
                    c.required("kind"),
                    c.strings("classes"),
                    c.string("victim"),
                    c.strings("polluters"),
                    c.longs("retainedBytes"),
                    c.string("cause"),
                    c.flag("memory"),
                    c.integer("exitCode"),
                    c.string("method"),
                    c.strings("evidence"),
                    c.smallNumber("reproduced"),
                    c.smallNumber("attempts"),
                    c.integers("probes"),
                    c.strings("advice"),
                    RetainersJson.read(c)));
        }
        List<Report.FindingEntry> findings = new ArrayList<>();
        for (JsonFields f : root.nodes("findings")) {
            findings.add(new Report.FindingEntry(f.required("kind"), f.required("message"), f.strings("classes")));
        }
        List<Report.ClassEntry> classes = new ArrayList<>();
        for (JsonFields c : root.nodes("classes")) {
            Report.Own own = null;
            if (c.has("own")) {
                JsonFields o = c.node("own");
                own = new Report.Own(
                        o.number("keptBytes"),
                        o.string("kept"),
                        o.number("neededBytes"),
                        o.string("needed"),
                        o.number("allocatedBytes"),
                        o.number("threadsGrowth"),
                        o.number("directGrowthBytes"),
                        o.number("metaspaceGrowthBytes"),
                        o.number("classesLoadedGrowth"),
                        o.string("note"));
            }
            List<Report.MethodEntry> methods = new ArrayList<>();
            for (JsonFields e : c.nodes("methods")) {
                methods.add(
                        new Report.MethodEntry(e.required("name"), e.number("allocatedBytes"), e.number("keptBytes")));
            }
            classes.add(new Report.ClassEntry(
                    c.required("name"),
                    c.string("outcome"),
                    c.smallNumber("tests"),
                    c.smallNumber("failures"),
                    c.smallNumber("errors"),
                    c.smallNumber("skipped"),
                    c.number("durationMs"),
                    c.number("heapPeakBytes"),
                    c.number("liveHeapPeakBytes"),
                    c.number("liveHeapMinBytes"),
                    c.number("retainedBytes"),
                    c.number("heapEndBytes"),
                    c.number("rssPeakBytes"),
                    c.number("directPeakBytes"),
                    c.number("metaspacePeakBytes"),
                    c.number("threadsPeak"),
                    c.number("allocatedBytes"),
                    c.number("gcCount"),
                    c.smallNumber("probe"),
                    c.string("problem"),
                    c.string("fork"),
                    own,
                    methods));
        }
        List<Report.ProbeEntry> probes = new ArrayList<>();
        for (JsonFields p : root.nodes("probes")) {
            probes.add(new Report.ProbeEntry(
                    p.smallNumber("id"),
                    p.string("purpose"),
                    p.strings("classes"),
                    p.string("outcome"),
                    p.string("cause"),
                    p.integer("exitCode"),
                    p.string("inFlight"),
                    p.string("method"),
                    p.string("evidence"),
                    p.number("wallMs"),
                    p.number("setupMs"),
                    p.number("bootMs"),
                    p.strings("notes"),
                    p.flag("recorded")));
        }
        List<Report.RankEntry> ranking = new ArrayList<>();
        for (JsonFields e : root.nodes("ranking")) {
            ranking.add(new Report.RankEntry(e.required("name"), e.number("retainedBytes")));
        }
        JsonFields s = root.node("settings");
        Report.Settings settings = new Report.Settings(
                s.number("maxHeapBytes"),
                s.number("memoryLimitBytes"),
                s.number("forkTimeoutMs"),
                s.string("strategy"),
                s.smallNumber("batchSize"),
                s.flag("failFast"),
                s.smallNumber("confirmRuns"),
                s.smallNumber("maxProbes"),
                s.smallNumber("parallelProbes"),
                s.string("testFile"),
                s.string("shard"),
                s.string("argLine"),
                s.string("runOrder"),
                s.number("runnerMemoryBytes"),
                s.flag("exactRetained"),
                s.flag("stopOnGcOverhead"));
        JsonFields e = root.node("environment");
        Report.EnvironmentInfo environment = new Report.EnvironmentInfo(
                e.string("mavenJdk"),
                e.string("forkJdk"),
                e.string("os"),
                e.smallNumber("cores"),
                e.number("machineMemoryBytes"),
                e.number("containerMemoryLimitBytes"),
                e.string("cgroup"),
                e.number("defaultMaxHeapBytes"),
                e.string("surefireVersion"),
                e.string("mavenVersion"),
                e.string("forkProvider"));
        JsonFields t = root.node("totals");
        Report.Totals totals = new Report.Totals(
                t.smallNumber("classesInSet"),
                t.smallNumber("classesRun"),
                t.smallNumber("probes"),
                t.number("forkMs"),
                t.number("wallMs"));
        return new Report(
                root.smallNumber("schemaVersion"),
                root.node("tool").string("version"),
                root.string("generatedAt"),
                root.string("project"),
                root.required("verdict"),
                root.string("summary"),
                culprits,
                findings,
                classes,
                probes,
                ranking,
                settings,
                environment,
                totals);
    }
}
