package de.sozialmonitor.web;

import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.UserRepository;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceConfig;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The web application: public pages, analyst area, JSON API, OGC API – Features. Every route is
 * registered through {@link #route} with the least role that may use it, so that the access rule
 * lives beside the route and the role test can walk all routes.
 */
public final class WebServer implements AutoCloseable {
    public static final String SESSION_COOKIE = "sm_session";
    public static final String LOGIN_CSRF_COOKIE = "sm_login_csrf";
    public static final String LANG_COOKIE = "sm_lang";
    static final String VIEWER = "viewer";
    static final String WEB = "web";
    static final String ERROR_RENDERED = "errorRendered";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    /** A route and the least role allowed on it. */
    public record RouteSpec(HandlerType method, String path, Role minRole) {
    }

    private final List<RouteSpec> routes = new ArrayList<>();
    private final Javalin app;
    private final WebContext web;
    private final java.util.concurrent.ScheduledExecutorService flusher;
    /** Where {@link #start} binds; read by the connector when Javalin starts. */
    private String bindHost = "0.0.0.0";
    private int bindPort;

    /**
     * Connections the operating system holds for the server before it accepts them. The JDK's
     * default of 50 is small for a burst of logins while both cores are busy hashing: a full queue
     * makes the kernel drop connections instead of letting them wait for their answer (503 with
     * Retry-After). Linux caps the value at net.core.somaxconn (4096 on current kernels).
     */
    static final int ACCEPT_QUEUE = 1024;

    /** Seconds a client is asked to wait when every password-hashing slot is taken. */
    static final long BUSY_RETRY_SECONDS = 5;

    /** Default size limit of an uploaded data file. */
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    /**
     * Everything a page needs: the data, the config and the security services; the workspace and
     * its database for the analyst's upload, import and computation ({@code workspace} is null
     * for a server built from config and catalog only, which then has no upload).
     */
    public record WebContext(WorkspaceConfig config, IndicatorCatalog catalog, ResultViews views,
                             UserRepository users, AuditLog audit, Sessions sessions, LoginThrottle throttle,
                             Geometries geometries, boolean secureCookies, Workspace workspace, Database db,
                             long maxUploadBytes, Guards guards) {
        /** The same context with another upload limit (tests). */
        public WebContext withMaxUploadBytes(long bytes) {
            return new WebContext(config, catalog, views, users, audit, sessions, throttle, geometries, secureCookies,
                    workspace, db, bytes, guards);
        }
    }

    /**
     * What keeps anonymous traffic cheap for the server: failed logins and public downloads are
     * counted (not one audit row each), release downloads are streamed from files.
     */
    record Guards(LoginAudit logins, DownloadCounter downloads, ReleaseFiles releaseFiles) {
    }

    /** The web application of a workspace, with the analyst's upload, import and computation. */
    public WebServer(Workspace ws, Database db) {
        this(context(ws, db));
    }

    /** Pages and API only: without a workspace the analyst area cannot upload, import or compute. */
    public WebServer(Database db, WorkspaceConfig config, IndicatorCatalog catalog) {
        this(context(db, config, catalog, null));
    }

    public static WebContext context(Workspace ws, Database db) {
        return context(db, ws.config(), ws.catalog(), ws);
    }

    private static WebContext context(Database db, WorkspaceConfig config, IndicatorCatalog catalog, Workspace ws) {
        ResultViews views = ResultViews.of(db.jdbi(), config);
        AuditLog audit = new AuditLog(db.jdbi());
        Guards guards = new Guards(new LoginAudit(audit, java.time.Clock.systemUTC(), 1_000),
                new DownloadCounter(new de.sozialmonitor.store.DownloadCounts(db.jdbi()), java.time.Clock.systemUTC(), 1_000),
                ReleaseFiles.of(ws, new de.sozialmonitor.store.ReleaseRepository(db.jdbi())));
        return new WebContext(config, catalog, views,
                new UserRepository(db.jdbi()), audit, Sessions.standard(), LoginThrottle.standard(),
                new Geometries(), "true".equals(System.getenv("SOZIALMONITOR_SECURE_COOKIES")), ws, db, MAX_UPLOAD_BYTES, guards);
    }

    public WebServer(WebContext web) {
        this.web = web;
        this.flusher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sozialmonitor-counts");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(() -> flushCounts(false), 60, 60, java.util.concurrent.TimeUnit.SECONDS);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new io.javalin.json.JavalinJackson(de.sozialmonitor.json.Json.MAPPER, false));
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/web/static";
                s.location = Location.CLASSPATH;
            });
            cfg.http.maxRequestSize = 20_000_000L;
            cfg.jetty.addConnector((server, http) -> {
                org.eclipse.jetty.server.ServerConnector c = new org.eclipse.jetty.server.ServerConnector(server,
                        new org.eclipse.jetty.server.HttpConnectionFactory(http));
                c.setHost(bindHost);
                c.setPort(bindPort);
                c.setAcceptQueueSize(ACCEPT_QUEUE);
                return c;
            });
            // Uploads stream to a temporary file above 1 MB; Jetty refuses parts beyond the default
            // limit. (Javalin keeps this setting process-wide, so it is the same for every server;
            // a lower limit of one server is enforced by checkCsrf and Uploads.store.)
            cfg.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_BYTES + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
        });
        app.before(this::identify);
        app.before(this::securityHeaders);
        app.before(this::checkCsrf);
        app.exception(io.javalin.http.ContentTooLargeResponse.class,
                (e, ctx) -> error(ctx, HttpStatus.CONTENT_TOO_LARGE, e.getMessage()));
        // The message of an IllegalArgumentException is the program's, not the visitor's: never shown.
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, null));
        app.exception(de.sozialmonitor.store.BoundedWork.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(BUSY_RETRY_SECONDS));
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, viewer(ctx).texts().get("error.busy"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            org.slf4j.LoggerFactory.getLogger(WebServer.class).error("request failed: {}", ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ERROR_RENDERED) == null) {
                error(ctx, HttpStatus.NOT_FOUND, null);
            }
        });
        Pages pages = new Pages(web);
        AreaProfilePage profiles = new AreaProfilePage(web);
        AttentionPage attention = new AttentionPage(web);
        MethodPage method = new MethodPage(web);
        ComparisonPage comparison = new ComparisonPage(web);
        Api api = new Api(web);
        DownloadsPage downloads = new DownloadsPage(web, api);
        OgcApi ogc = new OgcApi(web);
        Admin admin = new Admin(web, this);
        AnalystPages analyst = new AnalystPages(web);
        AnalysisPages analysis = new AnalysisPages(web);
        MeasurePages measures = new MeasurePages(web);
        CountyComparisonPage counties = new CountyComparisonPage(web);

        route(HandlerType.GET, "/", Role.PUBLIC, pages::overview);
        route(HandlerType.GET, "/gebiet/{code}", Role.PUBLIC, profiles::area);
        route(HandlerType.GET, "/indikatoren", Role.PUBLIC, pages::indicators);
        route(HandlerType.GET, "/indikator/{id}", Role.PUBLIC, pages::indicator);
        route(HandlerType.GET, "/aufmerksamkeit", Role.PUBLIC, attention::attention);
        route(HandlerType.GET, "/methode", Role.PUBLIC, method::method);
        route(HandlerType.GET, "/vergleich", Role.PUBLIC, comparison::comparison);
        route(HandlerType.GET, "/daten", Role.PUBLIC, downloads::page);
        route(HandlerType.GET, "/api", Role.PUBLIC, downloads::page); // the former address of this page
        route(HandlerType.GET, "/massnahmen", Role.PUBLIC, measures::list);
        route(HandlerType.GET, "/kreisvergleich", Role.PUBLIC, counties::show);
        route(HandlerType.GET, "/download/gebiete.csv", Role.PUBLIC, api::csv);
        route(HandlerType.GET, "/download/gebiete.geojson", Role.PUBLIC, api::geojsonDownload);
        route(HandlerType.GET, "/download/gebiete.xlsx", Role.PUBLIC, api::xlsx);
        route(HandlerType.GET, "/download/steckbrief/{code}", Role.PUBLIC, api::profileDownload);
        route(HandlerType.GET, "/download/datenblatt/{code}", Role.PUBLIC, new DataSheetDownload(web)::download);
        route(HandlerType.GET, "/download/vergleich", Role.PUBLIC, api::comparisonDownload);
        route(HandlerType.GET, "/api/v1/openapi.json", Role.PUBLIC, api::openapi);
        route(HandlerType.GET, "/api/v1/meta", Role.PUBLIC, api::meta);
        route(HandlerType.GET, "/api/v1/indicators", Role.PUBLIC, api::indicators);
        route(HandlerType.GET, "/api/v1/areas", Role.PUBLIC, api::areas);
        route(HandlerType.GET, "/api/v1/areas/{code}", Role.PUBLIC, api::profile);
        route(HandlerType.GET, "/api/v1/map", Role.PUBLIC, api::map);
        route(HandlerType.GET, "/api/v1/measures", Role.PUBLIC, api::measures);
        route(HandlerType.GET, "/ogc", Role.PUBLIC, ogc::landing);
        route(HandlerType.GET, "/ogc/conformance", Role.PUBLIC, ogc::conformance);
        route(HandlerType.GET, "/ogc/collections", Role.PUBLIC, ogc::collections);
        route(HandlerType.GET, "/ogc/collections/{collection}", Role.PUBLIC, ogc::collection);
        route(HandlerType.GET, "/ogc/collections/{collection}/items", Role.PUBLIC, ogc::items);
        route(HandlerType.GET, "/ogc/collections/{collection}/items/{feature}", Role.PUBLIC, ogc::item);
        route(HandlerType.GET, "/login", Role.PUBLIC, admin::loginForm);
        route(HandlerType.POST, "/login", Role.PUBLIC, admin::login);
        route(HandlerType.POST, "/logout", Role.VIEWER, admin::logout);
        route(HandlerType.GET, "/intern", Role.VIEWER, admin::dashboard);
        route(HandlerType.POST, "/intern/berichtsstaende", Role.ANALYST, admin::createRelease);
        route(HandlerType.POST, "/intern/berichtsstaende/{number}/veroeffentlichen", Role.ANALYST, admin::publishRelease);
        route(HandlerType.GET, "/intern/berichtsstaende/{number}/download", Role.ANALYST, admin::internalReleaseDownload);
        route(HandlerType.GET, "/download/berichtsstand/{number}", Role.PUBLIC, api::releaseDownload);
        route(HandlerType.GET, "/intern/daten", Role.ANALYST, analyst::dataPage);
        route(HandlerType.GET, "/intern/analyse", Role.VIEWER, analysis::page);
        route(HandlerType.GET, "/intern/analyse/abstimmung.pdf", Role.VIEWER, analysis::pdf);
        route(HandlerType.GET, "/intern/analyse/abstimmung.html", Role.VIEWER, analysis::html);
        route(HandlerType.POST, "/intern/daten/pruefen", Role.ANALYST, analyst::check);
        route(HandlerType.POST, "/intern/daten/einspielen", Role.ANALYST, analyst::importChecked);
        route(HandlerType.POST, "/intern/berechnung", Role.ANALYST, analyst::compute);
        route(HandlerType.GET, "/intern/massnahmen", Role.VIEWER, measures::staff);
        route(HandlerType.GET, "/intern/massnahmen/bearbeiten", Role.ANALYST, measures::edit);
        route(HandlerType.POST, "/intern/massnahmen", Role.ANALYST, measures::save);
        route(HandlerType.POST, "/intern/massnahmen/loeschen", Role.ANALYST, measures::delete);
        route(HandlerType.GET, "/intern/benutzer", Role.ADMIN, admin::users);
        route(HandlerType.POST, "/intern/benutzer", Role.ADMIN, admin::addUser);
        route(HandlerType.POST, "/intern/benutzer/{name}/rolle", Role.ADMIN, admin::setRole);
        route(HandlerType.POST, "/intern/benutzer/{name}/sperren", Role.ADMIN, admin::disable);
        route(HandlerType.GET, "/intern/protokoll", Role.ADMIN, admin::audit);
    }

    /** Registers a route that answers 401 (anonymous) or 403 (logged in) below {@code minRole}. */
    void route(HandlerType method, String path, Role minRole, Handler handler) {
        routes.add(new RouteSpec(method, path, minRole));
        app.addHttpHandler(method, path, ctx -> {
            Viewer viewer = viewer(ctx);
            if (!viewer.role().atLeast(minRole)) {
                if (viewer.role() == Role.PUBLIC && method == HandlerType.GET && !path.startsWith("/api")) {
                    ctx.redirect("/login?next=" + java.net.URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                    return;
                }
                error(ctx, viewer.role() == Role.PUBLIC ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN, null);
                return;
            }
            if (method == HandlerType.GET) {
                web.views().asOneReading(() -> handler.handle(ctx)); // a GET writes nothing the views keep
            } else {
                handler.handle(ctx);
            }
        });
    }

    /** The read side the pages render (for benchmarks and tests). */
    public ResultViews views() {
        return web.views();
    }

    public List<RouteSpec> routes() {
        return List.copyOf(routes);
    }

    public WebServer start(int port) {
        bindHost = "127.0.0.1".equals(System.getenv("SOZIALMONITOR_BIND")) ? "127.0.0.1" : "0.0.0.0";
        bindPort = port;
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        flusher.shutdownNow();
        flushCounts(true);
        web.guards().releaseFiles().close();
    }

    /** Writes the counted failed logins and public downloads (every minute, and when the server stops). */
    void flushCounts(boolean everything) {
        try {
            web.guards().logins().flush(everything);
            web.guards().downloads().flush();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(WebServer.class).warn("could not write login and download counts: {}", e.toString());
        }
    }

    public static Viewer viewer(Context ctx) {
        Viewer v = ctx.attribute(VIEWER);
        return v != null ? v : new Viewer(Role.PUBLIC, null, null, null, Texts.GERMAN);
    }

    /** Finds the session and the language; sets the language cookie when {@code ?lang=} is given. */
    private void identify(Context ctx) {
        String lang = ctx.queryParam("lang");
        if ("de".equals(lang) || "en".equals(lang)) {
            ctx.cookie(new Cookie(LANG_COOKIE, lang, "/", 60 * 60 * 24 * 365, web.secureCookies() || https(ctx), 0, true, null, null, SameSite.LAX));
        } else {
            lang = ctx.cookie(LANG_COOKIE);
            if (!"de".equals(lang) && !"en".equals(lang)) {
                lang = "en".equals(web.config().language()) ? "en" : "de";
            }
        }
        Texts texts = Texts.of(lang);
        Optional<Sessions.Session> session = web.sessions().find(ctx.cookie(SESSION_COOKIE));
        Viewer viewer = session
                .map(s -> new Viewer(s.role(), s.username(), s.id(), s.csrfToken(), texts))
                .orElseGet(() -> new Viewer(Role.PUBLIC, null, null, null, texts));
        ctx.attribute(VIEWER, viewer);
        ctx.attribute(WEB, web);
    }

    private void securityHeaders(Context ctx) {
        // No inline script or style anywhere: everything comes from /static and the WebJars.
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (https(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (viewer(ctx).loggedIn()) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /**
     * Every state-changing request must carry the session's CSRF token (form field {@code _csrf}
     * or header {@code X-CSRF-Token}); before login, the token of the login-form cookie. A
     * cross-site Origin header is refused outright.
     */
    private void checkCsrf(Context ctx) {
        if (SAFE.contains(ctx.method())) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(origin, ctx)) {
            throw forbidden(ctx);
        }
        Viewer viewer = viewer(ctx);
        String expected = viewer.loggedIn() ? viewer.csrfToken() : ctx.cookie(LOGIN_CSRF_COOKIE);
        if (expected == null) {
            throw forbidden(ctx); // before reading (and, for an upload, storing) any body
        }
        String given = ctx.header("X-CSRF-Token");
        if (given == null && ctx.isMultipartFormData()) {
            if (!viewer.loggedIn()) {
                throw forbidden(ctx);
            }
            if (ctx.contentLength() > web.maxUploadBytes() + 64 * 1024) {
                throw new io.javalin.http.ContentTooLargeResponse(viewer.texts().get("upload.tooLarge",
                        web.maxUploadBytes() / (1024 * 1024)));
            }
            try {
                given = ctx.formParam("_csrf");
            } catch (RuntimeException e) {
                // Jetty refuses a part beyond the limit while parsing (a body without Content-Length)
                throw new io.javalin.http.ContentTooLargeResponse(viewer.texts().get("upload.tooLarge",
                        web.maxUploadBytes() / (1024 * 1024)));
            }
        } else if (given == null) {
            given = ctx.formParam("_csrf");
        }
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw forbidden(ctx);
        }
    }

    private static io.javalin.http.HttpResponseException forbidden(Context ctx) {
        return new io.javalin.http.ForbiddenResponse("CSRF check failed");
    }

    private static boolean sameOrigin(String origin, Context ctx) {
        try {
            URI o = URI.create(origin);
            String host = ctx.header("Host");
            return host != null && host.equalsIgnoreCase(o.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The address links start with: {@code web.base_url} of sozialmonitor.yaml when set (the right
     * choice behind a reverse proxy), else the scheme, local address and port of the connection
     * itself. Never the request's Host or X-Forwarded-* headers, which any client can set.
     */
    static String baseUrl(Context ctx) {
        WebContext web = ctx.attribute(WEB);
        String configured = web == null || web.config().raw() == null ? ""
                : web.config().raw().get("web").get("base_url").string("");
        if (!configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        String host = ctx.req().getLocalAddr();
        if (host.contains(":")) {
            host = "[" + host.replaceAll("%.*$", "") + "]";
        }
        return ctx.scheme() + "://" + host + ":" + ctx.req().getLocalPort();
    }

    static boolean https(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    /** An error page (HTML) or JSON object, depending on the path. */
    static void error(Context ctx, HttpStatus status, String detail) {
        ctx.attribute(ERROR_RENDERED, Boolean.TRUE);
        ctx.status(status);
        Viewer viewer = viewer(ctx);
        if (ctx.path().startsWith("/api") || ctx.path().startsWith("/ogc") || ctx.path().startsWith("/download")) {
            ctx.json(java.util.Map.of("status", status.getCode(), "error", status.getMessage(),
                    "detail", detail == null ? "" : ServerPaths.hide(detail)));
        } else {
            WebContext web = ctx.attribute(WEB);
            ctx.html(Layout.errorPage(web, viewer, ctx, status.getCode(), detail));
        }
    }
}
