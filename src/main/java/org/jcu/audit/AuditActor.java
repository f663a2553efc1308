package org.jcu.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who acted, as recorded in an audit entry (copied at the time of the action, so later renames do not change the
 * log).
 *
 * @param userId   the user's id ({@code app_user.id}, a UUID), or null for command-line and system actions
 * @param username the user's login name, or {@code "cli"} / {@code "system"}
 * @param orgId    the organisation acted for ({@code organization.id}), or null if none
 */
public record AuditActor(
        @Nullable String userId, String username, @Nullable String orgId) {

    /** The offline command line ({@code jcu import --data …}) acting for {@code orgId}. */
    public static AuditActor cli(String orgId) {
        return new AuditActor(null, "cli", orgId);
    }

    /** The platform itself (start-up jobs such as loading the demo data) acting for {@code orgId}. */
    public static AuditActor system(String orgId) {
        return new AuditActor(null, "system", orgId);
    }
}
