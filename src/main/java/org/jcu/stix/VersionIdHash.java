package org.jcu.stix;

import com.google.common.hash.Hashing;
import com.google.common.primitives.Longs;
import java.nio.charset.StandardCharsets;

/**
 * The 64-bit key under which the version index finds a STIX id (decision 0020): the first 8 bytes of SHA-256 of the
 * id's UTF-8 bytes, read as a big-endian signed {@code long}. Stored in {@code object_version.id_hash}; the index is
 * {@code UNIQUE (id_hash, version_key)} and every lookup by id also compares {@code stix_id}, so two ids sharing a key
 * only cost a row read. SHA-256 rather than a fast non-cryptographic hash because ids are chosen by submitters: finding
 * an id whose key equals a given other id's takes about 2^64 hashes, so nobody can make another's version collide with
 * theirs in the unique index.
 *
 * <p>PostgreSQL computes the same value as
 * {@code ('x' || left(encode(sha256(convert_to(stix_id, 'UTF8')), 'hex'), 16))::bit(64)::bigint} (migration V9).
 */
public final class VersionIdHash {

    private VersionIdHash() {}

    /**
     * The key of {@code stixId}.
     *
     * @param stixId a STIX id ({@code type--uuid}), any string accepted
     * @return the first 8 bytes of SHA-256(UTF-8 of {@code stixId}), big-endian
     */
    public static long of(String stixId) {
        return Longs.fromByteArray(
                Hashing.sha256().hashString(stixId, StandardCharsets.UTF_8).asBytes());
    }

    /**
     * SQL matching the rows of one id: {@code alias.id_hash = ? AND alias.stix_id = ?}, parameters from
     * {@link #args}.
     */
    public static String equalsSql(String alias) {
        return alias + ".id_hash = ? AND " + alias + ".stix_id = ?";
    }

    /** The parameters of {@link #equalsSql} for {@code stixId}. */
    public static Object[] args(String stixId) {
        return new Object[] {of(stixId), stixId};
    }

    /**
     * SQL matching the rows of several ids: {@code alias.id_hash IN (?, …) AND alias.stix_id IN (?, …)} with
     * {@code count} marks each, parameters from {@link #args(java.util.Collection)}.
     */
    public static String inSql(String alias, int count) {
        String marks = String.join(", ", java.util.Collections.nCopies(count, "?"));
        return alias + ".id_hash IN (" + marks + ") AND " + alias + ".stix_id IN (" + marks + ")";
    }

    /** The parameters of {@link #inSql} for {@code stixIds}: their keys, then the ids, in iteration order. */
    public static java.util.List<Object> args(java.util.Collection<String> stixIds) {
        java.util.List<Object> out = new java.util.ArrayList<>(stixIds.size() * 2);
        for (String id : stixIds) {
            out.add(of(id));
        }
        out.addAll(stixIds);
        return out;
    }
}
