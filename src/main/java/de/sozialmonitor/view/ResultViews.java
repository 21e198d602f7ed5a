package de.sozialmonitor.view;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.model.PrivacyConfig;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.store.AreaRepository;
import de.sozialmonitor.store.ChangeStamps;
import de.sozialmonitor.store.ImportRepository;
import de.sozialmonitor.store.MeasureRepository;
import de.sozialmonitor.store.ReferenceRepository;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.ReleaseRepository.ReleaseInfo;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.workspace.WorkspaceConfig;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The one place that loads {@link ResultView}s (the SQL is in {@code store}): a release as the
 * public sees it, a release for staff, and an internal result set. Releases and result sets never
 * change once stored, so their views are kept. The list of published releases, the measures,
 * the reference figures and the boundaries do change; they are kept until their
 * {@link ChangeStamps} stamp says that they did.
 *
 * <p>Disclosure control never degrades quietly: a release whose protected table cannot be read is
 * an error, never a view with fewer rules.
 */
public final class ResultViews {
    private final Jdbi jdbi;
    private final ResultView.Territory workspaceTerritory;
    private final PrivacyConfig workspacePrivacy;
    private final ReleaseRepository releases;
    private final ResultRepository results;
    private final Map<String, ResultView> cache = new ConcurrentHashMap<>();
    private final Map<String, Certainties> certainties = new ConcurrentHashMap<>();
    private final Certainty.Options certaintyOptions;
    private final StampedCache<String, List<ReleaseInfo>> publishedList = new StampedCache<>();
    private final StampedCache<String, List<de.sozialmonitor.model.Measure>> measureList = new StampedCache<>();
    private final StampedCache<String, MeasureView> measureViews = new StampedCache<>();
    private final StampedCache<String, ReferenceView> referenceViews = new StampedCache<>();
    private final StampedCache<String, Map<String, String>> geometries = new StampedCache<>();
    /** The stamps a read-only request works with (read on its first need, then kept); none outside one. */
    private final ThreadLocal<long[]> requestStamps = new ThreadLocal<>();
    private static final long[] NOT_READ = new long[0];

    /** Work that reads through these views. */
    public interface Reading {
        void run() throws Exception;
    }

    /**
     * @param workspaceTerritory the territory shown with internal result sets (a release shows the one it froze)
     * @param workspacePrivacy   the rules named with internal result sets (they are not applied to them)
     */
    public ResultViews(Jdbi jdbi, ResultView.Territory workspaceTerritory, PrivacyConfig workspacePrivacy) {
        this.jdbi = jdbi;
        this.workspaceTerritory = workspaceTerritory;
        this.workspacePrivacy = workspacePrivacy;
        this.releases = new ReleaseRepository(jdbi);
        this.results = new ResultRepository(jdbi);
        this.certaintyOptions = Certainty.Options.defaults();
    }

    /**
     * Runs a read-only request: it reads the change stamps once, with the first question that needs
     * one, so that the request sees one state of releases, measures, reference figures and
     * boundaries and asks the database once instead of for each of them. Only for work that writes
     * none of these (a request that writes must see its own write).
     */
    public void asOneReading(Reading work) throws Exception {
        if (requestStamps.get() != null) {
            work.run();
            return;
        }
        requestStamps.set(NOT_READ);
        try {
            work.run();
        } finally {
            requestStamps.remove();
        }
    }

    private long stamp(ChangeStamps.Topic topic) {
        long[] stamps = requestStamps.get();
        if (stamps == null) {
            return ChangeStamps.current(jdbi, topic);
        }
        if (stamps == NOT_READ) {
            stamps = ChangeStamps.all(jdbi);
            requestStamps.set(stamps);
        }
        return stamps[topic.ordinal()];
    }

    /** The views of a workspace's database: internal result sets carry the workspace's territory. */
    public static ResultViews of(Jdbi jdbi, WorkspaceConfig config) {
        return new ResultViews(jdbi, new ResultView.Territory(config.territoryCode(), config.territoryName(), config.synthetic(),
                config.source()),
                config.privacy());
    }

    /** The newest published release as the public sees it; empty while nothing is published. */
    public Optional<ResultView> latestPublished() {
        return publishedReleases().stream().max(ReleaseRepository.OLDEST_FIRST).map(r -> release(r, true));
    }

    /** A published release as the public sees it; empty if there is no such published release. */
    public Optional<ResultView> published(int number) {
        return publishedReleases().stream().filter(r -> r.number() == number).findFirst().map(r -> release(r, true));
    }

    /**
     * Any release, published or not, for staff and the CLI: with its protected figures, or, with
     * {@code protectedFigures == false}, with every frozen figure (the internal report).
     */
    public Optional<ResultView> release(int number, boolean protectedFigures) {
        return releases.find(number).map(r -> release(r, protectedFigures));
    }

    /** The published releases, oldest first. */
    public List<ReleaseInfo> publishedReleases() {
        return publishedList.get(stamp(ChangeStamps.Topic.RELEASES), "published", k -> List.copyOf(releases.published()));
    }

    /** Every release, oldest first (staff). */
    public List<ReleaseInfo> allReleases() {
        return releases.list();
    }

    /** Years with a result set of their own, ascending (staff). */
    public List<Integer> computedYears() {
        return results.years();
    }

    /** The newest result set of {@code year} as staff see it; {@code countsVisible} adds numerators and denominators. */
    public Optional<ResultView> internal(int year, boolean countsVisible) {
        return results.latestId(year).map(id -> cache.computeIfAbsent("internal|" + id + "|" + countsVisible,
                k -> internal(id, countsVisible)));
    }

    /**
     * The series of {@code view} with the years only earlier views have: for a release with
     * protected figures, the published releases before it (except those a published release
     * corrects); for a release shown to staff in full or for internal results, the newest
     * internal results of each earlier year.
     */
    public Timeline timeline(ResultView view) {
        List<ResultView> earlier = new java.util.ArrayList<>();
        if (view.source().releaseNumber() != null && view.source().protectedFigures()) {
            Set<Integer> corrected = new HashSet<>();
            List<ReleaseInfo> published = publishedReleases();
            published.forEach(r -> {
                if (r.corrects() != null) {
                    corrected.add(r.corrects());
                }
            });
            published.stream()
                    .filter(r -> !corrected.contains(r.number()) && r.number() != view.source().releaseNumber() && r.year() < view.year())
                    .sorted(java.util.Comparator.comparingInt(ReleaseInfo::year).thenComparingInt(ReleaseInfo::number).reversed())
                    .forEach(r -> earlier.add(release(r, true)));
        } else {
            List<Integer> years = results.years();
            for (int k = years.size() - 1; k >= 0; k--) {
                if (years.get(k) < view.year()) {
                    internal(years.get(k), view.source().countsVisible()).ifPresent(earlier::add);
                }
            }
        }
        return Timeline.of(view, earlier);
    }

    /**
     * The county's measures beside a view's figures: for staff every measure, for the public those
     * marked public. Measures change after a release: they are kept until a change raises their stamp.
     */
    public MeasureView measures(ResultView view, boolean staff) {
        long stamp = stamp(ChangeStamps.Topic.MEASURES);
        return measureViews.get(stamp, key(view) + "|" + staff, k -> MeasureView.of(view,
                measureList.get(stamp, "all", x -> new MeasureRepository(jdbi).list().stream().map(MeasureRepository.Stored::measure)
                        .toList()), staff));
    }

    /**
     * The official figures of reference regions beside a view's figures. They are public
     * statistics, the same for every viewer, and change with each reference import: they are kept
     * until an import raises their stamp.
     */
    public ReferenceView references(ResultView view) {
        return referenceViews.get(stamp(ChangeStamps.Topic.REFERENCES), key(view),
                k -> ReferenceView.of(view, ReferenceRepository.regions(jdbi), ReferenceRepository.figures(jdbi),
                        ReferenceRepository.packages(jdbi)));
    }

    /**
     * The class certainty of every classified area of {@code view} (read or computed on first use, then kept).
     * A release's is the one it froze ({@code ReleaseContent.certainty}, covered by its checksum and
     * {@code release verify}); a release frozen before that has none. For a result set that is not a
     * release: the resampling of {@code analyse certainty} with its defaults (Poisson, 1,000 draws, seed 1)
     * over the active observations, with the view's method and catalog; if these no longer give the view's
     * classes (a delivery or the areas changed since), there is no certainty rather than one that belongs
     * to other figures.
     */
    public Certainties certainty(ResultView view) {
        ResultView.Source src = view.source();
        String key = src.releaseNumber() + "|" + src.resultSetId() + "|" + src.protectedFigures();
        return certainties.computeIfAbsent(key, k -> computeCertainty(view));
    }

    /** What identifies a view's figures: views with the same key show the same (views are kept by it). */
    private static String key(ResultView view) {
        ResultView.Source src = view.source();
        return src.releaseNumber() + "|" + src.resultSetId() + "|" + src.protectedFigures() + "|" + src.countsVisible();
    }

    private Certainties computeCertainty(ResultView view) {
        Integer number = view.source().releaseNumber();
        if (number != null) {
            // a release's certainty is what it froze (and published), never recomputed from the data as it is now
            ReleaseContent content = releases.content(number).orElse(null);
            if (content == null || content.certainty() == null) {
                return Certainties.unavailable(Certainties.Unavailable.NOT_RECORDED, String.valueOf(number), certaintyOptions);
            }
            return Certainties.ofRelease(view, content.certainty());
        }
        Certainty.Report report;
        try {
            MonitoringInput in = jdbi.withHandle(MonitoringInputReader::read);
            report = Certainty.estimate(in, view.catalog(), view.method(), view.year(), certaintyOptions);
        } catch (RuntimeException e) {
            return Certainties.unavailable(Certainties.Unavailable.FAILED, e.getMessage(), certaintyOptions);
        }
        for (Certainty.AreaCertainty a : report.areas()) {
            AreaClasses shown = view.classes(a.code()).orElse(null);
            if (shown == null || shown.statusClass() != a.status() || shown.dynamicsClass() != a.dynamics()
                    || shown.attention() != a.attention()) {
                return Certainties.unavailable(Certainties.Unavailable.DATA_CHANGED, a.code(), certaintyOptions);
            }
        }
        long classified = view.allClasses().entrySet().stream().filter(e -> e.getValue().statusClass() != null)
                .filter(e -> view.area(e.getKey()).map(a -> a.level().equals(report.level())).orElse(false)).count();
        if (classified != report.areas().size()) {
            return Certainties.unavailable(Certainties.Unavailable.DATA_CHANGED,
                    classified + " classified areas, " + report.areas().size() + " resampled", certaintyOptions);
        }
        return Certainties.of(view, report);
    }

    /** GeoJSON geometries of the areas of one level in the version valid at the end of the view's year. */
    public Map<String, String> geometries(ResultView view, String level) {
        LocalDate end = LocalDate.of(view.year(), 12, 31);
        return geometries.get(stamp(ChangeStamps.Topic.GEOMETRIES), level + "|" + end,
                k -> java.util.Collections.unmodifiableMap(AreaRepository.geometriesValidOn(jdbi, level, end)));
    }

    /** The sources of the imports that delivered the drawn boundaries, for the maps' credit line. */
    public List<String> geometrySources() {
        return AreaRepository.geometrySources(jdbi);
    }

    /** What the import log says of an import a release rests on. */
    public Optional<ImportRepository.ImportRow> importRow(long id) {
        return jdbi.withHandle(h -> ImportRepository.byId(h, id));
    }

    private ResultView release(ReleaseInfo info, boolean protectedFigures) {
        return cache.computeIfAbsent("release|" + info.number() + "|" + protectedFigures + "|" + info.isPublished(), k -> {
            ReleaseContent content = releases.content(info.number())
                    .orElseThrow(() -> new IllegalStateException("release " + info.number() + " has no stored content"));
            ResultView.Frozen frozen = new ResultView.Frozen(ResultRepository.methodConfig(content.method().toString()),
                    ResultRepository.catalogFromJson(content.catalog().toString()), content.rules().toRules().privacy(),
                    content.analysisLevel(), content.year(), content.data().areas(), content.stats(), content.imports());
            ResultView.Territory territory = new ResultView.Territory(content.territoryCode(), content.territoryName(),
                    content.synthetic(), content.source());
            ResultView.Source source = new ResultView.Source(info.number(), info.resultSetId(), info.title(), info.checksum(),
                    date(info.createdAt()), date(info.publishedAt()), info.corrects(), protectedFigures, !protectedFigures);
            if (!protectedFigures) {
                return ResultView.ofComputedValues(source, territory, frozen, content.data().values(),
                        content.data().areaResults(), content.data().population());
            }
            ResultView view = ResultView.ofProtectedRows(source, territory, frozen, protectedRows(info));
            view.addBands(content.data().areaResults());
            return view;
        });
    }

    /** The release's own protected table, as stored with it; an error if it cannot be read. */
    private List<PublishedRow> protectedRows(ReleaseInfo info) {
        byte[] csv = releases.internalDownload(info.number(), ReleaseDownload.Format.CSV)
                .orElseThrow(() -> new IllegalStateException("release " + info.number()
                        + " has no protected table: its figures cannot be shown"));
        List<PublishedRow> rows = ReleaseDownload.readCsv(csv);
        if (rows.isEmpty()) {
            throw new IllegalStateException("the protected table of release " + info.number() + " is empty");
        }
        return rows;
    }

    private ResultView internal(long id, boolean countsVisible) {
        ResultRepository.StoredResults r = results.stored(id)
                .orElseThrow(() -> new IllegalStateException("result set " + id + " is gone"));
        ResultView.Frozen frozen = new ResultView.Frozen(r.method(), r.catalog(), workspacePrivacy, r.analysisLevel(), r.year(),
                r.areas(), r.stats(), List.of());
        ResultView.Source source = new ResultView.Source(null, id, null, null, null, null, null, false, countsVisible);
        return ResultView.ofComputedValues(source, workspaceTerritory, frozen, r.values(), r.areaResults(), r.population());
    }

    /**
     * The release an early warning compares {@code view} with: the newest published release older
     * than it (by Berichtsjahr, then number; for an internal result set: of a year not after its
     * year), passing over releases that a published release corrects (what the public saw last);
     * with protected figures if the view has them.
     */
    public Optional<ResultView> previous(ResultView view) {
        int number = view.source().releaseNumber() == null ? Integer.MAX_VALUE : view.source().releaseNumber();
        return previousRelease(number, view.year()).flatMap(n -> release(n, view.source().protectedFigures()));
    }

    private Optional<Integer> previousRelease(int number, int year) {
        // older means an older Berichtsjahr, then a lower number (ReleaseRepository.OLDEST_FIRST)
        Optional<ReleaseInfo> previous = number == Integer.MAX_VALUE ? releases.latestUncorrected(year)
                : releases.previousPublished(number);
        return previous.map(ReleaseInfo::number);
    }

    private static LocalDate date(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
