package org.jcu.intel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcu.sharing.AccessScope;
import org.jcu.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Leaves references to objects a reader cannot see out of what that reader receives (decision 0007, read-time
 * rules): every list-valued {@code *_refs} property, at any depth (extensions included), except
 * {@code object_marking_refs}, keeps only ids with a version visible to the reader. Single-valued refs ({@code source_ref}, {@code target_ref},
 * {@code sighting_of_ref}, {@code created_by_ref}) are kept: the object is governed by its own holding. The stored
 * object is never changed.
 *
 * <p>Cost: objects without list refs are passed through untouched (a substring test); one visibility query per page
 * for the union of referenced ids.
 *
 * <p>Thread-safety: stateless.
 */
final class ReferenceRedactor {

    private static final String LIST_REF = "_refs\":[";

    private ReferenceRedactor() {}

    static List<StoredVersion> redact(IntelStore store, AccessScope scope, List<StoredVersion> versions) {
        Set<String> referenced = new HashSet<>();
        List<ObjectNode> parsed = new ArrayList<>(versions.size());
        for (StoredVersion version : versions) {
            ObjectNode node = null;
            if (version.content().contains(LIST_REF)) {
                node = (ObjectNode) StixJson.parse(version.content());
                collect(node, referenced);
            }
            parsed.add(node);
        }
        if (referenced.isEmpty()) {
            return versions;
        }
        Set<String> visible = store.visibleIds(scope, referenced);
        if (visible.size() == referenced.size()) {
            return versions;
        }
        List<StoredVersion> out = new ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            StoredVersion version = versions.get(i);
            ObjectNode node = parsed.get(i);
            out.add(
                    node != null && prune(node, visible)
                            ? new StoredVersion(
                                    version.seq(),
                                    version.id(),
                                    version.versionKey(),
                                    version.type(),
                                    version.specVersion(),
                                    version.modified(),
                                    version.created(),
                                    version.revoked(),
                                    StixJson.storageForm(node),
                                    version.dateAdded())
                            : version);
        }
        return out;
    }

    /** Ids named by redactable lists anywhere in the tree (extensions too, e.g. {@code archive-ext.contains_refs}). */
    private static void collect(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (redactable(property.getKey(), property.getValue())) {
                    for (JsonNode item : property.getValue()) {
                        if (item.isString()) {
                            out.add(item.stringValue());
                        }
                    }
                } else {
                    collect(property.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, out);
            }
        }
    }

    /** Removes ids outside {@code visible} from every redactable list; true if anything was removed. */
    private static boolean prune(JsonNode node, Set<String> visible) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            Map<String, ArrayNode> replaced = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                if (redactable(property.getKey(), property.getValue())) {
                    ArrayNode kept = StixJson.mapper().createArrayNode();
                    for (JsonNode item : property.getValue()) {
                        if (!item.isString() || visible.contains(item.stringValue())) {
                            kept.add(item);
                        }
                    }
                    if (kept.size() != property.getValue().size()) {
                        replaced.put(property.getKey(), kept);
                    }
                } else {
                    changed |= prune(property.getValue(), visible);
                }
            }
            replaced.forEach(object::set);
            changed |= !replaced.isEmpty();
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                changed |= prune(item, visible);
            }
        }
        return changed;
    }

    private static boolean redactable(String name, JsonNode value) {
        return name.endsWith("_refs") && !name.equals("object_marking_refs") && value.isArray();
    }
}
