package org.jcu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreFileTest {

    @TempDir
    Path dir;

    @Test
    void databaseFileIsTakenFromSqliteUrlsOnly() {
        assertThat(SqliteStoreFile.databaseFile("jdbc:sqlite:/data/jcu.db?journal_mode=WAL&cache_size=-1"))
                .isEqualTo(Path.of("/data/jcu.db"));
        assertThat(SqliteStoreFile.databaseFile("jdbc:sqlite:file:/data/jcu.db"))
                .isEqualTo(Path.of("/data/jcu.db"));
        assertThat(SqliteStoreFile.databaseFile("jdbc:sqlite::memory:")).isNull();
        assertThat(SqliteStoreFile.databaseFile("jdbc:sqlite:")).isNull();
        assertThat(SqliteStoreFile.databaseFile("jdbc:postgresql://127.0.0.1:5432/jcu"))
                .isNull();
    }

    @Test
    void aNewFileGetsTheLargePagesAndWalAndAnExistingOneIsLeftAlone() throws Exception {
        Path fresh = dir.resolve("sub/fresh.db");
        SqliteStoreFile.createIfAbsent(fresh);
        assertThat(pageSizeAndJournal(fresh)).isEqualTo(SqliteStoreFile.PAGE_SIZE + " wal");

        Path existing = dir.resolve("existing.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + existing);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
        }
        long size = Files.size(existing);
        SqliteStoreFile.createIfAbsent(existing);
        assertThat(Files.size(existing)).isEqualTo(size);
        assertThat(pageSizeAndJournal(existing)).isEqualTo("4096 delete");
    }

    private static String pageSizeAndJournal(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            ResultSet page = s.executeQuery("PRAGMA page_size");
            page.next();
            int size = page.getInt(1);
            ResultSet journal = s.executeQuery("PRAGMA journal_mode");
            journal.next();
            return size + " " + journal.getString(1);
        }
    }
}
