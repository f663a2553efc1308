package org.jcu.observable.warninglist;

import org.jcu.observable.IpRange;
import org.jcu.observable.Normalizer;
import org.jcu.observable.ObservableKind;
import org.jspecify.annotations.Nullable;

/**
 * IP address and CIDR block text of warninglist entries to {@link IpRange}, through the same {@link Normalizer} as
 * every observable (one notation rule for lists and values): surrounding white space and IPv6 brackets are removed
 * first; host bits below the prefix are cleared.
 */
final class IpText {

    private IpText() {}

    /**
     * The range written in {@code text}.
     *
     * @throws IllegalArgumentException naming the rule when {@code text} is not an address or block
     */
    static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (address.length() > 2 && address.charAt(0) == '[' && address.charAt(address.length() - 1) == ']') {
            trimmed = address.substring(1, address.length() - 1) + (slash < 0 ? "" : trimmed.substring(slash));
        }
        IpRange range = Normalizer.normalize(ObservableKind.IP, trimmed).range();
        if (range == null) {
            throw new IllegalStateException("an IP value always has a range");
        }
        return range;
    }

    /** {@link #parse}, or null when {@code text} is not an address or block. */
    static @Nullable IpRange parseOrNull(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
