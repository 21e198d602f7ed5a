package de.sozialmonitor.report;

/**
 * Well-formed XHTML by hand, for one reason: openhtmltopdf parses the report as XML, and the same
 * text is the HTML variant. Everything that comes from data goes through {@link #esc}.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(1 << 16);

    Html open(String tag, String attrs) {
        out.append('<').append(tag);
        if (attrs != null && !attrs.isEmpty()) {
            out.append(' ').append(attrs);
        }
        out.append('>');
        return this;
    }

    Html open(String tag) {
        return open(tag, null);
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with escaped text content. */
    Html el(String tag, String attrs, String text) {
        return open(tag, attrs).text(text).close(tag);
    }

    Html el(String tag, String text) {
        return el(tag, null, text);
    }

    Html text(String text) {
        out.append(esc(text));
        return this;
    }

    /** Markup produced by our own code (SVG, fixed fragments); never data. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html nl() {
        out.append('\n');
        return this;
    }

    /** Text for an element or attribute; the escaping is j2html's, which the web pages use too. */
    static String esc(String s) {
        return s == null ? "" : j2html.utils.EscapeUtil.escape(s);
    }

    static String attr(String name, String value) {
        return name + "=\"" + esc(value) + "\"";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
