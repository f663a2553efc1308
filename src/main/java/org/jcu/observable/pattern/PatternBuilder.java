package org.jcu.observable.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.jcu.observable.pattern.ComparisonExpression.BooleanOperator;
import org.jcu.observable.pattern.Literal.BinaryLiteral;
import org.jcu.observable.pattern.Literal.BooleanLiteral;
import org.jcu.observable.pattern.Literal.FloatLiteral;
import org.jcu.observable.pattern.Literal.HexLiteral;
import org.jcu.observable.pattern.Literal.IntegerLiteral;
import org.jcu.observable.pattern.Literal.StringLiteral;
import org.jcu.observable.pattern.Literal.TimestampLiteral;
import org.jcu.observable.pattern.ObservationExpression.Observation;
import org.jcu.observable.pattern.ObservationExpression.ObservationOperator;
import org.jcu.observable.pattern.ObservationExpression.Qualified;
import org.jcu.observable.pattern.StixPatternParser.ComparisonBinaryContext;
import org.jcu.observable.pattern.StixPatternParser.ComparisonExpressionContext;
import org.jcu.observable.pattern.StixPatternParser.ComparisonGroupContext;
import org.jcu.observable.pattern.StixPatternParser.ComparisonTestContext;
import org.jcu.observable.pattern.StixPatternParser.EqualityContext;
import org.jcu.observable.pattern.StixPatternParser.ExistsTestContext;
import org.jcu.observable.pattern.StixPatternParser.IndexStepContext;
import org.jcu.observable.pattern.StixPatternParser.LiteralContext;
import org.jcu.observable.pattern.StixPatternParser.MembershipContext;
import org.jcu.observable.pattern.StixPatternParser.ObjectPathContext;
import org.jcu.observable.pattern.StixPatternParser.ObservationBinaryContext;
import org.jcu.observable.pattern.StixPatternParser.ObservationContext;
import org.jcu.observable.pattern.StixPatternParser.ObservationExpressionContext;
import org.jcu.observable.pattern.StixPatternParser.ObservationGroupContext;
import org.jcu.observable.pattern.StixPatternParser.OrderingContext;
import org.jcu.observable.pattern.StixPatternParser.PathStepContext;
import org.jcu.observable.pattern.StixPatternParser.PathTestContext;
import org.jcu.observable.pattern.StixPatternParser.PredicateContext;
import org.jcu.observable.pattern.StixPatternParser.PropertyNameContext;
import org.jcu.observable.pattern.StixPatternParser.PropertyStepContext;
import org.jcu.observable.pattern.StixPatternParser.PropertyTestContext;
import org.jcu.observable.pattern.StixPatternParser.QualifiedObservationContext;
import org.jcu.observable.pattern.StixPatternParser.QualifierContext;
import org.jcu.observable.pattern.StixPatternParser.RepeatsContext;
import org.jcu.observable.pattern.StixPatternParser.StartStopContext;
import org.jcu.observable.pattern.StixPatternParser.TextMatchContext;
import org.jcu.observable.pattern.StixPatternParser.WithinContext;

/**
 * Parses pattern text with the generated {@code StixPatternParser} and turns the parse tree into the pattern tree,
 * applying the checks the grammar leaves to code: literal contents, hash lengths, repeated qualifiers directly after
 * brackets, START before STOP. Every error is a {@link PatternException} naming offset and rule.
 *
 * <p>Stateless; each call builds its own lexer and parser (ANTLR shares only its thread-safe DFA cache).
 */
final class PatternBuilder {

    /** Brackets and parentheses nested deeper than this are refused before parsing (the parser recurses on them). */
    static final int MAX_NESTING = 100;

    private PatternBuilder() {}

    static ObservationExpression parse(String pattern) {
        PatternErrorListener errors = new PatternErrorListener();
        StixPatternLexer lexer = new StixPatternLexer(CharStreams.fromString(pattern));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkNesting(tokens.getTokens());
        StixPatternParser parser = new StixPatternParser(tokens);
        parser.removeErrorListeners();
        // two-stage parsing (ANTLR's recommended form): the faster SLL prediction with no error recovery first; only
        // input it cannot settle (an error, or a rare SLL conflict) is parsed again with full LL, whose errors are the
        // ones reported, so accepted patterns and error messages are those of an LL-only parse (measured: the pattern
        // parse was 14 % of the import workers' CPU)
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        StixPatternParser.PatternContext tree;
        try {
            tree = parser.pattern();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.addErrorListener(errors);
            tree = parser.pattern();
        }
        return observation(tree.observationExpression());
    }

    private static void checkNesting(List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            int type = token.getType();
            if (type == StixPatternLexer.LPAREN || type == StixPatternLexer.LBRACK) {
                depth++;
                if (depth > MAX_NESTING) {
                    throw new PatternException(
                            "brackets and parentheses nest deeper than " + MAX_NESTING,
                            token.getStartIndex(),
                            "nesting");
                }
            } else if (type == StixPatternLexer.RPAREN || type == StixPatternLexer.RBRACK) {
                depth--;
            }
        }
    }

    private static ObservationExpression observation(ObservationExpressionContext context) {
        if (context instanceof ObservationContext bracketed) {
            return new Observation(comparison(bracketed.comparisonExpression()));
        }
        if (context instanceof ObservationGroupContext group) {
            return observation(group.observationExpression());
        }
        if (context instanceof QualifiedObservationContext qualified) {
            return qualified(qualified);
        }
        ObservationBinaryContext binary = (ObservationBinaryContext) context;
        ObservationOperator operator = switch (binary.op.getType()) {
            case StixPatternLexer.AND -> ObservationOperator.AND;
            case StixPatternLexer.OR -> ObservationOperator.OR;
            default -> ObservationOperator.FOLLOWEDBY;
        };
        List<ObservationExpression> operands = leftChain(
                context,
                ObservationBinaryContext.class,
                b -> b.op.getType(),
                b -> b.observationExpression(0),
                b -> b.observationExpression(1),
                PatternBuilder::observation);
        return new ObservationExpression.Combined(operator, operands);
    }

    /**
     * The operands of a left-recursive chain {@code ((a op b) op c) op d} with one operator, walked without recursion
     * so long chains (thousands of ORs) cannot overflow the stack.
     */
    private static <C extends ParserRuleContext, B extends C, T> List<T> leftChain(
            C top,
            Class<B> binaryType,
            Function<B, Integer> operator,
            Function<B, C> left,
            Function<B, C> right,
            Function<C, T> build) {
        int op = operator.apply(binaryType.cast(top));
        Deque<C> rights = new ArrayDeque<>();
        C current = top;
        while (binaryType.isInstance(current) && operator.apply(binaryType.cast(current)) == op) {
            B binary = binaryType.cast(current);
            rights.push(right.apply(binary));
            current = left.apply(binary);
        }
        List<T> operands = new ArrayList<>(rights.size() + 1);
        operands.add(build.apply(current));
        while (!rights.isEmpty()) {
            operands.add(build.apply(rights.pop()));
        }
        return operands;
    }

    private static ObservationExpression qualified(QualifiedObservationContext context) {
        Deque<QualifierContext> chain = new ArrayDeque<>();
        ObservationExpressionContext base = context;
        while (base instanceof QualifiedObservationContext qualified) {
            chain.push(qualified.qualifier());
            base = qualified.observationExpression();
        }
        if (base instanceof ObservationContext) {
            // STIX 2.1 as the OASIS validator reads it: one qualifier of each type directly after brackets.
            Set<Class<?>> seen = new HashSet<>();
            for (QualifierContext qualifier : chain) {
                if (!seen.add(qualifier.getClass())) {
                    throw new PatternException(
                            "duplicate "
                                    + (qualifier instanceof StartStopContext
                                            ? "START/STOP"
                                            : qualifier.getStart().getText())
                                    + " qualifier on one observation expression (parenthesise to apply it again)",
                            qualifier.getStart().getStartIndex(),
                            "qualifier");
                }
            }
        }
        List<Qualifier> qualifiers = new ArrayList<>(chain.size());
        for (QualifierContext qualifier : chain) {
            qualifiers.add(qualifier(qualifier));
        }
        return new Qualified(observation(base), qualifiers);
    }

    private static Qualifier qualifier(QualifierContext context) {
        if (context instanceof WithinContext within) {
            Token seconds = within.seconds;
            if (seconds.getText().startsWith("-")) {
                throw new PatternException(
                        "WITHIN takes a non-negative number of seconds, got " + seconds.getText(),
                        seconds.getStartIndex(),
                        "qualifier");
            }
            return new Qualifier.Within(new BigDecimal(seconds.getText()));
        }
        if (context instanceof RepeatsContext repeats) {
            Token times = repeats.times;
            long count;
            try {
                count = Long.parseLong(times.getText());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0 || times.getText().startsWith("-")) {
                throw new PatternException(
                        "REPEATS takes a count from 0 to " + Long.MAX_VALUE + ", got " + times.getText(),
                        times.getStartIndex(),
                        "qualifier");
            }
            return new Qualifier.Repeats(count);
        }
        StartStopContext window = (StartStopContext) context;
        TimestampLiteral start = timestamp(window.start);
        TimestampLiteral stop = timestamp(window.stop);
        try {
            return new Qualifier.StartStop(start, stop);
        } catch (IllegalArgumentException e) {
            throw new PatternException(e.getMessage(), window.start.getStartIndex(), "qualifier");
        }
    }

    private static ComparisonExpression comparison(ComparisonExpressionContext context) {
        if (context instanceof ComparisonGroupContext group) {
            return comparison(group.comparisonExpression());
        }
        if (context instanceof ComparisonTestContext test) {
            return comparison(test.propertyTest());
        }
        ComparisonBinaryContext binary = (ComparisonBinaryContext) context;
        BooleanOperator operator =
                binary.op.getType() == StixPatternLexer.AND ? BooleanOperator.AND : BooleanOperator.OR;
        List<ComparisonExpression> operands = leftChain(
                context,
                ComparisonBinaryContext.class,
                b -> b.op.getType(),
                b -> b.comparisonExpression(0),
                b -> b.comparisonExpression(1),
                PatternBuilder::comparison);
        return new ComparisonExpression.Combined(operator, operands);
    }

    private static Comparison comparison(PropertyTestContext context) {
        if (context instanceof ExistsTestContext exists) {
            ObjectPathContext path = exists.objectPath();
            return new Comparison(path.objectType().getText(), path(path), ComparisonOperator.EXISTS, false, List.of());
        }
        PathTestContext test = (PathTestContext) context;
        ObjectPathContext objectPath = test.objectPath();
        List<PathStep> path = path(objectPath);
        PredicateContext predicate = test.predicate();
        ComparisonOperator operator;
        List<Token> valueTokens = new ArrayList<>();
        List<Literal> values = new ArrayList<>();
        if (predicate instanceof EqualityContext equality) {
            operator = equality.op.getType() == StixPatternLexer.EQ ? ComparisonOperator.EQ : ComparisonOperator.NEQ;
            valueTokens.add(equality.literal().getStart());
            values.add(literal(equality.literal()));
        } else if (predicate instanceof OrderingContext ordering) {
            operator = switch (ordering.op.getType()) {
                case StixPatternLexer.GT -> ComparisonOperator.GT;
                case StixPatternLexer.GE -> ComparisonOperator.GE;
                case StixPatternLexer.LT -> ComparisonOperator.LT;
                default -> ComparisonOperator.LE;
            };
            valueTokens.add(ordering.orderableLiteral().getStart());
            values.add(literal(ordering.orderableLiteral().getStart()));
        } else if (predicate instanceof MembershipContext membership) {
            operator = ComparisonOperator.IN;
            for (LiteralContext item : membership.literal()) {
                valueTokens.add(item.getStart());
                values.add(literal(item));
            }
        } else {
            TextMatchContext match = (TextMatchContext) predicate;
            operator = switch (match.op.getType()) {
                case StixPatternLexer.LIKE -> ComparisonOperator.LIKE;
                case StixPatternLexer.MATCHES -> ComparisonOperator.MATCHES;
                case StixPatternLexer.ISSUBSET -> ComparisonOperator.ISSUBSET;
                default -> ComparisonOperator.ISSUPERSET;
            };
            valueTokens.add(match.StringLiteral().getSymbol());
            values.add(literal(match.StringLiteral().getSymbol()));
        }
        for (int i = 0; i < values.size(); i++) {
            String problem = Comparison.hashProblem(path, operator, values.get(i));
            if (problem != null) {
                throw new PatternException(problem, valueTokens.get(i).getStartIndex(), "hash");
            }
        }
        return new Comparison(objectPath.objectType().getText(), path, operator, test.NOT() != null, values);
    }

    private static List<PathStep> path(ObjectPathContext context) {
        List<PathStep> steps = new ArrayList<>(context.pathStep().size() + 1);
        steps.add(new PathStep.Property(name(context.propertyName())));
        for (PathStepContext step : context.pathStep()) {
            if (step instanceof PropertyStepContext property) {
                steps.add(new PathStep.Property(name(property.propertyName())));
                continue;
            }
            Token index = ((IndexStepContext) step).index;
            if (index.getType() == StixPatternLexer.ASTERISK) {
                steps.add(PathStep.ANY_INDEX);
                continue;
            }
            try {
                steps.add(new PathStep.Index(Integer.parseInt(index.getText())));
            } catch (NumberFormatException e) {
                throw new PatternException(
                        "list index " + index.getText() + " is out of range", index.getStartIndex(), "pathStep");
            }
        }
        return steps;
    }

    private static String name(PropertyNameContext context) {
        TerminalNode quoted = context.StringLiteral();
        return quoted == null
                ? context.getText()
                : StringLiterals.decode(quoted.getText(), quoted.getSymbol().getStartIndex());
    }

    private static Literal literal(LiteralContext context) {
        return literal(context.getStart());
    }

    private static Literal literal(Token token) {
        String text = token.getText();
        int offset = token.getStartIndex();
        try {
            return switch (token.getType()) {
                case StixPatternLexer.BoolLiteral -> new BooleanLiteral(text.equals("true"));
                case StixPatternLexer.IntLiteral -> new IntegerLiteral(new BigInteger(text));
                case StixPatternLexer.FloatLiteral -> new FloatLiteral(new BigDecimal(text));
                case StixPatternLexer.StringLiteral -> new StringLiteral(StringLiterals.decode(text, offset));
                case StixPatternLexer.HexLiteral -> new HexLiteral(quoted(text));
                case StixPatternLexer.BinaryLiteral -> new BinaryLiteral(quoted(text));
                case StixPatternLexer.TimestampLiteral -> timestamp(token);
                default -> throw new IllegalStateException("not a literal token: " + text);
            };
        } catch (PatternException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String rule = StixPatternLexer.VOCABULARY.getSymbolicName(token.getType());
            throw new PatternException(e.getMessage() + " (STIX 2.1 §9.2)", offset, rule);
        }
    }

    private static TimestampLiteral timestamp(Token token) {
        try {
            return new TimestampLiteral(quoted(token.getText()));
        } catch (IllegalArgumentException e) {
            throw new PatternException(e.getMessage() + " (STIX 2.1 §9.2)", token.getStartIndex(), "TimestampLiteral");
        }
    }

    /** The content of a prefixed literal {@code x'...'}. */
    private static String quoted(String token) {
        return token.substring(2, token.length() - 1);
    }
}
