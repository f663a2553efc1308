package org.jcu.observable.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.jcu.observable.ObservableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PatternObservables}: which comparisons name a concrete value, of which kind, as written. */
class PatternObservablesTest {

    private static final String MD5 = "cead3f77f6cda6ec00f57d76c9a6879f";
    private static final String SHA1 = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12";
    private static final String SHA256 = "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f";
    private static final String SHA512 = "ab".repeat(64);

    static Stream<Arguments> pathFamilies() {
        return Stream.of(
                arguments("[ipv4-addr:value = '198.51.100.1']", ObservableKind.IP, "198.51.100.1", "ipv4-addr:value"),
                arguments("[ipv6-addr:value = '2001:db8::1']", ObservableKind.IP, "2001:db8::1", "ipv6-addr:value"),
                arguments(
                        "[domain-name:value = 'Example.COM.']",
                        ObservableKind.DOMAIN,
                        "Example.COM.",
                        "domain-name:value"),
                arguments(
                        "[url:value = 'http://x.test/a?b=\\'c\\'']",
                        ObservableKind.URL,
                        "http://x.test/a?b='c'",
                        "url:value"),
                arguments(
                        "[email-addr:value = 'jdoe@example.com']",
                        ObservableKind.EMAIL,
                        "jdoe@example.com",
                        "email-addr:value"),
                arguments(
                        "[email-message:from_ref.value = 'a@example.com']",
                        ObservableKind.EMAIL,
                        "a@example.com",
                        "email-message:from_ref.value"),
                arguments(
                        "[email-message:sender_ref.value = 'b@example.com']",
                        ObservableKind.EMAIL,
                        "b@example.com",
                        "email-message:sender_ref.value"),
                arguments(
                        "[email-message:to_refs[*].value = 'c@example.com']",
                        ObservableKind.EMAIL,
                        "c@example.com",
                        "email-message:to_refs[*].value"),
                arguments(
                        "[email-message:to_refs[2].value = 'd@example.com']",
                        ObservableKind.EMAIL,
                        "d@example.com",
                        "email-message:to_refs[2].value"),
                arguments(
                        "[email-message:cc_refs[*].value = 'e@example.com']",
                        ObservableKind.EMAIL,
                        "e@example.com",
                        "email-message:cc_refs[*].value"),
                arguments(
                        "[mac-addr:value = 'D2:FB:49:24:37:18']",
                        ObservableKind.MAC,
                        "D2:FB:49:24:37:18",
                        "mac-addr:value"),
                arguments(
                        "[autonomous-system:number = 15169]", ObservableKind.ASN, "15169", "autonomous-system:number"),
                arguments(
                        "[autonomous-system:number = 'AS015169']",
                        ObservableKind.ASN,
                        "AS015169",
                        "autonomous-system:number"),
                arguments(
                        "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\System\\\\Foo']",
                        ObservableKind.WINDOWS_REGISTRY_KEY,
                        "HKEY_LOCAL_MACHINE\\System\\Foo",
                        "windows-registry-key:key"),
                arguments(
                        "[win-registry-key:key = 'hklm\\\\foo']",
                        ObservableKind.WINDOWS_REGISTRY_KEY,
                        "hklm\\foo",
                        "win-registry-key:key"),
                arguments("[file:hashes.MD5 = '" + MD5 + "']", ObservableKind.MD5, MD5, "file:hashes.MD5"),
                arguments("[file:hashes.'SHA-1' = '" + SHA1 + "']", ObservableKind.SHA_1, SHA1, "file:hashes.'SHA-1'"),
                arguments(
                        "[file:hashes.'SHA-256' = '" + SHA256 + "']",
                        ObservableKind.SHA_256,
                        SHA256,
                        "file:hashes.'SHA-256'"),
                arguments(
                        "[file:hashes.sha256 = '" + SHA256.toUpperCase() + "']",
                        ObservableKind.SHA_256,
                        SHA256.toUpperCase(),
                        "file:hashes.sha256"),
                arguments(
                        "[artifact:hashes.'SHA-512' = '" + SHA512 + "']",
                        ObservableKind.SHA_512,
                        SHA512,
                        "artifact:hashes.'SHA-512'"),
                arguments(
                        "[x509-certificate:hashes.'SHA3-256' = '" + SHA256 + "']",
                        ObservableKind.SHA3_256,
                        SHA256,
                        "x509-certificate:hashes.'SHA3-256'"),
                arguments(
                        "[file:hashes.SSDEEP = '3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C']",
                        ObservableKind.SSDEEP,
                        "3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C",
                        "file:hashes.SSDEEP"),
                arguments("[file:hashes.TLSH = 'T1abc']", ObservableKind.TLSH, "T1abc", "file:hashes.TLSH"),
                arguments(
                        "[network-traffic:dst_ref.value = '203.0.113.33']",
                        ObservableKind.IP,
                        "203.0.113.33",
                        "network-traffic:dst_ref.value"),
                arguments(
                        "[network-traffic:src_ref.value = '2001:db8::7']",
                        ObservableKind.IP,
                        "2001:db8::7",
                        "network-traffic:src_ref.value"),
                arguments(
                        "[network-traffic:dst_ref.value = 'example.com']",
                        ObservableKind.DOMAIN,
                        "example.com",
                        "network-traffic:dst_ref.value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathFamilies")
    void readsTheValueOfEachPathFamily(String pattern, ObservableKind kind, String raw, String objectPath) {
        assertThat(extract(pattern)).containsExactly(new ExtractedValue(kind, raw, objectPath, false));
    }

    @Test
    void readsEveryElementOfAnInList() {
        assertThat(extract("[domain-name:value IN ('a.example', 'b.example', 'a.example')]"))
                .containsExactly(
                        new ExtractedValue(ObservableKind.DOMAIN, "a.example", "domain-name:value", false),
                        new ExtractedValue(ObservableKind.DOMAIN, "b.example", "domain-name:value", false));
        assertThat(extract("[autonomous-system:number IN (64496, 64511)]"))
                .extracting(ExtractedValue::raw)
                .containsExactly("64496", "64511");
    }

    @Test
    void readsTheBlockOfIssubsetOnIpPathsAsCidr() {
        assertThat(extract("[ipv4-addr:value ISSUBSET '10.0.0.0/8']"))
                .containsExactly(new ExtractedValue(ObservableKind.IP, "10.0.0.0/8", "ipv4-addr:value", true));
        assertThat(extract("[ipv6-addr:value ISSUBSET '2001:db8::/32']"))
                .containsExactly(new ExtractedValue(ObservableKind.IP, "2001:db8::/32", "ipv6-addr:value", true));
        assertThat(extract("[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']"))
                .containsExactly(new ExtractedValue(
                        ObservableKind.IP,
                        "2001:0db8:dead:beef:0000:0000:0000:0000/64",
                        "network-traffic:dst_ref.value",
                        true));
        assertThat(extract("[network-traffic:dst_ref.value = '203.0.113.33/32']"))
                .as("an IP value written as a block")
                .containsExactly(new ExtractedValue(
                        ObservableKind.IP, "203.0.113.33/32", "network-traffic:dst_ref.value", true));
        assertThat(extract("[domain-name:value ISSUBSET 'example.com']"))
                .as("not an IP path")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[ipv4-addr:value NOT = '198.51.100.1']",
                "[ipv4-addr:value != '198.51.100.1']",
                "[ipv4-addr:value NOT IN ('198.51.100.1')]",
                "[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']",
                "[ipv4-addr:value ISSUPERSET '198.51.100.1']",
                "[domain-name:value LIKE '%.example.com']",
                "[url:value MATCHES '^http://']",
                "[autonomous-system:number > 64496]",
                "[EXISTS ipv4-addr:value]"
            })
    void skipsNegationsRangesAndPatterns(String pattern) {
        assertThat(extract(pattern)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[file:name = 'foo.dll']",
                "[directory:path = 'C:\\\\Windows']",
                "[file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
                "[domain-name:resolves_to_refs[*].value = '198.51.100.1']",
                "[email-message:subject = 'Conference Info']",
                "[file:hashes.'x-custom' = 'abc']",
                "[file:hashes[*] = '8665c8d477534008b3058b72e2dae8ae']",
                "[process:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']",
                "[file:extensions.'windows-pebinary-ext'.sections[*].hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']",
                "[ipv4-addr:value = 3325256705]",
                "[url:value = '']",
                "[network-traffic:dst_ref.type = 'ipv4-addr']"
            })
    void skipsOtherPathsAndValuesThatAreNotConcrete(String pattern) {
        assertThat(extract(pattern)).isEmpty();
    }

    @Test
    void readsComparisonsUnderEveryObservationOperatorAndQualifier() {
        String pattern = "([ipv4-addr:value = '198.51.100.1' OR (domain-name:value = 'a.example' AND"
                + " url:value = 'http://a.example/')] FOLLOWEDBY [email-addr:value = 'x@a.example']) WITHIN 60 SECONDS"
                + " OR [file:hashes.MD5 = '" + MD5 + "'] REPEATS 2 TIMES AND [mac-addr:value = '00:00:5e:00:53:01']"
                + " START t'2016-06-01T00:00:00Z' STOP t'2016-06-02T00:00:00Z'";

        assertThat(extract(pattern))
                .extracting(ExtractedValue::kind)
                .containsExactly(
                        ObservableKind.IP,
                        ObservableKind.DOMAIN,
                        ObservableKind.URL,
                        ObservableKind.EMAIL,
                        ObservableKind.MD5,
                        ObservableKind.MAC);
    }

    @Test
    void readsTheValuesOfTheSpecExamples() {
        assertThat(extract("[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value ="
                        + " 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS"))
                .containsExactly(new ExtractedValue(
                        ObservableKind.DOMAIN, "example.com", "network-traffic:dst_ref.value", false));
        assertThat(extract("[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c'"
                        + " OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND [file:hashes.'SHA-256' ="
                        + " '" + SHA256 + "']"))
                .extracting(ExtractedValue::kind, ExtractedValue::raw)
                .containsExactly(
                        tuple(
                                ObservableKind.SHA_256,
                                "bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c"),
                        tuple(ObservableKind.MD5, MD5),
                        tuple(ObservableKind.SHA_256, SHA256));
    }

    private static List<ExtractedValue> extract(String pattern) {
        return PatternObservables.extract(StixPattern.parse(pattern));
    }
}
