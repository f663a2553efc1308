package org.jcu.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jcu.test.Corpus;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** {@link StixObjectReader}: bundles, single objects, NDJSON, gzip, and the malformed inputs it must refuse. */
class StixObjectReaderTest {

    private static final String TS = "2024-03-01T12:00:00.000Z";
    private static final String BUNDLE_ID = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d";

    @TempDir
    Path dir;

    private final String first = Stix.indicator("indicator--11111111-1111-4111-8111-111111111111", TS, TS, "");
    private final String second = Stix.indicator("indicator--22222222-2222-4222-8222-222222222222", TS, TS, "");
    private final String third = Stix.indicator("indicator--33333333-3333-4333-8333-333333333333", TS, TS, "");

    @Test
    void streamsObjectsOfABundleInOrderAndKnowsItsId() throws IOException {
        Path file = write("bundle.json", bundle(first, second, third));

        try (StixObjectReader reader = StixObjectReader.open(file)) {
            assertThat(ids(reader)).containsExactly(id(first), id(second), id(third));
            assertThat(reader.bundleId()).isEqualTo(BUNDLE_ID);
            assertThat(reader.next()).as("stays at its end").isNull();
        }
    }

    @Test
    void readsAnEmptyBundle() throws IOException {
        try (StixObjectReader reader = StixObjectReader.open(write("empty.json", bundle()))) {
            assertThat(reader.next()).isNull();
            assertThat(reader.bundleId()).isEqualTo(BUNDLE_ID);
        }
    }

    @Test
    void keepsEveryPropertyOfAnObjectIncludingCustomOnes() throws IOException {
        String custom = Stix.indicator(
                "indicator--44444444-4444-4444-8444-444444444444",
                TS,
                TS,
                "\"x_acme\":{\"score\":0.50,\"tags\":[\"a\",\"b\"]}");

        try (StixObjectReader reader = StixObjectReader.open(write("bundle.json", bundle(custom)))) {
            ObjectNode object = reader.next();
            assertThat(Stix.canonical(object)).isEqualTo(Stix.canonical(custom));
            assertThat(object.get("x_acme").get("score").toString())
                    .as("decimal text kept")
                    .isEqualTo("0.50");
        }
    }

    @Test
    void streamsABundleWhoseObjectsComeBeforeItsType() throws IOException {
        String json = "{\"objects\":[" + first + "," + second + "],\"type\":\"bundle\",\"id\":\"" + BUNDLE_ID
                + "\",\"spec_version\":\"2.0\"}";

        try (StixObjectReader reader = StixObjectReader.open(write("late-type.json", json))) {
            assertThat(ids(reader)).containsExactly(id(first), id(second));
            assertThat(reader.bundleId()).as("read after the objects").isEqualTo(BUNDLE_ID);
        }
    }

    @Test
    void readsABundleWhoseObjectsFollowANonBundleLookingProperty() throws IOException {
        String json = "{\"spec_version\":\"2.0\",\"objects\":[" + first + "],\"id\":\"" + BUNDLE_ID
                + "\",\"type\":\"bundle\"}";

        try (StixObjectReader reader = StixObjectReader.open(write("odd.json", json))) {
            assertThat(ids(reader)).containsExactly(id(first));
            assertThat(reader.bundleId()).isEqualTo(BUNDLE_ID);
        }
    }

    @Test
    void readsASingleObjectThatIsNotABundle() throws IOException {
        try (StixObjectReader reader = StixObjectReader.open(write("indicator.json", first))) {
            ObjectNode object = reader.next();
            assertThat(Stix.canonical(object)).isEqualTo(Stix.canonical(first));
            assertThat(reader.next()).isNull();
            assertThat(reader.bundleId()).isNull();
        }
    }

    @Test
    void readsASingleObjectWithAnObjectsPropertyAsOneObject() throws IOException {
        String grouping = """
                {"type":"x-acme-list","id":"x-acme-list--55555555-5555-4555-8555-555555555555",
                 "objects":[{"a":1},{"b":2}]}""";

        try (StixObjectReader reader = StixObjectReader.open(write("list.json", grouping))) {
            assertThat(ids(reader)).containsExactly("x-acme-list--55555555-5555-4555-8555-555555555555");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"objects.ndjson", "objects.jsonl", "OBJECTS.NDJSON"})
    void readsNdjsonSkippingBlankLines(String name) throws IOException {
        Path file = write(name, "\n" + first + "\r\n\n   \n" + second + "\n\t\n" + third);

        try (StixObjectReader reader = StixObjectReader.open(file)) {
            assertThat(ids(reader)).containsExactly(id(first), id(second), id(third));
            assertThat(reader.bundleId()).isNull();
        }
    }

    @Test
    void detectsGzipByMagicBytesEvenWithAPlainJsonName() throws IOException {
        Path file = dir.resolve("looks-plain.json");
        Files.write(file, gzip(bundle(first, second)));

        try (StixObjectReader reader = StixObjectReader.open(file)) {
            assertThat(ids(reader)).containsExactly(id(first), id(second));
            assertThat(reader.bundleId()).isEqualTo(BUNDLE_ID);
        }
    }

    @Test
    void readsGzippedNdjson() throws IOException {
        Path file = dir.resolve("objects.ndjson.gz");
        Files.write(file, gzip(first + "\n" + second + "\n"));

        try (StixObjectReader reader = StixObjectReader.open(file)) {
            assertThat(ids(reader)).containsExactly(id(first), id(second));
        }
    }

    @Test
    void readsAStreamInTheGivenFormatWhateverItsName() throws IOException {
        byte[] ndjson = (first + "\n" + second).getBytes(StandardCharsets.UTF_8);

        try (StixObjectReader reader =
                StixObjectReader.of(new ByteArrayInputStream(ndjson), StixObjectReader.Format.NDJSON, "upload.json")) {
            assertThat(ids(reader)).containsExactly(id(first), id(second));
        }
    }

    @Test
    void guessesTheFormatFromTheFileName() {
        assertThat(StixObjectReader.Format.fromFileName("a.ndjson.gz")).isEqualTo(StixObjectReader.Format.NDJSON);
        assertThat(StixObjectReader.Format.fromFileName("a.JSONL")).isEqualTo(StixObjectReader.Format.NDJSON);
        assertThat(StixObjectReader.Format.fromFileName("a.json.gz")).isEqualTo(StixObjectReader.Format.JSON);
        assertThat(StixObjectReader.Format.fromFileName("bundle")).isEqualTo(StixObjectReader.Format.JSON);
    }

    @Test
    void streamsTheWholeAttackForIcsBundleLikeAPlainParser() throws IOException {
        Path file = Corpus.path("mitre-attack-stix21/ics-attack-18.1.json");
        List<String> expected =
                Stix.objects(file).stream().map(o -> o.get("id").stringValue()).toList();

        try (StixObjectReader reader = StixObjectReader.open(file)) {
            assertThat(ids(reader)).containsExactlyElementsOf(expected);
            assertThat(reader.bundleId()).startsWith("bundle--");
        }
        assertThat(expected).hasSize(1826);
    }

    // --- malformed input --------------------------------------------------------------------------------------------

    @Test
    void rejectsBundleTruncatedInsideAnObjectAfterStreamingTheCompleteOnes() throws IOException {
        String json = bundle(first, second);
        Path file = write("cut.json", json.substring(0, json.indexOf(id(second)) + 10));

        try (StixObjectReader reader = StixObjectReader.open(file)) {
            assertThat(reader.next().get("id").stringValue()).isEqualTo(id(first));
            assertThatThrownBy(reader::next)
                    .isInstanceOf(MalformedInputException.class)
                    .hasMessageContaining("cut.json")
                    .hasMessageContaining("truncated")
                    .hasMessageContaining("line 1");
        }
    }

    @ParameterizedTest(name = "cut after {0} characters from the end")
    @ValueSource(ints = {1, 2, 3})
    void rejectsBundleTruncatedBetweenObjects(int cut) throws IOException {
        String json = bundle(first, second);
        Path file = write("cut.json", json.substring(0, json.length() - cut));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsSingleObjectTruncated() throws IOException {
        Path file = write("one.json", first.substring(0, first.length() / 2));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsTruncatedGzip() throws IOException {
        byte[] zipped = gzip(bundle(first, second, third));
        Path file = dir.resolve("cut.json.gz");
        Files.write(file, java.util.Arrays.copyOf(zipped, zipped.length - 12));

        assertThatThrownBy(() -> readAll(file)).isInstanceOf(MalformedInputException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {" {}", "\n{\"type\":\"bundle\"}", " garbage", "]", " 42"})
    void rejectsContentAfterTheBundle(String trailing) throws IOException {
        Path file = write("trailing.json", bundle(first) + trailing);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("trailing.json");
    }

    @Test
    void rejectsContentAfterASingleObject() throws IOException {
        Path file = write("trailing.json", first + "\n" + second);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("after the JSON document");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "\"bundle\"", "42", ""})
    void rejectsJsonThatIsNotAnObject(String json) throws IOException {
        Path file = write("not-object.json", json);

        assertThatThrownBy(() -> readAll(file)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void rejectsBundleWhoseObjectsAreNotObjects() throws IOException {
        Path file = write("strings.json", "{\"type\":\"bundle\",\"id\":\"" + BUNDLE_ID + "\",\"objects\":[\"x\"]}");

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("must hold JSON objects");
    }

    @Test
    void rejectsNdjsonLineWithTwoValuesNamingThePhysicalLine() throws IOException {
        Path file = write("two.ndjson", first + "\n\n" + second + "\n" + third + " " + first + "\n");

        try (StixObjectReader reader = StixObjectReader.open(file)) {
            assertThat(reader.next()).isNotNull();
            assertThat(reader.next()).isNotNull();
            assertThatThrownBy(reader::next)
                    .isInstanceOf(MalformedInputException.class)
                    .hasMessageContaining("two.ndjson")
                    .hasMessageContaining("line 4");
        }
    }

    @Test
    void rejectsNdjsonLineWithTrailingGarbageNamingTheLine() throws IOException {
        Path file = write("garbage.ndjson", first + "\n" + second + " ,\n");

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void rejectsNdjsonLineThatIsNotAnObject() throws IOException {
        Path file = write("array.ndjson", first + "\n[" + second + "]\n");

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void rejectsNdjsonLineCutShortAsTruncated() throws IOException {
        Path file = write("cut.ndjson", first + "\n" + second.substring(0, 40));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsInputNestedDeeperThanTheLimit() throws IOException {
        int depth = StixJson.MAX_NESTING_DEPTH + 10;
        String deep = "[".repeat(depth) + "]".repeat(depth);
        Path file = write(
                "deep.json",
                bundle(Stix.indicator(
                        "indicator--66666666-6666-4666-8666-666666666666", TS, TS, "\"x_deep\":" + deep)));

        assertThatThrownBy(() -> readAll(file)).isInstanceOf(MalformedInputException.class);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static String bundle(String... objects) {
        return "{\"type\":\"bundle\",\"id\":\"" + BUNDLE_ID + "\",\"objects\":[" + String.join(",", objects) + "]}";
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String id(String json) {
        return Stix.parse(json).get("id").stringValue();
    }

    private static List<String> ids(StixObjectReader reader) {
        List<String> out = new ArrayList<>();
        for (ObjectNode object = reader.next(); object != null; object = reader.next()) {
            out.add(object.get("id").stringValue());
        }
        return out;
    }

    private static List<String> readAll(Path file) throws IOException {
        try (StixObjectReader reader = StixObjectReader.open(file)) {
            return ids(reader);
        }
    }

    @Test
    void anNdjsonLineLongerThanTheLimitIsMalformedNotBuffered() throws Exception {
        String line = "{\"type\":\"x\",\"pad\":\"" + "a".repeat(StixObjectReader.MAX_LINE_CHARS) + "\"}\n";
        try (StixObjectReader reader = StixObjectReader.of(
                new java.io.ByteArrayInputStream(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                StixObjectReader.Format.NDJSON,
                "big.ndjson")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(reader::next)
                    .isInstanceOf(MalformedInputException.class)
                    .hasMessageContaining("line 1 is longer than");
        }
    }

    @Test
    void duplicateKeysInAnObjectAreMalformed() throws Exception {
        String json = "{\"type\":\"bundle\",\"id\":\"bundle--6b0b9b5e-0000-4000-8000-000000000001\",\"objects\":"
                + "[{\"type\":\"indicator\",\"type\":\"malware\"}]}";
        try (StixObjectReader reader = StixObjectReader.of(
                new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                StixObjectReader.Format.JSON,
                "dup.json")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(reader::next)
                    .isInstanceOf(MalformedInputException.class)
                    .hasMessageContaining("Duplicate");
        }
    }

    @Test
    void bytesReadReachesTheFileSizeForProgressReporting(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("one.ndjson");
        java.nio.file.Files.writeString(file, "{\"type\":\"x\"}\n{\"type\":\"y\"}\n");
        try (StixObjectReader reader = StixObjectReader.open(file)) {
            while (reader.next() != null) {
                // drain
            }
            org.assertj.core.api.Assertions.assertThat(reader.bytesRead()).isEqualTo(java.nio.file.Files.size(file));
        }
    }
}
