package org.jcu.stix;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed read access to the common properties of a STIX object tree (STIX 2.1 §3.2); the tree itself stays the
 * source of truth.
 *
 * @param node the object
 */
public record StixObject(ObjectNode node) {

    /** {@code type}. */
    public String type() {
        return text("type");
    }

    /** {@code id}. */
    public String id() {
        return text("id");
    }

    /** {@code spec_version}, or "2.1" for SCOs that omit it. */
    public String specVersion() {
        String value = text("spec_version");
        return value == null ? "2.1" : value;
    }

    /** {@code created}, or null (SCOs). */
    public String created() {
        return text("created");
    }

    /** {@code modified}, or null (SCOs, some marking definitions). */
    public String modified() {
        return text("modified");
    }

    /** {@code revoked} (false when absent). */
    public boolean revoked() {
        JsonNode value = node.get("revoked");
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /**
     * The timestamp that identifies this version: {@code modified}, else {@code created}, else null (TAXII 2.1 §3.4.1
     * uses the same fallback for the {@code version} of objects without {@code modified}).
     */
    public String versionTimestamp() {
        String modified = modified();
        return modified != null ? modified : created();
    }

    private String text(String property) {
        JsonNode value = node.get(property);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
