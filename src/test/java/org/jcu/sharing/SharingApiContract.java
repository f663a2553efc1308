package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.jcu.test.Http;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Directory administration over REST, and the write-time sharing rules of decision 0007 end to end: provenance,
 * TLP/PAP from markings (TLP 2.0 and 1.0 ids, custom definitions, forward references), EUCI refusal, containers,
 * organisation defaults, community and sharing-group distributions, MoU validity, and 401/403/404.
 */
abstract class SharingApiContract extends SharingFixture {

    // -- directory -------------------------------------------------------------------------------------------------

    @Test
    void directoryIsAdministeredOverRestWithRoles() {
        JsonNode org = createOrg(unique("CERT-FR"), "GOVERNMENT");
        assertThat(org.get("compartment").asString()).isEqualTo("GOVERNMENT");
        assertThat(org.get("actor_roles").get(0).asString()).isEqualTo("CSIRT");
        assertThat(org.get("defaults").get("tlp").asString()).isEqualTo("TLP:AMBER");
        String orgId = org.get("id").asString();

        call("POST", "/api/v1/organizations", admin, "{\"name\":\"x\",\"country\":\"XX\"}", 400);
        // directory writes are audited, refused ones too, with the outcome
        auditLog.flush();
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_log WHERE audit_action = 'DIRECTORY_WRITE' AND detail LIKE ?",
                        String.class,
                        "POST /api/v1/organizations%"))
                .anyMatch(d -> d.endsWith("-> 201"))
                .anyMatch(d -> d.endsWith("-> 400"));
        call("POST", "/api/v1/organizations", admin, "{\"name\":\"y\",\"sector\":\"BAKERIES\"}", 400);

        String orgAdmin = tokenFor(orgId, "ORG_ADMIN");
        String analyst = tokenFor(orgId, "ANALYST");
        JsonNode other = createOrg(unique("other"), "GOVERNMENT");
        // an org admin manages its own organisation only, and cannot mint platform admins
        call("POST", "/api/v1/users", orgAdmin, "{\"username\":\"" + unique("a") + "\",\"role\":\"ANALYST\"}", 201);
        call(
                "POST",
                "/api/v1/users",
                orgAdmin,
                "{\"username\":\"" + unique("b") + "\",\"organization\":\""
                        + other.get("id").asString() + "\",\"role\":\"ANALYST\"}",
                403);
        call(
                "POST",
                "/api/v1/users",
                orgAdmin,
                "{\"username\":\"" + unique("c") + "\",\"role\":\"PLATFORM_ADMIN\"}",
                403);
        call("POST", "/api/v1/users", analyst, "{\"username\":\"" + unique("d") + "\",\"role\":\"ANALYST\"}", 403);
        call("POST", "/api/v1/organizations", orgAdmin, "{\"name\":\"" + unique("e") + "\"}", 403);
        assertThat(call("GET", "/api/v1/users", orgAdmin, null, 200).size()).isEqualTo(3);

        // tokens: shown once, listed without the secret, revocable, expiring
        JsonNode issued = call("POST", "/api/v1/tokens", analyst, "{\"label\":\"laptop\"}", 201);
        String secret = issued.get("token").asString();
        assertThat(status("/api/v1/stats", Http.bearer(secret))).isEqualTo(200);
        JsonNode listed = call("GET", "/api/v1/tokens", analyst, null, 200);
        assertThat(listed.toString())
                .doesNotContain(secret)
                .contains(issued.get("token_id").asString());
        call("DELETE", "/api/v1/tokens/" + issued.get("token_id").asString(), analyst, null, 204);
        assertThat(status("/api/v1/stats", Http.bearer(secret))).isEqualTo(401);
        JsonNode expiring = call(
                "POST", "/api/v1/tokens", analyst, "{\"label\":\"soon\",\"expires_at\":\"2099-01-01T00:00:00Z\"}", 201);
        assertThat(status("/api/v1/stats", Http.bearer(expiring.get("token").asString())))
                .isEqualTo(200);
        jdbc.update(
                "UPDATE api_token SET expires_at = '2020-01-01T00:00:00.000000Z' WHERE token_id = ?",
                expiring.get("token_id").asString());
        assertThat(status("/api/v1/stats", Http.bearer(expiring.get("token").asString())))
                .isEqualTo(401);
        call("POST", "/api/v1/tokens", analyst, "{\"expires_at\":\"2001-01-01T00:00:00Z\"}", 400);
        // another organisation's token cannot be revoked: it does not exist for this caller
        JsonNode foreign =
                call("POST", "/api/v1/tokens", tokenFor(other.get("id").asString(), "ANALYST"), "{}", 201);
        call("DELETE", "/api/v1/tokens/" + foreign.get("token_id").asString(), orgAdmin, null, 404);
    }

    @Test
    void communitiesMousAndConfidentialSharingGroups() {
        JsonNode seeded = call("GET", "/api/v1/communities", admin, null, 200);
        assertThat(seeded.findValuesAsString("name"))
                .contains("CSIRTs Network", "EU-CyCLONe", "IPCR", "LEA", "Private partners");
        JsonNode community = call(
                "POST", "/api/v1/communities", admin, "{\"name\":\"" + unique("ISAC") + "\",\"kind\":\"other\"}", 201);
        String communityId = community.get("id").asString();
        call("POST", "/api/v1/communities/" + communityId + "/links", admin, "{\"community\":\"IPCR\"}", 200);
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String b = createOrg(unique("b"), "PRIVATE").get("id").asString();
        String c = createOrg(unique("c"), "PRIVATE").get("id").asString();
        JsonNode mou = call(
                "POST",
                "/api/v1/mous",
                admin,
                "{\"community\":\"" + communityId + "\",\"reference\":\"MoU-1\",\"signed_on\":\"2026-01-10\","
                        + "\"valid_from\":\"2026-01-10\",\"parties\":[\"" + a + "\",\"" + b + "\"]}",
                201);
        assertThat(mou.get("parties").size()).isEqualTo(2);
        call(
                "POST",
                "/api/v1/mous",
                admin,
                "{\"community\":\"" + communityId + "\",\"reference\":\"bad\",\"signed_on\":\"2026-01-10\","
                        + "\"valid_from\":\"2026-02-01\",\"valid_until\":\"2026-01-01\",\"parties\":[\"" + a + "\"]}",
                400);
        call("POST", "/api/v1/mous", tokenFor(a, "ORG_ADMIN"), "{}", 403);

        // a confidential group: members see it, not its member list; the owner sees the members; others get 404
        String ownerAuth = tokenFor(a, "ANALYST");
        JsonNode group = call(
                "POST",
                "/api/v1/sharing-groups",
                ownerAuth,
                "{\"name\":\"" + unique("sg") + "\",\"confidential\":true,\"members\":[\"" + b + "\"]}",
                201);
        String groupId = group.get("id").asString();
        assertThat(group.get("members").size()).isEqualTo(2);
        JsonNode seenByMember = call("GET", "/api/v1/sharing-groups/" + groupId, tokenFor(b, "ANALYST"), null, 200);
        assertThat(seenByMember.path("members").isArray()).isFalse();
        String outsider = tokenFor(c, "ANALYST");
        call("GET", "/api/v1/sharing-groups/" + groupId, outsider, null, 404);
        call(
                "POST",
                "/api/v1/sharing-groups/" + groupId + "/members",
                outsider,
                "{\"organization\":\"" + c + "\"}",
                404);
        call(
                "POST",
                "/api/v1/sharing-groups/" + groupId + "/members",
                ownerAuth,
                "{\"organization\":\"" + c + "\"}",
                200);
        call("GET", "/api/v1/sharing-groups/" + groupId, outsider, null, 200);
        call("POST", "/api/v1/sharing-groups", tokenFor(c, "READ_ONLY"), "{\"name\":\"" + unique("x") + "\"}", 403);

        // a PRIVATE user does not see other PRIVATE organisations in the directory
        JsonNode visibleToB = call("GET", "/api/v1/organizations", tokenFor(b, "ANALYST"), null, 200);
        assertThat(visibleToB.findValuesAsString("id")).contains(a, b).doesNotContain(c);
        call("GET", "/api/v1/organizations/" + c, tokenFor(b, "ANALYST"), null, 404);
    }

    // -- write-time rules ---------------------------------------------------------------------------------------

    @Test
    void provenanceComesFromAuthenticationNotCreatedByRef() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String b = createOrg(unique("b"), "GOVERNMENT").get("id").asString();
        String identityOfB = Stix.newId("identity");
        String id = Stix.newId("indicator");
        String authA = tokenFor(a, "ANALYST");
        String authB = tokenFor(b, "ANALYST");
        assertThat(upload(
                                authA,
                                "",
                                Stix.bundle(Stix.indicator(
                                        id, CREATED, CREATED, "\"created_by_ref\":\"" + identityOfB + "\"")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT owner_org FROM object_version WHERE stix_id = ?", String.class, id))
                .isEqualTo(a);
        // B, named by created_by_ref, neither sees it (A's default is organisation only) nor may version it; the
        // refusal does not even confirm that the id exists (the same answer as for any unavailable id)
        assertThat(status("/api/v1/objects/" + id, authB)).isEqualTo(404);
        HttpResponse<String> takeover =
                upload(authB, "", Stix.bundle(Stix.indicator(id, CREATED, "2025-04-01T00:00:00.000Z", "")));
        assertThat(takeover.statusCode()).isEqualTo(422);
        assertThat(takeover.body())
                .contains("id-unavailable")
                .doesNotContain("not-owner")
                .doesNotContain("owned");
        HttpResponse<String> conflict =
                upload(authB, "", Stix.bundle(Stix.indicator(id, CREATED, CREATED, "\"labels\":[\"x\"]")));
        assertThat(conflict.body()).contains("id-unavailable").doesNotContain("version-conflict");
        // once B can see it, it learns why: only the owner versions an object
        String community = communityOf(a, b);
        String shared = Stix.newId("indicator");
        assertThat(upload(
                                authA,
                                "?distribution=communities&community=" + community,
                                Stix.bundle(Stix.indicator(shared, CREATED, CREATED, "")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(upload(authB, "", Stix.bundle(Stix.indicator(shared, CREATED, "2025-04-01T00:00:00.000Z", "")))
                        .body())
                .contains("not-owner");
    }

    @Test
    void tlpAndPapComeFromMarkingsAndDefaults() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String auth = tokenFor(a, "ANALYST");
        String v2 = Stix.newId("indicator");
        String v1 = Stix.newId("indicator");
        String unmarked = Stix.newId("indicator");
        String custom = Stix.newId("indicator");
        String customRed = "marking-definition--" + UUID.randomUUID();
        String pap = "marking-definition--" + UUID.randomUUID();
        String bundle = Stix.bundle(
                Stix.indicator(
                        v2, CREATED, CREATED, "\"object_marking_refs\":[\"" + Tlp.AMBER_STRICT.markingId() + "\"]"),
                Stix.indicator(
                        v1,
                        CREATED,
                        CREATED,
                        "\"object_marking_refs\":[\"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9\"]"),
                Stix.indicator(unmarked, CREATED, CREATED, ""),
                // refers to definitions that only come later in the bundle
                Stix.indicator(
                        custom, CREATED, CREATED, "\"object_marking_refs\":[\"" + customRed + "\",\"" + pap + "\"]"),
                "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"" + customRed
                        + "\",\"created\":\"2025-01-01T00:00:00.000Z\",\"name\":\"tlp:red\","
                        + "\"definition_type\":\"statement\",\"definition\":{\"statement\":\"TLP:RED\"}}",
                "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"" + pap
                        + "\",\"created\":\"2025-01-01T00:00:00.000Z\",\"name\":\"PAP:RED\","
                        + "\"definition_type\":\"statement\",\"definition\":{\"statement\":\"PAP:RED\"}}");
        HttpResponse<String> response = upload(auth, "?tlp=TLP:GREEN&pap=PAP:AMBER", bundle);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(holding(v2, a)).isEqualTo("TLP:AMBER+STRICT PAP:AMBER ORGANISATION_ONLY");
        assertThat(holding(v1, a)).isEqualTo("TLP:CLEAR PAP:AMBER ORGANISATION_ONLY");
        assertThat(holding(unmarked, a)).isEqualTo("TLP:GREEN PAP:AMBER ORGANISATION_ONLY");
        assertThat(holding(custom, a)).isEqualTo("TLP:RED PAP:RED ORGANISATION_ONLY");
        // the stored object is unchanged: markings live on the holding
        assertThat(call("GET", "/api/v1/objects/" + unmarked, auth, null, 200).has("object_marking_refs"))
                .isFalse();

        // organisation defaults apply when the import names nothing
        JsonNode community = call("POST", "/api/v1/communities", admin, "{\"name\":\"" + unique("com") + "\"}", 201);
        mou(community.get("id").asString(), a);
        call(
                "PUT",
                "/api/v1/organizations/" + a + "/defaults",
                tokenFor(a, "ORG_ADMIN"),
                "{\"tlp\":\"green\",\"pap\":\"PAP:GREEN\",\"distribution\":\"communities\",\"communities\":[\""
                        + community.get("name").asString() + "\"]}",
                200);
        call("PUT", "/api/v1/organizations/" + a + "/defaults", auth, "{\"tlp\":\"red\"}", 403);
        String later = Stix.newId("indicator");
        assertThat(upload(auth, "", Stix.bundle(Stix.indicator(later, CREATED, CREATED, "")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(holding(later, a)).isEqualTo("TLP:GREEN PAP:GREEN COMMUNITIES");
    }

    @Test
    void euciIsRefusedWhole() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String auth = tokenFor(a, "ANALYST");
        String good = Stix.newId("indicator");
        HttpResponse<String> labelled = upload(
                auth,
                "",
                Stix.bundle(
                        Stix.indicator(good, CREATED, CREATED, ""),
                        Stix.indicator(Stix.newId("indicator"), CREATED, CREATED, "\"labels\":[\"euci:C-UE/EU-C\"]")));
        assertThat(labelled.statusCode()).isEqualTo(422);
        assertThat(labelled.body()).contains("euci-refused").contains("/labels");
        String euci = "marking-definition--" + UUID.randomUUID();
        HttpResponse<String> marked = upload(
                auth,
                "?partial=true",
                Stix.bundle(
                        Stix.indicator(good, CREATED, CREATED, "\"object_marking_refs\":[\"" + euci + "\"]"),
                        "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"" + euci
                                + "\",\"created\":\"2025-01-01T00:00:00.000Z\",\"definition_type\":\"statement\","
                                + "\"definition\":{\"statement\":\"RESTREINT UE/EU RESTRICTED\"}}"));
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(400);
        assertThat(marked.body()).contains("EUCI");
        assertThat(versionRows()).isZero();
    }

    @Test
    void containerMarkingsApplyToMembersSubmittedWithThemOnly() {
        String a = createOrg(unique("a"), "GOVERNMENT").get("id").asString();
        String auth = tokenFor(a, "ANALYST");
        String sharedAlone = Stix.newId("indicator");
        String member = Stix.newId("indicator");
        assertThat(upload(auth, "?tlp=TLP:CLEAR", Stix.bundle(Stix.indicator(sharedAlone, CREATED, CREATED, "")))
                        .statusCode())
                .isEqualTo(200);
        String report = "{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"" + Stix.newId("report")
                + "\",\"created\":\"" + CREATED + "\",\"modified\":\"" + CREATED
                + "\",\"name\":\"r\",\"published\":\"" + CREATED + "\",\"object_refs\":[\"" + member + "\",\""
                + sharedAlone + "\"],\"object_marking_refs\":[\"" + Tlp.RED.markingId() + "\"]}";
        assertThat(upload(
                                auth,
                                "?tlp=TLP:GREEN",
                                Stix.bundle(
                                        Stix.indicator(member, CREATED, CREATED, ""),
                                        report,
                                        Stix.indicator(sharedAlone, CREATED, CREATED, "")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(holding(member, a)).startsWith("TLP:RED ");
        assertThat(holding(sharedAlone, a)).startsWith("TLP:CLEAR ");
    }

    // -- distribution end to end ------------------------------------------------------------------------------

    @Test
    void communityDistributionFollowsMouValidityAndCompartments() {
        String community = call("POST", "/api/v1/communities", admin, "{\"name\":\"" + unique("com") + "\"}", 201)
                .get("id")
                .asString();
        String gov = createOrg(unique("gov"), "GOVERNMENT").get("id").asString();
        String gov2 = createOrg(unique("gov2"), "GOVERNMENT").get("id").asString();
        String priv = createOrg(unique("priv"), "PRIVATE").get("id").asString();
        String priv2 = createOrg(unique("priv2"), "PRIVATE").get("id").asString();
        String outsider = createOrg(unique("out"), "GOVERNMENT").get("id").asString();
        mou(community, gov, gov2, priv, priv2);
        String fromGov = Stix.newId("indicator");
        String fromPriv = Stix.newId("indicator");
        // a community the submitter is not a member of is refused
        HttpResponse<String> refused = upload(
                tokenFor(outsider, "ANALYST"),
                "?distribution=communities&community=" + community,
                Stix.bundle(Stix.indicator(Stix.newId("indicator"), CREATED, CREATED, "")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("no valid MoU membership");
        assertThat(upload(
                                tokenFor(gov, "ANALYST"),
                                "?distribution=communities&community=" + community + "&tlp=GREEN",
                                Stix.bundle(Stix.indicator(fromGov, CREATED, CREATED, "")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(upload(
                                tokenFor(priv, "ANALYST"),
                                "?distribution=communities&community=" + community + "&tlp=GREEN",
                                Stix.bundle(Stix.indicator(fromPriv, CREATED, CREATED, "")))
                        .statusCode())
                .isEqualTo(200);
        String readGov2 = tokenFor(gov2, "READ_ONLY");
        String readPriv2 = tokenFor(priv2, "ANALYST");
        String readOutsider = tokenFor(outsider, "PLATFORM_ADMIN");
        assertThat(status("/api/v1/objects/" + fromGov, readGov2)).isEqualTo(200);
        assertThat(status("/api/v1/objects/" + fromPriv, readGov2)).isEqualTo(200);
        assertThat(status("/api/v1/objects/" + fromGov, readPriv2)).isEqualTo(200);
        // PRIVATE never sees another PRIVATE member's contribution through a community
        assertThat(status("/api/v1/objects/" + fromPriv, readPriv2)).isEqualTo(404);
        // not a member: 404 (never 403), also for a platform administrator, and on TAXII
        assertThat(status("/api/v1/objects/" + fromGov, readOutsider)).isEqualTo(404);
        assertThat(http.get(COLLECTION + "objects/" + fromGov + "/", readOutsider, TAXII)
                        .statusCode())
                .isEqualTo(404);
        // the MoU ends: the membership grants nothing any more
        for (Communities.Mou m : communities.mous(community)) {
            communities.terminateMou(m.id());
        }
        assertThat(status("/api/v1/objects/" + fromGov, readGov2)).isEqualTo(404);
        assertThat(status("/api/v1/objects/" + fromGov, tokenFor(gov, "ANALYST")))
                .isEqualTo(200);
        // no credentials: 401; a read-only user may not write: 403
        assertThat(status("/api/v1/objects/" + fromGov, null)).isEqualTo(401);
        assertThat(upload(readGov2, "", Stix.bundle(Stix.indicator(Stix.newId("indicator"), CREATED, CREATED, "")))
                        .statusCode())
                .isEqualTo(403);
    }
}
