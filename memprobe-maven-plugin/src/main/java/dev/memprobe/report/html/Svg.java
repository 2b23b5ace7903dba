package dev.memprobe.report.html;

/**
 * SVG elements for the charts of {@code report.html}, as text. Coordinates go through {@link Html#num(double)}, or
 * are percentages of the SVG's width (labels then keep the page's font size however wide the chart is);
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

    /** {@code <text>} at coordinates given as they are ({@code 37.5%}, {@code 13}): a label that keeps its size. */
    static String text(String css, String x, String y, String anchor, String escaped) {
        return "<text" + (css == null ? "" : " class=\"" + css + "\"") + " x=\"" + x + "\" y=\"" + y + "\""
                + ("start".equals(anchor) ? "" : " text-anchor=\"" + anchor + "\"") + ">" + escaped + "</text>";
    }

    /** A vertical line across the whole SVG at {@code x} ({@code 37.5%}). */
    static String vline(String css, String x) {
        return "<line class=\"" + css + "\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"0\" y2=\"100%\"/>";
    }

    /** A horizontal bar from the left edge, {@code width} wide ({@code 37.5%}). */
    static String hbar(String css, int y, int height, String width) {
        return "<rect class=\"" + css + "\" x=\"0\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height
                + "\"/>";
    }
}
