package de.sozialmonitor.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The demo's second county: "Landkreis Beispielstadt (synthetisch)", invented, with invented figures.
 * Its published release ships with the program as the data package its own workspace exported
 * ({@code export package}); the demo hands it to {@code import package} like a package another
 * county sent, so that the comparison of counties has a partner. Only the package is read, never
 * the county's workspace. The package is made by the test-scope generator
 * {@code ExampleCountyPackage} and checked against the current code by {@code ExampleCountyPackageTest}
 * (docs/demo.md, "Der Vergleichskreis").
 *
 * <p>Its code 03999 lies in Niedersachsen (Land 03), so Land and Germany compare as for Peine, but
 * Niedersachsen has no statistical region 039 (its are 031–034) and so no county 039xx: the code is
 * outside Peine's territory and cannot be taken for a real district.
 */
public final class ExampleCounty {
    public static final String CODE = "03999";
    public static final String NAME = "Landkreis Beispielstadt (synthetisch)";
    /** The year of its one published release. */
    public static final int YEAR = PeineTerritory.LAST_YEAR;
    /** The package as the demo receives it (file name in {@code data/austausch/}). */
    public static final String FILE_NAME = "landkreis-beispielstadt-" + YEAR + ".zip";
    /** Where the package ships in the jar. */
    public static final String RESOURCE = "/demo/beispielstadt/" + FILE_NAME;
    /** The folder of the demo workspace's data folder that holds packages received from other counties. */
    static final String EXCHANGE_DIR = "austausch";

    private ExampleCounty() {
    }

    /** The shipped package's bytes. */
    public static byte[] packageBytes() {
        try (InputStream in = ExampleCounty.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the package into {@code dataDir/austausch/} as a county would file one it received;
     * an identical file is left as it is (so the import recognises it by its SHA-256).
     */
    static Path deliver(Path dataDir) {
        Path file = dataDir.resolve(EXCHANGE_DIR).resolve(FILE_NAME);
        byte[] bytes = packageBytes();
        try {
            if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
