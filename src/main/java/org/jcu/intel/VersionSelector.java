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
 * @param dateAddedKeys the same timestamps as {@code date_added} values (microseconds): the TAXII version of an object
 *              with neither {@code modified} nor {@code created} is its {@code date_added}
 */
public record VersionSelector(boolean last, boolean first, boolean all, List<String> keys, List<String> dateAddedKeys) {

    /** The default: the last version. */
    public static final VersionSelector LAST = new VersionSelector(true, false, false, List.of(), List.of());

    /** Every version. */
    public static final VersionSelector ALL = new VersionSelector(false, false, true, List.of(), List.of());

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
        List<String> dateAdded = new ArrayList<>();
        for (String part : value.split(",", -1)) { // an empty item is an error, not nothing
            String item = part.trim();
            switch (item) {
                case "last" -> last = true;
                case "first" -> first = true;
                case "all" -> all = true;
                default -> {
                    if (!StixTimestamps.isValid(item)) {
                        throw new IllegalArgumentException(
                                "match[version]: '" + item + "' is not 'last', 'first', 'all' or a STIX timestamp");
                    }
                    keys.add(StixTimestamps.versionKey(item));
                    dateAdded.add(StixTimestamps.micros(StixTimestamps.instant(item)));
                }
            }
        }
        return new VersionSelector(last, first, all, List.copyOf(keys), List.copyOf(dateAdded));
    }
}
