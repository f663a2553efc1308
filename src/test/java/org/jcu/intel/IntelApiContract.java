package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.jcu.sharing.Directory;
import org.jcu.sharing.UserRole;
import org.jcu.test.Http;
import org.jcu.test.Stix;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** REST API {@code /api/v1} end to end over real HTTP; runs on SQLite and PostgreSQL. */
abstract class IntelApiContract extends StoreFixture {

    @LocalServerPort
    int port;

    Http http;
    TestUser analyst;
    Directory.Organization org;

    @BeforeEach
    void setUp() {
        resetStore();
        http = new Http(port);
        org = newOrganization("api");
        analyst = newUser(org, UserRole.ANALYST);
    }

    @Test
    void requestsWithoutOrWithABadTokenAre401() {
        assertThat(http.get("/api/v1/objects", null, null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/objects", Http.bearer("not-a-token-at-all"), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.get("/api/v1/objects", Http.basic(analyst.principal().username(), "wrong"), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.get("/api/v1/objects", Http.bearer(analyst.token()), null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void postedBundleIsImportedForTheTokensOrganisation() {
        String id = Stix.newId("indicator");
        String object = Stix.indicator(
                id,
                "2024-01-01T00:00:00.000Z",
                "2024-01-01T00:00:00.000Z",
                "\"created_by_ref\":\"" + Stix.newId("identity") + "\"");
        HttpResponse<String> response = http.post(
                "/api/v1/bundles",
                Http.bearer(analyst.token()),
                "application/json",
                Stix.bundle(object).getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Stix.parse(response.body()).get("imported").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT owner_org FROM object_version WHERE stix_id = ?", String.class, id))
                .isEqualTo(org.id());

        HttpResponse<String> get = http.get("/api/v1/objects/" + id, Http.bearer(analyst.token()), null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(Stix.canonical(get.body())).isEqualTo(Stix.canonical(object));
    }

    @Test
    void postedGzipNdjsonIsSpooledAndImported() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append(Stix.indicator(
                            Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""))
                    .append('\n');
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.post(
                "/api/v1/bundles?format=ndjson",
                Http.bearer(analyst.token()),
                "application/octet-stream",
                gz.toByteArray());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Stix.parse(response.body()).get("imported").asLong()).isEqualTo(50);
    }

    @Test
    void invalidBundleIs422AndMalformedIs400AndNothingIsWritten() {
        String bad =
                Stix.indicator(Stix.newId("indicator"), "2024-02-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "");
        HttpResponse<String> invalid = http.post(
                "/api/v1/bundles",
                Http.bearer(analyst.token()),
                "application/json",
                Stix.bundle(bad).getBytes(StandardCharsets.UTF_8));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("modified-before-created");
        HttpResponse<String> malformed = http.post(
                "/api/v1/bundles",
                Http.bearer(analyst.token()),
                "application/json",
                "{\"type\":\"bundle\",\"objects\":[{\"type\":".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Stix.parse(malformed.body()).get("error").asString()).contains("truncated");
        assertThat(versionRows()).isZero();
    }

    @Test
    void formAndMultipartUploadsAre415WithAHint() {
        HttpResponse<String> form = http.post(
                "/api/v1/bundles",
                Http.bearer(analyst.token()),
                "application/x-www-form-urlencoded",
                Stix.bundle().getBytes(StandardCharsets.UTF_8));
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).contains("--data-binary");
        assertThat(http.get("/api/v1/objects?limit=0", Http.bearer(analyst.token()), null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void readOnlyUsersCannotImport() {
        TestUser reader = newUser(org, UserRole.READ_ONLY);
        HttpResponse<String> response = http.post(
                "/api/v1/bundles",
                Http.bearer(reader.token()),
                "application/json",
                Stix.bundle().getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void listingPagesWithAnOpaqueCursorFilteredByType() {
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            objects.add(Stix.indicator(
                    Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""));
        }
        objects.add(
                "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"" + Stix.newId("identity")
                        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"ACME\"}");
        importJson(Stix.bundle(objects.toArray(String[]::new)), org.id(), false);

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> response = http.get(
                    "/api/v1/objects?type=indicator&limit=10" + (cursor == null ? "" : "&next=" + cursor),
                    Http.bearer(analyst.token()),
                    null);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = Stix.parse(response.body());
            page.get("objects").forEach(o -> {
                assertThat(o.get("type").asString()).isEqualTo("indicator");
                assertThat(seen.add(o.get("id").asString())).isTrue();
            });
            cursor = page.get("more").asBoolean() ? page.get("next").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(25);
        assertThat(pages).isEqualTo(3);
        assertThat(http.get("/api/v1/objects?cursor=garbage!", Http.bearer(analyst.token()), null)
                        .statusCode())
                .isEqualTo(400);
        // the older name of the parameter still pages; both names with different values are refused
        JsonNode first =
                Stix.parse(http.get("/api/v1/objects?type=indicator&limit=10", Http.bearer(analyst.token()), null)
                        .body());
        String next = first.get("next").asString();
        JsonNode second = Stix.parse(
                http.get("/api/v1/objects?type=indicator&limit=10&cursor=" + next, Http.bearer(analyst.token()), null)
                        .body());
        assertThat(second.get("objects").get(0).get("id"))
                .isNotEqualTo(first.get("objects").get(0).get("id"));
        HttpResponse<String> both = http.get(
                "/api/v1/objects?limit=10&next=" + next + "&cursor=" + Cursors.encode(1),
                Http.bearer(analyst.token()),
                null);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("give one of them");
    }

    @Test
    void versionsAndStatsAndUnknownIds() {
        String id = Stix.newId("indicator");
        importJson(
                Stix.bundle(
                        Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""),
                        Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.500Z", "")),
                org.id(),
                false);
        JsonNode versions =
                Stix.parse(http.get("/api/v1/objects/" + id + "/versions", Http.bearer(analyst.token()), null)
                        .body());
        assertThat(versions.get("versions")).hasSize(2);
        assertThat(versions.get("versions").get(1).get("version").asString()).isEqualTo("2024-02-01T00:00:00.500Z");
        JsonNode stats = Stix.parse(
                http.get("/api/v1/stats", Http.bearer(analyst.token()), null).body());
        assertThat(stats.get("types").get("indicator").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/objects/" + Stix.newId("indicator"), Http.bearer(analyst.token()), null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        HttpResponse<String> docs = http.get("/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = Stix.parse(docs.body()).get("paths");
        assertThat(paths.has("/api/v1/objects")).isTrue();
        assertThat(paths.has("/api/v1/bundles")).isTrue();
        assertThat(paths.has("/taxii2/{root}/collections/{collection}/objects/"))
                .isTrue();
        assertThat(http.get("/swagger-ui/index.html", null, null).statusCode()).isEqualTo(200);
    }
}
