package org.jcu.stix;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, without the JSON Schema engine, that an {@code indicator} satisfies the OASIS STIX 2.1 schema
 * {@code sdos/indicator.json} (with {@code common/core.json}, {@code common/properties.json},
 * {@code common/identifier.json}, {@code common/timestamp.json} and {@code common/kill-chain-phase.json}); decision 0021.
 *
 * <p>Only a yes is an answer: {@link #satisfies} returns {@code true} when every property of the object is one of the
 * common indicator properties below with exactly the shape the schemas require, and {@code false} for anything else
 * (another type, a property outside the list such as {@code external_references} or a custom {@code x_} property,
 * a number written as {@code 5e1}, ...), in which case the caller runs the full schema, which alone words the errors.
 * The schemas' regular expressions are checked character by character, never more loosely: a string is accepted
 * only if the expression (as the schema engine matches it: java.util.regex, {@code find}) accepts it, and some it
 * accepts are left to the schema (a trailing line terminator before {@code $}); the property rules follow the schema
 * files named above:
 * <ul>
 *   <li>required: {@code type} (exactly "indicator"), {@code spec_version} ("2.0" or "2.1"), {@code id}
 *       (identifier starting {@code indicator--}), {@code created} and {@code modified} (timestamp with at least
 *       millisecond precision), {@code pattern}, {@code pattern_type} (strings), {@code valid_from} (timestamp);</li>
 *   <li>optional: {@code created_by_ref} (identifier), {@code object_marking_refs} (non-empty array of identifiers),
 *       {@code labels}, {@code indicator_types} (non-empty arrays of strings), {@code revoked} (boolean),
 *       {@code confidence} (integer 0–100 written as an integer), {@code lang}, {@code name},
 *       {@code description}, {@code pattern_version} (strings), {@code valid_until} (timestamp),
 *       {@code kill_chain_phases} (non-empty array of objects whose {@code kill_chain_name} and {@code phase_name}
 *       are strings).</li>
 * </ul>
 * Every such value is non-null and every such array non-empty, which is what {@code properties.json} requires of any
 * property; none of the names ends in {@code _bin} or {@code _hex}.
 *
 * <p>Thread-safety: stateless.
 */
final class IndicatorSchemaShortcut {

    private static final int TYPE = 1;
    private static final int SPEC_VERSION = 2;
    private static final int ID = 4;
    private static final int CREATED = 8;
    private static final int MODIFIED = 16;
    private static final int PATTERN = 32;
    private static final int PATTERN_TYPE = 64;
    private static final int VALID_FROM = 128;
    private static final int REQUIRED = 255;

    private IndicatorSchemaShortcut() {}

    /**
     * @param object a parsed STIX object (any type)
     * @return {@code true} if the object is an indicator that the OASIS schema accepts and whose properties are all
     *     in the list above; {@code false} if that is not decided here (the schema must run)
     */
    static boolean satisfies(ObjectNode object) {
        int required = 0;
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            JsonNode value = property.getValue();
            boolean ok = switch (property.getKey()) {
                case "type" -> {
                    required |= TYPE;
                    yield value.isString() && value.stringValue().equals("indicator");
                }
                case "spec_version" -> {
                    required |= SPEC_VERSION;
                    yield value.isString()
                            && (value.stringValue().equals("2.1")
                                    || value.stringValue().equals("2.0"));
                }
                case "id" -> {
                    required |= ID;
                    yield value.isString()
                            && value.stringValue().startsWith("indicator--")
                            && isIdentifier(value.stringValue());
                }
                case "created" -> {
                    required |= CREATED;
                    yield value.isString() && fractionDigits(value.stringValue()) >= 3;
                }
                case "modified" -> {
                    required |= MODIFIED;
                    yield value.isString() && fractionDigits(value.stringValue()) >= 3;
                }
                case "pattern" -> {
                    required |= PATTERN;
                    yield value.isString();
                }
                case "pattern_type" -> {
                    required |= PATTERN_TYPE;
                    yield value.isString();
                }
                case "valid_from" -> {
                    required |= VALID_FROM;
                    yield isTimestamp(value);
                }
                case "valid_until" -> isTimestamp(value);
                case "created_by_ref" -> value.isString() && isIdentifier(value.stringValue());
                case "object_marking_refs" -> isIdentifiers(value);
                case "labels", "indicator_types" -> isStrings(value);
                case "revoked" -> value.isBoolean();
                case "confidence" ->
                    (value.isInt() || value.isLong()) && value.longValue() >= 0 && value.longValue() <= 100;
                case "lang", "name", "description", "pattern_version" -> value.isString();
                case "kill_chain_phases" -> isKillChainPhases(value);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return required == REQUIRED;
    }

    private static boolean isTimestamp(JsonNode value) {
        return value.isString() && fractionDigits(value.stringValue()) >= 0;
    }

    /**
     * common/timestamp.json: {@code ^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):
     * ([0-5][0-9]|60)(\.[0-9]+)?Z$}, with no line terminator before the end.
     *
     * @return the number of fraction digits (0 without a fraction) if {@code s} matches, else -1; core.json's
     *     {@code T\d{2}:\d{2}:\d{2}\.\d{3,}Z$} for {@code created} and {@code modified} holds for a match with 3 or more
     */
    static int fractionDigits(String s) {
        int length = s.length();
        if (length < 20
                || !digits(s, 0, 4)
                || s.charAt(4) != '-'
                || !inRange(s, 5, 1, 12)
                || s.charAt(7) != '-'
                || !inRange(s, 8, 1, 31)
                || s.charAt(10) != 'T'
                || !inRange(s, 11, 0, 23)
                || s.charAt(13) != ':'
                || !inRange(s, 14, 0, 59)
                || s.charAt(16) != ':'
                || !inRange(s, 17, 0, 60)
                || s.charAt(length - 1) != 'Z') {
            return -1;
        }
        if (length == 20) {
            return 0;
        }
        int fraction = length - 21; // '.' at 19, digits, 'Z'
        return s.charAt(19) == '.' && fraction >= 1 && digits(s, 20, fraction) ? fraction : -1;
    }

    /**
     * common/identifier.json: {@code ^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-
     * [89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$}, with no line terminator before the end. The UUID part has a fixed
     * length, so the {@code --} that ends the type is the one 38 characters from the end.
     */
    static boolean isIdentifier(String s) {
        int uuid = s.length() - 36;
        if (uuid < 5 || s.charAt(uuid - 1) != '-' || s.charAt(uuid - 2) != '-') {
            return false;
        }
        int typeEnd = uuid - 2; // the type is s[0, typeEnd), at least 3 characters
        if (!lowerLetter(s.charAt(0)) || !lowerLetterOrDigit(s.charAt(typeEnd - 1))) {
            return false;
        }
        for (int i = 1; i < typeEnd - 1; i++) {
            char c = s.charAt(i);
            if (!lowerLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return hex(s, uuid, 8)
                && s.charAt(uuid + 8) == '-'
                && hex(s, uuid + 9, 4)
                && s.charAt(uuid + 13) == '-'
                && s.charAt(uuid + 14) >= '1'
                && s.charAt(uuid + 14) <= '5'
                && hex(s, uuid + 15, 3)
                && s.charAt(uuid + 18) == '-'
                && "89abAB".indexOf(s.charAt(uuid + 19)) >= 0
                && hex(s, uuid + 20, 3)
                && s.charAt(uuid + 23) == '-'
                && hex(s, uuid + 24, 12);
    }

    private static boolean lowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean lowerLetterOrDigit(char c) {
        return lowerLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean digits(String s, int from, int count) {
        return all(s, from, count, c -> c >= '0' && c <= '9');
    }

    /** Two digits at {@code from} forming a number in [min, max]. */
    private static boolean inRange(String s, int from, int min, int max) {
        if (!digits(s, from, 2)) {
            return false;
        }
        int n = (s.charAt(from) - '0') * 10 + (s.charAt(from + 1) - '0');
        return n >= min && n <= max;
    }

    private static boolean hex(String s, int from, int count) {
        return all(s, from, count, c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    /** Whether the {@code count} characters of {@code s} from {@code from} all satisfy {@code test}. */
    private static boolean all(String s, int from, int count, java.util.function.IntPredicate test) {
        for (int i = from; i < from + count; i++) {
            if (!test.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStrings(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isString()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifiers(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isString() || !isIdentifier(item.stringValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKillChainPhases(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode phase : value) {
            if (!phase.isObject()) {
                return false;
            }
            JsonNode chain = phase.get("kill_chain_name");
            JsonNode name = phase.get("phase_name");
            if (chain == null || !chain.isString() || name == null || !name.isString()) {
                return false;
            }
        }
        return true;
    }
}
