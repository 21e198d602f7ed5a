package de.sozialmonitor.workspace;

import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.PrivacyConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads and validates {@code sozialmonitor.yaml}; every error names file, line and key. */
public final class WorkspaceConfigReader {
    /** Jumps between counts both below this are chance in small areas, not a delivery problem. */
    public static final double DEFAULT_JUMP_MIN_COUNT = 20;

    private WorkspaceConfigReader() {
    }

    public static WorkspaceConfig read(Path file) {
        return read(YamlDocument.load(file));
    }

    public static WorkspaceConfig read(YamlDocument doc) {
        ConfigNode root = doc.root().requireObject()
                .allowOnly(Set.of("territory", "language", "database", "method", "privacy", "web", "synthetic", "source", "published_classes", "import"));
        ConfigNode territory = root.get("territory").requireObject().allowOnly(Set.of("code", "name"));
        String language = root.get("language").string("de");
        if (!language.equals("de") && !language.equals("en")) {
            throw root.get("language").error("language.invalid", language);
        }
        ConfigNode db = root.get("database");
        db.allowOnly(Set.of("url", "user", "password"));
        var database = new WorkspaceConfig.DatabaseSettings(db.get("url").string(""), db.get("user").string(""),
                db.get("password").string(""));
        ConfigNode web = root.get("web");
        web.allowOnly(Set.of("port", "attribution", "base_url", "licence")); // attribution: map credit line; base_url: absolute links; licence: of the published data (web part)
        String baseUrl = web.get("base_url").string("");
        if (!baseUrl.isEmpty() && !baseUrl.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+(/[A-Za-z0-9._~\\-/]*)?")) {
            throw web.get("base_url").error("must be an http or https address such as https://sozialmonitor.example.de (no query)");
        }
        int port = web.get("port").integer(7070);
        if (port < 1 || port > 65535) {
            throw web.get("port").error("port.range");
        }
        ConfigNode imp = root.get("import");
        imp.allowOnly(Set.of("jump_factor", "jump_min_count"));
        double jumpFactor = imp.get("jump_factor").number(2.0);
        if (!(jumpFactor > 1)) {
            throw imp.get("jump_factor").error("number.aboveOne");
        }
        double jumpMinCount = imp.get("jump_min_count").number(DEFAULT_JUMP_MIN_COUNT);
        if (!(jumpMinCount >= 0)) {
            throw imp.get("jump_min_count").error("number.notNegative");
        }
        MethodConfig method = readMethod(root.get("method"));
        return new WorkspaceConfig(territory.get("code").string(), territory.get("name").string(), language, database,
                method, readMethodByYear(root.get("method")), readPrivacy(root.get("privacy")), port,
                root.get("synthetic").bool(false), root.get("source").string("").strip(),
                readPublishedClasses(root.get("published_classes")), jumpFactor, jumpMinCount, root);
    }

    /**
     * {@code published_classes}: per year, a table of classes published by others ({@link PublishedClassesSource}),
     * e.g. {@code 2018: {file: data/mss_2019_plr.csv, name: "MSS 2019", code: plr_id, status: status_class,
     * dynamics: dynamics_class}}; {@code separator} defaults to {@code ;}.
     */
    static Map<Integer, PublishedClassesSource> readPublishedClasses(ConfigNode r) {
        Map<Integer, PublishedClassesSource> published = new java.util.TreeMap<>();
        r.entries().forEach((key, node) -> {
            if (!key.matches("\\d{4}")) {
                throw node.error("year.invalid", key);
            }
            node.requireObject().allowOnly(Set.of("name", "file", "separator", "code", "status", "dynamics"));
            String separator = node.get("separator").string(";");
            if (separator.length() != 1) {
                throw node.get("separator").error("separator.oneChar", separator);
            }
            published.put(Integer.parseInt(key), new PublishedClassesSource(node.get("name").string(), node.get("file").string(),
                    separator.charAt(0), node.get("code").string(), node.get("status").string(), node.get("dynamics").string()));
        });
        return published;
    }

    /** The keys of the method section; {@code by_year} may give every one of them but these two for a year. */
    private static final Set<String> METHOD_KEYS = Set.of("analysis_level", "population_variable", "min_population",
            "status_indicators", "dynamics_indicators", "dynamics_years", "status_thresholds",
            "dynamics_thresholds", "attention_rule", "early_warning", "standardisation", "exclude", "by_year");
    private static final Set<String> NOT_BY_YEAR = Set.of("analysis_level", "by_year");

    static MethodConfig readMethod(ConfigNode m) {
        if (!m.isPresent()) {
            return MethodConfig.defaults();
        }
        m.requireObject().allowOnly(METHOD_KEYS);
        return readMethod(new MethodSection(m, null));
    }

    /**
     * {@code method.by_year}: the settings of single years that differ from the general ones (a
     * series whose method changed, e.g. Berlin's MSS with four status indicators until the report
     * 2017 and three from 2019, or areas excluded in one report only). A key given for a year
     * replaces the general key in that year, as a whole.
     */
    static Map<Integer, MethodConfig> readMethodByYear(ConfigNode m) {
        Map<Integer, MethodConfig> byYear = new java.util.TreeMap<>();
        if (!m.isPresent()) {
            return byYear;
        }
        ConfigNode years = m.get("by_year");
        Set<String> allowed = new java.util.TreeSet<>(METHOD_KEYS);
        allowed.removeAll(NOT_BY_YEAR);
        years.entries().forEach((key, node) -> {
            if (!key.matches("\\d{4}")) {
                throw node.error("year.invalid", key);
            }
            node.requireObject().allowOnly(allowed);
            byYear.put(Integer.parseInt(key), readMethod(new MethodSection(m, node)));
        });
        return byYear;
    }

    /** The method keys of one year: the year's own where it gives them, else the general ones. */
    record MethodSection(ConfigNode general, ConfigNode year) {
        ConfigNode get(String key) {
            return year != null && year.has(key) ? year.get(key) : general.get(key);
        }

        boolean has(String key) {
            return get(key).isPresent();
        }
    }

    private static MethodConfig readMethod(MethodSection m) {
        MethodConfig d = MethodConfig.defaults();
        double minPopulation = m.get("min_population").number(d.minPopulation());
        if (minPopulation < 0) {
            throw m.get("min_population").error("number.notNegative");
        }
        int dynamicsYears = m.get("dynamics_years").integer(d.dynamicsYears());
        if (dynamicsYears < 1) {
            throw m.get("dynamics_years").error("number.atLeastOne");
        }
        Map<String, Double> status = m.has("status_indicators") ? weights(m.get("status_indicators")) : d.statusIndicators();
        Map<String, Double> dynamics = m.has("dynamics_indicators") ? weights(m.get("dynamics_indicators")) : status;
        ConfigNode st = m.get("status_thresholds");
        st.allowOnly(Set.of("high", "low", "very_low"));
        var statusThresholds = new MethodConfig.StatusThresholds(
                st.get("high").number(d.statusThresholds().high()),
                st.get("low").number(d.statusThresholds().low()),
                st.get("very_low").number(d.statusThresholds().veryLow()));
        if (!(statusThresholds.high() < statusThresholds.low() && statusThresholds.low() <= statusThresholds.veryLow())) {
            throw st.error("thresholds.status");
        }
        ConfigNode dt = m.get("dynamics_thresholds");
        dt.allowOnly(Set.of("positive", "negative"));
        var dynamicsThresholds = new MethodConfig.DynamicsThresholds(
                dt.get("positive").number(d.dynamicsThresholds().positive()),
                dt.get("negative").number(d.dynamicsThresholds().negative()));
        if (!(dynamicsThresholds.positive() < dynamicsThresholds.negative())) {
            throw dt.error("thresholds.dynamics");
        }
        String rule = m.get("attention_rule").string(d.attentionRule());
        if (!rule.equals(MethodConfig.ATTENTION_DEFAULT) && !rule.equals(MethodConfig.ATTENTION_BERLIN)) {
            throw m.get("attention_rule").error("attentionRule.invalid", rule);
        }
        Map<String, Double> warnings = m.has("early_warning") ? numbers(m.get("early_warning")) : d.earlyWarningThresholds();
        String standardisation = m.get("standardisation").string(d.standardisation());
        if (!standardisation.equals(MethodConfig.STANDARDISATION_POPULATION) && !standardisation.equals(MethodConfig.STANDARDISATION_SAMPLE)) {
            throw m.get("standardisation").error("standardisation.invalid", standardisation);
        }
        Map<String, String> exclude = new LinkedHashMap<>();
        m.get("exclude").entries().forEach((code, reason) -> {
            String text = reason.string();
            if (text.isBlank()) {
                throw reason.error("exclude.noReason");
            }
            exclude.put(code, text.trim());
        });
        return new MethodConfig(m.get("analysis_level").string(null), m.get("population_variable").string(d.populationVariable()),
                minPopulation, status, dynamics, dynamicsYears, statusThresholds, dynamicsThresholds, rule, warnings, standardisation,
                exclude);
    }

    private static Map<String, Double> weights(ConfigNode node) {
        Map<String, Double> map = new LinkedHashMap<>();
        if (node.raw().isArray()) {
            for (String id : node.stringList()) {
                map.put(id, 1.0);
            }
        } else {
            node.entries().forEach((id, w) -> {
                double weight = w.number();
                if (!(weight > 0)) {
                    throw w.error("weight.positive");
                }
                map.put(id, weight);
            });
        }
        if (map.isEmpty()) {
            throw node.error("indicators.none");
        }
        return map;
    }

    private static Map<String, Double> numbers(ConfigNode node) {
        Map<String, Double> map = new LinkedHashMap<>();
        node.entries().forEach((id, v) -> map.put(id, v.number()));
        return map;
    }

    static PrivacyConfig readPrivacy(ConfigNode p) {
        PrivacyConfig d = PrivacyConfig.defaults();
        if (!p.isPresent()) {
            return d;
        }
        p.requireObject().allowOnly(Set.of("min_count", "min_count_by_variable", "min_population_for_rates"));
        int minCount = p.get("min_count").integer(d.minCount());
        if (minCount < 1) {
            throw p.get("min_count").error("number.atLeastOne");
        }
        Map<String, Integer> byVariable = new LinkedHashMap<>();
        p.get("min_count_by_variable").entries().forEach((k, v) -> byVariable.put(k, v.integer()));
        return new PrivacyConfig(minCount, byVariable, p.get("min_population_for_rates").number(d.minPopulationForRates()));
    }
}
