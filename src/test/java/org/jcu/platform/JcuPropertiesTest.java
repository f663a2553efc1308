package org.jcu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JcuPropertiesTest {

    private static JcuProperties withImportCache(Integer mib) {
        return new JcuProperties(Path.of("data"), false, 1L << 30, mib, null);
    }

    @Test
    void anExplicitImportCacheIsTakenAsGivenAndOneBelowTwoMibIsRefusedByName() {
        assertThat(withImportCache(64).effectiveImportCacheMib()).isEqualTo(64);
        assertThat(withImportCache(16_384).effectiveImportCacheMib()).isEqualTo(16_384);
        assertThatThrownBy(() -> withImportCache(1).effectiveImportCacheMib())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jcu.import-cache-mib")
                .hasMessageContaining("found 1");
    }

    @Test
    void theDefaultImportCacheIsTwoGibOrAQuarterOfThePhysicalMemory() {
        long physicalMib = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()
                / (1024 * 1024);
        int effective = withImportCache(null).effectiveImportCacheMib();
        assertThat(effective).isEqualTo((int) Math.min(JcuProperties.IMPORT_CACHE_MIB, physicalMib / 4));
        assertThat(effective).isLessThanOrEqualTo(JcuProperties.IMPORT_CACHE_MIB);
    }
}
