package org.jcu.observable.pattern;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The content rules of the prefixed literals (STIX 2.1 §9, Constants) and of hash values: each check returns what is
 * wrong, or null when the text is acceptable. Stateless.
 */
final class LiteralRules {

    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})*");
    private static final Pattern BASE64 =
            Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    private static final Pattern TIMESTAMP =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?Z");

    /**
     * Hex digest lengths by algorithm, keyed upper-case without '-' and '_' (hash-algorithm-ov, STIX 2.1 §10.6, and
     * the further digests the OASIS pattern validator knows). Fuzzy hashes (SSDEEP, TLSH) have no fixed form here.
     */
    private static final Map<String, Integer> HEX_DIGEST_LENGTHS = Map.ofEntries(
            Map.entry("MD5", 32),
            Map.entry("RIPEMD160", 40),
            Map.entry("SHA1", 40),
            Map.entry("SHA224", 56),
            Map.entry("SHA256", 64),
            Map.entry("SHA384", 96),
            Map.entry("SHA512", 128),
            Map.entry("SHA3224", 56),
            Map.entry("SHA3256", 64),
            Map.entry("SHA3384", 96),
            Map.entry("SHA3512", 128),
            Map.entry("WHIRLPOOL", 128));

    private LiteralRules() {}

    /**
     * A timestamp literal's content: RFC 3339 {@code YYYY-MM-DDTHH:mm:ss[.s+]Z} in UTC, each field in its range
     * (seconds up to 60 for a leap second). Day-of-month is checked against 31, not against the month, as the OASIS
     * validator does ({@code 2024-02-30} passes).
     */
    static @Nullable String timestampProblem(String text) {
        var m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return "t'" + text + "' is not an RFC 3339 UTC timestamp: expected YYYY-MM-DDTHH:mm:ss[.s+]Z";
        }
        String field = outOfRange(m.group(2), 1, 12, "month");
        field = field != null ? field : outOfRange(m.group(3), 1, 31, "day");
        field = field != null ? field : outOfRange(m.group(4), 0, 23, "hour");
        field = field != null ? field : outOfRange(m.group(5), 0, 59, "minute");
        field = field != null ? field : outOfRange(m.group(6), 0, 60, "second");
        return field == null ? null : "t'" + text + "' is not an RFC 3339 UTC timestamp: " + field;
    }

    private static @Nullable String outOfRange(String digits, int min, int max, String name) {
        int value = Integer.parseInt(digits);
        return value < min || value > max ? name + " " + digits + " is outside " + min + ".." + max : null;
    }

    /**
     * Chronological order of two valid timestamp literals: the fixed-width part compares as text, then the fraction
     * as a decimal (so {@code .1} equals {@code .100}).
     */
    static int compareTimestamps(String a, String b) {
        int head = a.substring(0, 19).compareTo(b.substring(0, 19));
        if (head != 0) {
            return head;
        }
        String fa = fraction(a);
        String fb = fraction(b);
        int width = Math.max(fa.length(), fb.length());
        return pad(fa, width).compareTo(pad(fb, width));
    }

    private static String fraction(String timestamp) {
        return timestamp.length() > 20 ? timestamp.substring(20, timestamp.length() - 1) : "";
    }

    private static String pad(String digits, int width) {
        return digits + "0".repeat(width - digits.length());
    }

    /** A hex literal's content: whole octets, two hex digits each. */
    static @Nullable String hexProblem(String text) {
        return HEX.matcher(text).matches() ? null : "h'" + text + "' is not whole octets of hex digits";
    }

    /** A binary literal's content: RFC 4648 §4 base64 with padding. */
    static @Nullable String base64Problem(String text) {
        return BASE64.matcher(text).matches() ? null : "b'" + text + "' is not padded base64 (RFC 4648 §4)";
    }

    /**
     * A value compared with {@code hashes.<algorithm>}: for the digests of fixed length, that many hex digits; other
     * algorithms are not checked.
     */
    static @Nullable String hashProblem(String algorithm, String value) {
        Integer length = HEX_DIGEST_LENGTHS.get(
                algorithm.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT));
        if (length == null || (value.length() == length && HEX.matcher(value).matches())) {
            return null;
        }
        return "'" + value + "' is not a valid " + algorithm + " hash (" + length + " hex digits)";
    }
}
