package org.jcu.observable.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jcu.test.Corpus;
import org.jcu.test.Stix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The STIX 2.1 cases of the OASIS pattern validator (stix2-patterns 2.1.2, corpus {@code
 * oasis-cti-pattern-validator-cases}): every spec example and pass case parses, every fail case is refused. Each
 * valid pattern also survives {@code format()}: the text parses back to an equal pattern. The indicator patterns of
 * the example corpora parse too.
 */
class StixPatternCorpusTest {

    private static final String CASES = "oasis-cti-pattern-validator-cases/stix-patterns-testcases.json";
    private static final String SPEC_EXAMPLES =
            "oasis-cti-pattern-validator-cases/stix2patterns/test/v21/spec_examples.txt";

    @TestFactory
    Stream<DynamicTest> validCasesParseAndRoundTrip() throws IOException {
        JsonNode v21 = cases();
        List<DynamicTest> tests = new ArrayList<>();
        for (String group : List.of("spec_examples", "pass")) {
            int index = 0;
            for (JsonNode entry : v21.path(group)) {
                String pattern = entry.path("pattern").asString();
                tests.add(DynamicTest.dynamicTest(
                        group + " " + index++ + ": " + pattern, () -> parsesAndRoundTrips(pattern)));
            }
        }
        assertThat(tests).as("23 spec examples and 37 pass cases").hasSize(60);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidCasesAreRefused() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : cases().path("fail")) {
            String pattern = entry.path("pattern").asString();
            String upstream = entry.path("expected_error").asString();
            tests.add(DynamicTest.dynamicTest(
                    "fail " + index++ + ": " + pattern,
                    () -> assertThatThrownBy(() -> StixPattern.parse(pattern))
                            .as("OASIS says: %s", upstream)
                            .isInstanceOfSatisfying(PatternException.class, e -> {
                                assertThat(e.offset()).isBetween(0, pattern.length());
                                assertThat(e.rule()).isNotBlank();
                                assertThat(e.getMessage()).startsWith("offset " + e.offset() + ", " + e.rule() + ": ");
                            })));
        }
        assertThat(tests).as("27 fail cases").hasSize(27);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> specExamplesFileParses() throws IOException {
        List<String> lines = Files.readAllLines(Corpus.path(SPEC_EXAMPLES)).stream()
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(lines).hasSize(23);
        return lines.stream().map(line -> DynamicTest.dynamicTest(line, () -> parsesAndRoundTrips(line)));
    }

    /** Indicators in the STIX example corpora (OASIS documentation and schemas, MISP mappings, medallion data). */
    @TestFactory
    Stream<DynamicTest> indicatorPatternsOfTheExampleCorporaParse() throws IOException {
        Set<String> patterns = new TreeSet<>();
        for (String folder : List.of(
                "oasis-cti-documentation-examples",
                "oasis-cti-stix2-json-schemas/examples",
                "misp-stix-mappings",
                "oasis-cti-taxii-server-testdata")) {
            try (Stream<Path> files = Files.walk(Corpus.path(folder))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    JsonNode root;
                    try {
                        root = Stix.parse(Files.readString(file));
                    } catch (JacksonException e) {
                        continue; // documentation fragments that are not whole JSON documents
                    }
                    collectPatterns(root, patterns);
                }
            }
        }
        assertThat(patterns).as("distinct STIX patterns found").hasSizeGreaterThan(150);
        return patterns.stream().map(pattern -> DynamicTest.dynamicTest(pattern, () -> parsesAndRoundTrips(pattern)));
    }

    private static void collectPatterns(JsonNode node, Set<String> patterns) {
        if (node.isObject()
                && "indicator".equals(node.path("type").asString(""))
                && node.path("pattern").isString()
                && "stix".equals(node.path("pattern_type").asString("stix"))) {
            patterns.add(node.path("pattern").asString());
        }
        for (JsonNode child : node) {
            collectPatterns(child, patterns);
        }
    }

    private static void parsesAndRoundTrips(String pattern) {
        StixPattern parsed = StixPattern.parse(pattern);
        String formatted = parsed.format();
        assertThat(StixPattern.parse(formatted)).as("format: %s", formatted).isEqualTo(parsed);
        assertThat(StixPattern.parse(formatted).format())
                .as("format is a fixed point")
                .isEqualTo(formatted);
    }

    private static JsonNode cases() throws IOException {
        Path file = Corpus.path(CASES);
        return Stix.parse(Files.readString(file)).path("v21");
    }
}
