package org.jcu.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Normalizer#normalize}: notation variants that must collapse, per kind, and each rejection with its rule. */
class NormalizerTest {

    static String value(ObservableKind kind, String raw) {
        NormalizedValue normalized = Normalizer.normalize(kind, raw);
        assertThat(normalized.original()).isEqualTo(raw);
        assertThat(normalized.kind()).isEqualTo(kind);
        assertThat(Normalizer.normalize(kind, normalized.value()).value())
                .as("idempotent")
                .isEqualTo(normalized.value());
        return normalized.value();
    }

    static void assertRejected(ObservableKind kind, String raw, String rule) {
        assertThatThrownBy(() -> Normalizer.normalize(kind, raw))
                .isInstanceOfSatisfying(ObservableException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.value()).isEqualTo(raw);
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.getMessage())
                            .startsWith(kind.code() + " value \"")
                            .endsWith(": " + rule);
                });
    }

    @Nested
    class Ip {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "192.0.2.1                               | 192.0.2.1",
                    "0.0.0.0                                 | 0.0.0.0",
                    "255.255.255.255                         | 255.255.255.255",
                    // case and zero compression
                    "2001:DB8::1                             | 2001:db8::1",
                    "2001:0db8:0:0:0:0:0:1                   | 2001:db8::1",
                    "2001:db8:0::1                           | 2001:db8::1",
                    "2001:0DB8:0000:0000:0000:0000:0000:0001 | 2001:db8::1",
                    // RFC 5952 §4.1: leading zeros suppressed
                    "2001:0db8::0001                         | 2001:db8::1",
                    // RFC 5952 §4.2.1: '::' used to its maximum
                    "2001:db8:0:0:0:0:2:1                    | 2001:db8::2:1",
                    "2001:db8::0:1                           | 2001:db8::1",
                    // RFC 5952 §4.2.2: a single 16-bit 0 is not compressed
                    "2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1",
                    "2001:db8::1:1:1:1:1                     | 2001:db8:0:1:1:1:1:1",
                    // RFC 5952 §4.2.3: the longest run, the first of equal runs
                    "2001:0:0:1:0:0:0:1                      | 2001:0:0:1::1",
                    "2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1",
                    // RFC 5952 §4.3: lower case
                    "2001:DB8::AB:CD                         | 2001:db8::ab:cd",
                    "::                                      | ::",
                    "0:0:0:0:0:0:0:0                         | ::",
                    "::1                                     | ::1",
                    "1:0:0:0:0:0:0:0                         | 1::",
                    // IPv4-mapped IPv6 is the IPv4 address (RFC 4291 §2.5.5.2)
                    "::ffff:192.0.2.1                        | 192.0.2.1",
                    "::FFFF:C000:0201                        | 192.0.2.1",
                    "0:0:0:0:0:ffff:192.0.2.1                | 192.0.2.1",
                    "0000:0000:0000:0000:0000:FFFF:c000:201  | 192.0.2.1",
                    // other embedded IPv4 is written in hex
                    "::192.0.2.1                             | ::c000:201",
                    "64:ff9b::192.0.2.1                      | 64:ff9b::c000:201",
                    // CIDR: host bits cleared, /32 and /128 are single addresses
                    "192.0.2.77/24                           | 192.0.2.0/24",
                    "10.1.2.3/8                              | 10.0.0.0/8",
                    "192.0.2.1/32                            | 192.0.2.1",
                    "1.2.3.4/0                               | 0.0.0.0/0",
                    "2001:db8::1/64                          | 2001:db8::/64",
                    "2001:DB8:0:0:1::/48                     | 2001:db8::/48",
                    "2001:db8::1/128                         | 2001:db8::1",
                    "::/0                                    | ::/0",
                    "::ffff:192.0.2.77/120                   | 192.0.2.0/24",
                    "::ffff:192.0.2.1/128                    | 192.0.2.1",
                    "::ffff:0:0/96                           | 0.0.0.0/0",
                    "::ffff:0:0/95                           | ::fffe:0:0/95",
                    "192.0.2.0/024                           | 192.0.2.0/24",
                })
        void collapsesNotations(String raw, String expected) {
            assertThat(value(ObservableKind.IP, raw)).isEqualTo(expected);
        }

        @Test
        void ipv4AndItsMappedFormAreTheSameRange() {
            NormalizedValue ipv4 = Normalizer.normalize(ObservableKind.IP, "192.0.2.0/24");
            NormalizedValue mapped = Normalizer.normalize(ObservableKind.IP, "::ffff:c000:200/120");

            assertThat(mapped.range()).isEqualTo(ipv4.range());
            assertThat(ipv4.range().isIpv4()).isTrue();
            assertThat(ipv4.range().familyPrefix()).isEqualTo(24);
            assertThat(ipv4.range().prefix()).isEqualTo(120);
        }

        @Test
        void rangeIsSetOnlyForIp() {
            assertThat(Normalizer.normalize(ObservableKind.IP, "192.0.2.1").range())
                    .isEqualTo(Normalizer.normalize(ObservableKind.IP, "::ffff:192.0.2.1/128")
                            .range());
            assertThat(Normalizer.normalize(ObservableKind.DOMAIN, "example.com")
                            .range())
                    .isNull();
        }

        @Test
        void rejectsOutOfRangeOctetWithTheDocumentedMessage() {
            assertThatThrownBy(() -> Normalizer.normalize(ObservableKind.IP, "300.1.1.1"))
                    .isInstanceOf(ObservableException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ip value \"300.1.1.1\": not an IPv4 or IPv6 address (RFC 4291 §2.2 / dotted quad)");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "300.1.1.1",
                    "1.2.3",
                    "1.2.3.4.5",
                    "0x7f.0.0.1",
                    "1.2.3.-4",
                    "1..2.3",
                    "''",
                    "\u0661.2.3.4", // Arabic-Indic digit one: Character.digit accepts it, we do not
                    "2001:db8::1::2",
                    "2001:db8:::1",
                    "12345::1",
                    "2001:db8::g",
                    "[::1]",
                    "1:2:3:4:5:6:7:8:9",
                    "::ffff:1.2.3",
                    "example.com",
                })
        void rejectsWhatIsNotAnAddress(String raw) {
            assertRejected(ObservableKind.IP, raw, IpText.NOT_AN_ADDRESS);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource({"010.1.1.1", "1.2.3.04", "00.0.0.0", "::ffff:01.2.3.4", "192.0.2.001/24"})
        void rejectsIpv4LeadingZerosAsAmbiguous(String raw) {
            assertRejected(ObservableKind.IP, raw, IpText.LEADING_ZERO);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource({"fe80::1%eth0", "fe80::1%25eth0", "fe80::1%1", "fe80::1%eth0/64"})
        void rejectsZoneIndexes(String raw) {
            assertRejected(ObservableKind.IP, raw, IpText.ZONE);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "1.2.3.4/33",
                    "2001:db8::/129",
                    "1.2.3.4/",
                    "1.2.3.4/-1",
                    "1.2.3.4/a",
                    "1.2.3.4/24/1",
                    "1.2.3.4/255.255.255.0",
                    "1.2.3.4/0024",
                    "::ffff:1.2.3.4/129"
                })
        void rejectsBadPrefixes(String raw) {
            assertRejected(ObservableKind.IP, raw, IpText.BAD_PREFIX);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {"' 192.0.2.1'", "'192.0.2.1 '", "'192.0.2.1\n'", "'2001:db8:: 1'", "'192.0.2.1\u00a0'"})
        void rejectsWhitespaceInsteadOfTrimming(String raw) {
            assertRejected(ObservableKind.IP, raw, Normalizer.WHITESPACE);
        }
    }

    @Nested
    class Domain {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "example.com                | example.com",
                    "Example.COM                | example.com",
                    "example.com.               | example.com",
                    "localhost                  | localhost",
                    // U-label and A-label, any case, trailing dot
                    "bücher.example             | xn--bcher-kva.example",
                    "BÜCHER.example.            | xn--bcher-kva.example",
                    "xn--bcher-kva.example      | xn--bcher-kva.example",
                    "XN--BCHER-KVA.EXAMPLE      | xn--bcher-kva.example",
                    "münchen.de                 | xn--mnchen-3ya.de",
                    "παράδειγμα.δοκιμή          | xn--hxajbheg2az3al.xn--jxalpdlp",
                    "例子.测试                   | xn--fsqu00a.xn--0zwm56d",
                    // non-transitional: ß and ς are kept, not mapped to ss and σ (UTS #46 §4)
                    "faß.de                     | xn--fa-hia.de",
                    "fass.de                    | fass.de",
                    // UTS #46 mapping: width, ideographic full stop
                    "ＥＸＡＭＰＬＥ．ｃｏｍ         | example.com",
                    "example。com               | example.com",
                    // DNS reality: service labels, '--' in positions 3 and 4, hyphens at the ends
                    "_dmarc.example.com         | _dmarc.example.com",
                    "r3--sn-abc.googlevideo.com | r3--sn-abc.googlevideo.com",
                    "-leading.example           | -leading.example",
                })
        void collapsesNotations(String raw, String expected) {
            assertThat(value(ObservableKind.DOMAIN, raw)).isEqualTo(expected);
        }

        @Test
        void acceptsDnsLengthLimits() {
            String label63 = "a".repeat(63);
            String name253 = String.join(".", label63, label63, label63, "a".repeat(61));

            assertThat(value(ObservableKind.DOMAIN, label63 + ".example")).isEqualTo(label63 + ".example");
            assertThat(name253).hasSize(253);
            assertThat(value(ObservableKind.DOMAIN, name253 + ".")).isEqualTo(name253);
        }

        @Test
        void rejectsTooLongLabelsAndNames() {
            String label63 = "a".repeat(63);
            assertRejected(ObservableKind.DOMAIN, "a".repeat(64) + ".example", DomainNames.LABEL_TOO_LONG);
            // the limit applies to the A-label: 60 'ü' are 60 characters but a longer punycode label
            assertRejected(ObservableKind.DOMAIN, "ü".repeat(60) + ".example", DomainNames.LABEL_TOO_LONG);
            assertRejected(
                    ObservableKind.DOMAIN,
                    String.join(".", label63, label63, label63, "a".repeat(62)),
                    DomainNames.NAME_TOO_LONG);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource({"example..com", ".example.com", "example.com..", "."})
        void rejectsEmptyLabels(String raw) {
            assertRejected(ObservableKind.DOMAIN, raw, DomainNames.EMPTY_LABEL);
        }

        @Test
        void rejectsEmptyName() {
            assertRejected(ObservableKind.DOMAIN, "", DomainNames.EMPTY);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {"*.example.com", "ex/ample.com", "example.com:80", "user@example.com", "exa%6dple.com"})
        void rejectsCharactersOutsideHostNames(String raw) {
            assertRejected(ObservableKind.DOMAIN, raw, DomainNames.BAD_ASCII);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource({"192.0.2.1", "example.123", "1"})
        void rejectsNumericLastLabel(String raw) {
            assertRejected(ObservableKind.DOMAIN, raw, DomainNames.NUMERIC_TLD);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "xn--zz.example       | PUNYCODE",
                    "xn--a.example        | INVALID_ACE_LABEL",
                    "a\u200db.example     | CONTEXTJ",
                    "a\u05d0.com          | BIDI",
                    "\u0301a.example      | LEADING_COMBINING_MARK",
                    "a\ufffdb.example     | DISALLOWED",
                })
        void rejectsIdnaErrorsNamingThem(String raw, String error) {
            assertRejected(
                    ObservableKind.DOMAIN,
                    raw,
                    "not a valid internationalised domain name (UTS #46 / IDNA2008: " + error + ")");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {"' example.com'", "'example.com '", "'exa mple.com'", "'example.com\t'"})
        void rejectsWhitespace(String raw) {
            assertRejected(ObservableKind.DOMAIN, raw, Normalizer.WHITESPACE);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "www.example.co.uk        | example.co.uk",
                    "WWW.Example.CO.UK.       | example.co.uk",
                    "example.com              | example.com",
                    "a.b.c.example.com        | example.com",
                    "evil.github.io           | evil.github.io",
                    "a.b.evil.github.io       | evil.github.io",
                    "www.bücher.de            | xn--bcher-kva.de",
                    "a.公司.cn                 | a.xn--55qx5d.cn",
                    "a.xn--55qx5d.cn          | a.xn--55qx5d.cn",
                })
        void registrableDomainIsPublicSuffixPlusOneLabel(String domain, String expected) {
            assertThat(Normalizer.registrableDomain(domain)).contains(expected);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource({"co.uk", "com", "github.io", "localhost", "corp.internal", "192.0.2.1", "xn--55qx5d.cn"})
        void noRegistrableDomainForSuffixesUnlistedNamesAndAddresses(String domain) {
            assertThat(Normalizer.registrableDomain(domain)).isEmpty();
        }

        @Test
        void registrableDomainRejectsInvalidNames() {
            assertThatThrownBy(() -> Normalizer.registrableDomain("exa mple.com"))
                    .isInstanceOfSatisfying(
                            ObservableException.class, e -> assertThat(e.kind()).isEqualTo(ObservableKind.DOMAIN));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "xn--bcher-kva.example    | bücher.example",
                    "XN--BCHER-KVA.EXAMPLE.   | bücher.example",
                    "bücher.example           | bücher.example",
                    "xn--fa-hia.de            | faß.de",
                    "example.com              | example.com",
                    "xn--zz.example           | xn--zz.example",
                    "'exa mple.com'           | 'exa mple.com'",
                })
        void unicodeFormForDisplay(String domain, String expected) {
            assertThat(Normalizer.unicodeForm(domain)).isEqualTo(expected);
        }
    }

    @Nested
    class Url {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '`',
                value = {
                    // scheme and host case
                    "HTTP://Example.COM/Path                 | http://example.com/Path",
                    "HTTPS://example.com/#Frag               | https://example.com/#Frag",
                    // empty path with an authority is '/' (RFC 3986 §6.2.3)
                    "http://example.com                      | http://example.com/",
                    "http://example.com?q                    | http://example.com/?q",
                    "foo://example.com                       | foo://example.com",
                    // default, empty and zero-padded ports
                    "http://example.com:80/                  | http://example.com/",
                    "https://example.com:443/x               | https://example.com/x",
                    "ftp://example.com:21/                   | ftp://example.com/",
                    "http://example.com:443/                 | http://example.com:443/",
                    "http://example.com:/                    | http://example.com/",
                    "http://example.com:0080/                | http://example.com/",
                    "http://example.com:08080/               | http://example.com:8080/",
                    "foo://example.com:80/                   | foo://example.com:80/",
                    // percent-encoding: unreserved decoded, the rest upper-case hex (RFC 3986 §6.2.2.1-2)
                    "http://example.com/%7euser/%7Efoo       | http://example.com/~user/~foo",
                    "http://example.com/%41%42%43            | http://example.com/ABC",
                    "http://example.com/a%2fb                | http://example.com/a%2Fb",
                    "http://example.com/?q=%e2%82%ac         | http://example.com/?q=%E2%82%AC",
                    "http://example.com/#%7e%3a              | http://example.com/#~%3A",
                    "http://example.com/100%                 | http://example.com/100%25",
                    "http://example.com/%zz                  | http://example.com/%25zz",
                    // IRI characters become UTF-8 triplets (RFC 3987 §3.1)
                    "http://bücher.example/ü?ü#ü             | http://xn--bcher-kva.example/%C3%BC?%C3%BC#%C3%BC",
                    "http://example.com/%C3%BC               | http://example.com/%C3%BC",
                    // kept as given: backslashes, dot-segments, query order, other characters
                    "http://example.com/a\\b\\c              | http://example.com/a\\b\\c",
                    "http://example.com/a/../b/./c           | http://example.com/a/../b/./c",
                    "http://example.com/?b=2&a=1&A=+         | http://example.com/?b=2&a=1&A=+",
                    // hosts: IDN, trailing dot, IP literals, percent-encoded reg-names
                    "http://Bücher.Example./                 | http://xn--bcher-kva.example/",
                    "http://xn--bcher-kva.example/           | http://xn--bcher-kva.example/",
                    "http://%65xample.com/                   | http://example.com/",
                    "http://b%C3%BCcher.example/             | http://xn--bcher-kva.example/",
                    "http://[2001:DB8::1]:8080/              | http://[2001:db8::1]:8080/",
                    "http://[2001:db8:0:0:0:0:0:1]           | http://[2001:db8::1]/",
                    "http://[::FFFF:192.0.2.1]/              | http://192.0.2.1/",
                    "http://192.0.2.1:80                     | http://192.0.2.1/",
                    "http://[v1.Fe80::A+En1]/                | http://[v1.fe80::a+en1]/",
                    // user info kept (case-sensitive), only percent-encoding normalised
                    "http://User:P%61ss@Example.com/         | http://User:Pass@example.com/",
                    // no authority: only percent-encoding
                    "mailto:John.Doe@Example.com             | mailto:John.Doe@Example.com",
                    "urn:ISBN:0-395-36341-1                  | urn:ISBN:0-395-36341-1",
                    "file:///etc/passwd                      | file:///etc/passwd",
                    "Custom+Scheme.v2://Host/x               | custom+scheme.v2://host/x",
                })
        void normalisesSyntax(String raw, String expected) {
            assertThat(value(ObservableKind.URL, raw)).isEqualTo(expected);
        }

        @Test
        void keepsAsciiCharactersThatRfc3986DoesNotAllow() {
            assertThat(value(ObservableKind.URL, "http://example.com/a|b^c{d}`e\"f<g>[h]"))
                    .isEqualTo("http://example.com/a|b^c{d}`e\"f<g>[h]");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "example.com/x",
                    "//example.com/",
                    "1http://example.com/",
                    "''",
                    ":x",
                    "/path",
                    "ht tp://example.com/"
                })
        void rejectsUrlsWithoutScheme(String raw) {
            assertRejected(ObservableKind.URL, raw, raw.contains(" ") ? Urls.WHITESPACE : Urls.NO_SCHEME);
        }

        @Test
        void rejectsHostAndPortWithoutScheme() {
            assertRejected(ObservableKind.URL, "example.com:8080/x", Urls.HOST_PORT);
            assertRejected(ObservableKind.URL, "www.example.com:443", Urls.HOST_PORT);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "http:example.com                | " + Urls.NO_AUTHORITY,
                    "https:/example.com              | " + Urls.NO_AUTHORITY,
                    "http:///path                    | " + Urls.NO_HOST,
                    "http://user@/path               | " + Urls.NO_HOST,
                    "http://example.com:65536/       | " + Urls.BAD_PORT,
                    "http://example.com:8o/          | " + Urls.BAD_PORT,
                    "http://example.com:-1/          | " + Urls.BAD_PORT,
                    "http://evil.example\\@good.example/ | " + Urls.AUTHORITY_BACKSLASH,
                    "http://evil.example\\path       | " + Urls.AUTHORITY_BACKSLASH,
                    "http://[::1/                    | " + Urls.BAD_IP_LITERAL,
                    "http://[::1]x/                  | " + Urls.BAD_IP_LITERAL,
                    "http://[192.0.2.1]/             | host: " + Urls.BAD_IP_LITERAL,
                    "http://[fe80::1%25eth0]/        | host: " + IpText.ZONE,
                    "http://010.0.0.1/               | host: " + IpText.LEADING_ZERO,
                    "http://0x7f.0.0.1/              | host: " + IpText.NOT_AN_ADDRESS,
                    "http://256.0.0.1/               | host: " + IpText.NOT_AN_ADDRESS,
                    "http://ex%ZZample.com/          | host: " + Urls.BAD_HOST_ENCODING,
                    "http://%C3.example/             | host: " + Urls.BAD_HOST_ENCODING,
                    "http://exa..mple.com/           | host: " + DomainNames.EMPTY_LABEL,
                    "http://*.example.com/           | host: " + DomainNames.BAD_ASCII,
                    "http://%20example.com/          | host: " + DomainNames.WHITESPACE,
                    "http://xn--zz.example/          | host: not a valid internationalised domain name (UTS #46 /"
                            + " IDNA2008: PUNYCODE)",
                })
        void rejectsBrokenAuthorities(String raw, String rule) {
            assertRejected(ObservableKind.URL, raw, rule);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "' http://example.com/'",
                    "'http://example.com/a b'",
                    "'http://example.com/\n'",
                    "'http://exa mple.com/'"
                })
        void rejectsWhitespace(String raw) {
            assertRejected(ObservableKind.URL, raw, Urls.WHITESPACE);
        }

        @Test
        void rejectsUnpairedSurrogates() {
            assertRejected(ObservableKind.URL, "http://example.com/\ud800x", Urls.LONE_SURROGATE);
        }
    }

    @Nested
    class Email {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '`',
                value = {
                    "John.Doe@Example.COM              | John.Doe@example.com",
                    "john.doe@example.com.             | john.doe@example.com",
                    "user@Bücher.example               | user@xn--bcher-kva.example",
                    "user+tag@example.com              | user+tag@example.com",
                    "Ünïcödé@example.com               | Ünïcödé@example.com",
                    "\"john doe\"@example.com          | \"john doe\"@example.com",
                    "\"a@b\"@example.com               | \"a@b\"@example.com",
                    "\"a\\\"@b\"@example.com           | \"a\\\"@b\"@example.com",
                    "user@[192.0.2.1]                  | user@[192.0.2.1]",
                    "user@[IPv6:2001:DB8:0::1]         | user@[IPv6:2001:db8::1]",
                    "user@[ipv6:::ffff:192.0.2.1]      | user@[192.0.2.1]",
                })
        void keepsLocalPartAndNormalisesDomain(String raw, String expected) {
            assertThat(value(ObservableKind.EMAIL, raw)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "\"{0}\": {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '`',
                value = {
                    "userexample.com             | " + Normalizer.ONE_AT,
                    "a@b@example.com             | " + Normalizer.ONE_AT,
                    "``                          | " + Normalizer.ONE_AT,
                    "\"a\"b@example.com          | " + Normalizer.ONE_AT,
                    "@example.com                | " + Normalizer.EMPTY_LOCAL,
                    "user@                       | " + Normalizer.EMPTY_DOMAIN,
                    "\"unterminated@example.com  | " + Normalizer.UNTERMINATED_QUOTE,
                    "user@192.0.2.1              | " + Normalizer.ADDRESS_LITERAL,
                    "user@[2001:db8::1]          | " + Normalizer.ADDRESS_LITERAL,
                    "user@[300.1.1.1]            | domain part: " + IpText.NOT_AN_ADDRESS,
                    "user@[IPv6:192.0.2.1]       | domain part: " + IpText.NOT_AN_ADDRESS,
                    "user@exa..mple.com          | domain part: " + DomainNames.EMPTY_LABEL,
                    "user@exa mple.com           | domain part: " + DomainNames.WHITESPACE,
                    "us er@example.com           | " + Normalizer.WHITESPACE,
                    "`\"a\nb\"@example.com`      | " + Normalizer.WHITESPACE,
                })
        void rejects(String raw, String rule) {
            assertRejected(ObservableKind.EMAIL, raw, rule);
        }
    }

    @Nested
    class Mac {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "AA-BB-CC-DD-EE-FF",
            "aa:bb:cc:dd:ee:ff",
            "aabb.ccdd.eeff",
            "AABBCCDDEEFF",
            "Aa:bB:cC:Dd:eE:Ff",
            "AABB.CCDD.EEFF"
        })
        void eui48(String raw) {
            assertThat(value(ObservableKind.MAC, raw)).isEqualTo("aa:bb:cc:dd:ee:ff");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"00-11-22-FF-FE-33-44-55", "00:11:22:ff:fe:33:44:55", "0011.22ff.fe33.4455", "001122FFFE334455"})
        void eui64(String raw) {
            assertThat(value(ObservableKind.MAC, raw)).isEqualTo("00:11:22:ff:fe:33:44:55");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "aa:bb:cc-dd:ee:ff",
                    "aa:bb:cc:dd:ee",
                    "aa:bb:cc:dd:ee:fg",
                    "a:b:c:d:e:f",
                    "aabb.ccdd-eeff",
                    "aa.bb.cc.dd.ee.ff",
                    "aabbccddeeff00",
                    "''",
                    "aa:bb:cc:dd:ee:ff:"
                })
        void rejectsOtherShapes(String raw) {
            assertRejected(ObservableKind.MAC, raw, Normalizer.MAC_SHAPE);
        }

        @Test
        void rejectsWhitespace() {
            assertRejected(ObservableKind.MAC, " aa:bb:cc:dd:ee:ff", Normalizer.WHITESPACE);
        }
    }

    @Nested
    class Asn {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "12345, 12345",
            "AS12345, 12345",
            "as12345, 12345",
            "As012345, 12345",
            "0, 0",
            "AS0, 0",
            "4294967295, 4294967295",
            "AS1.10, 65546",
            "1.0, 65536",
            "0.65535, 65535",
            "65535.65535, 4294967295"
        })
        void plainAsPrefixedAndAsdot(String raw, String expected) {
            assertThat(value(ObservableKind.ASN, raw)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {
                    "4294967296",
                    "AS",
                    "AS-1",
                    "12a",
                    "''",
                    "1.65536",
                    "1.2.3",
                    "+1",
                    "-1",
                    "ASN12",
                    "99999999999999999999",
                    "1.",
                    ".1"
                })
        void rejectsOutsideTheRangeAndOtherShapes(String raw) {
            assertRejected(ObservableKind.ASN, raw, Normalizer.ASN_SHAPE);
        }

        @Test
        void rejectsWhitespace() {
            assertRejected(ObservableKind.ASN, "AS 123", Normalizer.WHITESPACE);
        }
    }

    @Nested
    class RegistryKey {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "HKLM\\Software\\Microsoft                | HKEY_LOCAL_MACHINE\\SOFTWARE\\MICROSOFT",
                    "hklm\\Software\\Microsoft\\              | HKEY_LOCAL_MACHINE\\SOFTWARE\\MICROSOFT",
                    "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet | HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET",
                    "hkey_current_user\\Software\\Run        | HKEY_CURRENT_USER\\SOFTWARE\\RUN",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run | "
                            + "HKEY_CURRENT_USER\\SOFTWARE\\MICROSOFT\\WINDOWS\\CURRENTVERSION\\RUN",
                    "HKCR\\.exe                               | HKEY_CLASSES_ROOT\\.EXE",
                    "HKU\\S-1-5-21-1004                       | HKEY_USERS\\S-1-5-21-1004",
                    "HKCC\\System                             | HKEY_CURRENT_CONFIG\\SYSTEM",
                    "HKPD                                     | HKEY_PERFORMANCE_DATA",
                    "HKLM                                     | HKEY_LOCAL_MACHINE",
                    "HKLM\\                                   | HKEY_LOCAL_MACHINE",
                    // names keep their spaces and slashes (a '/' is part of a key name)
                    "HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion | "
                            + "HKEY_LOCAL_MACHINE\\SOFTWARE\\MICROSOFT\\WINDOWS NT\\CURRENTVERSION",
                    "HKLM\\Software\\a/b                      | HKEY_LOCAL_MACHINE\\SOFTWARE\\A/B",
                    // one-to-one upper-casing, as the registry compares: 'ß' has no simple upper case
                    "HKLM\\Software\\Straße\\é                | HKEY_LOCAL_MACHINE\\SOFTWARE\\STRAßE\\É",
                })
        void expandsHiveAndUpperCases(String raw, String expected) {
            assertThat(value(ObservableKind.WINDOWS_REGISTRY_KEY, raw)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "\"{0}\": {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Software\\Microsoft          | " + Normalizer.REGISTRY_HIVE,
                    "''                           | " + Normalizer.REGISTRY_HIVE,
                    "HKXX\\Software               | " + Normalizer.REGISTRY_HIVE,
                    "\\HKLM\\Software             | " + Normalizer.REGISTRY_HIVE,
                    "HKLM/Software                | " + Normalizer.REGISTRY_HIVE,
                    "HKLM\\\\Software             | " + Normalizer.REGISTRY_EMPTY_NAME,
                    "HKLM\\Software\\\\           | " + Normalizer.REGISTRY_EMPTY_NAME,
                    "HKLM\\\\                     | " + Normalizer.REGISTRY_EMPTY_NAME,
                    "'HKLM\\Soft\nware'           | " + Normalizer.REGISTRY_CONTROL,
                })
        void rejects(String raw, String rule) {
            assertRejected(ObservableKind.WINDOWS_REGISTRY_KEY, raw, rule);
        }
    }

    @Nested
    class Hashes {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "MD5, D41D8CD98F00B204E9800998ECF8427E",
            "SHA_1, DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
            "SHA_256, E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "SHA3_256, A7FFC6F8BF1ED76651C14756A061D662F580FF4DE43B49FA82D80A4B80F8434A",
            "SHA_512, CF83E1357EEFB8BDF1542850D66D8007D620E4050B5715DC83F4A921D36CE9CE47D0D13C5D85F2B0FF8318D2877EEC2F63B931BD47417A81A538327AF927DA3E",
            "SHA3_512, A69F73CCA23A9AC5C8B567DC185A756E97C982164FE25859E0D1DCC1475C80A615B2123AF1F5F94C11E3E9402C3AC558F500199D95B6D3E301758586281DCD26",
        })
        void lowerCasesHex(ObservableKind kind, String raw) {
            assertThat(value(kind, raw)).isEqualTo(raw.toLowerCase(java.util.Locale.ROOT));
            assertThat(value(kind, raw.toLowerCase(java.util.Locale.ROOT))).isEqualTo(value(kind, raw));
        }

        @Test
        void rejectsWrongLengthAndNonHex() {
            assertRejected(
                    ObservableKind.MD5,
                    "d41d8cd98f00b204e9800998ecf8427",
                    "MD5 is 32 hexadecimal digits, got 31" + " characters");
            assertRejected(
                    ObservableKind.SHA_1,
                    "0x" + "da39a3ee5e6b4b0d3255bfef95601890afd807",
                    "SHA-1 is 40 hexadecimal digits (found a non-hex character)");
            assertRejected(
                    ObservableKind.SHA_256,
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g",
                    "SHA-256 is 64 hexadecimal digits (found a non-hex character)");
            assertRejected(ObservableKind.SHA_512, "", "SHA-512 is 128 hexadecimal digits, got 0 characters");
            assertRejected(ObservableKind.MD5, "d41d8cd98f00b204e9800998ecf8427e ", Normalizer.WHITESPACE);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C",
            "96:s4Ud1Lj96tHHlZDrwciQmA+4uy1I0G4HYuL8N3TzS8QsO/wqWXLcMSx:sF1LjEtHHlZDrJzrhuyZvHYm8tKp/RWO",
            "3:a:"
        })
        void ssdeepKeptAsGiven(String raw) {
            assertThat(value(ObservableKind.SSDEEP, raw)).isEqualTo(raw);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(
                delimiter = '|',
                value = {"3:abc", "0:a:b", "03:a:b", "3::b", "3:a:b,\"file.exe\"", "3:a-b:c", "''"})
        void ssdeepRejectsOtherShapes(String raw) {
            assertRejected(ObservableKind.SSDEEP, raw, Normalizer.SSDEEP_SHAPE);
        }

        @Test
        void tlshLowerCasesHexAndKeepsTheVersionPrefix() {
            String hex70 = "D8A0211ACA00A53B3A2B8B80F61A0F45B39A1A7A44AB39B3B14513F2BF5D1A5D2D4F10";
            String hex72 = hex70 + "AB";
            assertThat(hex70).hasSize(70);

            assertThat(value(ObservableKind.TLSH, "T1" + hex70)).isEqualTo("T1" + hex70.toLowerCase());
            assertThat(value(ObservableKind.TLSH, "t1" + hex70)).isEqualTo("T1" + hex70.toLowerCase());
            assertThat(value(ObservableKind.TLSH, hex70)).isEqualTo(hex70.toLowerCase());
            assertThat(value(ObservableKind.TLSH, hex72)).isEqualTo(hex72.toLowerCase());
            assertRejected(ObservableKind.TLSH, "T1" + hex70.substring(1), Normalizer.TLSH_SHAPE);
            assertRejected(ObservableKind.TLSH, "T2" + hex70, Normalizer.TLSH_SHAPE);
            assertRejected(ObservableKind.TLSH, "TNULL", Normalizer.TLSH_SHAPE);
        }
    }

    @Nested
    class Errors {

        @Test
        void messageQuotesTheValueSafelyAndCutsLongOnes() {
            ObservableException e = new ObservableException(ObservableKind.URL, "a\"b\nc\u202e" + "x".repeat(300), "r");

            assertThat(e.getMessage())
                    .startsWith("url value \"a\\\"b\\nc\\u202e")
                    .contains("\"… (306 characters): r")
                    .doesNotContain("\n");
            assertThat(e.value()).hasSize(306);
        }

        @Test
        void normalizedValueRequiresARangeExactlyForIp() {
            IpRange range = Normalizer.normalize(ObservableKind.IP, "192.0.2.1").range();
            assertThatThrownBy(() -> new NormalizedValue(ObservableKind.IP, "192.0.2.1", "192.0.2.1", null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new NormalizedValue(ObservableKind.DOMAIN, "a", "a", range))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
