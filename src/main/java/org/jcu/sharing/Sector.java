package org.jcu.sharing;

/** NIS2 sectors, Annex I (high criticality) and Annex II (other critical), as coded in eu-process.md §3.7. */
public enum Sector {
    ENERGY,
    TRANSPORT,
    BANKING,
    FMI,
    HEALTH,
    DRINKING_WATER,
    WASTE_WATER,
    DIGITAL_INFRASTRUCTURE,
    ICT_SERVICE_MANAGEMENT_B2B,
    PUBLIC_ADMINISTRATION,
    SPACE,
    POSTAL_COURIER,
    WASTE_MANAGEMENT,
    CHEMICALS,
    FOOD,
    MANUFACTURING,
    DIGITAL_PROVIDERS,
    RESEARCH
}
