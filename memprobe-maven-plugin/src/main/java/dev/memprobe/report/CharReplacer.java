package dev.memprobe.report;

/**
 * Replaces single characters of a text, copying it only once a character is replaced: what the escapers of the
 * console lines ({@link ConsoleLine}) and of {@code report.html} have in common.
 */
public final class CharReplacer {

    /** What a character becomes, or {@code null} to keep it. */
    public interface Replacement {
        String of(char ch);
    }

    private CharReplacer() {}

    /** {@code value} with each character replaced as {@code replacement} says; {@code value} itself when none is. */
    public static String replace(String value, Replacement replacement) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            String replaced = replacement.of(ch);
            if (replaced != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (replaced != null) {
                    out.append(replaced);
                } else {
                    out.append(ch);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
