package org.jcu.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link VersionIdHash} against SHA-256 computed elsewhere (Python's hashlib, first 8 bytes, big-endian, signed). */
class VersionIdHashTest {

    @Test
    void isTheFirstEightBytesOfSha256OfTheUtf8IdBigEndian() {
        // negative (first byte 0x87) and positive, ASCII and not
        assertThat(VersionIdHash.of("indicator--1f0e6b8c-8f7d-4f55-9d0a-0f7a8d6b1c01"))
                .isEqualTo(0x87840a121bb544a1L)
                .isEqualTo(-8681803108772920159L);
        assertThat(VersionIdHash.of("x-räksmörgås--3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b0a"))
                .isEqualTo(0x2d097920a0547359L);
    }

    @Test
    void sqlAndArgumentsMatchKeyAndIdInTheSameOrder() {
        assertThat(VersionIdHash.equalsSql("v")).isEqualTo("v.id_hash = ? AND v.stix_id = ?");
        assertThat(VersionIdHash.args("a")).containsExactly(VersionIdHash.of("a"), "a");
        assertThat(VersionIdHash.inSql("w", 2)).isEqualTo("w.id_hash IN (?, ?) AND w.stix_id IN (?, ?)");
        assertThat(VersionIdHash.args(List.of("a", "b")))
                .containsExactly(VersionIdHash.of("a"), VersionIdHash.of("b"), "a", "b");
    }
}
