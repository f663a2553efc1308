package org.jcu.sighting;

import java.util.Locale;

/**
 * What a sighting says, as MISP's sighting types 0/1/2: the object was seen, it was a false positive, or it expired.
 * STIX 2.1 has one {@code sighting} object; jcu writes the type in the custom property {@code x_jcu_sighting_type}
 * and reads OpenCTI's {@code x_opencti_negative: true} as a false positive.
 */
public enum SightingType {
    SEEN("seen"),
    FALSE_POSITIVE("false-positive"),
    EXPIRED("expired");

    private final String code;

    SightingType(String code) {
        this.code = code;
    }

    /** The wire value: {@code seen}, {@code false-positive}, {@code expired}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /**
     * Parses a wire value (case-insensitive, {@code _} accepted for {@code -}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SightingType of(String code) {
        String key = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SightingType t : values()) {
            if (t.code.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "type: '" + code + "' is not a sighting type; use seen, false-positive or expired");
    }
}
