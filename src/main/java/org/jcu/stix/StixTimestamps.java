package org.jcu.stix;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * STIX timestamps (STIX 2.1 §3.2): RFC 3339 in UTC with a literal {@code Z}, {@code YYYY-MM-DDTHH:mm:ss[.s+]Z}.
 *
 * <p>The text of a timestamp is stored unchanged (original precision); {@link #versionKey} gives a fixed-width form
 * (nanoseconds, 30 characters) whose lexicographic order is chronological order, so versions compare correctly in SQL
 * on every database even when senders use different precisions.
 */
public final class StixTimestamps {

    private static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private StixTimestamps() {}

    /** True if {@code text} is a STIX 2.1 timestamp (UTC, {@code Z}, at most nanosecond precision). */
    public static boolean isValid(String text) {
        if (!hasShape(text)) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Character-level check equivalent to the pattern {@code STIX_TIMESTAMP} (hot path: no regex). */
    private static boolean hasShape(String text) {
        int length = text == null ? 0 : text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z') {
            return false;
        }
        for (int i = 0; i < 19; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        if (length > 20) {
            if (text.charAt(19) != '.') {
                return false;
            }
            for (int i = 20; i < length - 1; i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Parses a STIX timestamp.
     *
     * @throws IllegalArgumentException if the text is not a STIX timestamp
     */
    public static Instant parse(String text) {
        if (!hasShape(text)) {
            throw new IllegalArgumentException("not a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z): " + text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int second = digits(text, 17, 19);
        if (second > 60) {
            throw new IllegalArgumentException("not a valid time (seconds > 60): " + text);
        }
        second = Math.min(59, second);
        int nanos = 0;
        if (text.charAt(19) == '.') {
            int end = text.length() - 1;
            nanos = digits(text, 20, end);
            for (int i = end - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        try {
            LocalDateTime local =
                    LocalDateTime.of(year, month, day, digits(text, 11, 13), digits(text, 14, 16), second, nanos);
            return local.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a valid date: " + text, e);
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /**
     * Fixed-width sortable key of a STIX timestamp, e.g. {@code 2020-01-01T00:00:00.000000000Z}: the text's own digits,
     * fraction padded to nine (a leap second {@code :60} is folded onto {@code :59}).
     *
     * @throws IllegalArgumentException if the text is not a valid STIX timestamp
     */
    public static String versionKey(String text) {
        parse(text);
        StringBuilder key = new StringBuilder(30).append(text, 0, 17);
        key.append(text.charAt(17) == '6' ? "59" : text.substring(17, 19)).append('.');
        int fraction = text.length() > 20 ? text.length() - 21 : 0;
        if (fraction > 0) {
            key.append(text, 20, text.length() - 1);
        }
        for (int i = fraction; i < 9; i++) {
            key.append('0');
        }
        return key.append('Z').toString();
    }

    /** An instant as a fixed-width UTC timestamp with microseconds (TAXII 2.1 §3.2 {@code date_added} precision). */
    public static String micros(Instant instant) {
        return MICROS.format(instant);
    }

    /** Inverse of {@link #micros} and {@link #versionKey}: any STIX timestamp back to an instant. */
    public static Instant instant(String text) {
        return parse(text);
    }
}
