package org.jcu.sharing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A validated sharing decision for the holdings of one import (decision 0007): the distribution with its targets,
 * the named recipients used by TLP:RED holdings, and the TLP/PAP for objects that carry none.
 *
 * @param distribution  the distribution
 * @param communities   community ids (COMMUNITIES / CONNECTED_COMMUNITIES), else empty
 * @param sharingGroups sharing group ids (SHARING_GROUPS), else empty
 * @param recipients    recipient organisation ids (effective for TLP:RED holdings only)
 * @param defaultTlp    TLP of objects without a TLP marking
 * @param defaultPap    PAP of objects without a PAP marking, or null
 */
public record HoldingSharing(
        Distribution distribution,
        List<String> communities,
        List<String> sharingGroups,
        List<String> recipients,
        Tlp defaultTlp,
        @Nullable Pap defaultPap) {

    /** Kinds of {@code holding_target} rows. */
    public static final String COMMUNITY = "COMMUNITY";

    public static final String SHARING_GROUP = "SHARING_GROUP";
    public static final String RECIPIENT = "RECIPIENT";
}
