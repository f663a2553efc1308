package org.jcu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: created once, owner-only, loaded unchanged; never re-created for a log that already exists. */
class AuditKeyTest {

    @TempDir
    Path tmp;

    @Test
    void createsThirtyTwoRandomOwnerOnlyBytesWhenAbsentAndLoadsThemUnchangedAfterwards() throws IOException {
        Path file = tmp.resolve("keys/audit.key");

        AuditKey created = AuditKey.loadOrCreate(file, true);
        AuditKey loaded = AuditKey.loadOrCreate(file, false);

        assertThat(Files.readAllBytes(file)).hasSize(32).isEqualTo(created.chainKey());
        assertThat(loaded.chainKey()).isEqualTo(created.chainKey());
        assertThat(loaded.anchorKey()).isEqualTo(created.anchorKey());
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        assertThat(AuditKey.loadOrCreate(tmp.resolve("other.key"), true).chainKey())
                .as("keys are random")
                .isNotEqualTo(created.chainKey());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void anExistingKeyFileIsNeverReplaced() throws IOException {
        Path file = tmp.resolve("audit.key");
        byte[] provided = "a key provided by the operator, longer than 32 bytes".getBytes(StandardCharsets.UTF_8);
        Files.write(file, provided);

        assertThat(AuditKey.loadOrCreate(file, true).chainKey()).isEqualTo(provided);
        assertThat(Files.readAllBytes(file)).isEqualTo(provided);
    }

    @Test
    void aMissingKeyIsNotReCreatedForALogThatAlreadyHasEntries() {
        Path file = tmp.resolve("audit.key");

        assertThatThrownBy(() -> AuditKey.loadOrCreate(file, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("jcu.audit.key-file")
                .hasMessageContaining("JCU_AUDIT_KEY_FILE");
        assertThat(file).doesNotExist();
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() throws IOException {
        Path file = Files.write(tmp.resolve("audit.key"), new byte[31]);

        assertThatThrownBy(() -> AuditKey.loadOrCreate(file, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("31 bytes")
                .hasMessageContaining("at least 32");
    }

    @Test
    void theAnchorKeyIsTheOneBlockHkdfExpandOfTheAuditKey() throws IOException {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        Path file = Files.write(tmp.resolve("audit.key"), secret);

        AuditKey key = AuditKey.loadOrCreate(file, false);

        byte[] info = "jcu-audit-anchor-v1\u0001".getBytes(StandardCharsets.US_ASCII);
        assertThat(key.anchorKey()).isEqualTo(AuditChain.hmac(secret, info)).isNotEqualTo(secret);
        assertThat(key.toString()).doesNotContain(Arrays.toString(secret)).contains("audit.key");
    }
}
