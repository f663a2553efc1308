package org.jcu.observable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jcu.observable.Refanged.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Normalizer#refang}: defanged notations undone, each rewrite reported with its offset in the input. */
class RefangerTest {

    @Test
    void schemeAndDots() {
        Refanged refanged = Normalizer.refang("hxxp://example[.]com/path");

        assertThat(refanged.text()).isEqualTo("http://example.com/path");
        assertThat(refanged.changes()).containsExactly(new Change(0, "hxxp", "http"), new Change(14, "[.]", "."));
        assertThat(refanged.changed()).isTrue();
    }

    @Test
    void bracketedColonsAndMixedCase() {
        Refanged refanged = Normalizer.refang("hXXps[:]//evil(.)example{.}org");

        assertThat(refanged.text()).isEqualTo("https://evil.example.org");
        assertThat(refanged.changes())
                .containsExactly(
                        new Change(0, "hXXps", "https"),
                        new Change(5, "[:]", ":"),
                        new Change(14, "(.)", "."),
                        new Change(24, "{.}", "."));
    }

    @Test
    void schemeSeparatorAndSlashInBrackets() {
        Refanged refanged = Normalizer.refang("hxxp[://]example.com[/]x");

        assertThat(refanged.text()).isEqualTo("http://example.com/x");
        assertThat(refanged.changes())
                .containsExactly(
                        new Change(0, "hxxp", "http"), new Change(4, "[://]", "://"), new Change(20, "[/]", "/"));
    }

    @Test
    void ftpAndDotWords() {
        Refanged refanged = Normalizer.refang("fxp://files[dot]example(DOT)net{dot}eu");

        assertThat(refanged.text()).isEqualTo("ftp://files.example.net.eu");
        assertThat(refanged.changes()).extracting(Change::from).containsExactly("fxp", "[dot]", "(DOT)", "{dot}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "admin[at]example[.]com, admin@example.com",
        "admin(at)example.com, admin@example.com",
        "admin{AT}example.com, admin@example.com",
        "admin[@]example.com, admin@example.com",
        "admin(@)example.com, admin@example.com",
        "192.168[.]1[.]1, 192.168.1.1",
        "HXXPS://a[.]b, https://a.b",
        "see hxxp://a[.]b and hxxps://c[.]d, see http://a.b and https://c.d",
        "(hxxp://a.b), (http://a.b)",
    })
    void table(String defanged, String expected) {
        Refanged refanged = Normalizer.refang(defanged);

        assertThat(refanged.text()).isEqualTo(expected);
        for (Change change : refanged.changes()) {
            assertThat(defanged.substring(
                            change.offset(), change.offset() + change.from().length()))
                    .isEqualTo(change.from());
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://example.com/",
                "example dot com",
                "the hxxp protocol",
                "shxxp://example.com",
                "hxxpx://example.com",
                "[::1]",
                "f(x) = [a, b]",
                "''",
            })
    void leavesOtherTextAlone(String text) {
        Refanged refanged = Normalizer.refang(text);

        assertThat(refanged.text()).isEqualTo(text);
        assertThat(refanged.changes()).isEmpty();
        assertThat(refanged.changed()).isFalse();
    }

    @Test
    void refangedTextThenNormalises() {
        String url = Normalizer.refang("hxxps[:]//Bücher[.]example/a").text();

        assertThat(Normalizer.normalize(ObservableKind.URL, url).value()).isEqualTo("https://xn--bcher-kva.example/a");
    }

    @Test
    void normalizeDoesNotRefang() {
        assertThat(Normalizer.normalize(ObservableKind.URL, "hxxp://example.com/")
                        .value())
                .isEqualTo("hxxp://example.com/");
        assertThat(List.of(ObservableKind.DOMAIN))
                .allSatisfy(kind -> NormalizerTest.assertRejected(kind, "example[.]com", DomainNames.BAD_ASCII));
    }
}
