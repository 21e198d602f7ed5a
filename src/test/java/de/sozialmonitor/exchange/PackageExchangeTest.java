package de.sozialmonitor.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.ingest.Problem;
import de.sozialmonitor.json.DataPackageProfile;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.ReferencePackage;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.report.ReportFixture;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReferenceRepository;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ReferenceView;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exchange between counties: {@code export package} of a published release, read by
 * {@code import package} in another county's workspace as a reference region with its method.
 */
class PackageExchangeTest {
    @TempDir
    Path tmp;

    /** A second county (Gifhorn, 03151) with the default catalog and nothing imported. */
    private static Workspace gifhorn(Path dir) throws Exception {
        WorkspaceInitializer.create(dir, Map.of("\"00000\"", "\"03151\"", "Mein Landkreis", "Landkreis Gifhorn"));
        return Workspace.open(dir);
    }

    private static PackageExport.Files export(Workspace ws, Database db, int number) {
        return PackageExport.of(ResultViews.of(db.jdbi(), ws.config()), new ReleaseRepository(db.jdbi()), number);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aPublishedReleaseArrivesInAnotherCountyAsAReferenceRegionWithItsMethod(TestDatabases.Kind kind) throws Exception {
        try (Database peineDb = kind.open(); Database gifhornDb = kind.open()) {
            Workspace peine = ReportFixture.workspace(tmp.resolve("peine"));
            ReportFixture.create(peine, peineDb, true);
            PackageExport.Files pkg = export(peine, peineDb, 1);
            Path zip = tmp.resolve("out").resolve("peine-2023.zip");
            PackageExport.write(pkg, zip);
            try (ZipFile z = new ZipFile(zip.toFile())) {
                assertThat(z.stream().map(e -> e.getName()).toList())
                        .containsExactly("datapackage.json", "release.csv", "areas.csv", "areas.geojson", "method.json");
            }
            JsonNode descriptor = Json.MAPPER.readTree(pkg.files().get("datapackage.json"));
            assertThat(DataPackageProfile.check(descriptor)).isEmpty();
            ReleaseRepository.ReleaseInfo release = new ReleaseRepository(peineDb.jdbi()).find(1).orElseThrow();
            assertThat(descriptor.path("sozialmonitor").path("checksum").asText()).isEqualTo(release.checksum());
            assertThat(descriptor.path("sozialmonitor").path("territory_code").asText()).isEqualTo("03157");

            Workspace other = gifhorn(tmp.resolve("gifhorn"));
            ImportOutcome o = Importer.importFile(other, gifhornDb, zip, "bea");
            assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(o.format()).isEqualTo("package");

            // every figure the public sees for Landkreis Peine is Peine's reference figure in Gifhorn
            ResultView view = ResultViews.of(peineDb.jdbi(), peine.config()).published(1).orElseThrow();
            AreaInfo root = view.root().orElseThrow();
            ReferenceView refs = ReferenceView.of(view, ReferenceRepository.regions(gifhornDb.jdbi()),
                    ReferenceRepository.figures(gifhornDb.jdbi()));
            assertThat(refs.all()).extracting(r -> r.code() + " " + r.name() + " " + r.kind().code())
                    .containsExactly("03157 Landkreis Peine county");
            int compared = 0;
            for (Indicator i : view.indicatorsWithFigures(view.year())) {
                Figure f = view.rate(i.id(), root.code(), view.year());
                if (f == null || !f.shown() || !i.targetGroup().isTotal()) {
                    continue;
                }
                ReferenceView.Value v = refs.value(i, "03157", view.year()).orElseThrow(() -> new AssertionError(i.id()));
                assertThat(v.year()).isEqualTo(view.year());
                assertThat(v.value()).as(i.id()).isCloseTo(f.value(), org.assertj.core.data.Offset.offset(0.5 * Math.pow(10, -i.precision()) + 1e-9));
                compared++;
            }
            assertThat(compared).isGreaterThanOrEqualTo(ReportFixture.INDICATORS.length);

            List<ReferencePackage> packages = ReferenceRepository.packages(gifhornDb.jdbi());
            assertThat(packages).hasSize(1);
            ReferencePackage p = packages.get(0);
            assertThat(p.regionCode()).isEqualTo("03157");
            assertThat(p.releaseNumber()).isEqualTo(1);
            assertThat(p.year()).isEqualTo(ReportFixture.YEAR - 1);
            assertThat(p.checksum()).isEqualTo(release.checksum());
            assertThat(p.synthetic()).isTrue();
            JsonNode method = Json.MAPPER.readTree(p.methodJson());
            assertThat(ResultRepository.methodConfig(method.path("method").toString())).isEqualTo(view.method());
            assertThat(method.path("disclosure").path("min_count").asInt()).isEqualTo(view.privacy().minCount());

            // the same package again changes nothing
            assertThat(Importer.importFile(other, gifhornDb, zip, "bea").status()).isEqualTo(ImportOutcome.Status.UNCHANGED);
        }
    }

    @Test
    void aWithheldCellNeverAppearsInThePackage() throws Exception {
        try (Database db = TestDatabases.h2()) {
            Workspace ws = ReportFixture.workspace(tmp.resolve("peine"));
            ReportFixture.create(ws, db, true);
            ReleaseRepository releases = new ReleaseRepository(db.jdbi());
            PackageExport.Files pkg = export(ws, db, 1);
            byte[] csv = pkg.files().get("release.csv");
            // the package's table is the public download, byte for byte
            assertThat(csv).isEqualTo(releases.download(1, ReleaseDownload.Format.CSV).orElseThrow());
            List<PublishedRow> rows = ReleaseDownload.readCsv(csv);
            List<PublishedRow> withheld = rows.stream().filter(r -> PublishedRow.SUPPRESSED.equals(r.status())).toList();
            assertThat(withheld).as("the fixture withholds small counts").isNotEmpty();
            assertThat(withheld).allSatisfy(r -> assertThat(r.value()).isEmpty());
            // and the true value of a withheld count is nowhere in its row of the package
            ResultView full = ResultViews.of(db.jdbi(), ws.config()).release(1, false).orElseThrow();
            int checked = 0;
            for (PublishedRow r : withheld) {
                if (!PublishedRow.COUNT.equals(r.kind())) {
                    continue;
                }
                Figure truth = full.count(r.measure(), r.areaCode(), r.year(), r.targetGroup());
                if (truth != null && truth.value() != null) {
                    String line = new String(csv, StandardCharsets.UTF_8).lines()
                            .filter(l -> l.startsWith("count;" + r.measure() + ";") && l.contains(";" + r.areaCode() + ";")
                                    && l.contains(";" + r.year() + ";") && l.contains(";suppressed;"))
                            .filter(l -> r.targetGroup().isEmpty() || l.contains(r.targetGroup()))
                            .findFirst().orElseThrow();
                    assertThat(line.split(";", -1)[12]).isEmpty();
                    checked++;
                }
            }
            assertThat(checked).isPositive();
            // nothing else in the package holds a figure: the areas, their boundaries and the method only
            String rest = new String(pkg.files().get("areas.csv"), StandardCharsets.UTF_8)
                    + new String(pkg.files().get("method.json"), StandardCharsets.UTF_8);
            assertThat(rest).doesNotContain("sgb2_u65;").doesNotContain("\"value\"");
            ReleaseContent content = releases.content(1).orElseThrow();
            assertThat(content.number()).isEqualTo(1);
        }
    }

    @Test
    void anUnpublishedReleaseIsNotExported() throws Exception {
        try (Database db = TestDatabases.h2()) {
            Workspace ws = ReportFixture.workspace(tmp.resolve("peine"));
            ReportFixture.create(ws, db, true);
            assertThatThrownBy(() -> export(ws, db, 2)).isInstanceOf(PackageExport.NotExportable.class)
                    .hasMessageContaining("not published");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aBrokenPackageIsRefusedWholeNamingFileRowColumnAndReason(TestDatabases.Kind kind) throws Exception {
        try (Database peineDb = kind.open(); Database gifhornDb = kind.open()) {
            Workspace peine = ReportFixture.workspace(tmp.resolve("peine"));
            ReportFixture.create(peine, peineDb, true);
            Path dir = tmp.resolve("paket");
            PackageExport.write(export(peine, peineDb, 1), dir);
            Workspace other = gifhorn(tmp.resolve("gifhorn"));

            // a value changed after export: the hash says so
            Path csv = dir.resolve("release.csv");
            List<String> lines = Files.readAllLines(csv);
            int row = lines.size() / 2;
            String[] f = lines.get(row).split(";", -1);
            f[9] = "20x3";
            lines.set(row, String.join(";", f));
            Files.write(csv, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            ImportOutcome o = Importer.importFile(other, gifhornDb, dir.resolve("datapackage.json"), "bea");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(o.report().problems()).filteredOn(Problem::isError)
                    .extracting(p -> p.sheet() + " " + p.code()).containsExactly("release.csv package_hash");

            // the same change with a matching hash: the table schema finds the row and column
            rehash(dir, "release.csv");
            o = Importer.importFile(other, gifhornDb, dir.resolve("datapackage.json"), "bea");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(o.report().problems()).filteredOn(Problem::isError)
                    .extracting(p -> p.sheet() + " " + p.row() + " " + p.column() + " " + p.value() + " " + p.code())
                    .containsExactly("release.csv " + (row + 1) + " year 20x3 package_value");
            assertThat(o.report().toText()).contains("release.csv", "year", "20x3");

            // a descriptor that breaks the Frictionless profile: the place in it is named
            ObjectNode d = (ObjectNode) Json.MAPPER.readTree(dir.resolve("datapackage.json").toFile());
            ((ObjectNode) d.path("resources").get(1)).put("name", "Gebiete Peine");
            Files.writeString(dir.resolve("datapackage.json"), Json.pretty().writeValueAsString(d));
            o = Importer.importFile(other, gifhornDb, dir.resolve("datapackage.json"), "bea");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(o.report().problems()).filteredOn(Problem::isError)
                    .extracting(p -> p.sheet() + " " + p.column()).contains("datapackage.json /resources/1/name");

            // nothing of the refused packages was stored
            assertThat(ReferenceRepository.regions(gifhornDb.jdbi())).isEmpty();
            assertThat(ReferenceRepository.packages(gifhornDb.jdbi())).isEmpty();
        }
    }

    /** Writes the resource's true SHA-256 into the descriptor, as a careless editor of the package might. */
    private static void rehash(Path dir, String path) throws Exception {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(dir.resolve("datapackage.json").toFile());
        for (JsonNode r : d.path("resources")) {
            if (path.equals(r.path("path").asText())) {
                byte[] b = Files.readAllBytes(dir.resolve(path));
                ((ObjectNode) r).put("hash", "sha256:" + ReleaseContent.sha256(b)).put("bytes", b.length);
            }
        }
        Files.writeString(dir.resolve("datapackage.json"), Json.pretty().writeValueAsString(d));
    }
}
