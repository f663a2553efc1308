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
 *     import's duration; unset: 2,048 or a quarter of the machine's physical memory, whichever is smaller (the store's
 *     connections otherwise keep 128 MiB). Memory is taken only as the import touches pages and given back when it
 *     ends. Decision 0019.
 */
@ConfigurationProperties("jcu")
@org.springframework.validation.annotation.Validated
public record JcuProperties(
        Path dataDir,
        boolean demoData,

        @org.springframework.boot.context.properties.bind.DefaultValue("1073741824")
        long maxUploadBytes,

        @jakarta.validation.constraints.Min(2) @org.jspecify.annotations.Nullable
        Integer importCacheMib,

        @org.jspecify.annotations.Nullable String publicUrl) {

    /** Default of {@link #importCacheMib()} on a machine with at least 8 GiB of memory. */
    public static final int IMPORT_CACHE_MIB = 2048;

    /**
     * The page cache of a large SQLite import, in MiB: {@link #importCacheMib()} if set (at least 2), else
     * {@link #IMPORT_CACHE_MIB} or a quarter of the physical memory, whichever is smaller.
     *
     * @throws IllegalArgumentException if the setting is below 2
     */
    public int effectiveImportCacheMib() {
        if (importCacheMib != null) {
            if (importCacheMib < 2) {
                throw new IllegalArgumentException(
                        "jcu.import-cache-mib must be at least 2 (MiB), found " + importCacheMib);
            }
            return importCacheMib;
        }
        long physical = ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return (int) Math.max(2, Math.min(IMPORT_CACHE_MIB, physical / 4 / (1024 * 1024)));
    }
}
