package de.sozialmonitor.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration this program carries, decided by one query on
 * Flyway's history table instead of starting Flyway (several hundred classes and a class-path
 * scan: most of the start-up time of a light command such as {@code history}). Anything unusual
 * (no history table, a failed or missing migration, migrations that cannot be listed) answers
 * "not current", and Flyway then does its full work, including its checks.
 */
final class SchemaVersion {
    static final String LOCATION = "db/migration";
    /** The versions of the migrations written in Java (Database registers them with Flyway). */
    static final Set<String> JAVA_VERSIONS = Set.of(ObservationBlockMigration.VERSION, ResultBlockMigration.VERSION,
            AreaBlockMigration.VERSION, ResultAreaBlockMigration.VERSION);
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.sql");

    private SchemaVersion() {
    }

    static boolean isCurrent(DataSource ds) {
        Set<String> carried = carriedVersions();
        if (carried.isEmpty()) {
            return false;
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            Set<String> applied = new TreeSet<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(normalise(rs.getString(1)));
            }
            return applied.equals(carried);
        } catch (SQLException e) {
            return false; // a new database: no history table yet
        }
    }

    /** The versions of the migration scripts on the class path ("1", "10", "20", …). */
    static Set<String> carriedVersions() {
        Set<String> versions = new TreeSet<>(JAVA_VERSIONS);
        try {
            URL dir = SchemaVersion.class.getClassLoader().getResource(LOCATION);
            if (dir == null) {
                versions.clear();
                return versions;
            }
            if ("jar".equals(dir.getProtocol())) {
                JarURLConnection conn = (JarURLConnection) dir.openConnection();
                conn.setUseCaches(false);
                try (JarFile jar = conn.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(LOCATION + "/")) {
                            add(versions, name.substring(LOCATION.length() + 1));
                        }
                    }
                }
            } else if ("file".equals(dir.getProtocol())) {
                try (var files = Files.list(Path.of(dir.toURI()))) {
                    files.forEach(f -> add(versions, f.getFileName().toString()));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            versions.clear(); // cannot tell: let Flyway decide
        }
        return versions;
    }

    private static void add(Set<String> versions, String fileName) {
        if (fileName.startsWith("R__")) {
            // a repeatable migration runs again whenever it changes: only Flyway can tell
            throw new IllegalStateException("repeatable migration " + fileName);
        }
        Matcher m = VERSIONED.matcher(fileName);
        if (m.matches()) {
            versions.add(normalise(m.group(1)));
        }
    }

    /** Flyway treats "1.0" and "1" (and "1_1" and "1.1") as the same version. */
    static String normalise(String version) {
        String v = version.replace('_', '.');
        while (v.endsWith(".0")) {
            v = v.substring(0, v.length() - 2);
        }
        return v;
    }
}
