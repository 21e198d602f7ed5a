package de.sozialmonitor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearExpressionTest {
    @Test
    void parsesSumsAndDifferences() {
        LinearExpression e = LinearExpression.parse("pop_total - pop_65plus + x1");
        assertThat(e.terms()).containsExactly(new LinearExpression.Term(1, "pop_total"),
                new LinearExpression.Term(-1, "pop_65plus"), new LinearExpression.Term(1, "x1"));
    }

    @Test
    void rejectsWhatIsNotASumOfVariables() {
        assertThatThrownBy(() -> LinearExpression.parse("a * b")).hasMessageContaining("expected + or -");
        assertThatThrownBy(() -> LinearExpression.parse("a -")).hasMessageContaining("ends with an operator");
        assertThatThrownBy(() -> LinearExpression.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> LinearExpression.parse("a + 3x")).hasMessageContaining("expected a variable name");
    }

    @Property
    void printingAndParsingAgainGivesTheSameExpression(
            @ForAll @Size(min = 1, max = 6) List<@StringLength(min = 1, max = 8) @Chars({'a', 'b', 'z', '_'}) String> names,
            @ForAll @Size(min = 6, max = 6) List<Boolean> negative) {
        List<LinearExpression.Term> terms = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            terms.add(new LinearExpression.Term(negative.get(i) ? -1 : 1, names.get(i)));
        }
        LinearExpression e = new LinearExpression(terms);
        assertThat(LinearExpression.parse(e.toString())).isEqualTo(e);
    }
}
