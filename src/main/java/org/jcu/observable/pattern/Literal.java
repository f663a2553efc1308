package org.jcu.observable.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A constant in a comparison (STIX 2.1 §9.2): string, integer, float, boolean, hex, binary or timestamp. Each record
 * checks its content on construction ({@link IllegalArgumentException}) and {@link #format()}s to the literal text
 * that parses back to an equal record.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface Literal {

    /** The literal as written in a pattern, e.g. {@code 'C:\\Windows'}, {@code 443}, {@code t'2016-06-01T00:00:00Z'}. */
    String format();

    /** {@code '...'}: the decoded text (quotes and backslashes unescaped); any string, the empty one included. */
    record StringLiteral(String value) implements Literal {
        public StringLiteral {
            Objects.requireNonNull(value);
        }

        @Override
        public String format() {
            return StringLiterals.encode(value);
        }
    }

    /** An integer, e.g. {@code 1280} or {@code -5}, of any size. */
    record IntegerLiteral(BigInteger value) implements Literal {
        public IntegerLiteral {
            Objects.requireNonNull(value);
        }

        public static IntegerLiteral of(long value) {
            return new IntegerLiteral(BigInteger.valueOf(value));
        }

        @Override
        public String format() {
            return value.toString();
        }
    }

    /**
     * A float, e.g. {@code 7.0}: the decimal as written, scale kept ({@code 7.0} and {@code 7.00} differ); a value
     * with no fraction digits gets one ({@code 7} becomes {@code 7.0}) so it stays a float when parsed back.
     */
    record FloatLiteral(BigDecimal value) implements Literal {
        public FloatLiteral {
            if (value.scale() < 1) {
                value = value.setScale(1);
            }
        }

        @Override
        public String format() {
            return value.toPlainString();
        }
    }

    /** {@code true} or {@code false} (lower case). */
    record BooleanLiteral(boolean value) implements Literal {
        @Override
        public String format() {
            return Boolean.toString(value);
        }
    }

    /**
     * {@code h'...'}: hex digits as written (case kept), an even number of them.
     *
     * @throws IllegalArgumentException if {@code hex} is not whole octets
     */
    record HexLiteral(String hex) implements Literal {
        public HexLiteral {
            check(LiteralRules.hexProblem(hex));
        }

        @Override
        public String format() {
            return "h'" + hex + "'";
        }
    }

    /**
     * {@code b'...'}: padded base64 (RFC 4648 §4) as written.
     *
     * @throws IllegalArgumentException if {@code base64} is not padded base64
     */
    record BinaryLiteral(String base64) implements Literal {
        public BinaryLiteral {
            check(LiteralRules.base64Problem(base64));
        }

        @Override
        public String format() {
            return "b'" + base64 + "'";
        }
    }

    /**
     * {@code t'...'}: an RFC 3339 UTC timestamp as written, e.g. {@code 2016-06-01T01:30:00.123Z}; fields are range
     * checked but not against the calendar, as the OASIS validator does.
     *
     * @throws IllegalArgumentException if {@code timestamp} is not of that form
     */
    record TimestampLiteral(String timestamp) implements Literal {
        public TimestampLiteral {
            check(LiteralRules.timestampProblem(timestamp));
        }

        @Override
        public String format() {
            return "t'" + timestamp + "'";
        }
    }

    private static void check(@Nullable String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
