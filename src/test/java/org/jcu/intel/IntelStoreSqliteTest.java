package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jcu.sharing.Directory;
import org.jcu.stix.StixObjectReader;
import org.jcu.stix.VersionIdHash;
import org.jcu.test.Corpus;
import org.jcu.test.SqliteStore;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link IntelStoreContract} on embedded SQLite, and the SQLite settings of decisions 0018 and 0019. */
@SqliteStore
class IntelStoreSqliteTest extends IntelStoreContract {

    @Autowired
    DataSource dataSource;

    @Autowired
    org.jcu.platform.JcuProperties properties;

    @Test
    void aLargeImportRunsWithABigCacheAndNoCheckpointThenEveryPooledConnectionHasThePoolSettingsBack()
            throws Exception {
        int poolCache = poolCacheSize();
        List<int[]> during = new ArrayList<>();
        ImportReport report;
        try (StixObjectReader reader = StixObjectReader.of(
                Files.newInputStream(Corpus.path("mitre-attack-stix21/ics-attack-18.1.json")),
                StixObjectReader.Format.JSON,
                "ics")) {
            report = importWatchingSettings(reader, during);
        }
        assertThat(report.committed()).isTrue();
        assertThat(report.imported()).isGreaterThan(ImportService.STATISTICS_THRESHOLD);
        assertLargeImportSettings(during, poolCache);
        assertEveryPooledConnectionHas(poolCache);

        // the background checkpoint copies the import's pages into the database file: eventually none is left over
        long deadline = System.nanoTime() + 30_000_000_000L;
        int[] result;
        do {
            Thread.sleep(50);
            result = checkpoint();
        } while (result[1] != result[2] && System.nanoTime() < deadline);
        assertThat(result[2])
                .as("frames checkpointed of %s in the WAL", result[1])
                .isEqualTo(result[1]);
    }

    @Test
    void aLargeImportThatIsRolledBackAlsoGivesThePoolSettingsBack() throws Exception {
        int poolCache = poolCacheSize();
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < ImportService.STATISTICS_THRESHOLD + 100; i++) {
            objects.add(indicator(Stix.newId("indicator"), "2024-01-01T00:00:00.000Z"));
        }
        // the last object is invalid: without partial mode the whole input is rolled back
        objects.add(
                Stix.indicator(Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2023-01-01T00:00:00.000Z", ""));
        List<int[]> during = new ArrayList<>();
        ImportReport report;
        try (StixObjectReader reader = StixObjectReader.of(
                new java.io.ByteArrayInputStream(
                        Stix.bundle(objects.toArray(String[]::new)).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                StixObjectReader.Format.JSON,
                "rolled-back")) {
            report = importWatchingSettings(reader, during);
        }
        assertThat(report.committed()).isFalse();
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(versionRows()).isZero();
        assertLargeImportSettings(during, poolCache);
        assertEveryPooledConnectionHas(poolCache);
    }

    /**
     * Imports, recording after each batch, from inside the import's transaction (the progress callback runs on its
     * thread), the objects stored so far, {@code cache_size} and {@code wal_autocheckpoint}.
     */
    private ImportReport importWatchingSettings(StixObjectReader reader, List<int[]> during) {
        return imports.importObjects(reader, new ImportOptions(org.id(), "test", false, defaults(org.id())), n -> {
            Integer cache = jdbc.queryForObject("PRAGMA cache_size", Integer.class);
            Integer autocheckpoint = jdbc.queryForObject("PRAGMA wal_autocheckpoint", Integer.class);
            during.add(new int[] {(int) n, cache, autocheckpoint});
        });
    }

    /** Below the threshold the pool's settings, from it on the large import's (decisions 0018, 0019). */
    private void assertLargeImportSettings(List<int[]> during, int poolCache) {
        assertThat(during)
                .anySatisfy(seen -> assertThat(seen[0]).isLessThan(ImportService.STATISTICS_THRESHOLD))
                .anySatisfy(seen -> assertThat(seen[0]).isGreaterThanOrEqualTo(ImportService.STATISTICS_THRESHOLD));
        for (int[] seen : during) {
            boolean large = seen[0] >= ImportService.STATISTICS_THRESHOLD;
            assertThat(seen[1])
                    .as("cache_size after %s objects", seen[0])
                    .isEqualTo(large ? -1024 * properties.effectiveImportCacheMib() : poolCache);
            assertThat(seen[2])
                    .as("wal_autocheckpoint after %s objects", seen[0])
                    .isEqualTo(large ? 0 : IntelStore.AUTOCHECKPOINT_PAGES);
        }
    }

    private int poolCacheSize() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return pragma(connection, "PRAGMA cache_size");
        }
    }

    /** Holds every connection of the pool at once, so the one that ran the import is among them. */
    private void assertEveryPooledConnectionHas(int poolCache) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                assertThat(pragma(connection, "PRAGMA wal_autocheckpoint")).isEqualTo(IntelStore.AUTOCHECKPOINT_PAGES);
                assertThat(pragma(connection, "PRAGMA cache_size")).isEqualTo(poolCache);
                assertThat(pragma(connection, "PRAGMA synchronous"))
                        .as("NORMAL")
                        .isEqualTo(1);
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void theStoredIdFilterFollowsVersionsWrittenOutsideThisProcessAndAStoreEmptiedAndRefilled() {
        String first = Stix.newId("indicator");
        assertThat(importJson(Stix.bundle(indicator(first, "2024-01-01T00:00:00.000Z")), org.id(), false)
                        .imported())
                .isEqualTo(1);
        Directory.Organization other = newOrganization("other");

        // another process (here: plain SQL, outside the importer) stores a version of a new id; the other
        // organisation cannot see it, so its new version is refused without confirming the id exists (decision 0010)
        String foreign = Stix.newId("indicator");
        insertVersionDirectly(foreign, org.id());
        ImportReport takeover =
                importJson(Stix.bundle(indicator(foreign, "2024-02-01T00:00:00.000Z")), other.id(), false);
        assertThat(takeover.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("id-unavailable"));

        // the store is emptied and refilled by someone else: positions restart below what the filter covered
        resetStore();
        String refilled = Stix.newId("indicator");
        insertVersionDirectly(refilled, org.id());
        ImportReport again =
                importJson(Stix.bundle(indicator(refilled, "2024-02-01T00:00:00.000Z")), other.id(), false);
        assertThat(again.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("id-unavailable"));

        assertThat(versionRows()).isEqualTo(1);

        // a rejected (rolled back) import leaves nothing behind that would hide a later stored id
        String rolledBack = Stix.newId("indicator");
        ImportReport refused = importJson(
                Stix.bundle(indicator(rolledBack, "2024-01-01T00:00:00.000Z"), "{\"type\":\"indicator\"}"),
                org.id(),
                false);
        assertThat(refused.committed()).isFalse();
        insertVersionDirectly(rolledBack, org.id());
        ImportReport afterRollback =
                importJson(Stix.bundle(indicator(rolledBack, "2024-03-01T00:00:00.000Z")), other.id(), false);
        assertThat(afterRollback.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("id-unavailable"));
    }

    @Test
    void aListingFilteredByTypeWalksTheAnnouncementsNotEveryVersionOfTheType() {
        // SQLite's planner, given a type filter, preferred the type index for the announcements' branch: every version
        // of the type, each probed for an announcement (6 s per TAXII page of indicators at 1 M versions)
        List<String> plan = jdbc.query(
                "EXPLAIN QUERY PLAN " + IntelStore.listingSql(" AND v.stix_type IN (?) AND v.date_added > ?"),
                (rs, n) -> rs.getString(4),
                0,
                "indicator",
                "",
                10,
                0,
                "indicator",
                "",
                10,
                10);
        int announced = plan.indexOf("CO-ROUTINE b2");
        assertThat(announced).as(String.join("\n", plan)).isPositive();
        assertThat(plan.subList(announced + 1, plan.size()))
                .as(String.join("\n", plan))
                .filteredOn(step -> step.startsWith("SEARCH") || step.startsWith("SCAN"))
                .first()
                .asString()
                .startsWith("SEARCH a ");
    }

    @Test
    void anotherIdHoldingTheSameKeyAndVersionKeyMakesThatVersionUnavailableAndNothingElse() {
        String victim = Stix.newId("indicator");
        String squatter = Stix.newId("indicator");
        // a 64-bit key collision (decision 0020), planted: finding one for a given id takes ~2^64 SHA-256 hashes
        insertVersionDirectly(squatter, org.id(), VersionIdHash.of(victim));
        String bystander = Stix.newId("indicator");

        for (boolean partial : new boolean[] {true, false}) {
            ImportReport report = importJson(
                    Stix.bundle(
                            indicator(victim, "2024-01-01T00:00:00.000Z"),
                            indicator(bystander, "2024-01-0" + (partial ? 1 : 2) + "T00:00:00.000Z")),
                    org.id(),
                    partial);
            assertThat(report.violations()).singleElement().satisfies(v -> {
                assertThat(v.objectId()).isEqualTo(victim);
                assertThat(v.rule()).isEqualTo("id-unavailable");
                assertThat(v.message()).doesNotContain(squatter);
            });
            // the bystander is stored in a partial import; otherwise the refusal rejects the bundle as a whole
            assertThat(report.committed()).isEqualTo(partial);
            assertThat(report.imported()).isEqualTo(1);
        }
        // another version of the victim has another version key: stored, and found by its id
        ImportReport later = importJson(Stix.bundle(indicator(victim, "2024-02-01T00:00:00.000Z")), org.id(), false);
        assertThat(later.violations()).isEmpty();
        assertThat(later.imported()).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT v.version_key FROM object_version v WHERE " + VersionIdHash.equalsSql("v"),
                        String.class,
                        VersionIdHash.args(victim)))
                .containsExactly("2024-02-01T00:00:00.000000000Z");
    }

    private static String indicator(String id, String modified) {
        return Stix.indicator(id, "2024-01-01T00:00:00.000Z", modified, "");
    }

    /** A version row and its holding written with plain SQL, as another process sharing the file would. */
    private void insertVersionDirectly(String id, String owner) {
        insertVersionDirectly(id, owner, VersionIdHash.of(id));
    }

    private void insertVersionDirectly(String id, String owner, long idHash) {
        long seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) + 1 FROM object_version", Long.class);
        jdbc.update("""
                INSERT INTO object_version (seq, stix_id, version_key, stix_type, owner_org, spec_version, modified,
                    created, revoked, content_hash, content, date_added, id_hash)
                VALUES (?, ?, '2024-01-01T00:00:00.000000000Z', 'indicator', ?, '2.1', '2024-01-01T00:00:00.000Z',
                    '2024-01-01T00:00:00.000Z', 0, 'x', '{}', '2024-01-01T00:00:00.000000Z', ?)""", seq, id, owner, idHash);
        jdbc.update("""
                INSERT INTO holding (version_seq, org_id, received_at, source, markings, tlp, distribution)
                VALUES (?, ?, '2024-01-01T00:00:00.000000Z', 'elsewhere', '[]', 'TLP:GREEN', 'ORGANISATION_ONLY')""", seq, owner);
    }

    private int[] checkpoint() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
        }
    }

    private static int pragma(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
