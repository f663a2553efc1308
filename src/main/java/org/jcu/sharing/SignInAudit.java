package org.jcu.sharing;

import java.util.List;
import org.jcu.audit.AuditAction;
import org.jcu.audit.AuditActor;
import org.jcu.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Web sign-ins in the audit log (decision 0011): completed ones as {@link AuditAction#SIGN_IN}, refused steps as
 * {@link AuditAction#SIGN_IN_REFUSED}, accounts an identity provider created or re-roled as
 * {@link AuditAction#ACCOUNT_MAPPED} — with the client's address when there is a request. A refused attempt names the
 * account only when it exists: what was typed as a user name is never stored (it is sometimes a password).
 *
 * <p>Thread-safety: thread-safe (the audit log queues entries).
 */
@Component
class SignInAudit {

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    void signedIn(JcuPrincipal user, String how) {
        audit.record(AuditAction.SIGN_IN, actor(user), sourceIp(), 0, List.of(), how);
    }

    /** A refused step; {@code user} null when no account answers to the name given. */
    void refused(@Nullable JcuPrincipal user, String why) {
        audit.record(
                AuditAction.SIGN_IN_REFUSED,
                user == null ? new AuditActor(null, "(no such account)", null) : actor(user),
                sourceIp(),
                0,
                List.of(),
                why);
    }

    /** A sign-in an identity provider vouched for but the claims' mapping refused (decision 0013). */
    void refusedMapping(String why) {
        audit.record(
                AuditAction.SIGN_IN_REFUSED,
                new AuditActor(null, "(identity provider)", null),
                sourceIp(),
                0,
                List.of(),
                why);
    }

    void mapped(JcuPrincipal user, String what) {
        audit.record(AuditAction.ACCOUNT_MAPPED, actor(user), sourceIp(), 0, List.of(), what);
    }

    private static AuditActor actor(JcuPrincipal user) {
        return new AuditActor(user.userId(), user.username(), user.orgId());
    }

    private static @Nullable String sourceIp() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr()
                : null;
    }
}
