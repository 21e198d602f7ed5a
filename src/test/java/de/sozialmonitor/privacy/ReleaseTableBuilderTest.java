package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReleaseTableBuilderTest {
    @Test
    void aCountsExpressionHasOneSpellingInEveryRelease() {
        assertThat(ReleaseTableBuilder.canonical("pop_total -  pop_65plus"))
                .isEqualTo(ReleaseTableBuilder.canonical("pop_total - pop_65plus"));
    }

    /** Regression: an expression that did not parse was used as written, quietly giving one measure two names. */
    @Test
    void anExpressionThatDoesNotParseIsAnErrorNotASecondName() {
        assertThatThrownBy(() -> ReleaseTableBuilder.canonical("pop_total - - )"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pop_total - - )");
    }
}
