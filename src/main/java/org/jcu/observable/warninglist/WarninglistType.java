package org.jcu.observable.warninglist;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the entries of a warninglist are compared with a value: the {@code type} field of a MISP warninglist
 * ({@code misp-warninglists} README, "type of warning list"; {@code schema.json} enum).
 */
public enum WarninglistType {
    /** The normalised value equals an entry. */
    STRING("string"),
    /** An entry occurs in the value, case-insensitively. */
    SUBSTRING("substring"),
    /** The host of the value equals an entry or is a subdomain of it (label boundary). */
    HOSTNAME("hostname"),
    /** The IP address or CIDR block lies inside an entry's CIDR block. */
    CIDR("cidr"),
    /** A PCRE-style {@code /pattern/flags} entry finds a match in the value. */
    REGEX("regex");

    private final String wire;

    WarninglistType(String wire) {
        this.wire = wire;
    }

    /** The value of the {@code type} field, e.g. {@code cidr}. */
    public String wire() {
        return wire;
    }

    /** The type for the exact (case-sensitive) wire value; empty for anything else. */
    public static Optional<WarninglistType> from(String wire) {
        for (WarninglistType type : values()) {
            if (type.wire.equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The wire values, comma-separated, for error messages. */
    static String allowed() {
        return Arrays.stream(values()).map(WarninglistType::wire).collect(Collectors.joining(", "));
    }
}
