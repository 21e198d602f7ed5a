package de.sozialmonitor.store;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.FrozenResults;
import de.sozialmonitor.privacy.ReleaseDownload;
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
 * <p>Persistence only: creating, verifying and publishing a release is {@code workflow.ReleaseWorkflow},
 * which calls the static methods here within its transaction.
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

    private final Jdbi jdbi;

    public ReleaseRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---------------------------------------------------------------- writing (for workflow.ReleaseWorkflow)

    /** The newest result set of a year, with what a release freezes of it. */
    public record FrozenResultSet(long id, String methodJson, String catalogJson, String inputsJson, String analysisLevel) {
    }

    public static Optional<FrozenResultSet> latestResultSet(Handle h, int year) {
        return h.createQuery("SELECT id, method_json, catalog_json, inputs_json, analysis_level "
                        + "FROM result_set WHERE year = :y ORDER BY id DESC LIMIT 1")
                .bind("y", year)
                .map((rs, ctx) -> new FrozenResultSet(rs.getLong("id"), rs.getString("method_json"), rs.getString("catalog_json"),
                        rs.getString("inputs_json"), rs.getString("analysis_level")))
                .findOne();
    }

    public static int nextNumber(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(number), 0) + 1 FROM release").mapTo(Integer.class).one();
    }

    /** Stores a new (unpublished) release with its canonical content. */
    public static void insert(Handle h, int number, String title, int year, long resultSetId, String user, String checksum,
                              Integer corrects, String content) {
        h.createUpdate("INSERT INTO release(number, title, year, result_set_id, created_at, created_by, checksum, corrects, content) "
                        + "VALUES (:n, :title, :year, :rs, :at, :by, :checksum, :corrects, :content)")
                .bind("n", number).bind("title", title).bind("year", year).bind("rs", resultSetId)
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC)).bind("by", user).bind("checksum", checksum).bind("corrects", corrects)
                .bind("content", content)
                .execute();
        ChangeStamps.raise(h, ChangeStamps.Topic.RELEASES);
    }

    /** Stores one download file of a release. */
    public static void insertFile(Handle h, int number, ReleaseDownload.Format format, byte[] file) {
        h.createUpdate("INSERT INTO release_file(release_number, format, media_type, sha256, content) "
                        + "VALUES (:n, :f, :mt, :sha, :content)")
                .bind("n", number).bind("f", format.extension()).bind("mt", format.mediaType())
                .bind("sha", ReleaseContent.sha256(file)).bind("content", new String(file, StandardCharsets.UTF_8))
                .execute();
    }

    /** A release as stored: its checksum, canonical content and result set. */
    public record StoredRelease(String checksum, String content, long resultSetId) {
    }

    public static Optional<StoredRelease> stored(Handle h, int number) {
        return h.createQuery("SELECT checksum, content, result_set_id FROM release WHERE number = :n")
                .bind("n", number)
                .map((rs, ctx) -> new StoredRelease(rs.getString("checksum").trim(), rs.getString("content"), rs.getLong("result_set_id")))
                .findOne();
    }

    /** The SHA-256 an import recorded, if the import exists. */
    public static Optional<String> importSha256(Handle h, long importId) {
        return h.createQuery("SELECT sha256 FROM import WHERE id = :id").bind("id", importId)
                .mapTo(String.class).findOne().map(String::trim);
    }

    /** Sets the publication of a release that has none; returns false if it was published already. */
    public static boolean markPublished(Handle h, int number, String user) {
        boolean published = h.createUpdate("UPDATE release SET published_at = :at, published_by = :by "
                        + "WHERE number = :n AND published_at IS NULL")
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC)).bind("by", user).bind("n", number).execute() == 1;
        if (published) {
            ChangeStamps.raise(h, ChangeStamps.Topic.RELEASES);
        }
        return published;
    }

    // ---------------------------------------------------------------- what a release is frozen from

    public static List<FrozenResults.ValueRow> readValues(Handle h, long resultSetId) {
        List<ResultValueStore.Row> rows = ResultValueStore.rows(h, resultSetId);
        rows.sort(ResultValueStore.RELEASE_ORDER);
        List<FrozenResults.ValueRow> out = new ArrayList<>(rows.size());
        for (ResultValueStore.Row r : rows) {
            out.add(new FrozenResults.ValueRow(r.areaCode(), r.year(), r.indicatorId(), r.targetGroup(), r.numerator(), r.denominator(),
                    r.value(), r.change()));
        }
        return out;
    }

    /** The area results of a result set by year, then area code (as the database sorted the former table's rows). */
    public static List<FrozenResults.AreaRow> readAreaRows(Handle h, long resultSetId) {
        List<FrozenResults.AreaRow> out = new ArrayList<>();
        for (ResultAreaStore.YearAreas b : ResultAreaStore.read(h, resultSetId)) {
            BlockCodec.ResultAreas a = b.areas();
            Integer[] order = new Integer[a.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparing(i -> a.codes()[i]));
            for (int i : order) {
                out.add(new FrozenResults.AreaRow(a.codes()[i], b.year(), boxed(a.statusIndex()[i]), a.statusClass()[i],
                        boxed(a.dynamicsIndex()[i]), a.dynamicsClass()[i], a.attention()[i], a.excluded()[i]));
            }
        }
        return out;
    }

    private static Double boxed(double v) {
        return Double.isNaN(v) ? null : v;
    }

    public static List<ReleaseContent.StatRow> readStats(Handle h, long resultSetId) {
        return h.createQuery("SELECT year, component, indicator_id, n, mean, sd, left_out FROM result_stat "
                        + "WHERE result_set_id = :id ORDER BY year, component, indicator_id")
                .bind("id", resultSetId)
                .map((rs, ctx) -> new ReleaseContent.StatRow(rs.getInt("year"), rs.getString("component"),
                        rs.getString("indicator_id"), rs.getInt("n"), dbl(rs, "mean"), dbl(rs, "sd"), rs.getBoolean("left_out")))
                .list();
    }

    /** Each area in the version valid at the end of the year, else its latest version. */
    public static Map<String, AreaInfo> readAreas(Handle h, int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<String, AreaInfo> areas = new TreeMap<>();
        Map<String, Boolean> validAtEnd = new HashMap<>();
        Map<String, Integer> depths = AreaRepository.levels(h);
        for (Area a : AreaRepository.areas(h)) {
            Integer depth = depths.get(a.level());
            if (depth == null) {
                continue; // a version of an unknown level (the loaders refuse one) is left out, as a join with the levels did
            }
            boolean valid = !a.validFrom().isAfter(end) && (a.validTo() == null || !a.validTo().isBefore(end));
            if (valid || !Boolean.TRUE.equals(validAtEnd.get(a.code()))) {
                areas.put(a.code(), new AreaInfo(a.code(), a.name(), a.level(), a.parentCode(), depth));
                validAtEnd.put(a.code(), valid || Boolean.TRUE.equals(validAtEnd.get(a.code())));
            }
        }
        return areas;
    }

    /** Inhabitants per area and year from the active observations; parents without own figure: sum of children. */
    public static Map<String, Double> readPopulation(Handle h, String variable, Map<String, AreaInfo> areas) {
        Map<String, Double> pop = new TreeMap<>(ObservationStore.activeTotals(h, variable, FrozenResults::populationKey));
        // add sums for parents that have no figure of their own, deepest level first
        List<AreaInfo> byDepth = new ArrayList<>(areas.values());
        byDepth.sort((a, b) -> Integer.compare(b.depth(), a.depth()));
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        pop.keySet().forEach(k -> years.add(Integer.parseInt(k.substring(k.lastIndexOf('|') + 1))));
        for (int y : years) {
            Map<String, Double> sums = new HashMap<>();
            for (AreaInfo a : byDepth) {
                String key = FrozenResults.populationKey(a.code(), y);
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

    public static List<ReleaseContent.InputFile> readImports(Handle h) {
        return h.createQuery("SELECT id, file_name, sha256, source FROM import "
                        + "WHERE outcome = 'imported' AND superseded_by IS NULL ORDER BY id")
                .map((rs, ctx) -> new ReleaseContent.InputFile(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("sha256").trim(), rs.getString("source")))
                .list();
    }

    // ---------------------------------------------------------------- reading

    public List<ReleaseInfo> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_INFO + " ORDER BY number").map(ReleaseRepository::info).list());
    }

    /**
     * Releases from oldest to newest: by Berichtsjahr, then by number. "The newest published
     * release" is the last published one in this order, so a release for an earlier year published
     * after a later one does not replace the later one.
     */
    public static final java.util.Comparator<ReleaseInfo> OLDEST_FIRST =
            java.util.Comparator.comparingInt(ReleaseInfo::year).thenComparingInt(ReleaseInfo::number);

    /** Published releases, by number: the only ones anyone without login may see. */
    public List<ReleaseInfo> published() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_INFO + " WHERE published_at IS NOT NULL ORDER BY number")
                .map(ReleaseRepository::info).list());
    }

    /** The newest published release: newest Berichtsjahr, then highest number ({@link #OLDEST_FIRST}). */
    public Optional<ReleaseInfo> latestPublished() {
        return published().stream().max(OLDEST_FIRST);
    }

    /**
     * What the public saw before release {@code number}: the newest published release older than it
     * ({@link #OLDEST_FIRST}) that no published release corrects. The basis of the changes in the
     * committee report and on the attention list.
     */
    public Optional<ReleaseInfo> previousPublished(int number) {
        return find(number).flatMap(self -> newestUncorrected(r -> OLDEST_FIRST.compare(r, self) < 0));
    }

    /** The newest published release of a year not after {@code year} that no published release corrects. */
    public Optional<ReleaseInfo> latestUncorrected(int year) {
        return newestUncorrected(r -> r.year() <= year);
    }

    private Optional<ReleaseInfo> newestUncorrected(java.util.function.Predicate<ReleaseInfo> among) {
        List<ReleaseInfo> published = published();
        java.util.Set<Integer> corrected = new java.util.HashSet<>();
        published.forEach(r -> {
            if (r.corrects() != null) {
                corrected.add(r.corrects());
            }
        });
        return published.stream().filter(r -> !corrected.contains(r.number())).filter(among).max(OLDEST_FIRST);
    }

    /** The numbers of the releases published now, in the order they were published. */
    public static List<Integer> publishedNumbers(Handle h) {
        return h.createQuery("SELECT number FROM release WHERE published_at IS NOT NULL ORDER BY published_at, number")
                .mapTo(Integer.class).list();
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


    /** The download of any release, published or not: for logged-in staff and the CLI only. */
    public Optional<byte[]> internalDownload(int number, ReleaseDownload.Format format) {
        return jdbi.withHandle(h -> file(h, number, format).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Copies the download file of a release to {@code out} as UTF-8, reading the stored text as a
     * stream (a 12 MB release never sits in memory whole); only a published release unless
     * {@code internal}. Returns false (and writes nothing) if there is no such file.
     */
    public boolean copyDownload(int number, ReleaseDownload.Format format, boolean internal, java.io.OutputStream out) {
        return jdbi.withHandle(h -> h.createQuery("SELECT f.content FROM release_file f JOIN release r ON r.number = f.release_number "
                        + "WHERE r.number = :n AND f.format = :f" + (internal ? "" : " AND r.published_at IS NOT NULL"))
                .bind("n", number).bind("f", format.extension())
                .map((rs, ctx) -> {
                    try (java.io.Reader in = rs.getCharacterStream(1)) {
                        java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                        in.transferTo(w);
                        w.flush();
                        return Boolean.TRUE;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).findOne().orElse(Boolean.FALSE));
    }

    /** The full frozen content (includes unprotected results): internal only, never public. */
    public Optional<ReleaseContent> content(int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content FROM release WHERE number = :n").bind("n", number)
                .mapTo(String.class).findOne().map(ReleaseContent::parse));
    }

    public static Optional<String> file(Handle h, int number, ReleaseDownload.Format format) {
        return h.createQuery("SELECT content FROM release_file WHERE release_number = :n AND format = :f")
                .bind("n", number).bind("f", format.extension()).mapTo(String.class).findOne();
    }

    private static final String SELECT_INFO = "SELECT number, title, year, result_set_id, created_at, created_by, "
            + "published_at, published_by, checksum, corrects FROM release";

    public static Optional<ReleaseInfo> find(Handle h, int number) {
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

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
