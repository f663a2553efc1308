-- Tamper-evident audit log (docs/decisions/0011-audit-log.md): one row per audited action, in chain order. Each
-- row's mac is HMAC-SHA256 under a key kept outside the database over the previous row's mac and this row's fields
-- (encoding: org.jcu.audit.AuditChain); the newest (seq, mac) is also anchored in a signed file outside the database.
-- No foreign keys: an entry must outlive the user, organisation or object it names, and never block their removal.
CREATE TABLE audit_log (
    seq           BIGINT PRIMARY KEY,       -- chain position 1, 2, 3, ... assigned by the writer; a gap is a deletion
    logged_at     TEXT NOT NULL,            -- when the action happened, UTC microseconds, fixed width
    user_id       TEXT,                     -- app_user.id; NULL for command-line and system actions
    username      TEXT NOT NULL,            -- at the time of the action ('cli', 'system' when offline)
    org_id        TEXT,                     -- organisation acted for (organization.id)
    audit_action  TEXT NOT NULL,            -- AuditAction name: OBJECTS_READ, TAXII_OBJECTS_READ, IMPORT, ...
    object_count  BIGINT NOT NULL,          -- objects returned (reads) or written (imports)
    object_ids    TEXT NOT NULL,            -- JSON array of the distinct STIX ids, at most the first 100
    source_ip     TEXT,                     -- client address as the server saw it; NULL offline
    detail        TEXT NOT NULL,            -- request line or import outcome, at most 500 characters
    prev_mac      TEXT NOT NULL,            -- mac of entry seq - 1 (64 zeros for entry 1), lower-case hex
    mac           TEXT NOT NULL             -- HMAC-SHA256 of this entry, lower-case hex
);
