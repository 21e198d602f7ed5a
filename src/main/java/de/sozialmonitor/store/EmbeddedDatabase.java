package de.sozialmonitor.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The workspace's embedded H2 database, readable and usable by the program's own operating-system
 * account only. Its folder is {@code rwx------} and its files {@code rw-------}, so no other
 * account can read the data file or the lock file (which names the AUTO_SERVER port and key);
 * the database has a generated password (256 random bits) kept beside it in
 * {@code NAME.credentials} ({@code rw-------}), which a second process (an import while
 * {@code serve} runs) reads to connect through AUTO_SERVER; and that port listens on the
 * loopback interface only ({@link Database}). A database made before passwords were set (empty
 * password) gets one the first time it is opened here.
 */
public final class EmbeddedDatabase {
    static final String NEW_USER = "sozialmonitor";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What opens the database: H2 user and password. */
    record Credentials(String user, String password) {
    }

    private EmbeddedDatabase() {
    }

    /** Opens (creating if needed) the database {@code fileWithoutSuffix} and brings its schema up to date. */
    public static Database open(Path fileWithoutSuffix) {
        Path file = fileWithoutSuffix.toAbsolutePath();
        Path dir = PrivateFiles.folder(file.getParent());
        Credentials credentials = credentials(file);
        Database db = Database.open(Database.embeddedUrl(file), credentials.user(), credentials.password());
        PrivateFiles.restrictContents(dir);
        return db;
    }

    /** The file that keeps the password of {@code fileWithoutSuffix}. */
    public static Path credentialsFile(Path fileWithoutSuffix) {
        return fileWithoutSuffix.resolveSibling(fileWithoutSuffix.getFileName() + ".credentials");
    }

    static Credentials credentials(Path file) {
        Path store = credentialsFile(file);
        if (Files.isRegularFile(store)) {
            return read(store);
        }
        boolean existing = Files.exists(file.resolveSibling(file.getFileName() + ".mv.db"));
        // A database made without a password keeps its (empty) user name and gets a password.
        Credentials fresh = new Credentials(existing ? "" : NEW_USER, HexFormat.of().formatHex(randomBytes()));
        try {
            PrivateFiles.createNew(store, format(fresh));
        } catch (FileAlreadyExistsException e) {
            return read(store); // another process was first
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (existing) {
            setPassword(file, fresh, store);
        }
        return fresh;
    }

    private static void setPassword(Path file, Credentials fresh, Path store) {
        try (Connection c = DriverManager.getConnection(Database.embeddedUrl(file), "", "");
             Statement s = c.createStatement()) {
            // hex digits only, so the literal cannot break out of its quotes
            s.execute("SET PASSWORD '" + fresh.password() + "'");
        } catch (SQLException e) {
            try {
                Files.deleteIfExists(store);
            } catch (IOException ignored) {
                // the message below says what to do
            }
            throw new IllegalStateException("the embedded database " + file.getFileName() + " has a password, but its file "
                    + store.getFileName() + " is missing; restore it from the backup of the workspace", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] format(Credentials c) {
        return ("# The password of the embedded database beside this file. Keep it with the database (backups), never share it.\n"
                + "user=" + c.user() + "\npassword=" + c.password() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Credentials read(Path store) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(store)) {
            p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String password = p.getProperty("password", "");
        if (password.isBlank()) {
            throw new IllegalStateException(store + " has no password");
        }
        PrivateFiles.restrict(store);
        return new Credentials(p.getProperty("user", ""), password);
    }
}
