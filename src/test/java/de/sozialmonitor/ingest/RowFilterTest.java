package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The row filters of register extracts: what they accept, how they decide, and how they refuse. */
class RowFilterTest {
    static final List<String> NAMES = List.of("age", "sgb2", "nationality", "school");

    private static boolean test(String filter, Map<String, String> row) {
        RowFilter.Predicate p = RowFilter.compile(filter, NAMES::indexOf);
        return p.test(slot -> row.get(NAMES.get(slot)));
    }

    @Test
    void comparisonsOfNumbersAndTextsJoinedByAndOrNot() {
        Map<String, String> child = Map.of("age", "12", "sgb2", "1", "nationality", "Foreign", "school", "");
        Map<String, String> adult = Map.of("age", "70", "sgb2", "0", "nationality", "german", "school", "abitur");
        assertThat(test("sgb2 = 1 and age < 65", child)).isTrue();
        assertThat(test("sgb2 = 1 and age < 65", adult)).isFalse();
        assertThat(test("age >= 65 or sgb2 = 1", adult)).isTrue();
        // and binds before or
        assertThat(test("sgb2 = 1 or age > 60 and nationality = foreign", adult)).isFalse();
        assertThat(test("(sgb2 = 1 or age > 60) and nationality = german", adult)).isTrue();
        assertThat(test("not sgb2 = 1", adult)).isTrue();
        assertThat(test("nationality = foreign", child)).as("texts ignore case").isTrue();
        assertThat(test("nationality != foreign", child)).isFalse();
        assertThat(test("school in (ohne, 'erster', \"abitur\")", adult)).isTrue();
        assertThat(test("school not in (ohne, erster)", adult)).isTrue();
        assertThat(test("age <= 12.0 and age >= 12", child)).isTrue();
        // an empty cell is never equal, less or greater than a number
        assertThat(test("school < 1", child)).isFalse();
        assertThat(test("school = 1", child)).isFalse();
        assertThat(test("school != 1", child)).isTrue();
        assertThat(test("school = ''", child)).isTrue();
        assertThat(RowFilter.compile("  ", NAMES::indexOf)).isSameAs(RowFilter.ALWAYS);
    }

    @Test
    void aFilterThatIsNotWellFormedNamesThePositionAndAnUnknownNameIsNamed() {
        assertThatThrownBy(() -> RowFilter.compile("sgb2 = 1 and", NAMES::indexOf))
                .isInstanceOf(RowFilter.SyntaxException.class).hasMessage("expected a field name at position 13 of 'sgb2 = 1 and'");
        assertThatThrownBy(() -> RowFilter.compile("age < 65 sgb2 = 1", NAMES::indexOf))
                .hasMessage("expected 'and', 'or' or the end at position 10 of 'age < 65 sgb2 = 1'");
        assertThatThrownBy(() -> RowFilter.compile("age < kind", NAMES::indexOf)).hasMessageContaining("'<' compares numbers");
        assertThatThrownBy(() -> RowFilter.compile("school in (ohne", NAMES::indexOf)).hasMessageContaining("expected ',' or ')'");
        assertThatThrownBy(() -> RowFilter.compile("school = 'ohne", NAMES::indexOf)).hasMessageContaining("unclosed quote at position 10");
        assertThatThrownBy(() -> RowFilter.compile("age; drop", NAMES::indexOf)).hasMessageContaining("unexpected character ';'");
        assertThatThrownBy(() -> RowFilter.compile("alter < 18", NAMES::indexOf))
                .isInstanceOf(RowFilter.UnknownNameException.class).hasMessage("unknown name 'alter'");
    }
}
