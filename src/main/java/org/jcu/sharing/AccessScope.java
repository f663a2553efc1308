package org.jcu.sharing;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The identity a read is made for, resolved from the directory at the moment of the read: every repository read
 * takes one and appends {@link AccessPolicy}'s predicate. Build it with {@link AccessScopes}.
 *
 * @param userId the reader (UUID, or a label such as {@code cli} for offline commands)
 * @param role   the reader's role (never widens visibility; decision 0007)
 * @param reader the reader's organisation as the policy sees it
 * @param server the organisation serving the reader's (TLP:AMBER client route), or null
 * @param at     the time of the read, UTC fixed-width micros (memberships are those valid at this time)
 */
public record AccessScope(
        String userId,
        UserRole role,
        Member reader,
        @Nullable Member server,
        String at) {

    /**
     * An organisation as the policy sees it at the time of the read.
     *
     * @param orgId       UUID
     * @param compartment its compartment
     * @param communities communities it is a valid member of (a signed MoU within its validity window)
     * @param linked      communities linked to those (CONNECTED_COMMUNITIES reaches it through them)
     */
    public record Member(String orgId, Compartment compartment, Set<String> communities, Set<String> linked) {
        public Member {
            communities = Set.copyOf(communities);
            linked = Set.copyOf(linked);
        }
    }

    /** The reader's organisation id. */
    public String orgId() {
        return reader.orgId();
    }
}
