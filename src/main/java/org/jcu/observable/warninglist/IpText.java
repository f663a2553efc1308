package org.jcu.observable.warninglist;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import org.jcu.observable.IpRange;
import org.jspecify.annotations.Nullable;

/**
 * IP address and CIDR block text ({@code 192.0.2.1}, {@code 10.0.0.0/8}, {@code 2001:db8::/32},
 * {@code ::ffff:10.0.0.0/104}) to {@link IpRange}. Any notation {@link InetAddresses#forString} accepts is
 * accepted, so {@code 2001:0db8:0:0::1} and {@code 2001:db8::1} are the same range; host bits below the prefix are
 * cleared. An IPv4-mapped address written in IPv6 notation keeps its prefix in the IPv6 space ({@code /104} is the
 * IPv4 {@code /8}), because the JDK turns a mapped address into an {@link Inet4Address}.
 */
final class IpText {

    private IpText() {}

    /**
     * The range written in {@code text} (surrounding white space ignored, a bracketed IPv6 address accepted).
     *
     * @throws IllegalArgumentException naming the rule when {@code text} is not an address or block
     */
    static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (address.length() > 2 && address.charAt(0) == '[' && address.charAt(address.length() - 1) == ']') {
            address = address.substring(1, address.length() - 1);
        }
        if (!InetAddresses.isInetAddress(address)) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: \"" + address + "\"");
        }
        InetAddress parsed = InetAddresses.forString(address);
        boolean writtenAsIpv6 = address.indexOf(':') >= 0;
        boolean mapped = parsed instanceof Inet4Address && writtenAsIpv6;
        int max = parsed instanceof Inet4Address && !writtenAsIpv6 ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            String digits = trimmed.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("prefix length \"" + digits + "\" is not a number 0.." + max);
            }
            prefix = Integer.parseInt(digits);
            if (prefix > max) {
                throw new IllegalArgumentException("prefix length " + prefix + " is outside 0.." + max);
            }
        }
        if (mapped) {
            byte[] address16 = new byte[16];
            address16[10] = (byte) 0xff;
            address16[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, address16, 12, 4);
            return IpRange.of(address16, prefix);
        }
        return IpRange.of(parsed, prefix);
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
