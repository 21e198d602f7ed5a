package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Abstract tests of OGC API – Features Part 1 (OGC 17-069r4, Annex A) for the classes the server
 * declares: Core (A.2) and GeoJSON (A.3). Each test names the requirement it checks.
 */
class OgcApiConformanceTest {
    static WebFixture fx;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        fx = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static List<String> rels(JsonNode links) {
        List<String> rels = new ArrayList<>();
        links.forEach(l -> rels.add(l.path("rel").asText()));
        return rels;
    }

    @Test
    void landingPage_req_core_root_success() throws Exception {
        HttpResponse<String> r = fx.client().get("/ogc");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode links = json(r).path("links");
        assertThat(rels(links)).contains("self", "service-desc", "conformance", "data");
        links.forEach(l -> assertThat(l.path("href").asText()).startsWith("http"));
    }

    @Test
    void apiDefinition_req_core_api_definition_success() throws Exception {
        JsonNode landing = json(fx.client().get("/ogc"));
        String href = null;
        for (JsonNode l : landing.path("links")) {
            if (l.path("rel").asText().equals("service-desc")) {
                href = l.path("href").asText();
            }
        }
        HttpResponse<String> r = fx.client().get(href.substring(href.indexOf("/api/")));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.path("openapi").asText()).startsWith("3.0");
        assertThat(doc.path("paths").has("/ogc/collections/{collectionId}/items")).isTrue();
    }

    @Test
    void conformance_req_core_conformance_success() throws Exception {
        JsonNode c = json(fx.client().get("/ogc/conformance"));
        List<String> classes = new ArrayList<>();
        c.path("conformsTo").forEach(n -> classes.add(n.asText()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    }

    @Test
    void collections_req_core_fc_md_success_and_links() throws Exception {
        JsonNode c = json(fx.client().get("/ogc/collections"));
        assertThat(rels(c.path("links"))).contains("self");
        assertThat(c.path("collections").size()).isEqualTo(3);
        for (JsonNode col : c.path("collections")) {
            assertThat(col.path("id").asText()).isNotBlank();
            assertThat(rels(col.path("links"))).contains("items");
            JsonNode bbox = col.path("extent").path("spatial").path("bbox").get(0);
            assertThat(bbox.size()).isEqualTo(4);
            assertThat(bbox.get(0).asDouble()).isLessThan(bbox.get(2).asDouble());
            HttpResponse<String> single = fx.client().get("/ogc/collections/" + col.path("id").asText());
            assertThat(single.statusCode()).isEqualTo(200);
            assertThat(json(single).path("id").asText()).isEqualTo(col.path("id").asText());
        }
        assertThat(fx.client().get("/ogc/collections/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void items_req_core_fc_response_and_geojson_content() throws Exception {
        HttpResponse<String> r = fx.client().get("/ogc/collections/ortsteil/items");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode fc = json(r);
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("numberReturned").asInt()).isEqualTo(fc.path("features").size())
                .isEqualTo(WebFixture.LOCALITIES.size());
        assertThat(fc.path("numberMatched").asInt()).isEqualTo(WebFixture.LOCALITIES.size());
        assertThat(fc.path("timeStamp").asText()).isNotBlank();
        assertThat(rels(fc.path("links"))).contains("self");
        for (JsonNode f : fc.path("features")) {
            assertThat(f.path("type").asText()).isEqualTo("Feature");
            assertThat(f.path("geometry").path("type").asText()).isIn("Polygon", "MultiPolygon");
            assertThat(f.path("properties").has("status_class")).isTrue();
            assertThat(f.path("properties").has("sgb2")).isTrue();
        }
    }

    @Test
    void items_req_core_fc_limit_and_next_link() throws Exception {
        JsonNode first = json(fx.client().get("/ogc/collections/ortsteil/items?limit=4"));
        assertThat(first.path("numberReturned").asInt()).isEqualTo(4);
        String next = null;
        for (JsonNode l : first.path("links")) {
            if (l.path("rel").asText().equals("next")) {
                next = l.path("href").asText();
            }
        }
        assertThat(next).isNotNull();
        JsonNode second = json(fx.client().get(next.substring(next.indexOf("/ogc"))));
        assertThat(second.path("numberReturned").asInt()).isEqualTo(Math.min(4, WebFixture.LOCALITIES.size() - 4));
        assertThat(fx.client().get("/ogc/collections/ortsteil/items?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void items_req_core_fc_bbox_filters_spatially() throws Exception {
        // a box inside L4's boundary, touching no other locality
        double[] l4 = WebFixture.BOXES.get("L4");
        String inside = String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", l4[0] + 0.01, l4[1] + 0.01, l4[2] - 0.01, l4[3] - 0.01);
        JsonNode south = json(fx.client().get("/ogc/collections/ortsteil/items?bbox=" + inside));
        List<String> ids = new ArrayList<>();
        south.path("features").forEach(f -> ids.add(f.path("id").asText()));
        assertThat(ids).containsExactly("L4");
        assertThat(fx.client().get("/ogc/collections/ortsteil/items?bbox=1,2,3").statusCode()).isEqualTo(400);
    }

    @Test
    void feature_req_core_f_success_and_404() throws Exception {
        HttpResponse<String> r = fx.client().get("/ogc/collections/ortsteil/items/L1");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode f = json(r);
        assertThat(f.path("id").asText()).isEqualTo("L1");
        assertThat(rels(f.path("links"))).contains("self", "collection");
        assertThat(fx.client().get("/ogc/collections/ortsteil/items/NOPE").statusCode()).isEqualTo(404);
    }

    @Test
    void anonymousClientsGetThePublishedReleaseOnly() throws Exception {
        HttpResponse<String> r = fx.client().get("/ogc/collections/ortsteil/items/" + WebFixture.CORRECTED + "?datetime=2023");
        // the share of release 1, not the corrected one of the unpublished computation
        assertThat(json(r).path("properties").path("migrant_u18").asDouble())
                .isEqualTo(fx.published().rate("migrant_u18", WebFixture.CORRECTED, 2023).value());
        assertThat(r.body()).doesNotContain(WebFixture.INTERNAL_VALUE_TEXTS.toArray(String[]::new));
    }

    /** One HTTP/1.0 request with headers a browser would not let a page set (Host, X-Forwarded-Proto). */
    static String raw(int port, String path, String... headers) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            String req = "GET " + path + " HTTP/1.0\r\n" + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList())
                    + "\r\n";
            s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Regression (issue 11): Host and X-Forwarded-Proto were reflected into every OGC link. */
    @Test
    void linksNeverReflectTheHostOrForwardedHeadersOfTheRequest() throws Exception {
        int port = fx.server.port();
        String answer = raw(port, "/ogc/collections", "Host: evil.example", "X-Forwarded-Proto: javascript",
                "X-Forwarded-Host: evil.example");
        assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("evil.example").doesNotContain("javascript:")
                .contains("\"href\":\"http://127.0.0.1:" + port + "/ogc/collections\"");
    }

    @Test
    void aConfiguredBaseUrlStartsEveryLink() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sozialmonitor-base-url");
        de.sozialmonitor.workspace.WorkspaceInitializer.create(dir, java.util.Map.of());
        java.nio.file.Path config = dir.resolve(de.sozialmonitor.workspace.Workspace.CONFIG_FILE);
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config)
                .replace("web:\n", "web:\n  base_url: https://sozialmonitor.example.de/monitor/\n"));
        de.sozialmonitor.workspace.Workspace ws = de.sozialmonitor.workspace.Workspace.open(dir);
        try (WebServer other = new WebServer(ws, fx.db).start(0)) {
            String answer = raw(other.port(), "/ogc", "Host: evil.example");
            assertThat(answer).contains("\"href\":\"https://sozialmonitor.example.de/monitor/ogc/conformance\"")
                    .doesNotContain("evil.example");
        }
    }

    /** Regression (issue 11): an offset near Integer.MAX_VALUE answered with an internal error text. */
    @Test
    void pagingParametersOutOfRangeAre400WithoutInternalText() {
        for (String q : List.of("offset=2147483647", "offset=-1", "offset=99999999999", "offset=x", "limit=0", "limit=10001",
                "limit=abc", "limit=2147483647&offset=2147483647")) {
            HttpResponse<String> r = fx.client().get("/ogc/collections/ortsteil/items?" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(r.body()).as(q).doesNotContain("fromIndex").doesNotContain("Exception").containsAnyOf("offset", "limit");
        }
        assertThat(fx.client().get("/ogc/collections/ortsteil/items?offset=5&limit=1").statusCode()).isEqualTo(200);
    }
}
