package dev.memprobe.report;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code heavy-classes.txt}: the classes to keep out of a fast job, every memory culprit's classes, one Surefire
 * pattern a line, usable as {@code excludesFile} (fast job) and {@code includesFile} (heavy job).
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
        for (String name : classes) {
            text.append(name.replace('.', '/')).append(".java\n");
        }
        out.write(text.toString());
    }
}
