package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jcu.test.Http;
import org.jcu.test.Stix;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Helpers for the sharing end-to-end contracts: a platform admin, organisations, users, tokens, uploads. */
abstract class SharingFixture extends StoreFixture {

    static final String CREATED = "2025-03-01T00:00:00.000Z";
    static final String TAXII = "application/taxii+json;version=2.1";
    static final String COLLECTION = "/taxii2/jcu/collections/365fed99-08fa-4fdc-a1b3-fb247eb41d01/";

    @LocalServerPort
    int port;

    @Autowired
    Communities communities;

    @Autowired
    org.jcu.audit.AuditLog auditLog;

    Http http;
    String admin;

    @BeforeEach
    void setUp() {
        resetStore();
        http = new Http(port);
        admin = Http.bearer(newUser(directory.platformOrganization(), UserRole.PLATFORM_ADMIN)
                .token());
    }

    // -- helpers -------------------------------------------------------------------------------------------------

    JsonNode call(String method, String path, String auth, String body, int status) {
        HttpResponse<String> response = http.json(method, path, auth, body);
        assertThat(response.statusCode())
                .as(method + " " + path + " -> " + response.body())
                .isEqualTo(status);
        return response.body().isEmpty() ? null : Stix.parse(response.body());
    }

    String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode createOrg(String name, String compartment) {
        return call(
                "POST",
                "/api/v1/organizations",
                admin,
                "{\"name\":\"" + name + "\",\"country\":\"FR\",\"compartment\":\"" + compartment
                        + "\",\"actor_roles\":[\"CSIRT\"],\"sector\":\"ENERGY\"}",
                201);
    }

    String tokenFor(String orgId, String role) {
        JsonNode user = call(
                "POST",
                "/api/v1/users",
                admin,
                "{\"username\":\"" + unique("u") + "\",\"organization\":\"" + orgId + "\",\"role\":\"" + role + "\"}",
                201);
        return Http.bearer(call(
                        "POST",
                        "/api/v1/tokens",
                        admin,
                        "{\"user\":\"" + user.get("user_id").asString() + "\",\"label\":\"t\"}",
                        201)
                .get("token")
                .asString());
    }

    HttpResponse<String> upload(String auth, String query, String bundle) {
        return http.post("/api/v1/bundles" + query, auth, "application/json", bundle.getBytes(StandardCharsets.UTF_8));
    }

    String holding(String stixId, String orgId) {
        return jdbc.queryForObject(
                "SELECT h.tlp || ' ' || COALESCE(h.pap, '-') || ' ' || h.distribution FROM holding h"
                        + " JOIN object_version v ON v.seq = h.version_seq WHERE v.stix_id = ? AND h.org_id = ?",
                String.class,
                stixId,
                orgId);
    }

    /** A new community (by the platform admin) whose MoU names {@code parties}; its id. */
    String communityOf(String... parties) {
        String community = call("POST", "/api/v1/communities", admin, "{\"name\":\"" + unique("com") + "\"}", 201)
                .get("id")
                .asString();
        mou(community, parties);
        return community;
    }

    void mou(String communityId, String... parties) {
        communities.recordMou(
                communityId,
                unique("mou"),
                "test",
                LocalDate.of(2026, 1, 1),
                Instant.now().minusSeconds(3600),
                null,
                List.of(parties));
    }

    int status(String path, String auth) {
        return http.get(path, auth, null).statusCode();
    }
}
