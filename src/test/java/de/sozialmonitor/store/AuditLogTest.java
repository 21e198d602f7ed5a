package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditLogTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void eventsComeBackNewestFirstWithTheirDetails(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            AuditLog log = new AuditLog(db.jdbi());
            log.record("anna", "import", "data/pop.csv", "1200 rows");
            log.record("ben", "release.publish", "release 3", null);
            List<AuditLog.Event> events = log.latest(10);
            assertThat(events).extracting(AuditLog.Event::action).containsExactly("release.publish", "import");
            assertThat(events.get(1).user()).isEqualTo("anna");
            assertThat(events.get(1).detail()).isEqualTo("1200 rows");
            assertThat(events.get(0).at()).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void anOverlongDetailIsShortenedNotRejected(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            AuditLog log = new AuditLog(db.jdbi());
            log.record("", "export", "x", "a".repeat(5000));
            AuditLog.Event e = log.latest(1).get(0);
            assertThat(e.detail()).hasSize(4000).endsWith("…");
            assertThat(e.user()).isEqualTo("unknown");
        }
    }
}
