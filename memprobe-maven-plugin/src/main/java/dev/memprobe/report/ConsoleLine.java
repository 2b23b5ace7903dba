package dev.memprobe.report;

/**
 * Text for one line of Maven's console. Test names come from the project and may hold line breaks (a JUnit Platform
 * engine reports free-text names, as Spock, Cucumber or Kotlin tests have): printed as they are, the part after a
 * break would start a line of its own, without Maven's {@code [INFO]} prefix, where CI reads it as its own (a line
 * starting with {@code ::error} is a GitHub Actions workflow command). Control characters, terminal escapes
 * included, are written as Java escapes instead.
 */
public final class ConsoleLine {

    private ConsoleLine() {}

    /**
     * {@code value} with CR, LF and every other control character (C0 but tab, DEL, C1) and the Unicode line and
     * paragraph separators written as {@code \n}, {@code \r} or {@code \}{@code uXXXX}; {@code null} stays
     * {@code null}.
     */
    public static String of(String value) {
        if (value == null) {
            return null;
        }
        return CharReplacer.replace(
                value,
                ch -> ch == '\n'
                        ? "\\n"
                        : ch == '\r'
                                ? "\\r"
                                : (ch < 0x20 && ch != '\t')
                                                || (ch >= 0x7f && ch <= 0x9f)
                                                || ch == 0x2028
                                                || ch == 0x2029
                                        ? String.format("\\u%04x", (int) ch)
                                        : null);
    }
}
