package org.jcu.intel;

import java.util.ArrayList;
import java.util.List;

import org.jcu.stix.StixTimestamps;

/**
 * Which versions of each object a listing returns (TAXII 2.1 §3.5.1 {@code match[version]}): any combination of
 * {@code last}, {@code first}, {@code all} and specific version timestamps.
 *
 * @param last  the newest version the reader may see
 * @param first the oldest version the reader may see
 * @param all   every version
 * @param keys  specific versions, as fixed-width version keys
 */
public record VersionSelector(boolean last, boolean first, boolean all, List<String> keys) {

    /** The default: the last version. */
    public static final VersionSelector LAST = new VersionSelector(true, false, false, List.of());

    /** Every version. */
    public static final VersionSelector ALL = new VersionSelector(false, false, true, List.of());

    /**
     * Parses a comma-separated {@code match[version]} value; null or blank means {@link #LAST}.
     *
     * @throws IllegalArgumentException naming the bad element
     */
    public static VersionSelector parse(String value) {
        if (value == null || value.isBlank()) {
            return LAST;
        }
        boolean last = false;
        boolean first = false;
        boolean all = false;
        List<String> keys = new ArrayList<>();
        for (String part : value.split(",")) {
            String item = part.trim();
            switch (item) {
                case "last" -> last = true;
                case "first" -> first = true;
                case "all" -> all = true;
                default -> {
                    if (!StixTimestamps.isValid(item)) {
                        throw new IllegalArgumentException("match[version]: '" + item
                                + "' is not 'last', 'first', 'all' or a STIX timestamp");
                    }
                    keys.add(StixTimestamps.versionKey(item));
                }
            }
        }
        return new VersionSelector(last, first, all, List.copyOf(keys));
    }
}
