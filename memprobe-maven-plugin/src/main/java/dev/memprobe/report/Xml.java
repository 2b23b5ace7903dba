package dev.memprobe.report;

/**
 * Escaping for the XML memprobe writes (test results in Surefire's schema): every string from the test project goes
 * through {@link #text} or {@link #attribute}, and characters XML 1.0 cannot hold become U+FFFD.
 */
public final class Xml {

    private Xml() {}

    /** Element text: {@code &}, {@code <} and {@code >} escaped; {@code null} is the empty string. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        return CharReplacer.replace(value, ch -> switch (ch) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '\t', '\n', '\r' -> null;
            default -> ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF ? "\uFFFD" : null;
        });
    }

    /** An attribute value in double quotes: as {@link #text}, and quotes and line breaks as character references. */
    public static String attribute(String value) {
        return text(value)
                .replace("\"", "&quot;")
                .replace("\n", "&#10;")
                .replace("\r", "&#13;")
                .replace("\t", "&#9;");
    }
}
