package org.jcu.stix;

import java.util.Set;

/**
 * The object types defined by STIX 2.1 (§4–§6 SDOs, §5 SROs, §6 SCOs, §7 meta objects).
 */
public final class StixTypes {

    /** STIX Domain Objects (STIX 2.1 §4). */
    public static final Set<String> SDO = Set.of(
            "attack-pattern",
            "campaign",
            "course-of-action",
            "grouping",
            "identity",
            "incident",
            "indicator",
            "infrastructure",
            "intrusion-set",
            "location",
            "malware",
            "malware-analysis",
            "note",
            "observed-data",
            "opinion",
            "report",
            "threat-actor",
            "tool",
            "vulnerability");

    /** STIX Relationship Objects (STIX 2.1 §5). */
    public static final Set<String> SRO = Set.of("relationship", "sighting");

    /** STIX Cyber-observable Objects (STIX 2.1 §6). */
    public static final Set<String> SCO = Set.of(
            "artifact",
            "autonomous-system",
            "directory",
            "domain-name",
            "email-addr",
            "email-message",
            "file",
            "ipv4-addr",
            "ipv6-addr",
            "mac-addr",
            "mutex",
            "network-traffic",
            "process",
            "software",
            "url",
            "user-account",
            "windows-registry-key",
            "x509-certificate");

    /** STIX meta objects (STIX 2.1 §7). */
    public static final Set<String> META = Set.of("marking-definition", "language-content", "extension-definition");

    private StixTypes() {}

    /** Schema folder of a standard type ({@code sdos}, {@code sros}, {@code observables}, {@code common}), or null. */
    static String schemaPath(String type) {
        if (SDO.contains(type)) {
            return "sdos/" + type + ".json";
        }
        if (SRO.contains(type)) {
            return "sros/" + type + ".json";
        }
        if (SCO.contains(type)) {
            return "observables/" + type + ".json";
        }
        if (META.contains(type)) {
            return "common/" + type + ".json";
        }
        return null;
    }

    /** True for SCO types, standard or not: custom SCOs are recognised by having no {@code created} property. */
    public static boolean isSco(String type) {
        return SCO.contains(type);
    }
}
