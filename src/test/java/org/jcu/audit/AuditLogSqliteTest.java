package org.jcu.audit;

import java.sql.Connection;
import java.sql.Statement;
import org.jcu.test.SqliteStore;

/** {@link AuditLogContract} on SQLite. */
@SqliteStore
class AuditLogSqliteTest extends AuditLogContract {

    /** SQLite's one write lock, taken by a write transaction on another connection. */
    @Override
    AutoCloseable holdAppendLock() throws Exception {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_log WHERE seq < 0");
        }
        return () -> {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.close();
        };
    }
}
