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
 * @param importCacheMib SQLite: the page cache of a large import's connection (1,000 objects or more), in MiB, for the
 *     import's duration (default 1,024; the store's connections otherwise keep 128 MiB). Memory is taken only as the
 *     import touches pages and given back when it ends. Decision 0019.
 */
@ConfigurationProperties("jcu")
public record JcuProperties(
        Path dataDir,
        boolean demoData,

        @org.springframework.boot.context.properties.bind.DefaultValue("1073741824")
        long maxUploadBytes,

        @org.springframework.boot.context.properties.bind.DefaultValue("1024")
        int importCacheMib,

        @org.jspecify.annotations.Nullable String publicUrl) {}
