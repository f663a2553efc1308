package org.jcu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the data lives: {@code --data DIR} (embedded SQLite, the default {@code ./jcu-data}) or {@code --db
 * postgresql://host:port/db}. Database credentials are never taken from the command line: they come from
 * {@code JCU_DB_USER} / {@code JCU_DB_PASSWORD}, or {@code JCU_DB_PASSWORD_FILE} (a file holding the password), or the
 * standard {@code spring.datasource.*} properties.
 */
final class DataOptions {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory (SQLite file, spool). Default: ${DEFAULT-VALUE}",
            defaultValue = "./jcu-data")
    Path dataDir;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "Use PostgreSQL instead of embedded SQLite, e.g. postgresql://127.0.0.1:5432/jcu. "
                    + "Credentials: JCU_DB_USER, JCU_DB_PASSWORD or JCU_DB_PASSWORD_FILE.")
    String database;

    /** Spring properties for these options; creates the data directory. */
    Map<String, Object> springProperties() throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> postgres = database == null ? Map.of() : postgres(database);
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        properties.put("jcu.data-dir", dir.toString());
        properties.putAll(postgres);
        return properties;
    }

    static Map<String, Object> postgres(String url) throws IOException {
        String rest;
        if (url.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (url.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else if (url.startsWith("jdbc:postgresql://")) {
            rest = url.substring("jdbc:postgresql://".length());
        } else {
            throw new UsageException("--db must look like postgresql://host:port/database, got: " + url);
        }
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (rest.contains("@") || lower.matches(".*[?&](user|password)=.*")) {
            throw new UsageException("--db must not contain credentials; use JCU_DB_USER and "
                    + "JCU_DB_PASSWORD or JCU_DB_PASSWORD_FILE");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        String separator = rest.contains("?") ? "&" : "?";
        properties.put("spring.datasource.url", "jdbc:postgresql://" + rest + separator + "reWriteBatchedInserts=true");
        properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        properties.put("spring.datasource.hikari.maximum-pool-size", "8");
        String user = System.getenv("JCU_DB_USER");
        if (user != null) {
            properties.put("spring.datasource.username", user);
        }
        String password = System.getenv("JCU_DB_PASSWORD");
        String passwordFile = System.getenv("JCU_DB_PASSWORD_FILE");
        if (password == null && passwordFile != null) {
            password = Files.readString(Path.of(passwordFile)).strip();
        }
        if (password != null) {
            properties.put("spring.datasource.password", password);
        }
        return properties;
    }
}
