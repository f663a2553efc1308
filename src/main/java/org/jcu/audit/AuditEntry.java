package org.jcu.audit;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code audit_log}, exactly as stored (the verifier recomputes MACs from these values, never from parsed
 * forms, so an edited value cannot be normalised away).
 *
 * @param seq         chain position, from 1
 * @param loggedAt    when the action happened, UTC with microseconds ({@code 2025-01-31T12:00:00.123456Z})
 * @param userId      acting user's id, or null
 * @param username    acting user's name
 * @param orgId       organisation acted for, or null
 * @param action      an {@link AuditAction} name (any text when tampered with)
 * @param objectCount objects returned or written
 * @param objectIds   JSON array of distinct STIX ids, at most {@link AuditLog#MAX_IDS}
 * @param sourceIp    client address, or null offline
 * @param detail      request line or outcome
 * @param prevMac     the previous entry's mac (hex), {@link AuditChain#GENESIS} for entry 1
 * @param mac         this entry's mac (hex)
 */
record AuditEntry(
        long seq,
        String loggedAt,
        @Nullable String userId,
        String username,
        @Nullable String orgId,
        String action,
        long objectCount,
        String objectIds,
        @Nullable String sourceIp,
        String detail,
        String prevMac,
        String mac) {

    AuditEntry withMac(String newMac) {
        return new AuditEntry(
                seq,
                loggedAt,
                userId,
                username,
                orgId,
                action,
                objectCount,
                objectIds,
                sourceIp,
                detail,
                prevMac,
                newMac);
    }
}
