package org.jcu.sharing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads sharing markings out of STIX 2.1 content (decision 0007, "write-time rules").
 *
 * <ul>
 *   <li>TLP: the well-known TLP 2.0/1.0 marking-definition ids ({@link Tlp#ofMarkingId}), or a marking definition
 *       whose {@code name}, {@code definition.tlp}, {@code definition.statement} or {@code tlp_2_0} property-extension
 *       value names a TLP label (STIX 2.1 §7.2.1; the TLP 2.0 extension of cti-stix-common-objects).
 *   <li>PAP: a marking definition whose {@code name} or {@code definition.statement} is a PAP label (MISP PAP
 *       taxonomy).
 *   <li>EUCI: a marking definition or object labels naming an EU classification level (MISP {@code euci} taxonomy:
 *       {@code TS-UE/EU-TS}, {@code S-UE/EU-S}, {@code C-UE/EU-C}, {@code R-UE/EU-R}, or any {@code euci:} tag).
 *       The platform is not accredited for EU classified information and rejects it on ingest.
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
public final class Markings {

    /** What one marking definition means for sharing. */
    public record Meaning(Optional<Tlp> tlp, Optional<Pap> pap, boolean euci) {
        static final Meaning NONE = new Meaning(Optional.empty(), Optional.empty(), false);

        /** True if the definition carries nothing jcu acts on. */
        public boolean isEmpty() {
            return tlp.isEmpty() && pap.isEmpty() && !euci;
        }
    }

    private static final Pattern EUCI = Pattern.compile(
            "(?i)(^|[^A-Z])(TS-UE|EU-TS|S-UE|EU-S|C-UE|EU-C|R-UE|EU-R|RESTREINT\\s+UE|CONFIDENTIEL\\s+UE|SECRET\\s+UE"
                    + "|TRES\\s+SECRET\\s+UE)([^A-Z]|$)|^euci:");

    private static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private Markings() {}

    /** The meaning of a {@code marking-definition} object (anything else means nothing). */
    public static Meaning classify(JsonNode definition) {
        if (!"marking-definition".equals(text(definition.get("type")))) {
            return Meaning.NONE;
        }
        String id = text(definition.get("id"));
        Optional<Tlp> tlp = id == null ? Optional.empty() : Tlp.ofMarkingId(id);
        String name = text(definition.get("name"));
        JsonNode body = definition.get("definition");
        String statement = body == null ? null : text(body.get("statement"));
        String tlpField = body == null ? null : text(body.get("tlp"));
        JsonNode extensions = definition.get("extensions");
        String tlp2 = null;
        if (extensions != null && extensions.get(TLP2_EXTENSION) != null) {
            tlp2 = text(extensions.get(TLP2_EXTENSION).get("tlp_2_0"));
        }
        if (tlp.isEmpty()) {
            tlp = firstTlp(tlp2, tlpField, labelled(name, "TLP:"), labelled(statement, "TLP:"));
        }
        Optional<Pap> pap = Optional.empty();
        for (String candidate : new String[] {name, statement}) {
            if (pap.isEmpty()
                    && candidate != null
                    && candidate.toUpperCase(Locale.ROOT).startsWith("PAP:")) {
                pap = Pap.parse(candidate);
            }
        }
        boolean euci = isEuci(name) || isEuci(statement);
        return new Meaning(tlp, pap, euci);
    }

    /** True if a label or statement names an EU classification level (MISP {@code euci} taxonomy). */
    public static boolean isEuci(String text) {
        return text != null && EUCI.matcher(text.trim()).find();
    }

    /** The first label among {@code node.labels} that marks EU classified information, if any. */
    public static Optional<String> euciLabel(JsonNode node) {
        JsonNode labels = node.get("labels");
        if (labels != null && labels.isArray()) {
            for (JsonNode label : labels) {
                String value = text(label);
                if (value != null && isEuci(value)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static String labelled(String text, String prefix) {
        return text != null && text.trim().toUpperCase(Locale.ROOT).startsWith(prefix) ? text : null;
    }

    private static Optional<Tlp> firstTlp(String... candidates) {
        for (String candidate : candidates) {
            Optional<Tlp> tlp = Tlp.parse(candidate);
            if (tlp.isPresent()) {
                return tlp;
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }
}
