package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ImportTextsTest {
    @Test
    void yearsAndRowNumbersAreNeverGroupedLikeAmounts() {
        assertThat(ImportTexts.in(Locale.GERMAN, () -> ImportTexts.get("where.row", 12345))).isEqualTo("Zeile 12345");
        assertThat(ImportTexts.in(Locale.ENGLISH, () -> ImportTexts.get("plaus.partAboveWhole", "L1", 2024, "a", "3", "b", "2")))
                .startsWith("L1 2024:");
    }

    @Test
    void aThreadsLanguageDoesNotLeakIntoOtherThreads() throws Exception {
        ImportTexts.use(Locale.GERMAN);
        String english = ImportTexts.in(Locale.ENGLISH, () -> ImportTexts.get("severity.error"));
        String otherThread = CompletableFuture.supplyAsync(() -> ImportTexts.get("severity.error")).get();
        assertThat(english).isNotEqualTo(otherThread);
        assertThat(otherThread).isEqualTo("FEHLER");
        assertThat(ImportTexts.get("severity.error")).as("restored after in(...)").isEqualTo("FEHLER");
    }
}
