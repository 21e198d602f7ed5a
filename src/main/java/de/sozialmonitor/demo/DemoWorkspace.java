package de.sozialmonitor.demo;

import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceConfig;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo workspace for Landkreis Peine: made from the ordinary workspace template (so it has
 * the default catalog and method), marked {@code synthetic: true}, analysis level Ortsteil, with the
 * generated files in {@code data/}. An existing demo workspace is reused; a folder that holds some
 * other workspace is never touched.
 */
public final class DemoWorkspace {
    public static final String DEFAULT_DIR = "sozialmonitor-demo";
    public static final long DEFAULT_SEED = 3157;
    /** The map's credit line ({@code web.attribution}): source and licence of the boundaries. */
    public static final String MAP_ATTRIBUTION = PeineTerritory.ATTRIBUTION + ", dl-de/by-2-0; Ortsteilgrenzen generiert";

    private static final String HEADER = """
            # Demo-Arbeitsbereich Landkreis Peine, erzeugt von `sozialmonitor demo`.
            # ALLE ZAHLEN SIND SYNTHETISCH (erfunden). Echt sind nur die Namen und Grenzen der Gemeinden
            # (© GeoBasis-DE / BKG (2021), dl-de/by-2-0); Ortsteilgrenzen sind generiert. Siehe data/README.md.
            # Demo workspace for Landkreis Peine. ALL FIGURES ARE SYNTHETIC.

            """;

    /** The prepared workspace and the files written into its data folder. */
    public record Prepared(Workspace workspace, DemoFiles.Written files, boolean reused) {
    }

    private DemoWorkspace() {
    }

    /** Creates the demo workspace in {@code dir} (or reuses the one there) and (re)writes its data files. */
    public static Prepared prepare(Path dir, long seed) {
        boolean reused = Files.exists(dir.resolve(Workspace.CONFIG_FILE));
        if (reused) {
            Workspace existing = Workspace.open(dir);
            if (!isDemo(existing.config())) {
                throw new NotADemoWorkspaceException(dir);
            }
        } else {
            create(dir);
        }
        Workspace workspace = Workspace.open(dir);
        DemoFiles.Written files = DemoFiles.write(workspace.dataDir(), seed);
        return new Prepared(workspace, files, reused);
    }

    static void create(Path dir) {
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("code: \"00000\"", "code: \"" + PeineTerritory.COUNTY_CODE + "\"");
        replacements.put("name: \"Mein Landkreis\"", "name: \"" + PeineTerritory.COUNTY_NAME + "\"");
        replacements.put("\nlanguage: de", "\nsynthetic: true                # demo: every page and export says the figures are synthetic\n\nlanguage: de");
        replacements.put("# analysis_level: ortsteil", "analysis_level: " + PeineTerritory.LEVEL_LOCALITY + "  ");
        // the licence of the municipal boundaries asks for this credit wherever the map is shown
        replacements.put("\nweb:\n  port: 7070", "\nweb:\n  port: 7070\n  attribution: \"" + MAP_ATTRIBUTION + "\"");
        WorkspaceInitializer.create(dir, replacements);
        Path config = dir.resolve(Workspace.CONFIG_FILE);
        try {
            Files.writeString(config, HEADER + Files.readString(config, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WorkspaceConfig written = Workspace.open(dir).config();
        if (!isDemo(written) || !PeineTerritory.LEVEL_LOCALITY.equals(written.method().analysisLevel())
                || !MAP_ATTRIBUTION.equals(written.raw().get("web").get("attribution").string(""))) {
            // the template's text changed under us: better to fail loudly than serve real-looking numbers
            throw new IllegalStateException("the workspace template no longer has the lines the demo adapts; "
                    + "see DemoWorkspace.create");
        }
    }

    static boolean isDemo(WorkspaceConfig config) {
        return config.synthetic() && PeineTerritory.COUNTY_CODE.equals(config.territoryCode());
    }

    /** The folder holds a workspace that is not the Peine demo: we refuse to write into it. */
    public static final class NotADemoWorkspaceException extends RuntimeException {
        public NotADemoWorkspaceException(Path dir) {
            super(dir.toAbsolutePath() + " holds a workspace that is not the synthetic Peine demo; nothing was changed");
        }
    }
}
