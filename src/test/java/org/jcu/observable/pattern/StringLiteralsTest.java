package org.jcu.observable.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jcu.observable.pattern.Literal.StringLiteral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * String literal escaping (STIX 2.1 §9.2): exact cases, and a seeded property over random strings full of quotes,
 * backslashes and non-ASCII text: value → literal → parse → the same value, and the literal text is stable.
 */
class StringLiteralsTest {

    private static final long SEED = 0x5713_9A77_E2F1L;
    private static final int RUNS = 5_000;

    @Test
    void decodesBackslashesAndQuotesAndEncodesThemBackExactly() {
        String literal = "'C:\\\\Windows\\\\a\\'b'";

        assertThat(StringLiterals.decode(literal, 0)).isEqualTo("C:\\Windows\\a'b");
        assertThat(StringLiterals.encode("C:\\Windows\\a'b")).isEqualTo(literal);
    }

    @Test
    void readsAndWritesAnEscapedValueThroughAPattern() {
        String pattern = "[file:parent_directory_ref.path = 'C:\\\\Windows\\\\a\\'b']";

        StixPattern parsed = StixPattern.parse(pattern);

        assertThat(parsed.comparisons().get(0).values()).containsExactly(new StringLiteral("C:\\Windows\\a'b"));
        assertThat(parsed.format()).isEqualTo(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "'", "\\", "\\'", "'\\", "\\\\''", "a\nb\tc\r", "\u0000", "日本語", "\uD83D\uDE00", "é"})
    void roundTripsEdgeValues(String value) {
        String literal = StringLiterals.encode(value);

        assertThat(StringLiterals.decode(literal, 0)).isEqualTo(value);
        assertThat(StixPattern.parse("[a:b = " + literal + "]")
                        .comparisons()
                        .get(0)
                        .values())
                .containsExactly(new StringLiteral(value));
    }

    @Test
    void everyStringSurvivesEncodingAndParsing() {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            String value = randomString(random);
            String literal = StringLiterals.encode(value);
            String pattern = "[x-test:'" + (run % 7 == 0 ? "\\'" : "") + "k'.v = " + literal + "]";

            StixPattern parsed = StixPattern.parse(pattern);

            assertThat(parsed.comparisons().get(0).values())
                    .as("seed %s run %s value %s", SEED, run, value)
                    .containsExactly(new StringLiteral(value));
            assertThat(parsed.format()).as("seed %s run %s", SEED, run).contains(literal);
            assertThat(StringLiterals.encode(StringLiterals.decode(literal, 0))).isEqualTo(literal);
        }
    }

    /** Heavy on the characters that matter: quote, backslash, their pairs, brackets, and any code point. */
    static String randomString(Random random) {
        int length = random.nextInt(24);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(9)) {
                case 0 -> out.append('\'');
                case 1 -> out.append('\\');
                case 2 -> out.append("\\'");
                case 3 -> out.append("''");
                case 4 -> out.append("[]()%_*\n\t ");
                case 5 -> out.appendCodePoint(0x80 + random.nextInt(0xD800 - 0x80));
                case 6 -> out.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
                default -> out.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return out.toString();
    }
}
