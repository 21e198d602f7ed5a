package de.sozialmonitor.demo;

import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.BoundaryChange;
import de.sozialmonitor.model.Area;
import de.sozialmonitor.demo.PeineTerritory.Municipality;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The areas of the demo: the county, its municipalities (real boundaries from BKG VG5000), Lahstedt
 * until 2014, and generated localities, as area versions with validity and geometry, plus the
 * boundary-change table of the Lahstedt merger. Deterministic in the seed.
 */
public final class DemoGeography {
    static final String BOUNDARIES_RESOURCE = "/demo/gemeinden.geojson";
    /** Share of Ilsede's area that formed Lahstedt (its southern part); about half in reality. */
    static final double LAHSTEDT_AREA_SHARE = 0.48;

    /** One area version with its geometry (WGS84). {@code localityName} is the name without prefix. */
    public record DemoArea(Area area, Geometry geometry) {
        public String code() {
            return area.code();
        }
    }

    /**
     * A locality as one social entity across the merger: Lahstedt's localities have one code until
     * 2014 and another from 2015 on.
     */
    public record Locality(String name, String municipalityAgs, String codeUntilMerger, String codeFromMerger,
                           boolean main) {
        /** The code valid on 31 December of {@code year}. */
        public String codeIn(int year) {
            return year < PeineTerritory.MERGER.getYear() ? codeUntilMerger : codeFromMerger;
        }

        public boolean changesCode() {
            return !codeUntilMerger.equals(codeFromMerger);
        }
    }

    private final List<DemoArea> areas;
    private final List<Locality> localities;
    private final List<BoundaryChange> boundaryChanges;

    private DemoGeography(List<DemoArea> areas, List<Locality> localities, List<BoundaryChange> boundaryChanges) {
        this.areas = List.copyOf(areas);
        this.localities = List.copyOf(localities);
        this.boundaryChanges = List.copyOf(boundaryChanges);
    }

    public List<DemoArea> areas() {
        return areas;
    }

    public List<Locality> localities() {
        return localities;
    }

    public List<BoundaryChange> boundaryChanges() {
        return boundaryChanges;
    }

    /** The real municipal polygons from the BKG file, by AGS. */
    public static Map<String, Geometry> municipalBoundaries(GeometryFactory factory) {
        try (InputStream in = DemoGeography.class.getResourceAsStream(BOUNDARIES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BOUNDARIES_RESOURCE + " missing from the jar");
            }
            JsonNode root = Json.MAPPER.readTree(in);
            Map<String, Geometry> byAgs = new LinkedHashMap<>();
            for (JsonNode feature : root.path("features")) {
                byAgs.put(feature.path("properties").path("AGS").asText(),
                        GeoJsonGeometry.read(feature.path("geometry"), factory));
            }
            return byAgs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DemoGeography generate(long seed) {
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
        Map<String, Geometry> boundaries = municipalBoundaries(factory);
        List<DemoArea> areas = new ArrayList<>();
        List<Locality> localities = new ArrayList<>();
        List<BoundaryChange> changes = new ArrayList<>();

        Geometry county = LocalityTessellation.gridUnion(factory.buildGeometry(boundaries.values()));
        areas.add(new DemoArea(new Area(PeineTerritory.COUNTY_CODE, PeineTerritory.COUNTY_NAME,
                PeineTerritory.LEVEL_COUNTY, null), county));

        for (Municipality m : PeineTerritory.MUNICIPALITIES) {
            Geometry polygon = boundaries.get(m.ags());
            if (polygon == null) {
                throw new IllegalStateException("no boundary for " + m.ags() + " in " + BOUNDARIES_RESOURCE);
            }
            Random random = new Random(seed * 1_000_003L + m.ags().hashCode());
            if (m.ags().equals(PeineTerritory.ILSEDE)) {
                addIlsedeAndLahstedt(m, polygon, random, factory, areas, localities, changes);
            } else {
                areas.add(new DemoArea(new Area(m.ags(), m.name(), PeineTerritory.LEVEL_MUNICIPALITY,
                        PeineTerritory.COUNTY_CODE), polygon));
                addLocalities(m, m.localities(), m.ags(), m.ags(), 1, polygon, random, null, null, areas, localities);
            }
        }
        // parents before children, versions in time order: the order an importer can check row by row
        areas.sort(java.util.Comparator.comparing(DemoArea::code).thenComparing(a -> a.area().validFrom()));
        localities.sort(java.util.Comparator.comparing(Locality::codeFromMerger));
        return new DemoGeography(areas, localities, changes);
    }

    /**
     * Ilsede: one version of 03157009 until 2014 (without Lahstedt) and one from 2015 (with it);
     * Lahstedt 03157004 until 2014; Lahstedt's localities change code with the merger, each carried
     * 1:1 to its new code by the boundary-change table.
     */
    private static void addIlsedeAndLahstedt(Municipality ilsede, Geometry polygon, Random random, GeometryFactory factory,
                                             List<DemoArea> areas, List<Locality> localities, List<BoundaryChange> changes) {
        Geometry lahstedt = southernPart(polygon, LAHSTEDT_AREA_SHARE, factory);
        Geometry oldIlsede = LocalityTessellation.polygonal(LocalityTessellation.gridDifference(polygon, lahstedt), factory);
        LocalDate merger = PeineTerritory.MERGER;
        areas.add(new DemoArea(new Area(ilsede.ags(), ilsede.name(), PeineTerritory.LEVEL_MUNICIPALITY,
                PeineTerritory.COUNTY_CODE, Area.BEGINNING, merger), oldIlsede));
        areas.add(new DemoArea(new Area(ilsede.ags(), ilsede.name(), PeineTerritory.LEVEL_MUNICIPALITY,
                PeineTerritory.COUNTY_CODE, merger, null), polygon));
        areas.add(new DemoArea(new Area(PeineTerritory.LAHSTEDT, PeineTerritory.LAHSTEDT_NAME,
                PeineTerritory.LEVEL_MUNICIPALITY, PeineTerritory.COUNTY_CODE, Area.BEGINNING, merger), lahstedt));
        changes.add(new BoundaryChange(PeineTerritory.LAHSTEDT, ilsede.ags(), 1.0, merger));

        List<String> ilsedeProper = ilsede.localities().stream()
                .filter(n -> !PeineTerritory.LAHSTEDT_LOCALITIES.contains(n)).toList();
        addLocalities(ilsede, ilsedeProper, ilsede.ags(), ilsede.ags(), 1, oldIlsede, random, null, null, areas, localities);
        int firstNumber = ilsedeProper.size() + 1;
        int before = localities.size();
        addLocalities(ilsede, PeineTerritory.LAHSTEDT_LOCALITIES, PeineTerritory.LAHSTEDT, ilsede.ags(), firstNumber,
                lahstedt, random, merger, changes, areas, localities);
        if (localities.size() - before != PeineTerritory.LAHSTEDT_LOCALITIES.size()) {
            throw new IllegalStateException("Lahstedt localities not generated");
        }
    }

    /**
     * Tessellates {@code region} into the named localities. Codes are AGS + 3 digits in
     * alphabetical order; with a {@code merger} date the locality has one version under
     * {@code agsBefore} (numbered from 1) until the merger and one under {@code agsAfter}
     * (numbered from {@code firstNumberAfter}) from then on.
     */
    private static void addLocalities(Municipality m, List<String> names, String agsBefore, String agsAfter,
                                      int firstNumberAfter, Geometry region, Random random, LocalDate merger,
                                      List<BoundaryChange> changes, List<DemoArea> areas, List<Locality> localities) {
        List<String> sorted = names.stream().sorted(java.text.Collator.getInstance(java.util.Locale.GERMAN)).toList();
        // the main place takes the central cell (cell 0); the others follow in alphabetical order
        List<String> byCell = new ArrayList<>(sorted);
        if (byCell.remove(m.mainLocality())) {
            byCell.add(0, m.mainLocality());
        }
        List<Geometry> cells = LocalityTessellation.tessellate(region, byCell.size(), random);
        for (int i = 0; i < byCell.size(); i++) {
            String name = byCell.get(i);
            int number = sorted.indexOf(name) + 1;
            Geometry cell = cells.get(i);
            if (merger == null) {
                String code = agsAfter + "%03d".formatted(number);
                areas.add(new DemoArea(new Area(code, name, PeineTerritory.LEVEL_LOCALITY, agsAfter), cell));
                localities.add(new Locality(name, m.ags(), code, code, name.equals(m.mainLocality())));
            } else {
                String before = agsBefore + "%03d".formatted(number);
                String after = agsAfter + "%03d".formatted(firstNumberAfter + number - 1);
                areas.add(new DemoArea(new Area(before, name, PeineTerritory.LEVEL_LOCALITY, agsBefore,
                        Area.BEGINNING, merger), cell));
                areas.add(new DemoArea(new Area(after, name, PeineTerritory.LEVEL_LOCALITY, agsAfter, merger, null), cell));
                changes.add(new de.sozialmonitor.model.BoundaryChange(before, after, 1.0, merger));
                localities.add(new Locality(name, m.ags(), before, after, false));
            }
        }
    }

    /** The part of {@code polygon} south of the latitude that cuts off {@code share} of its area. */
    static Geometry southernPart(Geometry polygon, double share, GeometryFactory factory) {
        Envelope env = polygon.getEnvelopeInternal();
        double lo = env.getMinY();
        double hi = env.getMaxY();
        double target = polygon.getArea() * share;
        for (int i = 0; i < 50; i++) {
            double mid = (lo + hi) / 2;
            double south = LocalityTessellation.intersection(polygon, box(env, env.getMinY(), mid, factory)).getArea();
            if (south < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double cut = Math.round((lo + hi) / 2 * 1e6) / 1e6;
        return LocalityTessellation.polygonal(LocalityTessellation.gridIntersection(polygon, box(env, env.getMinY(), cut, factory)), factory);
    }

    private static Geometry box(Envelope env, double minY, double maxY, GeometryFactory factory) {
        return factory.toGeometry(new Envelope(env.getMinX() - 1, env.getMaxX() + 1, minY - 1, maxY));
    }
}
