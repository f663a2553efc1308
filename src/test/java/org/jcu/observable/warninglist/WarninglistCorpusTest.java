package org.jcu.observable.warninglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jcu.observable.ObservableKind;
import org.jcu.test.Corpus;
import org.junit.jupiter.api.Test;

/**
 * Every list of the misp-warninglists snapshot in the test corpus ({@code misp-warninglists/lists}, 128 lists) loads,
 * and the whole set builds into one matcher whose hits agree with what the lists say.
 */
class WarninglistCorpusTest {

    private static Path lists() {
        return Corpus.path("misp-warninglists/lists");
    }

    @Test
    void everyCorpusListLoadsOneByOne() throws IOException {
        List<Path> files;
        try (Stream<Path> folders = Files.list(lists())) {
            files = folders.map(folder -> folder.resolve("list.json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(128);
        for (Path file : files) {
            WarninglistContent list = WarninglistLoader.load(file);
            assertThat(list.id()).isEqualTo(file.getParent().getFileName().toString());
            assertThat(list.entries()).as(list.id()).isNotEmpty();
            assertThat(list.warninglist().name()).as(list.id()).isNotBlank();
        }
    }

    @Test
    void theWholeCorpusBuildsIntoOneMatcher() throws IOException {
        List<WarninglistContent> loaded = WarninglistLoader.loadDirectory(lists());
        Warninglists all = Warninglists.of(loaded);
        Map<String, Long> types = loaded.stream()
                .collect(Collectors.groupingBy(l -> l.warninglist().type().wire(), Collectors.counting()));

        assertThat(all.lists()).hasSize(loaded.size());
        assertThat(types).containsOnlyKeys("string", "substring", "hostname", "cidr", "regex");
        assertThat(all.skippedEntries())
                .as("the corpus snapshot has no malformed cidr entry and every regex compiles")
                .isEmpty();

        assertThat(listIds(all, ObservableKind.IP, "10.20.30.40")).contains("rfc1918");
        assertThat(listIds(all, ObservableKind.IP, "::ffff:192.168.1.1")).contains("rfc1918");
        assertThat(listIds(all, ObservableKind.IP, "2001:db8:1::/48")).contains("rfc3849");
        assertThat(listIds(all, ObservableKind.IP, "fe80::1")).contains("ipv6-linklocal");
        assertThat(listIds(all, ObservableKind.IP, "100.64.1.1")).contains("rfc6598");
        assertThat(listIds(all, ObservableKind.IP, "10.0.0.0/7")).doesNotContain("rfc1918");
        assertThat(listIds(all, ObservableKind.DOMAIN, "example.com")).contains("rfc6761");
        assertThat(listIds(all, ObservableKind.DOMAIN, "com")).contains("tlds");
        assertThat(listIds(all, ObservableKind.DOMAIN, "google.com")).contains("google");
        assertThat(listIds(all, ObservableKind.DOMAIN, "docs.google.com"))
                .as("string lists are exact")
                .doesNotContain("google");
        assertThat(listIds(all, ObservableKind.MD5, "d41d8cd98f00b204e9800998ecf8427e"))
                .contains("empty-hashes");
        assertThat(listIds(all, ObservableKind.SSDEEP, "3::")).contains("empty-hashes");
        assertThat(listIds(all, ObservableKind.EMAIL, "abuse@example.net")).contains("common-contact-emails");
        assertThat(listIds(all, ObservableKind.EMAIL, "john@example.net")).doesNotContain("common-contact-emails");
        assertThat(listIds(all, ObservableKind.DOMAIN, "foo.virustotal.com")).contains("automated-malware-analysis");
        assertThat(listIds(all, ObservableKind.DOMAIN, "x7k2q9-not-a-known-site.invalid"))
                .doesNotContain("google", "tlds", "tranco10k");
    }

    @Test
    void cidrEntriesOfEveryCorpusListMatchThemselves() throws IOException {
        List<WarninglistContent> cidrLists = WarninglistLoader.loadDirectory(lists()).stream()
                .filter(l -> l.warninglist().type() == WarninglistType.CIDR)
                .toList();
        Warninglists all = Warninglists.of(cidrLists);

        for (WarninglistContent list : cidrLists) {
            for (String entry : list.entries()) {
                assertThat(listIds(all, ObservableKind.IP, entry)).as(entry).contains(list.id());
            }
        }
    }

    private static List<String> listIds(Warninglists lists, ObservableKind kind, String value) {
        return lists.match(kind, value, null).stream()
                .map(WarninglistHit::listId)
                .toList();
    }
}
