package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TOTP and HOTP against the published test vectors, and the acceptance window jcu applies. */
class TotpTest {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B: time (s), TOTP (8 digits), mode. */
    static Stream<Arguments> rfc6238AppendixB() {
        return Stream.of(
                Arguments.of(59L, "94287082", Totp.Algorithm.SHA1),
                Arguments.of(59L, "46119246", Totp.Algorithm.SHA256),
                Arguments.of(59L, "90693936", Totp.Algorithm.SHA512),
                Arguments.of(1111111109L, "07081804", Totp.Algorithm.SHA1),
                Arguments.of(1111111109L, "68084774", Totp.Algorithm.SHA256),
                Arguments.of(1111111109L, "25091201", Totp.Algorithm.SHA512),
                Arguments.of(1111111111L, "14050471", Totp.Algorithm.SHA1),
                Arguments.of(1111111111L, "67062674", Totp.Algorithm.SHA256),
                Arguments.of(1111111111L, "99943326", Totp.Algorithm.SHA512),
                Arguments.of(1234567890L, "89005924", Totp.Algorithm.SHA1),
                Arguments.of(1234567890L, "91819424", Totp.Algorithm.SHA256),
                Arguments.of(1234567890L, "93441116", Totp.Algorithm.SHA512),
                Arguments.of(2000000000L, "69279037", Totp.Algorithm.SHA1),
                Arguments.of(2000000000L, "90698825", Totp.Algorithm.SHA256),
                Arguments.of(2000000000L, "38618901", Totp.Algorithm.SHA512),
                Arguments.of(20000000000L, "65353130", Totp.Algorithm.SHA1),
                Arguments.of(20000000000L, "77737706", Totp.Algorithm.SHA256),
                Arguments.of(20000000000L, "47863826", Totp.Algorithm.SHA512));
    }

    @ParameterizedTest(name = "T={0}s {2} -> {1}")
    @MethodSource("rfc6238AppendixB")
    void matchesRfc6238AppendixB(long seconds, String expected, Totp.Algorithm algorithm) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(seed, step, 8, algorithm)).isEqualTo(expected);
    }

    @Test
    void matchesRfc4226AppendixD() {
        String[] expected = {
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"
        };
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(SEED_SHA1, counter, 6, Totp.Algorithm.SHA1))
                    .as("HOTP count " + counter)
                    .isEqualTo(expected[counter]);
        }
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSideOnly() {
        Instant now = Instant.ofEpochSecond(1_700_000_015L);
        long step = Totp.step(now);
        for (long offset = -1; offset <= 1; offset++) {
            String code = Totp.code(SEED_SHA1, step + offset, 6, Totp.Algorithm.SHA1);
            assertThat(Totp.verify(SEED_SHA1, code, now)).hasValue(step + offset);
        }
        for (long offset : new long[] {-3, -2, 2, 3}) {
            String code = Totp.code(SEED_SHA1, step + offset, 6, Totp.Algorithm.SHA1);
            boolean collides = false;
            for (long near = -1; near <= 1; near++) {
                collides |= code.equals(Totp.code(SEED_SHA1, step + near, 6, Totp.Algorithm.SHA1));
            }
            if (!collides) {
                assertThat(Totp.verify(SEED_SHA1, code, now))
                        .as("offset " + offset)
                        .isEmpty();
            }
        }
    }

    @Test
    void refusesMalformedCodes() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.verify(SEED_SHA1, null, now)).isEmpty();
        assertThat(Totp.verify(SEED_SHA1, "", now)).isEmpty();
        assertThat(Totp.verify(SEED_SHA1, "28708", now)).isEmpty();
        assertThat(Totp.verify(SEED_SHA1, "2870821", now)).isEmpty();
        assertThat(Totp.verify(SEED_SHA1, "28708a", now)).isEmpty();
    }

    @Test
    void base32FollowsRfc4648() {
        String[][] vectors = {
            {"", ""},
            {"f", "MY"},
            {"fo", "MZXQ"},
            {"foo", "MZXW6"},
            {"foob", "MZXW6YQ"},
            {"fooba", "MZXW6YTB"},
            {"foobar", "MZXW6YTBOI"}
        };
        for (String[] vector : vectors) {
            byte[] bytes = vector[0].getBytes(StandardCharsets.US_ASCII);
            assertThat(Base32.encode(bytes)).isEqualTo(vector[1]);
            assertThat(Base32.decode(vector[1] + "======".substring(0, (8 - vector[1].length() % 8) % 8)))
                    .isEqualTo(bytes);
            assertThat(Base32.decode(vector[1].toLowerCase(java.util.Locale.ROOT)))
                    .isEqualTo(bytes);
        }
    }
}
