package org.jcu.observable.pattern;

/**
 * A STIX pattern that does not parse or breaks a rule of STIX 2.1 §9. The message names where ({@link #offset()})
 * and which rule ({@link #rule()}), e.g. {@code offset 13, TimestampLiteral: t'2024-13-01T12:00:00Z' is not an
 * RFC 3339 UTC timestamp (month 13)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PatternException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String rule;
    private final String detail;

    PatternException(String detail, int offset, String rule) {
        super("offset " + offset + ", " + rule + ": " + detail);
        this.offset = offset;
        this.rule = rule;
        this.detail = detail;
    }

    /**
     * Zero-based index, in Unicode code points, of the character where the error was found; the pattern length when
     * the pattern ended too early.
     */
    public int offset() {
        return offset;
    }

    /**
     * The grammar rule being parsed ({@code objectPath}, {@code predicate}, {@code qualifier}, ...) or the literal
     * or check that failed ({@code StringLiteral}, {@code TimestampLiteral}, {@code hash}, ...).
     */
    public String rule() {
        return rule;
    }

    /** What is wrong, without the position prefix. */
    public String detail() {
        return detail;
    }
}
