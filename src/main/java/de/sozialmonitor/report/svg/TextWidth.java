package de.sozialmonitor.report.svg;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * How wide a text is in the fonts the report embeds (DejaVu Sans Condensed, regular and bold), in
 * the units of its font size: what a map needs to keep names apart. Measured with the font files
 * themselves (java.awt.font, fractional metrics: the same text always gives the same width).
 */
public final class TextWidth {
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final Font REGULAR = load("DejaVuSansCondensed.ttf");
    private static final Font BOLD = load("DejaVuSansCondensed-Bold.ttf");

    private TextWidth() {
    }

    /** The advance width of {@code text} at font size {@code size}. */
    public static double of(String text, double size, boolean bold) {
        return (bold ? BOLD : REGULAR).deriveFont((float) size).getStringBounds(text, CONTEXT).getWidth();
    }

    private static Font load(String file) {
        try (InputStream in = TextWidth.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " missing from the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + file + " unreadable", e);
        }
    }
}
