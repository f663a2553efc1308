package org.jcu.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.jcu.test.Corpus;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link StixValidator}: the OASIS stix2-validator example corpus, each semantic rule on small hand-written objects,
 * and a seeded randomized property over the {@code modified-before-created} rule.
 */
class StixValidatorTest {

    private static final String EXAMPLES = "oasis-cti-stix-validator-tests/stix2validator/test/";

    /** Seed of the randomized cases; override with {@code -Djcu.test.seed=N} to replay a failure. */
    private static final long SEED = Long.getLong("jcu.test.seed", 20240917L);

    private static final int RANDOM_CASES = 300;

    private static final String ID = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    private static final String TS = "2024-03-01T12:00:00.000Z";

    private final StixValidator validator = new StixValidator();

    // --- OASIS validator corpus ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "v21/{0} is valid")
    @ValueSource(
            strings = {
                "identity.json",
                "identity_custom.json",
                "identity_unicode.json",
                "identity_warning.json",
                "tlp-amber.json",
                "tool.json"
            })
    void acceptsValidOasisExamples(String file) throws IOException {
        List<ObjectNode> objects = readAll(Corpus.path(EXAMPLES + "v21/test_examples/" + file));

        assertThat(objects).isNotEmpty();
        assertThat(violations(objects, false)).isEmpty();
    }

    @Test
    void rejectsOasisIdentityWithoutModified() throws IOException {
        List<Violation> found =
                violations(readAll(Corpus.path(EXAMPLES + "v21/test_examples/invalid_identity.json")), false);

        assertThat(found)
                .extracting(Violation::rule, Violation::pointer, Violation::objectId)
                .contains(tuple("schema:required", "/modified", "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f"));
    }

    @Test
    void rejectsOasisIdentityWithModifiedBeforeCreated() throws IOException {
        List<Violation> found =
                violations(readAll(Corpus.path(EXAMPLES + "v21/test_examples/invalid_timestamp.json")), false);

        assertThat(found)
                .extracting(Violation::rule, Violation::pointer)
                .containsExactly(tuple("modified-before-created", "/modified"));
    }

    @ParameterizedTest(name = "{0} is not JSON")
    @ValueSource(
            strings = {
                "v21/test_examples/invalid_braces.json",
                "v21/test_examples/invalid_comma.json",
                "v20/test_examples/invalid_braces.json",
                "v20/test_examples/invalid_comma.json"
            })
    void readerRejectsOasisExamplesThatAreNotJson(String file) {
        assertThatThrownBy(() -> readAll(Corpus.path(EXAMPLES + file)))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining(Path.of(file).getFileName().toString())
                .hasMessageContaining("line");
    }

    @ParameterizedTest(name = "v20/{0} is valid after upgrade")
    @ValueSource(strings = {"identity.json", "identity_warning.json"})
    void acceptsStix20OasisExamplesAfterUpgrade(String file) throws IOException {
        List<ObjectNode> objects = readAll(Corpus.path(EXAMPLES + "v20/test_examples/" + file));

        assertThat(violations(objects, true)).isEmpty();
        assertThat(objects)
                .allSatisfy(o -> assertThat(o.get("spec_version").stringValue()).isEqualTo("2.1"));
    }

    @Test
    void rejectsStix20OasisExampleWithModifiedBeforeCreatedAfterUpgrade() throws IOException {
        List<Violation> found =
                violations(readAll(Corpus.path(EXAMPLES + "v20/test_examples/invalid_timestamp.json")), true);

        assertThat(found)
                .extracting(Violation::rule, Violation::pointer)
                .containsExactly(tuple("modified-before-created", "/modified"));
    }

    @Test
    void rejectsStix20OasisIdentityWithoutModifiedAfterUpgrade() throws IOException {
        List<Violation> found =
                violations(readAll(Corpus.path(EXAMPLES + "v20/test_examples/invalid_identity.json")), true);

        assertThat(found)
                .extracting(Violation::rule, Violation::pointer)
                .contains(tuple("schema:required", "/modified"));
    }

    // --- one rule at a time -------------------------------------------------------------------------------------

    @Test
    void acceptsMinimalIndicator() {
        assertThat(validate(Stix.indicator(ID, TS, TS, ""))).isEmpty();
    }

    @Test
    void rejectsIdWhosePrefixIsNotTheType() {
        String malwareId = "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";

        List<Violation> found = validate(Stix.indicator(malwareId, TS, TS, ""));

        assertThat(found)
                .extracting(Violation::rule, Violation::pointer, Violation::objectId)
                .contains(tuple("id-prefix", "/id", malwareId));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "indicator--8e2e2d2b-17d4-4cbf-938f",
                "indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f",
                "indicator--zzzzzzzz-17d4-4cbf-938f-98ee46b3cd3f",
                "indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f",
                "indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"
            })
    void rejectsMalformedIdentifier(String id) {
        List<Violation> found = validate(Stix.indicator(id, TS, TS, ""));

        assertThat(found)
                .extracting(Violation::rule, Violation::pointer, Violation::objectId)
                .contains(tuple("id-format", "/id", id));
    }

    @Test
    void rejectsMalformedCreatedByRef() {
        List<Violation> found = validate(Stix.indicator(ID, TS, TS, "\"created_by_ref\":\"identity--not-a-uuid\""));

        assertThat(found)
                .extracting(Violation::rule, Violation::pointer, Violation::objectId)
                .contains(tuple("ref-format", "/created_by_ref", ID));
    }

    @Test
    void rejectsMalformedEntryOfObjectRefsAtItsIndex() {
        String reportId = "report--" + UUID.nameUUIDFromBytes(new byte[] {1});
        String report = """
                {"type":"report","spec_version":"2.1","id":"%s","created":"%s","modified":"%s","name":"r",
                 "published":"%s","object_refs":["%s","not-an-identifier","%s"]}""".formatted(reportId, TS, TS, TS, ID, Stix.newId("malware"));

        List<Violation> found = validate(report);

        assertThat(found)
                .filteredOn(v -> v.rule().equals("ref-format"))
                .extracting(Violation::pointer, Violation::objectId)
                .containsExactly(tuple("/object_refs/1", reportId));
    }

    @Test
    void rejectsNestedMalformedRefWithItsFullPointer() {
        String found = validate(Stix.indicator(ID, TS, TS, """
                "granular_markings":[{"marking_ref":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
                "selectors":["name"]},{"marking_ref":"tlp:red","selectors":["name"]}]""")).toString();

        assertThat(found).contains("/granular_markings/1/marking_ref [ref-format]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2024-03-01T12:00:00.000",
                "2024-03-01T12:00:00+01:00",
                "2024-03-01 12:00:00Z",
                "2024-02-30T12:00:00Z",
                "2024-03-01T12:00:00.1234567890Z"
            })
    void rejectsTimestampThatIsNotStixUtc(String modified) {
        List<Violation> found = validate(Stix.indicator(ID, TS, modified, ""));

        assertThat(found)
                .extracting(Violation::rule, Violation::pointer)
                .contains(tuple("timestamp-format", "/modified"))
                .doesNotContain(tuple("modified-before-created", "/modified"));
    }

    @Test
    void rejectsSdoWithoutSpecVersion() {
        ObjectNode indicator = object(Stix.indicator(ID, TS, TS, ""));
        indicator.remove("spec_version");

        assertThat(validator.validate(indicator, 0))
                .extracting(Violation::rule, Violation::pointer)
                .contains(tuple("spec-version", "/spec_version"));
    }

    @Test
    void rejectsSdoWithStix20SpecVersion() {
        ObjectNode indicator = object(Stix.indicator(ID, TS, TS, ""));
        indicator.put("spec_version", "2.0");

        assertThat(validator.validate(indicator, 0)).extracting(Violation::rule).contains("spec-version");
    }

    @Test
    void scoNeedsNoSpecVersionOrTimestamps() {
        assertThat(validate("""
                {"type":"ipv4-addr","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"}""")).isEmpty();
    }

    @Test
    void toleratesEmptyCustomRefProperties() {
        List<Violation> found = validate(
                Stix.indicator(ID, TS, TS, "\"x_mitre_data_source_ref\":\"\",\"x_acme_refs\":[\"\",\"nonsense\"]"));

        assertThat(found).isEmpty();
    }

    @Test
    void acceptsCustomObjectTypeAgainstCore() {
        String custom = """
                {"type":"x-acme-thing","spec_version":"2.1","id":"x-acme-thing--2f4e9b39-c1f5-4cb8-b5e1-2ad8ae1a4c90",
                 "created":"2024-01-01T00:00:00.000Z","modified":"2024-01-02T00:00:00.500Z","acme_score":7}""";

        assertThat(validate(custom)).isEmpty();
    }

    @Test
    void requiresMillisecondPrecisionOnCreatedAndModified() {
        List<Violation> found = validate(Stix.indicator(ID, "2024-03-01T12:00:00Z", "2024-03-01T12:00:00.5Z", ""));

        assertThat(found)
                .extracting(Violation::rule, Violation::pointer)
                .containsExactlyInAnyOrder(tuple("schema:pattern", "/created"), tuple("schema:pattern", "/modified"));
    }

    @Test
    void customObjectTypeStillFollowsTheSemanticRules() {
        String custom = """
                {"type":"x-acme-thing","spec_version":"2.1","id":"x-acme-thing--2f4e9b39-c1f5-4cb8-b5e1-2ad8ae1a4c90",
                 "created":"2024-01-02T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z"}""";

        assertThat(validate(custom)).extracting(Violation::rule).contains("modified-before-created");
    }

    @Test
    void violationNamesTheObjectById() {
        List<Violation> found = validate(Stix.indicator(ID, TS, "2020-01-01T00:00:00.000Z", ""));

        assertThat(found).isNotEmpty().allSatisfy(v -> assertThat(v.objectId()).isEqualTo(ID));
        assertThat(found.get(0).toString()).startsWith(ID + " /modified [modified-before-created]");
    }

    @Test
    void objectWithoutIdIsNamedByItsPosition() {
        ObjectNode indicator = object(Stix.indicator(ID, TS, TS, ""));
        indicator.remove("id");

        List<Violation> found = validator.validate(indicator, 41);

        assertThat(found).extracting(Violation::rule, Violation::pointer).contains(tuple("required", "/id"));
        assertThat(found).allSatisfy(v -> assertThat(v.objectId()).isEqualTo("(object #41)"));
    }

    @Test
    void objectWithoutTypeIsRejectedAtOnce() {
        ObjectNode indicator = object(Stix.indicator(ID, TS, TS, ""));
        indicator.remove("type");

        assertThat(validator.validate(indicator, 0))
                .extracting(Violation::rule, Violation::pointer)
                .containsExactly(tuple("required", "/type"));
    }

    // --- seeded randomized property ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0} case {1}: created {3}, modified {4}")
    @MethodSource("randomIndicatorsModifiedNotBeforeCreated")
    void randomIndicatorWithModifiedNotBeforeCreatedIsValid(
            long seed, int index, String id, String created, String modified) {
        assertThat(validate(Stix.indicator(id, created, modified, "")))
                .as("seed %d case %d", seed, index)
                .isEmpty();
    }

    @ParameterizedTest(name = "seed {0} case {1}: created {3}, modified {4}")
    @MethodSource("randomIndicatorsModifiedBeforeCreated")
    void randomIndicatorWithModifiedBeforeCreatedBreaksExactlyThatRule(
            long seed, int index, String id, String created, String modified) {
        assertThat(validate(Stix.indicator(id, created, modified, "")))
                .as("seed %d case %d", seed, index)
                .extracting(Violation::rule, Violation::pointer, Violation::objectId)
                .containsExactly(tuple("modified-before-created", "/modified", id));
    }

    static Stream<Arguments> randomIndicatorsModifiedNotBeforeCreated() {
        return randomIndicators(SEED, false);
    }

    static Stream<Arguments> randomIndicatorsModifiedBeforeCreated() {
        return randomIndicators(SEED + 1, true);
    }

    /**
     * Indicators with random version-4 UUIDs and timestamps of 3–9 fractional digits between 1990 and 2035. When
     * {@code before} is false, {@code modified} is either the same instant as {@code created} (written with at least
     * as many digits) or at least one second later; when true it is at least one second earlier. Truncating to fewer
     * digits only moves an instant down by less than a second, so the relation survives formatting.
     */
    private static Stream<Arguments> randomIndicators(long seed, boolean before) {
        Random random = new Random(seed);
        long from = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2035-01-01T00:00:00Z").getEpochSecond();
        List<Arguments> cases = new ArrayList<>(RANDOM_CASES);
        for (int i = 0; i < RANDOM_CASES; i++) {
            UUID uuid = new UUID(
                    (random.nextLong() & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
            Instant created = Instant.ofEpochSecond(
                    from + (long) (random.nextDouble() * (to - from)), random.nextInt(1_000_000_000));
            int createdDigits = 3 + random.nextInt(7);
            int modifiedDigits = 3 + random.nextInt(7);
            Instant modified;
            if (!before && random.nextInt(4) == 0) {
                created = truncate(created, createdDigits);
                modified = created;
                modifiedDigits = Math.max(createdDigits, modifiedDigits);
            } else {
                long seconds = 1 + (long) (random.nextDouble() * 3 * 365 * 86_400);
                long nanos = random.nextInt(1_000_000_000);
                modified = before
                        ? created.minusSeconds(seconds).minusNanos(nanos)
                        : created.plusSeconds(seconds).plusNanos(nanos);
            }
            cases.add(Arguments.of(
                    seed, i, "indicator--" + uuid, format(created, createdDigits), format(modified, modifiedDigits)));
        }
        return cases.stream();
    }

    private static Instant truncate(Instant instant, int digits) {
        long unit = (long) Math.pow(10, 9 - digits);
        return instant.minusNanos(instant.getNano() % unit);
    }

    private static String format(Instant instant, int digits) {
        DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                .appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true)
                .appendLiteral('Z')
                .toFormatter()
                .withZone(ZoneOffset.UTC);
        return formatter.format(truncate(instant, digits));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private List<Violation> validate(String json) {
        return validator.validate(object(json), 0);
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) StixJson.parse(json);
    }

    private List<Violation> violations(List<ObjectNode> objects, boolean upgrade) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (upgrade) {
                StixUpgrade.upgradeIfNeeded(objects.get(i));
            }
            out.addAll(validator.validate(objects.get(i), i));
        }
        return out;
    }

    private static List<ObjectNode> readAll(Path file) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        try (StixObjectReader reader = StixObjectReader.open(file)) {
            for (ObjectNode object = reader.next(); object != null; object = reader.next()) {
                out.add(object);
            }
        }
        return out;
    }

    @Test
    void customPropertiesAndExtensionsMayUseTimestampLikeNamesFreely() {
        ObjectNode node = (ObjectNode) StixJson.parse("""
                {"type":"indicator","spec_version":"2.1","id":"indicator--6b0b9b5e-0000-4000-8000-000000000002",
                 "created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z",
                 "pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix",
                 "valid_from":"2024-01-01T00:00:00Z",
                 "x_acme_meta":{"date":"2020-01-01","start":"tomorrow"},
                 "extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":
                   {"extension_type":"property-extension","date":"last week"}}}""");
        assertThat(new StixValidator().validate(node, 0)).isEmpty();
        node.put("valid_from", "2016-02-30T20:03:48Z");
        assertThat(new StixValidator().validate(node, 0))
                .extracting(Violation::rule, Violation::pointer)
                .contains(org.assertj.core.groups.Tuple.tuple("timestamp-format", "/valid_from"));
    }

    @Test
    void topLevelRefsMustBeStringsAndRefListsListsEvenOnCustomTypes() {
        ObjectNode node = (ObjectNode) StixJson.parse("""
                {"type":"x-foo","spec_version":"2.1","id":"x-foo--6b0b9b5e-0000-4000-8000-000000000003",
                 "created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z",
                 "source_ref":[1],"object_refs":"indicator--6b0b9b5e-0000-4000-8000-000000000004"}""");
        assertThat(new StixValidator().validate(node, 0))
                .extracting(Violation::rule, Violation::pointer)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("ref-format", "/source_ref"),
                        org.assertj.core.groups.Tuple.tuple("ref-format", "/object_refs"));
    }
}
