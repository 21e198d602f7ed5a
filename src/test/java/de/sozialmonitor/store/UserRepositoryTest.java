package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UserRepositoryTest {
    @ParameterizedTest
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void usersAreStoredWithArgon2idHashesAndEveryChangeIsAudited(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            UserRepository users = new UserRepository(db.jdbi());
            users.add("anna", "analyst", "ein langes Passwort", "admin");
            String hash = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM app_user WHERE username = 'anna'")
                    .mapTo(String.class).one());
            assertThat(hash).startsWith("$argon2id$").doesNotContain("ein langes Passwort");
            assertThat(users.authenticate("anna", "ein langes Passwort", "test")).map(UserRepository.User::role).hasValue("analyst");
            assertThat(users.authenticate("anna", "falsch", "test")).isEmpty();
            assertThat(users.authenticate("niemand", "ein langes Passwort", "test")).isEmpty();
            users.setRole("anna", "admin", "admin");
            users.setDisabled("anna", true, "admin");
            assertThat(users.authenticate("anna", "ein langes Passwort", "test")).isEmpty();
            assertThat(new AuditLog(db.jdbi()).latest(20)).extracting(AuditLog.Event::action)
                    .contains("user.add", "user.set-role", "user.disable", "login", "login.failed");
        }
    }

    @ParameterizedTest
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void badNamesRolesShortPasswordsAndDuplicatesAreRejected(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            UserRepository users = new UserRepository(db.jdbi());
            assertThatThrownBy(() -> users.add("x' OR 1=1", "viewer", "0123456789", "t")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> users.add("bob", "root", "0123456789", "t")).hasMessageContaining("unknown role");
            assertThatThrownBy(() -> users.add("bob", "viewer", "short", "t")).hasMessageContaining("at least");
            users.add("bob", "viewer", "0123456789", "t");
            assertThatThrownBy(() -> users.add("bob", "viewer", "0123456789", "t")).hasMessageContaining("exists");
            assertThatThrownBy(() -> users.setRole("nobody", "viewer", "t")).hasMessageContaining("no user");
            assertThat(users.list()).extracting(UserRepository.User::username).containsExactly("bob");
        }
    }
}
