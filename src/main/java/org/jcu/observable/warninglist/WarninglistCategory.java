package org.jcu.observable.warninglist;

import java.util.Optional;

/**
 * What a hit on a warninglist means: the optional {@code category} of a MISP warninglist. MISP stores it as
 * {@code false_positive} or {@code known} and defaults to {@code false_positive}; the hyphenated
 * {@code false-positive} is accepted too.
 */
public enum WarninglistCategory {
    /** The value is probably not an indicator of anything (the default). */
    FALSE_POSITIVE("false-positive"),
    /** The value is known (e.g. a VPN exit, a scanner, a university domain): context, not necessarily benign. */
    KNOWN("known");

    private final String wire;

    WarninglistCategory(String wire) {
        this.wire = wire;
    }

    /** The canonical wire value: {@code false-positive} or {@code known}. */
    public String wire() {
        return wire;
    }

    /** The category for {@code false-positive}, {@code false_positive} or {@code known}; empty otherwise. */
    public static Optional<WarninglistCategory> from(String wire) {
        return switch (wire) {
            case "false-positive", "false_positive" -> Optional.of(FALSE_POSITIVE);
            case "known" -> Optional.of(KNOWN);
            default -> Optional.empty();
        };
    }
}
