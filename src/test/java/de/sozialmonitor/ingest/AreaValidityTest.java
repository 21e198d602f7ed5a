package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.ingest.AreaValidity.Verdict;
import de.sozialmonitor.store.AreaRepository.Validity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaValidityTest {
    private static final LocalDate BEGINNING = de.sozialmonitor.model.Area.BEGINNING;

    private final AreaValidity validity = new AreaValidity(List.of(
            new Validity("03157004", BEGINNING, LocalDate.of(2015, 11, 1)),          // Lahstedt, merged 1.11.2015
            new Validity("03157003", BEGINNING, LocalDate.of(2015, 11, 1)),          // Ilsede before the merger
            new Validity("03157003", LocalDate.of(2015, 11, 1), null),               // Ilsede after it
            new Validity("0315700603", LocalDate.of(2020, 7, 1), null),              // a new Ortsteil from mid-2020
            new Validity("0315700604", LocalDate.of(2016, 1, 1), LocalDate.of(2018, 1, 1)),
            new Validity("0315700604", LocalDate.of(2021, 1, 1), null)));           // a code reused after a gap

    @Test
    void aFigureIsJudgedByTheThirtyFirstOfDecemberOfItsYear() {
        assertThat(validity.of("03157004", 2014)).isEqualTo(Verdict.VALID);
        assertThat(validity.of("03157004", 2015)).isEqualTo(Verdict.PART_OF_YEAR);
        assertThat(validity.of("03157004", 2016)).isEqualTo(Verdict.NOT_IN_YEAR);
        assertThat(validity.of("0315700603", 2019)).isEqualTo(Verdict.NOT_IN_YEAR);
        assertThat(validity.of("0315700603", 2020)).isEqualTo(Verdict.VALID);
    }

    @Test
    void successiveVersionsAndGapsBetweenVersionsCount() {
        assertThat(validity.of("03157003", 2015)).isEqualTo(Verdict.VALID);
        assertThat(validity.of("03157003", 1990)).isEqualTo(Verdict.VALID);
        assertThat(validity.of("0315700604", 2017)).isEqualTo(Verdict.VALID);
        assertThat(validity.of("0315700604", 2019)).isEqualTo(Verdict.NOT_IN_YEAR);
        assertThat(validity.of("0315700604", 2021)).isEqualTo(Verdict.VALID);
        assertThat(validity.of("03157001", 2019)).as("a code without limits").isEqualTo(Verdict.VALID);
        assertThat(validity.limited("03157001")).isFalse();
        assertThat(validity.describe("03157004")).isEqualTo("1900-01-01 – 2015-11-01");
    }
}
