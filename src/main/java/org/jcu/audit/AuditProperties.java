package org.jcu.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit log settings ({@code jcu.audit.*}; environment {@code JCU_AUDIT_*}).
 *
 * @param keyFile       the HMAC key file, outside the database; default {@code <jcu.data-dir>/audit.key}. Environment
 *                      {@code JCU_AUDIT_KEY_FILE}. Created (32 random bytes, mode 0600) on first start when absent
 *                      and the log is empty; otherwise its absence stops the start.
 * @param anchorFile    the signed checkpoint of the newest entry; default {@code <jcu.data-dir>/audit.anchor}
 * @param batchSize     most entries appended in one transaction (1–10,000; default 500)
 * @param batchInterval longest an entry waits in memory before its batch is written (10 ms – 10 s; default 200 ms)
 * @param verifyOnly    set by {@code jcu audit verify}: the process only verifies, so an anchor that names another
 *                      database (or a database whose identity was altered) is reported by the verifier instead of
 *                      stopping the start
 */
@ConfigurationProperties("jcu.audit")
record AuditProperties(
        @Nullable Path keyFile,
        @Nullable Path anchorFile,
        @DefaultValue("500") int batchSize,
        @DefaultValue("200ms") Duration batchInterval,
        boolean verifyOnly) {

    AuditProperties {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("jcu.audit.batch-size must be between 1 and 10000, got " + batchSize);
        }
        if (batchInterval.compareTo(Duration.ofMillis(10)) < 0 || batchInterval.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException(
                    "jcu.audit.batch-interval must be between 10ms and 10s, got " + batchInterval);
        }
    }
}
