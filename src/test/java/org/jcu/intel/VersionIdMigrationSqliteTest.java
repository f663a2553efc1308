package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** {@link VersionIdMigrationContract} on SQLite, plus the rebuild's refusal of a store with a dangling reference. */
class VersionIdMigrationSqliteTest extends VersionIdMigrationContract {

    @Override
    SingleConnectionDataSource freshDatabase() {
        try {
            Path dir = Files.createTempDirectory("jcu-test-v9-");
            dir.toFile().deleteOnExit();
            // the product's connection settings (application.properties), foreign keys on
            dataSource = new SingleConnectionDataSource(
                    "jdbc:sqlite:" + dir.resolve("jcu.db")
                            + "?journal_mode=WAL&synchronous=NORMAL&foreign_keys=true&transaction_mode=IMMEDIATE",
                    true);
            return dataSource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    String vendor() {
        return "sqlite";
    }

    @Override
    String uniqueViolation() {
        return "UNIQUE constraint failed: object_version.id_hash, object_version.version_key";
    }

    @Override
    String foreignKeyViolation() {
        return "FOREIGN KEY constraint failed";
    }

    @Override
    List<String> indexes(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "SELECT il.\"unique\" || ':' || (SELECT group_concat(name, ',') FROM (SELECT name FROM"
                        + " pragma_index_info(il.name) ORDER BY seqno)) FROM pragma_index_list('object_version') il"
                        + " ORDER BY 1",
                String.class);
    }

    @Test
    void aDanglingReferenceStopsTheRebuildAndChangesNothing() {
        SingleConnectionDataSource dataSource = freshDatabase();
        JdbcTemplate jdbc = storeAtVersion8(dataSource);
        jdbc.execute("PRAGMA foreign_keys = OFF");
        jdbc.update(
                "INSERT INTO holding (version_seq, org_id, received_at, source, markings, tlp, distribution)"
                        + " VALUES (77, ?, 'x', 'x', '[]', 'TLP:GREEN', 'COMMUNITY')",
                ORG);
        jdbc.execute("PRAGMA foreign_keys = ON");

        assertThatThrownBy(() -> flyway(dataSource, null).migrate())
                .hasStackTraceContaining("table holding references a missing object_version row")
                .hasStackTraceContaining("the next start runs the migration again");

        assertThat(jdbc.queryForList("SELECT name FROM pragma_table_info('object_version')", String.class))
                .doesNotContain("id_hash");
        assertThat(jdbc.queryForList("SELECT name FROM sqlite_schema WHERE tbl_name = 'object_version'", String.class))
                .containsExactlyInAnyOrder(
                        "object_version",
                        "sqlite_autoindex_object_version_1",
                        "object_version_type",
                        "object_version_added");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM object_version", Long.class))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("PRAGMA foreign_keys", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT MAX(version) FROM flyway_schema_history WHERE success", String.class))
                .isEqualTo("8");

        // the next start after the cause is fixed runs the migration again, instead of refusing a failed history
        jdbc.update("DELETE FROM holding WHERE version_seq = 77");
        FailedMigrationRetry.retryAndMigrate(flyway(dataSource, null));
        assertThat(jdbc.queryForList("SELECT name FROM pragma_table_info('object_version')", String.class))
                .contains("id_hash");
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE NOT success", String.class))
                .isEmpty();
        assertThat(jdbc.queryForObject("SELECT MAX(version) FROM flyway_schema_history", String.class))
                .isEqualTo("9");
    }
}
