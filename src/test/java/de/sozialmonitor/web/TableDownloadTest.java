package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The web's table downloads guard every text cell and every header against spreadsheet formulas (issue 11, item 5). */
class TableDownloadTest {

    @Test
    void everyTextCellAndHeaderIsGuardedAndNumbersAndSymbolsStayAsTheyAre() {
        TableDownload table = new TableDownload(List.of("Notiz"), List.of("area_code", "=indicator"), List.of("Gebiet", "@Indikator"),
                List.of(Arrays.asList("+49", -0.5), Arrays.asList("=cmd|' /C calc'!A0", TableDownload.symbol("."))));

        String german = new String(table.csv(true), StandardCharsets.UTF_8).substring(TableDownload.BOM.length());
        String intl = new String(table.csv(false), StandardCharsets.UTF_8);

        assertThat(german.lines().toList()).containsExactly("# Notiz", "Gebiet;'@Indikator", "+49;-0,5", "'=cmd|' /C calc'!A0;.");
        assertThat(intl.lines().toList()).containsExactly("# Notiz", "area_code,'=indicator", "+49,-0.5", "'=cmd|' /C calc'!A0,.");
    }
}
