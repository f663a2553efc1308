package org.jcu.observable.warninglist;

import java.util.Locale;
import org.jcu.observable.IpRange;
import org.jcu.observable.ObservableKind;

/**
 * The form in which a {@code string} list entry and a value of a given kind are compared for equality: the entry is
 * brought into the form the {@link ObservableKind} normaliser gives values, so the notation used in the list does not
 * matter.
 */
enum Fold {
    /** IP addresses and blocks: canonical text of the {@link IpRange} (RFC 5952, dotted quad for IPv4). */
    IP,
    /** Domain names: {@link Hosts#key} (lower case, A-label, no leading or trailing dot). */
    HOST,
    /** Case-insensitive kinds (URL, e-mail, hashes, MAC, ASN, registry keys, TLSH): lower-cased, trimmed. */
    LOWER,
    /** Case-sensitive kinds (SSDEEP, whose base64 alphabet is case-sensitive): trimmed only. */
    EXACT;

    static Fold of(ObservableKind kind) {
        return switch (kind) {
            case IP -> IP;
            case DOMAIN -> HOST;
            case SSDEEP -> EXACT;
            default -> LOWER;
        };
    }

    /**
     * The compared form of an entry or value. Under {@link #IP}, text that is not an IP address or block folds to the
     * empty string, which is never indexed, so it matches nothing (a {@code domain|ip} list's domain entries are not
     * indexed for IP values).
     */
    String apply(String text) {
        return switch (this) {
            case IP -> {
                IpRange range = IpText.parseOrNull(text);
                yield range == null ? "" : range.canonical();
            }
            case HOST -> Hosts.key(text);
            case LOWER -> text.strip().toLowerCase(Locale.ROOT);
            case EXACT -> text.strip();
        };
    }
}
