package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jcu.stix.VersionIdHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration 9 (decision 0020) on a store created at version 8 with versions in it: every row keeps its data and gets
 * its {@link VersionIdHash} key, the unique key moves to {@code (id_hash, version_key)}, references still resolve, and
 * the connection that ran it still enforces foreign keys. Runs on SQLite ({@link VersionIdMigrationSqliteTest}) and
 * PostgreSQL ({@link VersionIdMigrationPostgresTest}), each on a database of its own.
 */
abstract class VersionIdMigrationContract {

    static final String ORG = "5b0f1f62-7a57-4a39-9f4c-5d8e5a3c9a01";
    /** Three ids; the last is not ASCII, so both dialects must hash the same UTF-8 bytes. */
    static final List<String> IDS = List.of(
            "indicator--1f0e6b8c-8f7d-4f55-9d0a-0f7a8d6b1c01",
            "malware--2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "x-räksmörgås--3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b0a");

    /** The database of the running test, closed after it. */
    SingleConnectionDataSource dataSource;

    /** A fresh, empty database (the same one for the whole test) in {@link #dataSource}, one connection. */
    abstract SingleConnectionDataSource freshDatabase();

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    abstract String vendor();

    /** Part of the database's message when the new unique key refuses a row (names the key). */
    abstract String uniqueViolation();

    /** Part of the database's message when a foreign key refuses a row. */
    abstract String foreignKeyViolation();

    /**
     * The indexes of {@code object_version} other than its primary key, each as {@code unique:col1,col2} (unique 1 or
     * 0), sorted.
     */
    abstract List<String> indexes(JdbcTemplate jdbc);

    Flyway flyway(SingleConnectionDataSource dataSource, String target) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor())
                .javaMigrations(new V9__VersionIdHash());
        return (target == null ? configuration : configuration.target(target)).load();
    }

    /** A version-8 store holding two versions of the first id and one of each other, with holdings and a ref. */
    JdbcTemplate storeAtVersion8(SingleConnectionDataSource dataSource) {
        flyway(dataSource, "8").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(
                "INSERT INTO organization (id, name, created_at) VALUES (?, 'org', '2026-01-01T00:00:00.000000Z')",
                ORG);
        long seq = 0;
        for (String id : IDS) {
            for (String modified :
                    id.equals(IDS.get(0)) ? List.of("2026-01-01", "2026-02-01") : List.of("2026-03-01")) {
                seq++;
                jdbc.update(
                        """
                        INSERT INTO object_version (seq, stix_id, version_key, stix_type, owner_org, spec_version,
                            modified, created, revoked, content_hash, content, date_added)
                        VALUES (?, ?, ?, ?, ?, '2.1', ?, ?, ?, 'h', ?, '2026-04-01T00:00:00.000000Z')""",
                        seq,
                        id,
                        modified + "T00:00:00.000000000Z",
                        id.substring(0, id.indexOf("--")),
                        ORG,
                        modified + "T00:00:00.000Z",
                        modified + "T00:00:00.000Z",
                        false,
                        "{\"id\":\"" + id + "\"}");
                jdbc.update("""
                        INSERT INTO holding (version_seq, org_id, received_at, source, markings, tlp, distribution)
                        VALUES (?, ?, '2026-04-01T00:00:00.000000Z', 'test', '[]', 'TLP:GREEN', 'COMMUNITY')""", seq, ORG);
            }
        }
        jdbc.update(
                "INSERT INTO object_ref (version_seq, ref_name, target_id) VALUES (4, 'source_ref', ?)", IDS.get(0));
        return jdbc;
    }

    @Test
    void keysEveryVersionAndMovesTheUniqueKey() {
        SingleConnectionDataSource dataSource = freshDatabase();
        JdbcTemplate jdbc = storeAtVersion8(dataSource);
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM object_version ORDER BY seq");

        flyway(dataSource, null).migrate();

        List<Map<String, Object>> after = jdbc.queryForList(
                "SELECT seq, stix_id, version_key, stix_type, owner_org, spec_version, modified, created, revoked,"
                        + " upgraded_from, content_hash, content, date_added, id_hash FROM object_version ORDER BY seq");
        assertThat(after).hasSize(4);
        for (int i = 0; i < after.size(); i++) {
            Map<String, Object> row = after.get(i);
            String id = (String) row.get("stix_id");
            assertThat(((Number) row.get("id_hash")).longValue()).as(id).isEqualTo(VersionIdHash.of(id));
            for (Map.Entry<String, Object> column : before.get(i).entrySet()) {
                assertThat(String.valueOf(row.get(column.getKey())))
                        .as(column.getKey())
                        .isEqualTo(String.valueOf(column.getValue()));
            }
        }
        // the unique key moved; the other two indexes are back
        assertThat(indexes(jdbc)).containsExactly("0:date_added", "0:stix_type,seq", "1:id_hash,version_key");
        // the rows of other tables still reference the versions

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM holding h JOIN object_version v ON v.seq = h.version_seq" + " WHERE "
                                + VersionIdHash.equalsSql("v"),
                        Long.class,
                        VersionIdHash.args(IDS.get(0))))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT v.stix_id FROM object_ref r JOIN object_version v ON v.seq = r.version_seq",
                        String.class))
                .isEqualTo(IDS.get(2));
        // one version per (id, version key) is still enforced by the database ...
        assertThatThrownBy(() -> jdbc.update(
                        "INSERT INTO object_version (seq, stix_id, version_key, stix_type, owner_org, spec_version,"
                                + " revoked, content_hash, content, date_added, id_hash) SELECT 99, stix_id,"
                                + " version_key, stix_type, owner_org, spec_version, revoked, content_hash, content,"
                                + " date_added, id_hash FROM object_version WHERE seq = 1"))
                .hasStackTraceContaining(uniqueViolation());
        // ... another version of the same id is not refused, and neither are references to it
        jdbc.update("INSERT INTO object_version (seq, stix_id, version_key, stix_type, owner_org, spec_version,"
                + " revoked, content_hash, content, date_added, id_hash) SELECT 99, stix_id, 'later', stix_type,"
                + " owner_org, spec_version, revoked, content_hash, content, date_added, id_hash FROM object_version"
                + " WHERE seq = 1");
        // ... and foreign keys are enforced on the connection that ran the migration
        assertThatThrownBy(() -> jdbc.update(
                        "INSERT INTO holding (version_seq, org_id, received_at, source, markings, tlp, distribution)"
                                + " VALUES (1000, ?, 'x', 'x', '[]', 'TLP:GREEN', 'COMMUNITY')",
                        ORG))
                .hasStackTraceContaining(foreignKeyViolation());
        assertThat(jdbc.queryForObject("SELECT MAX(version) FROM flyway_schema_history", String.class))
                .isEqualTo("9");
    }
}
