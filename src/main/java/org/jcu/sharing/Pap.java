package org.jcu.sharing;

import java.util.Locale;
import java.util.Optional;

/**
 * Permissible Actions Protocol (MISP {@code PAP} taxonomy v3): what a recipient may do with the information, least
 * to most restrictive. Stored and shown; it never changes visibility and is never loosened.
 */
public enum Pap {
    CLEAR,
    GREEN,
    AMBER,
    RED;

    /** The label, e.g. {@code PAP:AMBER} (the stored form). */
    public String label() {
        return "PAP:" + name();
    }

    /** Parses {@code PAP:RED}, {@code pap:white} (the taxonomy's old name of CLEAR), {@code amber}; case-insensitive. */
    public static Optional<Pap> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("PAP:")) {
            s = s.substring(4);
        }
        return switch (s) {
            case "CLEAR", "WHITE" -> Optional.of(CLEAR);
            case "GREEN" -> Optional.of(GREEN);
            case "AMBER" -> Optional.of(AMBER);
            case "RED" -> Optional.of(RED);
            default -> Optional.empty();
        };
    }

    /** Parses a label or throws naming the accepted values. */
    public static Pap of(String text) {
        return parse(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown PAP '" + text + "': expected PAP:CLEAR, PAP:GREEN, PAP:AMBER or PAP:RED"));
    }

    /** The more restrictive of two labels. */
    public static Pap mostRestrictive(Pap a, Pap b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
