package org.jcu.observable.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What stands inside the brackets of an observation expression (STIX 2.1 §9, Pattern Expressions): one
 * {@link Comparison} or comparison expressions joined by AND or OR ({@link Combined}). AND binds tighter than OR; parentheses in the source are not kept (they are implied by the tree) and {@link #format()} writes those
 * the tree needs.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface ComparisonExpression permits Comparison, ComparisonExpression.Combined {

    /** The expression as pattern text, without the enclosing brackets. */
    default String format() {
        return PatternPrinter.format(this);
    }

    /** The boolean operators between comparison expressions. */
    enum BooleanOperator {
        AND,
        OR
    }

    /**
     * Two or more operands joined by one operator, in source order. Nested expressions with the same operator are
     * merged into this one ({@code a AND (b AND c)} is {@code a AND b AND c}: both operators are associative).
     *
     * @throws IllegalArgumentException if there are fewer than two operands
     */
    record Combined(BooleanOperator operator, List<ComparisonExpression> operands) implements ComparisonExpression {
        public Combined {
            Objects.requireNonNull(operator);
            List<ComparisonExpression> flat = new ArrayList<>(operands.size());
            for (ComparisonExpression operand : operands) {
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
        public static Combined of(BooleanOperator operator, ComparisonExpression left, ComparisonExpression right) {
            return new Combined(operator, List.of(left, right));
        }
    }
}
