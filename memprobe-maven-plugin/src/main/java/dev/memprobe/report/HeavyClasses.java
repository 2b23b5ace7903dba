package dev.memprobe.report;

import dev.memprobe.units.Size;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code heavy-classes.txt}: the classes to keep out of a fast job, every memory culprit's classes, one Surefire
 * pattern a line, usable as {@code excludesFile} (fast job) and {@code includesFile} (heavy job). Each pattern follows
 * a comment with the class's own figures (Surefire skips lines that start with {@code #}), heaviest first.
 */
public final class HeavyClasses {

    private HeavyClasses() {}

    public static void write(Report report, Writer out) throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        for (Report.CulpritEntry c : report.culprits()) {
            if (c.memory()) {
                classes.addAll(c.classes());
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("# Test classes memprobe found to kill a fork (")
                .append(report.verdict())
                .append(").\n");
        text.append("# Use as Surefire's <excludesFile> in the fast job and <includesFile> in a job of its own.\n");
        Map<String, Report.ClassEntry> entries = new HashMap<>();
        report.classes().forEach(c -> entries.putIfAbsent(c.name(), c));
        List<String> ordered = new ArrayList<>(classes);
        ordered.sort(Comparator.comparingLong((String name) ->
                        entries.containsKey(name) ? entries.get(name).ownHeapBytes() : -1)
                .reversed());
        for (String name : ordered) {
            Report.ClassEntry c = entries.get(name);
            if (c != null && c.own() != null) {
                text.append("# ")
                        .append(ReportText.simple(name))
                        .append(": kept ")
                        .append(OwnText.kept(c.own()))
                        .append(", needed ")
                        .append(OwnText.needed(c.own()))
                        .append(", allocated ")
                        .append(Size.format(c.own().allocatedBytes()))
                        .append('\n');
            }
            text.append(name.replace('.', '/')).append(".java\n");
        }
        out.write(text.toString());
    }
}
