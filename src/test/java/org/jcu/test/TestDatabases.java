package org.jcu.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real databases for tests: a fresh SQLite file in a temporary directory, and a fresh PostgreSQL database
 * {@code jcu_test} on 127.0.0.1:5432 (user postgres, trust auth). PostgreSQL tests are skipped with a message when no
 * server listens, except under CI ({@code CI=true}), where they run and fail loudly.
 */
public final class TestDatabases {

    /** Host and port of the local PostgreSQL server. */
    public static final String PG_HOST = System.getenv().getOrDefault("JCU_TEST_PG_HOST", "127.0.0.1");

    public static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("JCU_TEST_PG_PORT", "5432"));
    public static final String PG_DATABASE = System.getenv().getOrDefault("JCU_TEST_PG_DB", "jcu_test");

    private TestDatabases() {}

    /** Used by {@code @EnabledIf}: true if PostgreSQL answers on its port, or under CI (where skipping is a failure). */
    public static boolean postgresAvailable() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return true;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(PG_HOST, PG_PORT), 500);
            return true;
        } catch (IOException e) {
            System.err.println(
                    "PostgreSQL not reachable on " + PG_HOST + ":" + PG_PORT + ": skipping PostgreSQL tests");
            return false;
        }
    }

    /** Points the context at a new SQLite file in a fresh temporary directory. */
    public static final class Sqlite implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                Path dir = Files.createTempDirectory("jcu-test-sqlite-");
                dir.toFile().deleteOnExit();
                TestPropertyValues.of("jcu.data-dir=" + dir).applyTo(context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Drops and re-creates the PostgreSQL test database, then points the context at it. */
    public static final class Postgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String admin = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
            try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + PG_DATABASE);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot prepare PostgreSQL test database on " + PG_HOST + ":" + PG_PORT, e);
            }
            try {
                Path dir = Files.createTempDirectory("jcu-test-pg-");
                TestPropertyValues.of(
                                "jcu.data-dir=" + dir,
                                "spring.datasource.url=jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + PG_DATABASE
                                        + "?reWriteBatchedInserts=true",
                                "spring.datasource.username=postgres",
                                "spring.datasource.password=",
                                "spring.datasource.driver-class-name=org.postgresql.Driver")
                        .applyTo(context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
