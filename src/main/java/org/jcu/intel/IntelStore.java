package org.jcu.intel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcu.sharing.AccessPolicy;
import org.jcu.sharing.AccessScope;
import org.jcu.stix.VersionIdHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * SQL of the intelligence store, in the SQLite ∩ PostgreSQL subset. Writes come in batches; every read takes an
 * {@link AccessScope} and appends {@link AccessPolicy#versionPredicate}; methods named {@code …Unscoped} serve the
 * import pipeline only.
 *
 * <p>Thread-safety: stateless; callers provide transactions.
 */
@Repository
class IntelStore {

    static final int IN_CHUNK = 500;
    /** Advisory lock key of the intelligence store's writers (PostgreSQL). */
    static final long WRITER_LOCK = 0x6a6375L;
    /** Rows per multi-row insert (PostgreSQL): 13,000 parameters, well under the protocol's 65,535. */
    static final int INSERT_CHUNK = 1000;

    private static final String VERSION_COLUMNS =
            "v.seq, v.stix_id, v.version_key, v.stix_type, v.spec_version, v.modified, v.created, v.revoked,"
                    + " v.content, v.date_added";

    private static final RowMapper<StoredVersion> VERSION_ROW = (rs, n) -> new StoredVersion(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getBoolean(8),
            rs.getString(9),
            rs.getString(10));

    /** SQLite's default {@code wal_autocheckpoint}, restored after an import deferred it. */
    static final int AUTOCHECKPOINT_PAGES = 1000;

    /** The pool's {@code cache_size} (application.properties: 128 MiB), restored if it could not be read. */
    static final int POOL_CACHE_SIZE = -1024 * org.jcu.platform.JcuProperties.POOL_CACHE_MIB;

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final StoredIdFilter storedIds;

    /** SQLite {@code cache_size} of a large import's connection: negative, KiB (see {@link #prepareLargeImport}). */
    private final int importCacheSize;

    private final org.jcu.platform.StoreMaintenance maintenance;

    IntelStore(
            JdbcTemplate jdbc,
            org.jcu.platform.JcuProperties properties,
            org.jcu.platform.StoreMaintenance maintenance) {
        this.jdbc = jdbc;
        this.maintenance = maintenance;
        this.importCacheSize = -1024 * properties.effectiveImportCacheMib();
        this.postgres = org.jcu.platform.Databases.isPostgres(jdbc);
        this.storedIds = new StoredIdFilter(jdbc);
    }

    /**
     * Serialises writers so that insertion positions and {@code date_added} commit in order (TAXII pollers must never
     * see a lower position appear after a higher one). SQLite: its write lock, taken at transaction start
     * ({@code transaction_mode=IMMEDIATE}); PostgreSQL: a transaction-scoped advisory lock shared by every node.
     */
    void lockWriters() {
        if (postgres) {
            jdbc.query("SELECT pg_advisory_xact_lock(" + WRITER_LOCK + ")", rs -> {});
        }
    }

    /**
     * SQLite: settings for a large import's transaction (decisions 0018, 0019), restored on its connection when the
     * transaction completes, committed or not. PostgreSQL, or no actual transaction: nothing.
     *
     * <ul>
     *   <li>The commit does not checkpoint the write-ahead log in the caller's thread; the checkpoint runs on a
     *       background thread after the transaction ends. A large import's commit otherwise copies every page it
     *       wrote from the WAL into the database file before returning (measured: 8 µs of the 49 µs per imported
     *       object in {@code bench/write-floor.sh}). The commit is as durable as any commit under the store's
     *       {@code synchronous=NORMAL} (SQLite syncs the WAL at the checkpoint, which follows within seconds; an
     *       application crash loses nothing, a power loss before the checkpoint may, as for any NORMAL commit).
     *       Readers find committed pages in the WAL, and SQLite checkpoints on its own when the last connection
     *       closes. ({@code synchronous} itself cannot change inside a transaction.)</li>
     *   <li>The connection's page cache grows to {@code jcu.import-cache-mib} (default 2 GiB, at most a quarter of
     *       the physical memory) for the import: new values and ids land at random points of the value,
     *       value-to-object and id B-trees, and a cache smaller than those trees sends each such insert to the
     *       operating system for a page it wrote shortly before (measured at 10 M observables: store phase 4,168 →
     *       6,267 indicators/s, ingest 17,080 → 20,328/s with 2 GiB; 1 GiB helped the store phase only;
     *       docs/BENCHMARKS.md). SQLite allocates cache pages only as they are used and frees the excess when the
     *       size is restored.</li>
     * </ul>
     */
    void prepareLargeImport() {
        if (postgres
                || !org.springframework.transaction.support.TransactionSynchronizationManager
                        .isActualTransactionActive()) {
            return;
        }
        Integer autocheckpoint = jdbc.queryForObject("PRAGMA wal_autocheckpoint", Integer.class);
        Integer cacheSize = jdbc.queryForObject("PRAGMA cache_size", Integer.class);
        // the restore is registered first, so that it also runs if a change below fails half-way
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        try {
                            // still on the transaction's connection: give its next user the settings it had
                            jdbc.execute("PRAGMA wal_autocheckpoint = "
                                    + (autocheckpoint == null ? AUTOCHECKPOINT_PAGES : autocheckpoint));
                        } finally {
                            restoreCacheAndCheckpoint(cacheSize);
                        }
                    }
                });
        jdbc.execute("PRAGMA wal_autocheckpoint = 0");
        jdbc.execute("PRAGMA cache_size = " + importCacheSize);
    }

    /** The second half of a large import's restore: the pool's cache size, then the background checkpoint. */
    private void restoreCacheAndCheckpoint(@org.jspecify.annotations.Nullable Integer cacheSize) {
        try {
            jdbc.execute("PRAGMA cache_size = " + (cacheSize == null ? POOL_CACHE_SIZE : cacheSize));
        } finally {
            maintenance.checkpointInBackground();
        }
    }

    /**
     * Refreshes planner statistics after a large write (the one dialect difference here): PostgreSQL plans the
     * correlated "latest visible version" subqueries as scans of whole tables until it has statistics; SQLite gets
     * {@code PRAGMA optimize}, its recommended cheap form.
     */
    void refreshStatistics() {
        jdbc.execute(postgres ? "ANALYZE object_version, holding, object_ref" : "PRAGMA optimize");
    }

    /** A stored version as the import pipeline sees it. */
    record StoredRef(long seq, String hash) {}

    /**
     * What the store knows of one id, for the import pipeline.
     *
     * @param ownerOrg  the owning organisation
     * @param versions  seq and content hash per stored version key
     * @param heldByOrg version keys the importing organisation already holds
     */
    record Known(String ownerOrg, Map<String, StoredRef> versions, Set<String> heldByOrg) {}

    /**
     * What a probe found: the stored versions of the ids asked for, and the index keys ({@code idHash + " " +
     * versionKey}) that other ids sharing one of their {@link VersionIdHash} keys already hold, so a version with such a
     * key cannot be stored (decision 0020).
     */
    record Probe(Map<String, Known> known, Set<String> takenKeys) {}

    /**
     * Stored versions of {@code ids} (id → its {@link VersionIdHash} key, computed by the caller's workers), with their
     * owner and whether {@code orgId} holds each, and the keys other ids hold; one query per chunk of the ids that may
     * be stored (SQLite skips ids its {@link StoredIdFilter} knows to be new).
     */
    Probe knownUnscoped(Map<String, Long> ids, String orgId) {
        Map<String, Known> out = new HashMap<>();
        Set<String> taken = new HashSet<>();
        Collection<String> probed = postgres ? ids.keySet() : storedIds.candidates(ids);
        forChunks(probed, (chunk, marks) -> {
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(orgId);
            chunk.forEach(id -> args.add(ids.get(id)));
            // by key only: the rows of other ids that share a key are wanted too (their keys are taken)
            jdbc.query(
                    """
                    SELECT v.seq, v.stix_id, v.version_key, v.content_hash, v.owner_org,
                      (SELECT COUNT(*) FROM holding h WHERE h.version_seq = v.seq AND h.org_id = ?), v.id_hash
                    FROM object_version v WHERE v.id_hash IN (""" + marks + ")",
                    rs -> {
                        if (!ids.containsKey(rs.getString(2))) {
                            taken.add(rs.getLong(7) + " " + rs.getString(3));
                            return;
                        }
                        String owner = rs.getString(5);
                        Known known = out.computeIfAbsent(
                                rs.getString(2), id -> new Known(owner, new HashMap<>(), new HashSet<>()));
                        known.versions().put(rs.getString(3), new StoredRef(rs.getLong(1), rs.getString(4)));
                        if (rs.getInt(6) > 0) {
                            known.heldByOrg().add(rs.getString(3));
                        }
                    },
                    args.toArray());
        });
        return new Probe(out, taken);
    }

    /** A new object version ready to insert; {@code idHash} is {@code VersionIdHash.of(id)}. */
    record NewVersion(
            String id,
            String versionKey,
            String type,
            String ownerOrg,
            String specVersion,
            String modified,
            String created,
            boolean revoked,
            String upgradedFrom,
            String contentHash,
            String content,
            long idHash) {}

    /**
     * A holding ready to insert.
     *
     * @param tlp          stored label, e.g. {@code TLP:AMBER}
     * @param pap          stored label or null
     * @param distribution {@link org.jcu.sharing.Distribution} name
     */
    record NewHolding(
            long versionSeq,
            String orgId,
            String receivedAt,
            String source,
            String markings,
            String tlp,
            String pap,
            String distribution) {}

    /** A {@code holding_target} row. */
    record NewTarget(long versionSeq, String orgId, String kind, String targetId) {}

    /** A reference row. */
    record NewRef(long versionSeq, String refName, String targetId) {}

    /**
     * Inserts versions and returns the assigned {@code seq} of each, keyed {@code id + " " + versionKey}.
     *
     * <p>The one dialect difference on the write path. SQLite: the caller's transaction holds the database's single
     * write lock from its start ({@code transaction_mode=IMMEDIATE}), so positions are allocated as
     * {@code MAX(seq) + 1…} and written with a reused prepared statement in a JDBC batch (half the cost of a
     * multi-row statement with {@code RETURNING}, measured). PostgreSQL: several writers may run at once, so the
     * sequence assigns positions, read back with a multi-row {@code INSERT … RETURNING}.
     */
    Map<String, Long> insertVersions(List<NewVersion> rows, String dateAdded) {
        return postgres ? insertVersionsReturning(rows, dateAdded) : insertVersionsNumbered(rows, dateAdded);
    }

    private Map<String, Long> insertVersionsNumbered(List<NewVersion> rows, String dateAdded) {
        long first = lastPosition() + 1;
        Map<String, Long> seqs = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            seqs.put(rows.get(i).id() + " " + rows.get(i).versionKey(), first + i);
        }
        jdbc.batchUpdate("""
                INSERT INTO object_version (seq, stix_id, version_key, stix_type, owner_org, spec_version, modified,
                    created, revoked, upgraded_from, content_hash, content, date_added, id_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, v) -> {
            ps.setLong(1, seqs.get(v.id() + " " + v.versionKey()));
            ps.setString(2, v.id());
            ps.setString(3, v.versionKey());
            ps.setString(4, v.type());
            ps.setString(5, v.ownerOrg());
            ps.setString(6, v.specVersion());
            ps.setString(7, v.modified());
            ps.setString(8, v.created());
            ps.setBoolean(9, v.revoked());
            ps.setString(10, v.upgradedFrom());
            ps.setString(11, v.contentHash());
            ps.setString(12, v.content());
            ps.setString(13, dateAdded);
            ps.setLong(14, v.idHash());
        });
        storedIds.added(rows.stream().mapToLong(NewVersion::idHash).toArray(), first + rows.size() - 1);
        return seqs;
    }

    private Map<String, Long> insertVersionsReturning(List<NewVersion> rows, String dateAdded) {
        Map<String, Long> seqs = new HashMap<>(rows.size() * 2);
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            List<NewVersion> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO object_version (stix_id, version_key, stix_type, owner_org, spec_version, modified,
                        created, revoked, upgraded_from, content_hash, content, date_added, id_hash) VALUES """);
            List<Object> args = new ArrayList<>(chunk.size() * 12);
            for (int i = 0; i < chunk.size(); i++) {
                NewVersion v = chunk.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                args.add(v.id());
                args.add(v.versionKey());
                args.add(v.type());
                args.add(v.ownerOrg());
                args.add(v.specVersion());
                args.add(v.modified());
                args.add(v.created());
                args.add(v.revoked());
                args.add(v.upgradedFrom());
                args.add(v.contentHash());
                args.add(v.content());
                args.add(dateAdded);
                args.add(v.idHash());
            }
            sql.append(" RETURNING seq, stix_id, version_key");
            jdbc.query(
                    sql.toString(),
                    rs -> {
                        seqs.put(rs.getString(2) + " " + rs.getString(3), rs.getLong(1));
                    },
                    args.toArray());
        }
        return seqs;
    }

    void insertHoldings(List<NewHolding> rows) {
        jdbc.batchUpdate("""
                INSERT INTO holding (version_seq, org_id, received_at, source, markings, tlp, pap, distribution)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, h) -> {
            ps.setLong(1, h.versionSeq());
            ps.setString(2, h.orgId());
            ps.setString(3, h.receivedAt());
            ps.setString(4, h.source());
            ps.setString(5, h.markings());
            ps.setString(6, h.tlp());
            ps.setString(7, h.pap());
            ps.setString(8, h.distribution());
        });
    }

    void insertTargets(List<NewTarget> rows) {
        jdbc.batchUpdate(
                "INSERT INTO holding_target (version_seq, org_id, kind, target_id) VALUES (?, ?, ?, ?)",
                rows,
                rows.size(),
                (ps, t) -> {
                    ps.setLong(1, t.versionSeq());
                    ps.setString(2, t.orgId());
                    ps.setString(3, t.kind());
                    ps.setString(4, t.targetId());
                });
    }

    /**
     * The content of the latest version of a marking definition that {@code orgId} itself holds, for classifying
     * custom markings. Only the submitter's own definitions count: another organisation's definition of the same id
     * must never decide how the submitter's objects are shared.
     */
    java.util.Optional<String> markingDefinitionHeldBy(String id, String orgId) {
        return jdbc
                .query(
                        "SELECT v.content FROM object_version v JOIN holding h ON h.version_seq = v.seq WHERE "
                                + VersionIdHash.equalsSql("v")
                                + " AND h.org_id = ? ORDER BY v.version_key DESC LIMIT 1",
                        (rs, n) -> rs.getString(1),
                        VersionIdHash.of(id),
                        id,
                        orgId)
                .stream()
                .findFirst();
    }

    /** Seqs of all stored versions of {@code ids}. */
    List<Long> versionSeqsUnscoped(Collection<String> ids) {
        List<Long> out = new ArrayList<>();
        forChunks(
                ids,
                (chunk, marks) -> out.addAll(jdbc.queryForList(
                        "SELECT v.seq FROM object_version v WHERE " + VersionIdHash.inSql("v", chunk.size()),
                        Long.class,
                        VersionIdHash.args(chunk).toArray())));
        return out;
    }

    /** Version seqs of {@code orgId}'s holdings whose stored marking refs mention {@code markingId}. */
    List<Long> holdingsMarkedUnscoped(String orgId, String markingId) {
        return jdbc.queryForList(
                "SELECT version_seq FROM holding WHERE org_id = ? AND markings LIKE ?",
                Long.class,
                orgId,
                "%\"" + markingId + "\"%");
    }

    /** The TLP and PAP labels of one holding. */
    String[] holdingMarkingsUnscoped(long versionSeq, String orgId) {
        return jdbc.queryForObject(
                "SELECT tlp, pap FROM holding WHERE version_seq = ? AND org_id = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
                versionSeq,
                orgId);
    }

    /** Sets the TLP/PAP labels of one holding. */
    void updateHoldingMarkings(long versionSeq, String orgId, String tlp, String pap) {
        jdbc.update(
                "UPDATE holding SET tlp = ?, pap = ? WHERE version_seq = ? AND org_id = ?",
                tlp,
                pap,
                versionSeq,
                orgId);
    }

    void insertRefs(List<NewRef> rows) {
        jdbc.batchUpdate(
                "INSERT INTO object_ref (version_seq, ref_name, target_id) VALUES (?, ?, ?)",
                rows,
                rows.size(),
                (ps, r) -> {
                    ps.setLong(1, r.versionSeq());
                    ps.setString(2, r.refName());
                    ps.setString(3, r.targetId());
                });
    }

    /**
     * Moves versions to new delivery positions after every existing one, with {@code date_added = now}, so that
     * readers whose audience just grew receive them after this moment (decision 0007, 4b). The caller's transaction
     * holds the writer lock.
     *
     * @param selection SQL selecting {@code version_seq} values (bound with {@code args})
     * @return number of versions moved
     */
    int announce(String selection, List<Object> args, String now) {
        return announceSeqs(
                jdbc.queryForList(
                        "SELECT DISTINCT version_seq FROM (" + selection + ") s ORDER BY 1",
                        Long.class,
                        args.toArray()),
                now);
    }

    /** The greatest position given so far, to versions or announcements (SQLite numbering; both are indexed). */
    private long lastPosition() {
        Long max = jdbc.queryForObject(
                "SELECT MAX(m) FROM (SELECT COALESCE(MAX(seq), 0) AS m FROM object_version"
                        + " UNION ALL SELECT COALESCE(MAX(pos), 0) FROM announcement) positions",
                Long.class);
        return max == null ? 0 : max;
    }

    /** {@link #announce} for known version seqs (a release: another organisation now holds them). */
    int announceSeqs(List<Long> seqs, String now) {
        if (seqs.isEmpty()) {
            return 0;
        }
        forChunks(
                seqs.stream().map(String::valueOf).toList(),
                (chunk, marks) -> jdbc.update(
                        "DELETE FROM announcement WHERE version_seq IN (" + marks + ")",
                        chunk.stream().map(Long::parseLong).toArray()));
        if (postgres) {
            forChunks(seqs.stream().map(String::valueOf).toList(), (chunk, marks) -> {
                List<Object> params = new ArrayList<>();
                params.add(now);
                chunk.forEach(seq -> params.add(Long.parseLong(seq)));
                jdbc.update(
                        "INSERT INTO announcement (pos, version_seq, announced_at)"
                                + " SELECT nextval('object_version_seq_seq'), seq, ? FROM object_version"
                                + " WHERE seq IN (" + marks + ") ORDER BY seq",
                        params.toArray());
            });
        } else {
            long next = lastPosition() + 1;
            List<Object[]> rows = new ArrayList<>(seqs.size());
            for (Long seq : seqs) {
                rows.add(new Object[] {next++, seq, now});
            }
            jdbc.batchUpdate("INSERT INTO announcement (pos, version_seq, announced_at) VALUES (?, ?, ?)", rows);
        }
        return seqs.size();
    }

    /**
     * For each of {@code versionSeqs}: the TLP labels of the holdings of organisations other than the reader that
     * grant {@code scope} (how the reader received each version from others; absent if only through its own).
     */
    Map<Long, List<String>> grantedByOthers(AccessScope scope, Collection<Long> versionSeqs) {
        Map<Long, List<String>> out = new HashMap<>();
        forChunks(
                versionSeqs.stream().map(String::valueOf).toList(),
                (chunk, marks) -> jdbc.query(
                        "SELECT h.version_seq, h.tlp FROM holding h WHERE h.version_seq IN (" + marks
                                + ") AND h.org_id <> ?" + " AND (" + AccessPolicy.holdingPredicate("h", scope) + ")",
                        rs -> {
                            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                    .add(rs.getString(2));
                        },
                        concat(chunk.stream().map(Long::parseLong).toList(), scope.orgId())));
        return out;
    }

    private static Object[] concat(List<?> values, Object last) {
        List<Object> all = new ArrayList<>(values);
        all.add(last);
        return all.toArray();
    }

    /**
     * How {@code scope} holds one version: the TLP, PAP and distribution of every holding that grants it, the reader's
     * own holding marked {@code own} (the distribution of other organisations' holdings is theirs and not returned).
     */
    List<Map<String, Object>> handling(AccessScope scope, String stixId, String versionKey) {
        return jdbc.query(
                "SELECT h.org_id, h.tlp, h.pap, h.distribution, h.received_at FROM holding h"
                        + " JOIN object_version v ON v.seq = h.version_seq WHERE " + VersionIdHash.equalsSql("v")
                        + " AND v.version_key = ?"
                        + " AND (" + AccessPolicy.holdingPredicate("h", scope) + ") ORDER BY h.received_at",
                (rs, n) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    boolean own = rs.getString(1).equals(scope.orgId());
                    row.put("own", own);
                    row.put("tlp", rs.getString(2));
                    row.put("pap", rs.getString(3));
                    if (own) {
                        row.put("distribution", rs.getString(4));
                    }
                    row.put("received_at", rs.getString(5));
                    return row;
                },
                VersionIdHash.of(stixId),
                stixId,
                versionKey);
    }

    /** A stored version's position and content, for system jobs. */
    record StoredContent(long seq, String content) {}

    /** Versions after {@code afterSeq} in insertion order, at most {@code limit} (system jobs only: no scope). */
    List<StoredContent> contentAfterUnscoped(long afterSeq, int limit) {
        return jdbc.query(
                "SELECT seq, content FROM object_version WHERE seq > ? ORDER BY seq LIMIT ?",
                (rs, n) -> new StoredContent(rs.getLong(1), rs.getString(2)),
                afterSeq,
                limit);
    }

    /** The owners of {@code stixIds}: id → owner, for the ids {@code scope} may see a version of. */
    Map<String, String> ownersOf(AccessScope scope, Collection<String> stixIds) {
        Map<String, String> out = new HashMap<>();
        forChunks(
                stixIds,
                (chunk, marks) -> jdbc.query(
                        "SELECT DISTINCT v.stix_id, v.owner_org FROM object_version v WHERE "
                                + VersionIdHash.inSql("v", chunk.size()) + " AND "
                                + AccessPolicy.versionPredicate("v", scope),
                        rs -> {
                            out.put(rs.getString(1), rs.getString(2));
                        },
                        VersionIdHash.args(chunk).toArray()));
        return out;
    }

    /** Which of {@code ids} have at least one version visible to {@code scope}. */
    Set<String> visibleIds(AccessScope scope, Collection<String> ids) {
        Set<String> out = new HashSet<>();
        forChunks(
                ids,
                (chunk, marks) -> out.addAll(jdbc.queryForList(
                        "SELECT DISTINCT v.stix_id FROM object_version v WHERE "
                                + VersionIdHash.inSql("v", chunk.size()) + " AND "
                                + AccessPolicy.versionPredicate("v", scope),
                        String.class,
                        VersionIdHash.args(chunk).toArray())));
        return out;
    }

    /** Filter of a version listing; null or empty members do not filter. */
    record VersionFilter(
            List<String> types,
            List<String> ids,
            List<String> specVersions,
            String addedAfter,
            VersionSelector versions,
            long afterSeq) {}

    /**
     * Versions visible to {@code scope} matching {@code filter}, ordered by insertion position, at most
     * {@code limit} rows.
     */
    List<StoredVersion> listVersions(AccessScope scope, VersionFilter filter, int limit) {
        StringBuilder conditions = new StringBuilder(" AND ").append(AccessPolicy.versionPredicate("v", scope));
        List<Object> args = new ArrayList<>();
        in(conditions, args, "v.stix_type", filter.types());
        if (filter.ids() != null && !filter.ids().isEmpty()) {
            conditions
                    .append(" AND ")
                    .append(VersionIdHash.inSql("v", filter.ids().size()));
            args.addAll(VersionIdHash.args(filter.ids()));
        }
        in(conditions, args, "v.spec_version", filter.specVersions());
        if (filter.addedAfter() != null) {
            conditions.append(" AND " + ADDED + " > ?");
            args.add(filter.addedAfter());
        }
        VersionSelector versions = filter.versions();
        if (versions != null && !versions.all()) {
            List<String> alternatives = new ArrayList<>();
            if (versions.last()) {
                alternatives.add(latestVisible(scope));
            }
            if (versions.first()) {
                alternatives.add("v.version_key = (SELECT MIN(w.version_key) FROM object_version w"
                        + " WHERE w.id_hash = v.id_hash AND w.stix_id = v.stix_id AND "
                        + AccessPolicy.versionPredicate("w", scope) + ")");
            }
            if (!versions.keys().isEmpty()) {
                alternatives.add("v.version_key IN (" + marks(versions.keys().size()) + ")");
                // a versionless object's version (and a variant of one, '~' key, decision 0010) is its date_added
                alternatives.add("((v.version_key = '' OR v.version_key LIKE '~%') AND " + ADDED + " IN ("
                        + marks(versions.keys().size()) + "))");
            }
            conditions
                    .append(" AND (")
                    .append(String.join(" OR ", alternatives))
                    .append(')');
            args.addAll(versions.keys());
            args.addAll(versions.dateAddedKeys());
        }
        String sql = listingSql(conditions.toString());
        List<Object> all = new ArrayList<>();
        for (int branch = 0; branch < 2; branch++) {
            all.add(filter.afterSeq());
            all.addAll(args);
            all.add(limit);
        }
        all.add(limit);
        return jdbc.query(sql, VERSION_ROW, all.toArray());
    }

    /** Placeholder for a version's delivery date in listing conditions (its own, or its announcement's). */
    private static final String ADDED = "{added}";

    /**
     * The SQL of {@link #listVersions}: versions at their insertion position, and versions announced again at their new
     * position (decision 0008); each branch is an index range scan in position order, merged and cut to the page.
     * Parameters: after, the conditions' arguments, limit — twice — then limit. {@code CROSS JOIN} makes SQLite always
     * walk the announcements first (few) instead of every version of a filtered type, probing each for an announcement
     * (measured: 1.2 s per page of indicators in a 200,000-version store, 6 s at 1,000,000); PostgreSQL plans it as
     * a plain join.
     *
     * @param conditions {@code AND …} terms on {@code v}, with {@link #ADDED} for the delivery date
     */
    static String listingSql(String conditions) {
        String columns = "v.stix_id, v.version_key, v.stix_type, v.spec_version, v.modified, v.created, v.revoked,"
                + " v.content";
        String inserted = "SELECT v.seq AS pos, " + columns + ", v.date_added AS added FROM object_version v"
                + " WHERE v.seq > ? AND NOT EXISTS (SELECT 1 FROM announcement a0 WHERE a0.version_seq = v.seq)"
                + conditions.replace(ADDED, "v.date_added") + " ORDER BY v.seq LIMIT ?";
        String announced = "SELECT a.pos AS pos, " + columns + ", a.announced_at AS added FROM announcement a"
                + " CROSS JOIN object_version v WHERE v.seq = a.version_seq AND a.pos > ?"
                + conditions.replace(ADDED, "a.announced_at") + " ORDER BY a.pos LIMIT ?";
        return "SELECT * FROM (SELECT * FROM (" + inserted + ") b1 UNION ALL SELECT * FROM (" + announced
                + ") b2) x ORDER BY x.pos LIMIT ?";
    }

    /** Number of latest versions per type visible to {@code scope}. */
    Map<String, Long> countLatestByType(AccessScope scope) {
        Map<String, Long> out = new java.util.TreeMap<>();
        String sql = "SELECT v.stix_type, COUNT(*) FROM object_version v WHERE " + latestVisible(scope)
                + " GROUP BY v.stix_type";
        jdbc.query(sql, rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        });
        return out;
    }

    /** Total number of stored versions visible to {@code scope}. */
    long countVersions(AccessScope scope) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM object_version v WHERE " + AccessPolicy.versionPredicate("v", scope), Long.class);
        return count == null ? 0 : count;
    }

    /** Ids whose relationship/sighting refs point at {@code targetId}, visible to {@code scope}. */
    List<StoredVersion> referencing(AccessScope scope, String targetId, int limit) {
        return jdbc.query(
                "SELECT " + VERSION_COLUMNS + """
                 FROM object_ref r JOIN object_version v ON v.seq = r.version_seq
                WHERE r.target_id = ? AND """ + " " + latestVisible(scope) + " ORDER BY v.seq LIMIT ?",
                VERSION_ROW,
                targetId,
                limit);
    }

    /**
     * {@link #referencingBy} for several targets in one query per chunk: target id → its referencing versions, newest
     * insertion first, at most {@code limit} per target; targets without any are absent.
     */
    Map<String, List<StoredVersion>> referencingByAll(
            AccessScope scope, Collection<String> targetIds, String refName, int limit) {
        Map<String, List<StoredVersion>> out = new HashMap<>();
        forChunks(targetIds, (chunk, marks) -> {
            List<Object> args = new ArrayList<>(chunk);
            args.add(refName);
            args.add(limit);
            jdbc.query(
                    "SELECT * FROM (SELECT " + VERSION_COLUMNS + ", r.target_id AS target_id, ROW_NUMBER() OVER"
                            + " (PARTITION BY r.target_id ORDER BY v.seq DESC) AS rn FROM object_ref r"
                            + " JOIN object_version v ON v.seq = r.version_seq WHERE r.target_id IN (" + marks
                            + ") AND r.ref_name = ? AND " + latestVisible(scope) + ") x WHERE x.rn <= ?"
                            + " ORDER BY x.target_id, x.seq DESC",
                    rs -> {
                        out.computeIfAbsent(rs.getString(11), t -> new ArrayList<>())
                                .add(VERSION_ROW.mapRow(rs, 0));
                    },
                    args.toArray());
        });
        return out;
    }

    /** Latest visible versions whose {@code refName} names {@code targetId}, newest insertion first. */
    List<StoredVersion> referencingBy(AccessScope scope, String targetId, String refName, int limit) {
        return jdbc.query(
                "SELECT " + VERSION_COLUMNS + " FROM object_ref r JOIN object_version v ON v.seq = r.version_seq"
                        + " WHERE r.target_id = ? AND r.ref_name = ? AND " + latestVisible(scope)
                        + " ORDER BY v.seq DESC LIMIT ?",
                VERSION_ROW,
                targetId,
                refName,
                limit);
    }

    /** Row {@code v} is the newest version of its id that {@code scope} may see (and is itself visible). */
    private static String latestVisible(AccessScope scope) {
        return "(" + AccessPolicy.versionPredicate("v", scope) + " AND v.version_key = (SELECT MAX(w.version_key) "
                + "FROM object_version w WHERE w.id_hash = v.id_hash AND w.stix_id = v.stix_id AND "
                + AccessPolicy.versionPredicate("w", scope)
                + "))";
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            sql.append(" AND ")
                    .append(column)
                    .append(" IN (")
                    .append(marks(values.size()))
                    .append(')');
            args.addAll(values);
        }
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private interface ChunkQuery {
        void run(List<String> chunk, String marks);
    }

    private static void forChunks(Collection<String> ids, ChunkQuery query) {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            query.run(chunk, marks(chunk.size()));
        }
    }
}
