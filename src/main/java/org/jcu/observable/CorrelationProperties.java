package org.jcu.observable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Correlation settings ({@code jcu.correlation.*}; environment {@code JCU_CORRELATION_*}).
 *
 * @param overCorrelationThreshold a value held by more than this many objects a reader can see is over-correlating:
 *     queries report it with a count instead of listing the objects (MISP's guard, default there 20/100; ours 100)
 * @param blindNoticeMinimum a blind match notice is shown only when at least this many other organisations hold the
 *     value in objects the reader cannot see (decision 0016); 1..n, default 2
 * @param blockScans at most this many scans of a queried block's stored values run at once in the process (a wide
 *     block mostly held by others is scanned to its end, decision 0015); a lookup that cannot start one within
 *     {@code blockScanWaitMillis} is answered 503; default 2 (of the pool's 4 connections)
 * @param blockScanWaitMillis how long a block lookup waits for a scan to end, milliseconds; default 2,000
 */
@ConfigurationProperties("jcu.correlation")
public record CorrelationProperties(
        @DefaultValue("100") int overCorrelationThreshold,
        @DefaultValue("2") int blindNoticeMinimum,
        @DefaultValue("2") int blockScans,
        @DefaultValue("2000") long blockScanWaitMillis) {

    /**
     * @throws IllegalArgumentException naming the key when a value is out of range
     */
    public CorrelationProperties {
        if (overCorrelationThreshold < 1) {
            throw new IllegalArgumentException(
                    "jcu.correlation.over-correlation-threshold must be at least 1, got " + overCorrelationThreshold);
        }
        if (blindNoticeMinimum < 1) {
            throw new IllegalArgumentException(
                    "jcu.correlation.blind-notice-minimum must be at least 1, got " + blindNoticeMinimum);
        }
        if (blockScans < 1) {
            throw new IllegalArgumentException("jcu.correlation.block-scans must be at least 1, got " + blockScans);
        }
        if (blockScanWaitMillis < 0) {
            throw new IllegalArgumentException(
                    "jcu.correlation.block-scan-wait-millis must not be negative, got " + blockScanWaitMillis);
        }
    }
}
