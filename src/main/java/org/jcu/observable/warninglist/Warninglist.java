package org.jcu.observable.warninglist;

import java.util.List;
import java.util.Set;
import org.jcu.observable.ObservableKind;

/**
 * What a warninglist is, without its entries: the fields of a MISP warninglist file. Immutable.
 *
 * @param id the slug: the folder name in {@code misp-warninglists/lists/<slug>/list.json} (or the file name without
 *     {@code .json} for a loose file); unique within a {@link Warninglists}
 * @param name the {@code name} field, e.g. {@code List of RFC 1918 CIDR blocks}
 * @param version the {@code version} field (MISP uses increasing integers, often a date such as 20240101)
 * @param description the {@code description} field
 * @param type the {@code type} field
 * @param category the {@code category} field; {@link WarninglistCategory#FALSE_POSITIVE} when absent
 * @param matchingAttributes the {@code matching_attributes} field as given (MISP attribute types such as
 *     {@code ip-src} or {@code domain|ip}), duplicates removed; empty means every kind the type can match
 * @param entryCount the number of distinct non-empty entries in {@code list}
 */
public record Warninglist(
        String id,
        String name,
        long version,
        String description,
        WarninglistType type,
        WarninglistCategory category,
        List<String> matchingAttributes,
        int entryCount) {

    public Warninglist {
        matchingAttributes = List.copyOf(matchingAttributes);
    }

    /**
     * The observable kinds this list is applied to: the kinds its {@link #matchingAttributes()} name that its
     * {@link #type()} can match ({@code cidr}: IP; {@code hostname}: domain, URL, e-mail; the others: every kind), or
     * all of the latter when {@code matching_attributes} is empty (as MISP: "matched against any type").
     *
     * <p>MISP attribute types (case-insensitive) to kinds: {@code ip-src}, {@code ip-dst}, {@code ip-src|port},
     * {@code ip-dst|port}: IP; {@code domain|ip}: IP and DOMAIN; {@code domain}, {@code hostname},
     * {@code hostname|port}: DOMAIN; {@code url}, {@code uri}, {@code link}: URL; {@code email}, {@code email-src},
     * {@code email-dst}, {@code target-email}, {@code email-reply-to}, {@code whois-registrant-email},
     * {@code dns-soa-email}: EMAIL; {@code md5}, {@code sha1}, {@code sha256}, {@code sha512}, {@code sha3-256},
     * {@code sha3-512}, {@code ssdeep}, {@code tlsh}, their {@code filename|...} forms and
     * {@code x509-fingerprint-md5/sha1/sha256}: the hash kind; {@code mac-address}: MAC; {@code AS}: ASN;
     * {@code regkey}, {@code regkey|value}: WINDOWS_REGISTRY_KEY. Other types (e.g. {@code phone-number},
     * {@code sha224}) contribute nothing, so a list naming only those applies to no kind.
     */
    public Set<ObservableKind> kinds() {
        return AttributeTypes.kinds(type, matchingAttributes);
    }
}
