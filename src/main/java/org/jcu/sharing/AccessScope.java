package org.jcu.sharing;

import org.jspecify.annotations.Nullable;

/**
 * The identity a read is made for, resolved from the directory at the moment of the read: every repository read
 * takes one and appends {@link AccessPolicy}'s predicate. Build it with {@link AccessScopes#of}.
 *
 * @param orgId                the reader's organisation (UUID)
 * @param userId               the reader (UUID, or a label such as {@code cli} for offline commands)
 * @param role                 the reader's role (never widens visibility; decision 0007)
 * @param compartment          the reader organisation's compartment
 * @param servedBy             the organisation serving the reader's organisation (TLP:AMBER clients), or null
 * @param servedByCompartment  that organisation's compartment, or null
 * @param at                   the time of the read, UTC fixed-width micros (MoU validity is judged at this time)
 */
public record AccessScope(
        String orgId,
        String userId,
        UserRole role,
        Compartment compartment,
        @Nullable String servedBy,
        @Nullable Compartment servedByCompartment,
        String at) {}
