package de.sozialmonitor.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.EmbeddedDatabase;
import de.sozialmonitor.store.UserRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is the program's alone (issue 11): the attack of the issue, as a second
 * operating-system account (nobody) on the same machine while the server holds the database,
 * must fail at every step.
 */
class PrivateDatabaseTest {
    @TempDir
    Path tmp;

    private Workspace workspace() {
        Path dir = tmp.resolve("ws");
        WorkspaceInitializer.create(dir, Map.of());
        return Workspace.open(dir);
    }

    @Test
    void stateFolderDatabaseFilesAndCredentialsAreReadableByTheOwnerOnly() throws IOException {
        Workspace ws = workspace();
        try (Database db = ws.openDatabase()) {
            assertThat(mode(ws.stateDir())).isEqualTo("rwx------");
            Path dbDir = ws.embeddedDatabaseFile().getParent();
            assertThat(mode(dbDir)).isEqualTo("rwx------");
            try (var files = Files.list(dbDir)) {
                List<Path> all = files.toList();
                assertThat(all).extracting(p -> p.getFileName().toString())
                        .contains("sozialmonitor.mv.db", "sozialmonitor.lock.db", "sozialmonitor.credentials");
                for (Path f : all) {
                    assertThat(mode(f)).as(f.getFileName().toString()).isEqualTo("rw-------");
                }
            }
            assertThat(Files.readString(EmbeddedDatabase.credentialsFile(ws.embeddedDatabaseFile())))
                    .containsPattern("password=[0-9a-f]{64}");
        }
    }

    @Test
    void theAutoServerPortListensOnLoopbackOnlyAndWantsThePassword() throws Exception {
        Workspace ws = workspace();
        try (Database db = ws.openDatabase()) {
            Properties lock = lockFile(ws);
            assertThat(lock.getProperty("server")).startsWith("localhost:");
            int port = Integer.parseInt(lock.getProperty("server").substring("localhost:".length()));
            for (InetAddress other : nonLoopbackAddresses()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other, port), 2000);
                    }
                }).as("port %d on %s", port, other).isInstanceOf(IOException.class);
            }
            String url = "jdbc:h2:tcp://localhost:" + port + "/" + lock.getProperty("id");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sozialmonitor", "").close()).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aDatabaseMadeWithoutAPasswordGetsOneWhenTheWorkspaceOpensIt() throws Exception {
        Workspace ws = workspace();
        Files.createDirectories(ws.embeddedDatabaseFile().getParent());
        try (Database legacy = Database.open(Database.embeddedUrl(ws.embeddedDatabaseFile()), "", "")) {
            new UserRepository(legacy.jdbi()).add("anna", "viewer", "correct horse battery staple", "test");
        }
        try (Database db = ws.openDatabase()) {
            assertThat(new UserRepository(db.jdbi()).find("anna")).isPresent();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(Database.embeddedUrl(ws.embeddedDatabaseFile()), "", "").close())
                .as("the empty password no longer opens it").isInstanceOf(SQLException.class);
        try (Database again = ws.openDatabase()) {
            assertThat(new UserRepository(again.jdbi()).list()).hasSize(1);
        }
    }

    /**
     * The attack of the issue, run as the account {@code nobody} while this process holds the
     * database with its AUTO_SERVER port open: read the lock file (port and key), read the data
     * file, connect to the port with the empty password (even knowing port and key), and make a
     * viewer an admin. Needs root (to switch user); CI runs as root.
     */
    @Test
    void aSecondOperatingSystemAccountCannotReadConnectOrPromote() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "needs root and runuser to act as a second account");
        Path home = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path h2 = home.resolve("h2.jar");
        Files.copy(Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()), h2);
        Files.setPosixFilePermissions(h2, PosixFilePermissions.fromString("rw-r--r--"));
        Workspace ws = workspace();
        Files.setPosixFilePermissions(ws.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Database db = ws.openDatabase()) {
            UserRepository users = new UserRepository(db.jdbi());
            users.add("victor", "viewer", "a viewer's long password", "test");
            Properties lock = lockFile(ws);
            String server = lock.getProperty("server");
            String key = lock.getProperty("id");
            Path dbFile = ws.embeddedDatabaseFile();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String sql = "UPDATE app_user SET role='admin' WHERE username='victor'";

            assertThat(asNobody(home, "cat", dbFile.getParent().resolve("sozialmonitor.lock.db").toString()).exit())
                    .as("reading the lock file").isNotZero();
            assertThat(asNobody(home, "cat", dbFile.getParent().resolve("sozialmonitor.mv.db").toString()).exit())
                    .as("reading the database file").isNotZero();
            assertThat(asNobody(home, "cat", EmbeddedDatabase.credentialsFile(dbFile).toString()).exit())
                    .as("reading the password").isNotZero();
            Run tcp = asNobody(home, java, "-cp", h2.toString(), "org.h2.tools.Shell", "-url", "jdbc:h2:tcp://" + server + "/" + key,
                    "-user", "", "-password", "", "-sql", sql);
            assertThat(tcp.exit()).as("connecting to the AUTO_SERVER port with port and key: %s", tcp.output()).isNotZero();
            assertThat(tcp.output()).containsIgnoringCase("password");
            Run file = asNobody(home, java, "-cp", h2.toString(), "org.h2.tools.Shell", "-url",
                    "jdbc:h2:file:" + dbFile + ";IFEXISTS=TRUE", "-user", "", "-password", "", "-sql", sql);
            assertThat(file.exit()).as("opening the file directly: %s", file.output()).isNotZero();

            assertThat(users.find("victor")).get().extracting(UserRepository.User::role).isEqualTo("viewer");
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run asNobody(Path dir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "nobody", "--"));
        Collections.addAll(cmd, command);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        return new Run(p.exitValue(), out);
    }

    private static Properties lockFile(Workspace ws) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(ws.embeddedDatabaseFile().resolveSibling("sozialmonitor.lock.db"))) {
            p.load(in);
        }
        return p;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (ni.isUp() && !ni.isLoopback()) {
                ni.inetAddresses().filter(a -> a instanceof java.net.Inet4Address).forEach(out::add);
            }
        }
        return out;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
