package org.jcu.observable.pattern;

import java.util.Set;
import java.util.regex.Pattern;

/** Which names may be written bare in a pattern (STIX 2.1 §9, Object Path Syntax). Stateless. */
final class Names {

    /** Keywords and boolean constants: the lexer reads these as tokens, never as names. */
    private static final Set<String> RESERVED = Set.of(
            "AND",
            "OR",
            "NOT",
            "FOLLOWEDBY",
            "LIKE",
            "MATCHES",
            "ISSUBSET",
            "ISSUPERSET",
            "IN",
            "EXISTS",
            "WITHIN",
            "SECONDS",
            "REPEATS",
            "TIMES",
            "START",
            "STOP",
            "true",
            "false");

    private static final Pattern BARE_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern OBJECT_TYPE = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_-]*");

    private Names() {}

    /** True if a property name can be written without quotes. */
    static boolean isBareName(String name) {
        return BARE_NAME.matcher(name).matches() && !RESERVED.contains(name);
    }

    /**
     * True for an object type name: a letter or {@code _}, then letters, digits, {@code _} and {@code -}; custom
     * types ({@code x-acme-widget}) included.
     */
    static boolean isObjectType(String name) {
        return OBJECT_TYPE.matcher(name).matches() && !RESERVED.contains(name);
    }
}
