package org.jcu.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The anchor: a signed checkpoint of the newest appended entry, kept in a file outside the database
 * ({@code jcu.audit.anchor-file}, default {@code <jcu.data-dir>/audit.anchor}), so that deleting the newest rows, or
 * all of them, is detected even though the remaining chain is intact.
 *
 * <p>Format: UTF-8 text, seven LF-terminated lines:
 * <pre>
 * jcu-audit-anchor-v2
 * store=&lt;the database's identity (table store_identity), 32 hex digits&gt;
 * seq=&lt;decimal sequence number of the newest entry&gt;
 * mac=&lt;its mac, 64 hex digits&gt;
 * logged_at=&lt;its time, UTC microseconds&gt;
 * anchored_at=&lt;when this file was written, UTC microseconds&gt;
 * hmac=&lt;HMAC-SHA256 (RFC 2104) under the anchor key ({@link AuditKey#anchorKey()}) of the six lines above, hex&gt;
 * </pre>
 *
 * <p>An anchor names the database it belongs to: one written for another database (two stores sharing a data
 * directory, e.g. {@code --db} PostgreSQL run from the SQLite store's directory) is refused with
 * {@link ForeignAnchorException} and never replaced, instead of being taken for this database's and reporting its
 * entries as deleted. Version-1 files (no {@code store} line, written before) are read as belonging to any database
 * and rewritten as version 2 on the next append.
 *
 * <p>The file is replaced atomically (temporary file, fsync, rename) and only moves forward: a writer never replaces
 * an anchor naming a higher sequence number (several processes may append to one database).
 *
 * <p>Thread-safety: safe; writes are serialised within the JVM and, through a lock file beside the anchor, between
 * processes on the same host.
 */
final class AuditAnchor {

    static final String HEADER = "jcu-audit-anchor-v2";
    static final String HEADER_V1 = "jcu-audit-anchor-v1";
    private static final int MAX_BYTES = 4096;
    private static final HexFormat HEX = HexFormat.of();
    /** One JVM-wide monitor: {@link FileLock}s are per process, not per thread. */
    private static final Object JVM_LOCK = new Object();

    /** An entry the anchor names: sequence number, mac, and time of the entry. */
    record Head(long seq, String mac, String loggedAt) {}

    /**
     * The anchor file's content.
     *
     * @param store the database it was written for; null in a version-1 file
     */
    record Anchored(Head head, String anchoredAt, @Nullable String store) {}

    /** The anchor file exists but is malformed or its HMAC does not match. */
    static class InvalidAnchorException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidAnchorException(String message) {
            super(message);
        }
    }

    /** The anchor file is valid but was written for another database. */
    static final class ForeignAnchorException extends InvalidAnchorException {
        private static final long serialVersionUID = 1L;

        ForeignAnchorException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final byte[] key;
    private final String storeId;

    /**
     * @param file      the anchor file
     * @param anchorKey the HMAC key of anchors
     * @param storeId   the identity of the database whose log this anchors
     */
    AuditAnchor(Path file, byte[] anchorKey, String storeId) {
        this.file = file;
        this.key = anchorKey;
        this.storeId = storeId;
    }

    /** The anchor file. */
    Path file() {
        return file;
    }

    /**
     * Reads and authenticates the anchor.
     *
     * @return the anchor, or null if the file does not exist
     * @throws ForeignAnchorException if it is valid but names another database
     * @throws InvalidAnchorException if it is malformed or its HMAC does not match (edited, or written without the key)
     * @throws IOException            if it exists but cannot be read
     */
    @Nullable
    Anchored read() throws IOException, InvalidAnchorException {
        if (!Files.exists(file)) {
            return null;
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new InvalidAnchorException("the anchor file " + file + " is larger than " + MAX_BYTES + " bytes");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        boolean v1 = lines.length == 7 && HEADER_V1.equals(lines[0]);
        boolean v2 = lines.length == 8 && HEADER.equals(lines[0]);
        int hmacLine = lines.length - 2;
        if ((!v1 && !v2) || !lines[lines.length - 1].isEmpty() || !lines[hmacLine].startsWith("hmac=")) {
            throw new InvalidAnchorException("the anchor file " + file + " is not in the " + HEADER + " format");
        }
        String signed = text.substring(0, text.lastIndexOf("hmac="));
        byte[] expected = AuditChain.hmac(key, signed.getBytes(StandardCharsets.UTF_8));
        byte[] actual;
        try {
            actual = HEX.parseHex(lines[hmacLine].substring("hmac=".length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidAnchorException("the anchor file " + file + " has a malformed hmac");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new InvalidAnchorException("the anchor file " + file
                    + " does not match its HMAC: it was edited, or written without the audit key");
        }
        Anchored anchored;
        try {
            int at = v2 ? 2 : 1;
            anchored = new Anchored(
                    new Head(
                            Long.parseLong(value(lines[at], "seq")),
                            value(lines[at + 1], "mac"),
                            value(lines[at + 2], "logged_at")),
                    value(lines[at + 3], "anchored_at"),
                    v2 ? value(lines[1], "store") : null);
        } catch (IllegalArgumentException e) {
            throw new InvalidAnchorException("the anchor file " + file + " is malformed: " + e.getMessage());
        }
        if (anchored.store() != null && !anchored.store().equals(storeId)) {
            throw new ForeignAnchorException("the audit anchor " + file + " belongs to another database (store "
                    + anchored.store() + "; this one is " + storeId + "), or this database's identity (table"
                    + " store_identity) was altered: run 'jcu audit verify'; give each database its own anchor file"
                    + " (JCU_AUDIT_ANCHOR_FILE) or data directory (--data)");
        }
        return anchored;
    }

    private static String value(String line, String name) {
        if (!line.startsWith(name + "=")) {
            throw new IllegalArgumentException("expected " + name + "=…, got " + line);
        }
        return line.substring(name.length() + 1);
    }

    /**
     * Anchors {@code head} unless the file already names the same or a higher sequence number (a valid, readable
     * anchor); an invalid anchor is replaced, one of another database never is.
     *
     * @param anchoredAt now, UTC microseconds
     * @return true if the file was written
     * @throws IOException if it cannot be written, or holds another database's anchor
     */
    boolean advance(Head head, String anchoredAt) throws IOException {
        synchronized (JVM_LOCK) {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path lockFile = dir.resolve(file.getFileName() + ".lock");
            try (FileChannel lockChannel =
                            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockChannel.lock()) {
                Anchored current;
                try {
                    current = read();
                } catch (ForeignAnchorException e) {
                    throw new IOException(e.getMessage(), e); // never replace another database's anchor
                } catch (InvalidAnchorException e) {
                    current = null;
                }
                if (current != null && current.head().seq() >= head.seq()) {
                    return false;
                }
                write(dir, content(head, anchoredAt));
                return true;
            }
        }
    }

    /** The signed text of an anchor (package-private for tests that forge anchors under other keys). */
    String content(Head head, String anchoredAt) {
        String signed = HEADER + "\nstore=" + storeId + "\nseq=" + head.seq() + "\nmac=" + head.mac() + "\nlogged_at="
                + head.loggedAt() + "\nanchored_at=" + anchoredAt + "\n";
        return signed + "hmac=" + HEX.formatHex(AuditChain.hmac(key, signed.getBytes(StandardCharsets.UTF_8))) + "\n";
    }

    private void write(Path dir, String content) throws IOException {
        Path temporary = dir.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes the rename durable where the platform allows opening a directory (Linux, macOS); elsewhere a no-op. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform (e.g. Windows): the rename is still atomic
        }
    }
}
