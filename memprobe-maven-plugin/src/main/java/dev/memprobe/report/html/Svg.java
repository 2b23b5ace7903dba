package dev.memprobe.report.html;

/**
 * SVG elements for the charts of {@code report.html}, as text. Coordinates go through {@link Html#num(double)};
 * text and titles must be escaped by the caller (they usually mix escaped names with markup-free numbers).
 */
final class Svg {

    private Svg() {}

    /** {@code <line>}; {@code title} (escaped) becomes its tooltip when not null. */
    static String line(String css, double x1, double y1, double x2, double y2, String title) {
        String line = "<line class=\"" + css + "\" x1=\"" + Html.num(x1) + "\" x2=\"" + Html.num(x2) + "\" y1=\""
                + Html.num(y1) + "\" y2=\"" + Html.num(y2) + "\"";
        return title == null ? line + "/>" : line + "><title>" + title + "</title></line>";
    }

    /** {@code <text>} anchored {@code start}, {@code middle} or {@code end}; {@code css} may be null. */
    static String text(String css, double x, double y, String anchor, String escaped) {
        return "<text" + (css == null ? "" : " class=\"" + css + "\"") + " x=\"" + Html.num(x) + "\" y=\""
                + Html.num(y) + "\"" + ("start".equals(anchor) ? "" : " text-anchor=\"" + anchor + "\"") + ">"
                + escaped + "</text>";
    }

    static String rect(String css, double x, double y, double width, double height) {
        return "<rect class=\"" + css + "\" x=\"" + Html.num(x) + "\" y=\"" + Html.num(y) + "\" width=\""
                + Html.num(width) + "\" height=\"" + Html.num(height) + "\"/>";
    }

    /** {@code <path>} with the given path data. */
    static String path(String css, CharSequence d) {
        return "<path class=\"" + css + "\" d=\"" + d + "\"/>";
    }
}
