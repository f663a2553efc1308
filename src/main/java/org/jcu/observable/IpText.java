package org.jcu.observable;

import com.google.common.net.InetAddresses;
import java.util.Arrays;

/**
 * Parses IP text into an {@link IpRange}: IPv4 dotted quad (RFC 791 text, no leading zeros), IPv6 in any RFC 4291
 * §2.2 form (any case, any zero compression, embedded dotted quad), optionally followed by {@code /prefix} (RFC 4632,
 * RFC 4291 §2.3). Stateless and thread-safe.
 */
final class IpText {

    static final String NOT_AN_ADDRESS = "not an IPv4 or IPv6 address (RFC 4291 §2.2 / dotted quad)";
    static final String LEADING_ZERO = "an IPv4 octet with a leading zero is ambiguous (octal to inet_aton, decimal"
            + " elsewhere; RFC 6943 §3.1.1): write it without the zero";
    static final String ZONE = "an IPv6 zone index (%..., RFC 4007 §11) only means something on one host";
    static final String BAD_PREFIX =
            "CIDR prefix must be /0../32 for IPv4 and /0../128 for IPv6 (RFC 4632 §3.1," + " RFC 4291 §2.3)";

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private IpText() {}

    /** An address or CIDR block ({@code a/n}); host bits of a block are cleared. */
    static IpRange parseRange(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return parseAddress(text);
        }
        String address = text.substring(0, slash);
        boolean ipv6 = address.indexOf(':') >= 0;
        int prefix = parsePrefix(text.substring(slash + 1), ipv6 ? 128 : 32);
        byte[] bytes = parseAddress(address).network();
        return IpRange.of(bytes, ipv6 ? prefix : 96 + prefix);
    }

    /** A single address, IPv4 or IPv6; an IPv4-mapped IPv6 address is its IPv4 address. */
    static IpRange parseAddress(String text) {
        if (text.indexOf('%') >= 0) {
            throw new Rejected(ZONE);
        }
        if (text.indexOf(':') < 0) {
            return IpRange.of(mapped(parseDottedQuad(text)), 128);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Texts.isHex(c) || c == ':' || c == '.')) {
                throw new Rejected(NOT_AN_ADDRESS);
            }
        }
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.', lastColon) >= 0) {
            parseDottedQuad(text.substring(lastColon + 1)); // the specific leading-zero rule, before Guava's verdict
        }
        byte[] raw;
        try {
            raw = InetAddresses.forString(text).getAddress();
        } catch (IllegalArgumentException e) {
            throw new Rejected(NOT_AN_ADDRESS);
        }
        return IpRange.of(raw.length == 4 ? mapped(raw) : raw, 128);
    }

    /** Four decimal octets 0..255 without leading zeros (only ASCII digits). */
    static byte[] parseDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new Rejected(NOT_AN_ADDRESS);
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.length() > 3 || !Texts.isAsciiDigits(part)) {
                throw new Rejected(NOT_AN_ADDRESS);
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw new Rejected(LEADING_ZERO);
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                throw new Rejected(NOT_AN_ADDRESS);
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static int parsePrefix(String text, int max) {
        if (text.length() > 3 || !Texts.isAsciiDigits(text)) {
            throw new Rejected(BAD_PREFIX);
        }
        int prefix = Integer.parseInt(text);
        if (prefix > max) {
            throw new Rejected(BAD_PREFIX);
        }
        return prefix;
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] out = Arrays.copyOf(MAPPED_PREFIX, 16);
        System.arraycopy(ipv4, 0, out, 12, 4);
        return out;
    }
}
