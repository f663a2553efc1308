package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.jcu.stix.StixTimestamps;
import org.junit.jupiter.api.Test;

/** Opaque cursors and {@code match[version]} parsing. */
class PagingAndSelectorTest {

    @Test
    void cursorsRoundTripAndRejectForgeries() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            long seq = Math.abs(random.nextLong());
            assertThat(Cursors.decode(Cursors.encode(seq))).isEqualTo(seq);
        }
        assertThat(Cursors.decode(null)).isZero();
        assertThat(Cursors.decode("")).isZero();
        assertThatThrownBy(() -> Cursors.decode("12345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid paging cursor");
        assertThatThrownBy(() -> Cursors.decode("!!!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionSelectorParsesKeywordsAndTimestamps() {
        assertThat(VersionSelector.parse(null)).isEqualTo(VersionSelector.LAST);
        assertThat(VersionSelector.parse(" ")).isEqualTo(VersionSelector.LAST);
        VersionSelector mixed = VersionSelector.parse("first, last,2024-01-01T00:00:00Z");
        assertThat(mixed.first()).isTrue();
        assertThat(mixed.last()).isTrue();
        assertThat(mixed.all()).isFalse();
        assertThat(mixed.keys()).containsExactly(StixTimestamps.versionKey("2024-01-01T00:00:00.000Z"));
        assertThat(VersionSelector.parse("all").all()).isTrue();
        assertThatThrownBy(() -> VersionSelector.parse("latest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("match[version]")
                .hasMessageContaining("latest");
        assertThat(List.of(
                        VersionSelector.parse("2024-01-01T00:00:00.5Z").keys().get(0)))
                .containsExactly("2024-01-01T00:00:00.500000000Z");
    }
}
