package dev.memprobe.units;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as a Maven user writes them: {@code 600} (seconds), {@code 90s}, {@code 10m}, {@code 1h}. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {}

    /**
     * Parses a positive duration.
     *
     * @throws IllegalArgumentException with a message that names the parameter, the value and the fix
     */
    public static Duration parse(String name, String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        String how = "write seconds (600) or a number with a unit ms, s, m or h (e.g. 90s, 10m)";
        if (text.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty: " + how);
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + "=" + value + " is not a duration: " + how);
        }
        try {
            long number = Long.parseLong(m.group(1));
            if (number == 0) {
                throw new IllegalArgumentException(name + "=" + value + " must be more than zero (e.g. 90s, 10m)");
            }
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration duration = switch (unit) {
                case "ms" -> Duration.ofMillis(number);
                case "m" -> Duration.ofMinutes(number);
                case "h" -> Duration.ofHours(number);
                default -> Duration.ofSeconds(number);
            };
            duration.toMillis(); // callers work in milliseconds: it must fit
            return duration;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + "=" + value + " is too long");
        }
    }

    /** {@code 1.5 s}, {@code 12 ms}, {@code 2 min 5 s}; {@code n/a} for a negative value ("not measured"). */
    public static String format(long millis) {
        if (millis < 0) {
            return "n/a";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 59_950) { // from there, one decimal would round up to "60.0 s"
            return Numbers.tenths((millis + 50) / 100) + " s"; // half up, as %.1f
        }
        long seconds = Math.round(millis / 1000.0);
        return (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
