package org.jcu.sharing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * FIRST Traffic Light Protocol 2.0 labels, ordered from least to most restrictive, with their STIX 2.1
 * marking-definition ids (TLP 2.0 ids from the OASIS cti-stix-common-objects repository; TLP 1.0 ids from STIX 2.1
 * §7.2.1.4, where {@code WHITE} maps to {@link #CLEAR} and 1.0 has no AMBER+STRICT).
 */
public enum Tlp {
    CLEAR("TLP:CLEAR", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"),
    GREEN("TLP:GREEN", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
    AMBER("TLP:AMBER", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"),
    AMBER_STRICT("TLP:AMBER+STRICT", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"),
    RED("TLP:RED", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    private static final Map<String, Tlp> BY_MARKING_ID = Map.of(
            CLEAR.markingId,
            CLEAR,
            GREEN.markingId,
            GREEN,
            AMBER.markingId,
            AMBER,
            AMBER_STRICT.markingId,
            AMBER_STRICT,
            RED.markingId,
            RED,
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
            CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
            GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
            AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
            RED);

    /** TLP 1.0 marking-definition ids (STIX 2.1 §7.2.1.4), used when exporting to TLP 1.0 consumers. */
    public static final Map<Tlp, String> TLP1_MARKING_IDS = Map.of(
            CLEAR, "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
            GREEN, "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
            AMBER, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
            RED, "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

    private final String label;
    private final String markingId;

    Tlp(String label, String markingId) {
        this.label = label;
        this.markingId = markingId;
    }

    /** The exact FIRST label, e.g. {@code TLP:AMBER+STRICT}; this is also the stored form. */
    public String label() {
        return label;
    }

    /** The TLP 2.0 marking-definition id. */
    public String markingId() {
        return markingId;
    }

    /** The TLP a well-known (TLP 2.0 or 1.0) marking-definition id stands for. */
    public static Optional<Tlp> ofMarkingId(String id) {
        return Optional.ofNullable(BY_MARKING_ID.get(id));
    }

    /**
     * Parses a label: {@code TLP:RED}, {@code tlp:amber+strict}, {@code AMBER}, {@code white} (1.0 name of CLEAR),
     * case-insensitive, with or without the {@code TLP:} prefix.
     */
    public static Optional<Tlp> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("TLP:")) {
            s = s.substring(4);
        }
        return switch (s) {
            case "CLEAR", "WHITE" -> Optional.of(CLEAR);
            case "GREEN" -> Optional.of(GREEN);
            case "AMBER" -> Optional.of(AMBER);
            case "AMBER+STRICT", "AMBER_STRICT" -> Optional.of(AMBER_STRICT);
            case "RED" -> Optional.of(RED);
            default -> Optional.empty();
        };
    }

    /** Parses a stored or user-given label, or throws naming the accepted values. */
    public static Tlp of(String text) {
        return parse(text)
                .orElseThrow(() -> new IllegalArgumentException("unknown TLP '" + text
                        + "': expected TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED"));
    }

    /** The more restrictive of two labels. */
    public static Tlp mostRestrictive(Tlp a, Tlp b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
