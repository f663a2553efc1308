package org.jcu.sharing;

import java.time.Clock;
import org.jcu.stix.StixTimestamps;
import org.springframework.stereotype.Service;

/**
 * Builds {@link AccessScope}s from the directory at the moment of a read, so that a change of compartment or of the
 * serving organisation applies to the next request.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
@Service
public class AccessScopes {

    private final Directory directory;
    private final Clock clock;

    AccessScopes(Directory directory, Clock clock) {
        this.directory = directory;
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
        Directory.Organization org = directory
                .organization(orgId)
                .orElseThrow(() -> new IllegalArgumentException("no organisation with id " + orgId));
        Compartment serverCompartment = null;
        if (org.servedBy() != null) {
            serverCompartment = directory
                    .organization(org.servedBy())
                    .map(Directory.Organization::compartment)
                    .orElse(null);
        }
        return new AccessScope(
                org.id(),
                userId,
                role,
                org.compartment(),
                serverCompartment == null ? null : org.servedBy(),
                serverCompartment,
                StixTimestamps.micros(clock.instant()));
    }
}
