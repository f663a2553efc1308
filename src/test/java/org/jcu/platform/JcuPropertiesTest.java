package org.jcu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The derived settings of {@link JcuProperties}: the SQLite import cache (decision 0019). */
class JcuPropertiesTest {

    private static JcuProperties withImportCache(Integer mib) {
        return new JcuProperties(Path.of("data"), false, 1L << 30, mib, null);
    }

    @Test
    void anExplicitImportCacheIsTakenAsGivenAndOneOutsideTheRangeIsRefusedByName() {
        assertThat(withImportCache(64).effectiveImportCacheMib()).isEqualTo(64);
        assertThat(withImportCache(16_384).effectiveImportCacheMib()).isEqualTo(16_384);
        assertThatThrownBy(() -> withImportCache(1).effectiveImportCacheMib())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jcu.import-cache-mib")
                .hasMessageContaining("found 1");
        assertThatThrownBy(() -> withImportCache(2_000_000).effectiveImportCacheMib())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 2 and 1048576");
    }

    @Test
    void theDefaultImportCacheIsAQuarterOfThePhysicalMemoryBetweenThePoolCacheAndTwoGib() {
        long gib = 1024L * 1024 * 1024;
        assertThat(JcuProperties.defaultImportCacheMib(256L * 1024 * 1024)).isEqualTo(128);
        assertThat(JcuProperties.defaultImportCacheMib(gib)).isEqualTo(256);
        assertThat(JcuProperties.defaultImportCacheMib(4 * gib)).isEqualTo(1024);
        assertThat(JcuProperties.defaultImportCacheMib(8 * gib)).isEqualTo(2048);
        assertThat(JcuProperties.defaultImportCacheMib(64 * gib)).isEqualTo(2048);
        assertThat(withImportCache(null).effectiveImportCacheMib()).isBetween(128, 2048);
    }
}
