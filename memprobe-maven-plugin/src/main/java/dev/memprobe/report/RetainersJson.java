package dev.memprobe.report;

import dev.memprobe.retain.Retainers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A culprit's {@code retainers} in {@code report.json}: {@link Retainers} as JSON and back, for
 * {@link JsonReportWriter} and {@link JsonReportReader} (see {@code docs/report-schema.md}).
 */
final class RetainersJson {

    private RetainersJson() {}

    static List<Object> toTree(List<Retainers> all) {
        List<Object> list = new ArrayList<>();
        for (Retainers r : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", r.className());
            m.put("role", r.role());
            m.put("dump", r.dump() == null ? null : dump(r.dump()));
            List<Object> paths = new ArrayList<>();
            for (Retainers.Path p : r.paths()) {
                Map<String, Object> path = new LinkedHashMap<>();
                path.put("key", p.key());
                path.put("kind", p.kind());
                path.put("roots", p.roots());
                List<Object> hops = new ArrayList<>();
                for (Retainers.Hop hop : p.hops()) {
                    hops.add(map("type", hop.type(), "field", hop.field(), "entries", measured(hop.entries())));
                }
                path.put("hops", hops);
                path.put(
                        "holds",
                        map(
                                "count",
                                p.holds().count(),
                                "type",
                                p.holds().type(),
                                "bytes",
                                p.holds().bytes()));
                path.put("retainedBytes", p.retainedBytes());
                path.put("grownBytes", p.grownBytes());
                path.put("share", Math.round(p.share() * 1000) / 1000.0);
                path.put("text", p.text());
                paths.add(path);
            }
            m.put("paths", paths);
            List<Object> threads = new ArrayList<>();
            for (Retainers.Threads t : r.threads()) {
                threads.add(map(
                        "pattern", t.pattern(),
                        "names", t.names(),
                        "count", t.count(),
                        "daemon", t.daemon(),
                        "runs", t.runs(),
                        "startedBy", t.startedBy(),
                        "retainedBytes", measured(t.retainedBytes())));
            }
            m.put("threads", threads);
            List<Object> loaders = new ArrayList<>();
            for (Retainers.Loaders l : r.classLoaders()) {
                loaders.add(map(
                        "type", l.type(),
                        "name", l.name(),
                        "count", l.count(),
                        "classes", l.classes(),
                        "retainedBytes", l.retainedBytes(),
                        "pinnedBy", l.pinnedBy()));
            }
            m.put("classLoaders", loaders);
            List<Object> buffers = new ArrayList<>();
            for (Retainers.Buffers b : r.directBuffers()) {
                buffers.add(map(
                        "owner", b.owner(), "count", b.count(), "capacityBytes", b.capacityBytes(), "text", b.text()));
            }
            m.put("directBuffers", buffers);
            m.put("skipped", r.skipped());
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> dump(Retainers.Dump d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", d.phase());
        m.put("baseline", d.baseline());
        m.put("file", d.file());
        m.put("bytes", measured(d.bytes()));
        m.put("dumpMillis", measured(d.dumpMillis()));
        m.put("analysisMillis", measured(d.analysisMillis()));
        m.put("objects", measured(d.objects()));
        m.put("liveBytes", measured(d.liveBytes()));
        m.put("keptBytes", measured(d.keptBytes()));
        m.put("deleted", d.deleted());
        return m;
    }

    static List<Retainers> read(JsonFields culprit) {
        List<Retainers> all = new ArrayList<>();
        for (JsonFields r : culprit.nodes("retainers")) {
            List<Retainers.Path> paths = new ArrayList<>();
            for (JsonFields p : r.nodes("paths")) {
                List<Retainers.Hop> hops = new ArrayList<>();
                for (JsonFields hop : p.nodes("hops")) {
                    hops.add(new Retainers.Hop(hop.string("type"), hop.string("field"), hop.number("entries")));
                }
                JsonFields holds = p.node("holds");
                paths.add(new Retainers.Path(
                        p.string("key"),
                        p.string("kind"),
                        p.smallNumber("roots"),
                        hops,
                        new Retainers.Holds(holds.number("count"), holds.string("type"), holds.number("bytes")),
                        p.number("retainedBytes"),
                        p.number("grownBytes"),
                        p.decimal("share"),
                        p.string("text")));
            }
            List<Retainers.Threads> threads = new ArrayList<>();
            for (JsonFields t : r.nodes("threads")) {
                threads.add(new Retainers.Threads(
                        t.string("pattern"),
                        t.strings("names"),
                        t.smallNumber("count"),
                        t.flag("daemon"),
                        t.string("runs"),
                        t.string("startedBy"),
                        t.number("retainedBytes")));
            }
            List<Retainers.Loaders> loaders = new ArrayList<>();
            for (JsonFields l : r.nodes("classLoaders")) {
                loaders.add(new Retainers.Loaders(
                        l.string("type"),
                        l.string("name"),
                        l.smallNumber("count"),
                        l.smallNumber("classes"),
                        l.number("retainedBytes"),
                        l.strings("pinnedBy")));
            }
            List<Retainers.Buffers> buffers = new ArrayList<>();
            for (JsonFields b : r.nodes("directBuffers")) {
                buffers.add(new Retainers.Buffers(
                        b.string("owner"), b.smallNumber("count"), b.number("capacityBytes"), b.string("text")));
            }
            all.add(new Retainers(
                    r.string("class"),
                    r.string("role"),
                    r.fields().get("dump") == null ? null : dump(r.node("dump")),
                    paths,
                    threads,
                    loaders,
                    buffers,
                    r.string("skipped")));
        }
        return all;
    }

    private static Retainers.Dump dump(JsonFields d) {
        return new Retainers.Dump(
                d.string("phase"),
                d.string("baseline"),
                d.string("file"),
                d.number("bytes"),
                d.number("dumpMillis"),
                d.number("analysisMillis"),
                d.number("objects"),
                d.number("liveBytes"),
                d.number("keptBytes"),
                d.flag("deleted"));
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
