package org.jcu.observable.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pattern's observation expression (STIX 2.1 §9, Pattern Expressions and Observation Operators): a bracketed
 * comparison expression ({@link Observation}), a qualified expression ({@link Qualified}), or expressions joined by
 * AND, OR or FOLLOWEDBY ({@link Combined}).
 *
 * <p>Binding, tightest first: brackets, qualifiers, AND, OR, FOLLOWEDBY.
 * Parentheses in the source are not kept: the tree implies them and {@link #format()} writes those it needs.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface ObservationExpression
        permits ObservationExpression.Observation, ObservationExpression.Qualified, ObservationExpression.Combined {

    /** The expression as pattern text. */
    default String format() {
        return PatternPrinter.format(this);
    }

    /** The operators between observation expressions. */
    enum ObservationOperator {
        AND,
        OR,
        FOLLOWEDBY
    }

    /** {@code [comparison]}. */
    record Observation(ComparisonExpression comparison) implements ObservationExpression {
        public Observation {
            Objects.requireNonNull(comparison);
        }
    }

    /**
     * Two or more operands joined by one operator, in source order. Nested expressions with the same operator are
     * merged into this one ({@code a OR (b OR c)} is {@code a OR b OR c}).
     *
     * @throws IllegalArgumentException if there are fewer than two operands
     */
    record Combined(ObservationOperator operator, List<ObservationExpression> operands)
            implements ObservationExpression {
        public Combined {
            Objects.requireNonNull(operator);
            List<ObservationExpression> flat = new ArrayList<>(operands.size());
            for (ObservationExpression operand : operands) {
                if (operand instanceof Combined nested && nested.operator == operator) {
                    flat.addAll(nested.operands);
                } else {
                    flat.add(Objects.requireNonNull(operand));
                }
            }
            if (flat.size() < 2) {
                throw new IllegalArgumentException(operator + " needs two or more operands, got " + flat.size());
            }
            operands = List.copyOf(flat);
        }

        /** {@code left <operator> right}, merged as above. */
        public static Combined of(
                ObservationOperator operator, ObservationExpression left, ObservationExpression right) {
            return new Combined(operator, List.of(left, right));
        }
    }

    /**
     * An expression followed by one or more qualifiers, in source order: {@code [a] WITHIN 5 SECONDS REPEATS 2 TIMES}
     * is one {@code Qualified} with two qualifiers; {@code ([a] WITHIN 5 SECONDS) REPEATS 2 TIMES} nests two.
     *
     * <p>A qualifier type may repeat here; the parser refuses a repeat only directly after brackets ({@code [a]
     * WITHIN 5 SECONDS WITHIN 6 SECONDS}) and accepts it after parentheses ({@code ([a]) WITHIN 5 SECONDS WITHIN 6
     * SECONDS}), as the OASIS validator does, so such an expression is written with the parentheses.
     *
     * @throws IllegalArgumentException if {@code qualifiers} is empty
     */
    record Qualified(ObservationExpression expression, List<Qualifier> qualifiers) implements ObservationExpression {
        public Qualified {
            Objects.requireNonNull(expression);
            qualifiers = List.copyOf(qualifiers);
            if (qualifiers.isEmpty()) {
                throw new IllegalArgumentException("a qualified expression needs a qualifier");
            }
        }

        /** True if two qualifiers are of the same type (two WITHIN, two REPEATS or two START/STOP). */
        boolean repeatsAQualifierType() {
            return qualifiers.stream().map(Object::getClass).distinct().count() < qualifiers.size();
        }
    }
}
