package org.jcu.stix;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upgrades STIX 2.0 objects to STIX 2.1 in place.
 *
 * <p>An object is taken as STIX 2.0 when it is not a cyber-observable and has no {@code spec_version} (in 2.0 the
 * version is on the bundle only, and may follow the objects in the bundle text) or has {@code spec_version} "2.0".
 * Changes made, each required by a STIX 2.1 MUST that 2.0 content cannot meet:
 * <ul>
 *   <li>{@code spec_version} = "2.1" (STIX 2.1 §3.2, required on SDOs, SROs and marking definitions);</li>
 *   <li>malware: {@code is_family} = true when absent (§4.11, required; 2.0 malware described families);</li>
 *   <li>indicator: {@code pattern_type} = "stix" when absent (§4.7, required; 2.0 patterns are STIX patterns).</li>
 * </ul>
 * Everything else, including 2.0 {@code labels} and the embedded {@code objects} of observed-data (deprecated but
 * valid in 2.1), is kept as received.
 */
public final class StixUpgrade {

    private StixUpgrade() {}

    /** True if {@code object} is STIX 2.0 content by the rule above. */
    public static boolean isStix20(ObjectNode object) {
        JsonNode type = object.get("type");
        if (type == null || !type.isString()) {
            return false;
        }
        JsonNode specVersion = object.get("spec_version");
        if (specVersion == null) {
            return !StixTypes.isSco(type.stringValue()) && object.has("created");
        }
        return specVersion.isString() && "2.0".equals(specVersion.stringValue());
    }

    /**
     * Upgrades {@code object} if it is STIX 2.0.
     *
     * @return true if the object was changed
     */
    public static boolean upgradeIfNeeded(ObjectNode object) {
        if (!isStix20(object)) {
            return false;
        }
        object.put("spec_version", "2.1");
        String type = object.get("type").stringValue();
        if ("malware".equals(type) && !object.has("is_family")) {
            object.put("is_family", true);
        }
        if ("indicator".equals(type) && !object.has("pattern_type")) {
            object.put("pattern_type", "stix");
        }
        return true;
    }
}
