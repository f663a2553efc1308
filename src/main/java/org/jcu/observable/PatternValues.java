package org.jcu.observable;

import org.jcu.observable.pattern.ExtractedValue;
import org.jcu.observable.pattern.PatternException;
import org.jcu.observable.pattern.PatternObservables;
import org.jcu.observable.pattern.StixPattern;
import org.jcu.stix.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The values an indicator's STIX pattern compares (decision 0015); other pattern languages are not parsed. */
final class PatternValues {

    private PatternValues() {}

    /**
     * Adds the pattern's values to {@code out}.
     *
     * @return the error when the indicator's STIX pattern does not parse (STIX 2.1 §9), else null
     */
    static @Nullable Violation extract(ObjectNode indicator, ObservableExtractor.Collector out) {
        JsonNode type = indicator.get("pattern_type");
        if (type != null && !(type.isString() && type.stringValue().equals("stix"))) {
            return null;
        }
        String pattern = ObservableExtractor.text(indicator.get("pattern"));
        if (pattern == null) {
            return null;
        }
        StixPattern parsed;
        try {
            parsed = StixPattern.parse(pattern);
        } catch (PatternException e) {
            return new Violation(
                    out.objectId,
                    "/pattern",
                    "pattern-invalid",
                    "not a valid STIX 2.1 pattern (§9): " + e.getMessage());
        }
        for (ExtractedValue value : PatternObservables.extract(parsed)) {
            out.add(value.kind(), value.raw(), "/pattern");
        }
        return null;
    }
}
