package org.jcu.sharing;

import java.time.Clock;
import java.util.Set;
import org.jcu.stix.StixTimestamps;
import org.springframework.stereotype.Service;

/**
 * Builds {@link AccessScope}s from the directory at the moment of a read, so that a change of compartment or of the
 * serving organisation applies to the next request. Before building one it announces MoUs whose start has come
 * ({@link Communities#announceStartedMous}), so objects they make visible reach pollers after that moment.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
@Service
public class AccessScopes {

    private final Directory directory;
    private final Communities communities;
    private final Clock clock;

    AccessScopes(Directory directory, Communities communities, Clock clock) {
        this.directory = directory;
        this.communities = communities;
        this.clock = clock;
    }

    /** The scope of an authenticated user, at the current time. */
    public AccessScope of(JcuPrincipal principal) {
        return forOrganization(principal.orgId(), principal.userId(), principal.role());
    }

    /**
     * The scope of a reader acting for {@code orgId} (offline CLI commands, background jobs), at the current time.
     *
     * @throws IllegalArgumentException if the organisation does not exist
     */
    public AccessScope forOrganization(String orgId, String userId, UserRole role) {
        if (communities.hasUnannouncedStart()) {
            communities.announceStartedMous();
        }
        String at = StixTimestamps.micros(clock.instant());
        Directory.Organization org = directory
                .organization(orgId)
                .orElseThrow(() -> new IllegalArgumentException("no organisation with id " + orgId));
        AccessScope.Member server = org.servedBy() == null
                ? null
                : directory.organization(org.servedBy()).map(s -> member(s, at)).orElse(null);
        return new AccessScope(userId, role, member(org, at), server, at);
    }

    private AccessScope.Member member(Directory.Organization org, String at) {
        Set<String> valid = communities.membershipsAt(org.id(), at);
        return new AccessScope.Member(org.id(), org.compartment(), valid, communities.linkedTo(valid));
    }
}
