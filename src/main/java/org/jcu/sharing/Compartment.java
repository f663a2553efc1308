package org.jcu.sharing;

import java.util.Locale;

/**
 * The JCU's two compartments (DOMAIN.md): private-sector members see only what is released to them and never each
 * other's contributions (decision 0007).
 */
public enum Compartment {
    /** CSIRTs, crisis authorities, EU bodies, law enforcement. */
    GOVERNMENT,
    /** Private-sector partners. */
    PRIVATE;

    /** Parses a name case-insensitively. */
    public static Compartment of(String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown compartment '" + text + "': expected GOVERNMENT or PRIVATE");
        }
    }
}
