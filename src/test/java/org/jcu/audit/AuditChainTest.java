package org.jcu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The chain's link function follows its documented encoding and covers every field. */
class AuditChainTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String PREV = "ab".repeat(32);

    private static AuditEntry entry() {
        return new AuditEntry(
                42,
                "2025-01-31T12:00:00.123456Z",
                "5f0c3d2e-0000-4000-8000-000000000001",
                "analyst",
                "5f0c3d2e-0000-4000-8000-0000000000aa",
                "TAXII_OBJECTS_READ",
                3,
                "[\"indicator--1\",\"indicator--2\"]",
                "192.0.2.10",
                "GET /taxii2/jcu/collections/x/objects/",
                PREV,
                "");
    }

    @Test
    void macIsHmacSha256OfThePreviousMacAndTheLengthPrefixedFields() throws Exception {
        AuditEntry entry = new AuditEntry(
                1, "2025-01-31T12:00:00.000000Z", null, "cli", "org", "IMPORT", 7, "[]", null, "é", PREV, "");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(HexFormat.of().parseHex(PREV));
        for (String field : new String[] {
            "jcu-audit-v1", "1", "2025-01-31T12:00:00.000000Z", null, "cli", "org", "IMPORT", "7", "[]", null, "é"
        }) {
            if (field == null) {
                message.write(new byte[] {-1, -1, -1, -1});
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                message.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
                message.write(bytes);
            }
        }
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(hmac.doFinal(message.toByteArray()));

        assertThat(new AuditChain(KEY).mac(PREV, entry)).isEqualTo(expected).hasSize(64);
    }

    @Test
    void changingAnyFieldOrThePreviousMacOrTheKeyChangesTheMac() {
        AuditEntry base = entry();
        List<AuditEntry> variants = new ArrayList<>();
        variants.add(base);
        variants.add(new AuditEntry(
                43,
                base.loggedAt(),
                base.userId(),
                base.username(),
                base.orgId(),
                base.action(),
                3,
                base.objectIds(),
                base.sourceIp(),
                base.detail(),
                PREV,
                ""));
        variants.add(new AuditEntry(
                42,
                "2025-01-31T12:00:00.123457Z",
                base.userId(),
                base.username(),
                base.orgId(),
                base.action(),
                3,
                base.objectIds(),
                base.sourceIp(),
                base.detail(),
                PREV,
                ""));
        variants.add(new AuditEntry(
                42,
                base.loggedAt(),
                null,
                base.username(),
                base.orgId(),
                base.action(),
                3,
                base.objectIds(),
                base.sourceIp(),
                base.detail(),
                PREV,
                ""));
        variants.add(new AuditEntry(
                42,
                base.loggedAt(),
                base.userId(),
                "analyst2",
                base.orgId(),
                base.action(),
                3,
                base.objectIds(),
                base.sourceIp(),
                base.detail(),
                PREV,
                ""));
        variants.add(new AuditEntry(
                42,
                base.loggedAt(),
                base.userId(),
                base.username(),
                "other-org",
                base.action(),
                3,
                base.objectIds(),
                base.sourceIp(),
                base.detail(),
                PREV,
                ""));
        variants.add(new AuditEntry(
                42,
                base.loggedAt(),
                base.userId(),
                base.username(),
                base.orgId(),
                "EXPORT",
                3,
                base.objectIds(),
                base.sourceIp(),
                base.detail(),
                PREV,
                ""));
        variants.add(new AuditEntry(
                42,
                base.loggedAt(),
                base.userId(),
                base.username(),
                base.orgId(),
                base.action(),
                4,
                base.objectIds(),
                base.sourceIp(),
                base.detail(),
                PREV,
                ""));
        variants.add(new AuditEntry(
                42,
                base.loggedAt(),
                base.userId(),
                base.username(),
                base.orgId(),
                base.action(),
                3,
                "[\"indicator--1\"]",
                base.sourceIp(),
                base.detail(),
                PREV,
                ""));
        variants.add(new AuditEntry(
                42,
                base.loggedAt(),
                base.userId(),
                base.username(),
                base.orgId(),
                base.action(),
                3,
                base.objectIds(),
                "192.0.2.11",
                base.detail(),
                PREV,
                ""));
        variants.add(new AuditEntry(
                42,
                base.loggedAt(),
                base.userId(),
                base.username(),
                base.orgId(),
                base.action(),
                3,
                base.objectIds(),
                base.sourceIp(),
                "GET /",
                PREV,
                ""));
        Set<String> macs = new HashSet<>();
        AuditChain chain = new AuditChain(KEY);
        for (AuditEntry variant : variants) {
            macs.add(chain.mac(PREV, variant));
        }
        macs.add(chain.mac(AuditChain.GENESIS, base));
        macs.add(
                new AuditChain("another key, also 32 bytes long!".getBytes(StandardCharsets.US_ASCII)).mac(PREV, base));

        assertThat(macs).hasSize(variants.size() + 2);
    }

    @Test
    void fieldBoundariesAndNullVersusEmptyAreUnambiguous() {
        AuditChain chain = new AuditChain(KEY);
        AuditEntry split1 = new AuditEntry(1, "t", null, "ab", "c", "A", 0, "[]", null, "", PREV, "");
        AuditEntry split2 = new AuditEntry(1, "t", null, "a", "bc", "A", 0, "[]", null, "", PREV, "");
        AuditEntry nullIp = new AuditEntry(1, "t", null, "a", "bc", "A", 0, "[]", null, "", PREV, "");
        AuditEntry emptyIp = new AuditEntry(1, "t", null, "a", "bc", "A", 0, "[]", "", "", PREV, "");

        assertThat(chain.mac(PREV, split1)).isNotEqualTo(chain.mac(PREV, split2));
        assertThat(chain.mac(PREV, nullIp)).isNotEqualTo(chain.mac(PREV, emptyIp));
    }

    @Test
    void aPreviousMacThatIsNot64HexDigitsIsRefused() {
        assertThatThrownBy(() -> new AuditChain(KEY).mac("abc", entry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }
}
