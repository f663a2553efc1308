package org.jcu.sharing;

/** Roles of a user within the platform (see DOMAIN.md). */
public enum UserRole {
    /** Runs the platform: directory, communities, all organisations' settings. */
    PLATFORM_ADMIN,
    /** Administers one organisation's users, tokens and defaults. */
    ORG_ADMIN,
    /** Reads and writes intelligence for an organisation. */
    ANALYST,
    /** Reads only. */
    READ_ONLY,
    /** A machine account used by federation peers and feeds. */
    SYNC
}
