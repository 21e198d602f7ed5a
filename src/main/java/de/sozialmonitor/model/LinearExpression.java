package de.sozialmonitor.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sum or difference of base variables, e.g. {@code pop_total - pop_65plus}. This is all the
 * catalog allows, on purpose: anything more is a new variable delivered by a source.
 */
public record LinearExpression(List<Term> terms) {

    public record Term(int sign, String variable) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public LinearExpression {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("expression has no variable");
        }
        terms = List.copyOf(terms);
    }

    /** Parses {@code a + b - c}; throws IllegalArgumentException with a reason a user understands. */
    public static LinearExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expression is empty");
        }
        List<Term> terms = new ArrayList<>();
        String s = text.replace("−", "-").trim();
        int sign = 1;
        boolean expectName = true;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (expectName && (c == '+' || c == '-') && terms.isEmpty() && sign == 1) {
                sign = c == '-' ? -1 : 1;
                i++;
            } else if (expectName) {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                String name = s.substring(i, j);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("expected a variable name at position " + (i + 1) + " of '" + text + "'");
                }
                terms.add(new Term(sign, name));
                expectName = false;
                i = j;
            } else if (c == '+' || c == '-') {
                sign = c == '-' ? -1 : 1;
                expectName = true;
                i++;
            } else {
                throw new IllegalArgumentException("expected + or - at position " + (i + 1) + " of '" + text + "'");
            }
        }
        if (expectName) {
            throw new IllegalArgumentException("expression '" + text + "' ends with an operator");
        }
        return new LinearExpression(terms);
    }

    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        terms.forEach(t -> names.add(t.variable()));
        return names;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            if (sb.length() > 0) {
                sb.append(t.sign() < 0 ? " - " : " + ");
            } else if (t.sign() < 0) {
                sb.append('-');
            }
            sb.append(t.variable());
        }
        return sb.toString();
    }
}
