package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void yearsAndRowNumbersAreNeverGroupedLikeAmounts() {
        assertThat(Texts.in(Locale.GERMAN, () -> Texts.get("where.row", 12345))).isEqualTo("Zeile 12345");
        assertThat(Texts.in(Locale.ENGLISH, () -> Texts.get("plaus.partAboveWhole", "L1", 2024, "a", "3", "b", "2")))
                .startsWith("L1 2024:");
    }

    @Test
    void aThreadsLanguageDoesNotLeakIntoOtherThreads() throws Exception {
        Texts.use(Locale.GERMAN);
        String english = Texts.in(Locale.ENGLISH, () -> Texts.get("severity.error"));
        String otherThread = CompletableFuture.supplyAsync(() -> Texts.get("severity.error")).get();
        assertThat(english).isNotEqualTo(otherThread);
        assertThat(otherThread).isEqualTo("FEHLER");
        assertThat(Texts.get("severity.error")).as("restored after in(...)").isEqualTo("FEHLER");
    }
}
