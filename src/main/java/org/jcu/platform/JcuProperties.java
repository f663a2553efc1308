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
 *     import's duration, 2 to 1,048,576; unset: 2,048 or a quarter of the machine's physical memory, whichever is
 *     smaller, but not below the 128 MiB the store's connections otherwise keep (a setting below that shrinks the
 *     cache for the import). SQLite takes the memory only as the import touches pages and returns it to the C
 *     allocator when the import ends (the process's resident size may stay higher). Decision 0019.
 */
@ConfigurationProperties("jcu")
@org.springframework.validation.annotation.Validated
public record JcuProperties(
        Path dataDir,
        boolean demoData,

        @org.springframework.boot.context.properties.bind.DefaultValue("1073741824")
        long maxUploadBytes,

        @jakarta.validation.constraints.Min(MIN_IMPORT_CACHE_MIB)
        @jakarta.validation.constraints.Max(MAX_IMPORT_CACHE_MIB)
        @org.jspecify.annotations.Nullable
        Integer importCacheMib,

        @org.jspecify.annotations.Nullable String publicUrl) {

    /** Bounds of {@link #importCacheMib()}, in MiB. */
    public static final int MIN_IMPORT_CACHE_MIB = 2;

    public static final int MAX_IMPORT_CACHE_MIB = 1_048_576;

    /** Default of {@link #importCacheMib()} on a machine with at least 8 GiB of memory. */
    public static final int IMPORT_CACHE_MIB = 2048;

    /** The page cache of the store's pooled SQLite connections (application.properties), in MiB. */
    public static final int POOL_CACHE_MIB = 128;

    /**
     * The page cache of a large SQLite import, in MiB: {@link #importCacheMib()} if set, else
     * {@link #defaultImportCacheMib(long)} of this machine's physical memory.
     *
     * @throws IllegalArgumentException if the setting is outside 2 to 1,048,576 (also refused when bound)
     */
    public int effectiveImportCacheMib() {
        if (importCacheMib != null) {
            if (importCacheMib < MIN_IMPORT_CACHE_MIB || importCacheMib > MAX_IMPORT_CACHE_MIB) {
                throw new IllegalArgumentException("jcu.import-cache-mib must be between " + MIN_IMPORT_CACHE_MIB
                        + " and " + MAX_IMPORT_CACHE_MIB + " (MiB), found " + importCacheMib);
            }
            return importCacheMib;
        }
        return defaultImportCacheMib(((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize());
    }

    /**
     * The default import cache for {@code physicalBytes} of memory: a quarter of it, at most {@link #IMPORT_CACHE_MIB}
     * and at least {@link #POOL_CACHE_MIB}, in MiB.
     */
    static int defaultImportCacheMib(long physicalBytes) {
        long quarter = physicalBytes / 4 / (1024 * 1024);
        return (int) Math.max(POOL_CACHE_MIB, Math.min(IMPORT_CACHE_MIB, quarter));
    }
}
