package org.jcu.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link IndicatorSchemaShortcut} (decision 0021) against the OASIS schema it stands in for: on seeded random
 * indicators, mutated property by property with values chosen near each rule's edge, the validator with the shortcut
 * gives exactly the violations of the validator without it; the shortcut decides a good share of the cases, so the
 * comparison is not vacuous.
 */
class IndicatorSchemaShortcutTest {

    /** Seed of the random cases; override with {@code -Djcu.test.seed=N} to replay a failure. */
    private static final long SEED = Long.getLong("jcu.test.seed", 20261204L);

    private static final int CASES = 5000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final String MARKING = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

    private final StixValidator withShortcut = new StixValidator(true);
    private final StixValidator schemaOnly = new StixValidator(false);

    @Test
    void aCommonIndicatorIsDecidedWithoutTheSchemaAndTheSchemaAgrees() {
        ObjectNode indicator = full();

        assertThat(IndicatorSchemaShortcut.satisfies(indicator)).isTrue();
        assertThat(schemaOnly.validate(indicator, 0)).isEmpty();
        assertThat(withShortcut.validate(indicator, 0)).isEmpty();
    }

    @Test
    void whatTheShortcutDoesNotDecideStillGetsTheSchemasErrors() {
        ObjectNode indicator = full();
        indicator.put("confidence", 101);
        indicator.set("labels", JSON.arrayNode());

        assertThat(IndicatorSchemaShortcut.satisfies(indicator)).isFalse();
        assertThat(withShortcut.validate(indicator, 0))
                .extracting(Violation::pointer, Violation::rule)
                .containsExactlyInAnyOrderElementsOf(schemaOnly.validate(indicator, 0).stream()
                        .map(v -> org.assertj.core.groups.Tuple.tuple(v.pointer(), v.rule()))
                        .toList())
                .isNotEmpty();
    }

    @Test
    void numbersAsTheParserReadsThemAreDecidedOnlyWhenWrittenAsIntegers() {
        for (String confidence :
                List.of("50", "0", "100", "101", "-1", "50.0", "5e1", "1e2", "100000000000000000000")) {
            ObjectNode indicator = (ObjectNode) StixJson.parse(
                    StixJson.storageForm(full()).replace("\"confidence\":80", "\"confidence\":" + confidence));
            boolean decided = IndicatorSchemaShortcut.satisfies(indicator);

            assertThat(decided)
                    .as(confidence)
                    .isEqualTo(List.of("50", "0", "100").contains(confidence));
            assertThat(withShortcut.validate(indicator.deepCopy(), 0))
                    .as(confidence)
                    .containsExactlyInAnyOrderElementsOf(schemaOnly.validate(indicator.deepCopy(), 0));
        }
    }

    @Test
    void otherTypesAndUnlistedPropertiesAreLeftToTheSchema() {
        ObjectNode identity = full();
        identity.put("type", "identity");
        ObjectNode withReferences = full();
        ArrayNode references = withReferences.putArray("external_references");
        references.addObject().put("source_name", "cve").put("external_id", "CVE-2021-44228");
        ObjectNode custom = full();
        custom.put("x_acme_score", 3);

        assertThat(IndicatorSchemaShortcut.satisfies(identity)).isFalse();
        assertThat(IndicatorSchemaShortcut.satisfies(withReferences)).isFalse();
        assertThat(IndicatorSchemaShortcut.satisfies(custom)).isFalse();
        assertThat(schemaOnly.validate(withReferences, 0)).isEmpty(); // valid, but not decided by the shortcut
    }

    @Test
    void withAndWithoutTheShortcutTheViolationsAreTheSame() {
        Random random = new Random(SEED);
        int decided = 0;
        int invalid = 0;
        for (int i = 0; i < CASES; i++) {
            ObjectNode indicator = randomIndicator(random);
            int mutations = random.nextInt(10) < 6 ? 1 : random.nextInt(4); // mostly one change, sometimes none
            for (int m = 0; m < mutations; m++) {
                mutate(indicator, random);
            }
            List<Violation> expected = schemaOnly.validate(indicator.deepCopy(), i);
            List<Violation> actual = withShortcut.validate(indicator.deepCopy(), i);

            // the schema engine's error order is not stable between instances: compared as multisets
            assertThat(actual)
                    .as("seed %d case %d: %s", SEED, i, indicator)
                    .containsExactlyInAnyOrderElementsOf(expected);
            if (IndicatorSchemaShortcut.satisfies(indicator)) {
                decided++;
                assertThat(expected.stream().filter(v -> v.rule().startsWith("schema:")))
                        .as("seed %d case %d: the shortcut accepted what the schema refuses: %s", SEED, i, indicator)
                        .isEmpty();
            }
            if (expected.stream().anyMatch(v -> v.rule().startsWith("schema:"))) {
                invalid++;
            }
        }
        assertThat(decided).as("cases the shortcut decided").isGreaterThan(CASES / 5);
        assertThat(invalid).as("cases the schema refused").isGreaterThan(CASES / 5);
    }

    @Test
    void theCharacterChecksAcceptOnlyWhatTheSchemasExpressionsAccept() throws java.io.IOException {
        Pattern identifier =
                Pattern.compile(schema("common/identifier.json").get("pattern").stringValue());
        Pattern timestamp =
                Pattern.compile(schema("common/timestamp.json").get("pattern").stringValue());
        Pattern milliseconds = Pattern.compile(schema("common/core.json")
                .at("/properties/created/allOf/1/pattern")
                .stringValue());
        Random random = new Random(SEED);
        int identifiers = 0;
        int timestamps = 0;
        for (int i = 0; i < 20_000; i++) {
            String id = mutateText(
                    random.nextBoolean()
                            ? "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"
                            : "x-acme-1--8E2E2D2B-17D4-5CBF-B38F-98EE46B3CD3F",
                    random);
            boolean byRegex = identifier.matcher(id).find();
            assertThat(IndicatorSchemaShortcut.isIdentifier(id))
                    .as("seed %d: '%s'", SEED, id)
                    .isEqualTo(byRegex && !endsWithLineTerminator(id));
            identifiers += byRegex ? 1 : 0;

            String ts =
                    mutateText(random.nextBoolean() ? "2024-12-31T23:59:60.123456Z" : "2024-01-09T00:00:00Z", random);
            int fraction = IndicatorSchemaShortcut.fractionDigits(ts);
            boolean tsByRegex = timestamp.matcher(ts).find();
            assertThat(fraction >= 0).as("seed %d: '%s'", SEED, ts).isEqualTo(tsByRegex && !endsWithLineTerminator(ts));
            if (fraction >= 0) {
                assertThat(fraction >= 3)
                        .as("seed %d: '%s'", SEED, ts)
                        .isEqualTo(milliseconds.matcher(ts).find());
            }
            timestamps += tsByRegex ? 1 : 0;
        }
        assertThat(identifiers).as("identifiers the expression accepted").isBetween(2_000, 18_000);
        assertThat(timestamps).as("timestamps the expression accepted").isBetween(2_000, 18_000);
    }

    private static JsonNode schema(String path) throws java.io.IOException {
        try (var in = IndicatorSchemaShortcutTest.class.getResourceAsStream("/stix/schemas/" + path)) {
            return StixJson.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static boolean endsWithLineTerminator(String s) {
        return !s.isEmpty() && "\n\r\u0085\u2028\u2029".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    /** Up to three random edits (replace, insert, delete) with characters close to the grammar's. */
    private static String mutateText(String text, Random random) {
        String alphabet = "0123456789abcdefABCDEFxz-_:.TZ \n\u0663\u2028";
        StringBuilder s = new StringBuilder(text);
        int edits = random.nextInt(4);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int at = random.nextInt(s.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> s.setCharAt(at, c);
                case 1 -> s.insert(random.nextInt(s.length() + 1), c);
                default -> s.deleteCharAt(at);
            }
        }
        return s.toString();
    }

    /** An indicator with every property the shortcut knows. */
    private static ObjectNode full() {
        ObjectNode o = JSON.objectNode();
        o.put("type", "indicator");
        o.put("spec_version", "2.1");
        o.put("id", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
        o.put("created_by_ref", "identity--5a2f1e8c-3c55-4d8b-9f0e-6b7c2d1a9e11");
        o.put("created", "2024-03-01T12:00:00.000Z");
        o.put("modified", "2024-03-02T12:00:00.123456Z");
        o.put("name", "C2 address");
        o.put("description", "Seen in the 2024 campaign");
        o.putArray("indicator_types").add("malicious-activity");
        o.putArray("labels").add("c2").add("apt");
        o.put("pattern", "[ipv4-addr:value = '198.51.100.7']");
        o.put("pattern_type", "stix");
        o.put("pattern_version", "2.1");
        o.put("valid_from", "2024-03-01T12:00:00Z");
        o.put("valid_until", "2025-03-01T12:00:00.5Z");
        o.put("confidence", 80);
        o.put("revoked", false);
        o.put("lang", "en");
        o.putArray("object_marking_refs").add(MARKING);
        o.putArray("kill_chain_phases")
                .addObject()
                .put("kill_chain_name", "mitre-attack")
                .put("phase_name", "command-and-control");
        return o;
    }

    private static ObjectNode randomIndicator(Random random) {
        ObjectNode o = full();
        for (String optional : List.of(
                "created_by_ref",
                "name",
                "description",
                "indicator_types",
                "labels",
                "pattern_version",
                "valid_until",
                "confidence",
                "revoked",
                "lang",
                "object_marking_refs",
                "kill_chain_phases")) {
            if (random.nextBoolean()) {
                o.remove(optional);
            }
        }
        return o;
    }

    private static final String[] PROPERTIES = {
        "type",
        "spec_version",
        "id",
        "created_by_ref",
        "created",
        "modified",
        "name",
        "description",
        "indicator_types",
        "labels",
        "pattern",
        "pattern_type",
        "pattern_version",
        "valid_from",
        "valid_until",
        "confidence",
        "revoked",
        "lang",
        "object_marking_refs",
        "kill_chain_phases"
    };

    private static final String[] OTHER_NAMES = {
        "external_references",
        "x_acme",
        "severity",
        "action",
        "username",
        "payload_bin",
        "key_hex",
        "ab",
        "Name",
        "granular_markings",
        "extensions",
        "id_",
        "sighting_count"
    };

    private static void mutate(ObjectNode o, Random random) {
        switch (random.nextInt(4)) {
            case 0 -> o.remove(PROPERTIES[random.nextInt(PROPERTIES.length)]);
            case 1 -> o.set(OTHER_NAMES[random.nextInt(OTHER_NAMES.length)], randomValue(random));
            default -> {
                String property = PROPERTIES[random.nextInt(PROPERTIES.length)];
                o.set(property, random.nextBoolean() ? nearMiss(property, random) : randomValue(random));
            }
        }
    }

    /** A value of the right JSON type for {@code property} that breaks, or just keeps, one of its finer rules. */
    private static JsonNode nearMiss(String property, Random random) {
        List<JsonNode> values = new ArrayList<>();
        switch (property) {
            case "created", "modified", "valid_from", "valid_until" -> {
                for (String t : new String[] {
                    "2024-03-01T12:00:00Z", "2024-03-01T12:00:00.1Z", "2024-03-01T12:00:00.12Z",
                    "2024-03-01T12:00:00.123Z", "2024-03-01T12:00:00.123456789Z", "2024-03-01T23:59:60.000Z",
                    "2024-03-01T12:00:00.000z", "2024-03-01T12:00:00.000", "24-03-01T12:00:00.000Z",
                    "2024-03-01T12:00:00.000Z ", " 2024-03-01T12:00:00.000Z", "2024-03-01T12:00:00.Z"
                }) {
                    values.add(JSON.stringNode(t));
                }
            }
            case "id", "created_by_ref" -> {
                for (String t : new String[] {
                    "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                            "indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F",
                    "indicator--8e2e2d2b-17d4-5cbf-a38f-98ee46b3cd3f", "indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f",
                    "indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                            "indicator---8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                    "ab--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "a-b--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                    "indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f", "identity--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f",
                    "indicator-x--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                            "indicators--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"
                }) {
                    values.add(JSON.stringNode(t));
                }
            }
            case "confidence" -> {
                for (long n : new long[] {0, 1, 99, 100, 101, -1, Integer.MAX_VALUE, Long.MIN_VALUE}) {
                    values.add(JSON.numberNode(n));
                }
                values.add(JSON.numberNode(100.0));
                values.add(JSON.numberNode(new java.math.BigDecimal("7E+1")));
            }
            case "object_marking_refs" -> {
                values.add(JSON.arrayNode());
                values.add(JSON.arrayNode().add(MARKING).add(MARKING));
                values.add(JSON.arrayNode().add("identity--5a2f1e8c-3c55-4d8b-9f0e-6b7c2d1a9e11"));
                values.add(JSON.arrayNode().add(MARKING.toUpperCase(java.util.Locale.ROOT)));
                values.add(JSON.arrayNode().add(JSON.arrayNode().add(MARKING)));
            }
            case "kill_chain_phases" -> {
                values.add(JSON.arrayNode());
                values.add(JSON.arrayNode().add(JSON.objectNode().put("phase_name", "p")));
                values.add(JSON.arrayNode()
                        .add(JSON.objectNode().put("kill_chain_name", "").put("phase_name", "")));
                values.add(JSON.arrayNode().add("mitre-attack"));
                values.add(JSON.arrayNode()
                        .add(JSON.objectNode().put("kill_chain_name", "k").put("phase_name", "p"))
                        .add(JSON.objectNode().put("kill_chain_name", "k").putNull("phase_name")));
            }
            default -> {
                values.add(JSON.arrayNode());
                values.add(JSON.stringNode(""));
                values.add(JSON.stringNode("malicious-activity"));
                values.add(JSON.arrayNode().add("malicious-activity").add(""));
                values.add(JSON.arrayNode().add(JSON.objectNode()));
                values.add(JSON.numberNode(2.1));
            }
        }
        return values.get(random.nextInt(values.size()));
    }

    /** Values near the edges of the rules: wrong JSON types, empty and mixed arrays, near-miss strings. */
    private static JsonNode randomValue(Random random) {
        List<JsonNode> values = new ArrayList<>();
        values.add(JSON.nullNode());
        values.add(JSON.stringNode(""));
        values.add(JSON.stringNode("indicator"));
        values.add(JSON.stringNode("identity"));
        values.add(JSON.stringNode("2.0"));
        values.add(JSON.stringNode("2.2"));
        values.add(JSON.stringNode("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"));
        values.add(JSON.stringNode("indicator--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f")); // UUID version 6
        values.add(JSON.stringNode("indicator--8e2e2d2b-17d4-4cbf-738f-98ee46b3cd3f")); // bad variant
        values.add(JSON.stringNode("Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"));
        values.add(JSON.stringNode("identity--5a2f1e8c-3c55-4d8b-9f0e-6b7c2d1a9e11"));
        values.add(JSON.stringNode("x-y--5a2f1e8c-3c55-4d8b-9f0e-6b7c2d1a9e11"));
        values.add(JSON.stringNode(MARKING));
        values.add(JSON.stringNode("2024-03-01T12:00:00.000Z"));
        values.add(JSON.stringNode("2024-03-01T12:00:00Z"));
        values.add(JSON.stringNode("2024-03-01T12:00:00.00Z"));
        values.add(JSON.stringNode("2024-03-01T12:00:60.000Z"));
        values.add(JSON.stringNode("2024-13-01T12:00:00.000Z"));
        values.add(JSON.stringNode("2024-02-30T12:00:00.000Z"));
        values.add(JSON.stringNode("2024-03-01T24:00:00.000Z"));
        values.add(JSON.stringNode("2024-03-01 12:00:00.000Z"));
        values.add(JSON.stringNode("2024-03-01T12:00:00.000+01:00"));
        values.add(JSON.stringNode("2024-03-01T12:00:00.000Z\n"));
        values.add(JSON.stringNode("[ipv4-addr:value = '198.51.100.7']"));
        values.add(JSON.numberNode(0));
        values.add(JSON.numberNode(100));
        values.add(JSON.numberNode(101));
        values.add(JSON.numberNode(-1));
        values.add(JSON.numberNode(50.0));
        values.add(JSON.numberNode(50.5));
        values.add(JSON.numberNode(1L << 40));
        values.add(JSON.numberNode(new java.math.BigInteger("100000000000000000000")));
        values.add(JSON.booleanNode(true));
        values.add(JSON.objectNode());
        values.add(JSON.objectNode().put("kill_chain_name", "k").put("phase_name", "p"));
        values.add(JSON.arrayNode());
        values.add(JSON.arrayNode().add(""));
        values.add(JSON.arrayNode().add("malicious-activity").add(7));
        values.add(JSON.arrayNode().add(MARKING));
        values.add(JSON.arrayNode().add(MARKING).add("marking-definition--nope"));
        values.add(JSON.arrayNode().addNull());
        values.add(JSON.arrayNode()
                .add(JSON.objectNode().put("kill_chain_name", "k").put("phase_name", "p")));
        values.add(JSON.arrayNode().add(JSON.objectNode().put("kill_chain_name", "k")));
        values.add(JSON.arrayNode()
                .add(JSON.objectNode().put("kill_chain_name", "k").put("phase_name", 3)));
        values.add(JSON.arrayNode()
                .add(JSON.objectNode()
                        .put("kill_chain_name", "k")
                        .put("phase_name", "p")
                        .put("x", 1)));
        return values.get(random.nextInt(values.size()));
    }
}
