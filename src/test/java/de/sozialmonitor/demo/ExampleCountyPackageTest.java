package de.sozialmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.exchange.PackageExport;
import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.json.DataPackageProfile;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.model.ReferencePackage;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReferenceRepository;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package of the demo's second county, shipped in the jar: what the current code makes of the
 * generator's county, and a valid, complete package that {@code import package} reads whole.
 */
class ExampleCountyPackageTest {
    /** Set to a path, the test (re)writes the shipped package there instead of comparing. */
    static final String REGENERATE = "sozialmonitor.examplePackage";

    @Test
    void theShippedPackageIsWhatTheCurrentCodeMakesOfTheGeneratorsCounty(@TempDir Path tmp) throws IOException {
        PackageExport.Files built = ExampleCountyPackage.build(tmp.resolve("beispielstadt"));
        String target = System.getProperty(REGENERATE, "");
        if (!target.isBlank()) {
            PackageExport.write(built, Path.of(target));
            assertThat(unzip(Files.readAllBytes(Path.of(target)))).containsExactlyEntriesOf(built.files());
            return;
        }
        Map<String, byte[]> shipped = unzip(ExampleCounty.packageBytes());
        String hint = " differs from what the current code makes; regenerate with ./test -Dtest=ExampleCountyPackageTest -D"
                + REGENERATE + "=src/main/resources" + ExampleCounty.RESOURCE + " (docs/demo.md)";
        assertThat(shipped.keySet()).containsExactlyElementsOf(built.files().keySet());
        for (Map.Entry<String, byte[]> e : built.files().entrySet()) {
            if (e.getKey().equals(PackageExport.DESCRIPTOR)) {
                // the day of publication is the day the generator ran; everything else must be the same
                assertThat(withoutPublicationDay(shipped.get(e.getKey()))).as(e.getKey() + hint)
                        .isEqualTo(withoutPublicationDay(e.getValue()));
            } else {
                assertThat(new String(shipped.get(e.getKey()), java.nio.charset.StandardCharsets.UTF_8)).as(e.getKey() + hint)
                        .isEqualTo(new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theShippedPackageIsValidCompleteAndReadWholeByImportPackage(@TempDir Path tmp) throws IOException {
        byte[] zip = ExampleCounty.packageBytes();
        Map<String, byte[]> files = unzip(zip);
        JsonNode d = Json.MAPPER.readTree(files.get(PackageExport.DESCRIPTOR));
        assertThat(DataPackageProfile.check(d)).isEmpty();
        // complete: the descriptor and exactly its four resources, each with the size and SHA-256 it declares
        assertThat(files.keySet()).containsExactly(PackageExport.DESCRIPTOR, PackageExport.RELEASE, PackageExport.AREAS,
                PackageExport.GEOMETRIES, PackageExport.METHOD);
        assertThat(d.path("resources")).hasSize(4);
        for (JsonNode r : d.path("resources")) {
            byte[] bytes = files.get(r.path("path").asText());
            assertThat(bytes).as(r.path("path").asText()).isNotNull();
            assertThat(bytes.length).isEqualTo(r.path("bytes").asInt());
            assertThat(r.path("hash").asText()).isEqualTo("sha256:" + ReleaseContent.sha256(bytes));
        }
        // invented, and says so
        JsonNode meta = d.path("sozialmonitor");
        assertThat(meta.path("territory_code").asText()).isEqualTo(ExampleCounty.CODE);
        assertThat(meta.path("territory_name").asText()).isEqualTo(ExampleCounty.NAME).contains("synthetisch");
        assertThat(meta.path("synthetic").asBoolean()).isTrue();
        assertThat(meta.path("year").asInt()).isEqualTo(ExampleCounty.YEAR);
        assertThat(d.path("title").asText()).contains("synthetisch").doesNotContain("(synthetisch) (synthetisch)");
        assertThat(d.path("description").asText()).contains("Synthetische Daten");

        // read whole by the path `import package` takes, in another county's workspace
        Path pkg = tmp.resolve("in").resolve(ExampleCounty.FILE_NAME);
        Files.createDirectories(pkg.getParent());
        Files.write(pkg, zip);
        WorkspaceInitializer.create(tmp.resolve("ws"), Map.of("\"00000\"", "\"03151\"", "Mein Landkreis", "Landkreis Gifhorn"));
        Workspace ws = Workspace.open(tmp.resolve("ws"));
        try (Database db = ws.openDatabase()) {
            ImportOutcome o = Importer.importFile(ws, db, Importer.packageFile(pkg).orElseThrow(), "test");
            assertThat(o.report().problems()).isEmpty();
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(o.format()).isEqualTo("package");
            // every county-level figure of the total population it publishes, none left behind but the
            // derived denominators (pop_total - pop_65plus), which are no variable of any catalog
            String root = meta.path("territory_area_code").asText();
            java.util.Set<String> variables = new java.util.HashSet<>();
            ws.catalog().variables().forEach(v -> variables.add(v.name()));
            List<PublishedRow> total = ReleaseDownload.readCsv(files.get(PackageExport.RELEASE)).stream()
                    .filter(r -> r.areaCode().equals(root) && r.targetGroup().isEmpty()
                            && (r.kind().equals(PublishedRow.COUNT) || r.kind().equals(PublishedRow.RATE)))
                    .toList();
            List<PublishedRow> countyRows = total.stream()
                    .filter(r -> r.kind().equals(PublishedRow.RATE) || variables.contains(r.measure())).toList();
            assertThat(total).filteredOn(r -> !countyRows.contains(r)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.measure()).contains(" - "));
            assertThat(countyRows).hasSizeGreaterThan(40);
            assertThat(o.rowsAccepted()).isEqualTo(countyRows.size());
            List<ReferenceFigure> figures = ReferenceRepository.figures(db.jdbi());
            assertThat(figures).hasSize(countyRows.size()).allSatisfy(f -> assertThat(f.regionCode()).isEqualTo(ExampleCounty.CODE));
            assertThat(figures).filteredOn(f -> f.kind() == ReferenceFigure.Kind.INDICATOR && f.name().equals("sgb2")
                    && f.year() == ExampleCounty.YEAR).singleElement().satisfies(f -> assertThat(f.value()).isBetween(2.0, 20.0));
            assertThat(ReferenceRepository.regions(db.jdbi())).singleElement()
                    .satisfies(r -> assertThat(r.name()).isEqualTo(ExampleCounty.NAME));
            ReferencePackage p = ReferenceRepository.packages(db.jdbi()).get(0);
            assertThat(p.synthetic()).isTrue();
            assertThat(p.checksum()).isEqualTo(meta.path("checksum").asText());
            assertThat(Json.MAPPER.readTree(p.methodJson()).path("method").path("dynamicsYears").asInt()).isEqualTo(2);
        }
    }

    private static JsonNode withoutPublicationDay(byte[] descriptor) throws IOException {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(descriptor);
        d.remove("created");
        ((ObjectNode) d.path("sozialmonitor")).remove("published_on");
        return d;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }
}
