package org.jcu.sharing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords: TOTP (RFC 6238) on top of HOTP (RFC 4226 §5), with the JDK's {@link Mac}.
 *
 * <p>A code is {@code HOTP(K, T)} where {@code T = floor((unixSeconds - T0) / X)} is the time step, here with
 * {@code T0 = 0} and {@code X} = {@link #PERIOD_SECONDS}; HOTP truncates {@code HMAC(K, T as 8-byte big-endian)}
 * dynamically (RFC 4226 §5.3) to {@code digits} decimal digits, left-padded with zeros.
 *
 * <p>Thread-safety: stateless; every method is safe for concurrent use.
 */
final class Totp {

    /** Length of a time step in seconds (RFC 6238 §4.1, default {@code X}). */
    static final long PERIOD_SECONDS = 30;

    /** Digits of the codes jcu issues; every common authenticator app supports 6 with SHA-1. */
    static final int DIGITS = 6;

    /** HMAC algorithm of RFC 6238 §1.2; authenticator apps use {@link #SHA1} unless told otherwise. */
    enum Algorithm {
        SHA1("HmacSHA1"),
        SHA256("HmacSHA256"),
        SHA512("HmacSHA512");

        final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {}

    /** The RFC 6238 time step of an instant: {@code floor(epochSecond / 30)}; negative before 1970. */
    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS);
    }

    /**
     * The HOTP value (RFC 4226 §5.3) of {@code key} at {@code counter}, i.e. the TOTP code of time step
     * {@code counter}.
     *
     * @param digits 1 to 8
     * @return exactly {@code digits} decimal digits
     */
    static String code(byte[] key, long counter, int digits, Algorithm algorithm) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1..8, got " + digits);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName);
            mac.init(new SecretKeySpec(key, algorithm.jcaName));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jcaName + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    /**
     * Checks a 6-digit SHA-1 code typed at {@code now}, accepting the current time step and one step either side
     * (RFC 6238 §5.2 recommends at most one step of network and clock delay).
     *
     * @return the time step the code belongs to, or empty if it matches none of the three (also for malformed input).
     *     The caller must refuse a step it has already accepted (RFC 6238 §5.2: no second use of a code).
     */
    static OptionalLong verify(byte[] key, String code, Instant now) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long candidate = current - 1; candidate <= current + 1; candidate++) {
            byte[] expected =
                    code(key, candidate, DIGITS, Algorithm.SHA1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            // constant-time comparison; keep looping so timing does not tell which step matched
            if (MessageDigest.isEqual(expected, code.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    && matched == Long.MIN_VALUE) {
                matched = candidate;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
