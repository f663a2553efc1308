package org.jcu.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jcu.sharing.Directory;
import org.jcu.sharing.UserRole;
import org.jcu.test.Http;
import org.jcu.test.Stix;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** TAXII 2.1 read path (TAXII 2.1 §4–§5) end to end over real HTTP; runs on SQLite and PostgreSQL. */
abstract class TaxiiContract extends StoreFixture {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String COLLECTION = "/taxii2/jcu/collections/" + TaxiiController.COLLECTION_ID + "/";

    @LocalServerPort
    int port;

    Http http;
    TestUser user;
    String auth;
    Directory.Organization org;

    @BeforeEach
    void setUp() {
        resetStore();
        http = new Http(port);
        org = newOrganization("taxii");
        user = newUser(org, UserRole.ANALYST);
        auth = Http.bearer(user.token());
    }

    JsonNode getJson(String path) {
        HttpResponse<String> response = http.get(path, auth, TAXII);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo(TAXII);
        return Stix.parse(response.body());
    }

    @Test
    void discoveryApiRootAndCollections() {
        JsonNode discovery = getJson("/taxii2/");
        assertThat(discovery.get("api_roots").get(0).asString()).endsWith("/taxii2/jcu/");
        assertThat(discovery.get("default").asString()).endsWith("/taxii2/jcu/");
        JsonNode root = getJson("/taxii2/jcu/");
        assertThat(root.get("versions").get(0).asString()).isEqualTo(TAXII);
        assertThat(root.get("max_content_length").asLong()).isPositive();
        JsonNode collections = getJson("/taxii2/jcu/collections/");
        JsonNode collection = collections.get("collections").get(0);
        assertThat(collection.get("id").asString()).isEqualTo(TaxiiController.COLLECTION_ID);
        assertThat(collection.get("can_read").asBoolean()).isTrue();
        assertThat(getJson(COLLECTION).get("media_types").get(0).asString())
                .isEqualTo("application/stix+json;version=2.1");
    }

    @Test
    void wrongAcceptIs406WithATaxiiErrorBody() {
        for (String accept : List.of("application/json", "text/html", "application/taxii+json;version=2.0")) {
            HttpResponse<String> response = http.get("/taxii2/", auth, accept);
            assertThat(response.statusCode()).as(accept).isEqualTo(406);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo(TAXII);
            assertThat(Stix.parse(response.body()).get("http_status").asString())
                    .isEqualTo("406");
        }
        assertThat(http.get("/taxii2/", auth, "application/taxii+json").statusCode())
                .isEqualTo(200);
    }

    @Test
    void authenticationByBasicAndBearerAnd401Bodies() {
        assertThat(http.get("/taxii2/", Http.basic(user.principal().username(), user.token()), TAXII)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/taxii2/", Http.basic("someone-else", user.token()), TAXII)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> none = http.get("/taxii2/", null, TAXII);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Stix.parse(none.body()).get("http_status").asString()).isEqualTo("401");
    }

    @Test
    void unknownRootCollectionOrObjectIs404WithTaxiiError() {
        HttpResponse<String> root = http.get("/taxii2/nope/", auth, TAXII);
        assertThat(root.statusCode()).isEqualTo(404);
        assertThat(Stix.parse(root.body()).get("title").asString()).isEqualTo("Not found");
        assertThat(http.get("/taxii2/jcu/collections/6b0b9b5e-0000-4000-8000-000000000000/objects/", auth, TAXII)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get(COLLECTION + "objects/" + Stix.newId("indicator") + "/", auth, TAXII)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void pagingLosesNothingWhenManyObjectsShareOneDateAdded() {
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            objects.add(Stix.indicator(
                    Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""));
        }
        importJson(Stix.bundle(objects.toArray(String[]::new)), org.id(), false);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT date_added) FROM object_version", Long.class))
                .isEqualTo(1);

        Set<String> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            HttpResponse<String> response =
                    http.get(COLLECTION + "objects/?limit=10" + (next == null ? "" : "&next=" + next), auth, TAXII);
            JsonNode envelope = Stix.parse(response.body());
            envelope.get("objects")
                    .forEach(o -> assertThat(seen.add(o.get("id").asString())).isTrue());
            assertThat(response.headers().firstValue("X-TAXII-Date-Added-First"))
                    .isPresent();
            assertThat(response.headers().firstValue("X-TAXII-Date-Added-Last")).isPresent();
            next = envelope.get("more").asBoolean() ? envelope.get("next").asString() : null;
            pages++;
        } while (next != null);
        assertThat(seen).hasSize(57);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void addedAfterFiltersByDateAddedAndHeadersBoundThePage() throws Exception {
        String first = Stix.newId("indicator");
        importJson(
                Stix.bundle(Stix.indicator(first, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "")),
                org.id(),
                false);
        JsonNode manifest = getJson(COLLECTION + "manifest/");
        String firstAdded = manifest.get("objects").get(0).get("date_added").asString();
        Thread.sleep(5);
        String second = Stix.newId("indicator");
        importJson(
                Stix.bundle(Stix.indicator(second, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "")),
                org.id(),
                false);

        HttpResponse<String> after = http.get(COLLECTION + "objects/?added_after=" + firstAdded, auth, TAXII);
        JsonNode envelope = Stix.parse(after.body());
        assertThat(envelope.get("objects")).hasSize(1);
        assertThat(envelope.get("objects").get(0).get("id").asString()).isEqualTo(second);
        String added = after.headers().firstValue("X-TAXII-Date-Added-First").orElseThrow();
        assertThat(added).isGreaterThan(firstAdded);
        assertThat(after.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow())
                .isEqualTo(added);
        assertThat(http.get(COLLECTION + "objects/?added_after=yesterday", auth, TAXII)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void matchFiltersOnIdTypeVersionAndSpecVersion() {
        String a = Stix.newId("indicator");
        String b = Stix.newId("indicator");
        String identity = Stix.newId("identity");
        importJson(
                Stix.bundle(
                        Stix.indicator(a, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""),
                        Stix.indicator(a, "2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", ""),
                        Stix.indicator(a, "2024-01-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z", ""),
                        Stix.indicator(b, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""),
                        "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"" + identity
                                + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"X\"}"),
                org.id(),
                false);

        assertThat(ids(getJson(COLLECTION + "objects/?match[type]=identity"))).containsExactly(identity);
        assertThat(ids(getJson(COLLECTION + "objects/?match%5Btype%5D=indicator,identity")))
                .hasSize(3);
        assertThat(ids(getJson(COLLECTION + "objects/?match[id]=" + a + "," + identity)))
                .containsExactlyInAnyOrder(a, identity);
        JsonNode all = getJson(COLLECTION + "objects/?match[id]=" + a + "&match[version]=all");
        assertThat(modified(all))
                .containsExactlyInAnyOrder(
                        "2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z");
        assertThat(modified(getJson(COLLECTION + "objects/?match[id]=" + a)))
                .containsExactly("2024-03-01T00:00:00.000Z");
        assertThat(modified(getJson(COLLECTION + "objects/?match[id]=" + a + "&match[version]=first")))
                .containsExactly("2024-01-01T00:00:00.000Z");
        assertThat(modified(
                        getJson(COLLECTION + "objects/?match[id]=" + a + "&match[version]=first,2024-02-01T00:00:00Z")))
                .containsExactlyInAnyOrder("2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z");
        assertThat(getJson(COLLECTION + "objects/?match[spec_version]=2.0").has("objects"))
                .isFalse();
        assertThat(ids(getJson(COLLECTION + "objects/?match[spec_version]=2.1")))
                .hasSize(3);
        assertThat(http.get(COLLECTION + "objects/?match[version]=latest", auth, TAXII)
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get(COLLECTION + "objects/?match[foo]=bar", auth, TAXII).statusCode())
                .isEqualTo(400);
        // an empty filter is refused, not read as no filter
        HttpResponse<String> empty = http.get(COLLECTION + "objects/?match[type]=", auth, TAXII);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("match[type]: empty");
    }

    @Test
    void objectByIdManifestAndVersionsEndpoints() {
        String a = Stix.newId("indicator");
        importJson(
                Stix.bundle(
                        Stix.indicator(a, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.123Z", ""),
                        Stix.indicator(a, "2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", "")),
                org.id(),
                false);
        JsonNode object = getJson(COLLECTION + "objects/" + a + "/");
        assertThat(modified(object)).containsExactly("2024-02-01T00:00:00.000Z");
        assertThat(modified(getJson(COLLECTION + "objects/" + a + "/?match[version]=all")))
                .hasSize(2);

        JsonNode versions = getJson(COLLECTION + "objects/" + a + "/versions/");
        List<String> listed = new ArrayList<>();
        versions.get("versions").forEach(v -> listed.add(v.asString()));
        assertThat(listed).containsExactlyInAnyOrder("2024-01-01T00:00:00.123Z", "2024-02-01T00:00:00.000Z");

        JsonNode manifest = getJson(COLLECTION + "manifest/?match[version]=all");
        assertThat(manifest.get("objects")).hasSize(2);
        JsonNode entry = manifest.get("objects").get(0);
        assertThat(entry.get("id").asString()).isEqualTo(a);
        assertThat(entry.get("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
        assertThat(entry.get("date_added").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(getJson(COLLECTION + "manifest/?limit=1").get("more").asBoolean())
                .isFalse();
        JsonNode limited = getJson(COLLECTION + "manifest/?limit=1&match[version]=all");
        assertThat(limited.get("more").asBoolean()).isTrue();
        JsonNode rest = getJson(COLLECTION + "manifest/?limit=1&match[version]=all&next="
                + URLEncoder.encode(limited.get("next").asString(), StandardCharsets.UTF_8));
        assertThat(rest.get("objects")).hasSize(1);
        assertThat(rest.get("more").asBoolean()).isFalse();
    }

    @Test
    void objectsWithoutModifiedOrCreatedAreMatchedByTheirDateAddedVersion() {
        String ip = "ipv4-addr--" + java.util.UUID.randomUUID();
        importJson(
                Stix.bundle("{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"" + ip
                        + "\",\"value\":\"198.51.100.9\"}"),
                org.id(),
                false);
        String version = getJson(COLLECTION + "objects/" + ip + "/versions/")
                .get("versions")
                .get(0)
                .asString();
        assertThat(ids(getJson(COLLECTION + "objects/" + ip + "/?match[version]=" + version)))
                .containsExactly(ip);
        assertThat(getJson(COLLECTION + "manifest/?match[id]=" + ip + "&match[version]=" + version)
                        .get("objects"))
                .hasSize(1);
    }

    @Test
    void unknownPathsAndWrongMethodsGetTaxiiErrorBodies() {
        HttpResponse<String> noSlash = http.get("/taxii2/jcu/collections", auth, TAXII);
        assertThat(noSlash.statusCode()).isEqualTo(404);
        assertThat(noSlash.headers().firstValue("Content-Type").orElse("")).isEqualTo(TAXII);
        assertThat(Stix.parse(noSlash.body()).get("http_status").asString()).isEqualTo("404");
        HttpResponse<String> post = http.post(
                COLLECTION + "objects/",
                auth,
                "application/taxii+json;version=2.1",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(Stix.parse(post.body()).get("http_status").asString()).isEqualTo("405");
    }

    private static List<String> ids(JsonNode envelope) {
        List<String> out = new ArrayList<>();
        envelope.path("objects").forEach(o -> out.add(o.get("id").asString()));
        return out;
    }

    private static List<String> modified(JsonNode envelope) {
        List<String> out = new ArrayList<>();
        envelope.path("objects").forEach(o -> out.add(o.get("modified").asString()));
        return out;
    }
}
