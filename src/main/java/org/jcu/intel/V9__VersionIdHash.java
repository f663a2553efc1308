package org.jcu.intel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jcu.stix.VersionIdHash;
import org.springframework.stereotype.Component;

/**
 * Migration 9 (decision 0020): {@code object_version} gets {@code id_hash} ({@link VersionIdHash}) and its unique key
 * becomes {@code (id_hash, version_key)} instead of {@code (stix_id, version_key)}: an index entry of ~40 bytes
 * instead of ~80, compared as an integer first. A Java migration because SQLite has no SHA-256 in SQL; Spring Boot
 * hands Flyway every {@code JavaMigration} bean, next to the SQL scripts of {@code db/migration/{vendor}}.
 *
 * <p>SQLite cannot drop a table constraint, so the table is rebuilt (SQLite's documented procedure for other schema
 * changes, https://sqlite.org/lang_altertable.html §7): foreign-key enforcement off on this connection, then in one
 * transaction create the new table, copy every row with its key, drop the old table, rename the new one, create the
 * unique index {@code object_version_id} and the two other indexes, and check every foreign key
 * ({@code PRAGMA foreign_key_check}; a dangling reference aborts the migration and rolls it back); enforcement is then
 * restored to what it was. PostgreSQL adds and fills the column in place and swaps the constraints, in one transaction
 * (re-runnable: {@code IF NOT EXISTS}/{@code IF EXISTS}). Both are atomic, so a failed run is retried at the next start
 * ({@link FailedMigrationRetry}).
 *
 * <p>Cost: one pass over the versions (SQLite copies them and needs free disk for a second copy of the table until the
 * next checkpoint; PostgreSQL rewrites them under an exclusive lock, so stop every node first); about half a minute per
 * million versions on a small machine. Not reversible.
 */
@Component
public class V9__VersionIdHash extends BaseJavaMigration {

    /** SQL function the SQLite rebuild registers on its connection for the copy. */
    static final String SQLITE_FUNCTION = "jcu_version_id_hash";

    private static final String COLUMNS = "seq, stix_id, version_key, stix_type, owner_org, spec_version, modified,"
            + " created, revoked, upgraded_from, content_hash, content, date_added";

    @Override
    public boolean canExecuteInTransaction() {
        return false; // SQLite: PRAGMA foreign_keys is a no-op inside a transaction; both dialects manage their own
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName();
        boolean autoCommit = connection.getAutoCommit();
        try {
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                connection.setAutoCommit(false);
                migratePostgres(connection);
            } else {
                migrateSqlite(connection);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void migratePostgres(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE object_version ADD COLUMN IF NOT EXISTS id_hash BIGINT");
            sql.execute("UPDATE object_version SET id_hash ="
                    + " ('x' || left(encode(sha256(convert_to(stix_id, 'UTF8')), 'hex'), 16))::bit(64)::bigint");
            sql.execute("ALTER TABLE object_version ALTER COLUMN id_hash SET NOT NULL");
            sql.execute("ALTER TABLE object_version DROP CONSTRAINT IF EXISTS object_version_stix_id_version_key_key");
            sql.execute("ALTER TABLE object_version DROP CONSTRAINT IF EXISTS object_version_id_key");
            sql.execute(
                    "ALTER TABLE object_version ADD CONSTRAINT object_version_id_key UNIQUE (id_hash, version_key)");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static void migrateSqlite(Connection connection) throws SQLException {
        org.sqlite.SQLiteConnection sqlite = connection.unwrap(org.sqlite.SQLiteConnection.class);
        try (Statement sql = connection.createStatement()) {
            boolean enforced;
            try (ResultSet pragma = sql.executeQuery("PRAGMA foreign_keys")) {
                enforced = pragma.next() && pragma.getInt(1) == 1;
            }
            sql.execute("PRAGMA foreign_keys = OFF");
            try {
                org.sqlite.Function.create(
                        sqlite,
                        SQLITE_FUNCTION,
                        new org.sqlite.Function() {
                            @Override
                            protected void xFunc() throws SQLException {
                                result(VersionIdHash.of(value_text(0)));
                            }
                        },
                        1,
                        org.sqlite.Function.FLAG_DETERMINISTIC);
                connection.setAutoCommit(false);
                try {
                    rebuildSqlite(sql);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                    org.sqlite.Function.destroy(sqlite, SQLITE_FUNCTION);
                }
            } finally {
                sql.execute("PRAGMA foreign_keys = " + (enforced ? "ON" : "OFF"));
            }
        }
    }

    private static void rebuildSqlite(Statement sql) throws SQLException {
        sql.execute("""
                CREATE TABLE object_version_v9 (
                    seq           INTEGER PRIMARY KEY,
                    stix_id       TEXT NOT NULL,
                    version_key   TEXT NOT NULL,
                    stix_type     TEXT NOT NULL,
                    owner_org     TEXT NOT NULL REFERENCES organization (id),
                    spec_version  TEXT NOT NULL,
                    modified      TEXT,
                    created       TEXT,
                    revoked       INTEGER NOT NULL,
                    upgraded_from TEXT,
                    content_hash  TEXT NOT NULL,
                    content       TEXT NOT NULL,
                    date_added    TEXT NOT NULL,
                    id_hash       INTEGER NOT NULL
                )""");
        sql.execute("INSERT INTO object_version_v9 (" + COLUMNS + ", id_hash) SELECT " + COLUMNS + ", "
                + SQLITE_FUNCTION + "(stix_id) FROM object_version ORDER BY seq");
        sql.execute("DROP TABLE object_version");
        sql.execute("ALTER TABLE object_version_v9 RENAME TO object_version");
        sql.execute("CREATE UNIQUE INDEX object_version_id ON object_version (id_hash, version_key)");
        sql.execute("CREATE INDEX object_version_type ON object_version (stix_type, seq)");
        sql.execute("CREATE INDEX object_version_added ON object_version (date_added)");
        try (ResultSet dangling = sql.executeQuery("PRAGMA foreign_key_check")) {
            if (dangling.next()) {
                String row = dangling.getString(2); // NULL for WITHOUT ROWID tables
                throw new SQLException("migration 9: table " + dangling.getString(1)
                        + (row == null ? "" : " row " + row) + " references a missing " + dangling.getString(3)
                        + " row (foreign key " + dangling.getString(4) + "); nothing was changed: remove or repair"
                        + " that row, and the next start runs the migration again");
            }
        }
    }
}
