/**
 * The audit log: who (user, organisation, source IP) did what (action, object count and ids) when, for every write,
 * export and API or TAXII read of objects. Entries form a keyed hash chain (HMAC-SHA256, RFC 2104, key kept in a file
 * outside the database) whose head is anchored in a signed file outside the database, so that editing, deleting,
 * inserting or rewriting rows in the database is detected by {@link org.jcu.audit.AuditVerifier} ({@code jcu audit
 * verify}).
 *
 * <p>Public: {@link org.jcu.audit.AuditLog} (record, flush), {@link org.jcu.audit.AuditAction},
 * {@link org.jcu.audit.AuditActor}, {@link org.jcu.audit.AuditVerifier} and its result. This package depends on no
 * other feature (only {@code stix} timestamps and {@code platform} settings), so every feature, {@code sharing}
 * included, may record. See {@code docs/decisions/0011-audit-log.md}.
 */
@NullMarked
package org.jcu.audit;

import org.jspecify.annotations.NullMarked;
