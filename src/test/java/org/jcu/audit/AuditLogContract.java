package org.jcu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jcu.audit.AuditAnchor.Head;
import org.jcu.audit.AuditVerification.Problem;
import org.jcu.sharing.Directory;
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
 * The audit log end to end on a real database: REST and TAXII reads and writes are recorded with who, organisation,
 * action, count, ids and source IP; appends are asynchronous and batched; and rows edited, deleted (in the middle
 * and at the end) or rewritten directly with SQL, and an edited or missing anchor, are each caught by the verifier,
 * which names the first broken entry.
 */
abstract class AuditLogContract extends StoreFixture {

    private static final String COLLECTION = "/taxii2/jcu/collections/365fed99-08fa-4fdc-a1b3-fb247eb41d01";
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String TS = "2024-01-01T00:00:00.000Z";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditStore store;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Autowired
    org.jcu.platform.JcuProperties jcuProperties;

    /** Holds the audit appenders' lock on another connection until closed (dialect-specific). */
    abstract AutoCloseable holdAppendLock() throws Exception;

    @BeforeEach
    void startWithAnEmptyLog() throws IOException {
        audit.flush();
        jdbc.update("DELETE FROM audit_log");
        Files.deleteIfExists(audit.anchor().file());
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void readsAndWritesOverRestAndTaxiiAreLoggedWithWhoOrganisationActionCountIdsAndSourceIp() {
        resetStore();
        Directory.Organization org = newOrganization("audit");
        TestUser analyst = newUser(org, UserRole.ANALYST);
        String a = Stix.newId("indicator");
        String b = Stix.newId("indicator");
        String relationship = Stix.newId("relationship");
        String bundle = Stix.bundle(Stix.indicator(a, TS, TS, ""), Stix.indicator(b, TS, TS, ""), """
                {"type":"relationship","spec_version":"2.1","id":"%s","created":"%s","modified":"%s",\
                "relationship_type":"related-to","source_ref":"%s","target_ref":"%s"}""".formatted(
                        relationship, TS, TS, a, b));
        Http http = new Http(port);
        String bearer = Http.bearer(analyst.token());

        assertThat(http.post("/api/v1/bundles", bearer, "application/json", bundle.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(200);
        assertOk(http.get("/api/v1/objects?type=indicator", bearer, null));
        assertOk(http.get("/api/v1/objects/" + a, bearer, null));
        assertThat(http.get("/api/v1/objects/" + Stix.newId("indicator"), bearer, null)
                        .statusCode())
                .isEqualTo(404);
        assertOk(http.get("/api/v1/objects/" + a + "/versions", bearer, null));
        assertOk(http.get("/api/v1/objects/" + b + "/references", bearer, null));
        assertOk(http.get("/api/v1/stats", bearer, null));
        assertOk(http.get(COLLECTION + "/objects/?match[type]=indicator", bearer, TAXII));
        assertOk(http.get(COLLECTION + "/objects/" + a + "/", bearer, TAXII));
        assertOk(http.get(COLLECTION + "/objects/" + a + "/versions/", bearer, TAXII));
        assertOk(http.get(COLLECTION + "/manifest/", bearer, TAXII));
        audit.flush();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM audit_log WHERE user_id = ? ORDER BY seq",
                analyst.principal().userId());
        assertThat(rows)
                .extracting(row -> row.get("audit_action") + " " + ((Number) row.get("object_count")).longValue())
                .containsExactly(
                        "IMPORT 3",
                        "OBJECTS_READ 2",
                        "OBJECT_READ 1",
                        "VERSIONS_READ 1",
                        "REFERENCES_READ 1",
                        "STATS_READ 0",
                        "TAXII_OBJECTS_READ 2",
                        "TAXII_OBJECT_READ 1",
                        "TAXII_VERSIONS_READ 1",
                        "TAXII_MANIFEST_READ 3");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("username")).isEqualTo(analyst.principal().username());
            assertThat(row.get("org_id")).isEqualTo(org.id());
            assertThat(row.get("source_ip")).isEqualTo("127.0.0.1");
            assertThat((String) row.get("logged_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat((String) row.get("mac")).matches("[0-9a-f]{64}");
        });
        assertThat(ids(rows.get(1))).containsExactly(a, b);
        assertThat(ids(rows.get(2))).containsExactly(a);
        assertThat(ids(rows.get(4))).containsExactly(relationship);
        assertThat(ids(rows.get(5))).isEmpty();
        assertThat(ids(rows.get(9))).containsExactlyInAnyOrder(a, b, relationship);
        assertThat(rows.get(0).get("detail"))
                .asString()
                .startsWith("POST /api/v1/bundles")
                .contains("read=3 rejected=0");
        assertThat(rows.get(1).get("detail")).isEqualTo("GET /api/v1/objects?type=indicator");
        assertThat(rows.get(6).get("detail")).asString().startsWith("GET " + COLLECTION + "/objects/?match");

        AuditVerification verification = verifier.verify();
        assertThat(verification.intact()).as(verification.message()).isTrue();
        assertThat(verification.entries()).isEqualTo(rows.size());
    }

    @Test
    void idsAreDistinctAndCappedAtAHundredWhileTheCountIsKeptAndOfflineActorsHaveNoUserOrIp() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add("indicator--" + new UUID(0, i));
            ids.add("indicator--" + new UUID(0, i));
        }
        String org = UUID.randomUUID().toString();

        audit.record(AuditAction.EXPORT, AuditActor.cli(org), null, 500, ids, "to file x.json");
        audit.flush();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_log WHERE org_id = ?", org);
        assertThat(((Number) row.get("object_count")).longValue()).isEqualTo(500);
        assertThat(ids(row)).hasSize(AuditLog.MAX_IDS).doesNotHaveDuplicates().startsWith(ids.get(0), ids.get(2));
        assertThat(row.get("user_id")).isNull();
        assertThat(row.get("source_ip")).isNull();
        assertThat(row.get("username")).isEqualTo("cli");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void recordReturnsWithoutWaitingForTheDatabaseAndEntriesAreAppendedInBatches() throws Exception {
        String org = UUID.randomUUID().toString();
        long batchesBefore = audit.batchesWritten();

        try (AutoCloseable lock = holdAppendLock()) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 0; i < 1000; i++) {
                    audit.record(
                            AuditAction.OBJECT_READ, AuditActor.system(org), "192.0.2.1", 1, List.of("x--" + i), "");
                }
            });
            Thread.sleep(300);
            assertThat(rowsOf(org))
                    .as("nothing can be written while the database lock is held")
                    .isZero();
        }
        audit.flush();

        assertThat(rowsOf(org)).isEqualTo(1000);
        assertThat(audit.batchesWritten() - batchesBefore)
                .as("1,000 entries in batches of at most 500")
                .isBetween(2L, 3L);
        assertThat(verifier.verify().entries()).isEqualTo(1000);
    }

    @Test
    void anIntactLogVerifies() {
        seed(10);

        AuditVerification verification = verifier.verify();

        assertThat(verification.intact()).as(verification.message()).isTrue();
        assertThat(verification.entries()).isEqualTo(10);
        assertThat(verification.brokenAt()).isZero();
        assertThat(verification.problem()).isNull();
        assertThat(verification.message()).contains("intact: 10 entries").contains("#10 matches the anchor");
    }

    @Test
    void editingAnyFieldOfAMiddleEntryIsCaughtAtThatEntry() {
        seed(10);
        Map<String, Object> original = jdbc.queryForMap("SELECT * FROM audit_log WHERE seq = 5");
        Map<String, Object> edits = Map.of(
                "logged_at", "2020-01-01T00:00:00.000000Z",
                "user_id", UUID.randomUUID().toString(),
                "username", "mallory",
                "org_id", UUID.randomUUID().toString(),
                "audit_action", "EXPORT",
                "object_count", 0,
                "object_ids", "[\"indicator--00000000-0000-4000-8000-000000000000\"]",
                "source_ip", "203.0.113.66",
                "detail", "nothing to see",
                "mac", "00".repeat(32));
        for (Map.Entry<String, Object> edit : edits.entrySet()) {
            assertThat(String.valueOf(original.get(edit.getKey())))
                    .as("the edit changes " + edit.getKey())
                    .isNotEqualTo(String.valueOf(edit.getValue()));
            jdbc.update("UPDATE audit_log SET " + edit.getKey() + " = ? WHERE seq = 5", edit.getValue());

            assertBroken(verifier.verify(), Problem.MAC_MISMATCH, 5, 4, edit.getKey());

            jdbc.update("UPDATE audit_log SET " + edit.getKey() + " = ? WHERE seq = 5", original.get(edit.getKey()));
            assertThat(verifier.verify().intact())
                    .as("restored " + edit.getKey())
                    .isTrue();
        }
        jdbc.update("UPDATE audit_log SET user_id = NULL WHERE seq = 5");
        assertBroken(verifier.verify(), Problem.MAC_MISMATCH, 5, 4, "user_id = NULL");
    }

    @Test
    void editingTheLinkOfAMiddleEntryIsCaughtAtThatEntry() {
        seed(10);
        jdbc.update("UPDATE audit_log SET prev_mac = ? WHERE seq = 5", "00".repeat(32));

        assertBroken(verifier.verify(), Problem.PREV_MAC_MISMATCH, 5, 4, "prev_mac");
    }

    @Test
    void deletingAMiddleEntryIsCaughtAsTheMissingNumber() {
        seed(10);
        jdbc.update("DELETE FROM audit_log WHERE seq = 5");

        AuditVerification verification = verifier.verify();

        assertBroken(verification, Problem.SEQUENCE_BROKEN, 5, 4, "delete");
        assertThat(verification.message()).contains("entry #5 is missing");
    }

    @Test
    void deletingAMiddleEntryAndRenumberingTheRestIsCaughtAtTheRenumberedEntry() {
        seed(10);
        jdbc.update("DELETE FROM audit_log WHERE seq = 5");
        jdbc.update("UPDATE audit_log SET seq = -seq WHERE seq > 5");
        jdbc.update("UPDATE audit_log SET seq = -seq - 1 WHERE seq < 0");

        assertBroken(verifier.verify(), Problem.PREV_MAC_MISMATCH, 5, 4, "renumbered");
    }

    @Test
    void insertingAnEntryBeforeTheFirstIsCaught() {
        seed(3);
        jdbc.update("""
                INSERT INTO audit_log (seq, logged_at, user_id, username, org_id, audit_action, object_count,
                  object_ids, source_ip, detail, prev_mac, mac)
                SELECT 0, logged_at, user_id, username, org_id, audit_action, object_count, object_ids, source_ip,
                  detail, prev_mac, mac FROM audit_log WHERE seq = 1""");

        assertBroken(verifier.verify(), Problem.SEQUENCE_BROKEN, 0, 0, "seq 0");
    }

    @Test
    void deletingTheNewestEntriesIsCaughtByTheAnchor() {
        seed(10);
        jdbc.update("DELETE FROM audit_log WHERE seq > 7");

        AuditVerification lastThree = verifier.verify();
        assertBroken(lastThree, Problem.HEAD_BEHIND_ANCHOR, 8, 7, "newest deleted");
        assertThat(lastThree.message()).contains("the log ends at #7").contains("names #10");

        jdbc.update("DELETE FROM audit_log WHERE seq = 7");
        assertBroken(verifier.verify(), Problem.HEAD_BEHIND_ANCHOR, 7, 6, "one more deleted");

        jdbc.update("DELETE FROM audit_log");
        assertBroken(verifier.verify(), Problem.HEAD_BEHIND_ANCHOR, 1, 0, "all deleted");
    }

    @Test
    void entriesAppendedAfterTheNewestWereDeletedKeepTheGapVisible() {
        seed(10);
        jdbc.update("DELETE FROM audit_log WHERE seq > 7");

        seed(2);

        assertThat(jdbc.queryForList("SELECT seq FROM audit_log ORDER BY seq", Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 11L, 12L);
        AuditVerification verification = verifier.verify();
        assertBroken(verification, Problem.SEQUENCE_BROKEN, 8, 7, "gap after truncation");
        assertThat(verification.message()).contains("entries #8 to #10 are missing");
    }

    @Test
    void rewritingTheWholeLogUnderAnotherKeyIsCaughtAtTheFirstEntryEvenWithAForgedAnchor() throws IOException {
        seed(10);
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        AuditChain forger = new AuditChain(otherKey);
        String prev = AuditChain.GENESIS;
        Head head = null;
        for (AuditEntry entry : store.after(0, 100)) {
            AuditEntry forged = new AuditEntry(
                    entry.seq(),
                    entry.loggedAt(),
                    entry.userId(),
                    entry.seq() == 3 ? "someone-else" : entry.username(),
                    entry.orgId(),
                    entry.action(),
                    entry.objectCount(),
                    entry.objectIds(),
                    entry.sourceIp(),
                    entry.detail(),
                    prev,
                    "");
            prev = forger.mac(prev, forged);
            jdbc.update(
                    "UPDATE audit_log SET username = ?, prev_mac = ?, mac = ? WHERE seq = ?",
                    forged.username(),
                    forged.prevMac(),
                    prev,
                    entry.seq());
            head = new Head(entry.seq(), prev, entry.loggedAt());
        }
        Files.delete(audit.anchor().file());
        new AuditAnchor(audit.anchor().file(), otherKey, store.storeId()).advance(head, head.loggedAt());

        assertBroken(verifier.verify(), Problem.MAC_MISMATCH, 1, 0, "rewritten chain");
    }

    @Test
    void theAnchorOfAnotherDatabaseStopsTheStartAndVerifyReportsIt(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        seed(3);
        // two stores sharing audit files: the other database's log is at #14, ours at #3
        java.nio.file.Path file = dir.resolve("audit.anchor");
        new AuditAnchor(file, audit.key().anchorKey(), "ff".repeat(16))
                .advance(new Head(14, "ab".repeat(32), TS), "2025-01-01T00:00:00.000000Z");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> auditLog(file, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to another database")
                .hasMessageContaining(store.storeId());
        AuditLog verifying = auditLog(file, true);
        try {
            AuditVerification found = new AuditVerifier(verifying, store).verify();
            assertBroken(found, Problem.ANCHOR_INVALID, 3, 3, "another database's anchor");
            assertThat(found.message()).contains("belongs to another database");
        } finally {
            verifying.close();
        }
    }

    @Test
    void anAlteredDatabaseIdentityStopsTheStartAndVerifyReportsIt() throws Exception {
        seed(3);
        String identity = store.storeId();
        java.nio.file.Path file = audit.anchor().file();
        try {
            for (String altered : List.of("ee".repeat(16), "not hex")) {
                jdbc.update("UPDATE store_identity SET store_id = ? WHERE id = 1", altered);

                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> auditLog(file, false)))
                        .as(altered)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("store_identity");
                AuditLog verifying = auditLog(file, true);
                try {
                    AuditVerification found = new AuditVerifier(verifying, store).verify();
                    assertBroken(found, Problem.ANCHOR_INVALID, 3, 3, "identity " + altered);
                } finally {
                    verifying.close();
                }
            }
        } finally {
            jdbc.update("UPDATE store_identity SET store_id = ? WHERE id = 1", identity);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** Another AuditLog on this database with {@code anchorFile} (the application's key file). */
    private AuditLog auditLog(java.nio.file.Path anchorFile, boolean verifyOnly) {
        return new AuditLog(
                store,
                transactionManager,
                java.time.Clock.systemUTC(),
                new AuditProperties(null, anchorFile, 500, Duration.ofMillis(200), verifyOnly),
                jcuProperties);
    }

    @Test
    void anEditedForgedOrMissingAnchorIsCaught() throws IOException {
        seed(10);
        String anchor = Files.readString(audit.anchor().file());

        Files.writeString(audit.anchor().file(), anchor.replace("seq=10", "seq=9"));
        AuditVerification edited = verifier.verify();
        assertBroken(edited, Problem.ANCHOR_INVALID, 10, 10, "edited anchor");
        assertThat(edited.message()).contains("does not match its HMAC");

        Files.delete(audit.anchor().file());
        byte[] otherKey = new byte[32];
        new AuditAnchor(audit.anchor().file(), otherKey, store.storeId())
                .advance(new Head(8, store.macAt(8), "2025-01-01T00:00:00.000000Z"), "2025-01-01T00:00:00.000000Z");
        assertBroken(verifier.verify(), Problem.ANCHOR_INVALID, 10, 10, "anchor under another key");

        Files.delete(audit.anchor().file());
        assertBroken(verifier.verify(), Problem.ANCHOR_MISSING, 10, 10, "no anchor");

        Files.writeString(audit.anchor().file(), anchor);
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** Records {@code count} entries of varied shape and waits until they are written. */
    private void seed(int count) {
        for (int i = 0; i < count; i++) {
            AuditActor actor = i % 3 == 0
                    ? AuditActor.cli(UUID.randomUUID().toString())
                    : new AuditActor(
                            UUID.randomUUID().toString(),
                            "user-" + i,
                            UUID.randomUUID().toString());
            audit.record(
                    AuditAction.values()[i % AuditAction.values().length],
                    actor,
                    i % 3 == 0 ? null : "198.51.100." + i,
                    i,
                    i % 2 == 0 ? List.of() : List.of(Stix.newId("indicator"), Stix.newId("malware")),
                    "entry " + i);
        }
        audit.flush();
    }

    private long rowsOf(String orgId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE org_id = ?", Long.class, orgId);
        return count == null ? 0 : count;
    }

    private static List<String> ids(Map<String, Object> row) {
        List<String> out = new ArrayList<>();
        for (JsonNode id : Stix.parse((String) row.get("object_ids"))) {
            out.add(id.asString());
        }
        return out;
    }

    private static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void assertBroken(
            AuditVerification verification, Problem problem, long brokenAt, long intactBefore, String what) {
        assertThat(verification.intact())
                .as(what + ": " + verification.message())
                .isFalse();
        assertThat(verification.problem())
                .as(what + ": " + verification.message())
                .isEqualTo(problem);
        assertThat(verification.brokenAt()).as(what).isEqualTo(brokenAt);
        assertThat(verification.entries()).as(what).isEqualTo(intactBefore);
        assertThat(verification.message()).contains("BROKEN at entry #" + brokenAt);
    }
}
