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
                    .contains("user.add", "user.set-role", "user.disable", "login")
                    .as("failed logins are counted by the web part, per minute").doesNotContain("login.failed");
        }
    }

    @ParameterizedTest
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void badNamesRolesShortPasswordsAndDuplicatesAreRejected(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            UserRepository users = new UserRepository(db.jdbi());
            String good = "bobs own passphrase";
            assertThatThrownBy(() -> users.add("x' OR 1=1", "viewer", good, "t")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> users.add("bob", "root", good, "t")).hasMessageContaining("unknown role");
            assertThatThrownBy(() -> users.add("bob", "viewer", "short", "t")).hasMessageContaining("at least");
            users.add("bob", "viewer", good, "t");
            assertThatThrownBy(() -> users.add("bob", "viewer", good, "t")).hasMessageContaining("exists");
            assertThatThrownBy(() -> users.setRole("nobody", "viewer", "t")).hasMessageContaining("no user");
            assertThat(users.list()).extracting(UserRepository.User::username).containsExactly("bob");
        }
    }

    /** Regression (issue 11): "1234567890" was accepted, and a password over 1,000 characters could be set but never used. */
    @ParameterizedTest
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void passwordsNeedTwelveCharactersAreNotCommonAndAreBoundedAlikeAtCreationAndLogin(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            UserRepository users = new UserRepository(db.jdbi());
            assertThatThrownBy(() -> users.add("carl", "viewer", "1234567890", "t")).hasMessageContaining("at least 12");
            assertThatThrownBy(() -> users.add("carl", "viewer", "12345678901", "t")).hasMessageContaining("at least 12");
            assertThatThrownBy(() -> users.add("carl", "viewer", "123456789012", "t")).hasMessageContaining("common passwords");
            assertThatThrownBy(() -> users.add("carl", "viewer", "PasswordPassword", "t")).hasMessageContaining("common passwords");
            assertThatThrownBy(() -> users.add("carl.meier.x", "viewer", "Carl.Meier.X", "t")).hasMessageContaining("user name");
            assertThatThrownBy(() -> users.add("carl", "viewer", "p".repeat(UserRepository.MAX_PASSWORD_LENGTH + 1), "t"))
                    .hasMessageContaining("at most 1000");
            assertThatThrownBy(() -> users.add("c".repeat(UserRepository.MAX_NAME_LENGTH + 1), "viewer", "a fine passphrase", "t"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2-100");
            String longest = "Lange Passphrase ".repeat(60).substring(0, UserRepository.MAX_PASSWORD_LENGTH);
            users.add("carl", "viewer", longest, "t");
            assertThat(users.authenticate("carl", longest, "test")).as("the longest allowed password logs in").isPresent();
            assertThat(UserRepository.withinBounds("carl", longest)).isTrue();
            assertThat(UserRepository.withinBounds("carl", longest + "x")).isFalse();
            assertThat(UserRepository.withinBounds("c".repeat(101), "x")).isFalse();
            assertThat(users.authenticate("c".repeat(200), "whatever", "test")).isEmpty();
        }
    }
}
