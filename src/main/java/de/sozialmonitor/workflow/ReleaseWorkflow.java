package de.sozialmonitor.workflow;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.CertaintyInputs;
import de.sozialmonitor.privacy.DisclosureAudit;
import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.privacy.PublicRecord;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseCertainty;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.FrozenResults;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.privacy.ReleaseTableBuilder;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.ReleaseRepository.ReleaseInfo;
import de.sozialmonitor.workspace.WorkspaceConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Creating, verifying and publishing a release ("Berichtsstand"): the latest result set of a year
 * is frozen after disclosure control ({@link ReleaseTableBuilder}), checked against an attacker
 * ({@link DisclosureAudit}) and the method's recomputation, and published. Each step runs in one
 * transaction with its audit event; what is stored and read is {@link ReleaseRepository}'s.
 */
public final class ReleaseWorkflow {

    /** What {@code release create} needs from the workspace. */
    public record CreateRequest(String title, int year, Integer corrects, String territoryCode, String territoryName,
                                boolean synthetic, DisclosureRules rules, MethodConfig method, IndicatorCatalog catalog,
                                String source) {
        public CreateRequest {
            source = source == null ? "" : source.strip();
        }

        /** A request for data that names no source (synthetic data, or a county's own). */
        public CreateRequest(String title, int year, Integer corrects, String territoryCode, String territoryName,
                             boolean synthetic, DisclosureRules rules, MethodConfig method, IndicatorCatalog catalog) {
            this(title, year, corrects, territoryCode, territoryName, synthetic, rules, method, catalog, "");
        }

        /** The request for a workspace's configuration and catalog (what {@code release create} uses). */
        public static CreateRequest of(WorkspaceConfig config, IndicatorCatalog catalog, String title, int year, Integer corrects) {
            return new CreateRequest(title, year, corrects, config.territoryCode(), config.territoryName(), config.synthetic(),
                    DisclosureRules.of(config.privacy()), config.methodFor(year), catalog, config.source());
        }
    }

    /**
     * One check of {@code release verify}. Its detail is kept language-neutral, as the text key
     * {@code release.detail.<detailKey>} of {@code i18n/privacy[_de].properties} and its arguments,
     * and put into words in the reader's language by {@link #detail(Locale)}.
     */
    public record Check(String name, boolean ok, String detailKey, List<Object> detailArgs) {
        public Check(String name, boolean ok, String detailKey, Object... args) {
            this(name, ok, detailKey, List.of(args));
        }

        public String detail(java.util.Locale locale) {
            return text(de.sozialmonitor.i18n.TextBundle.of("i18n.privacy", locale), detailKey, detailArgs);
        }

        /** An argument that is a {@link Text} is put into words in the same language; a list of them is joined. */
        private static String text(de.sozialmonitor.i18n.TextBundle bundle, String key, List<Object> args) {
            Object[] words = args.stream().map(a -> a instanceof Text t ? text(bundle, t.key(), t.args())
                    : a instanceof List<?> l ? l.stream().map(x -> x instanceof Text t ? text(bundle, t.key(), t.args()) : String.valueOf(x))
                    .collect(java.util.stream.Collectors.joining(", ")) : a).toArray();
            return bundle.get("release.detail." + key, words);
        }
    }

    /** A part of a check's detail that is words, not a value: put into the reader's language with the detail. */
    public record Text(String key, List<Object> args) {
        public Text(String key, Object... args) {
            this(key, List.of(args));
        }
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
        private final transient List<Check> failedChecks;

        public ReleaseException(String key, Object... args) {
            this(List.of(), key, args);
        }

        /** A refusal because of failed checks, which say why (a publish refused by its verification). */
        public ReleaseException(List<Check> failedChecks, String key, Object... args) {
            super(key + " " + java.util.Arrays.toString(args));
            this.key = key;
            this.args = args;
            this.failedChecks = List.copyOf(failedChecks);
        }

        /** The checks that failed, each with its detail; empty for other refusals. */
        public List<Check> failedChecks() {
            return failedChecks;
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
        Optional<List<FrozenResults.ValueRow>> recompute(Handle handle, ReleaseContent frozen);

        Recomputation NONE = (h, c) -> Optional.empty();
    }

    private final Jdbi jdbi;

    public ReleaseWorkflow(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Freezes the latest result set of the year into a new release (not yet published). */
    public ReleaseInfo create(CreateRequest req, String user) {
        return jdbi.inTransaction(h -> {
            if (req.corrects() != null && ReleaseRepository.find(h, req.corrects()).isEmpty()) {
                throw new ReleaseException("release.error.correctsUnknown", req.corrects());
            }
            ReleaseRepository.FrozenResultSet rs = ReleaseRepository.latestResultSet(h, req.year())
                    .orElseThrow(() -> new ReleaseException("release.error.noResults", req.year()));
            long resultSetId = rs.id();
            int number = ReleaseRepository.nextNumber(h);

            FrozenResults data = readData(h, resultSetId, req, frozenMethod(rs, req.method()));
            // protect against the public record: every release published so far, together with this one
            List<Integer> basis = ReleaseRepository.publishedNumbers(h);
            ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, req.rules(), publicRecord(h, basis));
            ReleaseContent content = new ReleaseContent(ReleaseContent.FORMAT, number, req.title(), req.year(), req.corrects(),
                    req.territoryCode(), req.territoryName(), req.synthetic(), ReleaseContent.Rules.of(req.rules()),
                    resultSetId, rs.analysisLevel(), ReleaseContent.jsonOrText(rs.methodJson()),
                    ReleaseContent.jsonOrText(rs.catalogJson()), ReleaseContent.jsonOrText(rs.inputsJson()),
                    ReleaseRepository.readImports(h), data, ReleaseRepository.readStats(h, resultSetId), table.summary(), table.rows(),
                    basis, MonitoringInputReader.areaInputs(h), req.source().isEmpty() ? null : req.source(), null);
            content = content.withCertainty(ReleaseCertaintyEstimate.estimate(h, content, ReleaseCertaintyEstimate.defaults()));
            byte[] bytes = content.canonicalBytes();
            String checksum = ReleaseContent.sha256(bytes);
            ReleaseRepository.insert(h, number, req.title(), req.year(), resultSetId, user, checksum, req.corrects(),
                    new String(bytes, StandardCharsets.UTF_8));
            for (ReleaseDownload.Format f : ReleaseDownload.Format.values()) {
                ReleaseRepository.insertFile(h, number, f, ReleaseDownload.write(f, header(content, checksum), table.rows(), publishedCertainty(content)));
            }
            var s = table.summary();
            AuditLog.record(h, user, "release.create", "release " + number,
                    "title=" + req.title() + "; year=" + req.year() + "; result_set=" + resultSetId + "; checksum=" + checksum
                            + (req.corrects() == null ? "" : "; corrects=" + req.corrects())
                            + "; counts=" + s.counts() + "; primary=" + s.primarySuppressed() + "; secondary=" + s.secondarySuppressed()
                            + "; inherited=" + s.inherited() + "; public_record=" + basis);
            return ReleaseRepository.find(h, number).orElseThrow();
        });
    }

    /** The class certainty the downloads carry: the bands; none for a release frozen without it. */
    static ReleaseCertainty.Published publishedCertainty(ReleaseContent c) {
        return c.certainty() == null ? null : c.certainty().published();
    }

    static ReleaseDownload.Header header(ReleaseContent c, String checksum) {
        return new ReleaseDownload.Header(c.number(), c.title(), c.year(), c.corrects(), checksum, c.territoryCode(),
                c.territoryName(), c.synthetic(), c.source());
    }

    /**
     * The method the result set was computed with: a release freezes that one, not the workspace's
     * general settings (a year of {@code method.by_year}, or settings changed since the computation).
     * A result set without readable method parameters (written before they were stored) falls back to the request's.
     */
    private static MethodConfig frozenMethod(ReleaseRepository.FrozenResultSet rs, MethodConfig fallback) {
        try {
            return rs.methodJson() == null ? fallback : de.sozialmonitor.store.ResultRepository.methodConfig(rs.methodJson());
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private FrozenResults readData(Handle h, long resultSetId, CreateRequest req, MethodConfig method) {
        List<FrozenResults.ValueRow> values = ReleaseRepository.readValues(h, resultSetId);
        List<FrozenResults.AreaRow> areaRows = ReleaseRepository.readAreaRows(h, resultSetId);
        Map<String, AreaInfo> areas = ReleaseRepository.readAreas(h, req.year());
        List<FrozenResults.IndicatorInfo> indicators = new ArrayList<>();
        for (Indicator i : req.catalog().indicators()) {
            // a delivered share has no counts: no count cells, its rate stands alone (ReleaseTableBuilder)
            indicators.add(new FrozenResults.IndicatorInfo(i.id(), i.isDelivered() ? null : i.numerator().toString(),
                    i.isDelivered() ? null : i.denominator().toString(),
                    i.targetGroup().key(), i.scale(), i.precision()));
        }
        Map<String, Double> population = ReleaseRepository.readPopulation(h, method.populationVariable(), areas);
        return new FrozenResults(areas, indicators, values, areaRows, population,
                new java.util.TreeSet<>(method.statusIndicators().keySet()),
                new java.util.TreeSet<>(method.dynamicsIndicators().keySet()), method.dynamicsYears());
    }

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
        ReleaseRepository.StoredRelease row = ReleaseRepository.stored(h, number)
                .orElseThrow(() -> new ReleaseException("release.error.unknown", number));
        List<Check> checks = new ArrayList<>();
        String stored = row.content();
        String checksum = row.checksum();
        byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);
        String actual = ReleaseContent.sha256(bytes);
        checks.add(new Check("checksum", actual.equals(checksum), "checksum", actual));

        ReleaseContent content = ReleaseContent.parse(stored);
        boolean canonical = java.util.Arrays.equals(content.canonicalBytes(), bytes);
        checks.add(new Check("canonical", canonical, canonical ? "canonical" : "notCanonical"));

        long rs = row.resultSetId();
        boolean sameValues = ReleaseRepository.readValues(h, rs).equals(content.data().values());
        boolean sameAreas = ReleaseRepository.readAreaRows(h, rs).equals(content.data().areaResults());
        boolean sameStats = ReleaseRepository.readStats(h, rs).equals(content.stats());
        checks.add(new Check("results", sameValues && sameAreas && sameStats,
                sameValues && sameAreas && sameStats ? "resultsUnchanged" : "resultsDiffer", rs));

        List<String> missing = new ArrayList<>();
        for (ReleaseContent.InputFile f : content.imports()) {
            Optional<String> sha = ReleaseRepository.importSha256(h, f.importId());
            if (sha.isEmpty() || !sha.get().equals(f.sha256())) {
                missing.add(f.fileName());
            }
        }
        checks.add(missing.isEmpty() ? new Check("inputs", true, "inputsUnchanged", content.imports().size())
                : new Check("inputs", false, "inputsChanged", String.join(", ", missing)));

        PublicRecord basis = content.publicRecord() == null ? PublicRecord.empty() : publicRecord(h, content.publicRecord());
        ReleaseTableBuilder.ProtectedTable again = ReleaseTableBuilder.build(content.data(), content.rules().toRules(), basis);
        boolean sameTable = again.rows().equals(content.published()) && again.summary().equals(content.summary());
        checks.add(new Check("disclosure_control", sameTable, sameTable ? "tableSame" : "tableDiffers", again.rows().size()));

        boolean sameFiles = true;
        for (ReleaseDownload.Format f : ReleaseDownload.Format.values()) {
            byte[] expected = ReleaseDownload.write(f, header(content, checksum), again.rows(), publishedCertainty(content));
            Optional<String> file = ReleaseRepository.file(h, number, f);
            sameFiles &= file.isPresent() && java.util.Arrays.equals(file.get().getBytes(StandardCharsets.UTF_8), expected);
        }
        checks.add(new Check("downloads", sameFiles, sameFiles ? "downloadsSame" : "downloadsDiffer"));

        Optional<List<PublishedRow>> publishedRows = storedRows(h, number);
        if (publishedRows.isPresent()) {
            checks.add(attackerCheck(h, number, publishedRows.get(), content));
            checks.add(certaintyBandsCheck(h, number, publishedRows.get(), content));
        } else {
            // a damaged download is a failed check, not a crash of verify: the audit needs what the public would read
            checks.add(new Check("attacker", false, "downloadUnreadable"));
            checks.add(new Check("certainty_bands", false, "downloadUnreadable"));
        }

        Optional<List<FrozenResults.ValueRow>> recomputed = recomputation.recompute(h, content);
        if (recomputed.isEmpty()) {
            checks.add(new Check("method_recomputation", true, "recomputationNotRun"));
        } else {
            int differing = differingValues(content, recomputed.get());
            checks.add(differing == 0 ? new Check("method_recomputation", true, "recomputationEqual", recomputed.get().size())
                    : new Check("method_recomputation", false, "recomputationDiffers", differing, content.data().values().size()));
        }
        if (content.certainty() != null) {
            checks.add(certaintyCheck(h, content, recomputation != Recomputation.NONE));
        }
        return new Verification(number, List.copyOf(checks));
    }

    /** The rows of the stored CSV download as the public reads them; empty when it is missing or damaged. */
    private static Optional<List<PublishedRow>> storedRows(Handle h, int number) {
        try {
            return ReleaseRepository.file(h, number, ReleaseDownload.Format.CSV)
                    .map(csv -> ReleaseDownload.readCsv(csv.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * The attacker audit of the published class-certainty bands, from what the public holds (the CSV's
     * rows, the JSON's certainty): a band that says sicher or knapp while a count the resampling draws
     * from is withheld could narrow that count down ({@link CertaintyInputs}). A release frozen without
     * certainty publishes none.
     */
    private static Check certaintyBandsCheck(Handle h, int number, List<PublishedRow> rows, ReleaseContent content) {
        ReleaseCertainty.Published bands;
        try {
            bands = ReleaseRepository.file(h, number, ReleaseDownload.Format.JSON)
                    .map(j -> ReleaseDownload.readCertainty(j.getBytes(StandardCharsets.UTF_8))).orElse(null);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return new Check("certainty_bands", false, "downloadUnreadable");
        }
        if (bands == null) {
            return new Check("certainty_bands", content.certainty() == null, content.certainty() == null
                    ? "certaintyBandsNone" : "certaintyBandsMissing");
        }
        java.util.Set<String> index = new java.util.TreeSet<>(content.data().statusIndicators());
        index.addAll(content.data().dynamicsIndicators());
        List<String> unpublished = CertaintyInputs.audit(rows, bands, content.data().indicators(), index);
        if (!unpublished.isEmpty()) {
            return new Check("certainty_bands", false, "certaintyBandsDependOnWithheld", unpublished.size(),
                    unpublished.stream().limit(10).toList() + (unpublished.size() > 10 ? " …" : ""));
        }
        return new Check("certainty_bands", true, bands.anyBandShown() ? "certaintyBandsPublished" : "certaintyBandsWithheld",
                bands.areas().size());
    }

    /**
     * The frozen certainty is consistent (its bands follow its shares and the rule) and, with a
     * recomputation, the resampling with the frozen options on the recorded inputs gives it again exactly.
     */
    private static Check certaintyCheck(Handle h, ReleaseContent content, boolean rerun) {
        ReleaseCertainty frozen = content.certainty();
        if (!frozen.bandsFollowTheRule()) {
            return new Check("certainty", false, "certaintyBandsInconsistent");
        }
        if (!rerun) {
            return new Check("certainty", true, "certaintyNotRerun");
        }
        ReleaseCertainty again = ReleaseCertaintyEstimate.estimate(h, content.withCertainty(null),
                ReleaseCertaintyEstimate.options(frozen));
        boolean same = again.equals(frozen);
        return new Check("certainty", same, same ? "certaintyEqual" : "certaintyDiffers", frozen.areas().size(), frozen.draws());
    }

    /** Makes a release public, after it passed {@link #verify}. A published release is never changed again. */
    public ReleaseInfo publish(int number, String user) {
        return publish(number, user, Recomputation.NONE);
    }

    /** As {@link #publish(int, String)}, verifying with the method's recomputation. */
    public ReleaseInfo publish(int number, String user, Recomputation recomputation) {
        return jdbi.inTransaction(h -> {
            ReleaseInfo info = ReleaseRepository.find(h, number).orElseThrow(() -> new ReleaseException("release.error.unknown", number));
            if (info.isPublished()) {
                throw new ReleaseException("release.error.alreadyPublished", number, info.publishedAt());
            }
            Verification v = verify(h, number, recomputation);
            if (!v.ok()) {
                List<Check> failed = v.checks().stream().filter(c -> !c.ok()).toList();
                throw new ReleaseException(failed, "release.error.verifyFailed", number, failed.stream().map(Check::name).toList());
            }
            if (!ReleaseRepository.markPublished(h, number, user)) {
                throw new ReleaseException("release.error.alreadyPublished", number, "");
            }
            AuditLog.record(h, user, "release.publish", "release " + number, "checksum=" + info.checksum());
            return ReleaseRepository.find(h, number).orElseThrow();
        });
    }

    /**
     * The attacker on the public record: every release published now, together with this one.
     * Findings the published releases already give without this one cannot be undone by holding
     * this one back; they are named, but only what this release adds fails the check.
     */
    private static Check attackerCheck(Handle h, int number, List<PublishedRow> rows, ReleaseContent content) {
        DisclosureRules rules = content.rules().toRules();
        PublicRecord record = publicRecord(h, ReleaseRepository.publishedNumbers(h))
                .with(new PublicRecord.Release(number, rows, ReleaseTableBuilder.counts(content.data(), rules)));
        DisclosureAudit.Report attack = DisclosureAudit.attackAround(record, number, rules);
        Text scope = record.numbers().size() == 1 ? new Text("scopeAlone", number)
                : new Text("scopeRecord", record.numbers().stream().sorted().toList().toString());
        if (attack.passed()) {
            return new Check("attacker", true, "attackerPassed", scope, attack.intervals().size(), attack.constraints());
        }
        List<DisclosureAudit.Finding> added = new ArrayList<>(attack.findings());
        List<DisclosureAudit.Finding> already = new ArrayList<>();
        PublicRecord without = record.without(number);
        if (!without.isEmpty()) {
            Map<String, DisclosureAudit.Finding> before = new HashMap<>();
            DisclosureAudit.attack(without, rules).findings().forEach(f -> before.put(f.criterion() + "|" + f.cell(), f));
            added.clear();
            for (DisclosureAudit.Finding f : attack.findings()) {
                DisclosureAudit.Finding was = before.get(f.criterion() + "|" + f.cell());
                boolean noWorse = was != null && (was.interval() == null
                        || f.interval() != null && f.interval().width() >= was.interval().width());
                (noWorse ? already : added).add(f);
            }
        }
        return new Check("attacker", added.isEmpty(), "attackerAudit", scope, attack.intervals().size(), attack.constraints(),
                added.isEmpty() ? new Text("attackerNoneFurther") : describe(added, "narrowedByThis", 20),
                already.isEmpty() ? "" : new Text("attackerAlready", describe(already, "narrowedAlready", 5)));
    }

    /** "N counts narrowed …: (by criterion) [the first, most serious first]", one entry per count. */
    private static Text describe(List<DisclosureAudit.Finding> findings, String what, int limit) {
        Map<de.sozialmonitor.privacy.CountCell, DisclosureAudit.Finding> byCell = new java.util.LinkedHashMap<>();
        findings.stream().sorted(java.util.Comparator.comparing(DisclosureAudit.Finding::criterion, java.util.Comparator.comparingInt(
                        c -> List.of(DisclosureAudit.Criterion.REVEALED, DisclosureAudit.Criterion.WIDTH, DisclosureAudit.Criterion.PINNED).indexOf(c))))
                .forEach(f -> byCell.putIfAbsent(f.cell(), f));
        Map<DisclosureAudit.Criterion, Long> counts = new java.util.EnumMap<>(DisclosureAudit.Criterion.class);
        byCell.values().forEach(f -> counts.merge(f.criterion(), 1L, Long::sum));
        List<Object> criteria = new ArrayList<>();
        counts.forEach((criterion, n) -> criteria.add(new Text("criterion." + criterion.name(), n)));
        List<Object> named = new ArrayList<>(byCell.values().stream().limit(limit).map(ReleaseWorkflow::finding).toList());
        if (byCell.size() > limit) {
            named.add("…");
        }
        return new Text("narrowed", byCell.size(), new Text(what), criteria, named);
    }

    /** One finding in words: the count, its releases, what the attacker learnt (numbers as plain text, not localised). */
    private static Text finding(DisclosureAudit.Finding f) {
        String releases = f.releases().isEmpty() ? "" : " " + f.releases();
        if (f.interval() == null) {
            return new Text("finding.contradictory", f.cell().toString(), releases);
        }
        return new Text("finding." + f.criterion().name(), f.cell().toString(), releases, plain(f.interval().lower()),
                plain(f.interval().upper()), plain(f.required()));
    }

    private static String plain(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * The published rows of these releases, as their downloads give them: what the public holds;
     * with the true counts frozen in each release, so that the county's audit knows which counts
     * of different releases are really the same number.
     */
    static PublicRecord publicRecord(Handle h, List<Integer> numbers) {
        List<PublicRecord.Release> releases = new ArrayList<>();
        for (int n : numbers) {
            Optional<String> csv = ReleaseRepository.file(h, n, ReleaseDownload.Format.CSV);
            Optional<ReleaseContent> content = ReleaseRepository.stored(h, n).map(r -> ReleaseContent.parse(r.content()));
            if (csv.isPresent() && content.isPresent()) {
                releases.add(new PublicRecord.Release(n, ReleaseDownload.readCsv(csv.get().getBytes(StandardCharsets.UTF_8)),
                        ReleaseTableBuilder.counts(content.get().data(), content.get().rules().toRules())));
            }
        }
        return new PublicRecord(releases);
    }

    /**
     * Frozen values without an equal recomputed value of the same indicator, year, area and group,
     * plus recomputed values the release does not have. Counts of earlier years that a release
     * frozen before they were kept does not hold (null) are not compared, nor the earlier years'
     * rows that have counts but no value (such a release did not keep them).
     */
    static int differingValues(ReleaseContent content, List<FrozenResults.ValueRow> recomputed) {
        Map<String, FrozenResults.ValueRow> again = new HashMap<>();
        recomputed.forEach(r -> again.put(valueKey(r), r));
        boolean earlierCountsFrozen = content.data().values().stream()
                .anyMatch(v -> v.year() != content.year() && (v.numerator() != null || v.denominator() != null));
        int differing = 0;
        for (FrozenResults.ValueRow frozen : content.data().values()) {
            FrozenResults.ValueRow r = again.remove(valueKey(frozen));
            if (r != null && !earlierCountsFrozen && frozen.year() != content.year()) {
                r = new FrozenResults.ValueRow(r.areaCode(), r.year(), r.indicatorId(), r.targetGroup(), null, null, r.value(), r.change());
            }
            if (!frozen.equals(r)) {
                differing++;
            }
        }
        // a release frozen without earlier years' counts did not keep the earlier rows that have counts but no value
        again.values().removeIf(r -> !earlierCountsFrozen && r.year() != content.year() && r.value() == null);
        return differing + again.size();
    }

    private static String valueKey(FrozenResults.ValueRow r) {
        return r.indicatorId() + "|" + r.year() + "|" + r.areaCode() + "|" + r.targetGroup();
    }
}
