package org.jcu.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link IpRange}: ranges by bits, checked against a BigInteger oracle on random ranges. */
class IpRangeTest {

    /** Seed of the randomized properties; replay with {@code -Djcu.norm.seed=N}. */
    static final long SEED = Long.getLong("jcu.norm.seed", System.nanoTime());

    private static final BigInteger ALL_ONES = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    @BeforeAll
    static void printSeed() {
        System.out.println("IpRangeTest seed " + SEED + " (replay: -Djcu.norm.seed=" + SEED + ")");
    }

    static IpRange range(String text) {
        return IpText.parseRange(text);
    }

    @Test
    void ipv4IsHeldAsMappedIpv6() {
        IpRange ipv4 = IpRange.of(InetAddresses.forString("192.0.2.77"), 24);

        assertThat(ipv4.canonical()).isEqualTo("192.0.2.0/24");
        assertThat(ipv4.prefix()).isEqualTo(120);
        assertThat(ipv4.familyPrefix()).isEqualTo(24);
        assertThat(ipv4.isIpv4()).isTrue();
        assertThat(ipv4.isSingleAddress()).isFalse();
        assertThat(ipv4.hex()).isEqualTo("00000000000000000000ffffc0000200");
        assertThat(HexFormat.of().formatHex(ipv4.last())).isEqualTo("00000000000000000000ffffc00002ff");
        assertThat(IpRange.of(InetAddresses.forString("192.0.2.77"), 32).canonical())
                .isEqualTo("192.0.2.77");
    }

    @Test
    void ipv6() {
        IpRange block = IpRange.of(InetAddresses.forString("2001:db8::1"), 32);

        assertThat(block.canonical()).isEqualTo("2001:db8::/32");
        assertThat(block.isIpv4()).isFalse();
        assertThat(block.familyPrefix()).isEqualTo(32);
        assertThat(block.toString()).isEqualTo("2001:db8::/32");
        assertThat(IpRange.of(new byte[16], 0).canonical()).isEqualTo("::/0");
        assertThat(IpRange.of(new byte[16], 128).canonical()).isEqualTo("::");
    }

    @Test
    void equalityIsByNetworkAndPrefix() {
        assertThat(range("192.0.2.1/24")).isEqualTo(range("192.0.2.200/24"));
        assertThat(range("192.0.2.1/24")).hasSameHashCodeAs(range("::ffff:192.0.2.0/120"));
        assertThat(range("192.0.2.0/24")).isNotEqualTo(range("192.0.2.0/25"));
        assertThat(range("::/0")).isNotEqualTo(range("0.0.0.0/0"));
    }

    @Test
    void containmentIsByBitsAcrossFamilies() {
        assertThat(range("0.0.0.0/0").contains(range("203.0.113.9"))).isTrue();
        assertThat(range("::/0").contains(range("203.0.113.9"))).isTrue();
        assertThat(range("::ffff:0:0/96").contains(range("203.0.113.9"))).isTrue();
        assertThat(range("203.0.113.9").contains(range("0.0.0.0/0"))).isFalse();
        assertThat(range("2001:db8::/32").contains(range("2001:DB8:0:0:0:0:0:1")))
                .isTrue();
        assertThat(range("2001:db8::/32").contains(range("2001:db9::1"))).isFalse();
        assertThat(range("2001:db8::/32").overlaps(range("2001:db8:1::/48"))).isTrue();
        assertThat(range("2001:db8:1::/48").overlaps(range("2001:db8::/32"))).isTrue();
        assertThat(range("2001:db8:1::/48").overlaps(range("2001:db8:2::/48"))).isFalse();
    }

    @Test
    void truncateWidens() {
        assertThat(range("192.0.2.77").truncate(96 + 16).canonical()).isEqualTo("192.0.0.0/16");
        assertThat(range("2001:db8::1").truncate(0)).isEqualTo(range("::/0"));
        assertThatThrownBy(() -> range("192.0.2.0/24").truncate(121)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> range("192.0.2.0/24").truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> IpRange.of(new byte[4], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.of(new byte[16], 129)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.of(new byte[16], -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.of(InetAddresses.forString("192.0.2.1"), 33))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byteArraysAreCopied() {
        byte[] address = InetAddresses.forString("2001:db8::1").getAddress();
        IpRange single = IpRange.of(address, 128);
        address[0] = 0;
        single.network()[1] = 0;

        assertThat(single.canonical()).isEqualTo("2001:db8::1");
    }

    @Test
    void containsLastAndTruncateAgreeWithBigIntegerOracle() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            IpRange outer = randomRange(random);
            IpRange inner = random.nextBoolean() ? randomRange(random) : randomSubRange(random, outer);

            BigInteger outerNetwork = new BigInteger(1, outer.network());
            BigInteger innerNetwork = new BigInteger(1, inner.network());
            int hostBits = 128 - outer.prefix();
            boolean expected = inner.prefix() >= outer.prefix()
                    && innerNetwork.shiftRight(hostBits).equals(outerNetwork.shiftRight(hostBits));

            assertThat(outer.contains(inner))
                    .as("seed %d: %s contains %s", SEED, outer, inner)
                    .isEqualTo(expected);
            assertThat(outer.overlaps(inner))
                    .as("seed %d: %s overlaps %s", SEED, outer, inner)
                    .isEqualTo(expected || inner.contains(outer));
            BigInteger hostMask = BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE);
            assertThat(new BigInteger(1, outer.last()))
                    .as("seed %d: last of %s", SEED, outer)
                    .isEqualTo(outerNetwork.or(hostMask));
            assertThat(outerNetwork.and(hostMask))
                    .as("seed %d: host bits of %s", SEED, outer)
                    .isZero();
            int shorter = random.nextInt(outer.prefix() + 1);
            assertThat(new BigInteger(1, outer.truncate(shorter).network()))
                    .isEqualTo(
                            outerNetwork.and(ALL_ONES.shiftLeft(128 - shorter).and(ALL_ONES)));
            assertThat(outer.truncate(shorter).contains(outer)).isTrue();
            assertThat(outer.hex()).hasSize(32).isEqualTo(String.format("%032x", outerNetwork));
        }
    }

    /** Random network bits, with mapped IPv4 and all-zero/all-one patterns common. */
    static IpRange randomRange(Random random) {
        byte[] bytes = new byte[16];
        switch (random.nextInt(4)) {
            case 0 -> {
                bytes[10] = (byte) 0xff;
                bytes[11] = (byte) 0xff;
                for (int i = 12; i < 16; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                return IpRange.of(bytes, 96 + random.nextInt(33));
            }
            case 1 -> Arrays.fill(bytes, (byte) (random.nextBoolean() ? 0 : 0xff));
            default -> random.nextBytes(bytes);
        }
        return IpRange.of(bytes, random.nextInt(129));
    }

    /** A range inside {@code outer}: its prefix bits, random host bits, a longer or equal prefix. */
    static IpRange randomSubRange(Random random, IpRange outer) {
        BigInteger network = new BigInteger(1, outer.network());
        BigInteger host = new BigInteger(128 - outer.prefix(), random);
        byte[] bytes = toBytes(network.or(host));
        return IpRange.of(bytes, outer.prefix() + random.nextInt(129 - outer.prefix()));
    }

    static byte[] toBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[16];
        int length = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - length, out, 16 - length, length);
        return out;
    }
}
