package dev.memprobe.units;

/**
 * Numbers as the reports show them, without {@link String#format}: a formatter parses its pattern and looks up the
 * locale's symbols on every call, microseconds each, and a report of a few hundred classes formats thousands of
 * numbers (its HTML page took 0.2 s at 800 classes, most of it in {@code String.format}).
 */
public final class Numbers {

    private Numbers() {}

    /**
     * {@code value} with exactly one decimal and {@code .} as the decimal point ({@code 12.3}, {@code -0.5}), rounded
     * half up to tenths: what {@code String.format(Locale.ROOT, "%.1f", value)} shows for a value already rounded to
     * tenths, except that a value that rounds to zero is {@code 0.0}, never {@code -0.0}.
     */
    public static String oneDecimal(double value) {
        return tenths(Math.round(value * 10));
    }

    /** A count of tenths with one decimal: {@code 123} is {@code 12.3}, {@code -5} is {@code -0.5}. */
    public static String tenths(long tenths) {
        StringBuilder text = new StringBuilder(12);
        if (tenths < 0) {
            text.append('-');
            tenths = -tenths;
        }
        return text.append(tenths / 10).append('.').append(tenths % 10).toString();
    }

    /** {@code value} with a comma between groups of three digits ({@code 2,000}), as {@code %,d} in the root locale. */
    public static String grouped(long value) {
        String digits = Long.toString(value);
        int start = value < 0 ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) {
            return digits;
        }
        StringBuilder text = new StringBuilder(digits.length() + length / 3);
        text.append(digits, 0, start);
        int first = length % 3 == 0 ? 3 : length % 3;
        text.append(digits, start, start + first);
        for (int i = start + first; i < digits.length(); i += 3) {
            text.append(',').append(digits, i, i + 3);
        }
        return text.toString();
    }
}
