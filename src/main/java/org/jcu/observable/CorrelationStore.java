package org.jcu.observable;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** Ids per query in lookups by many STIX ids (two parameters each: key and id). */
    static final int ID_CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private volatile @Nullable Map<Integer, java.util.Set<IpRange>> blocks;
    private volatile long blocksCheckedAt;
    private volatile com.google.common.hash.@Nullable BloomFilter<Long> storedIds;
    private volatile long storedIdsGeneration = -1;
    private volatile long storedIdsCapacity;

    /** How often the block cache is compared with the table (other writers: CLI imports, other nodes). */
    static final long BLOCK_RECHECK_NANOS = 1_000_000_000L;

    CorrelationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = org.jcu.platform.Databases.isPostgres(jdbc);
    }

    /** PostgreSQL: ANALYZE the index tables (SQLite: nothing; the importer's PRAGMA optimize covers them). */
    void refreshStatistics() {
        if (postgres) {
            jdbc.execute("ANALYZE observable_value, observable, holding_target");
        }
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
        if (!newValues.isEmpty()) {
            com.google.common.hash.BloomFilter<Long> filter = storedIds;
            if (filter != null) {
                // at once, not after commit: later batches of this transaction must find them (a rollback leaves
                // false positives, which cost a query and change no answer)
                for (Object[] row : newValues) {
                    filter.put((Long) row[0]);
                }
            }
            bumpGenerationOnce();
        }
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
        com.google.common.hash.BloomFilter<Long> filter = storedIdsFilter();
        List<Long> homes = new ArrayList<>(byHome.size());
        for (long home : byHome.keySet()) {
            if (filter.mightContain(home)) {
                homes.add(home);
            }
        }
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

    /**
     * Linear probing from the home id until the value or a free id is found; always at least one query (no filter
     * shortcut), so that a reader's lookup costs the same whether or not the value is stored.
     */
    @Nullable
    Long probe(ValueKey key) {
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
            // no candidate: the same query shape on an impossible key, so the cost does not depend on the cache
            where.append("(ip_prefix = ? AND ip_net = ?)");
            args.add(-1);
            args.add(new byte[16]);
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
                Long stored =
                        jdbc.queryForObject("SELECT COUNT(*) FROM observable_value WHERE ip_prefix < 128", Long.class);
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
                    jdbc.query("SELECT ip_prefix, ip_net FROM observable_value" + " WHERE ip_prefix < 128", rs -> {
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
        afterCommit(add);
    }

    /** Runs {@code action} once the current transaction commits (at once when there is none). */
    private static void afterCommit(Runnable action) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            action.run();
                        }
                    });
        } else {
            action.run();
        }
    }

    /** The generation this transaction wrote, bound to it (unbound after completion). */
    private static final class Bumped {
        final long generation;

        Bumped(long generation) {
            this.generation = generation;
        }
    }

    /**
     * Bumps {@code observable_generation} once per writing transaction; after commit this process's filter is known
     * current if nobody else wrote in between (writers are serialised by the writer lock).
     */
    private void bumpGenerationOnce() {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update("UPDATE observable_generation SET n = n + 1 WHERE id = 1");
            return;
        }
        if (org.springframework.transaction.support.TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        jdbc.update("UPDATE observable_generation SET n = n + 1 WHERE id = 1");
        long generation = generation();
        org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(
                this, new Bumped(generation));
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        synchronized (CorrelationStore.this) {
                            if (storedIdsGeneration == generation - 1) {
                                storedIdsGeneration = generation;
                            }
                        }
                    }

                    @Override
                    public void afterCompletion(int status) {
                        org.springframework.transaction.support.TransactionSynchronizationManager
                                .unbindResourceIfPossible(CorrelationStore.this);
                        if (status != STATUS_COMMITTED) {
                            synchronized (CorrelationStore.this) {
                                storedIdsGeneration = -1; // reload: the generation this filter saw was undone
                            }
                        }
                    }
                });
    }

    /** The current generation of the index (0: never written). */
    long generationUnscoped() {
        return generation();
    }

    /** Bumps the generation outside the import path (a backfill that completed). */
    void bumpGeneration() {
        jdbc.update("UPDATE observable_generation SET n = n + 1 WHERE id = 1");
        synchronized (this) {
            storedIdsGeneration = -1; // reload the filter next time
        }
    }

    /** True if the filter loaded at {@code storedIdsGeneration} is current for a reader seeing {@code generation}. */
    private boolean current(long generation) {
        if (generation == storedIdsGeneration) {
            return true;
        }
        Object bound = org.springframework.transaction.support.TransactionSynchronizationManager.getResource(this);
        return bound instanceof Bumped b && b.generation == generation && storedIdsGeneration == generation - 1;
    }

    private long generation() {
        Long n = jdbc.queryForObject("SELECT n FROM observable_generation WHERE id = 1", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * A Bloom filter (1 % false positives) of every stored value id, so that a value that is certainly not stored
     * costs no query (most values of a new feed). Reloaded when {@code observable_generation} shows a write this
     * process did not see (another process or node) or when it outgrew its capacity; a filter never misses a stored
     * id it was loaded or updated with, so answers stay exact.
     */
    private com.google.common.hash.BloomFilter<Long> storedIdsFilter() {
        long generation = generation();
        com.google.common.hash.BloomFilter<Long> filter = storedIds;
        if (filter != null && current(generation) && filter.approximateElementCount() < storedIdsCapacity) {
            return filter;
        }
        synchronized (this) {
            filter = storedIds;
            if (filter != null && current(generation) && filter.approximateElementCount() < storedIdsCapacity) {
                return filter;
            }
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM observable_value", Long.class);
            long capacity = Math.max(1_000_000L, 2 * (count == null ? 0 : count));
            com.google.common.hash.BloomFilter<Long> fresh = com.google.common.hash.BloomFilter.create(
                    com.google.common.hash.Funnels.longFunnel(), capacity, 0.01);
            jdbc.query("SELECT id FROM observable_value", rs -> {
                fresh.put(rs.getLong(1));
            });
            storedIdsCapacity = capacity;
            storedIdsGeneration = generation;
            storedIds = fresh;
            return fresh;
        }
    }

    /** A visible object holding a stored IP value inside a queried block. */
    record RangeHolderRow(ValueRow value, String stixId, String stixType) {}

    /**
     * What {@link #holdersWithin} found.
     *
     * @param rows (value, object) pairs once each, values in address order
     * @param cut  true if the scan stopped at its limit of visible rows (more may exist)
     */
    record Within(List<RangeHolderRow> rows, boolean cut) {}

    /**
     * Visible holders of stored IP values (addresses and blocks) strictly inside {@code range}, in address order. The
     * access policy is in the SQL before the limit: only versions the reader may see take places in the answer, and
     * the index scan stops once {@code limit} visible (value, version) rows are found — which values the reader sees
     * never depends on values it cannot see (decision 0015; until 2026-12-05 the first 20,000 stored values were taken
     * before the policy, so hidden values could push the reader's own out of the answer). The cost still grows with
     * the hidden values the scan passes (a timing residual, decision 0015).
     */
    Within holdersWithin(AccessScope scope, IpRange range, int limit) {
        List<Object> args = new ArrayList<>();
        String where = inside(range, range.prefix() + 1, "v.", args);
        args.add(limit);
        Map<String, RangeHolderRow> pairs = new LinkedHashMap<>();
        int[] rows = {0};
        // CROSS JOIN keeps SQLite on the (ip_net, ip_prefix) index, in its order, so the LIMIT ends the scan
        jdbc.query(
                "SELECT v.id, v.kind, v.value, ov.stix_id, ov.stix_type FROM observable_value v CROSS JOIN observable o"
                        + " CROSS JOIN object_version ov WHERE " + where + " AND o.value_id = v.id"
                        + " AND ov.seq = o.version_seq AND " + AccessPolicy.versionPredicate("ov", scope)
                        + " ORDER BY v.ip_net, v.ip_prefix LIMIT ?",
                rs -> {
                    rows[0]++;
                    long id = rs.getLong(1);
                    String stixId = rs.getString(4);
                    RangeHolderRow row = new RangeHolderRow(
                            new ValueRow(id, ObservableKind.ofCode(rs.getString(2)), rs.getString(3)),
                            stixId,
                            rs.getString(5));
                    pairs.putIfAbsent(id + " " + stixId, row);
                },
                args.toArray());
        return new Within(new ArrayList<>(pairs.values()), rows[0] >= limit);
    }

    /**
     * The stored values inside each of {@code ranges}; on PostgreSQL {@link #BLOCKS_PER_QUERY} blocks per statement (a
     * VALUES list joined LATERAL to a limited index range scan), so a batch pays one round trip per chunk.
     *
     * @return per block (same order as {@code ranges}), the stored values inside it, at most {@code limit} each
     */
    List<List<ValueRow>> withinEach(List<IpRange> ranges, int limit) {
        List<List<ValueRow>> out = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            out.add(new ArrayList<>());
        }
        int perQuery = postgres ? BLOCKS_PER_QUERY : 1;
        for (int from = 0; from < ranges.size(); from += perQuery) {
            int to = Math.min(ranges.size(), from + perQuery);
            if (to - from == 1) {
                int block = from;
                List<Object> args = new ArrayList<>();
                String where = inside(ranges.get(block), ranges.get(block).prefix(), "", args);
                args.add(limit);
                // only indexed columns (a covering read of the index): the value text follows from network and prefix
                jdbc.query(
                        "SELECT id, ip_net, ip_prefix FROM observable_value WHERE " + where + " LIMIT ?",
                        rs -> {
                            out.get(block).add(ipRow(rs.getLong(1), rs.getBytes(2), rs.getInt(3)));
                        },
                        args.toArray());
                continue;
            }
            // PostgreSQL: one statement per chunk, each block a LATERAL index range scan
            StringBuilder sql = new StringBuilder("SELECT b.i, v.id, v.ip_net, v.ip_prefix FROM (VALUES ");
            List<Object> args = new ArrayList<>();
            for (int i = from; i < to; i++) {
                IpRange range = ranges.get(i);
                sql.append(i == from ? "" : ", ").append("(?, ?::bytea, ?::bytea, ?)");
                args.add(i);
                args.add(range.network());
                args.add(range.last());
                args.add(range.prefix());
            }
            sql.append(") AS b(i, lo, hi, p) CROSS JOIN LATERAL (SELECT id, ip_net, ip_prefix FROM observable_value")
                    .append(" WHERE ip_net BETWEEN b.lo AND b.hi AND ip_prefix >= b.p LIMIT ?) v");
            args.add(limit);
            jdbc.query(
                    sql.toString(),
                    rs -> {
                        out.get(rs.getInt(1)).add(ipRow(rs.getLong(2), rs.getBytes(3), rs.getInt(4)));
                    },
                    args.toArray());
        }
        return out;
    }

    /** A stored IP value from its indexed columns (its text is the canonical form of the range). */
    private static ValueRow ipRow(long id, byte[] network, int prefix) {
        return new ValueRow(id, ObservableKind.IP, IpRange.of(network, prefix).canonical());
    }

    /**
     * Blocks per statement in {@link #withinEach} on PostgreSQL, where a round trip and planning dominate; SQLite
     * (in process) answers one block per statement faster (measured at 10 M values: 0.49 s vs 0.83 s per 10,000).
     */
    static final int BLOCKS_PER_QUERY = 500;

    /**
     * SQL selecting stored IP values inside {@code range} with a prefix of at least {@code fromPrefix}: a value is
     * inside a block iff its network lies between the block's first and last address and its prefix is not shorter
     * — one range scan of the index {@code (ip_net, ip_prefix)}; bind values added to {@code args}.
     */
    private static String inside(IpRange range, int fromPrefix, String alias, List<Object> args) {
        args.add(range.network());
        args.add(range.last());
        args.add(fromPrefix);
        return alias + "ip_net BETWEEN ? AND ? AND " + alias + "ip_prefix >= ?";
    }

    // -- objects holding values, through the access policy ------------------------------------------------------

    /**
     * Visible holders of each of {@code valueIds} in one statement (always executed, also for no ids), at most
     * {@code perValue} objects per value (window function; SQLite ≥ 3.25 and PostgreSQL alike).
     */
    Map<Long, List<HolderRow>> holdersOf(AccessScope scope, List<Long> valueIds, int perValue) {
        List<Object> args = new ArrayList<>(valueIds.isEmpty() ? List.of(Long.MIN_VALUE) : valueIds);
        String marks = marks(args.size());
        args.add(perValue);
        Map<Long, List<HolderRow>> out = new LinkedHashMap<>();
        jdbc.query(
                "SELECT value_id, seq, stix_id, stix_type FROM (SELECT o.value_id, MAX(ov.seq) AS seq, ov.stix_id,"
                        + " MIN(ov.stix_type) AS stix_type, ROW_NUMBER() OVER (PARTITION BY o.value_id ORDER BY"
                        + " ov.stix_id) AS rn FROM observable o JOIN object_version ov ON ov.seq = o.version_seq"
                        + " WHERE o.value_id IN (" + marks + ") AND " + AccessPolicy.versionPredicate("ov", scope)
                        + " GROUP BY o.value_id, ov.stix_id) h WHERE rn <= ? ORDER BY value_id, stix_id",
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new HolderRow(rs.getLong(2), rs.getString(3), rs.getString(4)));
                },
                args.toArray());
        return out;
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
                        + " WHERE " + org.jcu.stix.VersionIdHash.equalsSql("ov") + " AND "
                        + AccessPolicy.versionPredicate("ov", scope) + " ORDER BY v.kind, v.value",
                (rs, n) -> new ObjectValueRow(
                        new ValueRow(rs.getLong(1), ObservableKind.ofCode(rs.getString(2)), rs.getString(3)),
                        rs.getString(4)),
                org.jcu.stix.VersionIdHash.args(stixId));
    }

    /** The kinds of the values held by the visible versions of each of {@code stixIds} (none: absent). */
    java.util.Map<String, java.util.Set<ObservableKind>> kindsOf(
            AccessScope scope, java.util.Collection<String> stixIds) {
        java.util.Map<String, java.util.Set<ObservableKind>> out = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(stixIds);
        for (int from = 0; from < all.size(); from += ID_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + ID_CHUNK));
            jdbc.query(
                    "SELECT DISTINCT ov.stix_id, v.kind FROM object_version ov"
                            + " JOIN observable o ON o.version_seq = ov.seq JOIN observable_value v ON v.id = o.value_id"
                            + " WHERE " + org.jcu.stix.VersionIdHash.inSql("ov", chunk.size()) + " AND "
                            + AccessPolicy.versionPredicate("ov", scope),
                    rs -> {
                        out.computeIfAbsent(rs.getString(1), id -> java.util.EnumSet.noneOf(ObservableKind.class))
                                .add(ObservableKind.ofCode(rs.getString(2)));
                    },
                    org.jcu.stix.VersionIdHash.args(chunk).toArray());
        }
        return out;
    }

    /** True if {@code scope} may see some version of {@code stixId}. */
    boolean visible(AccessScope scope, String stixId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM object_version ov WHERE " + org.jcu.stix.VersionIdHash.equalsSql("ov") + " AND "
                                + AccessPolicy.versionPredicate("ov", scope) + " LIMIT 1",
                        Integer.class,
                        org.jcu.stix.VersionIdHash.args(stixId))
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
