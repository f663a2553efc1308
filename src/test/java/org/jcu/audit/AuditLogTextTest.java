package org.jcu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text is stored so that both databases return exactly what was MACed. */
class AuditLogTextTest {

    @Test
    void controlCharactersAndUnpairedSurrogatesBecomeReplacementCharacters() {
        assertThat(AuditLog.clean("a\u0000b\nc\u007f", 100)).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
        assertThat(AuditLog.clean("x\uD800y\uDC00z", 100)).isEqualTo("x\uFFFDy\uFFFDz");
        String emoji = "\uD83D\uDE00";
        assertThat(AuditLog.clean("ok " + emoji, 100)).isEqualTo("ok " + emoji);
        String cleaned = AuditLog.clean("\uD800\uD83D\uDE00\uDE00", 100);
        assertThat(cleaned).isEqualTo("\uFFFD" + emoji + "\uFFFD");
        assertThat(new String(cleaned.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(cleaned);
    }

    @Test
    void textIsCutToItsLimitWithoutSplittingASurrogatePair() {
        String same = "plain";
        assertThat(AuditLog.clean(same, 100)).isSameAs(same);
        assertThat(AuditLog.clean("abcdef", 3)).isEqualTo("abc");
        assertThat(AuditLog.clean("ab\uD83D\uDE00", 3)).isEqualTo("ab");
    }
}
