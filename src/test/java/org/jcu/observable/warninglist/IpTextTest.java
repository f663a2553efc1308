package org.jcu.observable.warninglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Random;
import org.jcu.observable.IpRange;
import org.junit.jupiter.api.Test;

/** IP and CIDR text to ranges: notation-independent, mapped IPv4 in IPv6 notation kept in the IPv6 space. */
class IpTextTest {

    private static final long SEED = 4_632L;

    @Test
    void parsesAddressesAndBlocksInEitherFamily() {
        assertThat(IpText.parse("192.0.2.1").canonical()).isEqualTo("192.0.2.1");
        assertThat(IpText.parse(" 10.9.9.9/8 ").canonical()).isEqualTo("10.0.0.0/8");
        assertThat(IpText.parse("2001:0DB8::0:1").canonical()).isEqualTo("2001:db8::1");
        assertThat(IpText.parse("[2001:db8::1]").canonical()).isEqualTo("2001:db8::1");
        assertThat(IpText.parse("2001:db8::/32").canonical()).isEqualTo("2001:db8::/32");
        assertThat(IpText.parse("::ffff:10.0.0.0/104")).isEqualTo(IpText.parse("10.0.0.0/8"));
        assertThat(IpText.parse("::ffff:192.0.2.1")).isEqualTo(IpText.parse("192.0.2.1"));
        assertThat(IpText.parse("::/0").prefix()).isZero();
        assertThat(IpText.parse("0.0.0.0/0").prefix()).isEqualTo(96);
    }

    @Test
    void rejectsTextThatIsNotAnAddressOrBlock() {
        // the Normalizer's rule texts (one rule for lists and values), naming the text
        for (String bad : List.of("10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "example.com", "1.2.3")) {
            assertThatThrownBy(() -> IpText.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + bad + "\"");
        }
        assertThatThrownBy(() -> IpText.parse("10.0.0.0/33")).hasMessageContaining("CIDR prefix must be /0../32");
        assertThat(IpText.parseOrNull("")).isNull();
    }

    @Test
    void everyNotationOfARandomIpv6BlockParsesToTheSameRange() throws UnknownHostException {
        Random random = new Random(SEED);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            for (int zero = random.nextInt(16); zero < 16 && random.nextBoolean(); zero++) {
                bytes[zero] = 0;
            }
            int prefix = random.nextInt(129);
            InetAddress address = InetAddress.getByAddress(bytes);
            String compressed = InetAddresses.toAddrString(address);
            StringBuilder full = new StringBuilder();
            for (int group = 0; group < 8; group++) {
                full.append(group == 0 ? "" : ":")
                        .append(String.format(
                                "%04X", ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff)));
            }
            IpRange expected = IpRange.of(bytes, prefix);
            if (expected.isIpv4() || bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff && isZero(bytes, 10)) {
                continue;
            }

            assertThat(IpText.parse(compressed + "/" + prefix))
                    .as("seed %d: %s", SEED, compressed)
                    .isEqualTo(expected);
            assertThat(IpText.parse(full + "/" + prefix))
                    .as("seed %d: %s", SEED, full)
                    .isEqualTo(expected);
            assertThat(IpText.parse(expected.canonical())).isEqualTo(expected);
        }
    }

    private static boolean isZero(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
