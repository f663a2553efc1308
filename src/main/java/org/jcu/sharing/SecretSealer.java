package org.jcu.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jcu.platform.JcuProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Seals small secrets (TOTP keys) for storage with AES-256-GCM, so that a copy of the database alone does not give
 * anyone the second factor of its users. Sealed form: {@code v1:} + base64(12-byte random nonce ‖ ciphertext ‖ 16-byte
 * tag); the row's owner (user id) is bound as associated data, so a sealed value moved to another row does not open.
 *
 * <p>The key comes from {@code jcu.sign-in.secret-key} (base64, 32 bytes) or else from {@code sign-in.key} in the data
 * directory, created with 32 random bytes (owner-only permissions where the file system has them) on first use.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
@Component
final class SecretSealer {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInProperties properties;
    private final JcuProperties jcu;
    private volatile @Nullable SecretKey key;

    SecretSealer(SignInProperties properties, JcuProperties jcu) {
        this.properties = properties;
        this.jcu = jcu;
    }

    /** Seals {@code secret} for the row of {@code owner}. */
    String seal(byte[] secret, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal secret", e);
        }
    }

    /**
     * Opens a value made by {@link #seal} for the same owner.
     *
     * @throws IllegalStateException if it was sealed with another key or for another owner, or was altered
     */
    byte[] open(String sealed, String owner) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown sealed-secret format");
        }
        byte[] raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot open a sealed secret: jcu.sign-in.secret-key (or sign-in.key) differs from the one that"
                            + " sealed it",
                    e);
        }
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    current = new SecretKeySpec(loadKey(), "AES");
                    key = current;
                }
            }
        }
        return current;
    }

    private byte[] loadKey() {
        String configured = properties.secretKey();
        if (configured != null && !configured.isBlank()) {
            return checked(Base64.getDecoder().decode(configured.strip()), "jcu.sign-in.secret-key");
        }
        Path file = jcu.dataDir().resolve("sign-in.key");
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(
                                file,
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the sign-in key " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes (base64), found " + key.length);
        }
        return key;
    }
}
