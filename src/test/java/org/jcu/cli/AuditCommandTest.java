package org.jcu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcu audit verify} offline on a temporary data directory: intact after an offline import (recorded as user
 * {@code cli}), exit 6 naming the first broken entry after the database was edited directly, exit 1 without the key.
 */
class AuditCommandTest {

    private static final String TS = "2024-03-01T12:00:00.000Z";

    @TempDir
    Path tmp;

    @Test
    void verifyIsIntactAfterAnOfflineImportAndNamesTheFirstBrokenEntryAfterTampering() throws Exception {
        Path data = tmp.resolve("data");
        Path file = Files.writeString(
                tmp.resolve("two.json"),
                Stix.bundle(
                        Stix.indicator(Stix.newId("indicator"), TS, TS, ""),
                        Stix.indicator(Stix.newId("indicator"), TS, TS, "")));
        Cli.Result imported = Cli.run("import", "--data", data.toString(), "-q", file.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(query(data, "SELECT audit_action || ' ' || object_count || ' ' || username FROM audit_log"))
                .isEqualTo("IMPORT 2 cli");
        assertThat(data.resolve("audit.key")).exists();
        assertThat(data.resolve("audit.anchor")).exists();

        Cli.Result intact = Cli.run("audit", "verify", "--data", data.toString());
        assertThat(intact.exitCode()).as(intact.toString()).isZero();
        assertThat(intact.out()).contains("audit log intact: 1 entry;");

        update(data, "UPDATE audit_log SET object_count = 0 WHERE seq = 1");
        Cli.Result edited = Cli.run("audit", "verify", "--data", data.toString());
        assertThat(edited.exitCode()).as(edited.toString()).isEqualTo(JcuCli.EXIT_AUDIT_BROKEN);
        assertThat(edited.out()).contains("BROKEN at entry #1").contains("edited");

        update(data, "DELETE FROM audit_log");
        Cli.Result deleted = Cli.run("audit", "verify", "--data", data.toString());
        assertThat(deleted.exitCode()).as(deleted.toString()).isEqualTo(JcuCli.EXIT_AUDIT_BROKEN);
        assertThat(deleted.out()).contains("BROKEN at entry #1").contains("newest entries were deleted");

        Files.delete(data.resolve("audit.key"));
        Cli.Result keyless = Cli.run("audit", "verify", "--data", data.toString());
        assertThat(keyless.exitCode()).as(keyless.toString()).isEqualTo(1);
        assertThat(keyless.err())
                .contains("cannot verify")
                .contains("audit key file")
                .contains("is missing");
        assertThat(data.resolve("audit.key"))
                .as("no new key for an existing log")
                .doesNotExist();
    }

    @Test
    void verifyOfAMissingDataDirectoryIsAUsageErrorAndHelpListsTheCommandAndItsExitCode() {
        Cli.Result missing =
                Cli.run("audit", "verify", "--data", tmp.resolve("nothing-here").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no data directory");

        Cli.Result help = Cli.run("--help");
        assertThat(help.out()).contains("audit").contains("6   audit log verification failed");
        Cli.Result verifyHelp = Cli.run("audit", "verify", "--help");
        assertThat(verifyHelp.out())
                .contains("Usage: jcu audit verify")
                .contains("--data")
                .contains("--db");
    }

    private static String query(Path data, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("jcu.db"));
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    private static void update(Path data, String sql) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("jcu.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
