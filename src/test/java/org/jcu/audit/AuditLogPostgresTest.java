package org.jcu.audit;

import java.sql.Connection;
import java.sql.Statement;
import org.jcu.test.PostgresStore;

/** {@link AuditLogContract} on PostgreSQL. */
@PostgresStore
class AuditLogPostgresTest extends AuditLogContract {

    /** The appenders' advisory lock, held at session level by another connection. */
    @Override
    AutoCloseable holdAppendLock() throws Exception {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + AuditStore.WRITER_LOCK + ")");
        }
        return () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + AuditStore.WRITER_LOCK + ")");
            }
            connection.close();
        };
    }
}
