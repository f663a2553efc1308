package org.jcu.sharing;

import java.io.Serializable;

/**
 * An authenticated user as seen by controllers: who, for which organisation, with which role.
 *
 * @param userId   user UUID
 * @param username login name
 * @param orgId    organisation UUID
 * @param role     role
 */
public record JcuPrincipal(String userId, String username, String orgId, UserRole role) implements Serializable {

    /** True if the user may submit intelligence. */
    public boolean canWrite() {
        return role != UserRole.READ_ONLY;
    }
}
