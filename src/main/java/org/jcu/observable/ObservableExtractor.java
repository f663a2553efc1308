package org.jcu.observable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jcu.stix.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Extracts the observables of one STIX 2.1 object (decision 0015), normalised:
 *
 * <ul>
 *   <li>SCOs (STIX 2.1 §6): {@code ipv4-addr}/{@code ipv6-addr}, {@code domain-name}, {@code url},
 *       {@code email-addr}, {@code mac-addr} {@code value}; {@code autonomous-system} {@code number};
 *       {@code windows-registry-key} {@code key}; {@code file}/{@code artifact}/{@code x509-certificate}
 *       {@code hashes};
 *   <li>{@code network-traffic} endpoints: in STIX 2.1 {@code src_ref}/{@code dst_ref} name other SCOs, which are
 *       indexed as themselves; their values are not copied onto the network-traffic object, whose audience may
 *       differ from theirs (decision 0015);
 *   <li>deprecated embedded {@code observed-data.objects} (STIX 2.0 form, §4.13): every embedded SCO as above, and
 *       network-traffic endpoints resolved by their dictionary keys;
 *   <li>{@code indicator} with {@code pattern_type = stix}: the values its pattern compares by {@code =},
 *       {@code IN} and, for IP addresses, {@code ISSUBSET} (STIX 2.1 §9).
 * </ul>
 *
 * <p>A value that does not normalise is not indexed and reported as a problem with the object, JSON pointer and
 * rule; a STIX pattern that does not parse is an error (§9: the pattern MUST be valid).
 *
 * <p>Thread-safety: stateless.
 */
public final class ObservableExtractor {

    private ObservableExtractor() {}

    /**
     * What one object yields.
     *
     * @param values   normalised values, in document order, duplicates kept (the index keeps each once)
     * @param problems values not indexed (rule {@code observable-invalid}); the object itself is kept
     * @param error    a pattern error that makes the object invalid (rule {@code pattern-invalid}), or null
     */
    public record Extraction(
            List<NormalizedValue> values,
            List<Violation> problems,
            @Nullable Violation error) {}

    /** Extracts from {@code object} (a parsed STIX 2.1 object; 2.0 input has been upgraded). */
    public static Extraction extract(ObjectNode object) {
        String id = text(object.get("id"));
        String type = text(object.get("type"));
        Collector out = new Collector(id == null ? "(no id)" : id);
        if (type == null) {
            return out.done(null);
        }
        if ("indicator".equals(type)) {
            return out.done(PatternValues.extract(object, out));
        }
        if ("observed-data".equals(type) && object.get("objects") instanceof ObjectNode embedded) {
            for (Map.Entry<String, JsonNode> e : embedded.properties()) {
                if (e.getValue() instanceof ObjectNode sco) {
                    String t = text(sco.get("type"));
                    if (t != null) {
                        sco(t, sco, "/objects/" + e.getKey(), out);
                        if ("network-traffic".equals(t)) {
                            for (String ref : List.of("src_ref", "dst_ref")) {
                                String key = text(sco.get(ref));
                                if (key != null && embedded.get(key) instanceof ObjectNode end) {
                                    String endType = text(end.get("type"));
                                    if (endType != null) {
                                        sco(endType, end, "/objects/" + key, out);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return out.done(null);
        }
        sco(type, object, "", out);
        return out.done(null);
    }

    private static void sco(String type, ObjectNode sco, String base, Collector out) {
        switch (type) {
            case "ipv4-addr", "ipv6-addr" -> out.add(ObservableKind.IP, sco.get("value"), base + "/value");
            case "domain-name" -> out.add(ObservableKind.DOMAIN, sco.get("value"), base + "/value");
            case "url" -> out.add(ObservableKind.URL, sco.get("value"), base + "/value");
            case "email-addr" -> out.add(ObservableKind.EMAIL, sco.get("value"), base + "/value");
            case "mac-addr" -> out.add(ObservableKind.MAC, sco.get("value"), base + "/value");
            case "autonomous-system" -> out.add(ObservableKind.ASN, sco.get("number"), base + "/number");
            case "windows-registry-key" -> out.add(ObservableKind.WINDOWS_REGISTRY_KEY, sco.get("key"), base + "/key");
            case "file", "artifact", "x509-certificate" -> hashes(sco.get("hashes"), base + "/hashes", out);
            default -> {}
        }
    }

    private static void hashes(@Nullable JsonNode hashes, String pointer, Collector out) {
        if (!(hashes instanceof ObjectNode map)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ObservableKind.forHashAlgorithm(e.getKey())
                    .ifPresent(kind -> out.add(kind, e.getValue(), pointer + "/" + e.getKey()));
        }
    }

    static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** Accumulates one object's values and problems. */
    static final class Collector {
        final String objectId;
        final List<NormalizedValue> values = new ArrayList<>();
        final List<Violation> problems = new ArrayList<>();

        Collector(String objectId) {
            this.objectId = objectId;
        }

        void add(ObservableKind kind, @Nullable JsonNode node, String pointer) {
            if (node == null || node.isNull()) {
                return;
            }
            String raw = node.isNumber() ? node.asString() : node.isString() ? node.stringValue() : null;
            if (raw == null) {
                return;
            }
            add(kind, raw, pointer);
        }

        void add(ObservableKind kind, String raw, String pointer) {
            try {
                values.add(Normalizer.normalize(kind, raw));
            } catch (ObservableException e) {
                problems.add(
                        new Violation(objectId, pointer, "observable-invalid", e.getMessage() + "; not correlated"));
            }
        }

        Extraction done(@Nullable Violation error) {
            return new Extraction(List.copyOf(values), List.copyOf(problems), error);
        }
    }
}
