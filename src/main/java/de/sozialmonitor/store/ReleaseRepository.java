package de.sozialmonitor.store;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.DisclosureAudit;
import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.PublishedView;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.ReleaseData;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.privacy.ReleaseTableBuilder;
import de.sozialmonitor.workspace.WorkspaceConfig;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Releases ("Berichtsstände"): numbered, frozen, checksummed snapshots of a result set after
 * disclosure control.
 *
 * <p><b>For the web and report parts:</b> only {@link #published()}, {@link #latestPublished()},
 * {@link #download(int, ReleaseDownload.Format)} and {@link #publishedRows(int)} may feed
 * anything shown without login: they never return an unpublished release, and their rows are the
 * protected ones. {@link #content(int)} and {@link #internalDownload} are for logged-in staff.
 *
 * <p>Immutability: the only UPDATE this class issues sets {@code published_at} of a release that
 * has none; nothing else of a release or its files is ever changed or deleted. A correction is a
 * new release with {@code corrects} naming the old one.
 */
public final class ReleaseRepository {

    /** A release's facts, without its (large) content. */
    public record ReleaseInfo(int number, String title, int year, long resultSetId, OffsetDateTime createdAt,
                              String createdBy, OffsetDateTime publishedAt, String publishedBy, String checksum,
                              Integer corrects) {
        public boolean isPublished() {
            return publishedAt != null;
        }
    }

    /** What {@code release create} needs from the workspace. */
    public record CreateRequest(String title, int year, Integer corrects, String territoryCode, String territoryName,
                                boolean synthetic, DisclosureRules rules, MethodConfig method, IndicatorCatalog catalog) {

        /** The request for a workspace's configuration and catalog (what {@code release create} uses). */
        public static CreateRequest of(WorkspaceConfig config, IndicatorCatalog catalog, String title, int year, Integer corrects) {
            return new CreateRequest(title, year, corrects, config.territoryCode(), config.territoryName(), config.synthetic(),
                    DisclosureRules.of(config.privacy()), config.method(), catalog);
        }
    }

    /** One check of {@code release verify}. */
    public record Check(String name, boolean ok, String detail) {
    }

    /** The outcome of {@code release verify}: every check must be ok. */
    public record Verification(int number, List<Check> checks) {
        public boolean ok() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    /** A refused release operation; {@code key} names the message in i18n/privacy.properties. */
    public static final class ReleaseException extends RuntimeException {
        private final String key;
        private final transient Object[] args;

        public ReleaseException(String key, Object... args) {
            super(key + " " + java.util.Arrays.toString(args));
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /**
     * Recomputes the result values of a frozen release from the stored inputs with the method.
     * The method part owns reading observations into its input, so the caller wires this in
     * (see docs/privacy.md); {@link #NONE} reports the check as not run.
     */
    @FunctionalInterface
    public interface Recomputation {
        /** The recomputed {@code result_value} rows, or empty if recomputation is not possible here. */
        Optional<List<ReleaseData.ValueRow>> recompute(Handle handle, ReleaseContent frozen);

        Recomputation NONE = (h, c) -> Optional.empty();
    }

    private final Jdbi jdbi;

    public ReleaseRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---------------------------------------------------------------- create

    /** Freezes the latest result set of the year into a new release (not yet published). */
    public ReleaseInfo create(CreateRequest req, String user) {
        return jdbi.inTransaction(h -> {
            if (req.corrects() != null && find(h, req.corrects()).isEmpty()) {
                throw new ReleaseException("release.error.correctsUnknown", req.corrects());
            }
            Optional<Map<String, Object>> rs = h.createQuery("SELECT id, method_json, catalog_json, inputs_json, analysis_level "
                            + "FROM result_set WHERE year = :y ORDER BY id DESC LIMIT 1")
                    .bind("y", req.year()).mapToMap().findOne();
            if (rs.isEmpty()) {
                throw new ReleaseException("release.error.noResults", req.year());
            }
            long resultSetId = ((Number) rs.get().get("id")).longValue();
            int number = h.createQuery("SELECT COALESCE(MAX(number), 0) + 1 FROM release").mapTo(Integer.class).one();

            ReleaseData data = readData(h, resultSetId, req);
            ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, req.rules());
            ReleaseContent content = new ReleaseContent(ReleaseContent.FORMAT, number, req.title(), req.year(), req.corrects(),
                    req.territoryCode(), req.territoryName(), req.synthetic(), ReleaseContent.Rules.of(req.rules()),
                    resultSetId, (String) rs.get().get("analysis_level"),
                    ReleaseContent.jsonOrText((String) rs.get().get("method_json")),
                    ReleaseContent.jsonOrText((String) rs.get().get("catalog_json")),
                    ReleaseContent.jsonOrText((String) rs.get().get("inputs_json")),
                    readImports(h), data, readStats(h, resultSetId), table.summary(), table.rows());
            byte[] bytes = content.canonicalBytes();
            String checksum = ReleaseContent.sha256(bytes);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            h.createUpdate("INSERT INTO release(number, title, year, result_set_id, created_at, created_by, checksum, corrects, content) "
                            + "VALUES (:n, :title, :year, :rs, :at, :by, :checksum, :corrects, :content)")
                    .bind("n", number).bind("title", req.title()).bind("year", req.year()).bind("rs", resultSetId)
                    .bind("at", now).bind("by", user).bind("checksum", checksum).bind("corrects", req.corrects())
                    .bind("content", new String(bytes, StandardCharsets.UTF_8))
                    .execute();
            for (ReleaseDownload.Format f : ReleaseDownload.Format.values()) {
                byte[] file = ReleaseDownload.write(f, header(content, checksum), table.rows());
                h.createUpdate("INSERT INTO release_file(release_number, format, media_type, sha256, content) "
                                + "VALUES (:n, :f, :mt, :sha, :content)")
                        .bind("n", number).bind("f", f.extension()).bind("mt", f.mediaType())
                        .bind("sha", ReleaseContent.sha256(file)).bind("content", new String(file, StandardCharsets.UTF_8))
                        .execute();
            }
            var s = table.summary();
            AuditLog.record(h, user, "release.create", "release " + number,
                    "title=" + req.title() + "; year=" + req.year() + "; result_set=" + resultSetId + "; checksum=" + checksum
                            + (req.corrects() == null ? "" : "; corrects=" + req.corrects())
                            + "; counts=" + s.counts() + "; primary=" + s.primarySuppressed() + "; secondary=" + s.secondarySuppressed());
            return find(h, number).orElseThrow();
        });
    }

    static ReleaseDownload.Header header(ReleaseContent c, String checksum) {
        return new ReleaseDownload.Header(c.number(), c.title(), c.year(), c.corrects(), checksum, c.territoryCode(),
                c.territoryName(), c.synthetic());
    }

    private ReleaseData readData(Handle h, long resultSetId, CreateRequest req) {
        List<ReleaseData.ValueRow> values = readValues(h, resultSetId);
        List<ReleaseData.AreaRow> areaRows = readAreaRows(h, resultSetId);
        Map<String, AreaInfo> areas = readAreas(h, req.year());
        List<ReleaseData.IndicatorInfo> indicators = new ArrayList<>();
        for (Indicator i : req.catalog().indicators()) {
            indicators.add(new ReleaseData.IndicatorInfo(i.id(), i.numerator().toString(), i.denominator().toString(),
                    i.targetGroup().key(), i.scale(), i.precision()));
        }
        Map<String, Double> population = readPopulation(h, req.method().populationVariable(), areas);
        return new ReleaseData(areas, indicators, values, areaRows, population,
                new java.util.TreeSet<>(req.method().statusIndicators().keySet()),
                new java.util.TreeSet<>(req.method().dynamicsIndicators().keySet()), req.method().dynamicsYears());
    }

    static List<ReleaseData.ValueRow> readValues(Handle h, long resultSetId) {
        return h.createQuery("SELECT area_code, year, indicator_id, target_group, numerator, denominator, value, change_value "
                        + "FROM result_value WHERE result_set_id = :id ORDER BY indicator_id, year, area_code, target_group")
                .bind("id", resultSetId)
                .map((rs, ctx) -> new ReleaseData.ValueRow(rs.getString("area_code"), rs.getInt("year"),
                        rs.getString("indicator_id"), nz(rs.getString("target_group")), dbl(rs, "numerator"),
                        dbl(rs, "denominator"), dbl(rs, "value"), dbl(rs, "change_value")))
                .list();
    }

    static List<ReleaseData.AreaRow> readAreaRows(Handle h, long resultSetId) {
        return h.createQuery("SELECT area_code, year, status_index, status_class, dynamics_index, dynamics_class, attention, excluded "
                        + "FROM result_area WHERE result_set_id = :id ORDER BY year, area_code")
                .bind("id", resultSetId)
                .map((rs, ctx) -> new ReleaseData.AreaRow(rs.getString("area_code"), rs.getInt("year"), dbl(rs, "status_index"),
                        rs.getString("status_class"), dbl(rs, "dynamics_index"), rs.getString("dynamics_class"),
                        rs.getBoolean("attention"), rs.getString("excluded")))
                .list();
    }

    static List<ReleaseContent.StatRow> readStats(Handle h, long resultSetId) {
        return h.createQuery("SELECT year, component, indicator_id, n, mean, sd, left_out FROM result_stat "
                        + "WHERE result_set_id = :id ORDER BY year, component, indicator_id")
                .bind("id", resultSetId)
                .map((rs, ctx) -> new ReleaseContent.StatRow(rs.getInt("year"), rs.getString("component"),
                        rs.getString("indicator_id"), rs.getInt("n"), dbl(rs, "mean"), dbl(rs, "sd"), rs.getBoolean("left_out")))
                .list();
    }

    /** Each area in the version valid at the end of the year, else its latest version. */
    static Map<String, AreaInfo> readAreas(Handle h, int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<String, AreaInfo> areas = new TreeMap<>();
        Map<String, Boolean> validAtEnd = new HashMap<>();
        h.createQuery("SELECT a.code, a.name, a.level, a.parent_code, a.valid_from, a.valid_to, l.depth FROM area a "
                        + "JOIN area_level l ON l.name = a.level ORDER BY a.code, a.valid_from")
                .map((rs, ctx) -> {
                    String code = rs.getString("code");
                    LocalDate from = rs.getObject("valid_from", LocalDate.class);
                    LocalDate to = rs.getObject("valid_to", LocalDate.class);
                    boolean valid = !from.isAfter(end) && (to == null || !to.isBefore(end));
                    if (valid || !Boolean.TRUE.equals(validAtEnd.get(code))) {
                        areas.put(code, new AreaInfo(code, rs.getString("name"), rs.getString("level"),
                                rs.getString("parent_code"), rs.getInt("depth")));
                        validAtEnd.put(code, valid || Boolean.TRUE.equals(validAtEnd.get(code)));
                    }
                    return code;
                }).list();
        return areas;
    }

    /** Inhabitants per area and year from the active observations; parents without own figure: sum of children. */
    static Map<String, Double> readPopulation(Handle h, String variable, Map<String, AreaInfo> areas) {
        Map<String, Double> pop = new TreeMap<>();
        h.createQuery("SELECT o.area_code, o.year, MAX(o.value) AS v FROM observation o JOIN import i ON i.id = o.import_id "
                        + "WHERE i.outcome = 'imported' AND i.superseded_by IS NULL AND o.variable = :v AND o.target_group = '' "
                        + "AND o.value IS NOT NULL GROUP BY o.area_code, o.year")
                .bind("v", variable)
                .map((rs, ctx) -> pop.put(ReleaseData.populationKey(rs.getString("area_code"), rs.getInt("year")), rs.getDouble("v")))
                .list();
        // add sums for parents that have no figure of their own, deepest level first
        List<AreaInfo> byDepth = new ArrayList<>(areas.values());
        byDepth.sort((a, b) -> Integer.compare(b.depth(), a.depth()));
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        pop.keySet().forEach(k -> years.add(Integer.parseInt(k.substring(k.lastIndexOf('|') + 1))));
        for (int y : years) {
            Map<String, Double> sums = new HashMap<>();
            for (AreaInfo a : byDepth) {
                String key = ReleaseData.populationKey(a.code(), y);
                if (!pop.containsKey(key) && sums.containsKey(a.code())) {
                    pop.put(key, sums.get(a.code()));
                }
                Double own = pop.get(key);
                if (own != null && a.parentCode() != null) {
                    sums.merge(a.parentCode(), own, Double::sum);
                }
            }
        }
        return pop;
    }

    static List<ReleaseContent.InputFile> readImports(Handle h) {
        return h.createQuery("SELECT id, file_name, sha256, source FROM import "
                        + "WHERE outcome = 'imported' AND superseded_by IS NULL ORDER BY id")
                .map((rs, ctx) -> new ReleaseContent.InputFile(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("sha256").trim(), rs.getString("source")))
                .list();
    }

    // ---------------------------------------------------------------- verify and publish

    /**
     * Proves a release unchanged and reproducible: its checksum, the result tables it was frozen
     * from, the input files' hashes, the protected table recomputed from the frozen results with the
     * frozen parameters (byte for byte, including both download files), and the attacker test on
     * the stored download.
     */
    public Verification verify(int number, String user) {
        return verify(number, user, Recomputation.NONE);
    }

    /** As {@link #verify(int, String)}, and compares the method's recomputation bit for bit with the frozen values. */
    public Verification verify(int number, String user, Recomputation recomputation) {
        return jdbi.inTransaction(h -> {
            Verification v = verify(h, number, recomputation);
            AuditLog.record(h, user, "release.verify", "release " + number, v.ok() ? "ok" : "FAILED: "
                    + v.checks().stream().filter(c -> !c.ok()).map(Check::name).toList());
            return v;
        });
    }

    private Verification verify(Handle h, int number, Recomputation recomputation) {
        Map<String, Object> row = h.createQuery("SELECT checksum, content, result_set_id FROM release WHERE number = :n")
                .bind("n", number).mapToMap().findOne()
                .orElseThrow(() -> new ReleaseException("release.error.unknown", number));
        List<Check> checks = new ArrayList<>();
        String stored = (String) row.get("content");
        String checksum = ((String) row.get("checksum")).trim();
        byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);
        String actual = ReleaseContent.sha256(bytes);
        checks.add(new Check("checksum", actual.equals(checksum), "SHA-256 " + actual));

        ReleaseContent content = ReleaseContent.parse(stored);
        boolean canonical = java.util.Arrays.equals(content.canonicalBytes(), bytes);
        checks.add(new Check("canonical", canonical, canonical ? "content re-serialises to the same bytes" : "content is not canonical"));

        long rs = ((Number) row.get("result_set_id")).longValue();
        boolean sameValues = readValues(h, rs).equals(content.data().values());
        boolean sameAreas = readAreaRows(h, rs).equals(content.data().areaResults());
        boolean sameStats = readStats(h, rs).equals(content.stats());
        checks.add(new Check("results", sameValues && sameAreas && sameStats, "result set " + rs
                + (sameValues && sameAreas && sameStats ? " unchanged since the release" : " differs from the frozen results")));

        List<String> missing = new ArrayList<>();
        for (ReleaseContent.InputFile f : content.imports()) {
            Optional<String> sha = h.createQuery("SELECT sha256 FROM import WHERE id = :id").bind("id", f.importId())
                    .mapTo(String.class).findOne();
            if (sha.isEmpty() || !sha.get().trim().equals(f.sha256())) {
                missing.add(f.fileName());
            }
        }
        checks.add(new Check("inputs", missing.isEmpty(), missing.isEmpty()
                ? content.imports().size() + " input files with unchanged SHA-256" : "changed or missing: " + missing));

        ReleaseTableBuilder.ProtectedTable again = ReleaseTableBuilder.build(content.data(), content.rules().toRules());
        boolean sameTable = again.rows().equals(content.published()) && again.summary().equals(content.summary());
        checks.add(new Check("disclosure_control", sameTable, sameTable
                ? again.rows().size() + " published rows recomputed identically" : "recomputed protected table differs"));

        boolean sameFiles = true;
        for (ReleaseDownload.Format f : ReleaseDownload.Format.values()) {
            byte[] expected = ReleaseDownload.write(f, header(content, checksum), again.rows());
            Optional<String> file = file(h, number, f);
            sameFiles &= file.isPresent() && java.util.Arrays.equals(file.get().getBytes(StandardCharsets.UTF_8), expected);
        }
        checks.add(new Check("downloads", sameFiles, sameFiles ? "CSV and JSON download byte-identical" : "a download differs"));

        List<PublishedRow> publishedRows = ReleaseDownload.readCsv(file(h, number, ReleaseDownload.Format.CSV).orElse("")
                .getBytes(StandardCharsets.UTF_8));
        DisclosureAudit.Report attack = DisclosureAudit.attack(publishedRows, content.rules().toRules());
        checks.add(new Check("attacker", attack.passed(), attack.intervals().size() + " suppressed counts, "
                + attack.constraints() + " equations; " + (attack.passed() ? "none narrowed below the protection width"
                : attack.findings().size() + " narrowed: " + attack.findings().stream().limit(5).toList())));

        Optional<List<ReleaseData.ValueRow>> recomputed = recomputation.recompute(h, content);
        if (recomputed.isEmpty()) {
            checks.add(new Check("method_recomputation", true,
                    "not run: no recomputation from the observations is wired into this build; the frozen results were "
                            + "compared with the stored result tables instead"));
        } else {
            List<ReleaseData.ValueRow> expected = sortedValues(content.data().values());
            List<ReleaseData.ValueRow> actualRows = sortedValues(recomputed.get());
            int differing = 0;
            for (int i = 0; i < Math.max(expected.size(), actualRows.size()); i++) {
                if (i >= expected.size() || i >= actualRows.size() || !expected.get(i).equals(actualRows.get(i))) {
                    differing++;
                }
            }
            checks.add(new Check("method_recomputation", differing == 0, differing == 0
                    ? actualRows.size() + " indicator values recomputed from the stored inputs, bit for bit equal"
                    : differing + " of " + expected.size() + " indicator values recomputed from the release's "
                            + "recorded imports differ (see the inputs check)"));
        }
        return new Verification(number, List.copyOf(checks));
    }

    /** Makes a release public, after it passed {@link #verify}. A published release is never changed again. */
    public ReleaseInfo publish(int number, String user) {
        return publish(number, user, Recomputation.NONE);
    }

    /** As {@link #publish(int, String)}, verifying with the method's recomputation. */
    public ReleaseInfo publish(int number, String user, Recomputation recomputation) {
        return jdbi.inTransaction(h -> {
            ReleaseInfo info = find(h, number).orElseThrow(() -> new ReleaseException("release.error.unknown", number));
            if (info.isPublished()) {
                throw new ReleaseException("release.error.alreadyPublished", number, info.publishedAt());
            }
            Verification v = verify(h, number, recomputation);
            if (!v.ok()) {
                throw new ReleaseException("release.error.verifyFailed", number,
                        v.checks().stream().filter(c -> !c.ok()).map(c -> c.name() + ": " + c.detail()).toList());
            }
            int updated = h.createUpdate("UPDATE release SET published_at = :at, published_by = :by "
                            + "WHERE number = :n AND published_at IS NULL")
                    .bind("at", OffsetDateTime.now(ZoneOffset.UTC)).bind("by", user).bind("n", number).execute();
            if (updated != 1) {
                throw new ReleaseException("release.error.alreadyPublished", number, "");
            }
            AuditLog.record(h, user, "release.publish", "release " + number, "checksum=" + info.checksum());
            return find(h, number).orElseThrow();
        });
    }

    // ---------------------------------------------------------------- reading

    public List<ReleaseInfo> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_INFO + " ORDER BY number").map(ReleaseRepository::info).list());
    }

    /** Published releases, oldest first: the only ones anyone without login may see. */
    public List<ReleaseInfo> published() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_INFO + " WHERE published_at IS NOT NULL ORDER BY number")
                .map(ReleaseRepository::info).list());
    }

    /** The newest published release (highest number), if any. */
    public Optional<ReleaseInfo> latestPublished() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_INFO + " WHERE published_at IS NOT NULL ORDER BY number DESC LIMIT 1")
                .map(ReleaseRepository::info).findOne());
    }

    public Optional<ReleaseInfo> find(int number) {
        return jdbi.withHandle(h -> find(h, number));
    }

    /** The public download of a published release; empty if there is no such published release. */
    public Optional<byte[]> download(int number, ReleaseDownload.Format format) {
        return jdbi.withHandle(h -> h.createQuery("SELECT f.content FROM release_file f JOIN release r ON r.number = f.release_number "
                        + "WHERE r.number = :n AND r.published_at IS NOT NULL AND f.format = :f")
                .bind("n", number).bind("f", format.extension()).mapTo(String.class).findOne()
                .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The protected rows of a published release (parsed from its download), for pages and the API. */
    public Optional<List<PublishedRow>> publishedRows(int number) {
        return download(number, ReleaseDownload.Format.CSV).map(ReleaseDownload::readCsv);
    }

    /** Look-ups into the protected rows of a published release (see {@link PublishedView}). */
    public Optional<PublishedView> publishedView(int number) {
        return publishedRows(number).map(PublishedView::new);
    }

    /** The download of any release, published or not: for logged-in staff and the CLI only. */
    public Optional<byte[]> internalDownload(int number, ReleaseDownload.Format format) {
        return jdbi.withHandle(h -> file(h, number, format).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The full frozen content (includes unprotected results): internal only, never public. */
    public Optional<ReleaseContent> content(int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content FROM release WHERE number = :n").bind("n", number)
                .mapTo(String.class).findOne().map(ReleaseContent::parse));
    }

    private static Optional<String> file(Handle h, int number, ReleaseDownload.Format format) {
        return h.createQuery("SELECT content FROM release_file WHERE release_number = :n AND format = :f")
                .bind("n", number).bind("f", format.extension()).mapTo(String.class).findOne();
    }

    private static final String SELECT_INFO = "SELECT number, title, year, result_set_id, created_at, created_by, "
            + "published_at, published_by, checksum, corrects FROM release";

    private static Optional<ReleaseInfo> find(Handle h, int number) {
        return h.createQuery(SELECT_INFO + " WHERE number = :n").bind("n", number).map(ReleaseRepository::info).findOne();
    }

    private static ReleaseInfo info(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        int corrects = rs.getInt("corrects");
        Integer c = rs.wasNull() ? null : corrects;
        return new ReleaseInfo(rs.getInt("number"), rs.getString("title"), rs.getInt("year"), rs.getLong("result_set_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("published_at", OffsetDateTime.class), rs.getString("published_by"),
                rs.getString("checksum").trim(), c);
    }

    private static List<ReleaseData.ValueRow> sortedValues(List<ReleaseData.ValueRow> rows) {
        List<ReleaseData.ValueRow> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(ReleaseData.ValueRow::indicatorId).thenComparingInt(ReleaseData.ValueRow::year)
                .thenComparing(ReleaseData.ValueRow::areaCode).thenComparing(ReleaseData.ValueRow::targetGroup));
        return sorted;
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
