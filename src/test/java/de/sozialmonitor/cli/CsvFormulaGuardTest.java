package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.analysis.AnalysisTables;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every text cell and header of the analysis CSV is guarded against spreadsheet formulas, not
 * only the delivered area names (issue 11, item 5): a configured indicator id, a variant's text
 * or a note may reach the file as well. Numbers, signed ones included, stay numbers.
 */
class CsvFormulaGuardTest {

    @Test
    void theAnalysisCsvGuardsEveryTextCellAndHeaderAndLeavesNumbers() {
        AnalysisTables.Table t = new AnalysisTables.Table("variants", List.of("variant", "=HEADER()", "value"),
                List.of(Arrays.asList("@SUM(9)=x", "+0.1", -0.25), Arrays.asList("-cmd", "-3", null)));

        List<String> lines = AnalysisOutput.csv(t).lines().toList();

        assertThat(lines).containsExactly("variant;'=HEADER();value", "'@SUM(9)=x;+0.1;-0.25", "'-cmd;-3;");
    }
}
