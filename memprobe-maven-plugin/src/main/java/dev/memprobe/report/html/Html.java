package dev.memprobe.report.html;

import dev.memprobe.report.CharReplacer;
import dev.memprobe.report.ReportText;
import dev.memprobe.units.Numbers;
import java.util.regex.Pattern;

/**
 * Escaping and number formatting for {@code report.html}. Every string that comes from a test project (class names,
 * methods, messages, evidence, settings) goes through {@link #escape(String)} before it reaches the page, in element
 * content and in attribute values alike.
 */
final class Html {

    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z-]{0,30}");

    private Html() {}

    /**
     * Escapes text for HTML element content and for quoted attribute values (both quote characters are escaped).
     * Control characters other than tab, line feed and carriage return, which HTML does not allow, become U+FFFD.
     * {@code null} becomes the empty string.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        return CharReplacer.replace(value, ch -> switch (ch) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '\t', '\n', '\r' -> null;
            default -> ch < 0x20 || ch == 0x7f ? "\uFFFD" : null;
        });
    }

    /** A coordinate or length for SVG: at most one decimal, no exponent, {@code .} as the decimal point. */
    static String num(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return Numbers.oneDecimal(rounded);
    }

    /** A count with thousands separators: {@code 2,000}. */
    static String count(long value) {
        return Numbers.grouped(value);
    }

    /** {@code 1 class}, {@code 2,000 classes}. */
    static String plural(long value, String one, String many) {
        return count(value) + " " + (value == 1 ? one : many);
    }

    /**
     * A value from report.json's closed vocabularies (outcome, kind, verdict) as a CSS class: as it is when it is
     * lowercase letters and dashes, {@code other} otherwise, so that no value can break out of the attribute.
     */
    static String token(String value) {
        return value != null && TOKEN.matcher(value).matches() ? value : "other";
    }

    /**
     * A name (class, method), escaped, that may wrap only between the words of an identifier: after punctuation (a
     * dot, {@code $}, {@code #}, {@code _}, a quote, ...), and before the capital that starts a word
     * ({@code Catalog|Import|Test}), never inside one.
     */
    static String wrappable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length() + 16);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) {
                out.append("<wbr>");
            }
            out.append(escape(String.valueOf(c)));
            if (i + 1 < name.length()
                    && breaksAfter(c)
                    && !breaksAfter(name.charAt(i + 1))
                    && !Character.isWhitespace(name.charAt(i + 1))) {
                out.append("<wbr>");
            }
        }
        return out.toString();
    }

    /** Whether a name may wrap after {@code c}: punctuation between its words ({@code .}, {@code $}, {@code _}, ...). */
    private static boolean breaksAfter(char c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c != '<' && c != '&';
    }

    /** A percentage of {@code total} for an SVG coordinate ({@code 37.5%}), within 0 and 100. */
    static String percent(double part, double total) {
        double share = total <= 0 ? 0 : Math.max(0, Math.min(100, 100 * part / total));
        return num(share) + "%";
    }

    /** The part of a class name after the last dot, escaped, wrapping only between its words. */
    static String simpleName(String className) {
        return wrappable(ReportText.simple(className));
    }
}
