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

/**
 * The anchor file: signed, read back, refused when edited, signed under another key or written for another database,
 * and only moves forward.
 */
class AuditAnchorTest {

    private static final byte[] KEY = "anchor key anchor key anchor key".getBytes(StandardCharsets.US_ASCII);
    private static final String MAC = "cd".repeat(32);
    private static final String STORE = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_STORE = "fedcba9876543210fedcba9876543210";
    private static final String T1 = "2025-01-31T12:00:00.000001Z";
    private static final String T2 = "2025-01-31T12:00:01.000000Z";

    @TempDir
    Path tmp;

    @Test
    void anAnchorIsReadBackAsWritten() throws Exception {
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY, STORE);

        assertThat(anchor.read()).isNull();
        assertThat(anchor.advance(new Head(12, MAC, T1), T2)).isTrue();

        AuditAnchor.Anchored read = anchor.read();
        assertThat(read).isNotNull();
        assertThat(read.head()).isEqualTo(new Head(12, MAC, T1));
        assertThat(read.anchoredAt()).isEqualTo(T2);
        assertThat(read.store()).isEqualTo(STORE);
        assertThat(Files.readString(anchor.file()))
                .startsWith("jcu-audit-anchor-v2\nstore=" + STORE + "\nseq=12\nmac=" + MAC + "\n")
                .containsPattern("\nhmac=[0-9a-f]{64}\n$");
    }

    @Test
    void anEditedAnchorIsRefused() throws Exception {
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY, STORE);
        anchor.advance(new Head(12, MAC, T1), T2);
        Files.writeString(anchor.file(), Files.readString(anchor.file()).replace("seq=12", "seq=11"));

        assertThatThrownBy(anchor::read)
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("does not match its HMAC");

        Files.writeString(anchor.file(), "seq=12\n");
        assertThatThrownBy(anchor::read)
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("not in the jcu-audit-anchor-v2 format");
    }

    @Test
    void anAnchorSignedUnderAnotherKeyIsRefused() throws Exception {
        Path file = tmp.resolve("audit.anchor");
        new AuditAnchor(file, "another key, another key, another".getBytes(StandardCharsets.US_ASCII), STORE)
                .advance(new Head(12, MAC, T1), T2);

        assertThatThrownBy(() -> new AuditAnchor(file, KEY, STORE).read()).isInstanceOf(InvalidAnchorException.class);
    }

    @Test
    void theAnchorNeverMovesBackwards() throws Exception {
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY, STORE);
        anchor.advance(new Head(12, MAC, T1), T2);

        assertThat(anchor.advance(new Head(11, "ef".repeat(32), T1), T2)).isFalse();
        assertThat(anchor.advance(new Head(12, "ef".repeat(32), T1), T2)).isFalse();
        assertThat(anchor.read().head().seq()).isEqualTo(12);
        assertThat(anchor.advance(new Head(13, "ef".repeat(32), T2), T2)).isTrue();
        assertThat(anchor.read().head()).isEqualTo(new Head(13, "ef".repeat(32), T2));
    }

    @Test
    void anInvalidAnchorIsReplacedByTheNextValidOne() throws Exception {
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY, STORE);
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
        AuditAnchor anchor = new AuditAnchor(tmp.resolve("audit.anchor"), KEY, STORE);
        Files.write(anchor.file(), new byte[10_000]);

        assertThatThrownBy(anchor::read)
                .isInstanceOf(InvalidAnchorException.class)
                .hasMessageContaining("larger");
    }

    @Test
    void anAnchorOfAnotherDatabaseIsRefusedAndNeverReplaced() throws Exception {
        Path file = tmp.resolve("audit.anchor");
        new AuditAnchor(file, KEY, OTHER_STORE).advance(new Head(14, MAC, T1), T2);
        String theirs = Files.readString(file);
        AuditAnchor ours = new AuditAnchor(file, KEY, STORE);

        assertThatThrownBy(ours::read)
                .isInstanceOf(AuditAnchor.ForeignAnchorException.class)
                .hasMessageContaining("belongs to another database")
                .hasMessageContaining(OTHER_STORE)
                .hasMessageContaining("JCU_AUDIT_ANCHOR_FILE");
        assertThatThrownBy(() -> ours.advance(new Head(15, "ef".repeat(32), T2), T2))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("belongs to another database");
        assertThat(Files.readString(file)).isEqualTo(theirs);
    }

    @Test
    void aVersionOneAnchorIsReadForAnyDatabaseAndRewrittenAsVersionTwo() throws Exception {
        Path file = tmp.resolve("audit.anchor");
        String signed = "jcu-audit-anchor-v1\nseq=12\nmac=" + MAC + "\nlogged_at=" + T1 + "\nanchored_at=" + T2 + "\n";
        Files.writeString(
                file,
                signed + "hmac="
                        + java.util.HexFormat.of()
                                .formatHex(AuditChain.hmac(KEY, signed.getBytes(StandardCharsets.UTF_8)))
                        + "\n");
        AuditAnchor anchor = new AuditAnchor(file, KEY, STORE);

        AuditAnchor.Anchored read = anchor.read();
        assertThat(read.head()).isEqualTo(new Head(12, MAC, T1));
        assertThat(read.store()).isNull();

        assertThat(anchor.advance(new Head(13, MAC, T2), T2)).isTrue();
        assertThat(Files.readString(file)).startsWith("jcu-audit-anchor-v2\nstore=" + STORE + "\nseq=13\n");
        assertThat(anchor.read().store()).isEqualTo(STORE);
    }
}
