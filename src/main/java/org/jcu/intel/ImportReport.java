package org.jcu.intel;

import java.util.List;
import java.util.Map;
import org.jcu.stix.Violation;

/**
 * Outcome of one import (one bundle or NDJSON file).
 *
 * @param source        the input's name
 * @param committed     true if anything was written; false when the import was rejected whole
 * @param read          objects read from the input
 * @param imported      versions newly stored or newly held by the submitting organisation (when {@code committed}
 *                      is false: that would have been, had nothing been rejected)
 * @param unchanged     versions the organisation already held with identical content (no-ops)
 * @param rejected      objects refused (invalid, conflicting, or owned by another organisation)
 * @param upgraded      objects upgraded from STIX 2.0 to 2.1
 * @param importedByType imported counts per STIX type
 * @param violations    why objects were refused (at most {@link ImportService#MAX_REPORTED} listed)
 * @param notIndexed    observable values kept in their objects but not correlated because they do not normalise
 * @param warnings      why (rule {@code observable-invalid}; at most {@link ImportService#MAX_REPORTED} listed)
 * @param error         a fatal input error (malformed or truncated JSON), or null
 * @param seconds       wall-clock duration
 */
public record ImportReport(
        String source,
        boolean committed,
        long read,
        long imported,
        long unchanged,
        long rejected,
        long upgraded,
        Map<String, Long> importedByType,
        List<Violation> violations,
        long notIndexed,
        List<Violation> warnings,
        String error,
        double seconds) {

    /** Objects per second over the whole import. */
    public double objectsPerSecond() {
        return seconds <= 0 ? read : read / seconds;
    }

    /** True when nothing was refused and the input was well-formed. */
    public boolean clean() {
        return error == null && rejected == 0;
    }
}
