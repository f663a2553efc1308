package org.jcu.sharing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Published (synchronously, inside the writing transaction) when some organisations may now see holdings they could
 * not see before: an MoU starts, a sharing-group member or a community link is added. The intelligence store moves
 * the affected versions to new delivery positions so that TAXII pollers receive them after this moment (issue 3,
 * 4b; decision 0007).
 *
 * @param selection SQL selecting the {@code version_seq} of every holding whose audience may have grown
 * @param args      its bind parameters
 * @param reason    for logs, e.g. {@code mou 1234 started}
 */
public record AudienceChange(String selection, List<Object> args, String reason) {

    private static final String TARGETS = "SELECT t.version_seq FROM holding_target t JOIN holding h"
            + " ON h.version_seq = t.version_seq AND h.org_id = t.org_id WHERE ";

    /**
     * Memberships in {@code communityIds} started: holdings naming them, or linked to them (connected), and, if
     * {@code firstMembership}, every all-communities holding.
     */
    public static AudienceChange memberships(Collection<String> communityIds, boolean firstMembership, String reason) {
        List<Object> args = new ArrayList<>();
        String marks = marks(communityIds.size());
        StringBuilder sql = new StringBuilder(TARGETS)
                .append("t.kind = 'COMMUNITY' AND h.distribution IN ('COMMUNITIES', 'CONNECTED_COMMUNITIES')")
                .append(" AND t.target_id IN (")
                .append(marks)
                .append(")");
        args.addAll(communityIds);
        sql.append(" UNION ")
                .append(TARGETS)
                .append("t.kind = 'COMMUNITY' AND h.distribution = 'CONNECTED_COMMUNITIES'");
        sql.append(" AND t.target_id IN (SELECT cl.community_id FROM community_link cl WHERE cl.linked_id IN (");
        sql.append(marks).append("))");
        args.addAll(communityIds);
        if (firstMembership) {
            sql.append(" UNION SELECT version_seq FROM holding WHERE distribution = 'ALL_COMMUNITIES'");
        }
        return new AudienceChange(sql.toString(), args, reason);
    }

    /** A member joined a sharing group: holdings naming the group. */
    public static AudienceChange sharingGroup(String groupId, String reason) {
        return new AudienceChange(
                TARGETS + "t.kind = 'SHARING_GROUP' AND h.distribution = 'SHARING_GROUPS' AND t.target_id = ?",
                List.of(groupId),
                reason);
    }

    /** Two communities were linked: connected-communities holdings naming either. */
    public static AudienceChange link(String a, String b, String reason) {
        return new AudienceChange(
                TARGETS + "t.kind = 'COMMUNITY' AND h.distribution = 'CONNECTED_COMMUNITIES' AND t.target_id IN (?, ?)",
                List.of(a, b),
                reason);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(Math.max(1, n), "?"));
    }
}
