package org.jcu.observable.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StixPattern}: the tree the grammar builds, binding, literals, the checks beyond syntax, and the printer. */
class StixPatternTest {

    private static final String SHA256 = "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f";

    @Test
    void readsAComparisonWithAQuotedHashStep() {
        Comparison comparison = only("[file:hashes.'SHA-256' = '" + SHA256 + "']");

        assertThat(comparison.objectType()).isEqualTo("file");
        assertThat(comparison.path())
                .containsExactly(new PathStep.Property("hashes"), new PathStep.Property("SHA-256"));
        assertThat(comparison.operator()).isEqualTo(ComparisonOperator.EQ);
        assertThat(comparison.negated()).isFalse();
        assertThat(comparison.values()).containsExactly(new StringLiteral(SHA256));
        assertThat(comparison.objectPath()).isEqualTo("file:hashes.'SHA-256'");
        assertThat(comparison.propertyPath()).isEqualTo("hashes.'SHA-256'");
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                arguments("[a:b = 1]", ComparisonOperator.EQ),
                arguments("[a:b == 1]", ComparisonOperator.EQ),
                arguments("[a:b != 1]", ComparisonOperator.NEQ),
                arguments("[a:b <> 1]", ComparisonOperator.NEQ),
                arguments("[a:b > 1]", ComparisonOperator.GT),
                arguments("[a:b >= 1]", ComparisonOperator.GE),
                arguments("[a:b < 1]", ComparisonOperator.LT),
                arguments("[a:b <= 1]", ComparisonOperator.LE),
                arguments("[a:b IN (1, 2)]", ComparisonOperator.IN),
                arguments("[a:b LIKE 'x%']", ComparisonOperator.LIKE),
                arguments("[a:b MATCHES '^x$']", ComparisonOperator.MATCHES),
                arguments("[a:b ISSUBSET '10.0.0.0/8']", ComparisonOperator.ISSUBSET),
                arguments("[a:b ISSUPERSET '10.0.0.1']", ComparisonOperator.ISSUPERSET),
                arguments("[EXISTS a:b]", ComparisonOperator.EXISTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void readsEveryComparisonOperator(String pattern, ComparisonOperator operator) {
        assertThat(only(pattern).operator()).isEqualTo(operator);
    }

    @Test
    void writesDoubleEqualsAndAngleBracketsInTheirSpecForm() {
        assertThat(StixPattern.parse("[a:b == 1 AND a:c <> 2]").format()).isEqualTo("[a:b = 1 AND a:c != 2]");
    }

    @Test
    void readsNotBeforeTheOperator() {
        Comparison comparison = only("[ipv4-addr:value NOT ISSUBSET '192.168.0.1/24']");

        assertThat(comparison.negated()).isTrue();
        assertThat(comparison.operator()).isEqualTo(ComparisonOperator.ISSUBSET);
        assertThat(comparison.format()).isEqualTo("ipv4-addr:value NOT ISSUBSET '192.168.0.1/24'");
    }

    @Test
    void readsTheValuesOfAnInListInOrder() {
        assertThat(only("[network-traffic:dst_port IN(443,6443, 8443)]").values())
                .containsExactly(IntegerLiteral.of(443), IntegerLiteral.of(6443), IntegerLiteral.of(8443));
        assertThat(only("[a:b IN ()]").values()).isEmpty();
    }

    @Test
    void readsListStepsQuotedStepsAndCustomTypes() {
        Comparison comparison = only("[x-acme_widget:extensions.'x-ext'.items[*].'a\\'b'[0].c[-1] = 1]");

        assertThat(comparison.objectType()).isEqualTo("x-acme_widget");
        assertThat(comparison.path())
                .containsExactly(
                        new PathStep.Property("extensions"),
                        new PathStep.Property("x-ext"),
                        new PathStep.Property("items"),
                        PathStep.ANY_INDEX,
                        new PathStep.Property("a'b"),
                        new PathStep.Index(0),
                        new PathStep.Property("c"),
                        new PathStep.Index(-1));
        assertThat(comparison.propertyPath()).isEqualTo("extensions.'x-ext'.items[*].'a\\'b'[0].c[-1]");
    }

    @Test
    void quotesANameOnlyWhenItMustBeQuoted() {
        assertThat(only("[file:'name' = 'a']").objectPath()).isEqualTo("file:name");
        assertThat(only("[file:hashes.'MD5' = '" + "0".repeat(32) + "']").objectPath())
                .isEqualTo("file:hashes.MD5");
        assertThat(only("[a:'AND'.'true'.'9lives'.'' = 1]").objectPath()).isEqualTo("a:'AND'.'true'.'9lives'.''");
    }

    @Test
    void readsLiteralValues() {
        assertThat(values("[a:b IN ('it\\'s', -12, +7, 123456789012345678901234567890, 7.0, -.5, true, false,"
                        + " h'ffD8', b'dGhpcyBpcyBhIHRlc3Q=', b'', t'2016-06-01T01:30:00.123Z')]"))
                .containsExactly(
                        new StringLiteral("it's"),
                        IntegerLiteral.of(-12),
                        IntegerLiteral.of(7),
                        new IntegerLiteral(new BigInteger("123456789012345678901234567890")),
                        new FloatLiteral(new BigDecimal("7.0")),
                        new FloatLiteral(new BigDecimal("-0.5")),
                        new BooleanLiteral(true),
                        new BooleanLiteral(false),
                        new HexLiteral("ffD8"),
                        new BinaryLiteral("dGhpcyBpcyBhIHRlc3Q="),
                        new BinaryLiteral(""),
                        new TimestampLiteral("2016-06-01T01:30:00.123Z"));
    }

    @Test
    void writesLiteralsInTheirCanonicalForm() {
        assertThat(StixPattern.parse("[a:b IN (+7, -.5, 'x\\\\y', h'ffD8', t'2016-06-01T01:30:00Z')]")
                        .format())
                .isEqualTo("[a:b IN (7, -0.5, 'x\\\\y', h'ffD8', t'2016-06-01T01:30:00Z')]");
        assertThat(new FloatLiteral(new BigDecimal("7")).format())
                .as("stays a float")
                .isEqualTo("7.0");
    }

    @Test
    void bindsAndTighterThanOrInsideBrackets() {
        Observation observation = (Observation)
                StixPattern.parse("[a:b = 1 OR a:c = 2 AND a:d = 3]").expression();

        ComparisonExpression.Combined or = (ComparisonExpression.Combined) observation.comparison();
        assertThat(or.operator()).isEqualTo(BooleanOperator.OR);
        assertThat(or.operands().get(1))
                .isInstanceOfSatisfying(
                        ComparisonExpression.Combined.class,
                        and -> assertThat(and.operator()).isEqualTo(BooleanOperator.AND));
        assertThat(StixPattern.parse("[(a:b = 1 OR a:c = 2) AND a:d = 3]").format())
                .isEqualTo("[(a:b = 1 OR a:c = 2) AND a:d = 3]");
    }

    @Test
    void bindsObservationOperatorsAndBeforeOrBeforeFollowedBy() {
        Combined followedBy = (Combined) StixPattern.parse("[a:b = 1] AND [a:b = 2] OR [a:b = 3] FOLLOWEDBY [a:b = 4]")
                .expression();

        assertThat(followedBy.operator()).isEqualTo(ObservationOperator.FOLLOWEDBY);
        Combined or = (Combined) followedBy.operands().get(0);
        assertThat(or.operator()).isEqualTo(ObservationOperator.OR);
        assertThat(((Combined) or.operands().get(0)).operator()).isEqualTo(ObservationOperator.AND);
    }

    @Test
    void bindsAQualifierToTheObservationBeforeIt() {
        Combined and = (Combined)
                StixPattern.parse("[a:b = 1] AND [a:b = 2] WITHIN 5 SECONDS").expression();

        assertThat(and.operands().get(0)).isInstanceOf(Observation.class);
        assertThat(and.operands().get(1)).isInstanceOf(Qualified.class);

        Qualified grouped = (Qualified)
                StixPattern.parse("([a:b = 1] AND [a:b = 2]) WITHIN 5 SECONDS").expression();
        assertThat(grouped.expression()).isInstanceOf(Combined.class);
        assertThat(grouped.format()).isEqualTo("([a:b = 1] AND [a:b = 2]) WITHIN 5 SECONDS");
    }

    @Test
    void mergesAChainOfOneOperatorWhateverTheParentheses() {
        StixPattern flat = StixPattern.parse("[a:b = 1] OR [a:b = 2] OR [a:b = 3]");

        assertThat(((Combined) flat.expression()).operands()).hasSize(3);
        assertThat(StixPattern.parse("[a:b = 1] OR ([a:b = 2] OR [a:b = 3])")).isEqualTo(flat);
        assertThat(StixPattern.parse("(([a:b = 1] OR [a:b = 2])) OR [a:b = 3]")).isEqualTo(flat);
        assertThat(StixPattern.parse("[(a:b = 1)]")).isEqualTo(StixPattern.parse("[a:b = 1]"));
    }

    @Test
    void keepsTheQualifiersOfOneObservationInOrder() {
        Qualified qualified = (Qualified) StixPattern.parse("[a:b = 1] REPEATS 5 TIMES WITHIN 1800 SECONDS START"
                        + " t'2016-06-01T01:30:00Z' STOP t'2016-06-01T02:00:00Z'")
                .expression();

        assertThat(qualified.expression()).isInstanceOf(Observation.class);
        assertThat(qualified.qualifiers())
                .containsExactly(
                        new Qualifier.Repeats(5),
                        new Qualifier.Within(new BigDecimal("1800")),
                        new Qualifier.StartStop(
                                new TimestampLiteral("2016-06-01T01:30:00Z"),
                                new TimestampLiteral("2016-06-01T02:00:00Z")));
        assertThat(StixPattern.parse("[a:b = 1] WITHIN 2.5 SECONDS").format())
                .isEqualTo("[a:b = 1] WITHIN 2.5 SECONDS");
    }

    @Test
    void refusesARepeatedQualifierDirectlyAfterBracketsButNotAfterParentheses() {
        assertThatThrownBy(() -> StixPattern.parse("[a:b = 1] WITHIN 5 SECONDS REPEATS 2 TIMES WITHIN 6 SECONDS"))
                .isInstanceOfSatisfying(PatternException.class, e -> {
                    assertThat(e.offset()).isEqualTo(43);
                    assertThat(e.rule()).isEqualTo("qualifier");
                    assertThat(e.detail()).startsWith("duplicate WITHIN qualifier");
                });

        StixPattern afterGroup = StixPattern.parse("([a:b = 1]) WITHIN 5 SECONDS WITHIN 6 SECONDS");
        assertThat(afterGroup.format()).isEqualTo("([a:b = 1]) WITHIN 5 SECONDS WITHIN 6 SECONDS");
        StixPattern nested = StixPattern.parse("([a:b = 1] REPEATS 2 TIMES) REPEATS 2 TIMES");
        assertThat(((Qualified) nested.expression()).expression()).isInstanceOf(Qualified.class);
        assertThat(nested.format()).isEqualTo("([a:b = 1] REPEATS 2 TIMES) REPEATS 2 TIMES");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[a:b = 1] START t'2016-06-01T02:00:00Z' STOP t'2016-06-01T01:00:00Z'",
                "[a:b = 1] START t'2016-06-01T01:00:00Z' STOP t'2016-06-01T01:00:00Z'",
                "[a:b = 1] START t'2016-06-01T01:00:00.1Z' STOP t'2016-06-01T01:00:00.100Z'",
                "[a:b = 1] START t'2016-06-01T01:00:00.2Z' STOP t'2016-06-01T01:00:00.19999Z'"
            })
    void refusesAStartThatIsNotBeforeItsStop(String pattern) {
        assertThatThrownBy(() -> StixPattern.parse(pattern)).isInstanceOfSatisfying(PatternException.class, e -> {
            assertThat(e.offset()).isEqualTo(16);
            assertThat(e.rule()).isEqualTo("qualifier");
            assertThat(e.detail()).contains("is not before STOP");
        });
        assertThat(StixPattern.parse("[a:b = 1] START t'2016-06-01T01:00:00.1Z' STOP t'2016-06-01T01:00:00.1001Z'"))
                .isNotNull();
    }

    @Test
    void listsComparisonsDepthFirstInSourceOrder() {
        StixPattern pattern = StixPattern.parse(
                "([a:n = 1] FOLLOWEDBY [a:n = 2 OR (a:n = 3 AND a:n = 4)]) WITHIN 5 SECONDS OR [a:n = 5]");

        assertThat(pattern.comparisons())
                .extracting(c -> ((IntegerLiteral) c.values().get(0)).value().intValue())
                .containsExactly(1, 2, 3, 4, 5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[a:b = 1] and [a:c = 2]",
                "[a:b = 1] within 5 seconds",
                "[a:b in (1)]",
                "[a:b = TRUE]",
                "[a:b not = 1]",
                "[a:b = 1] followedby [a:c = 2]"
            })
    void keywordsAreUpperCaseAndBooleansLowerCase(String pattern) {
        assertThatThrownBy(() -> StixPattern.parse(pattern)).isInstanceOf(PatternException.class);
    }

    @Test
    void skipsCommentsAsTheOasisValidatorDoes() {
        assertThat(StixPattern.parse("/* c */ [a:b = 1] // trailing").format()).isEqualTo("[a:b = 1]");
    }

    static Stream<Arguments> hashValues() {
        return Stream.of(
                arguments("[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879']", 19),
                arguments("[file:hashes.'SHA-1' = '" + "a".repeat(41) + "']", 23),
                arguments("[file:hashes.'SHA-256' = '" + SHA256.substring(1) + "']", 25),
                arguments("[file:hashes.sha256 = '" + SHA256.replace('a', 'g') + "']", 22),
                arguments("[file:hashes.'SHA-512' = '" + SHA256 + "']", 25),
                arguments("[artifact:hashes.'SHA3-256' = 'f00']", 30),
                arguments("[file:hashes.MD5 IN ('" + "0".repeat(32) + "', 'f00')]", 57),
                arguments("[file:hashes.MD5 != 'f00']", 20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hashValues")
    void refusesAHashValueOfTheWrongLength(String pattern, int offset) {
        assertThatThrownBy(() -> StixPattern.parse(pattern)).isInstanceOfSatisfying(PatternException.class, e -> {
            assertThat(e.rule()).isEqualTo("hash");
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.detail()).contains("is not a valid");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[file:hashes.MD5 LIKE 'cead%']",
                "[file:hashes.MD5 MATCHES '^cead']",
                "[file:hashes.SSDEEP = '3:abc:def']",
                "[file:hashes.'x-custom' = 'f00']",
                "[file:hashes[*] = '8665c8d477534008b3058b72e2dae8ae']",
                "[file:name.hashes = 'x']"
            })
    void checksOnlyExactValuesOfKnownDigests(String pattern) {
        assertThat(StixPattern.parse(pattern).comparisons()).hasSize(1);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("file:size = 1280", 0, "observationExpression", "expecting {'(', '['}"),
                arguments("[file.size = 1280]", 5, "objectPath", "expecting ':'"),
                arguments("[file:size = ]", 13, "literal", "mismatched input ']'"),
                arguments("[file:name MATCHES 5]", 19, "predicate", "expecting StringLiteral"),
                arguments("[a:b > true]", 7, "orderableLiteral", "mismatched input 'true'"),
                arguments("[a:b = 1] WITHIN 5 HOURS", 19, "qualifier", "expecting 'SECONDS'"),
                arguments("[a:b = 1] WITHIN -5 SECONDS", 17, "qualifier", "non-negative"),
                arguments("[a:b = 1] REPEATS -1 TIMES", 18, "qualifier", "REPEATS takes a count"),
                arguments("[a:b = 1] REPEATS 1.5 TIMES", 18, "qualifier", "mismatched input '1.5'"),
                arguments("[a:b = 1] [a:c = 2]", 10, "pattern", "after a complete observation expression"),
                arguments("[a:b = 1", 8, "observationExpression", "missing ']' at end of pattern"),
                arguments("[a:b = 'abc]", 7, "literal", "string literal is not closed"),
                arguments("[a:b = 'abc\\']", 7, "literal", "string literal is not closed"),
                arguments("[a:b = 'C:\\Windows']", 10, "StringLiteral", "escape \\W is not allowed"),
                arguments("[a:b = '\\n']", 8, "StringLiteral", "escape \\n is not allowed"),
                arguments("[a:b = 'é\\x']", 9, "StringLiteral", "escape \\x"),
                arguments("[a:b = h'fff']", 7, "HexLiteral", "not whole octets"),
                arguments("[a:b = b'abc']", 7, "BinaryLiteral", "not padded base64"),
                arguments("[a:b = t'2016-06-01 01:30:00Z']", 7, "TimestampLiteral", "YYYY-MM-DDTHH:mm:ss"),
                arguments("[a:b = t'2016-06-01T01:30:00+01:00']", 7, "TimestampLiteral", "not an RFC 3339 UTC"),
                arguments("[a:b[99999999999] = 1]", 5, "pathStep", "out of range"),
                arguments("[a:b-c = 1]", 3, "propertyName", "mismatched input 'b-c'"),
                arguments("[1a:b = 1]", 1, "comparisonExpression", "extraneous input '1'"),
                arguments("[AND:b = 1]", 1, "comparisonExpression", "'AND'"),
                arguments("[a:b = 1] AND", 13, "observationExpression", "end of pattern"),
                arguments("", 0, "observationExpression", "end of pattern"),
                arguments("[a:b NOT EXISTS]", 9, "predicate", "EXISTS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void namesTheOffsetAndRuleOfAnError(String pattern, int offset, String rule, String detail) {
        assertThatThrownBy(() -> StixPattern.parse(pattern)).isInstanceOfSatisfying(PatternException.class, e -> {
            assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
            assertThat(e.rule()).as(e.getMessage()).isEqualTo(rule);
            assertThat(e.detail()).contains(detail);
            assertThat(e.getMessage()).isEqualTo("offset " + offset + ", " + rule + ": " + e.detail());
        });
    }

    @Test
    void countsTheOffsetInCodePoints() {
        assertThatThrownBy(() -> StixPattern.parse("[a:b = '\uD83D\uDE00\\q']"))
                .isInstanceOfSatisfying(
                        PatternException.class, e -> assertThat(e.offset()).isEqualTo(9));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "(".repeat(PatternBuilder.MAX_NESTING) + "[a:b = 1]" + ")".repeat(PatternBuilder.MAX_NESTING);

        assertThatThrownBy(() -> StixPattern.parse(deep)).isInstanceOfSatisfying(PatternException.class, e -> {
            assertThat(e.rule()).isEqualTo("nesting");
            assertThat(e.offset()).isEqualTo(PatternBuilder.MAX_NESTING);
        });
        String limit =
                "(".repeat(PatternBuilder.MAX_NESTING - 1) + "[a:b = 1]" + ")".repeat(PatternBuilder.MAX_NESTING - 1);
        assertThat(StixPattern.parse(limit).format()).isEqualTo("[a:b = 1]");
    }

    @Test
    void readsAndWritesTenThousandObservationsWithoutDeepRecursion() {
        StringBuilder text = new StringBuilder("[ipv4-addr:value = '10.0.0.0']");
        for (int i = 1; i < 10_000; i++) {
            text.append(" OR [ipv4-addr:value = '10.0.")
                    .append(i / 256)
                    .append('.')
                    .append(i % 256)
                    .append("']");
        }

        StixPattern pattern = StixPattern.parse(text.toString());

        assertThat(((Combined) pattern.expression()).operands()).hasSize(10_000);
        assertThat(pattern.format()).isEqualTo(text.toString());
        assertThat(pattern.comparisons()).hasSize(10_000);
    }

    @Test
    void formatsWithSingleSpacesAndNeededParenthesesOnly() {
        assertThat(StixPattern.parse("  ( [ file:name='a'AND(file:size>=10 OR file:size<2)] )FOLLOWEDBY"
                                + "([b:c=1]OR[b:c=2])WITHIN 300 SECONDS")
                        .format())
                .isEqualTo("[file:name = 'a' AND (file:size >= 10 OR file:size < 2)] FOLLOWEDBY ([b:c = 1] OR"
                        + " [b:c = 2]) WITHIN 300 SECONDS");
        assertThat(StixPattern.parse("[a:b = 1]").toString()).isEqualTo("[a:b = 1]");
    }

    @Test
    void buildsAPatternFromRecords() {
        StixPattern built = StixPattern.of(Combined.of(
                ObservationOperator.FOLLOWEDBY,
                new Observation(Comparison.of("url", "value", ComparisonOperator.EQ, new StringLiteral("http://x/'"))),
                new Qualified(
                        new Observation(new Comparison(
                                "file",
                                List.of(new PathStep.Property("hashes"), new PathStep.Property("SHA-256")),
                                ComparisonOperator.EQ,
                                true,
                                List.of(new StringLiteral(SHA256)))),
                        List.of(new Qualifier.Within(BigDecimal.TEN)))));

        assertThat(built.format())
                .isEqualTo("[url:value = 'http://x/\\''] FOLLOWEDBY [file:hashes.'SHA-256' NOT = '" + SHA256
                        + "'] WITHIN 10 SECONDS");
        assertThat(StixPattern.parse(built.format())).isEqualTo(built);
    }

    @Test
    void recordsRefuseWhatThePatternLanguageCannotSay() {
        assertThatThrownBy(() -> Comparison.of("AND", "b", ComparisonOperator.EQ, IntegerLiteral.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparison.of("a-b c", "b", ComparisonOperator.EQ, IntegerLiteral.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparison.of("a", "b", ComparisonOperator.LIKE, IntegerLiteral.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparison.of("a", "b", ComparisonOperator.GT, new BooleanLiteral(true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comparison(
                        "a", List.of(PathStep.ANY_INDEX), ComparisonOperator.EQ, false, List.of(IntegerLiteral.of(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comparison(
                        "a", List.of(new PathStep.Property("b")), ComparisonOperator.EXISTS, true, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HexLiteral("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimestampLiteral("2016-06-01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Qualifier.Within(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Qualified(
                        new Observation(Comparison.of("a", "b", ComparisonOperator.EQ, IntegerLiteral.of(1))),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Combined(ObservationOperator.AND, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Comparison only(String pattern) {
        List<Comparison> comparisons = StixPattern.parse(pattern).comparisons();
        assertThat(comparisons).hasSize(1);
        return comparisons.get(0);
    }

    private static List<Literal> values(String pattern) {
        return only(pattern).values();
    }
}
