package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Measure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MeasureRepositoryTest {
    static Measure measure(String key, String title, List<String> areas) {
        return new Measure(key, title, "Bildung", "FD Jugend", LocalDate.of(2021, 3, 1), LocalDate.of(2023, 12, 31),
                new BigDecimal("120000"), "Sozialer Zusammenhalt", "Familien mit Kindern", "Lernhilfe im Quartier", true,
                areas, List.of("children_min_income", "sgb2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void savedMeasuresComeBackAsWrittenAndEveryChangeIsAudited(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            MeasureRepository repo = new MeasureRepository(db.jdbi());
            Measure m = measure("M-1", "Lernwerkstatt Vöhrum", List.of("0315700602", "0315700601"));
            assertThat(repo.save(m, "anna")).isEqualTo(MeasureRepository.Change.CREATED);
            assertThat(repo.save(m, "anna")).isEqualTo(MeasureRepository.Change.UNCHANGED);
            MeasureRepository.Stored stored = repo.find("M-1").orElseThrow();
            assertThat(stored.measure()).isEqualTo(m);
            assertThat(stored.measure().budget()).isEqualByComparingTo("120000");
            assertThat(stored.measure().areaCodes()).containsExactlyInAnyOrder("0315700601", "0315700602");
            assertThat(stored.updatedBy()).isEqualTo("anna");
            assertThat(stored.importId()).isNull();

            Measure changed = new Measure("M-1", "Lernwerkstatt Vöhrum", "Bildung", "FD Jugend", m.start(), null, null, null,
                    null, null, false, List.of("0315700602"), List.of());
            assertThat(repo.save(changed, "ben")).isEqualTo(MeasureRepository.Change.UPDATED);
            assertThat(repo.find("M-1").orElseThrow().measure()).isEqualTo(changed);
            repo.save(measure("M-0", "Früher", List.of("03157")), "anna");
            assertThat(repo.list()).extracting(s -> s.measure().key()).containsExactly("M-0", "M-1");

            assertThat(repo.delete("M-1", "ben")).isTrue();
            assertThat(repo.delete("M-1", "ben")).isFalse();
            assertThat(repo.find("M-1")).isEmpty();
            List<AuditLog.Event> events = new AuditLog(db.jdbi()).latest(10);
            assertThat(events).extracting(AuditLog.Event::action)
                    .containsExactly("measure.delete", "measure.create", "measure.update", "measure.create");
            assertThat(events.get(0).detail()).contains("title=Lernwerkstatt Vöhrum", "public=false", "areas=0315700602");
            assertThat(events.get(0).user()).isEqualTo("ben");
        }
    }
}
