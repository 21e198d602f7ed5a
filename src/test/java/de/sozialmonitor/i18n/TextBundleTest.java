package de.sozialmonitor.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextBundleTest {
    static final String NAME = "i18n.texts_for_tests";

    @Test
    void aYearPrintsAsPlainDigitsButANumberFormatGroupsDigits() {
        TextBundle de = TextBundle.of(NAME, Locale.GERMAN);
        assertThat(de.get("year", 2024)).isEqualTo("Jahr 2024");
        assertThat(de.get("count", 90596)).isEqualTo("Anzahl 90.596");
        assertThat(TextBundle.of(NAME, Locale.ENGLISH).get("count", 90596)).isEqualTo("Count 90,596");
    }

    @Test
    void apostrophesReadTheSameWithAndWithoutArguments() {
        TextBundle en = TextBundle.of(NAME, Locale.ENGLISH);
        assertThat(en.get("quote", "x")).isEqualTo("Territory 'x'");
        assertThat(en.get("plainQuote")).isEqualTo("the county's page");
    }

    @Test
    void aMissingKeyShowsAsItself() {
        assertThat(TextBundle.of(NAME, Locale.GERMAN).get("nope.key", 1)).isEqualTo("nope.key");
        assertThat(TextBundle.of(NAME, Locale.GERMAN).getOr("nope.key", "fallback")).isEqualTo("fallback");
    }
}
