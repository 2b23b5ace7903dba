package dev.memprobe.check;

import java.util.regex.Pattern;

/**
 * A glob on fully qualified test class names, as budgets use them:
 *
 * <ul>
 *   <li>{@code *} matches any run of characters within one name segment (no {@code .});
 *   <li>{@code **} matches any run of characters, dots included; {@code **.} at the start also matches no package;
 *   <li>{@code ?} matches one character other than {@code .};
 *   <li>a pattern without a dot matches the simple name: {@code *ImportTest} is any class named so, in any package;
 *   <li>Surefire's file form is accepted too: {@code **}{@code /*ImportTest.java} is {@code **.*ImportTest}.
 * </ul>
 *
 * Matching is case-sensitive, like class names. A nested class's name ({@code Outer$Inner}) is one segment.
 */
public final class ClassPattern {

    private final String text;
    private final Pattern regex;

    private ClassPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException when the pattern is empty or has characters no class name has
     */
    public static ClassPattern of(String text) {
        String glob = text == null ? "" : text.trim();
        if (glob.endsWith(".java") || glob.endsWith(".class")) {
            glob = glob.substring(0, glob.lastIndexOf('.'));
        }
        glob = glob.replace('/', '.');
        if (glob.isEmpty()) {
            throw new IllegalArgumentException(
                    "an empty class pattern: write a class name or a glob such as" + " com.acme.*ImportTest or *IT");
        }
        if (!glob.matches("[\\p{L}\\p{N}_$.*?]+")) {
            throw new IllegalArgumentException("the class pattern '" + text + "' has characters no class name has:"
                    + " use letters, digits, _, $, dots and the wildcards *, ** and ?");
        }
        boolean simpleName = glob.indexOf('.') < 0 && !glob.contains("**");
        StringBuilder regex = new StringBuilder(simpleName ? "(?:.*\\.)?" : "");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean leadingPackage = i == 0 && i + 2 < glob.length() && glob.charAt(i + 2) == '.';
                regex.append(leadingPackage ? "(?:.*\\.)?" : ".*");
                i += leadingPackage ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new ClassPattern(text.trim(), Pattern.compile(regex.toString()));
    }

    public boolean matches(String className) {
        return regex.matcher(className).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
