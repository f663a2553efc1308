package org.jcu.observable.warninglist;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jcu.observable.IpRange;
import org.jspecify.annotations.Nullable;

/**
 * The entries of all {@code cidr} lists, indexed by prefix length: for each prefix length present (in the IPv6
 * space, 0..128, IPv4 as mapped IPv6), a hash set of network addresses. A lookup masks the value to each present
 * prefix length not longer than its own and probes, so it costs at most one hash probe per distinct prefix length,
 * whatever the number of entries. A range contains a value when the value's prefix is at least as long and the
 * value masked to the range's prefix is the range's network (RFC 4632 §3.1 by bits).
 */
final class CidrIndex {

    private record Network(long high, long low) {

        static Network of(IpRange range) {
            ByteBuffer bytes = ByteBuffer.wrap(range.network());
            return new Network(bytes.getLong(0), bytes.getLong(8));
        }

        Network masked(int prefix) {
            if (prefix == 0) {
                return new Network(0, 0);
            }
            if (prefix <= 64) {
                return new Network(high & (-1L << (64 - prefix)), 0);
            }
            return new Network(high, low & (-1L << (128 - prefix)));
        }
    }

    private final List<@Nullable Postings<Network>> byPrefix = new ArrayList<>();
    private final int[] prefixesLongestFirst;

    /** Builds the index from {@code ranges[i]} belonging to list {@code lists[i]} written as {@code entries[i]}. */
    CidrIndex(List<IpRange> ranges, List<Integer> lists, List<String> entries) {
        for (int prefix = 0; prefix <= 128; prefix++) {
            byPrefix.add(null);
        }
        for (int i = 0; i < ranges.size(); i++) {
            IpRange range = ranges.get(i);
            Postings<Network> postings = byPrefix.get(range.prefix());
            if (postings == null) {
                postings = new Postings<>();
                byPrefix.set(range.prefix(), postings);
            }
            postings.add(Network.of(range), lists.get(i), entries.get(i));
        }
        List<Integer> present = new ArrayList<>();
        for (int prefix = 128; prefix >= 0; prefix--) {
            if (byPrefix.get(prefix) != null) {
                present.add(prefix);
            }
        }
        prefixesLongestFirst = present.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Visits every entry whose range contains {@code value}, the most specific (longest prefix) first. */
    void visitContaining(IpRange value, Postings.Visitor visitor) {
        Network network = Network.of(value);
        for (int prefix : prefixesLongestFirst) {
            if (prefix <= value.prefix()) {
                Postings<Network> postings = byPrefix.get(prefix);
                if (postings != null) {
                    postings.visit(network.masked(prefix), visitor);
                }
            }
        }
    }
}
