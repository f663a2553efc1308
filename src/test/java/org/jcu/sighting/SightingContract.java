package org.jcu.sighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jcu.sharing.Communities;
import org.jcu.sharing.Directory;
import org.jcu.sharing.Distribution;
import org.jcu.sharing.HoldingSharing;
import org.jcu.sharing.Pap;
import org.jcu.sharing.Tlp;
import org.jcu.sharing.UserRole;
import org.jcu.test.Http;
import org.jcu.test.Stix;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Sightings and decay end to end (issue 4, point 6): the REST shortcut writes STIX sightings, the score follows
 * confidence, the source's admiralty grade, the half-life of the observable kind and the sightings the reader may
 * see — never another organisation's private ones — and is shown in the API and on the TAXII envelope.
 */
abstract class SightingContract extends StoreFixture {

    static final String TAXII = "application/taxii+json;version=2.1";

    @LocalServerPort
    int port;

    @Autowired
    Communities communities;

    Http http;
    Directory.Organization a;
    Directory.Organization b;
    String tokenA;
    String tokenB;
    String admin;
    HoldingSharing community;
    String sharedCommunity;

    @BeforeEach
    void setUp() {
        resetStore();
        http = new Http(port);
        a = newOrganization("sight-a");
        b = newOrganization("sight-b");
        tokenA = Http.bearer(newUser(a, UserRole.ANALYST).token());
        tokenB = Http.bearer(newUser(b, UserRole.ANALYST).token());
        admin = Http.bearer(newUser(directory.platformOrganization(), UserRole.PLATFORM_ADMIN)
                .token());
        Communities.Community shared = communities.create(
                "sight-" + UUID.randomUUID().toString().substring(0, 8), Communities.Kind.TECHNICAL, null);
        communities.recordMou(
                shared.id(),
                "MoU",
                null,
                java.time.LocalDate.now(),
                Instant.now().minusSeconds(60),
                null,
                List.of(a.id(), b.id()));
        community = new HoldingSharing(
                Distribution.COMMUNITIES, List.of(shared.id()), List.of(), List.of(), Tlp.GREEN, Pap.GREEN);
        sharedCommunity = shared.id();
    }

    @Test
    void scoreDecaysWithTheHalfLifeAndSightingsRefreshIt() {
        Instant validFrom = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String id = indicator("[ipv4-addr:value = '185.220.101.3']", 80, validFrom);
        // ip half-life 30 days, 60 days old: a quarter of the base; source not graded: F (0.6)
        JsonNode score = get(tokenA, "/api/v1/objects/" + id + "/score", 200);
        assertThat(score.get("state").asString()).isEqualTo("active");
        assertThat(score.get("reliability").asString()).isEqualTo("F");
        assertThat(score.get("half_life_days").asDouble()).isEqualTo(30.0);
        assertThat(score.get("score").asInt()).isEqualTo((int) Math.round(80 * 0.6 * 0.25));

        // a platform admin grades the source: A weighs 1.0
        call("PUT", "/api/v1/organizations/" + a.id() + "/reliability", tokenA, "{\"reliability\":\"A\"}", 403);
        call("PUT", "/api/v1/organizations/" + a.id() + "/reliability", admin, "{\"reliability\":\"Z\"}", 400);
        call("PUT", "/api/v1/organizations/" + a.id() + "/reliability", admin, "{\"reliability\":\"A\"}", 200);
        assertThat(get(tokenA, "/api/v1/objects/" + id + "/score", 200)
                        .get("score")
                        .asInt())
                .isEqualTo(20);

        // a sighting now refreshes it to the full base
        JsonNode reported = call("POST", "/api/v1/objects/" + id + "/sightings", tokenA, "{\"count\":3}", 201);
        String sightingId = reported.get("sighting_id").asString();
        JsonNode sighting = get(tokenA, "/api/v1/objects/" + sightingId, 200);
        assertThat(sighting.get("type").asString()).isEqualTo("sighting");
        assertThat(sighting.get("sighting_of_ref").asString()).isEqualTo(id);
        assertThat(sighting.get("count").asInt()).isEqualTo(3);
        assertThat(sighting.get("x_jcu_sighting_type").asString()).isEqualTo("seen");
        assertThat(sighting.get("x_jcu_sighted_by").asString()).isEqualTo(a.name());
        JsonNode fresh = get(tokenA, "/api/v1/objects/" + id + "/score", 200);
        assertThat(fresh.get("score").asInt()).isEqualTo(80);
        assertThat(fresh.get("sightings").get("seen").asInt()).isEqualTo(3);
        JsonNode listed =
                get(tokenA, "/api/v1/objects/" + id + "/sightings", 200).get("sightings");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("sighted_by").asString()).isEqualTo(a.name());
    }

    @Test
    void aReaderScoreUsesOnlySightingsItMaySee() {
        String id = indicator("[domain-name:value = 'c2.sight.example']", 90, Instant.now());
        // B reports a false positive it keeps to itself: B's score drops, A's does not
        HttpResponse<String> fp = http.json(
                "POST",
                "/api/v1/objects/" + id + "/sightings",
                tokenB,
                "{\"type\":\"false-positive\",\"anonymous\":true}");
        assertThat(fp.statusCode()).as(fp.body()).isEqualTo(201);
        assertThat(fp.body()).doesNotContain(b.name());
        JsonNode ofB = get(tokenB, "/api/v1/objects/" + id + "/score", 200);
        assertThat(ofB.get("state").asString()).isEqualTo("false-positive");
        assertThat(ofB.get("score").asInt()).isZero();
        JsonNode ofA = get(tokenA, "/api/v1/objects/" + id + "/score", 200);
        assertThat(ofA.get("state").asString()).isEqualTo("active");
        assertThat(ofA.get("score").asDouble()).isCloseTo(90 * 0.6, within(1.0));
        assertThat(ofA.get("sightings").get("false_positive").asInt()).isZero();

        // filterable: A sees it above 50, B does not; by state too
        assertThat(ids(get(tokenA, "/api/v1/indicators?min_score=50", 200))).containsExactly(id);
        assertThat(ids(get(tokenB, "/api/v1/indicators?min_score=50", 200))).isEmpty();
        assertThat(ids(get(tokenB, "/api/v1/indicators?state=false-positive", 200)))
                .containsExactly(id);

        // TAXII: the reader's score on the envelope, never inside the object
        HttpResponse<String> taxii = http.get(
                "/taxii2/jcu/collections/365fed99-08fa-4fdc-a1b3-fb247eb41d01/objects/?type=indicator", tokenA, TAXII);
        JsonNode envelope = Stix.parse(taxii.body());
        assertThat(envelope.get("x_jcu_scores").get(id).asInt())
                .isCloseTo(ofA.get("score").asInt(), within(1));
        assertThat(envelope.get("objects").get(0).has("x_jcu_scores")).isFalse();
        JsonNode envelopeB = Stix.parse(http.get(
                        "/taxii2/jcu/collections/365fed99-08fa-4fdc-a1b3-fb247eb41d01/objects/?type=indicator",
                        tokenB,
                        TAXII)
                .body());
        assertThat(envelopeB.get("x_jcu_scores").get(id).asInt()).isZero();
    }

    @Test
    void aSightingIsSharedAsItsReporterAsks() {
        String id = indicator("[domain-name:value = 'as-asked.sight.example']", 80, Instant.now());
        String sightings = "/api/v1/objects/" + id + "/sightings";
        // B's default keeps its sightings in B; asked for the community, A sees this one and its score counts it
        call(
                "POST",
                sightings,
                tokenB,
                "{\"type\":\"false-positive\",\"distribution\":\"communities\"," + "\"communities\":[\""
                        + sharedCommunity + "\"],\"tlp\":\"green\"}",
                201);
        assertThat(get(tokenA, sightings, 200).get("sightings")).hasSize(1);
        assertThat(get(tokenA, "/api/v1/objects/" + id + "/score", 200)
                        .get("sightings")
                        .get("false_positive")
                        .asInt())
                .isEqualTo(1);
        // TLP:RED to a named recipient
        call("POST", sightings, tokenB, "{\"tlp\":\"red\",\"recipients\":[\"" + a.name() + "\"]}", 201);
        assertThat(get(tokenA, sightings, 200).get("sightings")).hasSize(2);

        // B's default now shares with the community; asked for the organisation only, A does not see it
        directory.setDefaults(
                b.id(),
                new Directory.SharingDefaults(Tlp.GREEN, null, Distribution.COMMUNITIES, List.of(sharedCommunity)));
        call("POST", sightings, tokenB, "{\"type\":\"expired\",\"distribution\":\"organisation_only\"}", 201);
        assertThat(get(tokenA, sightings, 200).get("sightings")).hasSize(2);
        assertThat(get(tokenA, "/api/v1/objects/" + id + "/score", 200)
                        .get("state")
                        .asString())
                .isEqualTo("active"); // B's red "seen" is A's latest sighting, B's expiry is not A's
        assertThat(get(tokenB, sightings, 200).get("sightings")).hasSize(3);
        assertThat(get(tokenB, "/api/v1/objects/" + id + "/score", 200)
                        .get("state")
                        .asString())
                .isEqualTo("expired");

        // bad sharing is refused with the rule, and nothing is written
        HttpResponse<String> bad = http.json("POST", sightings, tokenB, "{\"distribution\":\"everyone\"}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown distribution 'everyone'");
        HttpResponse<String> noCommunity = http.json(
                "POST", sightings, tokenB, "{\"distribution\":\"communities\",\"communities\":[\"no-such\"]}");
        assertThat(noCommunity.statusCode()).as(noCommunity.body()).isEqualTo(400);
        assertThat(get(tokenB, sightings, 200).get("sightings")).hasSize(3);
    }

    @Test
    void expiredSightingsAndBadReportsAreHandled() {
        String id = indicator("[file:hashes.'SHA-256' = '" + "cd".repeat(32) + "']", 70, Instant.now());
        assertThat(get(tokenA, "/api/v1/objects/" + id + "/score", 200)
                        .get("half_life_days")
                        .asDouble())
                .isEqualTo(365.0);
        call("POST", "/api/v1/objects/" + id + "/sightings", tokenA, "{\"type\":\"maybe\"}", 400);
        call("POST", "/api/v1/objects/" + id + "/sightings", tokenA, "{\"count\":0}", 400);
        call("GET", "/api/v1/indicators?next=1&after=2", tokenA, null, 400); // one paging parameter, two names
        JsonNode truncated = call("POST", "/api/v1/objects/" + id + "/sightings", tokenA, "{\"type\":\"seen\",", 400);
        assertThat(truncated.get("message").asString())
                .startsWith("request body: not valid JSON for this request at line 1, column ")
                .doesNotContain("Source")
                .doesNotContain("REDACTED");
        call(
                "POST",
                "/api/v1/objects/" + id + "/sightings",
                tokenA,
                "{\"first_seen\":\"2026-01-02T00:00:00Z\",\"last_seen\":\"2026-01-01T00:00:00Z\"}",
                400);
        call("POST", "/api/v1/objects/indicator--" + UUID.randomUUID() + "/sightings", tokenA, "{}", 404);
        String readOnly = Http.bearer(newUser(a, UserRole.READ_ONLY).token());
        call("POST", "/api/v1/objects/" + id + "/sightings", readOnly, "{}", 403);
        call("POST", "/api/v1/objects/" + id + "/sightings", tokenA, "{\"type\":\"expired\"}", 201);
        JsonNode score = get(tokenA, "/api/v1/objects/" + id + "/score", 200);
        assertThat(score.get("state").asString()).isEqualTo("expired");
        assertThat(score.get("score").asInt()).isZero();
        // B sees the community's indicator but not A's sighting (A's default sharing keeps it in the organisation)
        assertThat(get(tokenB, "/api/v1/objects/" + id + "/score", 200)
                        .get("state")
                        .asString())
                .isEqualTo("active");
    }

    @Test
    void attributionOfASightingCannotBeForged() {
        String id = indicator("[domain-name:value = 'forged.sight.example']", 50, Instant.now());
        String forged = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{\"type\":"
                + "\"sighting\",\"spec_version\":\"2.1\",\"id\":\"sighting--" + UUID.randomUUID()
                + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
                + "\"sighting_of_ref\":\"" + id + "\",\"x_jcu_sighted_by\":\"" + a.name() + "\"}]}";
        org.jcu.intel.ImportReport report = importJson(forged, b.id(), false);
        assertThat(report.committed()).isFalse();
        // a sighting dated in the future is stored but is no evidence: the score does not move
        int before = get(tokenA, "/api/v1/objects/" + id + "/score", 200)
                .get("score")
                .asInt();
        String future = forged.replace(
                        ",\"x_jcu_sighted_by\":\"" + a.name() + "\"",
                        ",\"last_seen\":\"9999-12-31T23:59:59.999Z\","
                                + "\"first_seen\":\"9999-12-31T23:59:59.999Z\",\"x_jcu_sighting_type\":\"false-positive\"")
                .replace("sighting--", "sighting--0");
        org.jcu.intel.ImportReport stored =
                importJson(future.replace("sighting--0", "sighting--"), a.id(), false, community);
        assertThat(stored.committed()).as(stored.violations().toString()).isTrue();
        JsonNode after = get(tokenA, "/api/v1/objects/" + id + "/score", 200);
        assertThat(after.get("state").asString()).isEqualTo("active");
        assertThat(after.get("score").asInt()).isCloseTo(before, within(1)); // decay between the reads
        assertThat(report.violations()).anySatisfy(v -> {
            assertThat(v.pointer()).isEqualTo("/x_jcu_sighted_by");
            assertThat(v.rule()).isEqualTo("sighted-by-not-submitter");
        });
    }

    @Test
    void aSightingByAnOrganisationThatCannotSeeTheIndicatorIsNoEvidence() {
        // A keeps this indicator to itself; B learns its id and shares a false positive with the community
        String id = "indicator--" + UUID.randomUUID();
        String t = "2026-11-01T00:00:00.000Z";
        HoldingSharing own = new HoldingSharing(
                Distribution.ORGANISATION_ONLY, List.of(), List.of(), List.of(), Tlp.AMBER, Pap.AMBER);
        assertThat(importJson(
                                "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{"
                                        + "\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id
                                        + "\",\"created\":\"" + t + "\",\"modified\":\"" + t + "\",\"pattern\":"
                                        + "\"[domain-name:value = 'own.sight.example']\",\"pattern_type\":\"stix\","
                                        + "\"valid_from\":\"" + t + "\",\"confidence\":70}]}",
                                a.id(),
                                false,
                                own)
                        .clean())
                .isTrue();
        String sighting = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{\"type\":"
                + "\"sighting\",\"spec_version\":\"2.1\",\"id\":\"sighting--" + UUID.randomUUID()
                + "\",\"created\":\"2026-11-02T00:00:00.000Z\",\"modified\":\"2026-11-02T00:00:00.000Z\","
                + "\"sighting_of_ref\":\"" + id + "\",\"x_jcu_sighting_type\":\"false-positive\"}]}";
        assertThat(importJson(sighting, b.id(), false, community).committed()).isTrue();
        assertThat(get(tokenA, "/api/v1/objects/" + id + "/sightings", 200).get("sightings"))
                .hasSize(1);
        JsonNode score = get(tokenA, "/api/v1/objects/" + id + "/score", 200);
        assertThat(score.get("state").asString()).isEqualTo("active");
        assertThat(score.get("sightings").get("false_positive").asInt()).isZero();
    }

    @Test
    void aPageScoresEachIndicatorExactlyAsItsOwnScore() {
        // scores of a page are computed together (owners, kinds, sightings read once per page): each must still be
        // the indicator's own
        String old = indicator(
                "[ipv4-addr:value = '185.220.101.9']", 80, Instant.now().minus(45, ChronoUnit.DAYS));
        String fresh = indicator("[domain-name:value = 'page.sight.example']", 60, Instant.now());
        String falsePositive = indicator("[file:hashes.'SHA-256' = '" + "ef".repeat(32) + "']", 70, Instant.now());
        String sighted = indicator(
                "[url:value = 'http://page.sight.example/x']", 50, Instant.now().minus(30, ChronoUnit.DAYS));
        String other = indicator(
                "[ipv4-addr:value = '185.220.101.10'] OR [domain-name:value = 'o.sight.example']",
                40,
                Instant.now().minus(10, ChronoUnit.DAYS));
        call("PUT", "/api/v1/organizations/" + a.id() + "/reliability", admin, "{\"reliability\":\"B\"}", 200);
        call("POST", "/api/v1/objects/" + falsePositive + "/sightings", tokenB, "{\"type\":\"false-positive\"}", 201);
        call("POST", "/api/v1/objects/" + sighted + "/sightings", tokenA, "{\"count\":2}", 201);
        call("POST", "/api/v1/objects/" + sighted + "/sightings", tokenB, "{\"count\":5}", 201);
        // B shares false positives on an indicator it sees and on one only A sees (B learned its id): on the same
        // page, with the same reporting organisation, the first counts and the second is no evidence
        String hidden = "indicator--" + UUID.randomUUID();
        String th = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ".000Z");
        assertThat(importJson(
                                version(hidden, th, "[domain-name:value = 'hidden.sight.example']"),
                                a.id(),
                                false,
                                ORGANISATION_ONLY_AMBER)
                        .clean())
                .isTrue();
        String falsePositives = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + sightingJson(fresh, th) + "," + sightingJson(hidden, th) + "]}";
        assertThat(importJson(falsePositives, b.id(), false, community).committed())
                .isTrue();

        // a version only A may see holds an IP (30 days) where the shared one holds a domain (90 days): the kinds of
        // each reader's score come from the versions that reader may see, page or not
        String twoVersions = "indicator--" + UUID.randomUUID();
        String t1 = Instant.now()
                .minus(2, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString()
                .replace("Z", ".000Z");
        String t2 = Instant.now()
                .minus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString()
                .replace("Z", ".000Z");
        assertThat(importJson(
                                version(twoVersions, t1, "[domain-name:value = 'two.sight.example']"),
                                a.id(),
                                false,
                                community)
                        .clean())
                .isTrue();
        assertThat(importJson(
                                version(twoVersions, t2, "[ipv4-addr:value = '185.220.101.11']"),
                                a.id(),
                                false,
                                ORGANISATION_ONLY_AMBER)
                        .clean())
                .isTrue();
        assertThat(get(tokenA, "/api/v1/objects/" + twoVersions + "/score", 200)
                        .get("half_life_days")
                        .asDouble())
                .isEqualTo(30.0);
        assertThat(get(tokenB, "/api/v1/objects/" + twoVersions + "/score", 200)
                        .get("half_life_days")
                        .asDouble())
                .isEqualTo(90.0);

        for (String token : List.of(tokenA, tokenB)) {
            java.util.Map<String, JsonNode> own = new java.util.HashMap<>();
            List<String> page =
                    new java.util.ArrayList<>(List.of(old, fresh, falsePositive, sighted, other, twoVersions));
            if (token.equals(tokenA)) {
                page.add(hidden);
            }
            for (String id : page) {
                own.put(id, get(token, "/api/v1/objects/" + id + "/score", 200));
            }
            assertThat(own.get(fresh).get("sightings").get("false_positive").asInt())
                    .isEqualTo(1);
            assertThat(own.values().stream()
                            .map(n -> n.get("score").asInt())
                            .distinct()
                            .count())
                    .as("the indicators score differently")
                    .isGreaterThanOrEqualTo(4);
            if (token.equals(tokenA)) {
                assertThat(own.get(hidden).get("state").asString()).isEqualTo("active");
                assertThat(own.get(hidden)
                                .get("sightings")
                                .get("false_positive")
                                .asInt())
                        .isZero();
            }
            JsonNode listed = get(token, "/api/v1/indicators?limit=100", 200).get("indicators");
            assertThat(listed).hasSize(page.size());
            listed.forEach(item -> assertSameScore(
                    item.get("x_jcu_score"),
                    own.get(item.get("object").get("id").asString())));
            JsonNode envelope = Stix.parse(http.get(
                            "/taxii2/jcu/collections/365fed99-08fa-4fdc-a1b3-fb247eb41d01/objects/?type=indicator",
                            token,
                            TAXII)
                    .body());
            own.forEach((id, score) -> assertThat(
                            envelope.get("x_jcu_scores").get(id).asInt())
                    .as(id)
                    .isCloseTo(score.get("score").asInt(), within(1)));
        }
    }

    /**
     * The same score read by two requests: every field equal, the score itself within 1 (time decays it between the
     * requests, and a boundary of its integer may fall between them).
     */
    static void assertSameScore(JsonNode actual, JsonNode expected) {
        tools.jackson.databind.node.ObjectNode a = ((tools.jackson.databind.node.ObjectNode) actual).deepCopy();
        tools.jackson.databind.node.ObjectNode e = ((tools.jackson.databind.node.ObjectNode) expected).deepCopy();
        assertThat(a.remove("score").asInt()).isCloseTo(e.remove("score").asInt(), within(1));
        assertThat(a).isEqualTo(e);
    }

    static String version(String id, String time, String pattern) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{\"type\":"
                + "\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"" + time
                + "\",\"modified\":\"" + time + "\",\"pattern\":\"" + pattern + "\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"" + time + "\",\"confidence\":75}]}";
    }

    // -- helpers -----------------------------------------------------------------------------------------------------

    /** An indicator of A shared with the community (A and B). */
    String indicator(String pattern, int confidence, Instant validFrom) {
        String id = "indicator--" + UUID.randomUUID();
        String t = validFrom.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ".000Z");
        String json = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{\"type\":"
                + "\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"" + t
                + "\",\"modified\":\"" + t + "\",\"pattern\":\"" + pattern + "\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"" + t + "\",\"confidence\":" + confidence + "}]}";
        org.jcu.intel.ImportReport report = importJson(json, a.id(), false, community);
        assertThat(report.clean())
                .as(report.violations() + " " + report.error())
                .isTrue();
        return id;
    }

    static Set<String> ids(JsonNode page) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        page.get("indicators").forEach(i -> out.add(i.get("object").get("id").asString()));
        return out;
    }

    JsonNode get(String token, String path, int status) {
        return http.expect("GET", path, token, null, status);
    }

    JsonNode call(String method, String path, String token, String body, int status) {
        return http.expect(method, path, token, body, status);
    }

    /** A false-positive sighting of {@code indicator} as bundle JSON, created at {@code at}. */
    private static String sightingJson(String indicator, String at) {
        return "{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"sighting--" + UUID.randomUUID()
                + "\",\"created\":\"" + at + "\",\"modified\":\"" + at + "\",\"sighting_of_ref\":\"" + indicator
                + "\",\"x_jcu_sighting_type\":\"false-positive\"}";
    }

    /** Held by the submitting organisation alone, TLP:AMBER. */
    private static final HoldingSharing ORGANISATION_ONLY_AMBER =
            new HoldingSharing(Distribution.ORGANISATION_ONLY, List.of(), List.of(), List.of(), Tlp.AMBER, Pap.GREEN);
}
