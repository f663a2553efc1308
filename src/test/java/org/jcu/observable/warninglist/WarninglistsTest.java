package org.jcu.observable.warninglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcu.observable.warninglist.Lists.list;

import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.jcu.observable.IpRange;
import org.jcu.observable.ObservableKind;
import org.junit.jupiter.api.Test;

/** Matching semantics per list type, kind applicability, and building sets of lists. */
class WarninglistsTest {

    private static final List<String> IP_ATTRIBUTES = List.of("ip-src", "ip-dst", "domain|ip");
    private static final List<String> DOMAIN_ATTRIBUTES = List.of("domain", "hostname", "url", "domain|ip");

    private static List<String> matched(Warninglists lists, ObservableKind kind, String value) {
        return lists.match(kind, value, null).stream()
                .map(WarninglistHit::matchedEntry)
                .toList();
    }

    // --- cidr ---

    private final Warninglists cidr = Warninglists.of(List.of(
            list("private", WarninglistType.CIDR, IP_ATTRIBUTES, "10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32"),
            list("single", WarninglistType.CIDR, IP_ATTRIBUTES, "8.8.8.8", "2001:4860:4860::8888")));

    @Test
    void cidrMatchesAnAddressInsideABlockAndNotOneOutside() {
        assertThat(cidr.match(ObservableKind.IP, "10.1.2.3", null))
                .containsExactly(new WarninglistHit("private", "List private", "cidr", "10.0.0.0/8"));
        assertThat(matched(cidr, ObservableKind.IP, "11.0.0.1")).isEmpty();
        assertThat(matched(cidr, ObservableKind.IP, "192.169.0.1")).isEmpty();
    }

    @Test
    void cidrBlockInsideAListBlockMatchesButAWiderBlockDoesNot() {
        assertThat(matched(cidr, ObservableKind.IP, "10.1.0.0/16")).containsExactly("10.0.0.0/8");
        assertThat(matched(cidr, ObservableKind.IP, "10.0.0.0/8")).containsExactly("10.0.0.0/8");
        assertThat(matched(cidr, ObservableKind.IP, "10.0.0.0/7")).isEmpty();
        assertThat(matched(cidr, ObservableKind.IP, "8.8.8.0/24"))
                .as("a block is not inside one address")
                .isEmpty();
        assertThat(matched(cidr, ObservableKind.IP, "0.0.0.0/0")).isEmpty();
    }

    @Test
    void cidrComparesIpv6ByBitsWhateverTheNotation() {
        assertThat(matched(cidr, ObservableKind.IP, "2001:db8::1")).containsExactly("2001:db8::/32");
        assertThat(matched(cidr, ObservableKind.IP, "2001:0DB8:0000:0000:0000:0000:0000:0001"))
                .containsExactly("2001:db8::/32");
        assertThat(matched(cidr, ObservableKind.IP, "2001:4860:4860:0:0:0:0:8888"))
                .containsExactly("2001:4860:4860::8888");
        assertThat(matched(cidr, ObservableKind.IP, "2001:db9::1")).isEmpty();
        assertThat(matched(cidr, ObservableKind.IP, "2001:db8::/31")).isEmpty();
    }

    @Test
    void cidrMatchesIpv4MappedIpv6AgainstIpv4Entries() {
        assertThat(matched(cidr, ObservableKind.IP, "::ffff:10.9.8.7")).containsExactly("10.0.0.0/8");
        assertThat(matched(cidr, ObservableKind.IP, "::ffff:a09:807")).containsExactly("10.0.0.0/8");
        assertThat(matched(cidr, ObservableKind.IP, "::ffff:8.8.8.8")).containsExactly("8.8.8.8");
        assertThat(matched(cidr, ObservableKind.IP, "::a09:807"))
                .as("IPv4-compatible is not mapped")
                .isEmpty();

        Warninglists mappedEntries =
                Warninglists.of(List.of(list("mapped", WarninglistType.CIDR, List.of(), "::ffff:172.16.0.0/108")));
        assertThat(matched(mappedEntries, ObservableKind.IP, "172.20.1.1")).containsExactly("::ffff:172.16.0.0/108");
        assertThat(matched(mappedEntries, ObservableKind.IP, "172.32.0.1")).isEmpty();
    }

    @Test
    void cidrUsesTheGivenRangeAndReportsTheMostSpecificEntryOncePerList() {
        Warninglists nested = Warninglists.of(
                List.of(list("nested", WarninglistType.CIDR, List.of(), "10.0.0.0/8", "10.1.0.0/16", "10.1.2.3")));
        IpRange range = IpText.parse("10.1.2.3");

        assertThat(nested.match(ObservableKind.IP, "ignored when the range is given", range))
                .extracting(WarninglistHit::matchedEntry)
                .containsExactly("10.1.2.3");
        assertThat(matched(nested, ObservableKind.IP, "10.1.9.9")).containsExactly("10.1.0.0/16");
    }

    @Test
    void cidrSkipsAndReportsMalformedEntriesAndMasksHostBits() {
        Warninglists lists = Warninglists.of(List.of(list(
                "messy",
                WarninglistType.CIDR,
                IP_ATTRIBUTES,
                "10.0.0.0/33",
                "not-an-ip",
                "300.1.1.1",
                "1.2.3.4/x",
                "192.168.1.77/24")));

        assertThat(lists.skippedEntries())
                .extracting(SkippedEntry::entry)
                .containsExactly("10.0.0.0/33", "not-an-ip", "300.1.1.1", "1.2.3.4/x");
        assertThat(lists.skippedEntries().get(0).reason()).contains("CIDR prefix must be /0../32 for IPv4");
        assertThat(matched(lists, ObservableKind.IP, "192.168.1.5")).containsExactly("192.168.1.77/24");
        assertThat(matched(lists, ObservableKind.IP, "192.168.2.5")).isEmpty();
    }

    @Test
    void cidrListsDoNotApplyToOtherKindsAndUnparseableIpValuesMatchNothing() {
        assertThat(matched(cidr, ObservableKind.DOMAIN, "10.0.0.1")).isEmpty();
        assertThat(matched(cidr, ObservableKind.IP, "not an address")).isEmpty();
    }

    @Test
    void cidrLookupStaysFastWithOneHundredThousandEntries() {
        String[] entries = new String[100_000];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = "10." + (i >> 8 & 0xff) + "." + (i & 0xff) + ".0/" + (24 + i % 9);
        }
        Warninglists big = Warninglists.of(List.of(list("big", WarninglistType.CIDR, List.of(), entries)));

        long start = System.nanoTime();
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            hits += big.match(ObservableKind.IP, "11.0." + (i >> 8 & 0xff) + "." + (i & 0xff), null)
                    .size();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(hits).isZero();
        assertThat(millis)
                .as("100k lookups against 100k entries (a linear scan would take minutes)")
                .isLessThan(10_000);
        assertThat(matched(big, ObservableKind.IP, "10.0.5.0")).containsExactly("10.0.5.0/29");
    }

    // --- hostname ---

    private final Warninglists hostnames = Warninglists.of(List.of(list(
            "hosts", WarninglistType.HOSTNAME, List.of(), "google.com", ".Example.ORG.", "co.uk", "xn--bcher-kva.de")));

    @Test
    void hostnameMatchesTheDomainAndItsSubdomainsAtALabelBoundary() {
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "google.com")).containsExactly("google.com");
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "mail.google.com")).containsExactly("google.com");
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "a.b.mail.google.com"))
                .containsExactly("google.com");
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "evil-google.com")).isEmpty();
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "google.com.evil.net"))
                .isEmpty();
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "oogle.com")).isEmpty();
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "com")).isEmpty();
    }

    @Test
    void hostnameEntriesAreComparedLowerCasedWithoutLeadingOrTrailingDots() {
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "www.example.org")).containsExactly(".Example.ORG.");
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "example.org")).containsExactly(".Example.ORG.");
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "WWW.EXAMPLE.ORG."))
                .containsExactly(".Example.ORG.");
        assertThat(matched(hostnames, ObservableKind.DOMAIN, "shop.bücher.de")).containsExactly("xn--bcher-kva.de");
    }

    @Test
    void hostnameTakesTheHostOfUrlsAndEmailAddresses() {
        assertThat(matched(hostnames, ObservableKind.URL, "https://user@docs.google.com:8443/a/b?c=google.net#x"))
                .containsExactly("google.com");
        assertThat(matched(hostnames, ObservableKind.URL, "https://evil.net/google.com"))
                .isEmpty();
        assertThat(matched(hostnames, ObservableKind.URL, "http://[2001:db8::1]/google.com"))
                .isEmpty();
        assertThat(matched(hostnames, ObservableKind.EMAIL, "someone@mail.google.com"))
                .containsExactly("google.com");
        assertThat(matched(hostnames, ObservableKind.EMAIL, "google.com@evil.net"))
                .isEmpty();
        assertThat(matched(hostnames, ObservableKind.IP, "10.0.0.1")).isEmpty();
    }

    // --- string ---

    @Test
    void stringMatchesEqualValuesOnlyAndComparesDomainsCaseInsensitively() {
        Warninglists lists = Warninglists.of(List.of(
                list("tlds", WarninglistType.STRING, List.of("hostname", "domain"), "COM", "Org", ".google.ad")));

        assertThat(matched(lists, ObservableKind.DOMAIN, "com")).containsExactly("COM");
        assertThat(matched(lists, ObservableKind.DOMAIN, "org")).containsExactly("Org");
        assertThat(matched(lists, ObservableKind.DOMAIN, "google.ad")).containsExactly(".google.ad");
        assertThat(matched(lists, ObservableKind.DOMAIN, "www.google.ad"))
                .as("exact, not hostname")
                .isEmpty();
        assertThat(matched(lists, ObservableKind.DOMAIN, "example.com")).isEmpty();
        assertThat(matched(lists, ObservableKind.URL, "com"))
                .as("url is not a matching attribute")
                .isEmpty();
    }

    @Test
    void stringComparesUrlsWholeAndCaseInsensitively() {
        Warninglists lists = Warninglists.of(
                List.of(list("urls", WarninglistType.STRING, List.of("url"), "HTTP://Example.com/", "google.com")));

        assertThat(matched(lists, ObservableKind.URL, "http://example.com/")).containsExactly("HTTP://Example.com/");
        assertThat(matched(lists, ObservableKind.URL, "https://google.com/")).isEmpty();
        assertThat(matched(lists, ObservableKind.URL, "http://example.com/x")).isEmpty();
    }

    @Test
    void stringNormalisesIpEntriesSoTheNotationDoesNotMatter() {
        Warninglists lists = Warninglists.of(List.of(list(
                "ips", WarninglistType.STRING, IP_ATTRIBUTES, "2001:DB8:0:0::1", "::ffff:192.0.2.1", "10.0.0.0/8")));

        assertThat(matched(lists, ObservableKind.IP, "2001:db8::1")).containsExactly("2001:DB8:0:0::1");
        assertThat(matched(lists, ObservableKind.IP, "192.0.2.1")).containsExactly("::ffff:192.0.2.1");
        assertThat(matched(lists, ObservableKind.IP, "10.0.0.0/8")).containsExactly("10.0.0.0/8");
        assertThat(matched(lists, ObservableKind.IP, "10.0.0.1"))
                .as("string is equality, not containment")
                .isEmpty();
        assertThat(matched(lists, ObservableKind.IP, "2001:db8::2")).isEmpty();
    }

    @Test
    void stringComparesHashesCaseInsensitivelyAndSsdeepExactly() {
        Warninglists lists = Warninglists.of(List.of(list(
                "empty",
                WarninglistType.STRING,
                List.of("md5", "sha256", "ssdeep"),
                "D41D8CD98F00B204E9800998ECF8427E",
                "3::",
                "3:aB:cD")));

        assertThat(matched(lists, ObservableKind.MD5, "d41d8cd98f00b204e9800998ecf8427e"))
                .containsExactly("D41D8CD98F00B204E9800998ECF8427E");
        assertThat(matched(lists, ObservableKind.SHA_256, "d41d8cd98f00b204e9800998ecf8427e"))
                .as("compared as text: the list applies to SHA-256 too")
                .containsExactly("D41D8CD98F00B204E9800998ECF8427E");
        assertThat(matched(lists, ObservableKind.SHA_1, "d41d8cd98f00b204e9800998ecf8427e"))
                .as("sha1 is not a matching attribute")
                .isEmpty();
        assertThat(matched(lists, ObservableKind.SSDEEP, "3::")).containsExactly("3::");
        assertThat(matched(lists, ObservableKind.SSDEEP, "3:aB:cD")).containsExactly("3:aB:cD");
        assertThat(matched(lists, ObservableKind.SSDEEP, "3:ab:cd")).isEmpty();
    }

    @Test
    void largeStringListsAreHashLookups() {
        String[] entries = new String[200_000];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = "site" + i + ".example";
        }
        Warninglists big = Warninglists.of(List.of(list("top", WarninglistType.STRING, DOMAIN_ATTRIBUTES, entries)));

        long start = System.nanoTime();
        int hits = 0;
        for (int i = 0; i < 200_000; i++) {
            hits += big.match(ObservableKind.DOMAIN, "site" + (i * 7) + ".example", null)
                    .size();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(hits).isEqualTo(200_000 / 7 + 1);
        assertThat(millis).as("200k lookups against 200k entries").isLessThan(10_000);
    }

    // --- substring ---

    @Test
    void substringFindsAnEntryAnywhereInTheValueIgnoringCase() {
        Warninglists lists = Warninglists.of(
                List.of(list("sandbox", WarninglistType.SUBSTRING, DOMAIN_ATTRIBUTES, "VirusTotal.com", "any.run")));

        assertThat(matched(lists, ObservableKind.DOMAIN, "www.virustotal.com")).containsExactly("VirusTotal.com");
        assertThat(matched(lists, ObservableKind.DOMAIN, "notvirustotal.community"))
                .containsExactly("VirusTotal.com");
        assertThat(matched(lists, ObservableKind.URL, "https://APP.ANY.RUN/tasks"))
                .containsExactly("any.run");
        assertThat(matched(lists, ObservableKind.DOMAIN, "virus-total.com")).isEmpty();
        assertThat(matched(lists, ObservableKind.EMAIL, "a@virustotal.com"))
                .as("not a matching attribute")
                .isEmpty();
    }

    @Test
    void substringGivesTheSameAnswerForShortAndLongValuesOnALargeList() {
        String[] entries = new String[5_000];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = "disposable" + i + ".example";
        }
        Warninglists lists =
                Warninglists.of(List.of(list("disposable", WarninglistType.SUBSTRING, List.of("email-src"), entries)));
        String longLocalPart = "x".repeat(5_000);

        assertThat(matched(lists, ObservableKind.EMAIL, "a@mail.disposable42.example"))
                .containsExactly("disposable42.example");
        assertThat(matched(lists, ObservableKind.EMAIL, longLocalPart + "@DISPOSABLE4999.example"))
                .containsExactly("disposable4999.example");
        assertThat(matched(lists, ObservableKind.EMAIL, "a@disposable.example")).isEmpty();
        assertThat(matched(lists, ObservableKind.EMAIL, longLocalPart + "@example.org"))
                .isEmpty();
    }

    // --- regex ---

    @Test
    void regexStripsPcreDelimitersAndAppliesTheCaseInsensitiveFlag() {
        Warninglists lists = Warninglists.of(List.of(
                list("contacts", WarninglistType.REGEX, List.of("email-src"), "/^(security|abuse)\\@.*\\..*$/i"),
                list("case", WarninglistType.REGEX, List.of("email-src"), "#^Noc@#")));

        assertThat(matched(lists, ObservableKind.EMAIL, "ABUSE@example.com"))
                .containsExactly("/^(security|abuse)\\@.*\\..*$/i");
        assertThat(matched(lists, ObservableKind.EMAIL, "security@example.com")).hasSize(1);
        assertThat(matched(lists, ObservableKind.EMAIL, "notabuse@example.com")).isEmpty();
        assertThat(matched(lists, ObservableKind.EMAIL, "Noc@example.com")).containsExactly("#^Noc@#");
        assertThat(matched(lists, ObservableKind.EMAIL, "noc@example.com"))
                .as("no i flag")
                .isEmpty();
        assertThat(matched(lists, ObservableKind.DOMAIN, "abuse@example.com")).isEmpty();
    }

    @Test
    void regexSkipsAndReportsEntriesThatDoNotCompile() {
        Warninglists lists = Warninglists.of(List.of(list(
                "phones",
                WarninglistType.REGEX,
                List.of(),
                "/((?:\\+|00)44)?07700900([0-9]{3})/g",
                "no-delimiters",
                "/unclosed[/",
                "/x/q",
                "/missing-end")));

        assertThat(lists.skippedEntries())
                .extracting(SkippedEntry::entry)
                .containsExactly("no-delimiters", "/unclosed[/", "/x/q", "/missing-end");
        assertThat(lists.skippedEntries())
                .extracting(SkippedEntry::reason)
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(matched(lists, ObservableKind.URL, "tel:+4407700900123")).hasSize(1);
    }

    // --- kinds, sets ---

    @Test
    void aListWithoutMatchingAttributesAppliesToEveryKindItsTypeCanMatch() {
        Warninglist anyString = list("any", WarninglistType.STRING, List.of()).warninglist();
        Warninglist anyHost = list("any", WarninglistType.HOSTNAME, List.of()).warninglist();
        Warninglist phones =
                list("phones", WarninglistType.REGEX, List.of("phone-number")).warninglist();
        Warninglist domainIpCidr =
                list("d", WarninglistType.CIDR, List.of("domain|ip")).warninglist();
        Warninglist domainIpHost =
                list("d", WarninglistType.HOSTNAME, List.of("domain|ip", "uri")).warninglist();

        assertThat(anyString.kinds()).containsExactlyInAnyOrder(ObservableKind.values());
        assertThat(anyHost.kinds())
                .containsExactlyInAnyOrder(ObservableKind.DOMAIN, ObservableKind.URL, ObservableKind.EMAIL);
        assertThat(phones.kinds()).isEmpty();
        assertThat(domainIpCidr.kinds()).containsExactly(ObservableKind.IP);
        assertThat(domainIpHost.kinds()).containsExactlyInAnyOrder(ObservableKind.DOMAIN, ObservableKind.URL);
    }

    @Test
    void hitsAreOnePerListOrderedByListId() {
        Warninglists lists = Warninglists.of(List.of(
                list("zz", WarninglistType.HOSTNAME, List.of(), "example.com"),
                list("aa", WarninglistType.STRING, List.of("domain"), "www.example.com"),
                list("mm", WarninglistType.SUBSTRING, List.of("domain"), "exa", "ample")));

        assertThat(lists.match(ObservableKind.DOMAIN, "www.example.com", null))
                .extracting(WarninglistHit::listId, WarninglistHit::type)
                .containsExactly(
                        Tuple.tuple("aa", "string"), Tuple.tuple("mm", "substring"), Tuple.tuple("zz", "hostname"));
    }

    @Test
    void withReplacesAListOfTheSameIdAndWithoutRemovesIt() {
        Warninglists base = Warninglists.of(List.of(
                list("rfc1918", WarninglistType.CIDR, IP_ATTRIBUTES, "10.0.0.0/8"),
                list("other", WarninglistType.HOSTNAME, List.of(), "example.org")));

        Warninglists edited = base.with(List.of(
                list("rfc1918", WarninglistType.CIDR, IP_ATTRIBUTES, "172.16.0.0/12"),
                list("extra", WarninglistType.STRING, List.of("domain"), "intranet.local")));

        assertThat(edited.lists()).extracting(Warninglist::id).containsExactly("extra", "other", "rfc1918");
        assertThat(matched(edited, ObservableKind.IP, "10.0.0.1")).isEmpty();
        assertThat(matched(edited, ObservableKind.IP, "172.16.5.5")).containsExactly("172.16.0.0/12");
        assertThat(matched(base, ObservableKind.IP, "10.0.0.1"))
                .as("the original is unchanged")
                .hasSize(1);
        assertThat(edited.without(Set.of("rfc1918", "unknown")).lists())
                .extracting(Warninglist::id)
                .containsExactly("extra", "other");
        assertThat(edited.list("extra")).isPresent();
        assertThat(edited.list("nope")).isEmpty();
    }

    @Test
    void duplicateIdsAreRejectedWhenBuildingOrAddingTogether() {
        WarninglistContent one = list("dup", WarninglistType.STRING, List.of(), "a");
        WarninglistContent two = list("dup", WarninglistType.STRING, List.of(), "b");

        assertThatThrownBy(() -> Warninglists.of(List.of(one, two)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"dup\"");
        assertThatThrownBy(() -> Warninglists.of(List.of()).with(List.of(one, two)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"dup\"");
    }

    @Test
    void theMatcherIsSafeToShareBetweenThreads() throws InterruptedException {
        Warninglists lists = cidr.with(List.of(list("hosts", WarninglistType.HOSTNAME, List.of(), "google.com")));
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 20_000; i++) {
                        assertThat(lists.match(ObservableKind.IP, "10.0." + (i & 0xff) + ".1", null))
                                .hasSize(1);
                        assertThat(lists.match(ObservableKind.DOMAIN, "m" + i + ".google.com", null))
                                .hasSize(1);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }
}
