package org.jcu.observable;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jcu.test.SqliteStore;

/** {@link CorrelationBenchmarkContract} on embedded SQLite; storage from the {@code dbstat} virtual table. */
@SqliteStore
class CorrelationBenchmarkSqliteTest extends CorrelationBenchmarkContract {

    @Override
    Storage storage() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        jdbc.query(
                "SELECT name, SUM(pgsize) FROM dbstat WHERE name IN ('observable_value', 'observable',"
                        + " 'observable_by_value', 'observable_value_ip', 'observable_value_block') GROUP BY name",
                rs -> {
                    bytes.put(rs.getString(1), rs.getLong(2));
                });
        long observable = bytes.getOrDefault("observable_value", 0L) + bytes.getOrDefault("observable", 0L);
        long correlation = bytes.getOrDefault("observable_by_value", 0L)
                + bytes.getOrDefault("observable_value_ip", 0L)
                + bytes.getOrDefault("observable_value_block", 0L);
        return new Storage(observable, correlation, bytes.toString());
    }
}
