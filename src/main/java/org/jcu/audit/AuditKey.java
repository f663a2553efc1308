package org.jcu.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit key: at least 32 secret bytes in a file outside the database ({@code jcu.audit.key-file}, default
 * {@code <jcu.data-dir>/audit.key}). The chain is keyed with it directly; the anchor with a key derived from it,
 * HKDF-Expand (RFC 5869 §2.3) with the audit key as PRK and the info {@code "jcu-audit-anchor-v1"}, one block:
 * {@code HMAC-SHA256(key, "jcu-audit-anchor-v1" ‖ 0x01)}.
 *
 * <p>The key's bytes are never logged or printed; {@link #toString()} names only the file.
 *
 * <p>Thread-safety: immutable.
 */
final class AuditKey {

    /** Bytes of a generated key, and the fewest accepted in a provided one. */
    static final int LENGTH = 32;

    private static final byte[] ANCHOR_INFO = "jcu-audit-anchor-v1\u0001".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(AuditKey.class);

    private final Path file;
    private final byte[] secret;
    private final byte[] anchorKey;

    private AuditKey(Path file, byte[] secret) {
        this.file = file;
        this.secret = secret;
        this.anchorKey = AuditChain.hmac(secret, ANCHOR_INFO);
    }

    /**
     * Loads the key from {@code file}, or creates it (32 bytes from {@link SecureRandom}, permissions 0600 where the
     * file system has POSIX permissions) when it is absent and {@code mayCreate}. Creation never replaces a file
     * another process created meanwhile: that one is loaded instead.
     *
     * @param mayCreate true only when the audit log is empty and has no anchor (a new key cannot extend an existing
     *     chain)
     * @throws IllegalStateException if the file is absent and may not be created, or holds fewer than 32 bytes
     * @throws UncheckedIOException  if the file cannot be read or created
     */
    static AuditKey loadOrCreate(Path file, boolean mayCreate) {
        try {
            if (Files.exists(file)) {
                return load(file);
            }
            if (!mayCreate) {
                throw new IllegalStateException("the audit key file " + file + " is missing but the audit log already"
                        + " has entries or an anchor: restore the key file, or point jcu.audit.key-file"
                        + " (JCU_AUDIT_KEY_FILE) at it; a new key can neither verify nor extend the existing chain");
            }
            return create(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key file " + file, e);
        }
    }

    private static AuditKey load(Path file) throws IOException {
        byte[] secret = Files.readAllBytes(file);
        if (secret.length < LENGTH) {
            throw new IllegalStateException("the audit key file " + file + " holds " + secret.length
                    + " bytes; at least " + LENGTH + " are required");
        }
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.removeAll(EnumSet.of(
                    PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!permissions.isEmpty()) {
                LOG.warn(
                        "The audit key file {} is accessible to group or others ({}): chmod 600 it", file, permissions);
            }
        }
        return new AuditKey(file, secret);
    }

    private static AuditKey create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] secret = new byte[LENGTH];
        RANDOM.nextBytes(secret);
        Path temporary = dir.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        FileAttribute<?>[] ownerOnly = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        try {
            Files.createFile(temporary, ownerOnly);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(secret));
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary); // fails if the file exists: never replaces another's key
            } catch (FileAlreadyExistsException e) {
                Arrays.fill(secret, (byte) 0);
                return load(file);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.move(temporary, file); // no hard links here: a move that also refuses to replace
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        LOG.info("Created the audit key file {} (keep it outside the database and back it up)", file);
        return new AuditKey(file, secret);
    }

    /** The key file. */
    Path file() {
        return file;
    }

    /** The key of the chain's HMAC; callers must not modify or expose it. */
    byte[] chainKey() {
        return secret;
    }

    /** The derived key of the anchor's HMAC; callers must not modify or expose it. */
    byte[] anchorKey() {
        return anchorKey;
    }

    @Override
    public String toString() {
        return "AuditKey[" + file + "]";
    }
}
