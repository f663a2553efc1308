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
 */
@ConfigurationProperties("jcu.correlation")
public record CorrelationProperties(
        @DefaultValue("100") int overCorrelationThreshold,
        @DefaultValue("2") int blindNoticeMinimum) {

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
    }
}
