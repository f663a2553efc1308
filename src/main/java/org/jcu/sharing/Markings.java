package org.jcu.sharing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
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

    private static final Pattern EUCI = Pattern.compile("(?i)(^|[^A-Z0-9])(TS-UE|EU-TS|S-UE|EU-S|C-UE|EU-C|R-UE|EU-R"
            + "|(RESTREINT|CONFIDENTIEL|SECRET|TRES SECRET) UE"
            + "|EU[ -]?(TOP[ -]?SECRET|SECRET|CONFIDENTIAL|RESTRICTED))([^A-Z0-9]|$)"
            + "|(^|[^A-Z0-9])euci:");

    /** Dashes and spaces that look alike (U+2010–2015, U+2212, U+FE63, U+FF0D; NBSP, U+202F, …). */
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\uFE63\\uFF0D]");

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

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
        return new Meaning(tlp, pap, anyString(definition, text -> isEuci(text)));
    }

    /**
     * True if a text names an EU classification level (MISP {@code euci} taxonomy values, their English and French
     * forms, or an {@code euci:} tag), after folding look-alike dashes and spaces (NFKC, Unicode dashes, no-break
     * spaces).
     */
    public static boolean isEuci(String text) {
        if (text == null) {
            return false;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        folded = SPACES.matcher(DASHES.matcher(folded).replaceAll("-"))
                .replaceAll(" ")
                .trim();
        folded = folded.replace("TRÈS", "TRES").replace("très", "tres");
        return EUCI.matcher(folded).find();
    }

    /**
     * The first value marking EU classified information among an object's labels and tags: {@code labels} and any
     * top-level property whose name contains {@code label}, {@code tag} or {@code classif} (e.g. MISP's
     * {@code x_misp_tags}), strings or arrays of strings. Marking definitions are read whole by {@link #classify}.
     */
    public static Optional<String> euciLabel(JsonNode node) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String key = property.getKey().toLowerCase(Locale.ROOT);
            if (key.endsWith("_ref")
                    || key.endsWith("_refs")
                    || !(key.contains("label") || key.contains("tag") || key.contains("classif"))) {
                continue; // ids and other properties are not where classification labels go
            }
            List<String> found = new ArrayList<>();
            anyString(property.getValue(), text -> {
                if (found.isEmpty() && isEuci(text)) {
                    found.add(text);
                }
                return false;
            });
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** True if {@code test} holds for some string anywhere in the tree. */
    private static boolean anyString(JsonNode node, Predicate<String> test) {
        if (node.isString()) {
            return test.test(node.stringValue());
        }
        for (JsonNode child : node.isObject() ? node.values() : node.isArray() ? node.values() : List.<JsonNode>of()) {
            if (anyString(child, test)) {
                return true;
            }
        }
        return false;
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
