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

    @Property
    void aFieldIsGivenBackByUnguardAndNeverStartsLikeAFormulaUnlessItIsANumber(@ForAll("cells") String text) {
        String cell = SpreadsheetText.field(text);
        assertThat(SpreadsheetText.unguard(cell)).isEqualTo(text);
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            assertThat(cell).matches("[-+][0-9]+(\\.[0-9]+)?");
        }
    }

    @Example
    void numbersStayNumbersAndEverythingElseIsGuarded() {
        assertThat(SpreadsheetText.field("-0.3")).isEqualTo("-0.3");
        assertThat(SpreadsheetText.field("+1")).isEqualTo("+1");
        assertThat(SpreadsheetText.field("+1+1=2")).isEqualTo("'+1+1=2");
        assertThat(SpreadsheetText.field("-areas")).isEqualTo("'-areas");
        assertThat(SpreadsheetText.cell("-1", "-1")).isEqualTo("-1");
        assertThat(SpreadsheetText.cell(true, "true")).isEqualTo("true");
    }

    @Example
    void aFormulaBecomesText() {
        assertThat(SpreadsheetText.guard("=HYPERLINK(\"http://x\";\"Peine\")")).isEqualTo("'=HYPERLINK(\"http://x\";\"Peine\")");
        assertThat(SpreadsheetText.guard("Groß Ilsede")).isEqualTo("Groß Ilsede");
    }
}
