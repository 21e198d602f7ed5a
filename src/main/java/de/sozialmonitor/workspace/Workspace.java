package de.sozialmonitor.workspace;

import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.EmbeddedDatabase;
import de.sozialmonitor.store.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A monitoring workspace: a folder kept under version control with {@code sozialmonitor.yaml},
 * {@code indicators.yaml}, {@code sources/} and {@code data/}. Program state (the embedded
 * database) lives in {@code .sozialmonitor/}, which the skeleton's .gitignore excludes.
 */
public final class Workspace {
    public static final String CONFIG_FILE = "sozialmonitor.yaml";
    public static final String CATALOG_FILE = "indicators.yaml";
    /** Overrides {@code database.url}; SOZIALMONITOR_DB_USER and SOZIALMONITOR_DB_PASSWORD likewise. */
    public static final String DB_URL_ENV = "SOZIALMONITOR_DB_URL";

    private final Path root;
    private final WorkspaceConfig config;
    private final IndicatorCatalog catalog;

    private Workspace(Path root, WorkspaceConfig config, IndicatorCatalog catalog) {
        this.root = root;
        this.config = config;
        this.catalog = catalog;
    }

    /** Opens the workspace in {@code dir}; configuration errors are thrown as {@link ConfigException}. */
    public static Workspace open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Path configFile = root.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new NotAWorkspaceException(root);
        }
        WorkspaceConfig config = WorkspaceConfigReader.read(configFile);
        Path catalogFile = root.resolve(CATALOG_FILE);
        if (!Files.isRegularFile(catalogFile)) {
            throw new ConfigException(catalogFile, 0, null, "catalog.missing");
        }
        IndicatorCatalog catalog = CatalogReader.read(catalogFile);
        MethodConfigValidator.validate(config, catalog, configFile);
        return new Workspace(root, config, catalog);
    }

    public Path root() {
        return root;
    }

    public WorkspaceConfig config() {
        return config;
    }

    public IndicatorCatalog catalog() {
        return catalog;
    }

    public Path configFile() {
        return root.resolve(CONFIG_FILE);
    }

    public Path catalogFile() {
        return root.resolve(CATALOG_FILE);
    }

    public Path sourcesDir() {
        return root.resolve("sources");
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    /** Program state that is not configuration: embedded database, caches. */
    public Path stateDir() {
        return root.resolve(".sozialmonitor");
    }

    /** The program state folder, created if missing and readable by the program's own account only. */
    public Path privateStateDir() {
        return PrivateFiles.folder(stateDir());
    }

    /** The embedded H2 database file (without H2's suffix). */
    public Path embeddedDatabaseFile() {
        return stateDir().resolve("db").resolve("sozialmonitor");
    }

    /** The JDBC URL in force: environment, then configuration, then the embedded H2 file. */
    public String jdbcUrl() {
        String env = System.getenv(DB_URL_ENV);
        if (env != null && !env.isBlank()) {
            return env;
        }
        if (!config.database().embedded()) {
            return config.database().url();
        }
        return Database.embeddedUrl(embeddedDatabaseFile());
    }

    /** Opens the database in force; the embedded one with its own password, in the private state folder. */
    public Database openDatabase() {
        privateStateDir();
        String env = System.getenv(DB_URL_ENV);
        if ((env == null || env.isBlank()) && config.database().embedded()) {
            return EmbeddedDatabase.open(embeddedDatabaseFile());
        }
        String user = firstNonBlank(System.getenv("SOZIALMONITOR_DB_USER"),
                config.database().user());
        String password = firstNonBlank(System.getenv("SOZIALMONITOR_DB_PASSWORD"), config.database().password());
        return Database.open(jdbcUrl(), user, password);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    /** Thrown when a command is run outside a workspace. */
    public static final class NotAWorkspaceException extends RuntimeException {
        private final Path dir;

        public NotAWorkspaceException(Path dir) {
            super(dir + " is not a Sozialmonitor workspace (no " + CONFIG_FILE + ")");
            this.dir = dir;
        }

        /** The folder that holds no workspace (the message says so in English; user-facing texts format it themselves). */
        public Path dir() {
            return dir;
        }
    }
}
