package dev.memprobe.units;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes written the way the JVM takes them: {@code 256m}, {@code 2g}, {@code 512k}, {@code 1048576}. */
public final class Size {

    private static final Pattern FORM = Pattern.compile("(\\d+)([kKmMgGtT]?)[bB]?");

    private Size() {}

    /**
     * Parses a size in bytes.
     *
     * @param name the parameter the value came from, for the message
     * @throws IllegalArgumentException with a message that names the parameter, the value and the fix
     */
    public static long parse(String name, String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty: write a size like a JVM size (e.g. 256m, 2g)");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + "=" + value + " is not a size: write it like a JVM size,"
                    + " a whole number with an optional unit k, m, g or t (e.g. 256m, 2g)");
        }
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is too large");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (number == 0) {
            throw new IllegalArgumentException(name + "=" + value + " must be more than zero (e.g. 256m, 2g)");
        }
        if (Long.numberOfLeadingZeros(number) <= shift) {
            throw new IllegalArgumentException(name + "=" + value + " is too large");
        }
        return number << shift;
    }

    /** A size for people: {@code 612 MiB}, {@code 1.5 GiB}, {@code 900 KiB}, {@code 12 B}. */
    public static String format(long bytes) {
        if (bytes < 0) {
            return "n/a";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        // rounded as shown (whole from 100, tenths below), so that 1023.97 KiB reads 1 MiB, not 1024 KiB
        double shown = value >= 99.95 ? Math.round(value) : Math.round(value * 10) / 10.0;
        if (shown >= 1024 && unit < units.length - 1) {
            shown = 1;
            unit++;
        }
        if (shown == Math.rint(shown)) {
            return Math.round(shown) + " " + units[unit];
        }
        return Numbers.oneDecimal(shown) + " " + units[unit];
    }

    /** A size as a JVM option value: {@code 256m}, {@code 2g}, or bytes when not a whole number of MiB. */
    public static String toJvm(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "g";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "m";
        }
        if (bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "k";
        }
        return Long.toString(bytes);
    }
}
