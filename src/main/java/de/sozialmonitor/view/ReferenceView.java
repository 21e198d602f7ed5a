package de.sozialmonitor.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.method.ReferenceValues;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.model.ReferencePackage;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.model.ValueStatus;
import de.sozialmonitor.store.ResultRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The official figures of reference regions beside a view's figures (the sibling of
 * {@link ResultView} for comparison with other regions): each indicator of the view's catalog
 * formed for each region from its imported figures by the catalog's own formula
 * ({@link ReferenceValues}). Reference figures are public statistics; they are never mixed into
 * the monitoring's figures and are not frozen with a release (the page says which year each is from).
 */
public final class ReferenceView {
    /** An indicator's value for a region, from the figures of {@code year}; {@code value} null with the placeholder's status. */
    public record Value(Double value, ValueStatus status, int year) {
        public boolean shown() {
            return value != null;
        }
    }

    /**
     * Another county's package: where its figures come from and the method they were computed
     * with, parsed from the package's {@code method.json}.
     */
    public record CountyMethod(ReferencePackage source, MethodConfig method, IndicatorCatalog catalog, String analysisLevel,
                               int minCount, double minPopulationForRates) {
    }

    private final ResultView view;
    private final Map<String, ReferenceRegion> regions;
    private final List<CountyMethod> methods;
    /** region → year → figures. */
    private final Map<String, SortedMap<Integer, List<ReferenceFigure>>> figures;

    private ReferenceView(ResultView view, Map<String, ReferenceRegion> regions,
                          Map<String, SortedMap<Integer, List<ReferenceFigure>>> figures, List<CountyMethod> methods) {
        this.view = view;
        this.regions = regions;
        this.figures = figures;
        this.methods = List.copyOf(methods);
    }

    public static ReferenceView of(ResultView view, List<ReferenceRegion> regions, List<ReferenceFigure> figures) {
        return of(view, regions, figures, List.of());
    }

    /** With the packages of other counties ({@code import package}), whose methods can be compared. */
    public static ReferenceView of(ResultView view, List<ReferenceRegion> regions, List<ReferenceFigure> figures,
                                   List<ReferencePackage> packages) {
        Map<String, ReferenceRegion> byCode = new LinkedHashMap<>();
        regions.forEach(r -> byCode.put(r.code(), r));
        Map<String, SortedMap<Integer, List<ReferenceFigure>>> f = new HashMap<>();
        for (ReferenceFigure x : figures) {
            f.computeIfAbsent(x.regionCode(), k -> new TreeMap<>()).computeIfAbsent(x.year(), k -> new ArrayList<>()).add(x);
        }
        List<CountyMethod> methods = new ArrayList<>();
        for (ReferencePackage p : packages) {
            try {
                JsonNode m = Json.MAPPER.readTree(p.methodJson());
                methods.add(new CountyMethod(p, ResultRepository.methodConfig(m.path("method").toString()),
                        ResultRepository.catalogFromJson(m.path("catalog").toString()),
                        m.path("analysis_level").isNull() ? null : m.path("analysis_level").asText(null),
                        m.path("disclosure").path("min_count").asInt(), m.path("disclosure").path("min_population_for_rates").asDouble()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored method of the package of " + p.regionCode() + " is not readable", e);
            }
        }
        return new ReferenceView(view, byCode, f, methods);
    }

    /** The packages of other counties with their methods, by region code. */
    public List<CountyMethod> countyMethods() {
        return methods;
    }

    /** The region of a package's county. */
    public Optional<ReferenceRegion> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public boolean isEmpty() {
        return regions.isEmpty();
    }

    /** Every region, by code. */
    public List<ReferenceRegion> all() {
        return List.copyOf(regions.values());
    }

    /**
     * The regions an area profile shows beside the county: the county's own official figure (by the
     * territory's code), its Land and Germany, in that order, where imported.
     */
    public List<ReferenceRegion> forProfile() {
        List<ReferenceRegion> out = new ArrayList<>();
        String root = view.territory().code();
        Optional.ofNullable(root).map(regions::get).ifPresent(out::add);
        Optional.ofNullable(ReferenceRegion.landOf(root)).map(regions::get).ifPresent(out::add);
        Optional.ofNullable(regions.get("DG")).ifPresent(out::add);
        return out;
    }

    /** True if the region is the territory itself (its official figure, as opposed to the monitoring's). */
    public boolean isTerritory(ReferenceRegion r) {
        return r.code().equals(view.territory().code());
    }

    /**
     * The indicator's value for a region in {@code year}, or else in the latest year before it
     * with one (the page names the year); empty if there is none.
     */
    public Optional<Value> value(Indicator indicator, String regionCode, int year) {
        SortedMap<Integer, List<ReferenceFigure>> byYear = figures.get(regionCode);
        if (byYear == null) {
            return Optional.empty();
        }
        Value placeholder = null;
        for (int y : byYear.headMap(year + 1).keySet().stream().sorted(java.util.Comparator.reverseOrder()).toList()) {
            List<ReferenceFigure> of = byYear.get(y);
            Map<String, Double> variables = new HashMap<>();
            Double delivered = null;
            for (ReferenceFigure f : of) {
                if (f.usable() == null) {
                    continue;
                }
                if (readsAsVariable(f)) {
                    variables.put(f.name(), f.usable());
                }
                if (readsAsIndicator(f) && f.name().equals(indicator.id())) {
                    delivered = f.usable();
                }
            }
            Double v = ReferenceValues.of(indicator, delivered, variables);
            if (v != null) {
                return Optional.of(new Value(v, ValueStatus.OK, y));
            }
            if (placeholder == null && y == year) {
                placeholder = placeholderOf(indicator, of, y);
            }
        }
        return Optional.ofNullable(placeholder);
    }

    /** A figure read as a variable: marked so, or imported unmarked (before V105) under a name of no indicator. */
    private boolean readsAsVariable(ReferenceFigure f) {
        return f.kind() == ReferenceFigure.Kind.VARIABLE
                || f.kind() == ReferenceFigure.Kind.UNMARKED && view.catalog().indicator(f.name()).isEmpty();
    }

    /** A figure read as an indicator's value: marked so, or imported unmarked (before V105) under an indicator's id, as then read. */
    private boolean readsAsIndicator(ReferenceFigure f) {
        return f.kind() == ReferenceFigure.Kind.INDICATOR
                || f.kind() == ReferenceFigure.Kind.UNMARKED && view.catalog().indicator(f.name()).isPresent();
    }

    /** True if any region has a value for the indicator up to {@code year}. */
    public boolean hasValues(Indicator indicator, int year) {
        return regions.keySet().stream().anyMatch(r -> value(indicator, r, year).map(Value::shown).orElse(false));
    }

    /** A delivered placeholder for the indicator's own value or one of its variables, shown as its symbol. */
    private Value placeholderOf(Indicator indicator, List<ReferenceFigure> of, int year) {
        for (ReferenceFigure f : of) {
            boolean concerns = readsAsIndicator(f) && f.name().equals(indicator.id())
                    || readsAsVariable(f) && indicator.variables().contains(f.name());
            if (concerns && f.usable() == null) {
                return new Value(null, f.status(), year);
            }
        }
        return null;
    }
}
