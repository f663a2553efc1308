package org.jcu.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * jcu's own settings ({@code jcu.*}; environment {@code JCU_*}).
 *
 * @param dataDir  data directory: the SQLite file, upload spool; created if missing
 * @param demoData load the bundled demo data set (ATT&amp;CK for ICS) on first start when the store is empty
 * @param publicUrl the URL clients use to reach this node (e.g. {@code https://jcu.example.eu}); TAXII discovery
 *     advertises API roots under it. Unset: the request's own scheme, host and port.
 * @param maxUploadBytes largest bundle accepted by {@code POST /api/v1/bundles}, in bytes as sent (default 1 GiB)
 */
@ConfigurationProperties("jcu")
public record JcuProperties(
        Path dataDir,
        boolean demoData,

        @org.springframework.boot.context.properties.bind.DefaultValue("1073741824")
        long maxUploadBytes,

        @org.jspecify.annotations.Nullable String publicUrl) {}
