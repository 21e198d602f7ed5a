package de.sozialmonitor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The row filters of a register extract's mapping ({@code where: "sgb2 = 1 and age < 65"}): a
 * deliberately small language, parsed here and compiled to a predicate — comparisons of a named
 * field with a literal, joined by {@code and}, {@code or}, {@code not} and parentheses. No
 * function calls, no arithmetic, no access to anything but the row's fields: a mapping cannot run
 * code (docs/dependencies.md says why this grammar and not an expression library).
 *
 * <pre>
 * filter     := or
 * or         := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | "(" or ")" | comparison
 * comparison := NAME op literal | NAME ["not"] "in" "(" literal ("," literal)* ")"
 * op         := "=" | "==" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * literal    := number | 'text' | "text" | word
 * </pre>
 *
 * A comparison with a number compares numerically when the field holds a number (an empty or
 * non-numeric field is then never equal, less or greater); with a text, it compares the trimmed
 * text, ignoring case ({@code =} and {@code !=} only).
 */
final class RowFilter {
    /** The fields of one row, by the slot numbers the names were resolved to. */
    interface Fields {
        String value(int slot);
    }

    /** A compiled filter. */
    interface Predicate {
        boolean test(Fields row);
    }

    /** A filter that is not well formed, with the position (1-based) where reading stopped. */
    static final class SyntaxException extends IllegalArgumentException {
        SyntaxException(String reason, String text, int position) {
            super(reason + " at position " + position + " of '" + text + "'");
        }
    }

    /** A filter that names a field the extract does not have. */
    static final class UnknownNameException extends IllegalArgumentException {
        final String name;

        UnknownNameException(String name) {
            super("unknown name '" + name + "'");
            this.name = name;
        }
    }

    static final Predicate ALWAYS = row -> true;

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private final ToIntFunction<String> slots;
    private int at;

    private RowFilter(String text, ToIntFunction<String> slots) {
        this.text = text;
        this.slots = slots;
    }

    /**
     * Compiles a filter; {@code slots} gives a name's slot, or -1 for a name the row does not have
     * (an {@link UnknownNameException}). A blank filter lets every row pass.
     */
    static Predicate compile(String text, ToIntFunction<String> slots) {
        if (text == null || text.isBlank()) {
            return ALWAYS;
        }
        RowFilter f = new RowFilter(text, slots);
        f.tokenize();
        Predicate p = f.or();
        if (f.at < f.tokens.size()) {
            throw f.error("expected 'and', 'or' or the end");
        }
        return p;
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new SyntaxException("unclosed quote", text, i + 1);
                }
                i = end + 1;
            } else if ("()," .indexOf(c) >= 0) {
                i++;
            } else if ("=!<>".indexOf(c) >= 0) {
                i++;
                if (i < text.length() && (text.charAt(i) == '=' || (c == '<' && text.charAt(i) == '>'))) {
                    i++;
                }
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_-.+".indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
            } else {
                throw new SyntaxException("unexpected character '" + c + "'", text, i + 1);
            }
            tokens.add(text.substring(start, i));
            positions.add(start + 1);
        }
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean keyword(String word) {
        String t = peek();
        if (t != null && t.equalsIgnoreCase(word)) {
            at++;
            return true;
        }
        return false;
    }

    private SyntaxException error(String reason) {
        return new SyntaxException(reason, text, at < positions.size() ? positions.get(at) : text.length() + 1);
    }

    private Predicate or() {
        Predicate left = and();
        while (keyword("or")) {
            Predicate l = left;
            Predicate r = and();
            left = row -> l.test(row) || r.test(row);
        }
        return left;
    }

    private Predicate and() {
        Predicate left = unary();
        while (keyword("and")) {
            Predicate l = left;
            Predicate r = unary();
            left = row -> l.test(row) && r.test(row);
        }
        return left;
    }

    private Predicate unary() {
        if (keyword("not")) {
            Predicate p = unary();
            return row -> !p.test(row);
        }
        if ("(".equals(peek())) {
            at++;
            Predicate p = or();
            if (!")".equals(peek())) {
                throw error("expected ')'");
            }
            at++;
            return p;
        }
        return comparison();
    }

    private Predicate comparison() {
        String name = peek();
        if (name == null || !isName(name)) {
            throw error("expected a field name");
        }
        at++;
        int slot = slots.applyAsInt(name);
        if (slot < 0) {
            throw new UnknownNameException(name);
        }
        boolean negate = keyword("not");
        if (keyword("in")) {
            if (!"(".equals(peek())) {
                throw error("expected '(' after in");
            }
            at++;
            List<Predicate> any = new ArrayList<>();
            any.add(compare(slot, "=", literal()));
            while (",".equals(peek())) {
                at++;
                any.add(compare(slot, "=", literal()));
            }
            if (!")".equals(peek())) {
                throw error("expected ',' or ')'");
            }
            at++;
            Predicate in = row -> {
                for (Predicate p : any) {
                    if (p.test(row)) {
                        return true;
                    }
                }
                return false;
            };
            return negate ? row -> !in.test(row) : in;
        }
        if (negate) {
            throw error("expected in after not");
        }
        String op = peek();
        if (op == null || !List.of("=", "==", "!=", "<>", "<", "<=", ">", ">=").contains(op)) {
            throw error("expected a comparison (=, !=, <, <=, >, >=) or in");
        }
        at++;
        return compare(slot, op, literal());
    }

    private static boolean isName(String t) {
        return Character.isLetter(t.charAt(0)) || t.charAt(0) == '_';
    }

    /** A literal: its text, and its number if it is one (else NaN). */
    private record Literal(String text, double number) {
    }

    private Literal literal() {
        String t = peek();
        if (t == null || "(),".contains(t) || "=!<>".indexOf(t.charAt(0)) >= 0) {
            throw error("expected a value");
        }
        at++;
        if (t.charAt(0) == '\'' || t.charAt(0) == '"') {
            return new Literal(t.substring(1, t.length() - 1), Double.NaN);
        }
        return new Literal(t, number(t));
    }

    private Predicate compare(int slot, String op, Literal lit) {
        if (Double.isNaN(lit.number())) {
            String want = lit.text().trim().toLowerCase(Locale.ROOT);
            return switch (op) {
                case "=", "==" -> row -> value(row, slot).equalsIgnoreCase(want);
                case "!=", "<>" -> row -> !value(row, slot).equalsIgnoreCase(want);
                default -> throw error("'" + op + "' compares numbers; '" + lit.text() + "' is no number");
            };
        }
        double n = lit.number();
        return switch (op) {
            case "=", "==" -> row -> number(value(row, slot)) == n;
            case "!=", "<>" -> row -> !(number(value(row, slot)) == n);
            case "<" -> row -> number(value(row, slot)) < n;
            case "<=" -> row -> number(value(row, slot)) <= n;
            case ">" -> row -> number(value(row, slot)) > n;
            default -> row -> number(value(row, slot)) >= n;
        };
    }

    private static String value(Fields row, int slot) {
        String v = row.value(slot);
        return v == null ? "" : v.trim();
    }

    /** The number a field or literal writes (decimal point or comma), or NaN. */
    static double number(String s) {
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
