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
        // seen from inside the import's transaction (the progress callback runs on its thread, after each batch)
        List<int[]> during = new ArrayList<>();
        ImportReport report;
        try (StixObjectReader reader = StixObjectReader.of(
                Files.newInputStream(Corpus.path("mitre-attack-stix21/ics-attack-18.1.json")),
                StixObjectReader.Format.JSON,
                "ics")) {
            report = imports.importObjects(reader, new ImportOptions(org.id(), "ics", false, defaults(org.id())), n -> {
                Integer cache = jdbc.queryForObject("PRAGMA cache_size", Integer.class);
                Integer autocheckpoint = jdbc.queryForObject("PRAGMA wal_autocheckpoint", Integer.class);
                during.add(new int[] {(int) n, cache, autocheckpoint});
            });
        }
        assertThat(report.committed()).isTrue();
        assertThat(report.imported()).isGreaterThan(ImportService.STATISTICS_THRESHOLD);
        for (int[] seen : during) {
            boolean large = seen[0] >= ImportService.STATISTICS_THRESHOLD;
            assertThat(seen[1])
                    .as("cache_size after %s objects", seen[0])
                    .isEqualTo(large ? -1024 * properties.effectiveImportCacheMib() : IntelStore.POOL_CACHE_SIZE);
            assertThat(seen[2])
                    .as("wal_autocheckpoint after %s objects", seen[0])
                    .isEqualTo(large ? 0 : IntelStore.AUTOCHECKPOINT_PAGES);
        }
        assertThat(during).anySatisfy(seen -> assertThat(seen[0]).isGreaterThanOrEqualTo(1000));

        // hold every connection of the pool at once, so the one that ran the import is among them
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                assertThat(pragma(connection, "PRAGMA wal_autocheckpoint")).isEqualTo(IntelStore.AUTOCHECKPOINT_PAGES);
                assertThat(pragma(connection, "PRAGMA cache_size")).isEqualTo(IntelStore.POOL_CACHE_SIZE);
                assertThat(pragma(connection, "PRAGMA synchronous"))
                        .as("NORMAL")
                        .isEqualTo(1);
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
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

    private static String indicator(String id, String modified) {
        return Stix.indicator(id, "2024-01-01T00:00:00.000Z", modified, "");
    }

    /** A version row and its holding written with plain SQL, as another process sharing the file would. */
    private void insertVersionDirectly(String id, String owner) {
        long seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) + 1 FROM object_version", Long.class);
        jdbc.update("""
                INSERT INTO object_version (seq, stix_id, version_key, stix_type, owner_org, spec_version, modified,
                    created, revoked, content_hash, content, date_added)
                VALUES (?, ?, '2024-01-01T00:00:00.000000000Z', 'indicator', ?, '2.1', '2024-01-01T00:00:00.000Z',
                    '2024-01-01T00:00:00.000Z', 0, 'x', '{}', '2024-01-01T00:00:00.000000Z')""", seq, id, owner);
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
