package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.ValueStatus;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ValueParserProperties {

    private static String format(long whole, int cents, boolean grouping, Locale locale) {
        DecimalFormat f = new DecimalFormat(grouping ? "#,##0.##" : "0.##", DecimalFormatSymbols.getInstance(locale));
        return f.format(new BigDecimal(whole).add(new BigDecimal(cents).movePointLeft(2)));
    }

    @Property
    void germanNumbersReadBackExactly(@ForAll @LongRange(min = 0, max = 999_999_999L) long whole,
                                      @ForAll @IntRange(min = 0, max = 99) int cents, @ForAll boolean grouping) {
        String text = format(whole, cents, grouping, Locale.GERMANY);
        ParsedValue v = ValueParser.parse(text, NumberStyle.GERMAN);
        assertThat(v.ok()).as(text).isTrue();
        assertThat(v.status()).isEqualTo(ValueStatus.OK);
        assertThat(v.value()).as(text).isEqualTo(whole + cents / 100.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Property
    void internationalNumbersReadBackExactly(@ForAll @LongRange(min = 0, max = 999_999_999L) long whole,
                                             @ForAll @IntRange(min = 0, max = 99) int cents, @ForAll boolean grouping) {
        String text = format(whole, cents, grouping, Locale.US);
        ParsedValue v = ValueParser.parse(text, NumberStyle.INTERNATIONAL);
        assertThat(v.ok()).as(text).isTrue();
        assertThat(v.value()).as(text).isEqualTo(whole + cents / 100.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    /** A value never proves the style it is not written in, so detection cannot turn 1.234 into 1,234. */
    @Property
    void aNumberNeverProvesTheOtherStyle(@ForAll @LongRange(min = 0, max = 999_999_999L) long whole,
                                         @ForAll @IntRange(min = 0, max = 99) int cents, @ForAll boolean grouping) {
        assertThat(NumberStyle.provenBy(format(whole, cents, grouping, Locale.GERMANY))).isNotEqualTo(NumberStyle.INTERNATIONAL);
        assertThat(NumberStyle.provenBy(format(whole, cents, grouping, Locale.US))).isNotEqualTo(NumberStyle.GERMAN);
    }

    @Provide
    Arbitrary<String> placeholders() {
        return Arbitraries.of("-", ".", "x", "/", "...", "…", "*", " . ", "x 1)");
    }

    @Property
    void placeholdersBecomeFlagsAndNeverANumberOtherThanTheOfficesZero(@ForAll("placeholders") String symbol,
                                                                       @ForAll NumberStyle style) {
        ParsedValue v = ValueParser.parse(symbol, style);
        assertThat(v.ok()).isTrue();
        assertThat(v.status()).isNotEqualTo(ValueStatus.OK);
        if (v.status() == ValueStatus.NOTHING) {
            assertThat(v.value()).isZero(); // "-" is "genau null" by the offices' definition
        } else {
            assertThat(v.value()).isNull();
            assertThat(v.status().hasValue()).isFalse();
        }
    }

    @Property
    void boundsKeepTheirBoundButAreNotUsable(@ForAll @IntRange(min = 1, max = 10) int bound, @ForAll NumberStyle style) {
        ParsedValue v = ValueParser.parse("<" + bound, style);
        assertThat(v.status()).isEqualTo(ValueStatus.BELOW_BOUND);
        assertThat(v.value()).isEqualTo((double) bound);
        assertThat(v.status().hasValue()).isFalse();
    }

    @Property
    void anyTextGivesANumberAFlagOrAReasonNeverAnException(@ForAll String text, @ForAll NumberStyle style) {
        ParsedValue v = ValueParser.parse(text, style);
        if (v.ok()) {
            assertThat(v.status()).isNotNull();
        } else {
            assertThat(v.error().in(ImportTexts.of(java.util.Locale.GERMAN))).isNotBlank();
        }
    }
}
