package org.jcu.observable;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jcu.test.PostgresStore;

/** {@link CorrelationBenchmarkContract} on PostgreSQL; storage from {@code pg_relation_size} (after VACUUM). */
@PostgresStore
class CorrelationBenchmarkPostgresTest extends CorrelationBenchmarkContract {

    @Override
    Storage storage() {
        jdbc.execute("VACUUM ANALYZE observable_value");
        jdbc.execute("VACUUM ANALYZE observable");
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String relation : new String[] {
            "observable_value",
            "observable_value_pkey",
            "observable",
            "observable_pkey",
            "observable_by_value",
            "observable_value_ip",
            "observable_value_block"
        }) {
            bytes.put(relation, jdbc.queryForObject("SELECT pg_relation_size(?::regclass)", Long.class, relation));
        }
        long observable = bytes.get("observable_value")
                + bytes.get("observable_value_pkey")
                + bytes.get("observable")
                + bytes.get("observable_pkey");
        long correlation = bytes.get("observable_by_value")
                + bytes.get("observable_value_ip")
                + bytes.get("observable_value_block");
        return new Storage(observable, correlation, bytes.toString());
    }
}
