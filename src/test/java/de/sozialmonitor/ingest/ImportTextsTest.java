package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ImportTextsTest {
    @Test
    void yearsAndRowNumbersAreNeverGroupedLikeAmounts() {
        assertThat(ImportTexts.of(Locale.GERMAN).get("where.row", 12345)).isEqualTo("Zeile 12345");
        assertThat(ImportTexts.of(Locale.ENGLISH).get("plaus.partAboveWhole", "L1", 2024, "a", "3", "b", "2"))
                .startsWith("L1 2024:");
    }

    @Test
    void germanUnlessAskedForEnglish() {
        assertThat(ImportTexts.of(null).get("severity.error")).isEqualTo("FEHLER");
        assertThat(ImportTexts.of(Locale.ENGLISH).get("severity.error")).isEqualTo("ERROR");
    }
}
