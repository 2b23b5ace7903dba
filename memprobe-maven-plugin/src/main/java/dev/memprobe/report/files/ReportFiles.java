package dev.memprobe.report.files;

import dev.memprobe.report.InvalidReportException;
import dev.memprobe.report.JsonReportReader;
import dev.memprobe.report.Report;
import dev.memprobe.report.ReportContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The report files on disk. Writes every {@link ReportFormat} into the output folder, each through a temporary file
 * renamed into place: an earlier report is replaced whole or left as it was, never half-overwritten. Reads
 * {@code report.json} back and finds the ones in a folder, for {@code check} and {@code merge}.
 */
public final class ReportFiles {

    private ReportFiles() {}

    /** Writes every format, knowing nothing beside the report; returns the files in format order. */
    public static List<Path> writeAll(Report report, Path folder) throws IOException {
        return writeAll(report, ReportContext.NONE, folder);
    }

    /**
     * Writes every format, those marked for it on a thread of their own; returns the files in format order.
     *
     * @param context what the formats show beside the report: the culprits' sources, the probes' files
     */
    public static List<Path> writeAll(Report report, ReportContext context, Path folder) throws IOException {
        Files.createDirectories(folder);
        // the slowest (the HTML page) are written beside the others: the fork is gone and its cores are free
        Map<ReportFormat, CompletableFuture<Path>> beside = new EnumMap<>(ReportFormat.class);
        for (ReportFormat format : ReportFormat.values()) {
            if (format.ownThread()) {
                beside.put(format, CompletableFuture.supplyAsync(() -> {
                    try {
                        return write(format, report, context, folder);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
        }
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            CompletableFuture<Path> started = beside.get(format);
            written.add(started == null ? write(format, report, context, folder) : join(started));
        }
        return written;
    }

    private static Path write(ReportFormat format, Report report, ReportContext context, Path folder)
            throws IOException {
        return writeAtomically(folder.resolve(format.fileName()), out -> format.write(report, context, out));
    }

    private static Path join(CompletableFuture<Path> file) throws IOException {
        try {
            return file.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * Reads a {@code report.json}.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws InvalidReportException when the file is not a memprobe report this version reads
     */
    public static Report read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new InvalidReportException("it is not UTF-8 text, so not JSON");
        }
        return JsonReportReader.read(text);
    }

    /**
     * The report files named by {@code entries}: a file is taken as it is, a folder is searched (sub-folders too) for
     * files named {@code report.json}, except those inside {@code exclude} (where a merge writes its own). Each file
     * once, in the order of the entries, a folder's files sorted by path.
     *
     * @throws java.nio.file.NoSuchFileException naming the first entry that does not exist
     */
    public static List<Path> find(List<Path> entries, Path exclude) throws IOException {
        Path skip = exclude.toAbsolutePath().normalize();
        Set<Path> found = new LinkedHashSet<>();
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new NoSuchFileException(entry.toString());
            }
            if (!Files.isDirectory(entry)) {
                found.add(entry.toAbsolutePath().normalize());
                continue;
            }
            try (Stream<Path> walk = Files.walk(entry)) {
                walk.map(p -> p.toAbsolutePath().normalize())
                        .filter(p -> p.getFileName().toString().equals(ReportFormat.JSON.fileName()))
                        .filter(p -> !p.startsWith(skip))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .forEach(found::add);
            }
        }
        return List.copyOf(found);
    }

    /** Something that writes a whole file's text. */
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code file} through a temporary file in the same folder and an atomic rename. */
    public static Path writeAtomically(Path file, Content content) throws IOException {
        StringWriter text = new StringWriter();
        content.writeTo(text);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // not Files.createTempFile: that makes the file readable by its owner only (rw-------), and the rename
        // would hand those permissions to the report; a file created plainly gets the folder's usual ones
        Path temp = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(
                    temp,
                    text.toString(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return file;
    }
}
