package org.jcu.observable.warninglist;

import static org.jcu.observable.ObservableKind.ASN;
import static org.jcu.observable.ObservableKind.DOMAIN;
import static org.jcu.observable.ObservableKind.EMAIL;
import static org.jcu.observable.ObservableKind.IP;
import static org.jcu.observable.ObservableKind.MAC;
import static org.jcu.observable.ObservableKind.MD5;
import static org.jcu.observable.ObservableKind.SHA3_256;
import static org.jcu.observable.ObservableKind.SHA3_512;
import static org.jcu.observable.ObservableKind.SHA_1;
import static org.jcu.observable.ObservableKind.SHA_256;
import static org.jcu.observable.ObservableKind.SHA_512;
import static org.jcu.observable.ObservableKind.SSDEEP;
import static org.jcu.observable.ObservableKind.TLSH;
import static org.jcu.observable.ObservableKind.URL;
import static org.jcu.observable.ObservableKind.WINDOWS_REGISTRY_KEY;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jcu.observable.ObservableKind;

/**
 * MISP attribute types (MISP core format, {@code describeTypes.json}) mapped to the observable kinds whose values
 * they hold. A composite type such as {@code domain|ip} or {@code filename|sha256} maps to the kinds of its parts
 * that jcu correlates; types without a jcu kind (e.g. {@code phone-number}, {@code sha224}) map to none.
 */
final class AttributeTypes {

    private static final Map<String, Set<ObservableKind>> KINDS = new HashMap<>();

    static {
        map(EnumSet.of(IP), "ip-src", "ip-dst", "ip-src|port", "ip-dst|port");
        map(EnumSet.of(IP, DOMAIN), "domain|ip");
        map(EnumSet.of(DOMAIN), "domain", "hostname", "hostname|port");
        map(EnumSet.of(URL), "url", "uri", "link");
        map(
                EnumSet.of(EMAIL),
                "email",
                "email-src",
                "email-dst",
                "target-email",
                "email-reply-to",
                "whois-registrant-email",
                "dns-soa-email");
        map(EnumSet.of(MD5), "md5", "filename|md5", "x509-fingerprint-md5");
        map(EnumSet.of(SHA_1), "sha1", "filename|sha1", "x509-fingerprint-sha1");
        map(EnumSet.of(SHA_256), "sha256", "filename|sha256", "x509-fingerprint-sha256");
        map(EnumSet.of(SHA_512), "sha512", "filename|sha512");
        map(EnumSet.of(SHA3_256), "sha3-256", "filename|sha3-256");
        map(EnumSet.of(SHA3_512), "sha3-512", "filename|sha3-512");
        map(EnumSet.of(SSDEEP), "ssdeep", "filename|ssdeep");
        map(EnumSet.of(TLSH), "tlsh", "filename|tlsh");
        map(EnumSet.of(MAC), "mac-address");
        map(EnumSet.of(ASN), "as");
        map(EnumSet.of(WINDOWS_REGISTRY_KEY), "regkey", "regkey|value");
    }

    private AttributeTypes() {}

    private static void map(Set<ObservableKind> kinds, String... types) {
        for (String type : types) {
            KINDS.put(type, kinds);
        }
    }

    /** The kinds a MISP attribute type holds, matched case-insensitively; empty for types jcu has no kind for. */
    static Set<ObservableKind> of(String attributeType) {
        return KINDS.getOrDefault(attributeType.toLowerCase(Locale.ROOT), Set.of());
    }

    /** The kinds a list of {@code type} can match at all. */
    static Set<ObservableKind> compatible(WarninglistType type) {
        return switch (type) {
            case CIDR -> EnumSet.of(IP);
            case HOSTNAME -> EnumSet.of(DOMAIN, URL, EMAIL);
            case STRING, SUBSTRING, REGEX -> EnumSet.allOf(ObservableKind.class);
        };
    }

    /** See {@link Warninglist#kinds()}. */
    static Set<ObservableKind> kinds(WarninglistType type, Collection<String> matchingAttributes) {
        Set<ObservableKind> compatible = compatible(type);
        if (matchingAttributes.isEmpty()) {
            return Collections.unmodifiableSet(compatible);
        }
        Set<ObservableKind> named = EnumSet.noneOf(ObservableKind.class);
        for (String attribute : matchingAttributes) {
            named.addAll(of(attribute));
        }
        named.retainAll(compatible);
        return Collections.unmodifiableSet(named);
    }
}
