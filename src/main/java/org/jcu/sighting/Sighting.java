package org.jcu.sighting;

import java.time.Instant;
import org.jcu.stix.StixTimestamps;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a STIX 2.1 {@code sighting} (§5.5) that decay uses.
 *
 * @param id         the sighting's id
 * @param sightingOf {@code sighting_of_ref}
 * @param type       seen / false positive / expired
 * @param count      {@code count} (default 1)
 * @param firstSeen  {@code first_seen}, else {@code created}
 * @param lastSeen   {@code last_seen}, else {@code first_seen}, else {@code modified}
 * @param sightedBy  {@code x_jcu_sighted_by} (the reporting organisation's name), or null
 */
@tools.jackson.databind.annotation.JsonNaming(tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Sighting(
        String id,
        String sightingOf,
        SightingType type,
        long count,
        Instant firstSeen,
        Instant lastSeen,
        @Nullable String sightedBy) {

    /** Reads a stored sighting; null if it lacks the fields every stored sighting has. */
    static @Nullable Sighting of(JsonNode node) {
        String id = text(node, "id");
        String of = text(node, "sighting_of_ref");
        if (id == null || of == null) {
            return null;
        }
        SightingType type = SightingType.SEEN;
        String declared = text(node, "x_jcu_sighting_type");
        if (declared != null) {
            try {
                type = SightingType.of(declared);
            } catch (IllegalArgumentException e) {
                type = SightingType.SEEN;
            }
        } else if (node.has("x_opencti_negative")
                && node.get("x_opencti_negative").asBoolean()) {
            type = SightingType.FALSE_POSITIVE;
        }
        long count = node.has("count") && node.get("count").canConvertToLong()
                ? node.get("count").asLong()
                : 1;
        Instant created = time(text(node, "created"), Instant.EPOCH);
        Instant modified = time(text(node, "modified"), created);
        Instant first = time(text(node, "first_seen"), created);
        Instant last = time(text(node, "last_seen"), time(text(node, "first_seen"), modified));
        return new Sighting(id, of, type, count, first, last, text(node, "x_jcu_sighted_by"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    private static Instant time(@Nullable String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return StixTimestamps.parse(text);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
