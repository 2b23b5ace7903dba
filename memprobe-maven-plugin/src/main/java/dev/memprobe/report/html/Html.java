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

    /** A class name, escaped, that may wrap after each dot (and only there) in a narrow column. */
    static String wrappable(String className) {
        return escape(className).replace(".", ".<wbr>");
    }

    /** The part of a class name after the last dot, escaped. */
    static String simpleName(String className) {
        return escape(ReportText.simple(className));
    }
}
