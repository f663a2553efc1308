package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jcu.test.Http;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Attacks found by reviewing decision 0007 against the code, each kept as a regression test: probing for hidden
 * objects through import errors, another organisation's marking definition deciding one's TLP, nested containers,
 * nested references, recipients re-sharing, directory enumeration from the PRIVATE compartment, confidential group
 * names, and EUCI spellings.
 */
abstract class SharingAttacksContract extends SharingFixture {

    static final String NDJSON = "application/x-ndjson";

    HttpResponse<String> ndjson(String auth, String line) {
        return http.post("/api/v1/bundles?format=ndjson", auth, NDJSON, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importDoesNotConfirmHiddenObservables() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String b = createOrg(unique("b"), "PRIVATE").get("id").asString();
        String authA = tokenFor(a, "ANALYST");
        String authB = tokenFor(b, "ANALYST");
        String ip = "ipv4-addr--" + UUID.nameUUIDFromBytes(unique("ip").getBytes(StandardCharsets.UTF_8));
        assertThat(ndjson(
                                authA,
                                "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"" + ip
                                        + "\",\"value\":\"203.0.113.66\",\"x_seen_by\":\"a\"}")
                        .statusCode())
                .isEqualTo(200);
        // B probes with the same deterministic id and other content: accepted as its own variant, like a new id
        String probeLine = "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"" + ip
                + "\",\"value\":\"203.0.113.66\",\"x_probe\":1}";
        HttpResponse<String> probe = ndjson(authB, probeLine);
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);
        assertThat(Stix.parse(probe.body()).get("imported").asLong()).isEqualTo(1);
        // each sees its own content only
        assertThat(call("GET", "/api/v1/objects/" + ip, authB, null, 200).has("x_probe"))
                .isTrue();
        JsonNode seenByA = call("GET", "/api/v1/objects/" + ip, authA, null, 200);
        assertThat(seenByA.has("x_probe")).isFalse();
        assertThat(seenByA.get("x_seen_by").asString()).isEqualTo("a");
        // B sends the same line again: unchanged, as for an id nobody else holds (it was answered as a version
        // conflict, telling B that another organisation holds the id; a daily feed re-sent failed as a whole)
        HttpResponse<String> again = ndjson(authB, probeLine);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Stix.parse(again.body()).get("unchanged").asLong()).isEqualTo(1);
        // and TAXII finds B's version by the version its manifest gives, as for any versionless object
        String objects = "/taxii2/jcu/collections/365fed99-08fa-4fdc-a1b3-fb247eb41d01/objects/" + ip + "/";
        JsonNode manifest = Stix.parse(http.get(
                        "/taxii2/jcu/collections/365fed99-08fa-4fdc-a1b3-fb247eb41d01/manifest/?match[id]=" + ip,
                        authB,
                        TAXII)
                .body());
        String version = manifest.get("objects").get(0).get("version").asString();
        JsonNode byVersion = Stix.parse(
                http.get(objects + "?match[version]=" + version, authB, TAXII).body());
        assertThat(byVersion.get("objects")).hasSize(1);
        assertThat(byVersion.get("objects").get(0).has("x_probe")).isTrue();
        // an empty version list is refused, not a server error
        assertThat(http.get(objects + "?match[version]=,", authB, TAXII).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anotherOrganisationsMarkingDefinitionNeverDecidesMyTlp() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String b = createOrg(unique("b"), "GOVERNMENT").get("id").asString();
        String definition = "marking-definition--" + UUID.randomUUID();
        assertThat(upload(
                                tokenFor(b, "ANALYST"),
                                "",
                                Stix.bundle(
                                        "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\""
                                                + definition
                                                + "\",\"created\":\"2025-01-01T00:00:00.000Z\",\"name\":\"TLP:CLEAR\","
                                                + "\"definition_type\":\"statement\",\"definition\":{\"statement\":\"TLP:CLEAR\"}}"))
                        .statusCode())
                .isEqualTo(200);
        String indicator = Stix.newId("indicator");
        assertThat(upload(
                                tokenFor(a, "ANALYST"),
                                "?tlp=TLP:RED",
                                Stix.bundle(Stix.indicator(
                                        indicator,
                                        CREATED,
                                        CREATED,
                                        "\"object_marking_refs\":[\"" + definition + "\"]")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(holding(indicator, a)).startsWith("TLP:RED ");
    }

    @Test
    void nestedContainersApplyTheStrictestMarkingWhateverTheOrder() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String auth = tokenFor(a, "ANALYST");
        for (boolean reportFirst : new boolean[] {true, false}) {
            String indicator = Stix.newId("indicator");
            String grouping = Stix.newId("grouping");
            String groupingJson = "{\"type\":\"grouping\",\"spec_version\":\"2.1\",\"id\":\"" + grouping
                    + "\",\"created\":\"" + CREATED + "\",\"modified\":\"" + CREATED
                    + "\",\"context\":\"suspicious-activity\",\"object_refs\":[\"" + indicator
                    + "\"],\"object_marking_refs\":[\"" + Tlp.GREEN.markingId() + "\"]}";
            String reportJson = "{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"" + Stix.newId("report")
                    + "\",\"created\":\"" + CREATED + "\",\"modified\":\"" + CREATED
                    + "\",\"name\":\"r\",\"published\":\""
                    + CREATED + "\",\"object_refs\":[\"" + grouping + "\"],\"object_marking_refs\":[\""
                    + Tlp.RED.markingId() + "\"]}";
            String bundle = reportFirst
                    ? Stix.bundle(reportJson, groupingJson, Stix.indicator(indicator, CREATED, CREATED, ""))
                    : Stix.bundle(groupingJson, reportJson, Stix.indicator(indicator, CREATED, CREATED, ""));
            assertThat(upload(auth, "?tlp=TLP:CLEAR", bundle).statusCode()).isEqualTo(200);
            assertThat(holding(indicator, a)).as("report first: " + reportFirst).startsWith("TLP:RED ");
            assertThat(holding(grouping, a)).startsWith("TLP:RED ");
        }
    }

    @Test
    void nestedReferencesToHiddenObjectsAreLeftOut() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String b = createOrg(unique("b"), "GOVERNMENT").get("id").asString();
        String community = communityOf(a, b);
        String authA = tokenFor(a, "ANALYST");
        String hidden = "ipv4-addr--" + UUID.nameUUIDFromBytes(unique("h").getBytes(StandardCharsets.UTF_8));
        String shownIp = "ipv4-addr--" + UUID.nameUUIDFromBytes(unique("s").getBytes(StandardCharsets.UTF_8));
        String file = "file--" + UUID.randomUUID();
        assertThat(ndjson(
                                authA,
                                "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"" + hidden
                                        + "\",\"value\":\"198.51.100.1\"}")
                        .statusCode())
                .isEqualTo(200);
        String shared = Stix.bundle(
                "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"" + shownIp
                        + "\",\"value\":\"198.51.100.2\"}",
                "{\"type\":\"file\",\"spec_version\":\"2.1\",\"id\":\"" + file + "\",\"name\":\"a.zip\","
                        + "\"extensions\":{\"archive-ext\":{\"contains_refs\":[\"" + hidden + "\",\"" + shownIp
                        + "\"]}}}");
        assertThat(upload(authA, "?distribution=communities&community=" + community + "&tlp=GREEN", shared)
                        .statusCode())
                .isEqualTo(200);
        JsonNode seenByB = call("GET", "/api/v1/objects/" + file, tokenFor(b, "ANALYST"), null, 200);
        assertThat(seenByB.get("extensions")
                        .get("archive-ext")
                        .get("contains_refs")
                        .toString())
                .contains(shownIp)
                .doesNotContain(hidden);
        assertThat(call("GET", "/api/v1/objects/" + file, authA, null, 200).toString())
                .contains(hidden);
    }

    @Test
    void anImportDoesNotTellAHiddenVersionsTimestamp() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String b = createOrg(unique("b"), "GOVERNMENT").get("id").asString();
        String community = communityOf(a, b);
        String authB = tokenFor(b, "ANALYST");
        String id = Stix.newId("indicator");
        java.util.function.BiFunction<String, String, String> version = (modified, name) -> Stix.bundle("{\"type\":"
                + "\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":"
                + "\"2026-01-01T00:00:00.000Z\",\"modified\":\"" + modified + "\",\"name\":\"" + name + "\","
                + "\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2026-01-01T00:00:00.000Z\"}");
        // B shares v1 with the community and keeps v2 to itself (TLP:RED, no recipients)
        assertThat(upload(
                                authB,
                                "?distribution=communities&community=" + community + "&tlp=GREEN",
                                version.apply("2026-01-01T00:00:00.000Z", "v1"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(upload(authB, "?tlp=RED", version.apply("2026-02-02T00:00:00.000Z", "v2"))
                        .statusCode())
                .isEqualTo(200);
        String authA = tokenFor(a, "ANALYST");
        assertThat(call("GET", "/api/v1/objects/" + id, authA, null, 200)
                        .get("name")
                        .asString())
                .isEqualTo("v1");
        // A's changed copies: at v2's hidden timestamp and at a timestamp nobody stored, the same answer
        HttpResponse<String> atHidden = upload(authA, "", version.apply("2026-02-02T00:00:00.000Z", "guess"));
        HttpResponse<String> atNone = upload(authA, "", version.apply("2026-03-03T00:00:00.000Z", "guess"));
        assertThat(atHidden.statusCode()).isEqualTo(422);
        assertThat(atNone.statusCode()).isEqualTo(422);
        JsonNode hiddenAnswer = Stix.parse(atHidden.body()).get("violations").get(0);
        JsonNode noneAnswer = Stix.parse(atNone.body()).get("violations").get(0);
        assertThat(hiddenAnswer.get("rule").asString()).isEqualTo("not-owner");
        assertThat(hiddenAnswer.get("message")).isEqualTo(noneAnswer.get("message"));
        assertThat(hiddenAnswer.get("pointer")).isEqualTo(noneAnswer.get("pointer"));
        // the owner still learns of its own conflicts
        HttpResponse<String> own = upload(authB, "", version.apply("2026-02-02T00:00:00.000Z", "changed"));
        assertThat(Stix.parse(own.body()).get("violations").get(0).get("rule").asString())
                .isEqualTo("version-conflict");
    }

    @Test
    void aRecipientCannotPassRedOrAmberOn() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String b = createOrg(unique("b"), "GOVERNMENT").get("id").asString();
        String c = createOrg(unique("c"), "PRIVATE").get("id").asString();
        String authB = tokenFor(b, "ANALYST");
        JsonNode group = call(
                "POST",
                "/api/v1/sharing-groups",
                authB,
                "{\"name\":\"" + unique("g") + "\",\"members\":[\"" + c + "\"]}",
                201);
        String indicator = Stix.newId("indicator");
        String content = Stix.indicator(indicator, CREATED, CREATED, "");
        assertThat(upload(tokenFor(a, "ANALYST"), "?tlp=TLP:RED&recipient=" + b, Stix.bundle(content))
                        .statusCode())
                .isEqualTo(200);
        assertThat(status("/api/v1/objects/" + indicator, authB)).isEqualTo(200);
        // the recipient is shown the handling it received the object under; other organisations' distribution is theirs
        JsonNode handling = call("GET", "/api/v1/objects/" + indicator + "/handling", authB, null, 200);
        assertThat(handling.get("holdings").get(0).get("tlp").asString()).isEqualTo("TLP:RED");
        assertThat(handling.get("holdings").get(0).get("own").asBoolean()).isFalse();
        assertThat(handling.get("holdings").get(0).has("distribution")).isFalse();
        call("GET", "/api/v1/objects/" + indicator + "/handling", tokenFor(c, "ANALYST"), null, 404);
        HttpResponse<String> reshare = upload(
                authB,
                "?tlp=TLP:CLEAR&distribution=sharing_groups&sharing_group="
                        + java.net.URLEncoder.encode(group.get("name").asString(), StandardCharsets.UTF_8),
                Stix.bundle(content));
        assertThat(reshare.statusCode()).isEqualTo(200);
        assertThat(holding(indicator, b)).isEqualTo("TLP:RED - ORGANISATION_ONLY");
        assertThat(status("/api/v1/objects/" + indicator, tokenFor(c, "ANALYST")))
                .isEqualTo(404);
    }

    @Test
    void thePrivateCompartmentCannotEnumerateOtherPrivateMembers() {
        String community = call("POST", "/api/v1/communities", admin, "{\"name\":\"" + unique("com") + "\"}", 201)
                .get("id")
                .asString();
        String gov = createOrg(unique("gov"), "GOVERNMENT").get("id").asString();
        String p = createOrg(unique("p"), "PRIVATE").get("id").asString();
        String secretName = unique("Acme Secret");
        String secret = createOrg(secretName, "PRIVATE").get("id").asString();
        mou(community, gov, p, secret);
        String pAdmin = tokenFor(p, "ORG_ADMIN");
        JsonNode mous = call("GET", "/api/v1/mous?community=" + community, pAdmin, null, 200);
        assertThat(mous.toString()).contains(gov).contains(p).doesNotContain(secret);
        assertThat(call("GET", "/api/v1/mous?community=" + community, admin, null, 200)
                        .toString())
                .contains(secret);
        // the same answer whether the named organisation exists or not
        call(
                "POST",
                "/api/v1/users",
                pAdmin,
                "{\"username\":\"" + unique("x") + "\",\"organization\":\"" + secretName + "\",\"role\":\"ANALYST\"}",
                403);
        call(
                "POST",
                "/api/v1/users",
                pAdmin,
                "{\"username\":\"" + unique("y") + "\",\"organization\":\"no such org\",\"role\":\"ANALYST\"}",
                403);
        String secretUser = unique("acme-an");
        call(
                "POST",
                "/api/v1/users",
                admin,
                "{\"username\":\"" + secretUser + "\",\"organization\":\"" + secret + "\",\"role\":\"ANALYST\"}",
                201);
        call("POST", "/api/v1/tokens", pAdmin, "{\"user\":\"" + secretUser + "\"}", 404);
        call("POST", "/api/v1/tokens", pAdmin, "{\"user\":\"nobody-" + UUID.randomUUID() + "\"}", 404);
    }

    @Test
    void anOrganisationAdminCannotTakeAPlatformAdminsTokens() {
        // an organisation admin of the platform's own organisation, next to the platform admin (security review)
        String platformOrg = directory.platformOrganization().id();
        String orgAdmin = tokenFor(platformOrg, "ORG_ADMIN");
        String platformAdmin = unique("padmin");
        call(
                "POST",
                "/api/v1/users",
                admin,
                "{\"username\":\"" + platformAdmin + "\",\"organization\":\"" + platformOrg
                        + "\",\"role\":\"PLATFORM_ADMIN\"}",
                201);
        String analyst = unique("an");
        call("POST", "/api/v1/users", orgAdmin, "{\"username\":\"" + analyst + "\",\"role\":\"ANALYST\"}", 201);
        JsonNode issued = call("POST", "/api/v1/tokens", admin, "{\"user\":\"" + platformAdmin + "\"}", 201);
        String tokenId = issued.get("token_id").asString();

        // answered as for a user that does not exist
        call("POST", "/api/v1/tokens", orgAdmin, "{\"user\":\"" + platformAdmin + "\"}", 404);
        assertThat(call("GET", "/api/v1/tokens", orgAdmin, null, 200).toString())
                .doesNotContain(platformAdmin)
                .doesNotContain(tokenId);
        call("DELETE", "/api/v1/tokens/" + tokenId, orgAdmin, null, 404);
        // the platform admin's token still works; the organisation admin still manages its analyst
        call("GET", "/api/v1/tokens", Http.bearer(issued.get("token").asString()), null, 200);
        call("POST", "/api/v1/tokens", orgAdmin, "{\"user\":\"" + analyst + "\"}", 201);
        assertThat(call("GET", "/api/v1/tokens", orgAdmin, null, 200).toString())
                .contains(analyst);
    }

    @Test
    void platformMetricsAreForPlatformAdminsOnly() {
        String org = createOrg(unique("m"), "GOVERNMENT").get("id").asString();
        assertThat(http.get("/actuator/prometheus", tokenFor(org, "ORG_ADMIN"), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = http.get("/actuator/prometheus", admin, null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
        assertThat(http.get("/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void confidentialGroupNamesAreNotRevealedByUniqueness() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String b = createOrg(unique("b"), "GOVERNMENT").get("id").asString();
        String name = unique("Op Nightfall");
        call(
                "POST",
                "/api/v1/sharing-groups",
                tokenFor(a, "ANALYST"),
                "{\"name\":\"" + name + "\",\"confidential\":true}",
                201);
        call("POST", "/api/v1/sharing-groups", tokenFor(b, "ANALYST"), "{\"name\":\"" + name + "\"}", 201);
        call("POST", "/api/v1/sharing-groups", tokenFor(a, "ANALYST"), "{\"name\":\"" + name + "\"}", 400);
    }

    @Test
    void euciSpellingsAndPlacesAreRefused() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String auth = tokenFor(a, "ANALYST");
        for (String extra : new String[] {
            "\"labels\":[\"EU RESTRICTED\"]",
            "\"labels\":[\"R\u2011UE/EU\u2011R\"]",
            "\"labels\":[\"RESTREINT\u00a0UE\"]",
            "\"x_misp_tags\":[\"euci:S-UE/EU-S\"]"
        }) {
            HttpResponse<String> response = upload(
                    auth,
                    "?partial=true",
                    Stix.bundle(Stix.indicator(Stix.newId("indicator"), CREATED, CREATED, extra)));
            assertThat(response.body()).as(extra).contains("euci-refused");
        }
        String euci = "marking-definition--" + UUID.randomUUID();
        String indicator = Stix.newId("indicator");
        HttpResponse<String> granular = upload(
                auth,
                "?partial=true",
                Stix.bundle(
                        Stix.indicator(
                                indicator,
                                CREATED,
                                CREATED,
                                "\"granular_markings\":[{\"marking_ref\":\"" + euci + "\",\"selectors\":[\"name\"]}]"),
                        "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"" + euci
                                + "\",\"created\":\"2025-01-01T00:00:00.000Z\",\"extensions\":{\"extension-definition--"
                                + UUID.randomUUID()
                                + "\":{\"extension_type\":\"property-extension\",\"level\":\"S-UE/EU-S\"}}}"));
        assertThat(granular.statusCode()).isEqualTo(400);
        assertThat(granular.body()).contains("EUCI");
        assertThat(status("/api/v1/objects/" + indicator, auth)).isEqualTo(404);
    }

    @Test
    void requestsWithoutCredentialsGet401() {
        assertThat(http.get("/api/v1/mous", null, null).statusCode()).isEqualTo(401);
        assertThat(http.get("/taxii2/", null, TAXII).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = http.get("/api/v1/objects", Http.bearer("not-a-real-token-at-all"), null);
        assertThat(refused.statusCode()).isEqualTo(401);
        // a token that was sent but refused is said so; none sent, how to send one
        assertThat(refused.body()).contains("not valid (unknown, revoked or expired)");
        assertThat(http.get("/api/v1/mous", null, null).body())
                .contains("Send an API token")
                .doesNotContain("not valid");
        assertThat(http.get("/taxii2/", Http.bearer("nope-nope-nope-nope"), TAXII)
                        .body())
                .contains("not valid");
    }
}
