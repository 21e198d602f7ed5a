package de.sozialmonitor.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.view.Choropleth;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.web.OverviewTable.Row;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API – Features, Part 1 (Core and GeoJSON conformance classes): one collection per area
 * level; features are the areas with their results and indicator values of one year (default the
 * latest), as the viewer may see them — anonymous clients such as QGIS get the published release.
 */
final class OgcApi {
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 10_000;
    /** Far above any number of areas, far below where offset + limit could overflow. */
    private static final int MAX_OFFSET = 1_000_000;
    private final WebServer.WebContext web;

    OgcApi(WebServer.WebContext web) {
        this.web = web;
    }

    private static String base(Context ctx) {
        return WebServer.baseUrl(ctx) + "/ogc";
    }

    private static void link(ArrayNode links, String href, String rel, String type, String title) {
        ObjectNode l = links.addObject();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        if (title != null) {
            l.put("title", title);
        }
    }

    void landing(Context ctx) {
        String base = base(ctx);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("title", "Sozialmonitor " + web.config().territoryName());
        o.put("description", WebServer.viewer(ctx).texts().get("ogc.description")
                + (web.config().synthetic() ? " " + WebServer.viewer(ctx).texts().get("demo.banner") : "")
                + (web.config().source().isEmpty() ? "" : " " + WebServer.viewer(ctx).texts().get("source.footer", web.config().source())));
        ArrayNode links = o.putArray("links");
        link(links, base, "self", "application/json", "this document");
        link(links, base.replace("/ogc", "/api/v1/openapi.json"), "service-desc", "application/vnd.oai.openapi+json;version=3.0", "API definition");
        link(links, base.replace("/ogc", "/api"), "service-doc", "text/html", "API documentation");
        link(links, base + "/conformance", "conformance", "application/json", "conformance classes");
        link(links, base + "/collections", "data", "application/json", "collections");
        ctx.json(o);
    }

    void conformance(Context ctx) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode arr = o.putArray("conformsTo");
        CONFORMANCE.forEach(arr::add);
        ctx.json(o);
    }

    void collections(Context ctx) {
        String base = base(ctx);
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode links = o.putArray("links");
        link(links, base + "/collections", "self", "application/json", null);
        ArrayNode cols = o.putArray("collections");
        Pages.Selection s = Pages.selection(web, ctx);
        for (ResultView.Level l : s.levels()) {
            cols.add(collectionJson(ctx, s, l.name()));
        }
        ctx.json(o);
    }

    private ObjectNode collectionJson(Context ctx, Pages.Selection s, String level) {
        String base = base(ctx);
        String id = collectionId(level);
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("id", id);
        c.put("title", level);
        c.put("description", WebServer.viewer(ctx).texts().get("ogc.collection", level));
        c.put("itemType", "feature");
        ArrayNode crs = c.putArray("crs");
        crs.add("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        ObjectNode extent = c.putObject("extent");
        Envelope env = new Envelope();
        if (!s.empty()) {
            web.views().geometries(s.view(), level).values().forEach(g -> env.expandToInclude(Geometries.envelope(g)));
        }
        ObjectNode spatial = extent.putObject("spatial");
        ArrayNode bbox = spatial.putArray("bbox").addArray();
        if (!env.isNull()) {
            bbox.add(env.getMinX()).add(env.getMinY()).add(env.getMaxX()).add(env.getMaxY());
        } else {
            bbox.add(-180).add(-90).add(180).add(90);
        }
        spatial.put("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        if (!s.years().isEmpty()) {
            ArrayNode interval = extent.putObject("temporal").putArray("interval").addArray();
            interval.add(s.years().get(0) + "-01-01T00:00:00Z").add(s.years().get(s.years().size() - 1) + "-12-31T23:59:59Z");
        }
        ArrayNode links = c.putArray("links");
        link(links, base + "/collections/" + id, "self", "application/json", null);
        link(links, base + "/collections/" + id + "/items", "items", "application/geo+json", level);
        return c;
    }

    static String collectionId(String level) {
        return level.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }

    private static Optional<String> level(Pages.Selection s, String collectionId) {
        return s.levels().stream().map(ResultView.Level::name).filter(l -> collectionId(l).equals(collectionId)).findFirst();
    }

    void collection(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        Optional<String> level = level(s, ctx.pathParam("collection"));
        if (level.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "unknown collection");
            return;
        }
        ctx.json(collectionJson(ctx, s, level.get()));
    }

    void items(Context ctx) {
        Pages.Selection s = selection(ctx);
        Optional<String> level = level(s, ctx.pathParam("collection"));
        if (level.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "unknown collection");
            return;
        }
        int limit = paging(ctx.queryParam("limit"), DEFAULT_LIMIT);
        int offset = paging(ctx.queryParam("offset"), 0);
        if (limit < 1 || limit > MAX_LIMIT) {
            WebServer.error(ctx, HttpStatus.BAD_REQUEST, "limit must be a whole number between 1 and " + MAX_LIMIT);
            return;
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            WebServer.error(ctx, HttpStatus.BAD_REQUEST, "offset must be a whole number between 0 and " + MAX_OFFSET);
            return;
        }
        Envelope bbox = null;
        if (ctx.queryParam("bbox") != null) {
            String[] parts = ctx.queryParam("bbox").split(",");
            try {
                if (parts.length != 4) {
                    throw new NumberFormatException();
                }
                bbox = new Envelope(Double.parseDouble(parts[0]), Double.parseDouble(parts[2]), Double.parseDouble(parts[1]), Double.parseDouble(parts[3]));
            } catch (NumberFormatException e) {
                WebServer.error(ctx, HttpStatus.BAD_REQUEST, "bbox must be minLon,minLat,maxLon,maxLat");
                return;
            }
        }
        OverviewTable table = table(s, level.get());
        Map<String, String> geometries = web.views().geometries(s.view(), level.get());
        List<Row> matching = new java.util.ArrayList<>();
        for (Row r : table.sorted("code", false)) {
            String g = geometries.get(r.area().code());
            if (bbox != null && (g == null || !bbox.intersects(Geometries.envelope(g)))) {
                continue;
            }
            matching.add(r);
        }
        ObjectNode fc = Json.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        List<Row> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        for (Row r : page) {
            features.add(feature(table, r, geometries.get(r.area().code())));
        }
        fc.put("timeStamp", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
        fc.put("numberMatched", matching.size());
        fc.put("numberReturned", page.size());
        String self = base(ctx) + "/collections/" + ctx.pathParam("collection") + "/items";
        ArrayNode links = fc.putArray("links");
        String keep = "&year=" + table.year() + (ctx.queryParam("bbox") != null ? "&bbox=" + Layout.enc(ctx.queryParam("bbox")) : "");
        link(links, self + "?limit=" + limit + "&offset=" + offset + keep, "self", "application/geo+json", null);
        if (offset + limit < matching.size()) {
            link(links, self + "?limit=" + limit + "&offset=" + (offset + limit) + keep, "next", "application/geo+json", null);
        }
        ctx.contentType("application/geo+json; charset=utf-8").result(fc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A paging parameter: absent gives the default, anything but digits gives -1 (refused). */
    private static int paging(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        return value.matches("\\d{1,9}") ? Integer.parseInt(value) : -1;
    }

    void item(Context ctx) {
        Pages.Selection s = selection(ctx);
        Optional<String> level = level(s, ctx.pathParam("collection"));
        if (level.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "unknown collection");
            return;
        }
        OverviewTable table = table(s, level.get());
        Optional<Row> row = table.rows().stream().filter(r -> r.area().code().equals(ctx.pathParam("feature"))).findFirst();
        if (row.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "unknown feature");
            return;
        }
        ObjectNode f = feature(table, row.get(), web.views().geometries(s.view(), level.get()).get(row.get().area().code()));
        String base = base(ctx) + "/collections/" + ctx.pathParam("collection");
        ArrayNode links = f.putArray("links");
        link(links, base + "/items/" + Layout.enc(row.get().area().code()), "self", "application/geo+json", null);
        link(links, base, "collection", "application/json", null);
        ctx.contentType("application/geo+json; charset=utf-8").result(f.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The selection with the year OGC clients ask for ({@code datetime} or {@code year}). */
    private Pages.Selection selection(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        String dt = ctx.queryParam("datetime") != null ? ctx.queryParam("datetime") : ctx.queryParam("year");
        Integer year = null;
        if (dt != null && dt.length() >= 4) {
            try {
                year = Integer.valueOf(dt.substring(0, 4));
            } catch (NumberFormatException e) {
                year = null;
            }
        }
        return s.empty() || year == null || year == s.year() ? s : Pages.within(web, ctx, s.view(), s.years(), year, s.chosenRelease());
    }

    private static OverviewTable table(Pages.Selection s, String level) {
        return OverviewTable.of(s.view(), level, s.year(), Choropleth.Mode.STATUS, java.util.Locale.GERMAN);
    }

    private static ObjectNode feature(OverviewTable table, Row r, String geometry) {
        int year = table.year();
        ObjectNode f = Json.MAPPER.createObjectNode();
        f.put("type", "Feature");
        f.put("id", r.area().code());
        f.set("geometry", geometry == null ? null : Geometries.write(Geometries.read(geometry)));
        ObjectNode p = f.putObject("properties");
        p.put("code", r.area().code());
        p.put("name", r.area().name());
        p.put("level", r.area().level());
        p.put("parent", r.area().parentCode());
        p.put("year", year);
        Api.putResult(p, r.classes());
        for (Indicator i : table.view().catalog().indicators()) {
            Api.putNumber(p, i.id(), table.view().rate(i.id(), r.area().code(), year).value());
        }
        if (table.view().territory().synthetic()) {
            p.put("synthetic", true);
        }
        return f;
    }

}
