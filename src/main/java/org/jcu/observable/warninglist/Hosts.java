package org.jcu.observable.warninglist;

import java.net.IDN;
import java.util.Locale;
import org.jcu.observable.ObservableKind;
import org.jspecify.annotations.Nullable;

/**
 * Host names as compared by {@code hostname} lists and by {@code string} lists applied to domains: lower case,
 * A-label (punycode) form, no leading or trailing dot.
 */
final class Hosts {

    private Hosts() {}

    /**
     * The compared form of a host name or list entry: trimmed, lower-cased, leading and trailing dots removed,
     * non-ASCII labels converted to A-labels (IDNA; left as they are if the conversion fails).
     */
    static String key(String host) {
        String key = host.strip().toLowerCase(Locale.ROOT);
        int start = 0;
        int end = key.length();
        while (start < end && key.charAt(start) == '.') {
            start++;
        }
        while (end > start && key.charAt(end - 1) == '.') {
            end--;
        }
        key = key.substring(start, end);
        if (!key.chars().allMatch(c -> c < 0x80)) {
            try {
                key = IDN.toASCII(key, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                // not a valid IDN: compared as written, which can only match an entry written the same way
            }
        }
        return key;
    }

    /**
     * The host of a value, not yet in {@link #key} form: a {@link ObservableKind#DOMAIN} value itself, the part after
     * the last {@code @} of an {@link ObservableKind#EMAIL}, the authority host of a {@link ObservableKind#URL}
     * (user info and port removed; null for an IP literal in brackets). Null for other kinds and when there is no
     * host.
     */
    static @Nullable String hostOf(ObservableKind kind, String value) {
        return switch (kind) {
            case DOMAIN -> value.isEmpty() ? null : value;
            case EMAIL -> {
                int at = value.lastIndexOf('@');
                yield at < 0 || at == value.length() - 1 ? null : value.substring(at + 1);
            }
            case URL -> urlHost(value);
            default -> null;
        };
    }

    private static @Nullable String urlHost(String url) {
        int schemeEnd = url.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            return null;
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            authority = authority.substring(0, colon);
        }
        return authority.isEmpty() ? null : authority;
    }
}
