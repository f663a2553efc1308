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

    private static final String VERSION_COLUMNS =
            "v.seq, v.stix_id, v.version_key, v.stix_type, v.spec_version, v.modified, v.created, v.revoked, v.content, v.date_added";

    private static final RowMapper<StoredVersion> VERSION_ROW = (rs, n) -> new StoredVersion(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getBoolean(8), rs.getString(9), rs.getString(10));

    private final JdbcTemplate jdbc;

    IntelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the store knows of one id, for the import pipeline.
     *
     * @param ownerOrg  the owning organisation
     * @param hashes    content hash per stored version key
     * @param heldByOrg version keys the importing organisation already holds
     */
    record Known(String ownerOrg, Map<String, String> hashes, Set<String> heldByOrg) {

        String latestKey() {
            return hashes.keySet().stream().max(String::compareTo).orElse("");
        }
    }

    /** Stored versions of {@code ids}, with their owner and whether {@code orgId} holds each; one query per chunk. */
    Map<String, Known> knownUnscoped(Collection<String> ids, String orgId) {
        Map<String, Known> out = new HashMap<>();
        forChunks(ids, (chunk, marks) -> {
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(orgId);
            args.addAll(chunk);
            jdbc.query("""
                    SELECT v.stix_id, v.version_key, v.content_hash, v.owner_org,
                      (SELECT COUNT(*) FROM holding h WHERE h.stix_id = v.stix_id AND h.version_key = v.version_key
                         AND h.org_id = ?)
                    FROM object_version v WHERE v.stix_id IN (""" + marks + ")", rs -> {
                        Known known = out.computeIfAbsent(rs.getString(1),
                                id -> new Known(rsString(rs, 4), new HashMap<>(), new HashSet<>()));
                        known.hashes().put(rs.getString(2), rs.getString(3));
                        if (rs.getInt(5) > 0) {
                            known.heldByOrg().add(rs.getString(2));
                        }
                    }, args.toArray());
        });
        return out;
    }

    private static String rsString(java.sql.ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new object version ready to insert. */
    record NewVersion(String id, String versionKey, String type, String ownerOrg, String specVersion, String modified,
            String created, boolean revoked, String upgradedFrom, String contentHash, String content) {
    }

    /** A holding ready to insert. */
    record NewHolding(String id, String versionKey, String orgId, String receivedAt, String source, String markings) {
    }

    /** A reference row. */
    record NewRef(String id, String versionKey, String refName, String targetId) {
    }

    void insertVersions(List<NewVersion> rows, String dateAdded) {
        jdbc.batchUpdate("""
                INSERT INTO object_version (stix_id, version_key, stix_type, owner_org, spec_version, modified, created,
                    revoked, upgraded_from, content_hash, content, date_added)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, rows.size(), (ps, v) -> {
                    ps.setString(1, v.id());
                    ps.setString(2, v.versionKey());
                    ps.setString(3, v.type());
                    ps.setString(4, v.ownerOrg());
                    ps.setString(5, v.specVersion());
                    ps.setString(6, v.modified());
                    ps.setString(7, v.created());
                    ps.setBoolean(8, v.revoked());
                    ps.setString(9, v.upgradedFrom());
                    ps.setString(10, v.contentHash());
                    ps.setString(11, v.content());
                    ps.setString(12, dateAdded);
                });
    }

    void insertHoldings(List<NewHolding> rows) {
        jdbc.batchUpdate("""
                INSERT INTO holding (stix_id, version_key, org_id, received_at, source, markings)
                VALUES (?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, h) -> {
                    ps.setString(1, h.id());
                    ps.setString(2, h.versionKey());
                    ps.setString(3, h.orgId());
                    ps.setString(4, h.receivedAt());
                    ps.setString(5, h.source());
                    ps.setString(6, h.markings());
                });
    }

    void insertRefs(List<NewRef> rows) {
        jdbc.batchUpdate("INSERT INTO object_ref (stix_id, version_key, ref_name, target_id) VALUES (?, ?, ?, ?)",
                rows, rows.size(), (ps, r) -> {
                    ps.setString(1, r.id());
                    ps.setString(2, r.versionKey());
                    ps.setString(3, r.refName());
                    ps.setString(4, r.targetId());
                });
    }

    /** Filter of a version listing; null or empty members do not filter. */
    record VersionFilter(List<String> types, List<String> ids, List<String> specVersions, String addedAfter,
            VersionSelector versions, long afterSeq) {
    }

    /**
     * Versions visible to {@code scope} matching {@code filter}, ordered by insertion position, at most
     * {@code limit} rows.
     */
    List<StoredVersion> listVersions(AccessScope scope, VersionFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(VERSION_COLUMNS).append(" FROM object_version v WHERE ")
                .append(AccessPolicy.versionPredicate("v", scope)).append(" AND v.seq > ?");
        List<Object> args = new ArrayList<>();
        args.add(filter.afterSeq());
        in(sql, args, "v.stix_type", filter.types());
        in(sql, args, "v.stix_id", filter.ids());
        in(sql, args, "v.spec_version", filter.specVersions());
        if (filter.addedAfter() != null) {
            sql.append(" AND v.date_added > ?");
            args.add(filter.addedAfter());
        }
        VersionSelector versions = filter.versions();
        if (versions != null && !versions.all()) {
            List<String> alternatives = new ArrayList<>();
            if (versions.last()) {
                alternatives.add(latestVisible(scope));
            }
            if (versions.first()) {
                alternatives.add("v.version_key = (SELECT MIN(w.version_key) FROM object_version w WHERE w.stix_id = v.stix_id AND "
                        + AccessPolicy.versionPredicate("w", scope) + ")");
            }
            if (!versions.keys().isEmpty()) {
                alternatives.add("v.version_key IN (" + marks(versions.keys().size()) + ")");
            }
            sql.append(" AND (").append(String.join(" OR ", alternatives)).append(')');
            args.addAll(versions.keys());
        }
        sql.append(" ORDER BY v.seq LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), VERSION_ROW, args.toArray());
    }

    /** Number of latest versions per type visible to {@code scope}. */
    Map<String, Long> countLatestByType(AccessScope scope) {
        Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT v.stix_type, COUNT(*) FROM object_version v WHERE """ + " " + latestVisible(scope)
                + " GROUP BY v.stix_type", rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** Total number of stored versions visible to {@code scope}. */
    long countVersions(AccessScope scope) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM object_version v WHERE "
                + AccessPolicy.versionPredicate("v", scope), Long.class);
        return count == null ? 0 : count;
    }

    /** Ids whose relationship/sighting refs point at {@code targetId}, visible to {@code scope}. */
    List<StoredVersion> referencing(AccessScope scope, String targetId, int limit) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + """
                 FROM object_ref r JOIN object_version v ON v.stix_id = r.stix_id AND v.version_key = r.version_key
                WHERE r.target_id = ? AND """ + " " + latestVisible(scope)
                + " ORDER BY v.seq LIMIT ?", VERSION_ROW, targetId, limit);
    }

    /** Row {@code v} is the newest version of its id that {@code scope} may see (and is itself visible). */
    private static String latestVisible(AccessScope scope) {
        return "(" + AccessPolicy.versionPredicate("v", scope) + " AND v.version_key = (SELECT MAX(w.version_key) "
                + "FROM object_version w WHERE w.stix_id = v.stix_id AND " + AccessPolicy.versionPredicate("w", scope) + "))";
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (").append(marks(values.size())).append(')');
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
