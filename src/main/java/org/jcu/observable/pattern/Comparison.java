package org.jcu.observable.pattern;

import java.util.List;
import org.jcu.observable.pattern.Literal.BooleanLiteral;
import org.jcu.observable.pattern.Literal.StringLiteral;
import org.jspecify.annotations.Nullable;

/**
 * One comparison expression (STIX 2.1 §9, Comparison Operators): an object path, an operator, possibly negated with
 * {@code NOT}, and its values. {@code file:hashes.'SHA-256' NOT = 'aec0...'} is object type {@code file}, path
 * {@code [Property(hashes), Property(SHA-256)]}, operator {@link ComparisonOperator#EQ}, negated, one value.
 *
 * <p>Values by operator: {@link ComparisonOperator#IN} any number (the set, in order); {@link
 * ComparisonOperator#EXISTS} none (and never negated); {@code =}, {@code !=} one literal; {@code >}, {@code >=},
 * {@code <}, {@code <=} one literal that is not a boolean; {@code LIKE}, {@code MATCHES}, {@code ISSUBSET}, {@code
 * ISSUPERSET} one {@link StringLiteral}. A string compared with {@code =}, {@code !=} or {@code IN} to a
 * {@code hashes.<algorithm>} path must have the digest's length in hex digits (MD5 32, SHA-1 40, SHA-256 64,
 * SHA-512 128, ...), as the OASIS validator requires.
 *
 * <p>Immutable and thread-safe.
 *
 * @param objectType the STIX Cyber-observable type, e.g. {@code file}, {@code x-usb-device}
 * @param path the steps after the colon, the first one a {@link PathStep.Property}
 * @throws IllegalArgumentException if a rule above is broken or the type is not a type name
 */
public record Comparison(
        String objectType, List<PathStep> path, ComparisonOperator operator, boolean negated, List<Literal> values)
        implements ComparisonExpression {

    public Comparison {
        if (!Names.isObjectType(objectType)) {
            throw new IllegalArgumentException("not an object type name: " + objectType);
        }
        path = List.copyOf(path);
        values = List.copyOf(values);
        if (path.isEmpty() || !(path.get(0) instanceof PathStep.Property)) {
            throw new IllegalArgumentException("an object path starts with a property name: " + path);
        }
        String arity = arityProblem(operator, negated, values);
        if (arity != null) {
            throw new IllegalArgumentException(arity);
        }
        for (Literal value : values) {
            String hash = hashProblem(path, operator, value);
            if (hash != null) {
                throw new IllegalArgumentException(hash);
            }
        }
    }

    /** A comparison with one value, e.g. {@code of("url", "value", EQ, new StringLiteral("http://x/"))}. */
    public static Comparison of(String objectType, String property, ComparisonOperator operator, Literal value) {
        return new Comparison(objectType, List.of(new PathStep.Property(property)), operator, false, List.of(value));
    }

    /** Type and path as written in a pattern, e.g. {@code file:hashes.'SHA-256'}, {@code email-message:to_refs[*].value}. */
    public String objectPath() {
        return objectType + ":" + propertyPath();
    }

    /** The path after the colon, e.g. {@code hashes.'SHA-256'}. */
    public String propertyPath() {
        return PatternPrinter.path(path);
    }

    private static @Nullable String arityProblem(ComparisonOperator operator, boolean negated, List<Literal> values) {
        if (operator == ComparisonOperator.IN) {
            return null;
        }
        if (operator == ComparisonOperator.EXISTS) {
            return values.isEmpty() && !negated ? null : "EXISTS takes no value and no NOT";
        }
        if (values.size() != 1) {
            return operator.symbol() + " takes exactly one value, got " + values.size();
        }
        Literal value = values.get(0);
        return switch (operator) {
            case GT, GE, LT, LE ->
                value instanceof BooleanLiteral ? operator.symbol() + " cannot compare a boolean" : null;
            case LIKE, MATCHES, ISSUBSET, ISSUPERSET ->
                value instanceof StringLiteral ? null : operator.symbol() + " takes a string literal";
            default -> null;
        };
    }

    /** The hash-length problem of one value of this comparison, or null (also null when the path is no hash). */
    static @Nullable String hashProblem(List<PathStep> path, ComparisonOperator operator, Literal value) {
        int size = path.size();
        if (size < 2
                || !(operator == ComparisonOperator.EQ
                        || operator == ComparisonOperator.NEQ
                        || operator == ComparisonOperator.IN)
                || !(value instanceof StringLiteral string)
                || !(path.get(size - 2) instanceof PathStep.Property parent)
                || !parent.name().equals("hashes")
                || !(path.get(size - 1) instanceof PathStep.Property algorithm)) {
            return null;
        }
        return LiteralRules.hashProblem(algorithm.name(), string.value());
    }
}
