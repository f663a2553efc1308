package org.jcu.observable;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An IP address or CIDR block (RFC 4632, RFC 4291 §2.3) as a binary range in the IPv6 space: IPv4 addresses are held
 * as IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}, RFC 4291 §2.5.5.2) so an IPv4 value and its mapped IPv6 form are the
 * same range. Containment is decided by bits, never by text.
 *
 * <p>{@link #network()} is the 16-byte first address (host bits zero); {@link #prefix()} is the prefix length in the
 * IPv6 space, 0..128 (an IPv4 {@code /n} is {@code 96 + n}); a single address has prefix 128.
 *
 * <p>Immutable and thread-safe; the byte arrays are copied in and out.
 */
public final class IpRange {

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * The range of {@code address} with its first {@code prefix} bits (in the IPv6 space, 0..128) kept and the host
     * bits cleared.
     *
     * @throws IllegalArgumentException if the address is not 16 bytes or the prefix is outside 0..128
     */
    public static IpRange of(byte[] address16, int prefix) {
        if (address16.length != 16) {
            throw new IllegalArgumentException("an IP range needs a 16-byte address, got " + address16.length);
        }
        if (prefix < 0 || prefix > 128) {
            throw new IllegalArgumentException("prefix length must be 0..128, got " + prefix);
        }
        return new IpRange(mask(address16, prefix), prefix);
    }

    /**
     * The range of a parsed address: IPv4 as mapped IPv6, with {@code prefixInFamily} counted in the address's own
     * family (0..32 for IPv4, 0..128 for IPv6).
     *
     * @throws IllegalArgumentException if the prefix is out of range for the family
     */
    public static IpRange of(InetAddress address, int prefixInFamily) {
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            if (prefixInFamily < 0 || prefixInFamily > 32) {
                throw new IllegalArgumentException("IPv4 prefix length must be 0..32, got " + prefixInFamily);
            }
            byte[] mapped = Arrays.copyOf(MAPPED_PREFIX, 16);
            System.arraycopy(raw, 0, mapped, 12, 4);
            return of(mapped, 96 + prefixInFamily);
        }
        return of(raw, prefixInFamily);
    }

    /** The first address, 16 bytes (a copy). */
    public byte[] network() {
        return network.clone();
    }

    /** The last address, 16 bytes (host bits all one). */
    public byte[] last() {
        byte[] last = network.clone();
        for (int bit = prefix; bit < 128; bit++) {
            last[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
        }
        return last;
    }

    /** Prefix length in the IPv6 space, 0..128. */
    public int prefix() {
        return prefix;
    }

    /** True if this is one address (prefix 128). */
    public boolean isSingleAddress() {
        return prefix == 128;
    }

    /** True if the range lies in {@code ::ffff:0:0/96}, i.e. it is an IPv4 address or block. */
    public boolean isIpv4() {
        return prefix >= 96 && Arrays.equals(network, 0, 12, MAPPED_PREFIX, 0, 12);
    }

    /** Prefix length in the address's own family: 0..32 for IPv4, 0..128 for IPv6. */
    public int familyPrefix() {
        return isIpv4() ? prefix - 96 : prefix;
    }

    /** True if every address of {@code other} is in this range (a range contains itself). */
    public boolean contains(IpRange other) {
        return other.prefix >= prefix && Arrays.equals(mask(other.network, prefix), network);
    }

    /**
     * True if the two ranges share an address. CIDR blocks never partly overlap, so this is {@code contains(other) ||
     * other.contains(this)}: the IP correlation rule of {@link ObservableKind#IP}.
     */
    public boolean overlaps(IpRange other) {
        return contains(other) || other.contains(this);
    }

    /** The enclosing range of this one with {@code shorterPrefix} bits (0..prefix()). */
    public IpRange truncate(int shorterPrefix) {
        if (shorterPrefix > prefix) {
            throw new IllegalArgumentException("cannot widen /" + prefix + " to /" + shorterPrefix);
        }
        return of(network, shorterPrefix);
    }

    /**
     * Canonical text: dotted quad for IPv4, RFC 5952 for IPv6 (lower case, longest zero run compressed), followed by
     * {@code /n} (family prefix) unless it is a single address.
     */
    public String canonical() {
        String address;
        try {
            address = InetAddresses.toAddrString(
                    InetAddress.getByAddress(isIpv4() ? Arrays.copyOfRange(network, 12, 16) : network));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
        return isSingleAddress() ? address : address + "/" + familyPrefix();
    }

    /** The network address as 32 lower-case hex digits (sortable text key). */
    public String hex() {
        return HexFormat.of().formatHex(network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < 16; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff00 >>> keep);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefix == prefix && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        return canonical();
    }
}
