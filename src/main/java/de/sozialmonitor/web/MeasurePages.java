package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.i18n.TextBundle;
import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.Measure;
import de.sozialmonitor.store.AreaRepository;
import de.sozialmonitor.store.MeasureRepository;
import de.sozialmonitor.view.MeasureView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import j2html.tags.DomContent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures in the web: the public page of all measures (with the before/after comparisons) and
 * the staff pages that record, change and delete them (analysts and up; viewers read). Lists of
 * measures come in through the data page's upload, like any other file.
 */
final class MeasurePages {
    private static final String NAV = "nav.intern";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WebServer.WebContext web;

    MeasurePages(WebServer.WebContext web) {
        this.web = web;
    }

    private MeasureRepository repository() {
        return new MeasureRepository(web.db().jdbi());
    }

    /** {@code /massnahmen}: every measure the viewer may see, with its comparisons, from the shown results. */
    void list(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        TextBundle st = MeasureSection.texts(v);
        Pages.Selection s = Pages.selection(web, ctx);
        String title = st.get("measures.title");
        String query = "year=" + s.year();
        DomContent content;
        if (s.empty()) {
            content = p(v.texts().get("overview.noResults")).withClass("empty");
        } else {
            MeasureView measures = web.views().measures(s.view(), v.loggedIn());
            content = measures.isEmpty() ? p(st.get("measures.none"))
                    : div(each(measures.all(), e -> MeasureSection.measure(v, measures, e, query, null, 2)));
        }
        ctx.html(Layout.page(web, v, ctx, title, "nav.overview", div(h1(title), Layout.scopeNotice(v, s),
                p(st.get("measures.intro")), content)));
    }

    // ---------------------------------------------------------------- staff

    void staff(Context ctx) {
        renderStaff(ctx, null, HttpStatus.OK);
    }

    private void renderStaff(Context ctx, String message, HttpStatus status) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        TextBundle st = MeasureSection.texts(v);
        String title = st.get("measures.staffTitle");
        Map<String, String> names = areaNames();
        boolean analyst = v.role().atLeast(Role.ANALYST);
        List<MeasureRepository.Stored> all = repository().list();
        DomContent body = div(h1(title),
                iff(message != null, p(message == null ? "" : message).withClass("notice").attr("role", "status")),
                p(st.get("measures.staffIntro")),
                iff(analyst, p(a(st.get("measures.new")).withHref("/intern/massnahmen/bearbeiten").withClass("button primary"))),
                all.isEmpty() ? p(st.get("measures.none")) : table(
                        thead(tr(th(st.get("measures.key")).attr("scope", "col"), th(st.get("measures.field.title")).attr("scope", "col"),
                                th(st.get("measures.field")).attr("scope", "col"), th(st.get("measures.period")).attr("scope", "col"),
                                th(st.get("measures.areas")).attr("scope", "col"), th(st.get("measures.updatedBy")).attr("scope", "col"),
                                th(t.get("users.actions")).attr("scope", "col"))),
                        tbody(each(all, s -> {
                            Measure m = s.measure();
                            return tr(td(m.key()).attr("data-label", st.get("measures.key")),
                                    th(text(m.title()), iff(!m.shownPublic(), span(" " + st.get("measures.internal")).withClass("badge internal")))
                                            .attr("scope", "row"),
                                    td(m.fieldOfAction()).attr("data-label", st.get("measures.field")),
                                    td(MeasureSection.period(st, t, m)).attr("data-label", st.get("measures.period")),
                                    td(m.areaCodes().stream().map(c -> names.getOrDefault(c, c)).collect(Collectors.joining(", ")))
                                            .attr("data-label", st.get("measures.areas")),
                                    td(s.updatedBy() + ", " + TIME.format(s.updatedAt())).attr("data-label", st.get("measures.updatedBy")),
                                    td(iff(analyst, a(st.get("measures.edit")).withHref("/intern/massnahmen/bearbeiten?key=" + Layout.enc(m.key()))),
                                            iff(analyst, form(Layout.csrf(v), input().withType("hidden").withName("key").withValue(m.key()),
                                                    button(st.get("measures.delete")).withType("submit")
                                                            .attr("aria-label", st.get("measures.deleteLabel", m.title())))
                                                    .withMethod("post").withAction("/intern/massnahmen/loeschen").withClass("inline"))));
                        }))).withClass("data-table stack"));
        ctx.status(status).html(Layout.page(web, v, ctx, title, NAV, body));
    }

    /** The form for a new measure, or for the one named by {@code ?key=}. */
    void edit(Context ctx) {
        String key = ctx.queryParam("key");
        Measure m = null;
        if (key != null && !key.isBlank()) {
            Optional<MeasureRepository.Stored> s = repository().find(key);
            if (s.isEmpty()) {
                WebServer.error(ctx, HttpStatus.NOT_FOUND, MeasureSection.texts(WebServer.viewer(ctx)).get("measures.notFound"));
                return;
            }
            m = s.get().measure();
        }
        renderForm(ctx, m == null ? Map.of() : values(m), m != null, List.of(), HttpStatus.OK);
    }

    void save(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        TextBundle st = MeasureSection.texts(v);
        Map<String, String> form = new LinkedHashMap<>();
        for (String f : List.of("key", "title", "field_of_action", "office", "start", "end", "budget", "funding", "target_group",
                "description")) {
            form.put(f, Optional.ofNullable(ctx.formParam(f)).orElse(""));
        }
        List<String> areas = ctx.formParams("areas");
        List<String> indicators = ctx.formParams("indicators");
        form.put("areas", String.join(",", areas));
        form.put("indicators", String.join(",", indicators));
        form.put("public", ctx.formParam("public") == null ? "" : "on");
        boolean editing = "1".equals(ctx.formParam("editing"));
        List<Measure.Problem> problems = new ArrayList<>();
        LocalDate start = date(form.get("start"), "start", problems);
        LocalDate end = form.get("end").isBlank() ? null : date(form.get("end"), "end", problems);
        BigDecimal budget = null;
        if (!form.get("budget").isBlank()) {
            budget = money(form.get("budget"));
            if (budget == null) {
                problems.add(new Measure.Problem("budget", "bad_number", form.get("budget")));
            }
        }
        Measure m = new Measure(form.get("key"), form.get("title"), form.get("field_of_action"), form.get("office"), start, end,
                budget, form.get("funding"), form.get("target_group"), form.get("description"), ctx.formParam("public") != null,
                areas, indicators);
        Set<String> unreadable = problems.stream().map(Measure.Problem::field).collect(Collectors.toSet());
        m.problems(areaNames().keySet(), web.catalog().indicators().stream().map(Indicator::id).collect(Collectors.toSet()))
                .stream().filter(p -> !unreadable.contains(p.field())).forEach(problems::add);
        if (!editing && repository().find(m.key()).isPresent()) {
            problems.add(new Measure.Problem("key", "duplicate", m.key()));
        }
        if (!problems.isEmpty()) {
            renderForm(ctx, form, editing, problems, HttpStatus.BAD_REQUEST);
            return;
        }
        repository().save(m, v.username());
        renderStaff(ctx, st.get("measures.saved", m.title()), HttpStatus.OK);
    }

    void delete(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        TextBundle st = MeasureSection.texts(v);
        String key = Optional.ofNullable(ctx.formParam("key")).orElse("");
        if (!repository().delete(key, v.username())) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, st.get("measures.notFound"));
            return;
        }
        renderStaff(ctx, st.get("measures.deleted", key), HttpStatus.OK);
    }

    private void renderForm(Context ctx, Map<String, String> values, boolean editing, List<Measure.Problem> problems,
                            HttpStatus status) {
        Viewer v = WebServer.viewer(ctx);
        TextBundle st = MeasureSection.texts(v);
        String title = editing ? st.get("measures.edit") + ": " + values.getOrDefault("title", "") : st.get("measures.new");
        Set<String> chosenAreas = Set.of(values.getOrDefault("areas", "").split(","));
        Set<String> chosenIndicators = Set.of(values.getOrDefault("indicators", "").split(","));
        List<Area> areas = currentAreas();
        DomContent body = div(h1(title),
                iff(!problems.isEmpty(), div(p(st.get("measures.invalid")), ul(each(problems, p -> li(
                        st.get("measures.field." + p.field()) + ": " + st.get("measures.problem." + p.code())
                                + (p.value() == null || p.value().isBlank() ? "" : " (" + p.value() + ")")))))
                        .withClass("error").attr("role", "alert")),
                form(Layout.csrf(v), input().withType("hidden").withName("editing").withValue(editing ? "1" : "0"),
                        textField(st, values, "key", true, editing),
                        textField(st, values, "title", true, false),
                        textField(st, values, "field_of_action", true, false),
                        textField(st, values, "office", false, false),
                        dateField(st, values, "start", true),
                        dateField(st, values, "end", false),
                        div(label(st.get("measures.field.budget")).attr("for", "m-budget"),
                                input().withType("text").withId("m-budget").withName("budget").withValue(values.getOrDefault("budget", ""))
                                        .attr("inputmode", "decimal").attr("aria-describedby", "m-budget-hint"),
                                span(st.get("measures.budgetHint")).withClass("hint").withId("m-budget-hint")).withClass("field"),
                        textField(st, values, "funding", false, false),
                        textField(st, values, "target_group", false, false),
                        div(label(st.get("measures.field.description")).attr("for", "m-description"),
                                textarea(values.getOrDefault("description", "")).withId("m-description").withName("description")
                                        .attr("rows", "4").attr("maxlength", Measure.MAX_DESCRIPTION)).withClass("field"),
                        div(label(st.get("measures.field.areas")).attr("for", "m-areas"),
                                select(each(areas, a -> option(a.name() + " (" + a.level() + ", " + a.code() + ")").withValue(a.code())
                                        .withCondSelected(chosenAreas.contains(a.code()))))
                                        .withId("m-areas").withName("areas").attr("multiple").attr("size", "10").isRequired()
                                        .attr("aria-describedby", "m-areas-hint"),
                                span(st.get("measures.areasHint")).withClass("hint").withId("m-areas-hint")).withClass("field"),
                        fieldset(legend(st.get("measures.field.indicators")),
                                each(web.catalog().indicators(), i -> div(input().withType("checkbox").withName("indicators")
                                                .withId("m-ind-" + i.id()).withValue(i.id()).withCondChecked(chosenIndicators.contains(i.id())),
                                        label(i.name(v.lang())).attr("for", "m-ind-" + i.id())).withClass("check"))).withClass("field"),
                        div(input().withType("checkbox").withName("public").withId("m-public")
                                        .withCondChecked(!editing && values.isEmpty() || "on".equals(values.get("public"))),
                                label(st.get("measures.publicLabel")).attr("for", "m-public")).withClass("check"),
                        button(st.get("measures.save")).withType("submit").withClass("primary"))
                        .withMethod("post").withAction("/intern/massnahmen").withClass("measure-form"));
        ctx.status(status).html(Layout.page(web, v, ctx, title, NAV, body));
    }

    private static DomContent textField(TextBundle st, Map<String, String> values, String name, boolean required, boolean readonly) {
        var in = input().withType("text").withId("m-" + name).withName(name).withValue(values.getOrDefault(name, ""));
        if (required) {
            in.isRequired();
        }
        if (readonly) {
            in.isReadonly();
        }
        return div(label(st.get("measures.field." + name)).attr("for", "m-" + name), in).withClass("field");
    }

    private static DomContent dateField(TextBundle st, Map<String, String> values, String name, boolean required) {
        var in = input().withType("date").withId("m-" + name).withName(name).withValue(values.getOrDefault(name, ""))
                .attr("aria-describedby", "m-" + name + "-hint");
        if (required) {
            in.isRequired();
        }
        return div(label(st.get("measures.field." + name)).attr("for", "m-" + name), in,
                span(st.get("measures.startHint")).withClass("hint").withId("m-" + name + "-hint")).withClass("field");
    }

    private static Map<String, String> values(Measure m) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("key", m.key());
        v.put("title", m.title());
        v.put("field_of_action", m.fieldOfAction());
        v.put("office", m.office() == null ? "" : m.office());
        v.put("start", m.start() == null ? "" : m.start().toString());
        v.put("end", m.end() == null ? "" : m.end().toString());
        v.put("budget", m.budget() == null ? "" : m.budget().toPlainString());
        v.put("funding", m.funding() == null ? "" : m.funding());
        v.put("target_group", m.targetGroup() == null ? "" : m.targetGroup());
        v.put("description", m.description() == null ? "" : m.description());
        v.put("areas", String.join(",", m.areaCodes()));
        v.put("indicators", String.join(",", m.indicatorIds()));
        v.put("public", m.shownPublic() ? "on" : "");
        return v;
    }

    /** The current version of every area, by level depth and name. */
    private List<Area> currentAreas() {
        Map<String, Area> latest = new LinkedHashMap<>();
        for (Area a : AreaRepository.areas(web.db().jdbi())) {
            Area had = latest.get(a.code());
            if (had == null || a.validFrom().isAfter(had.validFrom())) {
                latest.put(a.code(), a);
            }
        }
        Map<String, Integer> depth = web.db().jdbi().withHandle(AreaRepository::levels);
        return latest.values().stream().sorted(Comparator.comparing((Area a) -> depth.getOrDefault(a.level(), 99))
                .thenComparing(Area::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private Map<String, String> areaNames() {
        Map<String, String> names = new LinkedHashMap<>();
        currentAreas().forEach(a -> names.put(a.code(), a.name()));
        return names;
    }

    /** A date from the form: ISO (the date input) or German; null after noting the problem. */
    private static LocalDate date(String text, String field, List<Measure.Problem> problems) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return t.contains(".") ? LocalDate.parse(t, DateTimeFormatter.ofPattern("d.M.uuuu")) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(new Measure.Problem(field, "bad_date", t));
            return null;
        }
    }

    /** An amount in euros as people type it: 120000, 120.000, 120.000,50, 120000.50, with or without €. */
    static BigDecimal money(String text) {
        String t = text.replace("€", "").replace("EUR", "").replace(" ", "").replace("\u00a0", "").strip();
        if (t.matches("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?|\\d+(,\\d{1,2})?")) {
            t = t.replace(".", "").replace(',', '.');
        } else if (!t.matches("\\d+(\\.\\d{1,2})?|\\d{1,3}(,\\d{3})+(\\.\\d{1,2})?")) {
            return null;
        } else {
            t = t.replace(",", "");
        }
        return new BigDecimal(t);
    }
}
