package org.jcu.sharing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a submitter asks for its new holdings; null members fall back to the organisation's defaults, null lists are
 * empty.
 *
 * @param distribution  who the holdings are shared with, or null for the organisation's default
 * @param communities   community ids or names (for COMMUNITIES / CONNECTED_COMMUNITIES)
 * @param sharingGroups sharing group ids (for SHARING_GROUPS)
 * @param recipients    named recipient organisations (ids or names) for objects marked TLP:RED
 * @param tlp           TLP for objects that carry no TLP marking, or null for the organisation's default
 * @param pap           PAP for objects that carry no PAP marking, or null for the organisation's default
 */
public record SharingRequest(
        @Nullable Distribution distribution,
        List<String> communities,
        List<String> sharingGroups,
        List<String> recipients,
        @Nullable Tlp tlp,
        @Nullable Pap pap) {

    public SharingRequest {
        communities = communities == null ? List.of() : communities;
        sharingGroups = sharingGroups == null ? List.of() : sharingGroups;
        recipients = recipients == null ? List.of() : recipients;
    }

    /** Everything from the organisation's defaults. */
    public static final SharingRequest DEFAULTS = new SharingRequest(null, List.of(), List.of(), List.of(), null, null);
}
