package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.sozialmonitor.model.PublishedClasses;
import de.sozialmonitor.workspace.PublishedClassesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classes published by others are read as delivered, and a table that does not fit says where and why. */
class PublishedClassesReaderTest {
    @TempDir
    Path tmp;

    private final PublishedClassesSource source = new PublishedClassesSource("MSS 2019", "data/mss.csv", ';', "plr_id",
            "status_class", "dynamics_class");

    private void write(String csv) throws IOException {
        Files.createDirectories(tmp.resolve("data"));
        Files.writeString(tmp.resolve("data/mss.csv"), csv);
    }

    @Test
    void classesAreReadAsWordsAndAnEmptyCellIsNoClass() throws IOException {
        write("plr_id;status_class;dynamics_class\n01011101;sehr niedrig;negativ\n01011102;;\n");
        PublishedClasses c = PublishedClassesReader.read(tmp, source, Locale.GERMAN);
        assertThat(c.classes().get("01011101")).isEqualTo(new PublishedClasses.Published("sehr_niedrig", "negativ"));
        assertThat(c.classes().get("01011102")).isEqualTo(new PublishedClasses.Published(null, null));
    }

    @Test
    void anUnknownClassNamesFileRowColumnAreaAndTheKnownClassesInGermanAndEnglish() throws IOException {
        write("plr_id;status_class;dynamics_class\n01011101;hoch;stabil\n01011102;mittel;steigend\n");
        Throwable de = catchThrowable(() -> PublishedClassesReader.read(tmp, source, Locale.GERMAN));
        Throwable en = catchThrowable(() -> PublishedClassesReader.read(tmp, source, Locale.ENGLISH));
        assertThat(de).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "data/mss.csv, Zeile 3, Spalte dynamics_class, Gebiet 01011102: „steigend“ ist keine Klasse; bekannt: positiv, stabil, negativ");
        assertThat(en).hasMessageStartingWith("data/mss.csv, row 3, column dynamics_class, area 01011102: 'steigend' is no class");
    }

    @Test
    void aMissingColumnListsTheFilesColumnsAndAMissingFileIsSaid() throws IOException {
        write("plr;status_class;dynamics_class\n01011101;hoch;stabil\n");
        Throwable e = catchThrowable(() -> PublishedClassesReader.read(tmp, source, Locale.GERMAN));
        assertThat(e).hasMessage("data/mss.csv: keine Spalte „plr_id“ (published_classes in sozialmonitor.yaml); "
                + "die Spalten der Datei sind plr, status_class, dynamics_class");
        Throwable missing = catchThrowable(() -> PublishedClassesReader.read(tmp.resolve("x"), source, Locale.ENGLISH));
        assertThat(missing).hasMessageContaining("data/mss.csv: the table of published classes named in sozialmonitor.yaml");
    }
}
