package org.jcu.intel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque paging cursors: an insertion position, base64url-encoded so clients treat it as a token.
 */
public final class Cursors {

    private Cursors() {}

    /** Encodes a paging position. */
    public static String encode(long seq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The value of a paging parameter that has two names (the current one and an older one), or null.
     *
     * @throws IllegalArgumentException if both names are given different values
     */
    public static <T> T oneOf(String name, T value, String olderName, T olderValue) {
        if (value != null && olderValue != null && !value.equals(olderValue)) {
            throw new IllegalArgumentException(
                    "parameters '" + name + "' and '" + olderName + "' are the same; give one of them");
        }
        return value != null ? value : olderValue;
    }

    /**
     * Decodes a cursor; null or blank means the start (0).
     *
     * @throws IllegalArgumentException if the cursor was not issued by {@link #encode}
     */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith("v1:")) {
                throw new IllegalArgumentException("invalid paging cursor");
            }
            return Long.parseLong(text.substring(3));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid paging cursor '" + cursor + "'", e);
        }
    }
}
