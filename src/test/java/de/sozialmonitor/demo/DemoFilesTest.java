package de.sozialmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFilesTest {

    @Test
    void theSameSeedGivesByteIdenticalFilesAndAnotherSeedOtherCounts(@TempDir Path tmp) throws IOException {
        DemoFiles.Written first = DemoFiles.write(tmp.resolve("a"), 42);
        DemoFiles.Written second = DemoFiles.write(tmp.resolve("b"), 42);
        DemoFiles.Written other = DemoFiles.write(tmp.resolve("c"), 43);
        assertThat(first.all()).hasSize(9);
        for (int i = 0; i < first.all().size(); i++) {
            assertThat(Files.mismatch(first.all().get(i), second.all().get(i))).as(first.all().get(i).toString()).isEqualTo(-1L);
        }
        Path register = first.sources().get(DemoSource.POPULATION_REGISTER);
        assertThat(Files.mismatch(register, other.sources().get(DemoSource.POPULATION_REGISTER))).isNotEqualTo(-1L);
    }

    @Test
    void filesFollowThePublicFormats(@TempDir Path tmp) throws IOException {
        DemoFiles.Written w = DemoFiles.write(tmp, DemoWorkspace.DEFAULT_SEED);
        assertThat(Files.readAllLines(w.areasCsv()).get(0)).isEqualTo("code;name;level;parent;valid_from;valid_to");
        assertThat(Files.readAllLines(w.boundaryChangesCsv()).get(0)).isEqualTo("predecessor;successor;weight;date");
        Set<String> codes = records(w.areasCsv()).stream().map(r -> r.getField("code")).collect(Collectors.toSet());
        for (Path source : w.sources().values()) {
            assertThat(Files.readAllLines(source).get(0)).isEqualTo("area_code;year;variable;value;target_group");
            assertThat(records(source)).allSatisfy(r -> {
                assertThat(codes).contains(r.getField("area_code"));
                assertThat(r.getField("value")).matches("\\d+");
            });
        }
        JsonNode geo = new ObjectMapper().readTree(w.areasGeoJson().toFile());
        assertThat(geo.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.path("attribution").asText()).isEqualTo("© GeoBasis-DE / BKG (2021)");
        assertThat(geo.path("synthetic").asBoolean()).isTrue();
        assertThat(geo.path("features")).hasSize(records(w.areasCsv()).size());
        org.locationtech.jts.geom.GeometryFactory factory = new org.locationtech.jts.geom.GeometryFactory();
        for (JsonNode f : geo.path("features")) {
            assertThat(codes).contains(f.path("properties").path("code").asText());
            // what is written (6 decimals) must itself be valid, not just what was computed
            org.locationtech.jts.geom.Geometry g = GeoJsonGeometry.read(f.path("geometry"), factory);
            assertThat(g.isValid()).as(f.path("properties").path("code").asText()).isTrue();
            assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(
                    ((org.locationtech.jts.geom.Polygon) g.getGeometryN(0)).getExteriorRing().getCoordinates())).isTrue();
            assertThat(f.path("properties").path("geometry_source").asText()).contains("GeoBasis-DE / BKG (2021)");
        }
        assertThat(Files.readString(w.readme())).contains("SYNTHETISCH").contains("SYNTHETIC").contains("dl-de/by-2-0");
    }

    private static List<NamedCsvRecord> records(Path file) throws IOException {
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().fieldSeparator(';').ofNamedCsvRecord(file)) {
            return r.stream().toList();
        }
    }
}
