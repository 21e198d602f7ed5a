package de.sozialmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.demo.DemoGeography.DemoArea;
import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.BoundaryChange;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

class DemoGeographyTest {
    /**
     * Parts written to the 6-decimal output grid (~0.1 m) may deviate from the real boundary by
     * the rounding of the points where a generated edge meets it: for a municipality of 50 km2 this
     * tolerance allows 500 m2 in all. Overlaps between parts have no such excuse.
     */
    private static final double BOUNDARY_TOLERANCE = 1e-5;
    private static final double OVERLAP_TOLERANCE = 1e-9;
    static DemoGeography geography;

    @BeforeAll
    static void generate() {
        geography = DemoGeography.generate(DemoWorkspace.DEFAULT_SEED);
    }

    private static List<DemoArea> validOn(String level, LocalDate day) {
        return geography.areas().stream()
                .filter(a -> a.area().level().equals(level))
                .filter(a -> !a.area().validFrom().isAfter(day) && (a.area().validTo() == null || a.area().validTo().isAfter(day)))
                .toList();
    }

    private static void assertTiles(Geometry whole, List<Geometry> parts, double overlapTolerance) {
        double sum = parts.stream().mapToDouble(Geometry::getArea).sum();
        Geometry union = LocalityTessellation.union(whole.getFactory().buildGeometry(parts));
        double gapsAndExcess = OverlayNGRobust.overlay(union, whole, OverlayNG.SYMDIFFERENCE).getArea();
        // sum of the parts = their union: no overlap
        assertThat((sum - union.getArea()) / whole.getArea()).isLessThan(overlapTolerance);
        // union = whole: no gap and nothing outside
        assertThat(gapsAndExcess / whole.getArea()).isLessThan(BOUNDARY_TOLERANCE);
        for (Geometry p : parts) {
            assertThat(p.isValid()).isTrue();
            assertThat(p.getArea()).isGreaterThan(whole.getArea() / (parts.size() * 20.0));
        }
    }

    @Test
    void localitiesTileTheirMunicipalityBeforeAndAfterTheMerger() {
        for (LocalDate day : List.of(LocalDate.of(2014, 12, 31), LocalDate.of(2024, 12, 31))) {
            for (DemoArea municipality : validOn(PeineTerritory.LEVEL_MUNICIPALITY, day)) {
                List<Geometry> cells = validOn(PeineTerritory.LEVEL_LOCALITY, day).stream()
                        .filter(l -> municipality.code().equals(l.area().parentCode()))
                        .map(DemoArea::geometry).toList();
                assertThat(cells).as(municipality.area().name()).isNotEmpty();
                assertTiles(municipality.geometry(), cells, OVERLAP_TOLERANCE);
            }
        }
    }

    @Test
    void municipalitiesTileTheCountyInBothBoundaryVersions() {
        Geometry county = validOn(PeineTerritory.LEVEL_COUNTY, LocalDate.of(2024, 12, 31)).get(0).geometry();
        assertThat(validOn(PeineTerritory.LEVEL_MUNICIPALITY, LocalDate.of(2014, 12, 31))).hasSize(8);
        assertThat(validOn(PeineTerritory.LEVEL_MUNICIPALITY, LocalDate.of(2024, 12, 31))).hasSize(7);
        // the real boundaries are taken as they are (1:5M, 6 decimals): their own slivers are up to ~1e-8
        assertTiles(county, validOn(PeineTerritory.LEVEL_MUNICIPALITY, LocalDate.of(2014, 12, 31)).stream()
                .map(DemoArea::geometry).toList(), 1e-7);
    }

    @Test
    void municipalitiesKeepTheirRealBoundaries() {
        Map<String, Geometry> real = DemoGeography.municipalBoundaries(new GeometryFactory());
        for (DemoArea m : validOn(PeineTerritory.LEVEL_MUNICIPALITY, LocalDate.of(2024, 12, 31))) {
            assertThat(m.geometry().equalsExact(real.get(m.code()))).as(m.code()).isTrue();
        }
    }

    @Test
    void codesFollowAgsAndEveryParentExistsWhileTheChildDoes() {
        assertThat(geography.areas().stream().map(DemoArea::code).distinct().count()).isGreaterThanOrEqualTo(50);
        for (DemoArea a : geography.areas()) {
            Area area = a.area();
            switch (area.level()) {
                case PeineTerritory.LEVEL_COUNTY -> assertThat(area.code()).isEqualTo("03157");
                case PeineTerritory.LEVEL_MUNICIPALITY -> assertThat(area.code()).matches("03157\\d{3}");
                default -> assertThat(area.code()).matches("03157\\d{6}").startsWith(area.parentCode());
            }
            if (area.parentCode() != null) {
                assertThat(geography.areas()).as("parent of " + area.code())
                        .anySatisfy(p -> {
                            assertThat(p.code()).isEqualTo(area.parentCode());
                            assertThat(p.area().validFrom()).isBeforeOrEqualTo(area.validFrom());
                        });
            }
        }
        assertThat(geography.areas().stream().map(a -> a.area().name()).collect(Collectors.toSet()))
                .contains("Stadt Peine", "Edemissen", "Hohenhameln", "Ilsede", "Lengede", "Vechelde", "Wendeburg", "Lahstedt");
    }

    @Test
    void lahstedtMergesIntoIlsedeWithItsLocalities() {
        Set<String> lahstedtLocalities = geography.areas().stream()
                .filter(a -> PeineTerritory.LAHSTEDT.equals(a.area().parentCode())).map(DemoArea::code).collect(Collectors.toSet());
        assertThat(lahstedtLocalities).hasSize(5);
        List<BoundaryChange> changes = geography.boundaryChanges();
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.weight()).isEqualTo(1.0);
            assertThat(c.changeDate()).isEqualTo(LocalDate.of(2015, 1, 1));
        });
        assertThat(changes).extracting(BoundaryChange::predecessorCode)
                .containsExactlyInAnyOrderElementsOf(union(lahstedtLocalities, Set.of(PeineTerritory.LAHSTEDT)));
        for (BoundaryChange c : changes) {
            DemoArea before = geography.areas().stream().filter(a -> a.code().equals(c.predecessorCode())).findFirst().orElseThrow();
            DemoArea after = geography.areas().stream().filter(a -> a.code().equals(c.successorCode())
                    && a.area().validFrom().equals(c.changeDate())).findFirst().orElseThrow();
            assertThat(before.area().validTo()).isEqualTo(c.changeDate());
            if (before.area().level().equals(PeineTerritory.LEVEL_LOCALITY)) {
                assertThat(after.area().name()).isEqualTo(before.area().name());
                assertThat(after.area().parentCode()).isEqualTo(PeineTerritory.ILSEDE);
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
