package de.sozialmonitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SpreadsheetTextProperties {

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.strings().withChars("=+-@\t\r'aZ1 ;\"").ofMaxLength(6);
    }

    @Property
    void unguardGivesBackExactlyWhatWasGuarded(@ForAll("cells") String text) {
        assertThat(SpreadsheetText.unguard(SpreadsheetText.guard(text))).isEqualTo(text);
    }

    @Property
    void aGuardedCellNeverStartsLikeAFormula(@ForAll("cells") String text) {
        String cell = SpreadsheetText.guard(text);
        assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).isTrue();
    }

    @Property
    void harmlessTextIsLeftAsItIs(@ForAll("cells") String text) {
        if (!text.isEmpty() && "=+-@\t\r'".indexOf(text.charAt(0)) < 0) {
            assertThat(SpreadsheetText.guard(text)).isEqualTo(text);
        }
    }

    @Example
    void aFormulaBecomesText() {
        assertThat(SpreadsheetText.guard("=HYPERLINK(\"http://x\";\"Peine\")")).isEqualTo("'=HYPERLINK(\"http://x\";\"Peine\")");
        assertThat(SpreadsheetText.guard("Groß Ilsede")).isEqualTo("Groß Ilsede");
    }
}
