package org.jcu.sighting;

import java.util.Locale;

/**
 * Source reliability on the admiralty scale (NATO STANAG 2511 / AJP-2.1; the "Admiralty System" used by MISP's
 * {@code admiralty-scale} taxonomy), with the weight jcu's decay score gives it.
 */
public enum Reliability {
    A("completely reliable", 1.0),
    B("usually reliable", 0.9),
    C("fairly reliable", 0.75),
    D("not usually reliable", 0.5),
    E("unreliable", 0.25),
    /** Cannot be judged: the default for an organisation nobody graded. */
    F("reliability cannot be judged", 0.6);

    private final String description;
    private final double weight;

    Reliability(String description, double weight) {
        this.description = description;
        this.weight = weight;
    }

    /** The admiralty wording. */
    public String description() {
        return description;
    }

    /** Multiplier of the base score, 0..1. */
    public double weight() {
        return weight;
    }

    /**
     * Parses {@code A}..{@code F} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted grades
     */
    public static Reliability of(String grade) {
        try {
            return valueOf(grade.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "reliability: '" + grade + "' is not an admiralty grade; use A, B, C, D, E or F", e);
        }
    }
}
