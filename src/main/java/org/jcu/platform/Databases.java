package org.jcu.platform;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which of the two supported databases a connection pool talks to (SQLite is the embedded default). */
public final class Databases {

    private Databases() {}

    /** True if {@code jdbc} is connected to PostgreSQL (from the JDBC driver's product name). */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) -> connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres")));
    }
}
