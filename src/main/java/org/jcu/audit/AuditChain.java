package org.jcu.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The link function of the audit chain: {@code mac = HMAC-SHA256(key, prev_mac ‖ encode(entry))} (HMAC: RFC 2104 /
 * FIPS 198-1, through {@link Mac}; SHA-256: FIPS 180-4).
 *
 * <p>Encoding, so that no two different entries share a message: {@code prev_mac} as its 32 raw bytes, then the
 * fields {@code "jcu-audit-v1"}, {@code seq}, {@code logged_at}, {@code user_id}, {@code username}, {@code org_id},
 * {@code audit_action}, {@code object_count}, {@code object_ids}, {@code source_ip}, {@code detail}, in this order,
 * each as a 4-byte big-endian length of its UTF-8 bytes followed by those bytes; a NULL is the length -1 and no
 * bytes; numbers are decimal text; {@code object_ids} is the stored JSON text. Entry 1 has {@code prev_mac} =
 * {@link #GENESIS} (32 zero bytes). Macs are stored as 64 lower-case hex digits.
 *
 * <p>Thread-safety: not thread-safe (one {@link Mac}); each thread uses its own instance.
 */
final class AuditChain {

    /** Format tag, the first encoded field; a new encoding gets a new tag. */
    static final String FORMAT = "jcu-audit-v1";
    /** {@code prev_mac} of entry 1. */
    static final String GENESIS = "0".repeat(64);

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final Mac mac;

    /**
     * @param key the audit key (at least 32 bytes)
     */
    AuditChain(byte[] key) {
        this.mac = hmac(key);
    }

    /**
     * The mac of {@code entry} linked to {@code prevMac}; {@code entry.prevMac()} and {@code entry.mac()} are ignored.
     *
     * @param prevMac 64 hex digits
     * @throws IllegalArgumentException if {@code prevMac} is not 64 hex digits
     */
    String mac(String prevMac, AuditEntry entry) {
        if (prevMac.length() != 64) {
            throw new IllegalArgumentException("a mac has 64 hex digits: " + prevMac);
        }
        mac.update(HEX.parseHex(prevMac));
        field(FORMAT);
        field(Long.toString(entry.seq()));
        field(entry.loggedAt());
        field(entry.userId());
        field(entry.username());
        field(entry.orgId());
        field(entry.action());
        field(Long.toString(entry.objectCount()));
        field(entry.objectIds());
        field(entry.sourceIp());
        field(entry.detail());
        return HEX.formatHex(mac.doFinal());
    }

    private void field(@Nullable String value) {
        if (value == null) {
            mac.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    /** HMAC-SHA256 of {@code message} under {@code key}, as raw bytes. */
    static byte[] hmac(byte[] key, byte[] message) {
        return hmac(key).doFinal(message);
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac instance = Mac.getInstance(ALGORITHM);
            instance.init(new SecretKeySpec(key, ALGORITHM));
            return instance;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
