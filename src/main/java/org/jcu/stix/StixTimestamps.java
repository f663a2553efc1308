package org.jcu.stix;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * STIX timestamps (STIX 2.1 §3.2): RFC 3339 in UTC with a literal {@code Z}, {@code YYYY-MM-DDTHH:mm:ss[.s+]Z}.
 *
 * <p>The text of a timestamp is stored unchanged (original precision); {@link #versionKey} gives a fixed-width form
 * (nanoseconds, 30 characters) whose lexicographic order is chronological order, so versions compare correctly in SQL
 * on every database even when senders use different precisions.
 */
public final class StixTimestamps {

    private static final Pattern STIX_TIMESTAMP =
            Pattern.compile("^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d{1,9})?Z$");

    private static final DateTimeFormatter KEY = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private StixTimestamps() {
    }

    /** True if {@code text} is a STIX 2.1 timestamp (UTC, {@code Z}, at most nanosecond precision). */
    public static boolean isValid(String text) {
        if (text == null || !STIX_TIMESTAMP.matcher(text).matches()) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Parses a STIX timestamp.
     *
     * @throws IllegalArgumentException if the text is not a STIX timestamp
     */
    public static Instant parse(String text) {
        if (text == null || !STIX_TIMESTAMP.matcher(text).matches()) {
            throw new IllegalArgumentException("not a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z): " + text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int second = Math.min(59, digits(text, 17, 19));
        int nanos = 0;
        if (text.charAt(19) == '.') {
            int end = text.length() - 1;
            nanos = digits(text, 20, end);
            for (int i = end - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, digits(text, 11, 13), digits(text, 14, 16), second,
                    nanos);
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

    /** Fixed-width sortable key of a STIX timestamp, e.g. {@code 2020-01-01T00:00:00.000000000Z}. */
    public static String versionKey(String text) {
        return KEY.format(parse(text));
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
