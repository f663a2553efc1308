package org.jcu.observable.pattern;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.jcu.observable.pattern.ObservationExpression.Combined;
import org.jcu.observable.pattern.ObservationExpression.Observation;
import org.jcu.observable.pattern.ObservationExpression.Qualified;

/**
 * A parsed STIX 2.1 pattern (STIX 2.1 §9, the {@code pattern} of an indicator whose {@code pattern_type} is
 * {@code stix}): its tree ({@link #expression()}), its comparisons in source order ({@link #comparisons()}) and its
 * canonical text ({@link #format()}).
 *
 * <p>What is accepted: jcu's own grammar of §9 ({@code src/main/antlr4/.../StixPattern.g4}); keywords upper case,
 * {@code true}/{@code false} lower case; {@code ==} and {@code <>} for {@code =} and {@code !=}, and comments, as the
 * OASIS validator accepts them; plus what the OASIS validator (stix2-patterns 2.1) checks beyond syntax: hash values
 * of the digest's length, RFC 3339 UTC timestamps, padded base64, whole hex octets, one qualifier of each type
 * directly after brackets. In addition START must be before STOP, and {@code EXISTS path} is accepted.
 *
 * <p>{@code parse(p).format()} parses back to an equal pattern ({@code equals} compares the trees).
 *
 * <p>Immutable and thread-safe; {@link #parse} may be called from any number of threads.
 */
public final class StixPattern {

    private final ObservationExpression expression;
    private final List<Comparison> comparisons;

    private StixPattern(ObservationExpression expression) {
        this.expression = expression;
        this.comparisons = collectComparisons(expression);
    }

    /**
     * Parses a pattern.
     *
     * @param pattern the pattern text, e.g. {@code [file:hashes.'SHA-256' = 'aec0...']}
     * @throws PatternException if it does not parse or breaks a rule above; the exception names the offset (in code
     *     points) and the rule
     */
    public static StixPattern parse(String pattern) {
        return new StixPattern(PatternBuilder.parse(Objects.requireNonNull(pattern, "pattern")));
    }

    /** A pattern from a tree built in code (the records check their own rules on construction). */
    public static StixPattern of(ObservationExpression expression) {
        return new StixPattern(Objects.requireNonNull(expression, "expression"));
    }

    /** The observation expression tree. */
    public ObservationExpression expression() {
        return expression;
    }

    /**
     * Every comparison, depth first in source order, whatever observation and boolean operators and qualifiers join
     * them; an immutable list.
     */
    public List<Comparison> comparisons() {
        return comparisons;
    }

    /**
     * The pattern as canonical text: single spaces, {@code =}/{@code !=}, parentheses only where needed, property
     * names quoted only when needed, string literals re-escaped ({@code \'} and {@code \\}), comments dropped.
     */
    public String format() {
        return expression.format();
    }

    private static List<Comparison> collectComparisons(ObservationExpression root) {
        List<Comparison> found = new ArrayList<>();
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof Comparison comparison) {
                found.add(comparison);
            } else if (node instanceof ComparisonExpression.Combined combined) {
                pushReversed(combined.operands(), pending);
            } else if (node instanceof Observation observation) {
                pending.push(observation.comparison());
            } else if (node instanceof Qualified qualified) {
                pending.push(qualified.expression());
            } else {
                pushReversed(((Combined) node).operands(), pending);
            }
        }
        return List.copyOf(found);
    }

    private static void pushReversed(List<?> operands, Deque<Object> pending) {
        for (int i = operands.size() - 1; i >= 0; i--) {
            pending.push(operands.get(i));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StixPattern pattern && pattern.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    /** Same as {@link #format()}. */
    @Override
    public String toString() {
        return format();
    }
}
