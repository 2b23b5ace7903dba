package dev.memprobe.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.json}: a {@link Report} as indented JSON with a stable field order, through Jackson
 * ({@link ReportJson}). The field names are the
 * contract documented in {@code docs/report-schema.md}; {@link JsonReportReader} reads them back.
 */
public final class JsonReportWriter {

    private JsonReportWriter() {}

    public static void write(Report report, Writer out) throws IOException {
        ReportJson.write(toTree(report), out);
        out.write('\n');
    }

    private static Map<String, Object> toTree(Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", r.schemaVersion());
        root.put("tool", map("name", "memprobe", "version", r.toolVersion()));
        root.put("generatedAt", r.generatedAt());
        root.put("project", r.project());
        root.put("verdict", r.verdict());
        root.put("summary", r.summary());
        List<Object> culprits = new ArrayList<>();
        for (Report.CulpritEntry c : r.culprits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", c.kind());
            m.put("classes", c.classes());
            m.put("victim", c.victim());
            m.put("polluters", c.polluters());
            m.put("retainedBytes", c.retainedBytes());
            m.put("cause", c.cause());
            m.put("memory", c.memory());
            m.put("exitCode", c.exitCode());
            m.put("method", c.method());
            m.put("evidence", c.evidence());
            m.put("reproduced", c.reproduced());
            m.put("attempts", c.attempts());
            m.put("probes", c.probes());
            m.put("advice", c.advice());
            m.put("retainers", RetainersJson.toTree(c.retainers()));
            culprits.add(m);
        }
        root.put("culprits", culprits);
        List<Object> findings = new ArrayList<>();
        for (Report.FindingEntry f : r.findings()) {
            findings.add(map("kind", f.kind(), "message", f.message(), "classes", f.classes()));
        }
        root.put("findings", findings);
        List<Object> classes = new ArrayList<>();
        for (Report.ClassEntry c : r.classes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("outcome", c.outcome());
            m.put("tests", c.tests());
            m.put("failures", c.failures());
            m.put("errors", c.errors());
            m.put("skipped", c.skipped());
            m.put("durationMs", measured(c.durationMs()));
            m.put("heapPeakBytes", measured(c.heapPeakBytes()));
            m.put("liveHeapPeakBytes", measured(c.liveHeapPeakBytes()));
            m.put("liveHeapMinBytes", measured(c.liveHeapMinBytes()));
            m.put("retainedBytes", measured(c.retainedBytes()));
            m.put("heapEndBytes", measured(c.heapEndBytes()));
            m.put("rssPeakBytes", measured(c.rssPeakBytes()));
            m.put("directPeakBytes", measured(c.directPeakBytes()));
            m.put("metaspacePeakBytes", measured(c.metaspacePeakBytes()));
            m.put("threadsPeak", measured(c.threadsPeak()));
            m.put("allocatedBytes", measured(c.allocatedBytes()));
            m.put("gcCount", measured(c.gcCount()));
            m.put("probe", c.probe());
            m.put("problem", c.problem());
            if (c.fork() != null) {
                m.put("fork", c.fork());
            }
            if (c.own() != null) {
                m.put("own", own(c.own()));
            }
            if (!c.methods().isEmpty()) {
                List<Object> methods = new ArrayList<>();
                for (Report.MethodEntry e : c.methods()) {
                    methods.add(map(
                            "name",
                            e.name(),
                            "allocatedBytes",
                            measured(e.allocatedBytes()),
                            "keptBytes",
                            measured(e.keptBytes())));
                }
                m.put("methods", methods);
            }
            classes.add(m);
        }
        root.put("classes", classes);
        List<Object> probes = new ArrayList<>();
        for (Report.ProbeEntry p : r.probes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("purpose", p.purpose());
            m.put("classes", p.classes());
            m.put("outcome", p.outcome());
            m.put("cause", p.cause());
            m.put("exitCode", p.exitCode());
            m.put("inFlight", p.inFlight());
            m.put("method", p.method());
            m.put("evidence", p.evidence());
            m.put("wallMs", p.wallMs());
            m.put("setupMs", measured(p.setupMs()));
            m.put("bootMs", measured(p.bootMs()));
            m.put("notes", p.notes());
            if (p.recorded()) {
                m.put("recorded", true);
            }
            probes.add(m);
        }
        root.put("probes", probes);
        List<Object> ranking = new ArrayList<>();
        for (Report.RankEntry e : r.ranking()) {
            ranking.add(map("name", e.name(), "retainedBytes", e.retainedBytes()));
        }
        root.put("ranking", ranking);
        Report.Settings s = r.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("maxHeapBytes", measured(s.maxHeapBytes()));
        settings.put("memoryLimitBytes", measured(s.memoryLimitBytes()));
        settings.put("forkTimeoutMs", measured(s.forkTimeoutMs()));
        settings.put("strategy", s.strategy());
        settings.put("batchSize", s.batchSize());
        settings.put("failFast", s.failFast());
        settings.put("confirmRuns", s.confirmRuns());
        settings.put("maxProbes", s.maxProbes());
        settings.put("parallelProbes", s.parallelProbes());
        settings.put("testFile", s.testFile());
        settings.put("shard", s.shard());
        settings.put("argLine", s.argLine());
        settings.put("runOrder", s.runOrder());
        settings.put("runnerMemoryBytes", measured(s.runnerMemoryBytes()));
        settings.put("exactRetained", s.exactRetained());
        settings.put("stopOnGcOverhead", s.stopOnGcOverhead());
        root.put("settings", settings);
        root.put("forkPlan", ForkPlan.of(r).map(JsonReportWriter::forkPlan).orElse(null));
        Report.EnvironmentInfo e = r.environment();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("mavenJdk", e.mavenJdk());
        env.put("forkJdk", e.forkJdk());
        env.put("os", e.os());
        env.put("cores", e.cores());
        env.put("machineMemoryBytes", measured(e.machineMemoryBytes()));
        env.put("containerMemoryLimitBytes", measured(e.containerMemoryLimitBytes()));
        env.put("cgroup", e.cgroup());
        env.put("defaultMaxHeapBytes", measured(e.defaultMaxHeapBytes()));
        env.put("surefireVersion", e.surefireVersion());
        env.put("mavenVersion", e.mavenVersion());
        if (e.forkProvider() != null) {
            env.put("forkProvider", e.forkProvider());
        }
        root.put("environment", env);
        Report.Totals t = r.totals();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("classesInSet", t.classesInSet());
        totals.put("classesRun", t.classesRun());
        totals.put("probes", t.probes());
        totals.put("forkMs", t.forkMs());
        totals.put("wallMs", t.wallMs());
        root.put("totals", totals);
        return root;
    }

    private static Map<String, Object> forkPlan(ForkPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runnerMemoryBytes", plan.runnerMemoryBytes());
        m.put("classes", plan.classes());
        m.put("maxHeapBytes", plan.maxHeapBytes());
        m.put("perForkBytes", plan.perForkBytes());
        m.put("forkCount", plan.forkCount());
        m.put("heavyClasses", plan.heavyClasses());
        m.put("heavyMaxHeapBytes", measured(plan.heavyMaxHeapBytes()));
        m.put("notes", plan.notes());
        return m;
    }

    /** A class's own figures: {@code classes[].own}. */
    private static Map<String, Object> own(Report.Own o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keptBytes", measured(o.keptBytes()));
        m.put("kept", o.keptBasis());
        m.put("neededBytes", measured(o.neededBytes()));
        m.put("needed", o.neededBasis());
        m.put("allocatedBytes", measured(o.allocatedBytes()));
        m.put("threadsGrowth", measured(o.threadsGrowth()));
        m.put("directGrowthBytes", measured(o.directGrowthBytes()));
        m.put("metaspaceGrowthBytes", measured(o.metaspaceGrowthBytes()));
        m.put("classesLoadedGrowth", measured(o.classesLoadedGrowth()));
        m.put("note", o.note());
        return m;
    }

    private static Long measured(long value) {
        return value < 0 ? null : value;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
