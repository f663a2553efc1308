package org.jcu.observable.pattern;

/**
 * The comparison operators of STIX 2.1 §9 (Comparison Operators), each with the symbol it is written with. {@code ==}
 * and {@code <>} are read as {@link #EQ} and {@link #NEQ} and written as {@code =} and {@code !=}. Immutable.
 */
public enum ComparisonOperator {
    EQ("="),
    NEQ("!="),
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<="),
    /** Set membership: the comparison has zero or more values. */
    IN("IN"),
    /** SQL LIKE ({@code %}, {@code _}) on a string value. */
    LIKE("LIKE"),
    /** PCRE match on a string value. */
    MATCHES("MATCHES"),
    /** The address or block lies in the CIDR block given as a string value. */
    ISSUBSET("ISSUBSET"),
    /** The block contains the address or CIDR block given as a string value. */
    ISSUPERSET("ISSUPERSET"),
    /** The property exists; written before the path ({@code EXISTS file:name}), no value, never negated. */
    EXISTS("EXISTS");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in a pattern, e.g. {@code >=}, {@code ISSUBSET}. */
    public String symbol() {
        return symbol;
    }
}
