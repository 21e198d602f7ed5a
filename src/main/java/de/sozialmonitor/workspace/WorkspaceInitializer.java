package de.sozialmonitor.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the commented skeleton of a new workspace from the templates in the jar. */
public final class WorkspaceInitializer {
    /**
     * The template files, relative to {@code workspace-template/} in the jar. The .gitignore is kept
     * as "gitignore" there because Maven leaves dot-files out of the jar.
     */
    static final List<String> TEMPLATE_FILES = List.of(
            Workspace.CONFIG_FILE, Workspace.CATALOG_FILE, "gitignore", "sources/README.md", "data/README.md");

    private WorkspaceInitializer() {
    }

    /**
     * Creates the skeleton in {@code dir}. Refuses to overwrite an existing workspace.
     *
     * @param replacements literal text replacements in sozialmonitor.yaml (territory code and name)
     */
    public static void create(Path dir, Map<String, String> replacements) {
        if (Files.exists(dir.resolve(Workspace.CONFIG_FILE))) {
            throw new IllegalStateException(dir.toAbsolutePath() + " already holds a workspace (" + Workspace.CONFIG_FILE + ")");
        }
        try {
            for (String name : TEMPLATE_FILES) {
                String text = template(name);
                if (name.equals(Workspace.CONFIG_FILE)) {
                    for (var e : replacements.entrySet()) {
                        text = text.replace(e.getKey(), e.getValue());
                    }
                }
                Path target = dir.resolve(name.equals("gitignore") ? ".gitignore" : name);
                Files.createDirectories(target.getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workspace in " + dir, e);
        }
    }

    public static String template(String name) {
        try (InputStream in = WorkspaceInitializer.class.getResourceAsStream("/workspace-template/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
