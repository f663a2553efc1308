package org.jcu.observable;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcu.sharing.AccessPolicy;
import org.jcu.sharing.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL of the correlation index (tables {@code observable_value}, {@code observable}; decision 0015). Writes run in the
 * importer's transaction under its writer lock; reads of objects always carry {@link AccessPolicy}'s predicate.
 *
 * <p>Thread-safety: thread-safe. The in-memory set of stored IP blocks is shared and updated after commit; blocks
 * written by other processes or nodes are seen within a second (the cache is reloaded when the table holds a different
 * number of blocks).
 */
@Repository
class CorrelationStore {

    /** Rows per IN list or batch. */
    static final int CHUNK = 500;

    /** An object holding a value: the version's position and STIX id and type. */
    record HolderRow(long seq, String stixId, String stixType) {}

    /** A stored value. */
    record ValueRow(long id, ObservableKind kind, String value) {}

    /** One (object version, value) pair to index. */
    record Entry(long versionSeq, NormalizedValue value) {}

    private final JdbcTemplate jdbc;
    private volatile @Nullable Map<Integer, java.util.Set<IpRange>> blocks;
    private volatile long blocksCheckedAt;

    /** How often the block cache is compared with the table (other writers: CLI imports, other nodes). */
    static final long BLOCK_RECHECK_NANOS = 1_000_000_000L;

    CorrelationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The value's home id: 64 bits of murmur3_128 over {@code kind NUL value} (collisions probe upwards). */
    static long homeId(ObservableKind kind, String value) {
        return Hashing.murmur3_128()
                .hashString(kind.code() + '\0' + value, StandardCharsets.UTF_8)
                .asLong();
    }

    // -- write --------------------------------------------------------------------------------------------------

    /**
     * Indexes {@code entries}: new values are stored once, each (version, value) pair once, and the per-value object
     * counters grow. Must run inside the caller's transaction.
     */
    void add(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<ValueKey, NormalizedValue> distinct = new LinkedHashMap<>();
        for (Entry e : entries) {
            distinct.putIfAbsent(new ValueKey(e.value().kind(), e.value().value()), e.value());
        }
        Resolution resolution = resolveAll(distinct.keySet());
        Map<ValueKey, Long> ids = resolution.found();
        List<NormalizedValue> fresh = new ArrayList<>();
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (Map.Entry<ValueKey, NormalizedValue> d : distinct.entrySet()) {
            if (!ids.containsKey(d.getKey())) {
                long home = homeId(d.getKey().kind(), d.getKey().value());
                long id = resolution.freeHomes().contains(home) && taken.add(home) ? home : freeId(home, taken);
                ids.put(d.getKey(), id);
                fresh.add(d.getValue());
            }
        }
        List<Object[]> newValues = new ArrayList<>(fresh.size());
        List<IpRange> newBlocks = new ArrayList<>();
        for (NormalizedValue v : fresh) {
            IpRange range = v.range();
            newValues.add(new Object[] {
                ids.get(new ValueKey(v.kind(), v.value())),
                v.kind().code(),
                v.value(),
                range == null ? null : range.prefix(),
                range == null ? null : range.network()
            });
            if (range != null && !range.isSingleAddress()) {
                newBlocks.add(range);
            }
        }
        batch("INSERT INTO observable_value (id, kind, value, ip_prefix, ip_net) VALUES (?, ?, ?, ?, ?)", newValues);
        // (version, value) pairs, each once
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            long valueId = ids.get(new ValueKey(e.value().kind(), e.value().value()));
            if (seen.add(e.versionSeq() + " " + valueId)) {
                String original = e.value().original();
                rows.add(new Object[] {
                    e.versionSeq(), valueId, original.equals(e.value().value()) ? null : original
                });
            }
        }
        batch("INSERT INTO observable (version_seq, value_id, original) VALUES (?, ?, ?)", rows);
        cacheAfterCommit(newBlocks);
    }

    /** Linear probing after a collision: the next id neither stored nor taken in this batch. */
    private long freeId(long home, java.util.Set<Long> takenInBatch) {
        long id = home + 1;
        while (takenInBatch.contains(id) || exists(id)) {
            id++;
        }
        takenInBatch.add(id);
        return id;
    }

    private boolean exists(long id) {
        return !jdbc.queryForList("SELECT 1 FROM observable_value WHERE id = ?", Integer.class, id)
                .isEmpty();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += CHUNK * 4) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK * 4));
            jdbc.batchUpdate(sql, chunk, chunk.size(), CorrelationStore::bind);
        }
    }

    private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                ps.setObject(i + 1, null);
            } else if (v instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, v.toString());
            }
        }
    }

    // -- value lookup (no objects: values are not access-controlled, the objects holding them are) ----------------

    /** The ids of those {@code keys} that are stored. */
    Map<ValueKey, Long> resolve(Collection<ValueKey> keys) {
        return resolveAll(keys).found();
    }

    /**
     * Stored ids of {@code keys}, and the home ids found free (a new value whose home is free takes it without
     * another query).
     */
    record Resolution(Map<ValueKey, Long> found, java.util.Set<Long> freeHomes) {}

    private Resolution resolveAll(Collection<ValueKey> keys) {
        Map<ValueKey, Long> found = new HashMap<>();
        Map<Long, ValueKey> byHome = new HashMap<>();
        List<ValueKey> collided = new ArrayList<>();
        for (ValueKey k : keys) {
            ValueKey other = byHome.putIfAbsent(homeId(k.kind(), k.value()), k);
            if (other != null) {
                collided.add(k);
            }
        }
        java.util.Set<Long> free = new java.util.HashSet<>(byHome.keySet());
        List<Long> homes = new ArrayList<>(byHome.keySet());
        for (int from = 0; from < homes.size(); from += CHUNK) {
            List<Long> chunk = homes.subList(from, Math.min(homes.size(), from + CHUNK));
            jdbc.query(
                    "SELECT id, kind, value FROM observable_value WHERE id IN (" + marks(chunk.size()) + ")",
                    rs -> {
                        long id = rs.getLong(1);
                        free.remove(id);
                        ValueKey wanted = byHome.get(id);
                        ValueKey stored = new ValueKey(ObservableKind.ofCode(rs.getString(2)), rs.getString(3));
                        if (stored.equals(wanted)) {
                            found.put(wanted, id);
                        } else {
                            collided.add(wanted);
                        }
                    },
                    chunk.toArray());
        }
        for (ValueKey k : collided) {
            Long id = probe(k);
            if (id != null) {
                found.put(k, id);
            }
        }
        return new Resolution(found, free);
    }

    /** Linear probing from the home id until the value or a free id is found. */
    private @Nullable Long probe(ValueKey key) {
        long id = homeId(key.kind(), key.value());
        while (true) {
            List<ValueRow> rows = jdbc.query(
                    "SELECT id, kind, value FROM observable_value WHERE id = ?",
                    (rs, n) -> new ValueRow(rs.getLong(1), ObservableKind.ofCode(rs.getString(2)), rs.getString(3)),
                    id);
            if (rows.isEmpty()) {
                return null;
            }
            ValueRow row = rows.get(0);
            if (row.kind() == key.kind() && row.value().equals(key.value())) {
                return id;
            }
            id++;
        }
    }

    /**
     * Stored IP blocks that strictly contain {@code range} (shorter prefix). Candidates come from the in-memory set of
     * stored blocks, so an address inside no stored block costs no query; the candidates are then read from the
     * table (a block cached by a rolled-back import is simply not found).
     */
    List<ValueRow> containing(IpRange range) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        Map<Integer, java.util.Set<IpRange>> blocks = blocks();
        synchronized (blocks) {
            for (int p = 0; p < range.prefix(); p++) {
                java.util.Set<IpRange> ofPrefix = blocks.get(p);
                if (ofPrefix == null) {
                    continue;
                }
                IpRange candidate = range.truncate(p);
                if (ofPrefix.contains(candidate)) {
                    if (where.length() > 0) {
                        where.append(" OR ");
                    }
                    where.append("(ip_prefix = ? AND ip_net = ?)");
                    args.add(p);
                    args.add(candidate.network());
                }
            }
        }
        if (args.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT id, kind, value FROM observable_value WHERE " + where,
                (rs, n) -> new ValueRow(rs.getLong(1), ObservableKind.ofCode(rs.getString(2)), rs.getString(3)),
                args.toArray());
    }

    /**
     * The stored blocks (prefix below 128) by prefix, loaded on first use, kept up to date by {@link #add} and
     * reloaded when the table holds a different number of blocks (another process or node wrote some), checked at
     * most once per {@link #BLOCK_RECHECK_NANOS}.
     */
    private Map<Integer, java.util.Set<IpRange>> blocks() {
        Map<Integer, java.util.Set<IpRange>> loaded = blocks;
        long now = System.nanoTime();
        if (loaded != null && now - blocksCheckedAt < BLOCK_RECHECK_NANOS) {
            return loaded;
        }
        synchronized (this) {
            if (blocks == null || now - blocksCheckedAt >= BLOCK_RECHECK_NANOS) {
                Long stored = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM observable_value WHERE ip_prefix IS NOT NULL AND ip_prefix < 128",
                        Long.class);
                Map<Integer, java.util.Set<IpRange>> current = blocks;
                long cached = 0;
                if (current != null) {
                    synchronized (current) {
                        for (java.util.Set<IpRange> set : current.values()) {
                            cached += set.size();
                        }
                    }
                }
                if (current == null || stored == null || stored != cached) {
                    Map<Integer, java.util.Set<IpRange>> fresh = new HashMap<>();
                    jdbc.query(
                            "SELECT ip_prefix, ip_net FROM observable_value"
                                    + " WHERE ip_prefix IS NOT NULL AND ip_prefix < 128",
                            rs -> {
                                int prefix = rs.getInt(1);
                                fresh.computeIfAbsent(prefix, k -> new java.util.HashSet<>())
                                        .add(IpRange.of(rs.getBytes(2), prefix));
                            });
                    blocks = fresh;
                }
                blocksCheckedAt = System.nanoTime();
            }
            return blocks;
        }
    }

    /** Adds new blocks to the cache once the writing transaction commits (at once when there is none). */
    private void cacheAfterCommit(List<IpRange> newBlocks) {
        if (newBlocks.isEmpty()) {
            return;
        }
        Runnable add = () -> {
            Map<Integer, java.util.Set<IpRange>> cache = blocks();
            synchronized (cache) {
                for (IpRange range : newBlocks) {
                    cache.computeIfAbsent(range.prefix(), k -> new java.util.HashSet<>())
                            .add(range);
                }
            }
        };
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            add.run();
                        }
                    });
        } else {
            add.run();
        }
    }

    /** A visible object holding a stored IP value inside a queried block. */
    record RangeHolderRow(ValueRow value, String stixId, String stixType) {}

    /**
     * Visible holders of stored IP values (addresses and blocks) strictly inside {@code range}: the access policy is
     * in the SQL and the limit applies after it, ordered by value id then object id.
     */
    List<RangeHolderRow> holdersWithin(AccessScope scope, IpRange range, int limit) {
        BitSet present = prefixes();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        byte[] low = range.network();
        byte[] high = range.last();
        for (int p = present.nextSetBit(range.prefix() + 1); p >= 0; p = present.nextSetBit(p + 1)) {
            where.append(where.length() > 0 ? " OR " : "").append("(v.ip_prefix = ? AND v.ip_net BETWEEN ? AND ?)");
            args.add(p);
            args.add(low);
            args.add(high);
        }
        if (args.isEmpty()) {
            return List.of();
        }
        args.add(limit);
        return jdbc.query(
                "SELECT v.id, v.kind, v.value, ov.stix_id, MIN(ov.stix_type) FROM observable_value v"
                        + " JOIN observable o ON o.value_id = v.id JOIN object_version ov ON ov.seq = o.version_seq"
                        + " WHERE (" + where + ") AND " + AccessPolicy.versionPredicate("ov", scope)
                        + " GROUP BY v.id, v.kind, v.value, ov.stix_id ORDER BY v.id, ov.stix_id LIMIT ?",
                (rs, n) -> new RangeHolderRow(
                        new ValueRow(rs.getLong(1), ObservableKind.ofCode(rs.getString(2)), rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)),
                args.toArray());
    }

    /** Stored IP values (addresses and blocks) inside {@code range}, itself included if stored; at most limit. */
    List<ValueRow> within(IpRange range, int limit) {
        BitSet present = prefixes();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        byte[] low = range.network();
        byte[] high = range.last();
        for (int p = present.nextSetBit(range.prefix()); p >= 0; p = present.nextSetBit(p + 1)) {
            if (where.length() > 0) {
                where.append(" OR ");
            }
            where.append("(ip_prefix = ? AND ip_net BETWEEN ? AND ?)");
            args.add(p);
            args.add(low);
            args.add(high);
        }
        if (args.isEmpty()) {
            return List.of();
        }
        args.add(limit);
        return jdbc.query(
                "SELECT id, kind, value FROM observable_value WHERE " + where + " LIMIT ?",
                (rs, n) -> new ValueRow(rs.getLong(1), ObservableKind.ofCode(rs.getString(2)), rs.getString(3)),
                args.toArray());
    }

    /** Prefix lengths with stored values: those of the cached blocks, and 128 (addresses). */
    private BitSet prefixes() {
        BitSet present = new BitSet(129);
        Map<Integer, java.util.Set<IpRange>> cache = blocks();
        synchronized (cache) {
            cache.forEach((prefix, set) -> {
                if (!set.isEmpty()) {
                    present.set(prefix);
                }
            });
        }
        present.set(128);
        return present;
    }

    // -- objects holding values, through the access policy ------------------------------------------------------

    /**
     * Objects (latest holding version per id is not required: any visible version holding the value counts) that
     * hold one of {@code valueIds} and that {@code scope} may see, at most {@code limit}, by id.
     */
    List<HolderRow> holders(AccessScope scope, long valueId, int limit) {
        return jdbc.query(
                "SELECT MAX(ov.seq), ov.stix_id, MIN(ov.stix_type) FROM observable o"
                        + " JOIN object_version ov ON ov.seq = o.version_seq WHERE o.value_id = ? AND "
                        + AccessPolicy.versionPredicate("ov", scope) + " GROUP BY ov.stix_id ORDER BY 1 LIMIT ?",
                (rs, n) -> new HolderRow(rs.getLong(1), rs.getString(2), rs.getString(3)),
                valueId,
                limit);
    }

    /** Number of distinct objects holding {@code valueId} visible to {@code scope}, counting at most {@code cap}. */
    long countHolders(AccessScope scope, long valueId, long cap) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (SELECT DISTINCT ov.stix_id FROM observable o"
                        + " JOIN object_version ov ON ov.seq = o.version_seq WHERE o.value_id = ? AND "
                        + AccessPolicy.versionPredicate("ov", scope) + " LIMIT ?) c",
                Long.class,
                valueId,
                cap);
        return n == null ? 0 : n;
    }

    /** The values held by the object versions of {@code stixId} visible to {@code scope}, with their originals. */
    List<ObjectValueRow> valuesOf(AccessScope scope, String stixId) {
        return jdbc.query(
                "SELECT DISTINCT v.id, v.kind, v.value, o.original FROM object_version ov"
                        + " JOIN observable o ON o.version_seq = ov.seq JOIN observable_value v ON v.id = o.value_id"
                        + " WHERE ov.stix_id = ? AND " + AccessPolicy.versionPredicate("ov", scope)
                        + " ORDER BY v.kind, v.value",
                (rs, n) -> new ObjectValueRow(
                        new ValueRow(rs.getLong(1), ObservableKind.ofCode(rs.getString(2)), rs.getString(3)),
                        rs.getString(4)),
                stixId);
    }

    /** True if {@code scope} may see some version of {@code stixId}. */
    boolean visible(AccessScope scope, String stixId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM object_version ov WHERE ov.stix_id = ? AND "
                                + AccessPolicy.versionPredicate("ov", scope) + " LIMIT 1",
                        Integer.class,
                        stixId)
                .isEmpty();
    }

    /** A value held by an object, and how the object wrote it (null: as normalised). */
    record ObjectValueRow(ValueRow value, @Nullable String original) {}

    /** The value with {@code id}, if stored. */
    @Nullable
    ValueRow value(long id) {
        List<ValueRow> rows = jdbc.query(
                "SELECT id, kind, value FROM observable_value WHERE id = ?",
                (rs, n) -> new ValueRow(rs.getLong(1), ObservableKind.ofCode(rs.getString(2)), rs.getString(3)),
                id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static String marks(int n) {
        return "?,".repeat(n - 1) + "?";
    }

    /** A value's identity: its kind and normalised text. */
    record ValueKey(ObservableKind kind, String value) {}
}
