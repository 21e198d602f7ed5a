package de.sozialmonitor.ingest;

import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** A Landkreis-Peine workspace and the sample files under src/test/resources/ingest. */
final class IngestFixtures {
    private IngestFixtures() {
    }

    static Workspace workspace(Path dir) {
        WorkspaceInitializer.create(dir, Map.of("code: \"00000\"", "code: \"03157\"",
                "name: \"Mein Landkreis\"", "name: \"Landkreis Peine\""));
        return Workspace.open(dir);
    }

    /** Copies a sample file into {@code dir} (under its own name, or {@code as}) and returns it. */
    static Path sample(Path dir, String name, String as) {
        try (InputStream in = IngestFixtures.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            Path target = dir.resolve(as == null ? name : as);
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sample(Path dir, String name) {
        return sample(dir, name, null);
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
