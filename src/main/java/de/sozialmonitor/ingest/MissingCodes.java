package de.sozialmonitor.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A source's own codes for a missing value ({@code missing: ["-9999", "999999", ""]} in a
 * mapping, codes written as in YAML, with a decimal point): such a cell is a value unknown to the
 * source (status {@code UNKNOWN}, no number), never the number it looks like. A code matches the
 * cell's text, or, as a number, the cell's number read in the file's number style (a workbook
 * writes -9999 as -9999.0, a German file as -9999,0).
 */
record MissingCodes(List<String> texts, double[] numbers) {
    static final MissingCodes NONE = new MissingCodes(List.of(), new double[0]);

    static MissingCodes of(SourceMapping m) {
        var node = m.node("missing");
        if (node.isMissingNode() || node.isNull()) {
            return NONE;
        }
        if (!node.isArray()) {
            throw m.fail("missing", "mapping.missing");
        }
        List<String> texts = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        node.forEach(n -> {
            String t = n.asText().trim();
            texts.add(t);
            Double d = ValueParser.number(t, NumberStyle.INTERNATIONAL);
            if (d != null) {
                numbers.add(d);
            }
        });
        return new MissingCodes(List.copyOf(texts), numbers.stream().mapToDouble(Double::doubleValue).toArray());
    }

    boolean matches(String cell, NumberStyle style) {
        String t = cell == null ? "" : cell.trim();
        if (texts.contains(t)) {
            return true;
        }
        if (numbers.length == 0 || t.isEmpty()) {
            return false;
        }
        Double d = ValueParser.number(t, style);
        if (d == null) {
            return false;
        }
        for (double n : numbers) {
            if (n == d) {
                return true;
            }
        }
        return false;
    }
}
