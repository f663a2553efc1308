package org.jcu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jcu.audit.AuditAnchor.Head;
import org.jcu.audit.AuditAnchor.InvalidAnchorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor file: signed, read back, refused when edited or signed under another key, and only moves forward. */
class AuditAnchorTest {

    private static final byte[] KEY = "anchor key anchor key anchor key".getBytes(StandardCharsets.US_ASCII);
    private static final String MAC = "cd".repeat(32);
    private static final String T1 = "2025-01-31T12:00:00.000001Z";
    private static final String T2 = "2025-01-31T12:00:01.000000Z";

    @TempDir
    Path tmp;

    @Test
    void anAnchorIsReadBackAsWritten() throws Exception {
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY);

        assertThat(anchor.read()).isNull();
        assertThat(anchor.advance(new Head(12, MAC, T1), T2)).isTrue();

        AuditAnchor.Anchored read = anchor.read();
        assertThat(read).isNotNull();
        assertThat(read.head()).isEqualTo(new Head(12, MAC, T1));
        assertThat(read.anchoredAt()).isEqualTo(T2);
        assertThat(Files.readString(anchor.file()))
                .startsWith("jcu-audit-anchor-v1\nseq=12\nmac=" + MAC + "\n")
                .containsPattern("\nhmac=[0-9a-f]{64}\n$");
    }

    @Test
    void anEditedAnchorIsRefused() throws Exception {
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY);
        anchor.advance(new Head(12, MAC, T1), T2);
        Files.writeString(anchor.file(), Files.readString(anchor.file()).replace("seq=12", "seq=11"));

        assertThatThrownBy(anchor::read)
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("does not match its HMAC");

        Files.writeString(anchor.file(), "seq=12\n");
        assertThatThrownBy(anchor::read)
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("not in the jcu-audit-anchor-v1 format");
    }

    @Test
    void anAnchorSignedUnderAnotherKeyIsRefused() throws Exception {
        Path file = tmp.resolve("audit.anchor");
        new AuditAnchor(file, "another key, another key, another".getBytes(StandardCharsets.US_ASCII))
                .advance(new Head(12, MAC, T1), T2);

        assertThatThrownBy(() -> new AuditAnchor(file, KEY).read()).isInstanceOf(InvalidAnchorException.class);
    }

    @Test
    void theAnchorNeverMovesBackwards() throws Exception {
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY);
        anchor.advance(new Head(12, MAC, T1), T2);

        assertThat(anchor.advance(new Head(11, "ef".repeat(32), T1), T2)).isFalse();
        assertThat(anchor.advance(new Head(12, "ef".repeat(32), T1), T2)).isFalse();
        assertThat(anchor.read().head().seq()).isEqualTo(12);
        assertThat(anchor.advance(new Head(13, "ef".repeat(32), T2), T2)).isTrue();
        assertThat(anchor.read().head()).isEqualTo(new Head(13, "ef".repeat(32), T2));
    }

    @Test
    void anInvalidAnchorIsReplacedByTheNextValidOne() throws Exception {
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY);
        Files.writeString(anchor.file(), "garbage");

        assertThat(anchor.advance(new Head(1, MAC, T1), T2)).isTrue();
        assertThat(anchor.read().head().seq()).isEqualTo(1);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left")
                    .containsExactlyInAnyOrder("audit.anchor", "audit.anchor.lock");
        }
    }

    @Test
    void aHugeFileIsNotReadAsAnAnchor() throws IOException {
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY);
        Files.write(anchor.file(), new byte[10_000]);

        assertThatThrownBy(anchor::read)
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("larger");
    }
}
