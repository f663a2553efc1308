package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jcu.test.Corpus;
import org.jcu.test.SqliteStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link IntelStoreContract} on embedded SQLite, and the SQLite file settings of decision 0018. */
@SqliteStore
class IntelStoreSqliteTest extends IntelStoreContract {

    @Autowired
    DataSource dataSource;

    @Test
    void aNewStoreIsCreatedWithSixteenKilobytePagesInWalMode() {
        assertThat(jdbc.queryForObject("PRAGMA page_size", Integer.class)).isEqualTo(16384);
        assertThat(jdbc.queryForObject("PRAGMA journal_mode", String.class)).isEqualTo("wal");
    }

    @Test
    void anImportLeavesEveryPooledConnectionWithAutomaticCheckpointsAndTheWalIsCheckpointed() throws Exception {
        ImportReport report = importFile(Corpus.path("mitre-attack-stix21/ics-attack-18.1.json"), org.id(), false);
        assertThat(report.committed()).isTrue();

        // hold every connection of the pool at once, so the one that ran the import is among them
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                assertThat(pragma(connection, "PRAGMA wal_autocheckpoint")).isEqualTo(IntelStore.AUTOCHECKPOINT_PAGES);
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        // the background checkpoint copies the import's pages into the database file: eventually none is left over
        long deadline = System.nanoTime() + 30_000_000_000L;
        int[] result;
        do {
            Thread.sleep(50);
            result = checkpoint();
        } while (result[1] != result[2] && System.nanoTime() < deadline);
        assertThat(result[2])
                .as("frames checkpointed of %s in the WAL", result[1])
                .isEqualTo(result[1]);
    }

    private int[] checkpoint() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
        }
    }

    private static int pragma(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
