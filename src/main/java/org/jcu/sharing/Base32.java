package org.jcu.sharing;

import java.util.Locale;

/**
 * Base32 (RFC 4648 §6, alphabet {@code A–Z2–7}) as authenticator apps expect TOTP secrets in {@code otpauth://} URIs:
 * encoded without {@code =} padding; decoding ignores case, spaces and padding. A thin adapter over Apache Commons
 * Codec's {@code Base32}.
 *
 * <p>Thread-safety: stateless.
 */
final class Base32 {

    private static final org.apache.commons.codec.binary.Base32 CODEC = new org.apache.commons.codec.binary.Base32();

    private Base32() {}

    /** Upper-case Base32 of {@code bytes}, without padding. */
    static String encode(byte[] bytes) {
        return CODEC.encodeAsString(bytes).replace("=", "");
    }

    /**
     * Bytes of a Base32 text.
     *
     * @throws IllegalArgumentException for a character outside the alphabet
     */
    static byte[] decode(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        if (!clean.matches("[A-Z2-7]*")) {
            throw new IllegalArgumentException("not Base32: a character outside A-Z and 2-7");
        }
        int padding = (8 - clean.length() % 8) % 8;
        return CODEC.decode(clean + "=".repeat(padding));
    }
}
