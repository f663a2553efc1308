package org.jcu.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * jcu's own settings ({@code jcu.*}; environment {@code JCU_*}).
 *
 * @param dataDir  data directory: the SQLite file, upload spool; created if missing
 * @param demoData load the bundled demo data set (ATT&amp;CK for ICS) on first start when the store is empty
 */
@ConfigurationProperties("jcu")
public record JcuProperties(Path dataDir, boolean demoData) {
}
