package org.jcu.intel;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jcu.stix.VersionIdHash;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SQLite's import path: a Bloom filter (1 % false positives) of the id keys ({@link VersionIdHash}, decision 0020) of
 * every stored version, so that the ids
 * of a new feed, which are certainly not stored, cost no index probe (decision 0018; measured: the per-batch probe of
 * 250 new ids was 5 µs of the ~28 µs of SQLite work per imported object).
 *
 * <p>Exactness: the filter answers "maybe stored" for every stored id, so the import still reads every version it
 * must judge (owner, conflicts, holdings); a false positive only costs the probe it would have made anyway. It relies
 * on SQLite's single writer and on versions never being deleted: positions ({@code seq}) grow in commit order, so
 * after the writer lock is taken the filter catches up by reading the versions above the last position it covers.
 * A table found shorter than that position, or whose row at that position holds another id (a store emptied and
 * refilled, as tests do), is read again in full. Deleting versions is not something jcu does; a store whose versions
 * are deleted and rewritten by other means while a jcu process runs could keep an id at the covered position and
 * lose others below it, so such surgery needs the running processes restarted. Rows added by a transaction that rolls
 * back stay in the filter as false positives. PostgreSQL does not use it (positions come from a sequence shared by
 * concurrent writers).
 *
 * <p>Cost control: building the filter reads every stored key once (the covering unique index), so a process builds it
 * only when it has probed at least an eighth as many ids as are stored (at once for a new or small store; never for
 * a short import into a large one).
 *
 * <p>Thread-safety: synchronised; used under the store's writer lock.
 */
final class StoredIdFilter {

    static final double FALSE_POSITIVES = 0.01;
    static final long MIN_CAPACITY = 1_000_000;
    /** Build once this process has probed at least (stored versions / BUILD_RATIO) ids. */
    static final long BUILD_RATIO = 8;

    private final JdbcTemplate jdbc;

    private @Nullable BloomFilter<Long> filter;
    private long capacity;
    /** Every committed version at or below this position is in the filter. */
    private long coveredSeq;
    /** The id key stored at {@link #coveredSeq} when it was covered (detects a store emptied and refilled). */
    private long coveredId;
    /** Ids probed without a filter so far (the build decision). */
    private long probedWithout;

    StoredIdFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What one writing transaction added: its last position and id key, applied to the filter's coverage on commit. */
    private static final class Pending {
        long lastSeq = -1;
        long lastId;
    }

    /**
     * The subset of {@code ids} (id → {@link VersionIdHash key}) that may be stored (every stored one among them).
     * Inside a transaction that holds the writer lock; without one (or before the filter is worth building) returns
     * every id.
     */
    synchronized Collection<String> candidates(Map<String, Long> ids) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return ids.keySet(); // no writer lock held: a catch-up could miss a commit made before our inserts
        }
        if (!TransactionSynchronizationManager.hasResource(this)) {
            catchUp();
            Pending pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StoredIdFilter.this);
                    if (status == STATUS_COMMITTED) {
                        committed(pending);
                    }
                }
            });
        }
        BloomFilter<Long> current = filter;
        if (current == null) {
            probedWithout += ids.size();
            return ids.keySet();
        }
        List<String> maybe = new ArrayList<>();
        for (Map.Entry<String, Long> id : ids.entrySet()) {
            if (current.mightContain(id.getValue())) {
                maybe.add(id.getKey());
            }
        }
        return maybe;
    }

    /**
     * Records versions this transaction inserted, by id key in position order ({@code lastSeq} is the greatest). Must
     * follow the insert, inside the same transaction.
     */
    synchronized void added(long[] idKeys, long lastSeq) {
        BloomFilter<Long> current = filter;
        if (current != null) {
            for (long key : idKeys) {
                current.put(key);
            }
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound instanceof Pending pending && idKeys.length > 0 && lastSeq > pending.lastSeq) {
            pending.lastSeq = lastSeq;
            pending.lastId = idKeys[idKeys.length - 1];
        }
    }

    private synchronized void committed(Pending pending) {
        if (filter != null && pending.lastSeq > coveredSeq) {
            coveredSeq = pending.lastSeq;
            coveredId = pending.lastId;
        }
    }

    /** Brings the filter up to the committed store (called once per writing transaction, under the writer lock). */
    private void catchUp() {
        Long maxSeq = jdbc.queryForObject("SELECT MAX(seq) FROM object_version", Long.class);
        long max = maxSeq == null ? 0 : maxSeq;
        if (filter != null && (max < coveredSeq || !stillAt(coveredSeq, coveredId))) {
            filter = null; // the store was emptied or rewritten: read it again
        }
        if (filter != null && filter.approximateElementCount() > capacity) {
            build(max); // outgrew its capacity: rebuild larger to keep the false-positive rate
            return;
        }
        if (filter == null) {
            if (probedWithout * BUILD_RATIO < max) {
                return;
            }
            build(max);
            return;
        }
        if (max > coveredSeq) {
            BloomFilter<Long> current = filter;
            long[] last = {coveredId};
            jdbc.query(
                    "SELECT id_hash FROM object_version WHERE seq > ? ORDER BY seq",
                    rs -> {
                        long id = rs.getLong(1);
                        current.put(id);
                        last[0] = id;
                    },
                    coveredSeq);
            coveredSeq = max;
            coveredId = last[0];
        }
    }

    private boolean stillAt(long seq, long id) {
        if (seq == 0) {
            return true;
        }
        List<Long> at = jdbc.queryForList("SELECT id_hash FROM object_version WHERE seq = ?", Long.class, seq);
        return !at.isEmpty() && at.get(0) == id;
    }

    private void build(long max) {
        long expected = Math.max(MIN_CAPACITY, max + max / 2);
        BloomFilter<Long> fresh = BloomFilter.create(Funnels.longFunnel(), expected, FALSE_POSITIVES);
        jdbc.query("SELECT id_hash FROM object_version", rs -> {
            fresh.put(rs.getLong(1));
        });
        List<Long> at = max == 0
                ? List.of()
                : jdbc.queryForList("SELECT id_hash FROM object_version WHERE seq = ?", Long.class, max);
        filter = fresh;
        capacity = expected;
        coveredSeq = max;
        coveredId = at.isEmpty() ? 0 : at.get(0);
        probedWithout = 0;
    }
}
