package de.sozialmonitor.report.svg;

import java.util.Locale;

/**
 * A tiny SVG writer: escaping and coordinate formatting with a fixed locale and precision, so that
 * the same input always gives the same text (the report must be reproducible byte for byte).
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(8192);

    Svg(double width, double height, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" alt=\"").append(escape(title)).append("\">");
        out.append("<title>").append(escape(title)).append("</title>");
    }

    Svg raw(String s) {
        out.append(s);
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke, double strokeWidth) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append('"');
        stroke(stroke, strokeWidth);
        out.append("/>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append('"');
        stroke(stroke, width);
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append("/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end. A halo (white outline) keeps labels readable on fills. */
    Svg text(double x, double y, String text, double size, String anchor, String weight, String fill, boolean halo) {
        if (halo) {
            textElement(x, y, text, size, anchor, weight, "#ffffff", " stroke=\"#ffffff\" stroke-width=\"2.4\" stroke-linejoin=\"round\"");
        }
        textElement(x, y, text, size, anchor, weight, fill, "");
        return this;
    }

    private void textElement(double x, double y, String text, double size, String anchor, String weight, String fill,
                             String extra) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-family=\"DejaVu Sans Condensed, DejaVu Sans, Arial, sans-serif\" font-size=\"")
                .append(num(size)).append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(fill).append('"');
        if (weight != null) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        out.append(extra).append('>').append(escape(text)).append("</text>");
    }

    Svg path(String d, String fill, String stroke, double strokeWidth, String extra) {
        out.append("<path d=\"").append(d).append("\" fill=\"").append(fill).append('"');
        stroke(stroke, strokeWidth);
        if (extra != null) {
            out.append(' ').append(extra);
        }
        out.append("/>");
        return this;
    }

    private void stroke(String stroke, double width) {
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke).append("\" stroke-width=\"").append(num(width)).append('"');
        }
    }

    String finish() {
        return out.append("</svg>").toString();
    }

    /** Coordinates with at most two decimals, no exponent, no locale. */
    static String num(double v) {
        double r = Math.round(v * 100.0) / 100.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        String s = String.format(Locale.ROOT, "%.2f", r);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /** Text for an element or attribute; the escaping is j2html's, which the web pages use too. */
    static String escape(String s) {
        return s == null ? "" : j2html.utils.EscapeUtil.escape(s);
    }
}
