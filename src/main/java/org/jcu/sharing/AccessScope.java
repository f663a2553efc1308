package org.jcu.sharing;

/**
 * The identity a read is made for: every repository read takes one and appends {@link AccessPolicy}'s predicate.
 *
 * @param orgId    the reader's organisation (UUID)
 * @param userId   the reader (UUID)
 * @param role     the reader's role
 */
public record AccessScope(String orgId, String userId, UserRole role) {

    /** The scope of an authenticated principal. */
    public static AccessScope of(JcuPrincipal principal) {
        return new AccessScope(principal.orgId(), principal.userId(), principal.role());
    }
}
