package org.jcu.observable.warninglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** MISP regex entries: PCRE delimiters and flags to Java patterns. */
class PcreRegexTest {

    @Test
    void stripsAnyDelimiterIncludingBracketPairs() {
        assertThat(PcreRegex.compile("/a\\/b/").pattern()).isEqualTo("a\\/b");
        assertThat(PcreRegex.compile("#^x#").pattern()).isEqualTo("^x");
        assertThat(PcreRegex.compile("~x~i").pattern()).isEqualTo("x");
        assertThat(PcreRegex.compile("(a(b)c)").pattern()).isEqualTo("a(b)c");
        assertThat(PcreRegex.compile("{a{2}}").pattern()).isEqualTo("a{2}");
        assertThat(PcreRegex.compile("/a\\/b/").matcher("xa/by").find()).isTrue();
    }

    @Test
    void mapsFlagsAndIgnoresTheJavaScriptGlobalFlag() {
        assertThat(PcreRegex.compile("/abc/i").flags() & Pattern.CASE_INSENSITIVE)
                .isNotZero();
        assertThat(PcreRegex.compile("/abc/i").matcher("xABCx").find()).isTrue();
        assertThat(PcreRegex.compile("/abc/").matcher("xABCx").find()).isFalse();
        assertThat(PcreRegex.compile("/^b$/m").matcher("a\nb\nc").find()).isTrue();
        assertThat(PcreRegex.compile("/a.b/s").matcher("a\nb").find()).isTrue();
        assertThat(PcreRegex.compile("/a b/x").matcher("ab").find()).isTrue();
        assertThat(PcreRegex.compile("/abc/g").flags()).isZero();
    }

    @Test
    void rejectsEntriesWithoutDelimitersWithUnknownFlagsOrThatDoNotCompile() {
        assertThatThrownBy(() -> PcreRegex.compile("abc")).hasMessageContaining("/pattern/flags");
        assertThatThrownBy(() -> PcreRegex.compile("\\d+")).hasMessageContaining("delimiter");
        assertThatThrownBy(() -> PcreRegex.compile("/abc")).hasMessageContaining("no closing delimiter '/'");
        assertThatThrownBy(() -> PcreRegex.compile("(abc")).hasMessageContaining("no closing delimiter ')'");
        assertThatThrownBy(() -> PcreRegex.compile("/abc/U")).hasMessageContaining("unsupported flag 'U'");
        assertThatThrownBy(() -> PcreRegex.compile("/a(b/")).hasMessageContaining("does not compile");
        assertThatThrownBy(() -> PcreRegex.compile("")).hasMessageContaining("empty");
    }
}
