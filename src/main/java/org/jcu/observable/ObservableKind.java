package org.jcu.observable;

import java.util.Locale;
import java.util.Optional;

/**
 * What a normalised observable value is, which decides how it is normalised and what it correlates with. Values of
 * the same kind correlate when their normalised forms are equal (or, for {@link #IP}, when one range contains the
 * other). IPv4 and IPv6 share {@link #IP} so that an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) meets its
 * IPv4 form; a CIDR block is an {@link #IP} value with a prefix shorter than the address.
 *
 * <p>File and certificate hashes are one kind per algorithm, named as in the STIX 2.1 hash-algorithm-ov vocabulary
 * (§10.6) so {@code file:hashes.'SHA-256'} and {@code x509-certificate:hashes.'SHA-256'} correlate.
 */
public enum ObservableKind {
    /** {@code ipv4-addr} / {@code ipv6-addr} value, single address or CIDR block (RFC 4632, RFC 5952 text form). */
    IP("ip"),
    /** {@code domain-name} value: lower-case A-label (punycode) form, no trailing dot. */
    DOMAIN("domain"),
    /** {@code url} value, RFC 3986 §6.2.2 syntax-based normalisation. */
    URL("url"),
    /** {@code email-addr} value: local part as given, domain as {@link #DOMAIN}. */
    EMAIL("email"),
    /** {@code mac-addr} value: lower-case, colon-separated octets (STIX 2.1 §6.10). */
    MAC("mac"),
    /** {@code autonomous-system} number, decimal without leading zeros. */
    ASN("asn"),
    /** {@code windows-registry-key} key, hive abbreviations expanded, case-insensitive (compared upper-cased). */
    WINDOWS_REGISTRY_KEY("windows-registry-key"),
    MD5("MD5"),
    SHA_1("SHA-1"),
    SHA_256("SHA-256"),
    SHA_512("SHA-512"),
    SHA3_256("SHA3-256"),
    SHA3_512("SHA3-512"),
    /** Fuzzy hashes: compared by exact normalised string only. */
    SSDEEP("SSDEEP"),
    TLSH("TLSH");

    private final String code;

    ObservableKind(String code) {
        this.code = code;
    }

    /** The stable code stored in the correlation index and shown in the API, e.g. {@code ip}, {@code SHA-256}. */
    public String code() {
        return code;
    }

    /** True for the hash kinds. */
    public boolean isHash() {
        return ordinal() >= MD5.ordinal();
    }

    /**
     * The hash kind for a STIX hash-algorithm name (§10.6), matched case-insensitively and ignoring '-' and '_'
     * ({@code sha256}, {@code SHA-256}, {@code sha_256} are all SHA-256); empty for unknown algorithms.
     */
    public static Optional<ObservableKind> forHashAlgorithm(String name) {
        String key = name.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
        for (ObservableKind k : values()) {
            if (k.isHash() && k.code.replace("-", "").toUpperCase(Locale.ROOT).equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind for a stored {@link #code()}. */
    public static ObservableKind ofCode(String code) {
        for (ObservableKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown observable kind: " + code);
    }
}
