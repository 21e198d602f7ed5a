package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Measure;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.report.ReportFixture;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which areas of a level the map's measure layer marks. */
class MeasureViewTest {
    private static Measure measure(String key, String... areas) {
        return new Measure(key, "Maßnahme " + key, "Quartier", null, LocalDate.of(2022, 1, 1), null, null, null, null, null,
                true, List.of(areas), List.of("sgb2"));
    }

    @Test
    void aMeasureForAWholeMunicipalityMarksEachOfItsLocalitiesButOneForTheCountyMarksNone(@TempDir Path tmp) throws Exception {
        try (Database db = TestDatabases.h2()) {
            Workspace ws = ReportFixture.workspace(tmp.resolve("ws"));
            ReportFixture.create(ws, db, true);
            ResultView view = ResultViews.of(db.jdbi(), ws.config()).published(1).orElseThrow();
            String municipality = "03157001";
            List<String> itsLocalities = view.areasOn("Ortsteil").stream().filter(a -> a.parentCode().equals(municipality))
                    .map(AreaInfo::code).toList();
            assertThat(itsLocalities).hasSizeGreaterThan(1);
            String oneOfThem = itsLocalities.get(0);
            String elsewhere = view.areasOn("Ortsteil").stream().filter(a -> !a.parentCode().equals(municipality))
                    .map(AreaInfo::code).findFirst().orElseThrow();

            MeasureView measures = MeasureView.of(view, List.of(
                    measure("whole-municipality", municipality),
                    measure("whole-county", "03157"),
                    measure("locality-and-its-municipality", oneOfThem, municipality),
                    measure("one-locality", elsewhere)), false);

            SortedMap<String, List<MeasureView.Entry>> localities = measures.byArea("Ortsteil");
            assertThat(localities.keySet()).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(itsLocalities.stream(), java.util.stream.Stream.of(elsewhere)).toList());
            for (String code : itsLocalities) {
                assertThat(localities.get(code)).extracting(e -> e.measure().key()).as(code)
                        .contains("whole-municipality").doesNotContain("whole-county", "one-locality");
            }
            // named twice (itself and through its municipality), counted once
            assertThat(localities.get(oneOfThem)).extracting(e -> e.measure().key())
                    .containsExactly("whole-municipality", "locality-and-its-municipality");
            assertThat(localities.get(elsewhere)).extracting(e -> e.measure().key()).containsExactly("one-locality");

            // on the municipalities' map a measure of one locality does not mark its whole municipality
            assertThat(measures.byArea("Gemeinde").keySet()).containsExactly(municipality);
            assertThat(measures.byArea("Kreis").keySet()).containsExactly("03157");
        }
    }
}
