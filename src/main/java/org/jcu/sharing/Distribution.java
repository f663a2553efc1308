package org.jcu.sharing;

import java.util.Locale;

/**
 * Who a holding is shared with, MISP distribution semantics made explicit for the JCU (decision 0007). There is no
 * "whole instance" level; {@code INHERIT} is resolved at import and never stored.
 */
public enum Distribution {
    /** The holder only. */
    ORGANISATION_ONLY(false),
    /** Valid members of the named communities. */
    COMMUNITIES(true),
    /** Valid members of the named communities and of the communities linked to them. */
    CONNECTED_COMMUNITIES(true),
    /** Organisations with a valid membership in any community (government compartment only). */
    ALL_COMMUNITIES(false),
    /** Members of any of the named sharing groups. */
    SHARING_GROUPS(false);

    private final boolean namesCommunities;

    Distribution(boolean namesCommunities) {
        this.namesCommunities = namesCommunities;
    }

    /** True if the distribution's targets are communities. */
    public boolean namesCommunities() {
        return namesCommunities;
    }

    /** Parses a name case-insensitively ({@code organisation_only}, {@code sharing-groups}, …). */
    public static Distribution of(String text) {
        String s = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (s.equals("ORGANIZATION_ONLY")) {
            return ORGANISATION_ONLY;
        }
        for (Distribution d : values()) {
            if (d.name().equals(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown distribution '" + text
                + "': expected organisation_only, communities, connected_communities, all_communities or"
                + " sharing_groups");
    }
}
