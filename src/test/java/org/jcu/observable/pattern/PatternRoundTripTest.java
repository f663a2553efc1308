package org.jcu.observable.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jcu.observable.pattern.ComparisonExpression.BooleanOperator;
import org.jcu.observable.pattern.Literal.BinaryLiteral;
import org.jcu.observable.pattern.Literal.BooleanLiteral;
import org.jcu.observable.pattern.Literal.FloatLiteral;
import org.jcu.observable.pattern.Literal.HexLiteral;
import org.jcu.observable.pattern.Literal.IntegerLiteral;
import org.jcu.observable.pattern.Literal.StringLiteral;
import org.jcu.observable.pattern.Literal.TimestampLiteral;
import org.jcu.observable.pattern.ObservationExpression.Combined;
import org.jcu.observable.pattern.ObservationExpression.Observation;
import org.jcu.observable.pattern.ObservationExpression.ObservationOperator;
import org.jcu.observable.pattern.ObservationExpression.Qualified;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: a random pattern tree, written by {@link StixPattern#format()}, parses back to an equal tree, and
 * writing that again gives the same text. The trees mix every operator, qualifier, literal, path step and name that
 * needs quoting.
 */
class PatternRoundTripTest {

    private static final long SEED = 0x0BAD_5EED_2021L;
    private static final int RUNS = 2_000;

    private static final List<String> TYPES =
            List.of("file", "ipv4-addr", "x-acme-widget", "x_whatever", "ANDROID", "t", "h", "b", "network-traffic");
    private static final List<String> NAMES = List.of(
            "value",
            "name",
            "src_ref",
            "AND",
            "true",
            "IN",
            "SHA-256",
            "a.b",
            "x y",
            "",
            "it's",
            "back\\slash",
            "日本",
            "t",
            "_9");

    @Test
    void randomTreesSurviveFormatAndParse() {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            StixPattern pattern = StixPattern.of(observation(random, 3));
            String text = pattern.format();

            StixPattern parsed = StixPattern.parse(text);

            assertThat(parsed).as("seed %s run %s: %s", SEED, run, text).isEqualTo(pattern);
            assertThat(parsed.format()).as("seed %s run %s", SEED, run).isEqualTo(text);
            assertThat(parsed.comparisons()).isEqualTo(pattern.comparisons());
        }
    }

    private static ObservationExpression observation(Random random, int depth) {
        int choice = depth == 0 ? 0 : random.nextInt(4);
        return switch (choice) {
            case 0, 1 -> new Observation(comparisonExpression(random, 2));
            case 2 -> new Qualified(observation(random, depth - 1), qualifiers(random));
            default -> {
                List<ObservationExpression> operands = new ArrayList<>();
                for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
                    operands.add(observation(random, depth - 1));
                }
                yield new Combined(pick(random, List.of(ObservationOperator.values())), operands);
            }
        };
    }

    private static List<Qualifier> qualifiers(Random random) {
        List<Qualifier> qualifiers = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            qualifiers.add(
                    switch (random.nextInt(3)) {
                        case 0 ->
                            new Qualifier.Within(
                                    random.nextBoolean()
                                            ? BigDecimal.valueOf(random.nextInt(10_000))
                                            : BigDecimal.valueOf(random.nextInt(100_000), 1 + random.nextInt(3)));
                        case 1 -> new Qualifier.Repeats(random.nextInt(100));
                        default -> {
                            TimestampLiteral start = timestamp(random);
                            TimestampLiteral stop = timestamp(random);
                            int order = LiteralRules.compareTimestamps(start.timestamp(), stop.timestamp());
                            if (order == 0) {
                                stop = new TimestampLiteral("9999-12-31T23:59:60Z");
                            }
                            yield order > 0
                                    ? new Qualifier.StartStop(stop, start)
                                    : new Qualifier.StartStop(start, stop);
                        }
                    });
        }
        return qualifiers;
    }

    private static ComparisonExpression comparisonExpression(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) > 0) {
            return comparison(random);
        }
        List<ComparisonExpression> operands = new ArrayList<>();
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            operands.add(comparisonExpression(random, depth - 1));
        }
        return new ComparisonExpression.Combined(pick(random, List.of(BooleanOperator.values())), operands);
    }

    private static Comparison comparison(Random random) {
        List<PathStep> path = new ArrayList<>();
        path.add(new PathStep.Property(name(random)));
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            path.add(
                    switch (random.nextInt(3)) {
                        case 0 -> new PathStep.Property(name(random));
                        case 1 -> new PathStep.Index(random.nextInt(21) - 10);
                        default -> PathStep.ANY_INDEX;
                    });
        }
        ComparisonOperator operator = pick(random, List.of(ComparisonOperator.values()));
        List<Literal> values = new ArrayList<>();
        boolean negated = operator != ComparisonOperator.EXISTS && random.nextBoolean();
        switch (operator) {
            case EXISTS -> {}
            case IN -> {
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    values.add(literal(random));
                }
            }
            case LIKE, MATCHES, ISSUBSET, ISSUPERSET -> values.add(string(random));
            case GT, GE, LT, LE -> {
                Literal value = literal(random);
                values.add(value instanceof BooleanLiteral ? string(random) : value);
            }
            default -> values.add(literal(random));
        }
        return new Comparison(pick(random, TYPES), path, operator, negated, values);
    }

    private static String name(Random random) {
        return random.nextInt(4) == 0 ? StringLiteralsTest.randomString(random) : pick(random, NAMES);
    }

    private static Literal literal(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> string(random);
            case 1 -> new IntegerLiteral(new BigInteger(70, random).subtract(BigInteger.ONE.shiftLeft(69)));
            case 2 -> new FloatLiteral(BigDecimal.valueOf(random.nextLong(), random.nextInt(8)));
            case 3 -> new BooleanLiteral(random.nextBoolean());
            case 4 -> new HexLiteral(HexFormat.of().formatHex(bytes(random)));
            case 5 -> new BinaryLiteral(Base64.getEncoder().encodeToString(bytes(random)));
            default -> timestamp(random);
        };
    }

    private static StringLiteral string(Random random) {
        return new StringLiteral(StringLiteralsTest.randomString(random));
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(12)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static TimestampLiteral timestamp(Random random) {
        String fraction = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> ".123";
            default -> "." + String.valueOf(random.nextInt(1_000_000)).replace('0', '7');
        };
        return new TimestampLiteral(String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                random.nextInt(10_000),
                1 + random.nextInt(12),
                1 + random.nextInt(31),
                random.nextInt(24),
                random.nextInt(60),
                random.nextInt(61),
                fraction));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
