package dev.memprobe.maven;

import java.nio.file.Path;

/** Paths in messages, as the user finds them from a folder: {@code target/memprobe/report.html}. */
final class RelativePath {

    private RelativePath() {}

    /** {@code path} relative to {@code base} when it lies below it, else absolute. */
    static String from(Path base, Path path) {
        Path from = base.toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(from) ? from.relativize(absolute).toString() : absolute.toString();
    }
}
