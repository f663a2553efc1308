package org.jcu.sharing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Turns a submitter's {@link SharingRequest} into a validated {@link HoldingSharing}, applying the organisation's
 * defaults and the write-time rules of decision 0007.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
@Service
public class SharingDecisions {

    private final Directory directory;
    private final Communities communities;
    private final SharingGroups sharingGroups;

    SharingDecisions(Directory directory, Communities communities, SharingGroups sharingGroups) {
        this.directory = directory;
        this.communities = communities;
        this.sharingGroups = sharingGroups;
    }

    /**
     * Validates a request for {@code holderOrg}.
     *
     * @throws IllegalArgumentException naming the field and the rule: a community distribution without communities
     *     or naming one the holder is not a valid member of; a sharing-group distribution without groups or naming one
     *     the holder is not in; targets given for a distribution that takes none; an unknown recipient
     */
    public HoldingSharing resolve(String holderOrg, SharingRequest request) {
        Directory.Organization holder = directory
                .organization(holderOrg)
                .orElseThrow(() -> new IllegalArgumentException("no organisation with id " + holderOrg));
        Directory.SharingDefaults defaults = holder.defaults();
        boolean explicit = request.distribution() != null;
        Distribution distribution = explicit ? request.distribution() : defaults.distribution();
        List<String> communityNames =
                explicit || !request.communities().isEmpty() ? request.communities() : defaults.communities();

        List<String> communityIds = new ArrayList<>();
        List<String> groupIds = new ArrayList<>();
        if (distribution.namesCommunities()) {
            if (communityNames.isEmpty()) {
                throw new IllegalArgumentException(
                        "distribution " + distribution + ": name at least one community (community=…)");
            }
            Set<String> memberships = communities.membershipsNow(holderOrg);
            for (String name : new LinkedHashSet<>(communityNames)) {
                Communities.Community community = communities
                        .community(name)
                        .orElseThrow(() -> new IllegalArgumentException("community: no community '" + name + "'"));
                if (!memberships.contains(community.id())) {
                    throw new IllegalArgumentException("community '" + community.name()
                            + "': your organisation has no valid MoU membership in it, so it cannot share there");
                }
                communityIds.add(community.id());
            }
        } else if (!request.communities().isEmpty()) {
            throw new IllegalArgumentException(
                    "community: communities are only taken by distribution communities or connected_communities");
        }
        if (distribution == Distribution.SHARING_GROUPS) {
            if (request.sharingGroups().isEmpty()) {
                throw new IllegalArgumentException(
                        "distribution sharing_groups: name at least one sharing group (sharing_group=…)");
            }
            List<SharingGroups.SharingGroup> mine = sharingGroups.visibleTo(holderOrg, false);
            for (String group : new LinkedHashSet<>(request.sharingGroups())) {
                // by id, or by name among the groups the holder belongs to
                String id = mine.stream()
                        .filter(g -> g.id().equals(group) || g.name().equals(group))
                        .map(SharingGroups.SharingGroup::id)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "sharing_group '" + group + "': no such group among your organisation's groups"));
                groupIds.add(id);
            }
        } else if (!request.sharingGroups().isEmpty()) {
            throw new IllegalArgumentException(
                    "sharing_group: sharing groups are only taken by distribution sharing_groups");
        }
        List<String> recipients = new ArrayList<>();
        for (String recipient : new LinkedHashSet<>(request.recipients())) {
            recipients.add(directory
                    .findOrganizationByIdOrName(recipient)
                    .orElseThrow(() -> new IllegalArgumentException("recipient: no organisation '" + recipient + "'"))
                    .id());
        }
        return new HoldingSharing(
                distribution,
                List.copyOf(communityIds),
                List.copyOf(groupIds),
                List.copyOf(new LinkedHashSet<>(recipients)),
                request.tlp() != null ? request.tlp() : defaults.tlp(),
                request.pap() != null ? request.pap() : defaults.pap());
    }
}
