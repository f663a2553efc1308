package org.jcu.observable.pattern;

import java.util.List;
import java.util.stream.Collectors;
import org.jcu.observable.pattern.ComparisonExpression.BooleanOperator;
import org.jcu.observable.pattern.ObservationExpression.Combined;
import org.jcu.observable.pattern.ObservationExpression.Observation;
import org.jcu.observable.pattern.ObservationExpression.ObservationOperator;
import org.jcu.observable.pattern.ObservationExpression.Qualified;

/**
 * Writes the pattern tree as text that {@link StixPattern#parse} reads back to an equal tree: single spaces, keywords
 * upper case, parentheses only where binding needs them, names quoted only when they must be. Stateless.
 */
final class PatternPrinter {

    // Binding strength; an operand binding less tightly than its operator is parenthesised.
    private static final int FOLLOWEDBY = 1;
    private static final int OBSERVATION_OR = 2;
    private static final int OBSERVATION_AND = 3;
    private static final int QUALIFIED = 4;
    private static final int ATOM = 5;
    private static final int COMPARISON_OR = 1;
    private static final int COMPARISON_AND = 2;

    private PatternPrinter() {}

    static String format(ObservationExpression expression) {
        StringBuilder out = new StringBuilder();
        write(expression, out);
        return out.toString();
    }

    static String format(ComparisonExpression expression) {
        StringBuilder out = new StringBuilder();
        write(expression, out);
        return out.toString();
    }

    static String path(List<PathStep> path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            PathStep step = path.get(i);
            if (step instanceof PathStep.Property property) {
                if (i > 0) {
                    out.append('.');
                }
                String name = property.name();
                out.append(Names.isBareName(name) ? name : StringLiterals.encode(name));
            } else if (step instanceof PathStep.Index index) {
                out.append('[').append(index.index()).append(']');
            } else {
                out.append("[*]");
            }
        }
        return out.toString();
    }

    private static void write(ObservationExpression expression, StringBuilder out) {
        if (expression instanceof Observation observation) {
            out.append('[');
            write(observation.comparison(), out);
            out.append(']');
        } else if (expression instanceof Qualified qualified) {
            ObservationExpression inner = qualified.expression();
            // A repeated qualifier type is only accepted after parentheses (see Qualified).
            boolean parenthesise = !(inner instanceof Observation) || qualified.repeatsAQualifierType();
            writeOperand(inner, parenthesise, out);
            for (Qualifier qualifier : qualified.qualifiers()) {
                out.append(' ').append(qualifier.format());
            }
        } else {
            Combined combined = (Combined) expression;
            int strength = strength(combined.operator());
            String separator = "";
            for (ObservationExpression operand : combined.operands()) {
                out.append(separator);
                writeOperand(operand, strength(operand) <= strength, out);
                separator = " " + combined.operator().name() + " ";
            }
        }
    }

    private static void writeOperand(ObservationExpression operand, boolean parenthesise, StringBuilder out) {
        if (parenthesise) {
            out.append('(');
            write(operand, out);
            out.append(')');
        } else {
            write(operand, out);
        }
    }

    private static int strength(ObservationExpression expression) {
        if (expression instanceof Combined combined) {
            return strength(combined.operator());
        }
        return expression instanceof Qualified ? QUALIFIED : ATOM;
    }

    private static int strength(ObservationOperator operator) {
        return switch (operator) {
            case AND -> OBSERVATION_AND;
            case OR -> OBSERVATION_OR;
            case FOLLOWEDBY -> FOLLOWEDBY;
        };
    }

    private static void write(ComparisonExpression expression, StringBuilder out) {
        if (expression instanceof Comparison comparison) {
            write(comparison, out);
            return;
        }
        ComparisonExpression.Combined combined = (ComparisonExpression.Combined) expression;
        int strength = strength(combined.operator());
        String separator = "";
        for (ComparisonExpression operand : combined.operands()) {
            out.append(separator);
            writeOperand(operand, strength(operand) <= strength, out);
            separator = " " + combined.operator().name() + " ";
        }
    }

    private static void writeOperand(ComparisonExpression operand, boolean parenthesise, StringBuilder out) {
        if (parenthesise) {
            out.append('(');
            write(operand, out);
            out.append(')');
        } else {
            write(operand, out);
        }
    }

    private static int strength(ComparisonExpression expression) {
        return expression instanceof ComparisonExpression.Combined combined ? strength(combined.operator()) : ATOM;
    }

    private static int strength(BooleanOperator operator) {
        return operator == BooleanOperator.AND ? COMPARISON_AND : COMPARISON_OR;
    }

    private static void write(Comparison comparison, StringBuilder out) {
        if (comparison.operator() == ComparisonOperator.EXISTS) {
            out.append("EXISTS ").append(comparison.objectPath());
            return;
        }
        out.append(comparison.objectPath()).append(' ');
        if (comparison.negated()) {
            out.append("NOT ");
        }
        out.append(comparison.operator().symbol()).append(' ');
        if (comparison.operator() == ComparisonOperator.IN) {
            out.append(comparison.values().stream().map(Literal::format).collect(Collectors.joining(", ", "(", ")")));
        } else {
            out.append(comparison.values().get(0).format());
        }
    }
}
