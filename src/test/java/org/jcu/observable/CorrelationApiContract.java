package org.jcu.observable;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jcu.intel.ImportReport;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Observables and correlation end to end (issue 4, points 1–5): extraction from SCOs and patterns, normalisation on
 * every path, CIDR containment both ways, visibility through the access policy, over-correlation, warninglist flags,
 * and blind match notices with access requests.
 */
abstract class CorrelationApiContract extends StoreFixture {

    static final String T = "2025-05-01T00:00:00.000Z";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    Correlations correlations;

    Http http;
    Directory.Organization a;
    Directory.Organization b;
    Directory.Organization c;
    String tokenA;
    String tokenB;
    String tokenC;

    @BeforeEach
    void setUp() {
        resetStore();
        http = new Http(port);
        a = newOrganization("corr-a");
        b = newOrganization("corr-b");
        c = newOrganization("corr-c");
        tokenA = Http.bearer(newUser(a, UserRole.ANALYST).token());
        tokenB = Http.bearer(newUser(b, UserRole.ANALYST).token());
        tokenC = Http.bearer(newUser(c, UserRole.ORG_ADMIN).token());
    }

    // -- extraction and normalisation -------------------------------------------------------------------------------

    @Test
    void valuesFromScosAndPatternsCorrelateWhateverTheNotation() {
        String ip = sco("ipv4-addr", "\"value\":\"185.220.101.7\"");
        String ipv6 = sco("ipv6-addr", "\"value\":\"2A0B:F4C0:0:0::1\"");
        String domain = sco("domain-name", "\"value\":\"Bücher.Example.\"");
        String url = sco("url", "\"value\":\"HTTP://Example.COM:80/a\\\\b\"");
        String file = sco("file", "\"hashes\":{\"SHA-256\":\"" + "AB".repeat(32) + "\"}");
        String traffic = "{\"type\":\"network-traffic\",\"spec_version\":\"2.1\",\"id\":\"network-traffic--"
                + UUID.randomUUID() + "\",\"src_ref\":\"" + id(ip) + "\",\"protocols\":[\"tcp\"]}";
        String indicator =
                indicator("[ipv4-addr:value = '185.220.101.7'] OR [domain-name:value = 'xn--bcher-kva.example']"
                        + " OR [file:hashes.'SHA-256' = '" + "ab".repeat(32) + "']");
        ImportReport report = importJson(bundle(ip, ipv6, domain, url, file, traffic, indicator), a.id(), false);
        assertThat(report.clean()).as(report.violations().toString()).isTrue();

        // the network-traffic object names its endpoint SCO; the value is indexed once, on the SCO (decision 0015)
        assertThat(holders(tokenA, "ip", "185.220.101.7", "equal")).containsExactlyInAnyOrder(id(ip), id(indicator));
        assertThat(holders(tokenA, "domain", "BÜCHER.example", "equal"))
                .containsExactlyInAnyOrder(id(domain), id(indicator));
        assertThat(holders(tokenA, "domain", "xn--bcher-kva.example.", "equal"))
                .containsExactlyInAnyOrder(id(domain), id(indicator));
        assertThat(holders(tokenA, "ip", "2a0b:f4c0::1", "equal")).containsExactly(id(ipv6));
        assertThat(get(tokenA, "/api/v1/observables?kind=domain&value=" + enc("WWW.Example.co.uk"), 200)
                        .get("registrable_domain")
                        .asString())
                .isEqualTo("example.co.uk");
        assertThat(holders(tokenA, "ip", "::ffff:185.220.101.7", "equal")).hasSize(2);
        assertThat(holders(tokenA, "SHA-256", "ab".repeat(32), "equal"))
                .containsExactlyInAnyOrder(id(file), id(indicator));
        // kinds by STIX type or MISP attribute type too
        assertThat(holders(tokenA, "sha256", "AB".repeat(32), "equal")).hasSize(2);
        assertThat(holders(tokenA, "ipv4-addr", "185.220.101.7", "equal")).hasSize(2);
        assertThat(holders(tokenA, "domain-name", "xn--bcher-kva.example", "equal"))
                .hasSize(2);
        JsonNode looked = get(tokenA, "/api/v1/observables?kind=url&value=" + enc("http://example.com/a\\b"), 200);
        assertThat(looked.get("value").asString()).isEqualTo("http://example.com/a\\b");
        assertThat(looked.get("correlations")
                        .get(0)
                        .get("objects")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(id(url));

        // an object's observables, with the originals and its correlations (never itself)
        JsonNode values = get(tokenA, "/api/v1/objects/" + id(indicator) + "/observables", 200);
        assertThat(values).hasSize(3);
        JsonNode domainValue = find(values, "domain");
        assertThat(domainValue.get("value").asString()).isEqualTo("xn--bcher-kva.example");
        assertThat(domainValue.get("related").get(0).get("objects").toString())
                .contains(id(domain))
                .doesNotContain(id(indicator));
        JsonNode v6 = get(tokenA, "/api/v1/objects/" + id(ipv6) + "/observables", 200);
        assertThat(v6.get(0).get("value").asString()).isEqualTo("2a0b:f4c0::1");
        assertThat(v6.get(0).get("original").asString()).isEqualTo("2A0B:F4C0:0:0::1");
    }

    @Test
    void cidrBlocksContainAddressesByBitsBothWays() {
        String block = indicator("[ipv4-addr:value ISSUBSET '185.220.101.0/24']");
        String block6 = indicator("[ipv6-addr:value ISSUBSET '2a0b:f4c0::/32']");
        String inside = sco("ipv4-addr", "\"value\":\"185.220.101.77\"");
        String inside6 = sco("ipv6-addr", "\"value\":\"2A0B:F4C0:0000:0000:0000:0000:0000:0042\"");
        String outside = sco("ipv4-addr", "\"value\":\"185.220.102.1\"");
        assertThat(importJson(bundle(block, block6, inside, inside6, outside), a.id(), false)
                        .clean())
                .isTrue();

        assertThat(holders(tokenA, "ip", "185.220.101.77", "contained-in")).containsExactly(id(block));
        assertThat(holders(tokenA, "ip", "185.220.102.1", "contained-in")).isEmpty();
        assertThat(holders(tokenA, "ip", "185.220.101.0/24", "contains")).containsExactly(id(inside));
        assertThat(holders(tokenA, "ip", "185.220.101.128/25", "contained-in")).containsExactly(id(block));
        assertThat(holders(tokenA, "ip", "185.220.0.0/16", "contains"))
                .containsExactlyInAnyOrder(id(block), id(inside), id(outside));
        assertThat(holders(tokenA, "ip", "2a0b:f4c0::42", "contained-in")).containsExactly(id(block6));
        assertThat(holders(tokenA, "ip", "2a0b:f4c0:0::/48", "contains")).containsExactly(id(inside6));
        // a host part in a block is cleared (185.220.101.9/24 is 185.220.101.0/24)
        assertThat(get(tokenA, "/api/v1/observables?kind=ip&value=" + enc("185.220.101.9/24"), 200)
                        .get("value")
                        .asString())
                .isEqualTo("185.220.101.0/24");
    }

    @Test
    void correlationsListOnlyObjectsTheReaderMaySee() {
        String mine = indicator("[ipv4-addr:value = '185.220.101.21']");
        String hidden = indicator("[ipv4-addr:value = '185.220.101.21']");
        String hiddenBlock = indicator("[ipv4-addr:value ISSUBSET '185.220.101.16/28']");
        importJson(bundle(mine), a.id(), false);
        importJson(bundle(hidden, hiddenBlock), b.id(), false, orgOnly(Tlp.AMBER));

        assertThat(holders(tokenA, "ip", "185.220.101.21", "equal")).containsExactly(id(mine));
        assertThat(holders(tokenA, "ip", "185.220.101.21", "contained-in")).isEmpty();
        assertThat(holders(tokenB, "ip", "185.220.101.21", "equal")).containsExactly(id(hidden));
        assertThat(holders(tokenB, "ip", "185.220.101.21", "contained-in")).containsExactly(id(hiddenBlock));
        assertThat(http.get("/api/v1/objects/" + id(hidden) + "/observables", tokenA, null)
                        .statusCode())
                .isEqualTo(404);
        // a value nobody shows the reader answers like a value nobody holds
        JsonNode nothing = get(tokenC, "/api/v1/observables?kind=ip&value=185.220.101.21", 200);
        JsonNode never = get(tokenC, "/api/v1/observables?kind=ip&value=185.220.109.99", 200);
        assertThat(nothing.get("correlations").size()).isZero();
        assertThat(never.get("correlations").size()).isZero();
        assertThat(nothing.has("notice")).isFalse();
    }

    @Test
    void hiddenValuesInsideABlockNeverPushTheReadersOwnOutOfTheAnswer() {
        // B keeps 20,001 addresses to itself, all before A's in address order (the old scan took the first 20,000
        // stored values before the access policy, so A's own values vanished: an oracle on hidden values)
        StringBuilder hidden = new StringBuilder();
        for (int i = 0; i <= 20_000; i++) {
            hidden.append(i == 0 ? "" : ",")
                    .append(sco("ipv4-addr", "\"value\":\"10.1." + (i / 256) + "." + (i % 256) + "\""));
        }
        ImportReport hiddenImport = importJson(
                "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + hidden + "]}",
                b.id(),
                false,
                orgOnly(Tlp.AMBER));
        assertThat(hiddenImport.clean())
                .as(hiddenImport.violations().toString())
                .isTrue();
        List<String> own = List.of(
                sco("ipv4-addr", "\"value\":\"10.1.200.1\""),
                sco("ipv4-addr", "\"value\":\"10.1.200.2\""),
                sco("ipv4-addr", "\"value\":\"10.1.255.3\""));
        String block = indicator("[ipv4-addr:value ISSUBSET '10.1.0.0/16']");
        List<String> mine = new ArrayList<>(own);
        mine.add(block);
        assertThat(importJson(bundle(mine.toArray(String[]::new)), a.id(), false, orgOnly(Tlp.AMBER))
                        .clean())
                .isTrue();

        Set<String> expected =
                new TreeSet<>(own.stream().map(CorrelationApiContract::id).toList());
        JsonNode answer = get(tokenA, "/api/v1/observables?kind=ip&value=" + enc("10.1.0.0/16"), 200);
        assertThat(holders(tokenA, "ip", "10.1.0.0/16", "contains")).isEqualTo(expected);
        assertThat(answer.get("truncated").asBoolean()).isFalse();
        // in address order
        List<String> inOrder = new ArrayList<>();
        answer.get("correlations").forEach(c -> {
            if (c.get("relation").asString().equals("contains")) {
                inOrder.add(c.get("value").asString());
            }
        });
        assertThat(inOrder).containsExactly("10.1.200.1", "10.1.200.2", "10.1.255.3");
        // the object's own view of its block, likewise
        JsonNode values = get(tokenA, "/api/v1/objects/" + id(block) + "/observables", 200);
        Set<String> related = new TreeSet<>();
        find(values, "ip")
                .get("related")
                .forEach(r ->
                        r.get("objects").forEach(o -> related.add(o.get("id").asString())));
        assertThat(related).isEqualTo(expected);
        // B, which sees its own, gets the first 10,000 visible pairs and the flag
        JsonNode ofB = get(tokenB, "/api/v1/observables?kind=ip&value=" + enc("10.1.0.0/16"), 200);
        assertThat(ofB.get("truncated").asBoolean()).isTrue();
        assertThat(ofB.get("correlations").size()).isEqualTo(Correlations.MAX_RANGE_HOLDERS);
        assertThat(ofB.get("correlations").get(0).get("value").asString()).isEqualTo("10.1.0.0");
    }

    @Test
    void blockLookupsWaitForAFreeScanThenAnswerBusy() throws Exception {
        String block = indicator("[ipv4-addr:value ISSUBSET '192.0.2.0/24']");
        String inside = sco("ipv4-addr", "\"value\":\"192.0.2.10\"");
        assertThat(importJson(bundle(block, inside), a.id(), false).clean()).isTrue();
        java.util.concurrent.Semaphore scans = correlations.blockScans();
        int permits = scans.availablePermits();
        assertThat(permits).isEqualTo(2);
        scans.acquire(permits); // as if two wide blocks were being scanned
        try {
            HttpResponse<String> busy =
                    http.get("/api/v1/observables?kind=ip&value=" + enc("192.0.2.0/24"), tokenA, null);
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("5");
            assertThat(busy.body()).contains("jcu.correlation.block-scans");
            assertThat(http.get("/api/v1/objects/" + id(block) + "/observables", tokenA, null)
                            .statusCode())
                    .isEqualTo(503);
            // an address needs no block scan
            assertThat(holders(tokenA, "ip", "192.0.2.10", "contained-in")).containsExactly(id(block));
        } finally {
            scans.release(permits);
        }
        assertThat(holders(tokenA, "ip", "192.0.2.0/24", "contains")).containsExactly(id(inside));
        assertThat(scans.availablePermits()).isEqualTo(permits);
    }

    @Test
    void overCorrelatingValueIsReportedAsACount() {
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            objects.add(indicator("[domain-name:value = 'popular.example.net']"));
        }
        importJson(bundle(objects.toArray(String[]::new)), a.id(), false);
        JsonNode c0 = get(tokenA, "/api/v1/observables?kind=domain&value=popular.example.net", 200)
                .get("correlations")
                .get(0);
        assertThat(c0.get("over_correlating").asBoolean()).isTrue();
        assertThat(c0.get("count").asLong()).isEqualTo(101);
        assertThat(c0.get("objects").size()).isZero();
    }

    @Test
    void warninglistedValuesAreFlaggedNotDropped() {
        String rfc1918 = indicator("[ipv4-addr:value = '10.1.2.3']");
        importJson(bundle(rfc1918), a.id(), false);
        JsonNode answer = get(tokenA, "/api/v1/observables?kind=ip&value=10.1.2.3", 200);
        assertThat(answer.get("warninglists").toString()).contains("rfc1918");
        assertThat(answer.get("correlations")
                        .get(0)
                        .get("objects")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(id(rfc1918));
        assertThat(get(tokenA, "/api/v1/objects/" + id(rfc1918) + "/observables", 200)
                        .get(0)
                        .get("warninglists")
                        .toString())
                .contains("rfc1918");
        assertThat(get(tokenA, "/api/v1/observables?kind=ip&value=8.8.8.8", 200)
                        .get("warninglists")
                        .toString())
                .contains("public-dns-v4");
        JsonNode clean = get(tokenA, "/api/v1/observables?kind=ip&value=185.220.101.1", 200);
        assertThat(clean.get("warninglists").size()).isZero();
    }

    // -- blind match notices -----------------------------------------------------------------------------------------

    @Test
    void blindNoticeRevealsOnlyABucketAndAGrantOpensTheObjects() {
        String value = "185.220.101.99";
        String mine = indicator("[ipv4-addr:value = '" + value + "']");
        String ofB = indicator("[ipv4-addr:value = '" + value + "']");
        String ofC = indicator("[ipv4-addr:value = '" + value + "']");
        importJson(bundle(mine), a.id(), false);
        importJson(bundle(ofB), b.id(), false, orgOnly(Tlp.AMBER));
        // one hidden owner is below the default minimum (2): no notice
        assertThat(notices(tokenA)).isEmpty();
        importJson(bundle(ofC), c.id(), false, orgOnly(Tlp.GREEN));

        JsonNode notes = notices(tokenA);
        assertThat(notes).hasSize(1);
        JsonNode notice = notes.get(0);
        assertThat(Stix.canonical(notice))
                .isEqualTo(Stix.canonical(
                        "{\"value_id\":\"" + notice.get("value_id").asString() + "\",\"kind\":\"ip\",\"value\":\""
                                + value + "\",\"owners\":\"2-4\"}"));
        assertThat(get(tokenA, "/api/v1/observables?kind=ip&value=" + value, 200)
                        .get("notice")
                        .get("owners")
                        .asString())
                .isEqualTo("2-4");
        // an organisation that does not hold the value gets no notice and cannot request
        Directory.Organization d = newOrganization("corr-d");
        String tokenD = Http.bearer(newUser(d, UserRole.ANALYST).token());
        assertThat(notices(tokenD)).isEmpty();
        assertThat(get(tokenD, "/api/v1/observables?kind=ip&value=" + value, 200)
                        .has("notice"))
                .isFalse();
        String valueId = notice.get("value_id").asString();
        assertThat(http.json("POST", "/api/v1/correlations/notices/" + valueId + "/access-requests", tokenD, "{}")
                        .statusCode())
                .isEqualTo(404);

        // A asks; B and C see who asks, for what, and their own objects only
        JsonNode request = call(
                "POST",
                "/api/v1/correlations/notices/" + valueId + "/access-requests",
                tokenA,
                "{\"message\":\"we see this C2 in an incident\"}",
                201);
        assertThat(request.toString())
                .doesNotContain(b.name())
                .doesNotContain(c.name())
                .doesNotContain(id(ofB));
        JsonNode atB = get(tokenB, "/api/v1/correlations/access-requests/received", 200);
        assertThat(atB).hasSize(1);
        assertThat(atB.get(0).get("requester").asString()).isEqualTo(a.name());
        assertThat(atB.get(0).get("objects").toString()).contains(id(ofB)).doesNotContain(id(ofC));
        // a read-only user of C cannot answer; B grants, C refuses
        String readOnlyC = Http.bearer(newUser(c, UserRole.READ_ONLY).token());
        call("POST", "/api/v1/correlations/notices/" + valueId + "/access-requests", readOnlyC, "{}", 403);
        String requestId = request.get("id").asString();
        call("POST", "/api/v1/correlations/access-requests/" + requestId + "/grant", readOnlyC, null, 403);
        // one pending request per value and organisation
        call("POST", "/api/v1/correlations/notices/" + valueId + "/access-requests", tokenA, "{}", 409);
        assertThat(http.get("/api/v1/objects/" + id(ofB), tokenA, null).statusCode())
                .isEqualTo(404);
        call("POST", "/api/v1/correlations/access-requests/" + requestId + "/grant", tokenB, null, 200);
        call("POST", "/api/v1/correlations/access-requests/" + requestId + "/grant", tokenB, null, 409);
        assertThat(http.get("/api/v1/objects/" + id(ofB), tokenA, null).statusCode())
                .isEqualTo(200);
        assertThat(holders(tokenA, "ip", value, "equal")).containsExactlyInAnyOrder(id(mine), id(ofB));
        assertThat(get(tokenA, "/api/v1/correlations/access-requests/sent", 200)
                        .get(0)
                        .get("state")
                        .asString())
                .isEqualTo("PENDING");
        call("POST", "/api/v1/correlations/access-requests/" + requestId + "/refuse", tokenC, null, 200);
        assertThat(get(tokenA, "/api/v1/correlations/access-requests/sent", 200)
                        .get(0)
                        .get("state")
                        .asString())
                .isEqualTo("ANSWERED");
        assertThat(http.get("/api/v1/objects/" + id(ofC), tokenA, null).statusCode())
                .isEqualTo(404);
        // only C is hidden now, but B that granted still counts: the bucket does not reveal how many remain hidden
        assertThat(notices(tokenA).get(0).get("owners").asString()).isEqualTo("2-4");
    }

    @Test
    void redHoldingsAndWarninglistedValuesNeverRaiseNotices() {
        String value = "185.220.101.55";
        importJson(bundle(indicator("[ipv4-addr:value = '" + value + "']")), a.id(), false);
        importJson(bundle(indicator("[ipv4-addr:value = '" + value + "']")), b.id(), false, orgOnly(Tlp.RED));
        importJson(bundle(indicator("[ipv4-addr:value = '" + value + "']")), c.id(), false, orgOnly(Tlp.RED));
        assertThat(notices(tokenA)).isEmpty();
        importJson(bundle(indicator("[ipv4-addr:value = '10.9.9.9']")), a.id(), false);
        importJson(bundle(indicator("[ipv4-addr:value = '10.9.9.9']")), b.id(), false, orgOnly(Tlp.GREEN));
        importJson(bundle(indicator("[ipv4-addr:value = '10.9.9.9']")), c.id(), false, orgOnly(Tlp.GREEN));
        assertThat(notices(tokenA)).isEmpty();
    }

    @Test
    void aReferenceToAHiddenObservableRevealsNoValue() {
        String hiddenIp = sco("ipv4-addr", "\"value\":\"185.220.101.66\"");
        importJson(bundle(hiddenIp), b.id(), false, orgOnly(Tlp.AMBER));
        String traffic = "{\"type\":\"network-traffic\",\"spec_version\":\"2.1\",\"id\":\"network-traffic--"
                + UUID.randomUUID() + "\",\"dst_ref\":\"" + id(hiddenIp) + "\",\"protocols\":[\"tcp\"]}";
        ImportReport report = importJson(bundle(traffic), a.id(), true);
        assertThat(report.committed()).as(report.violations().toString()).isTrue();
        assertThat(get(tokenA, "/api/v1/objects/" + id(traffic) + "/observables", 200))
                .isEmpty();
        assertThat(holders(tokenA, "ip", "185.220.101.66", "equal")).isEmpty();
        assertThat(notices(tokenA)).isEmpty();
    }

    // -- bad input ---------------------------------------------------------------------------------------------------

    @Test
    void invalidPatternRejectsTheIndicatorAndBadValuesAreReportedNotIndexed() {
        String bad = indicator("[ipv4-addr:value = ]");
        ImportReport refused = importJson(bundle(bad), a.id(), false);
        assertThat(refused.committed()).isFalse();
        assertThat(refused.violations()).anySatisfy(v -> {
            assertThat(v.objectId()).isEqualTo(id(bad));
            assertThat(v.pointer()).isEqualTo("/pattern");
            assertThat(v.rule()).isEqualTo("pattern-invalid");
        });
        String odd = sco("domain-name", "\"value\":\"bad..example\"");
        ImportReport kept = importJson(bundle(odd), a.id(), false);
        assertThat(kept.committed()).as(kept.violations().toString()).isTrue();
        assertThat(kept.notIndexed()).isEqualTo(1);
        assertThat(kept.warnings()).singleElement().satisfies(w -> {
            assertThat(w.objectId()).isEqualTo(id(odd));
            assertThat(w.pointer()).isEqualTo("/value");
            assertThat(w.rule()).isEqualTo("observable-invalid");
        });
        // B, which cannot see A's object, submits the same bytes: the same warning (its absence would tell B that the
        // version is already stored)
        ImportReport same = importJson(bundle(odd), b.id(), false);
        assertThat(same.committed()).isTrue();
        assertThat(same.notIndexed()).isEqualTo(1);
        assertThat(same.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.rule()).isEqualTo("observable-invalid"));
        assertThat(http.get("/api/v1/observables?kind=ip&value=300.1.1.1", tokenA, null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/observables?kind=colour&value=red", tokenA, null)
                        .statusCode())
                .isEqualTo(400);
    }

    // -- helpers -----------------------------------------------------------------------------------------------------

    HoldingSharing orgOnly(Tlp tlp) {
        return new HoldingSharing(
                Distribution.ORGANISATION_ONLY,
                List.of(),
                List.of(),
                tlp == Tlp.RED ? List.of(a.id()).subList(0, 0) : List.of(),
                tlp,
                Pap.GREEN);
    }

    Set<String> holders(String token, String kind, String value, String relation) {
        JsonNode answer = get(token, "/api/v1/observables?kind=" + enc(kind) + "&value=" + enc(value), 200);
        Set<String> ids = new TreeSet<>();
        for (JsonNode c : answer.get("correlations")) {
            if (c.get("relation").asString().equals(relation)) {
                c.get("objects").forEach(o -> ids.add(o.get("id").asString()));
            }
        }
        return ids;
    }

    JsonNode notices(String token) {
        return get(token, "/api/v1/correlations/notices", 200).get("notices");
    }

    JsonNode get(String token, String path, int status) {
        return http.expect("GET", path, token, null, status);
    }

    JsonNode call(String method, String path, String token, String body, int status) {
        return http.expect(method, path, token, body, status);
    }

    static JsonNode find(JsonNode values, String kind) {
        for (JsonNode v : values) {
            if (v.get("kind").asString().equals(kind)) {
                return v;
            }
        }
        throw new AssertionError("no " + kind + " in " + values);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String sco(String type, String properties) {
        return "{\"type\":\"" + type + "\",\"spec_version\":\"2.1\",\"id\":\"" + type + "--" + UUID.randomUUID() + "\","
                + properties + "}";
    }

    static String indicator(String pattern) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID()
                + "\",\"created\":\"" + T + "\",\"modified\":\"" + T + "\",\"pattern\":\""
                + pattern.replace("\\", "\\\\") + "\",\"pattern_type\":\"stix\",\"valid_from\":\"" + T + "\"}";
    }

    static String id(String objectJson) {
        return Stix.parse(objectJson).get("id").asString();
    }

    static String bundle(String... objects) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + String.join(",", objects) + "]}";
    }
}
