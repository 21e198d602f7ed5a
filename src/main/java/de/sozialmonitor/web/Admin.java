package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.store.UserRepository;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import j2html.tags.DomContent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Login, logout and the internal area: dashboard for analysts, users and audit log for admins. */
final class Admin {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final WebServer.WebContext web;

    Admin(WebServer.WebContext web, WebServer server) {
        this.web = web;
    }

    void loginForm(Context ctx) {
        renderLogin(ctx, null, HttpStatus.OK);
    }

    private void renderLogin(Context ctx, String error, HttpStatus status) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        String token = ctx.cookie(WebServer.LOGIN_CSRF_COOKIE);
        if (token == null || token.length() < 20) {
            token = Sessions.randomToken();
            ctx.cookie(cookie(ctx, WebServer.LOGIN_CSRF_COOKIE, token, -1));
        }
        String next = safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next"));
        String title = t.get("login.title");
        ctx.status(status).html(Layout.page(web, v, ctx, title, "", div(
                h1(title),
                iff(error != null, p(error == null ? "" : error).withClass("error").attr("role", "alert")),
                iff(v.loggedIn(), p(t.get("login.already", v.username() == null ? "" : v.username()))),
                form(
                        input().withType("hidden").withName("_csrf").withValue(token),
                        input().withType("hidden").withName("next").withValue(next),
                        div(label(t.get("login.username")).attr("for", "username"),
                                input().withType("text").withId("username").withName("username").isRequired()
                                        .attr("autocomplete", "username")).withClass("field"),
                        div(label(t.get("login.password")).attr("for", "password"),
                                input().withType("password").withId("password").withName("password").isRequired()
                                        .attr("autocomplete", "current-password")).withClass("field"),
                        button(t.get("login.submit")).withType("submit").withClass("primary"))
                        .withMethod("post").withAction("/login").withClass("login-form"),
                p(t.get("login.sso")).withClass("hint"))));
    }

    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("\n")) {
            return "/intern";
        }
        return next;
    }

    private Cookie cookie(Context ctx, String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, web.secureCookies() || WebServer.https(ctx), 0, true, null, null, SameSite.STRICT);
    }

    void login(Context ctx) {
        Texts t = WebServer.viewer(ctx).texts();
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (!UserRepository.withinBounds(username, password)) {
            renderLogin(ctx, t.get("login.tooLong", UserRepository.MAX_NAME_LENGTH, UserRepository.MAX_PASSWORD_LENGTH),
                    HttpStatus.BAD_REQUEST);
            return;
        }
        String address = ctx.ip();
        LoginThrottle.Admission admission = web.throttle().admit(username, address);
        if (!admission.admitted()) {
            web.guards().logins().throttled(username, address);
            long seconds = Math.max(1, admission.retryAfter().toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            renderLogin(ctx, t.get("login.throttled", seconds), HttpStatus.TOO_MANY_REQUESTS);
            return;
        }
        Optional<UserRepository.User> user;
        try {
            user = web.users().authenticate(username, password, address);
        } catch (de.sozialmonitor.store.BoundedWork.Busy e) {
            web.throttle().cancel(admission.ticket());
            ctx.header("Retry-After", Long.toString(WebServer.BUSY_RETRY_SECONDS));
            renderLogin(ctx, t.get("login.busy", WebServer.BUSY_RETRY_SECONDS), HttpStatus.SERVICE_UNAVAILABLE);
            return;
        } catch (RuntimeException e) {
            web.throttle().cancel(admission.ticket());
            throw e;
        }
        web.throttle().finish(admission.ticket(), user.isPresent());
        if (user.isEmpty()) {
            web.guards().logins().failed(username, address);
            renderLogin(ctx, t.get("login.failed"), HttpStatus.UNAUTHORIZED);
            return;
        }
        Viewer old = WebServer.viewer(ctx);
        web.sessions().end(old.sessionId());
        Sessions.Session s = web.sessions().create(user.get().username(), Role.fromCode(user.get().role()));
        ctx.cookie(cookie(ctx, WebServer.SESSION_COOKIE, s.id(), -1));
        ctx.removeCookie(WebServer.LOGIN_CSRF_COOKIE, "/");
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        web.sessions().end(v.sessionId());
        web.audit().record(v.username(), "logout", v.username(), null);
        ctx.removeCookie(WebServer.SESSION_COOKIE, "/");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void dashboard(Context ctx) {
        renderDashboard(ctx, null, HttpStatus.OK);
    }

    private void renderDashboard(Context ctx, String message, HttpStatus status) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        List<ResultRepository.ResultSetInfo> sets = new ResultRepository(web.db().jdbi()).list().stream().limit(20).toList();
        List<ReleaseRepository.ReleaseInfo> releases = new java.util.ArrayList<>(releases().list());
        java.util.Collections.reverse(releases);
        String title = t.get("intern.title");
        DomContent body = div(
                h1(title),
                iff(message != null, p(message == null ? "" : message).withClass("notice").attr("role", "status")),
                p(t.get("intern.welcome", v.username(), t.get("role." + v.role().code()))),
                p(t.get("intern.scope")),
                ul(li(a(t.get("intern.internalOverview")).withHref("/")),
                        iff(v.role().atLeast(Role.ANALYST), li(a(t.get("intern.data")).withHref("/intern/daten"))),
                        li(a(t.get("intern.analysis")).withHref("/intern/analyse")),
                        li(a(MeasureSection.texts(v).get("measures.staffTitle")).withHref("/intern/massnahmen")),
                        iff(v.role().atLeast(Role.ADMIN), li(a(t.get("intern.users")).withHref("/intern/benutzer"))),
                        iff(v.role().atLeast(Role.ADMIN), li(a(t.get("intern.audit")).withHref("/intern/protokoll")))),
                h2(t.get("intern.resultSets")),
                sets.isEmpty() ? p(t.get("intern.noResultSets")) : table(
                        thead(tr(th("Nr.").attr("scope", "col"), th(t.get("controls.year")).attr("scope", "col"),
                                th(t.get("intern.computedAt")).attr("scope", "col"), th(t.get("intern.computedBy")).attr("scope", "col"))),
                        tbody(each(sets, r -> tr(td(Long.toString(r.id())), td(Integer.toString(r.year())),
                                td(r.computedAt() == null ? "" : TIME.format(r.computedAt())), td(r.computedBy()))))).withClass("data-table"),
                h2(t.get("intern.releases")),
                releases.isEmpty() ? p(t.get("intern.noReleases")) : table(
                        thead(tr(th("Nr.").attr("scope", "col"), th(t.get("intern.releaseTitle")).attr("scope", "col"),
                                th(t.get("controls.year")).attr("scope", "col"), th(t.get("intern.created")).attr("scope", "col"),
                                th(t.get("intern.published")).attr("scope", "col"), th(t.get("users.actions")).attr("scope", "col"))),
                        tbody(each(releases, r -> tr(td(Integer.toString(r.number())), td(r.title()), td(Integer.toString(r.year())),
                                td(r.createdAt() == null ? "" : TIME.format(r.createdAt())),
                                td(r.publishedAt() == null ? text(t.get("intern.notPublished")) : text(TIME.format(r.publishedAt()))),
                                td(iff(v.role().atLeast(Role.ANALYST), a(t.get("intern.download", r.number()))
                                                .withHref("/intern/berichtsstaende/" + r.number() + "/download")),
                                        iff(!r.isPublished() && v.role().atLeast(Role.ANALYST),
                                                form(Layout.csrf(v), button(t.get("intern.publish", r.number())).withType("submit").withClass("primary"))
                                                        .withMethod("post").withAction("/intern/berichtsstaende/" + r.number() + "/veroeffentlichen")
                                                        .withClass("inline")))))))
                        .withClass("data-table"),
                iff(v.role().atLeast(Role.ANALYST), div(h3(t.get("intern.createRelease")),
                        releaseForm(v, "", sets.isEmpty() ? null : sets.get(0).year()))),
                p(t.get("intern.cliHint")).withClass("hint"));
        ctx.status(status).html(Layout.page(web, v, ctx, title, "nav.intern", body));
    }

    /** The form that creates a release from the newest computation of a year (dashboard and computation page). */
    static DomContent releaseForm(Viewer v, String title, Integer year) {
        Texts t = v.texts();
        return form(Layout.csrf(v),
                div(label(t.get("intern.releaseTitle")).attr("for", "release-title"),
                        input().withType("text").withId("release-title").withName("title").isRequired().withValue(title)).withClass("field"),
                div(label(t.get("controls.year")).attr("for", "release-year"),
                        input().withType("number").withId("release-year").withName("year").isRequired()
                                .withValue(year == null ? "" : Integer.toString(year))).withClass("field"),
                button(t.get("intern.createSubmit")).withType("submit").withClass("primary"))
                .withMethod("post").withAction("/intern/berichtsstaende").withClass("login-form");
    }

    void createRelease(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        String title = Optional.ofNullable(ctx.formParam("title")).orElse("").trim();
        int year = Api.parseInt(ctx.formParam("year"), -1);
        if (title.isEmpty() || title.length() > 400 || year < 1900 || year > 2200) {
            renderDashboard(ctx, t.get("intern.releaseInvalid"), HttpStatus.BAD_REQUEST);
            return;
        }
        var cfg = web.config();
        try {
            var info = releaseWorkflow().create(ReleaseWorkflow.CreateRequest.of(cfg, web.catalog(), title, year, null), v.username());
            renderDashboard(ctx, t.get("intern.releaseCreated", info.number(), info.checksum()), HttpStatus.OK);
        } catch (ReleaseWorkflow.ReleaseException e) {
            renderDashboard(ctx, releaseError(WebServer.viewer(ctx).texts(), e), HttpStatus.BAD_REQUEST);
        }
    }

    void publishRelease(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        int number = Api.parseInt(ctx.pathParam("number"), -1);
        try {
            var info = releaseWorkflow().publish(number, v.username());
            renderDashboard(ctx, v.texts().get("intern.releasePublished", info.number(), info.checksum()), HttpStatus.OK);
        } catch (ReleaseWorkflow.ReleaseException e) {
            renderDashboard(ctx, releaseError(WebServer.viewer(ctx).texts(), e), HttpStatus.BAD_REQUEST);
        }
    }

    void internalReleaseDownload(Context ctx) throws java.io.IOException {
        int number = Api.parseInt(ctx.pathParam("number"), -1);
        var format = de.sozialmonitor.privacy.ReleaseDownload.Format.CSV;
        Optional<java.nio.file.Path> file = web.guards().releaseFiles().any(number, format);
        if (file.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, null);
            return;
        }
        web.audit().record(WebServer.viewer(ctx).username(), "export.web", "release " + number, "internal download");
        Api.sendFile(ctx, file.get(), format.mediaType(), "berichtsstand-" + number + "." + format.extension());
    }

    private ReleaseWorkflow releaseWorkflow() {
        return new ReleaseWorkflow(web.db().jdbi());
    }

    private de.sozialmonitor.store.ReleaseRepository releases() {
        return new de.sozialmonitor.store.ReleaseRepository(web.db().jdbi());
    }

    /** The privacy part's message for a refused release operation, in the viewer's language. */
    private static String releaseError(Texts t, ReleaseWorkflow.ReleaseException e) {
        return de.sozialmonitor.i18n.TextBundle.of("i18n.privacy", t.locale()).get(e.key(), e.args());
    }

    void users(Context ctx) {
        renderUsers(ctx, null, HttpStatus.OK);
    }

    private void renderUsers(Context ctx, String message, HttpStatus status) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        String title = t.get("users.title");
        DomContent body = div(
                h1(title),
                iff(message != null, p(message == null ? "" : message).withClass("notice").attr("role", "status")),
                table(thead(tr(th(t.get("login.username")).attr("scope", "col"), th(t.get("users.role")).attr("scope", "col"),
                                th(t.get("users.state")).attr("scope", "col"), th(t.get("users.actions")).attr("scope", "col"))),
                        tbody(each(web.users().list(), u -> tr(
                                th(u.username()).attr("scope", "row"),
                                td(t.get("role." + u.role())),
                                td(u.disabled() ? t.get("users.disabled") : t.get("users.active")),
                                td(form(Layout.csrf(v),
                                                label(t.get("users.newRole", u.username())).attr("for", "role-" + u.username()).withClass("visually-hidden"),
                                                roleSelect("role-" + u.username(), t, u.role()),
                                                button(t.get("users.setRole")).withType("submit"))
                                                .withMethod("post").withAction("/intern/benutzer/" + Layout.enc(u.username()) + "/rolle").withClass("inline"),
                                        iff(!u.disabled(), form(Layout.csrf(v), button(t.get("users.disable")).withType("submit")
                                                .attr("aria-label", t.get("users.disableLabel", u.username())))
                                                .withMethod("post").withAction("/intern/benutzer/" + Layout.enc(u.username()) + "/sperren").withClass("inline")))))))
                        .withClass("data-table"),
                h2(t.get("users.add")),
                form(Layout.csrf(v),
                        div(label(t.get("login.username")).attr("for", "new-username"),
                                input().withType("text").withId("new-username").withName("username").isRequired().attr("autocomplete", "off")).withClass("field"),
                        div(label(t.get("users.role")).attr("for", "new-role"), roleSelect("new-role", t, "viewer")).withClass("field"),
                        div(label(t.get("users.password", UserRepository.MIN_PASSWORD_LENGTH)).attr("for", "new-password"),
                                input().withType("password").withId("new-password").withName("password").isRequired()
                                        .attr("autocomplete", "new-password").attr("minlength", UserRepository.MIN_PASSWORD_LENGTH)).withClass("field"),
                        button(t.get("users.addSubmit")).withType("submit").withClass("primary"))
                        .withMethod("post").withAction("/intern/benutzer").withClass("login-form"));
        ctx.status(status).html(Layout.page(web, v, ctx, title, "nav.intern", body));
    }

    private static DomContent roleSelect(String id, Texts t, String current) {
        return select(each(UserRepository.ROLES, r -> option(t.get("role." + r)).withValue(r).withCondSelected(r.equals(current))))
                .withId(id).withName("role");
    }

    void addUser(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        try {
            web.users().add(Optional.ofNullable(ctx.formParam("username")).orElse("").trim(),
                    UserRepository.normaliseRole(ctx.formParam("role")), ctx.formParam("password"), v.username());
            renderUsers(ctx, v.texts().get("users.added", ctx.formParam("username")), HttpStatus.OK);
        } catch (IllegalArgumentException e) {
            renderUsers(ctx, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
    }

    void setRole(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        String name = ctx.pathParam("name");
        try {
            web.users().setRole(name, UserRepository.normaliseRole(ctx.formParam("role")), v.username());
            web.sessions().endAllOf(name);
            renderUsers(ctx, v.texts().get("users.roleSet", name), HttpStatus.OK);
        } catch (IllegalArgumentException e) {
            renderUsers(ctx, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
    }

    void disable(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        String name = ctx.pathParam("name");
        try {
            web.users().setDisabled(name, true, v.username());
            web.sessions().endAllOf(name);
            renderUsers(ctx, v.texts().get("users.disabledDone", name), HttpStatus.OK);
        } catch (IllegalArgumentException e) {
            renderUsers(ctx, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
    }

    void audit(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        List<String> counted = List.of(LoginAudit.ACTION);
        List<AuditLog.Event> events = web.audit().latestExcept(counted, 500);
        List<AuditLog.Event> failed = web.audit().latestOf(counted, 200);
        List<de.sozialmonitor.store.DownloadCounts.Count> downloads = new de.sozialmonitor.store.DownloadCounts(web.db().jdbi())
                .recent(java.time.LocalDate.now(java.time.ZoneOffset.UTC), 30);
        String title = t.get("audit.title");
        ctx.html(Layout.page(web, v, ctx, title, "nav.intern", div(
                h1(title), p(t.get("audit.intro")),
                eventTable(t, events),
                h2(t.get("audit.failedTitle")), p(t.get("audit.failedIntro")),
                eventTable(t, failed),
                h2(t.get("audit.downloadsTitle")), p(t.get("audit.downloadsIntro")),
                downloads.isEmpty() ? p(t.get("audit.none")) : table(
                        thead(tr(th(t.get("audit.day")).attr("scope", "col"), th(t.get("audit.item")).attr("scope", "col"),
                                th(t.get("audit.downloads")).attr("scope", "col"))),
                        tbody(each(downloads, d -> tr(td(d.day().toString()), td(d.item()), td(Long.toString(d.downloads()))))))
                        .withClass("data-table"))));
    }

    private static DomContent eventTable(Texts t, List<AuditLog.Event> events) {
        if (events.isEmpty()) {
            return p(t.get("audit.none"));
        }
        return table(thead(tr(th(t.get("audit.at")).attr("scope", "col"), th(t.get("audit.user")).attr("scope", "col"),
                        th(t.get("audit.action")).attr("scope", "col"), th(t.get("audit.target")).attr("scope", "col"),
                        th(t.get("audit.detail")).attr("scope", "col"))),
                tbody(each(events, e -> tr(td(e.at() == null ? "" : TIME.format(e.at())), td(e.user()), td(code(e.action())),
                        td(e.target() == null ? "" : e.target()), td(e.detail() == null ? "" : e.detail())))))
                .withClass("data-table");
    }
}
