package org.jcu.observable.warninglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jcu.observable.ObservableKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The lists shipped in the jar: they load, match, agree with their index and carry the upstream licence. */
class DefaultWarninglistsTest {

    private static final Warninglists DEFAULTS = Warninglists.defaults();

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DefaultWarninglistsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String> listIds(ObservableKind kind, String value) {
        return DEFAULTS.match(kind, value, null).stream()
                .map(WarninglistHit::listId)
                .toList();
    }

    @Test
    void theShippedListsLoadWithoutSkippedEntries() {
        assertThat(DEFAULTS.lists()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(DEFAULTS.lists())
                .extracting(Warninglist::id)
                .contains(
                        "rfc1918",
                        "rfc5735",
                        "rfc6761",
                        "rfc3849",
                        "empty-hashes",
                        "amazon-aws",
                        "google",
                        "microsoft",
                        "tranco10k")
                .isSorted();
        assertThat(DEFAULTS.skippedEntries()).isEmpty();
    }

    @Test
    void theIndexListsExactlyTheShippedFilesWithTheirSizesAndDigests() throws IOException, NoSuchAlgorithmException {
        JsonNode index = JsonMapper.builder().build().readTree(resource(WarninglistLoader.INDEX));
        long totalBytes = 0;

        assertThat(index.path("source").path("commit").asString())
                .isEqualTo("84f0610aaf3b32159285c9b85510d0f415ea6b27");
        assertThat(index.path("lists").values()).hasSize(DEFAULTS.lists().size());
        for (JsonNode entry : index.path("lists").values()) {
            String id = entry.path("id").asString();
            byte[] file = resource(WarninglistLoader.RESOURCES + id + "/list.json");
            Warninglist list = DEFAULTS.list(id).orElseThrow();

            assertThat(entry.path("bytes").asLong()).as(id).isEqualTo(file.length);
            assertThat(entry.path("sha256").asString())
                    .as(id)
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
            assertThat(entry.path("entries").asInt()).as(id).isEqualTo(list.entryCount());
            assertThat(entry.path("type").asString())
                    .as(id)
                    .isEqualTo(list.type().wire());
            assertThat(entry.path("name").asString()).as(id).isEqualTo(list.name());
            totalBytes += file.length;
        }
        assertThat(totalBytes).as("shipped lists stay small").isLessThan(5L * 1024 * 1024);
    }

    @Test
    void theUpstreamLicenceAndSourceAreShippedAlongside() throws IOException {
        String licence = new String(
                resource(WarninglistLoader.RESOURCES + "LICENSE-misp-warninglists.txt"), StandardCharsets.UTF_8);

        assertThat(licence)
                .contains("https://github.com/MISP/misp-warninglists")
                .contains("84f0610aaf3b32159285c9b85510d0f415ea6b27")
                .contains("MISP warning-lists are licensed under CC0 1.0 Universal")
                .contains("CC0 1.0 Universal")
                .contains("Statement of Purpose");
    }

    @Test
    void theDefaultsFlagReservedRangesCloudRangesWellKnownDomainsAndEmptyFileHashes() {
        assertThat(listIds(ObservableKind.IP, "192.168.10.1")).contains("rfc1918");
        assertThat(listIds(ObservableKind.IP, "127.0.0.1")).contains("rfc5735");
        assertThat(listIds(ObservableKind.IP, "2001:db8::5")).contains("rfc3849");
        assertThat(listIds(ObservableKind.IP, "224.0.0.251")).contains("multicast");
        assertThat(listIds(ObservableKind.IP, "1.178.16.77")).contains("amazon-aws");
        assertThat(listIds(ObservableKind.IP, "193.0.6.139"))
                .as("RIPE NCC: on no shipped list")
                .isEmpty();
        assertThat(listIds(ObservableKind.DOMAIN, "example.org")).contains("rfc6761");
        assertThat(listIds(ObservableKind.DOMAIN, "www.wikipedia.org")).contains("tranco10k");
        assertThat(listIds(ObservableKind.SHA_256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .contains("empty-hashes");
        assertThat(listIds(ObservableKind.SHA_1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"))
                .contains("empty-hashes");
    }

    @Test
    void aUserListWithAShippedIdReplacesTheShippedOne() {
        Warninglists custom = DEFAULTS.with(
                List.of(Lists.list("rfc1918", WarninglistType.CIDR, List.of("ip-src", "ip-dst"), "10.0.0.0/8")));

        assertThat(custom.lists()).hasSameSizeAs(DEFAULTS.lists());
        assertThat(custom.list("rfc1918").orElseThrow().name()).isEqualTo("List rfc1918");
        assertThat(custom.match(ObservableKind.IP, "192.168.1.1", null))
                .extracting(WarninglistHit::listId)
                .doesNotContain("rfc1918");
        assertThat(custom.match(ObservableKind.IP, "10.1.1.1", null))
                .extracting(WarninglistHit::listId)
                .contains("rfc1918");
    }
}
