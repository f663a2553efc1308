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
 * <p>Thread-safety: thread-safe. The in-memory set of stored IP blocks is shared; a block cached by a rolled-back
 * import costs one probe and changes no answer, blocks written by other processes are seen within a second.
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
        Map<ValueKey, Long> ids = resolve(distinct.keySet());
        List<NormalizedValue> fresh = new ArrayList<>();
        Map<Long, ValueKey> freshIds = new HashMap<>();
        for (Map.Entry<ValueKey, NormalizedValue> d : distinct.entrySet()) {
            if (!ids.containsKey(d.getKey())) {
                long id = freeId(d.getKey(), freshIds);
                ids.put(d.getKey(), id);
                freshIds.put(id, d.getKey());
                fresh.add(d.getValue());
            }
        }
        // (version, value) pairs, each once
        Map<Long, Map<Long, String>> pairs = new LinkedHashMap<>();
        Map<Long, Integer> added = new HashMap<>();
        for (Entry e : entries) {
            long valueId = ids.get(new ValueKey(e.value().kind(), e.value().value()));
            Map<Long, String> ofVersion = pairs.computeIfAbsent(e.versionSeq(), k -> new LinkedHashMap<>());
            if (!ofVersion.containsKey(valueId)) {
                String original = e.value().original();
                ofVersion.put(valueId, original.equals(e.value().value()) ? null : original);
                added.merge(valueId, 1, Integer::sum);
            }
        }
        List<Object[]> newValues = new ArrayList<>(fresh.size());
        for (NormalizedValue v : fresh) {
            long id = ids.get(new ValueKey(v.kind(), v.value()));
            IpRange range = v.range();
            newValues.add(new Object[] {
                id,
                v.kind().code(),
                v.value(),
                range == null ? null : range.prefix(),
                range == null ? null : range.network(),
                added.remove(id)
            });
            if (range != null) {
                cacheBlock(range);
            }
        }
        batch(
                "INSERT INTO observable_value (id, kind, value, ip_prefix, ip_net, objects) VALUES (?, ?, ?, ?, ?, ?)",
                newValues);
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Map.Entry<Long, Map<Long, String>> version : pairs.entrySet()) {
            for (Map.Entry<Long, String> value : version.getValue().entrySet()) {
                rows.add(new Object[] {version.getKey(), value.getKey(), value.getValue()});
            }
        }
        batch("INSERT INTO observable (version_seq, value_id, original) VALUES (?, ?, ?)", rows);
        List<Object[]> counts = new ArrayList<>(added.size());
        added.forEach((id, n) -> counts.add(new Object[] {n, id}));
        batch("UPDATE observable_value SET objects = objects + ? WHERE id = ?", counts);
    }

    /** Indexes, for each version, the values held by the stored versions of the objects it references. */
    void addReferenced(Map<Long, List<String>> refsBySeq) {
        java.util.Set<String> targets = new java.util.TreeSet<>();
        refsBySeq.values().forEach(targets::addAll);
        List<String> all = new ArrayList<>(targets);
        Map<String, java.util.Set<Long>> valuesOf = new HashMap<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbc.query(
                    "SELECT DISTINCT ov.stix_id, o.value_id FROM object_version ov JOIN observable o"
                            + " ON o.version_seq = ov.seq WHERE ov.stix_id IN (" + marks(chunk.size()) + ")",
                    rs -> {
                        valuesOf.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>())
                                .add(rs.getLong(2));
                    },
                    chunk.toArray());
        }
        List<Object[]> rows = new ArrayList<>();
        refsBySeq.forEach((seq, refs) -> {
            java.util.Set<Long> ids = new java.util.TreeSet<>();
            for (String ref : refs) {
                ids.addAll(valuesOf.getOrDefault(ref, java.util.Set.of()));
            }
            for (long id : ids) {
                rows.add(new Object[] {seq, id, null});
            }
        });
        List<Object[]> counts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            int[][] written = jdbc.batchUpdate(
                    "INSERT INTO observable (version_seq, value_id, original) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    chunk,
                    chunk.size(),
                    CorrelationStore::bind);
            for (int i = 0; i < chunk.size(); i++) {
                if (written[0][i] != 0) {
                    counts.add(new Object[] {1, chunk.get(i)[1]});
                }
            }
        }
        batch("UPDATE observable_value SET objects = objects + ? WHERE id = ?", counts);
    }

    private long freeId(ValueKey key, Map<Long, ValueKey> takenInBatch) {
        long id = homeId(key.kind(), key.value());
        while (takenInBatch.containsKey(id) || exists(id)) {
            id++;
        }
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
        Map<ValueKey, Long> found = new HashMap<>();
        Map<Long, ValueKey> byHome = new HashMap<>();
        List<ValueKey> collided = new ArrayList<>();
        for (ValueKey k : keys) {
            ValueKey other = byHome.putIfAbsent(homeId(k.kind(), k.value()), k);
            if (other != null) {
                collided.add(k);
            }
        }
        List<Long> homes = new ArrayList<>(byHome.keySet());
        for (int from = 0; from < homes.size(); from += CHUNK) {
            List<Long> chunk = homes.subList(from, Math.min(homes.size(), from + CHUNK));
            jdbc.query(
                    "SELECT id, kind, value FROM observable_value WHERE id IN (" + marks(chunk.size()) + ")",
                    rs -> {
                        long id = rs.getLong(1);
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
        return found;
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

    private void cacheBlock(IpRange range) {
        if (range.isSingleAddress()) {
            return;
        }
        Map<Integer, java.util.Set<IpRange>> cache = blocks();
        synchronized (cache) {
            cache.computeIfAbsent(range.prefix(), k -> new java.util.HashSet<>())
                    .add(range);
        }
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
