package org.jcu.sharing;

/** What an organisation is in the NIS2/CSA landscape (DOMAIN.md {@code ActorRole}; NIS2 Arts 3, 8–16, CSA Arts 4–5). */
public enum ActorRole {
    ESSENTIAL_ENTITY,
    IMPORTANT_ENTITY,
    NON_NIS2_ENTITY,
    CSIRT,
    COMPETENT_AUTHORITY,
    SPOC,
    CYBER_CRISIS_MGMT_AUTHORITY,
    NATIONAL_CYBER_HUB,
    CROSS_BORDER_CYBER_HUB,
    LEA,
    MSSP_TRUSTED,
    EU_BODY
}
