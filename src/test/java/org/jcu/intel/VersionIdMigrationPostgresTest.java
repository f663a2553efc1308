package org.jcu.intel;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jcu.test.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@link VersionIdMigrationContract} on PostgreSQL, in a database of its own ({@code jcu_test} with suffix
 * {@code _v9}), re-created for each test so the shared test database of the Spring contexts is never touched.
 */
@Tag("postgresql")
@EnabledIf("org.jcu.test.TestDatabases#postgresAvailable")
class VersionIdMigrationPostgresTest extends VersionIdMigrationContract {

    private static final String DATABASE = TestDatabases.PG_DATABASE + "_v9";

    @Override
    SingleConnectionDataSource freshDatabase() {
        try (Connection admin = DriverManager.getConnection(
                        "jdbc:postgresql://" + TestDatabases.PG_HOST + ":" + TestDatabases.PG_PORT + "/postgres",
                        "postgres",
                        "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL database " + DATABASE, e);
        }
        dataSource = new SingleConnectionDataSource(
                "jdbc:postgresql://" + TestDatabases.PG_HOST + ":" + TestDatabases.PG_PORT + "/" + DATABASE,
                "postgres",
                "",
                true);
        return dataSource;
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    @Override
    String uniqueViolation() {
        return "duplicate key value violates unique constraint \"object_version_id_key\"";
    }

    @Override
    String foreignKeyViolation() {
        return "violates foreign key constraint";
    }

    @Override
    List<String> indexes(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "SELECT (CASE WHEN i.indisunique THEN '1' ELSE '0' END) || ':' || string_agg(a.attname, ',' ORDER BY"
                        + " k.n) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid CROSS JOIN LATERAL"
                        + " unnest(i.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.oid"
                        + " AND a.attnum = k.attnum WHERE c.relname = 'object_version' AND NOT i.indisprimary"
                        + " GROUP BY i.indexrelid, i.indisunique ORDER BY 1",
                String.class);
    }
}
