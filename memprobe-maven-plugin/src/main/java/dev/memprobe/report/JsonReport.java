package dev.memprobe.report;

import dev.memprobe.journal.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: writes a {@link Report} as indented JSON with a stable field order, and reads one back for
 * {@code check} and {@code merge}. The field names are the contract documented in {@code docs/report-schema.md}.
 */
public final class JsonReport {

    private JsonReport() {}

    public static void write(Report report, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        pretty(toTree(report), text, "");
        text.append('\n');
        out.write(text.toString());
    }

    /** Reads a report; the message of the exception says what is wrong and where. */
    public static Report read(String json) {
        Object value;
        try {
            value = Json.parse(json);
        } catch (Json.JsonException e) {
            throw new InvalidReportException("it is not valid JSON: " + e.getMessage());
        }
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
                    "its schemaVersion should be a whole number but is " + Json.write(version));
        }
        if (!Long.valueOf(Report.SCHEMA_VERSION).equals(version)) {
            throw new InvalidReportException("its schemaVersion is " + version + " but this memprobe reads version "
                    + Report.SCHEMA_VERSION + "; make it again with this memprobe version");
        }
        return fromTree(new Node(root, ""));
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

    /** A report file that cannot be used; the message completes "The report ... cannot be used: ". */
    public static final class InvalidReportException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidReportException(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ writing

    static Map<String, Object> toTree(Report r) {
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
        root.put("settings", settings);
        root.put("forkPlan", ForkPlan.of(r).map(JsonReport::forkPlan).orElse(null));
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

    private static void pretty(Object value, StringBuilder out, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(indent).append("  ");
                Json.quote(String.valueOf(e.getKey()), out);
                out.append(": ");
                pretty(e.getValue(), out, indent + "  ");
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            boolean simple = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
            if (simple) {
                Json.write(list, out);
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent).append("  ");
                pretty(list.get(i), out, indent + "  ");
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            Json.write(value, out);
        }
    }

    // ------------------------------------------------------------------ reading

    private static Report fromTree(Node root) {
        List<Report.CulpritEntry> culprits = new ArrayList<>();
        for (Node c : root.nodes("culprits")) {
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
                    c.strings("advice")));
        }
        List<Report.FindingEntry> findings = new ArrayList<>();
        for (Node f : root.nodes("findings")) {
            findings.add(new Report.FindingEntry(f.required("kind"), f.required("message"), f.strings("classes")));
        }
        List<Report.ClassEntry> classes = new ArrayList<>();
        for (Node c : root.nodes("classes")) {
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
                    c.string("problem")));
        }
        List<Report.ProbeEntry> probes = new ArrayList<>();
        for (Node p : root.nodes("probes")) {
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
                    p.strings("notes")));
        }
        List<Report.RankEntry> ranking = new ArrayList<>();
        for (Node e : root.nodes("ranking")) {
            ranking.add(new Report.RankEntry(e.required("name"), e.number("retainedBytes")));
        }
        Node s = root.node("settings");
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
                s.flag("exactRetained"));
        Node e = root.node("environment");
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
                e.string("mavenVersion"));
        Node t = root.node("totals");
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

    /** A JSON object being read, with the path for messages; every accessor rejects a value of the wrong type. */
    private record Node(Map<String, Object> fields, String path) {

        String string(String key) {
            Object v = fields.get(key);
            if (v != null && !(v instanceof String)) {
                throw wrongType(key, "a string", v);
            }
            return (String) v;
        }

        String required(String key) {
            if (fields.get(key) == null) {
                throw new InvalidReportException("the field " + path + key + " is missing");
            }
            return string(key);
        }

        /** A whole number; absent (null) is -1, "not measured". */
        long number(String key) {
            Object v = fields.get(key);
            return v == null ? -1 : whole(path + key, v);
        }

        int smallNumber(String key) {
            long n = number(key);
            if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
                throw new InvalidReportException("the field " + path + key + " should be a whole number up to "
                        + Integer.MAX_VALUE + " but is " + n);
            }
            return (int) n;
        }

        Integer integer(String key) {
            return fields.get(key) == null ? null : smallNumber(key);
        }

        boolean flag(String key) {
            Object v = fields.get(key);
            if (v != null && !(v instanceof Boolean)) {
                throw wrongType(key, "true or false", v);
            }
            return Boolean.TRUE.equals(v);
        }

        List<String> strings(String key) {
            List<String> result = new ArrayList<>();
            List<?> list = list(key);
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String text)) {
                    throw wrongType(key + "[" + i + "]", "a string", list.get(i));
                }
                result.add(text);
            }
            return result;
        }

        List<Integer> integers(String key) {
            List<Integer> result = new ArrayList<>();
            List<?> list = list(key);
            for (int i = 0; i < list.size(); i++) {
                long n = whole(path + key + "[" + i + "]", list.get(i));
                if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
                    throw wrongType(key + "[" + i + "]", "a whole number up to " + Integer.MAX_VALUE, n);
                }
                result.add((int) n);
            }
            return result;
        }

        Map<String, Long> longs(String key) {
            Map<String, Long> result = new LinkedHashMap<>();
            Object v = fields.get(key);
            if (v == null) {
                return result;
            }
            if (!(v instanceof Map<?, ?> map)) {
                throw wrongType(key, "an object", v);
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                result.put(String.valueOf(e.getKey()), whole(path + key + "." + e.getKey(), e.getValue()));
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        Node node(String key) {
            Object v = fields.get(key);
            if (v == null) {
                throw new InvalidReportException("the field " + path + key + " is missing");
            }
            if (!(v instanceof Map)) {
                throw wrongType(key, "an object", v);
            }
            return new Node((Map<String, Object>) v, path + key + ".");
        }

        @SuppressWarnings("unchecked")
        List<Node> nodes(String key) {
            List<Node> result = new ArrayList<>();
            List<?> list = list(key);
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map)) {
                    throw wrongType(key + "[" + i + "]", "an object", list.get(i));
                }
                result.add(new Node((Map<String, Object>) list.get(i), path + key + "[" + i + "]."));
            }
            return result;
        }

        /** A list; absent is empty. */
        private List<?> list(String key) {
            Object v = fields.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                throw wrongType(key, "a list", v);
            }
            return list;
        }

        private InvalidReportException wrongType(String key, String expected, Object actual) {
            return new InvalidReportException(
                    "the field " + path + key + " should be " + expected + " but is " + Json.write(actual));
        }

        private static long whole(String field, Object v) {
            if (!(v instanceof Long n)) {
                throw new InvalidReportException(
                        "the field " + field + " should be a whole number but is " + Json.write(v));
            }
            return n;
        }
    }
}
