package org.jcu.audit;

import java.util.List;
import org.jcu.audit.AuditAnchor.Head;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * SQL of the audit log ({@code audit_log}), in the SQLite ∩ PostgreSQL subset. Appends come in batches, one JDBC
 * batch per transaction; reads page by sequence number.
 *
 * <p>Thread-safety: stateless; callers provide transactions.
 */
@Repository
class AuditStore {

    /**
     * PostgreSQL advisory lock serialising appenders across processes and nodes ("jcuaudit"); distinct from the
     * intelligence store's writer lock, so audit appends never wait for an import. SQLite needs none: its
     * transactions take the database's write lock at their start ({@code transaction_mode=IMMEDIATE}).
     */
    static final long WRITER_LOCK = 0x6a63756175646974L;

    private static final String COLUMNS = "seq, logged_at, user_id, username, org_id, audit_action, object_count,"
            + " object_ids, source_ip, detail, prev_mac, mac";

    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getLong(7),
            rs.getString(8),
            rs.getString(9),
            rs.getString(10),
            rs.getString(11),
            rs.getString(12));

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = org.jcu.platform.Databases.isPostgres(jdbc);
    }

    /**
     * This database's identity (migration V8: 32 hex digits), named by its audit anchor.
     *
     * @throws IllegalStateException if the row is missing or not 32 lower-case hex digits (altered in SQL)
     */
    String storeId() {
        List<String> ids = jdbc.queryForList("SELECT store_id FROM store_identity WHERE id = 1", String.class);
        if (ids.size() != 1 || ids.get(0) == null || !ids.get(0).matches("[0-9a-f]{32}")) {
            throw new IllegalStateException("this database's identity (table store_identity) is missing or altered;"
                    + " run 'jcu audit verify'");
        }
        return ids.get(0);
    }

    /** Takes the appenders' lock for the rest of the caller's transaction (PostgreSQL; SQLite already holds it). */
    void lockWriters() {
        if (postgres) {
            jdbc.query("SELECT pg_advisory_xact_lock(" + WRITER_LOCK + ")", rs -> {});
        }
    }

    /** The entry with the highest sequence number, or null if the log is empty. */
    @Nullable
    Head head() {
        List<Head> heads = jdbc.query(
                "SELECT seq, mac, logged_at FROM audit_log ORDER BY seq DESC LIMIT 1",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3)));
        return heads.isEmpty() ? null : heads.get(0);
    }

    /** The stored mac of entry {@code seq}, or null if there is no such entry. */
    @Nullable
    String macAt(long seq) {
        List<String> macs = jdbc.queryForList("SELECT mac FROM audit_log WHERE seq = ?", String.class, seq);
        return macs.isEmpty() ? null : macs.get(0);
    }

    /** True if the log has no entry. */
    boolean isEmpty() {
        return jdbc.queryForList("SELECT seq FROM audit_log LIMIT 1", Long.class)
                .isEmpty();
    }

    /** Inserts entries (one JDBC batch). */
    void append(List<AuditEntry> entries) {
        jdbc.batchUpdate(
                "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
                entries.size(),
                (statement, e) -> {
                    statement.setLong(1, e.seq());
                    statement.setString(2, e.loggedAt());
                    statement.setString(3, e.userId());
                    statement.setString(4, e.username());
                    statement.setString(5, e.orgId());
                    statement.setString(6, e.action());
                    statement.setLong(7, e.objectCount());
                    statement.setString(8, e.objectIds());
                    statement.setString(9, e.sourceIp());
                    statement.setString(10, e.detail());
                    statement.setString(11, e.prevMac());
                    statement.setString(12, e.mac());
                });
    }

    /** Up to {@code limit} entries with a sequence number above {@code afterSeq}, in sequence order. */
    List<AuditEntry> after(long afterSeq, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?", ENTRY, afterSeq, limit);
    }
}
