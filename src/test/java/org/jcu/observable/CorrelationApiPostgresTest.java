package org.jcu.observable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jcu.intel.ImportReport;
import org.jcu.test.PostgresStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link CorrelationApiContract} on PostgreSQL, and the VACUUM after large imports (decision 0019). */
@PostgresStore
class CorrelationApiPostgresTest extends CorrelationApiContract {

    @Autowired
    org.jcu.platform.StoreMaintenance maintenance;

    @Test
    void aLargeImportLeavesTheCorrelationTablesVacuumedSoTheirIndexScansNeedNoTableVisits() throws Exception {
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            objects.add(indicator("[ipv4-addr:value = '10." + (i / 250) + "." + (i % 250) + ".1']"));
        }
        ImportReport report = importJson(bundle(objects.toArray(String[]::new)), a.id(), false);
        assertThat(report.imported()).isEqualTo(1_200);

        assertThat(maintenance.awaitIdle(Duration.ofMinutes(2))).isTrue();
        // VACUUM marks the pages of rows no transaction can miss as all-visible: index-only scans then skip the table
        for (String table : List.of("observable_value", "observable", "object_version", "holding")) {
            Long pages = jdbc.queryForObject("SELECT relpages FROM pg_class WHERE relname = ?", Long.class, table);
            Long allVisible =
                    jdbc.queryForObject("SELECT relallvisible FROM pg_class WHERE relname = ?", Long.class, table);
            assertThat(pages).as("pages of %s", table).isPositive();
            // rows just inserted leave every page not-all-visible (0 right after the import's ANALYZE); a snapshot
            // held elsewhere in the database may keep VACUUM from marking some, hence not "all pages"
            assertThat(allVisible)
                    .as("all-visible pages of %s (of %s)", table, pages)
                    .isGreaterThanOrEqualTo(pages / 2);
            assertThat(allVisible).as("all-visible pages of %s", table).isPositive();
        }
    }
}
