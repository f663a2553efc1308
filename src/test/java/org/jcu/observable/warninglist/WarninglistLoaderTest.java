package org.jcu.observable.warninglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.jcu.observable.ObservableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and validating warninglist files; errors name the file, the field and the rule. */
class WarninglistLoaderTest {

    private static final String VALID = """
            {
              "name": "List of RFC 1918 CIDR blocks",
              "version": 20240101,
              "description": "Private networks",
              "type": "cidr",
              "list": ["10.0.0.0/8", "172.16.0.0/12", "", "10.0.0.0/8", "192.168.0.0/16"],
              "matching_attributes": ["ip-src", "ip-dst", "ip-src"],
              "category": "false_positive",
              "comment": "an unknown property is ignored"
            }
            """;

    @TempDir
    Path tmp;

    private static WarninglistContent parse(String json) {
        return WarninglistLoader.parse("test-list", "lists/test-list/list.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static WarninglistFormatException parseFailure(String json) {
        try {
            parse(json);
        } catch (WarninglistFormatException e) {
            return e;
        }
        throw new AssertionError("expected a WarninglistFormatException for " + json);
    }

    private Path write(String relative, String json) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    @Test
    void readsEveryFieldDroppingBlankAndDuplicateEntries() {
        WarninglistContent content = parse(VALID);
        Warninglist list = content.warninglist();

        assertThat(list.id()).isEqualTo("test-list");
        assertThat(list.name()).isEqualTo("List of RFC 1918 CIDR blocks");
        assertThat(list.version()).isEqualTo(20240101L);
        assertThat(list.description()).isEqualTo("Private networks");
        assertThat(list.type()).isEqualTo(WarninglistType.CIDR);
        assertThat(list.category()).isEqualTo(WarninglistCategory.FALSE_POSITIVE);
        assertThat(list.matchingAttributes()).containsExactly("ip-src", "ip-dst");
        assertThat(list.kinds()).containsExactly(ObservableKind.IP);
        assertThat(list.entryCount()).isEqualTo(3);
        assertThat(content.entries()).containsExactly("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
        assertThat(content.toString()).doesNotContain("172.16.0.0/12").contains("entryCount=3");
    }

    @Test
    void optionalFieldsDefaultAndTheCommentedObjectFormIsRead() {
        WarninglistContent content = parse("""
                {"name": "n", "version": 1, "description": "", "type": "string",
                 "list": {"example.com": "a comment", "example.net": null}, "category": "known"}
                """);

        assertThat(content.entries()).containsExactly("example.com", "example.net");
        assertThat(content.warninglist().matchingAttributes()).isEmpty();
        assertThat(content.warninglist().category()).isEqualTo(WarninglistCategory.KNOWN);
    }

    @Test
    void rejectsMissingRequiredFieldsNamingFileFieldAndRule() {
        for (String field : List.of("name", "version", "description", "type", "list")) {
            String json = VALID.replaceFirst("\"" + field + "\":", "\"x-" + field + "\":");
            WarninglistFormatException e = parseFailure(json);

            assertThat(e.source()).isEqualTo("lists/test-list/list.json");
            assertThat(e.pointer()).isEqualTo("/" + field);
            assertThat(e.rule()).isEqualTo("required");
            assertThat(e.getMessage()).isEqualTo("lists/test-list/list.json: /" + field + ": required");
        }
    }

    @Test
    void rejectsAnUnknownTypeListingTheAllowedOnes() {
        WarninglistFormatException e = parseFailure(VALID.replace("\"cidr\"", "\"ip\""));

        assertThat(e.pointer()).isEqualTo("/type");
        assertThat(e.getMessage())
                .isEqualTo("lists/test-list/list.json: /type: must be one of string, substring, hostname, cidr, regex"
                        + " (got \"ip\")");
        assertThat(parseFailure(VALID.replace("\"cidr\"", "\"CIDR\"")).pointer())
                .isEqualTo("/type");
        assertThat(parseFailure(VALID.replace("\"cidr\"", "[\"cidr\"]")).rule())
                .isEqualTo("must be a string, got array");
    }

    @Test
    void rejectsFieldsOfTheWrongShape() {
        assertThat(parseFailure(VALID.replace("20240101", "\"20240101\"")))
                .extracting(WarninglistFormatException::pointer, WarninglistFormatException::rule)
                .containsExactly("/version", "must be an integer (64 bit), got string \"20240101\"");
        assertThat(parseFailure(VALID.replace("20240101", "1.5")).pointer()).isEqualTo("/version");
        assertThat(parseFailure(VALID.replace("\"172.16.0.0/12\"", "17216")))
                .extracting(WarninglistFormatException::pointer, WarninglistFormatException::rule)
                .containsExactly("/list/1", "must be a string, got number 17216");
        assertThat(parseFailure(VALID.replace(
                                "[\"10.0.0.0/8\", \"172.16.0.0/12\", \"\", \"10.0.0.0/8\", " + "\"192.168.0.0/16\"]",
                                "\"10.0.0.0/8\""))
                        .rule())
                .isEqualTo("must be an array of strings, got string \"10.0.0.0/8\"");
        assertThat(parseFailure(VALID.replace("[\"ip-src\", \"ip-dst\", \"ip-src\"]", "\"ip-src\""))
                        .pointer())
                .isEqualTo("/matching_attributes");
        assertThat(parseFailure(VALID.replace("\"ip-dst\"", "\"\"")).pointer()).isEqualTo("/matching_attributes/1");
        assertThat(parseFailure(VALID.replace("\"false_positive\"", "\"benign\"")))
                .extracting(WarninglistFormatException::pointer, WarninglistFormatException::rule)
                .containsExactly("/category", "must be false-positive or known (got \"benign\")");
        assertThat(parseFailure(VALID.replace("\"List of RFC 1918 CIDR blocks\"", "\" \""))
                        .rule())
                .isEqualTo("must not be blank");
        assertThat(parseFailure(VALID.replace("\"name\": \"List of RFC 1918 CIDR blocks\"", "\"name\": null"))
                        .rule())
                .isEqualTo("must be a string, got null");
    }

    @Test
    void rejectsMalformedJsonDuplicatePropertiesAndNonObjects() {
        WarninglistFormatException malformed = parseFailure("{\"name\": \"x\",");
        assertThat(malformed.pointer()).isEmpty();
        assertThat(malformed.getMessage())
                .startsWith("lists/test-list/list.json: document: malformed JSON: ")
                .contains("line 1");

        assertThat(parseFailure(VALID.replace("\"comment\":", "\"name\":")).rule())
                .startsWith("malformed JSON: ")
                .contains("name");
        assertThat(parseFailure("[]").rule()).isEqualTo("must be a JSON object, got array");
        assertThat(parseFailure("").rule()).isEqualTo("empty file: a JSON object is required");
    }

    @Test
    void rejectsAnIdThatIsNotASlug() {
        assertThatThrownBy(() -> WarninglistLoader.parse("../etc", "x", VALID.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WarninglistFormatException.class)
                .hasMessageContaining("\"../etc\"");
    }

    @Test
    void loadTakesTheIdFromTheFolderOfAListJsonOrFromTheFileName() throws IOException {
        assertThat(WarninglistLoader.load(write("lists/rfc1918/list.json", VALID))
                        .id())
                .isEqualTo("rfc1918");
        assertThat(WarninglistLoader.load(write("mine.json", VALID)).id()).isEqualTo("mine");
    }

    @Test
    void loadDirectoryReadsFoldersAndLooseFilesIgnoringTheRest() throws IOException {
        write("b-list/list.json", VALID);
        write("a-loose.json", VALID);
        write("README.md", "not a list");
        write("empty-folder/notes.txt", "no list.json here");
        write(".hidden/list.json", "{ broken");

        List<WarninglistContent> lists = WarninglistLoader.loadDirectory(tmp);

        assertThat(lists).extracting(WarninglistContent::id).containsExactly("a-loose", "b-list");
    }

    @Test
    void loadDirectoryReportsEveryBadFileAndDuplicateIds() throws IOException {
        write("a/list.json", VALID.replace("\"cidr\"", "\"bogus\""));
        write("b/list.json", VALID);
        write("b.json", VALID);
        write("c.json", "{");

        assertThatThrownBy(() -> WarninglistLoader.loadDirectory(tmp))
                .isInstanceOf(WarninglistFormatException.class)
                .hasMessageContaining(tmp.resolve("a/list.json").toString())
                .hasMessageContaining("/type")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .anySatisfy(m -> assertThat(m).contains("\"b\" is also the id of"))
                        .anySatisfy(m -> assertThat(m).contains("c.json").contains("malformed JSON")));
    }

    @Test
    void loadDirectoryRejectsSomethingThatIsNotADirectory() throws IOException {
        Path file = write("file.json", VALID);

        assertThatThrownBy(() -> WarninglistLoader.loadDirectory(file)).isInstanceOf(NotDirectoryException.class);
        assertThatThrownBy(() -> WarninglistLoader.loadDirectory(tmp.resolve("absent")))
                .isInstanceOf(NotDirectoryException.class);
    }
}
