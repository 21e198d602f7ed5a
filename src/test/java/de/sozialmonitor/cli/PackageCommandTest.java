package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export package} and {@code import package} on the command line, between two workspaces. */
class PackageCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aPublishedReleaseGoesFromOneWorkspaceToAnotherAsAPackage() throws Exception {
        Path ws = ReleaseCommandTest.workspaceWithResults(tmp);
        String w = ws.toString();
        assertThat(CliTest.run("release", "create", "-w", w, "--title", "Stand 2023", "--year", "2023").exit()).isZero();
        Path zip = tmp.resolve("austausch").resolve("kreis-2023.zip");

        CliTest.Run unpublished = CliTest.run("export", "package", "-w", w, "--release", "1", "--out", zip.toString());
        assertThat(unpublished.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(unpublished.err()).contains("nicht veröffentlicht");
        assertThat(zip).doesNotExist();

        assertThat(CliTest.run("release", "publish", "1", "-w", w).exit()).isZero();
        CliTest.Run export = CliTest.run("export", "package", "-w", w, "--release", "1", "--out", zip.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.err()).contains("datapackage.json", "release.csv", "method.json");
        assertThat(zip).exists();

        Path other = tmp.resolve("anderer-kreis");
        assertThat(CliTest.run("init", other.toString()).exit()).isZero();
        Path config = other.resolve("sozialmonitor.yaml");
        Files.writeString(config, Files.readString(config).replace("\"00000\"", "\"03151\""));

        CliTest.Run notAPackage = CliTest.run("import", "package", "-w", other.toString(), ws.resolve("data/areas.csv").toString());
        assertThat(notAPackage.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(notAPackage.err()).contains("kein Datenpaket");

        CliTest.Run imported = CliTest.run("import", "package", "-w", other.toString(), zip.toString());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("kreis-2023.zip");
        CliTest.Run history = CliTest.run("history", "-w", other.toString());
        assertThat(history.out()).contains("package");
    }
}
