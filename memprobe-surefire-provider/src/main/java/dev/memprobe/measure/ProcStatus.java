package dev.memprobe.measure;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Resident memory of this JVM from {@code /proc/self}: the current RSS ({@code VmRSS}) and its high-water mark
 * ({@code VmHWM}), which Linux lets a process reset by writing {@code 5} to {@code /proc/self/clear_refs}. Elsewhere
 * every reading is {@code -1} ("not measured").
 */
public final class ProcStatus {

    private static final File STATUS = new File("/proc/self/status");
    private static final File CLEAR_REFS = new File("/proc/self/clear_refs");

    private final byte[] buffer = new byte[8192];
    private final boolean available;

    public ProcStatus() {
        this.available = STATUS.canRead();
    }

    /** Whether {@code /proc/self/status} can be read here. */
    public boolean available() {
        return available;
    }

    /** Resets the RSS high-water mark; false where the kernel does not allow it. */
    public boolean resetPeak() {
        if (!available) {
            return false;
        }
        try (OutputStream out = new FileOutputStream(CLEAR_REFS)) {
            out.write('5');
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Current resident set size in bytes, or -1. */
    public synchronized long rss() {
        return read("VmRSS:");
    }

    /** Resident set high-water mark in bytes since the last reset (or the start), or -1. */
    public synchronized long rssPeak() {
        return read("VmHWM:");
    }

    private long read(String field) {
        if (!available) {
            return -1;
        }
        int length;
        try (InputStream in = new FileInputStream(STATUS)) {
            length = 0;
            int n;
            while (length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
            }
        } catch (IOException e) {
            return -1;
        }
        return parseKilobytes(buffer, length, field);
    }

    /** Finds {@code field} (e.g. {@code VmRSS:}) in status text and returns its value in bytes, or -1. */
    static long parseKilobytes(byte[] text, int length, String field) {
        outer:
        for (int i = 0; i + field.length() <= length; i++) {
            if (i > 0 && text[i - 1] != '\n') {
                continue;
            }
            for (int j = 0; j < field.length(); j++) {
                if (text[i + j] != field.charAt(j)) {
                    continue outer;
                }
            }
            long value = 0;
            boolean digits = false;
            for (int k = i + field.length(); k < length && text[k] != '\n'; k++) {
                byte b = text[k];
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                    digits = true;
                } else if (digits) {
                    break;
                }
            }
            return digits ? value * 1024 : -1;
        }
        return -1;
    }
}
