package org.jcu.sharing;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jcu.stix.StixTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing groups: explicit lists of member organisations that a holding can name (several per holding). The owner
 * organisation is always a member. A {@code confidential} group hides its member list from members other than the
 * owner (MISP cannot do this; see anchors-cti.md §2.3).
 *
 * <p>Thread-safety: safe for concurrent use (state lives in the database).
 */
@Service
public class SharingGroups {

    /**
     * A sharing group as shown to a viewer.
     *
     * @param members member organisation ids, or null when hidden from this viewer (confidential group)
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SharingGroup(
            String id,
            String name,
            String ownerOrg,
            boolean confidential,
            String description,
            @Nullable List<String> members) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SharingGroups(JdbcClient jdbc, Directory directory, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates a group owned by {@code ownerOrg}, with the owner and {@code members} as members.
     *
     * @throws IllegalArgumentException if the name is blank, over 200 characters or already used by the same owner
     *     (names are unique per owner only, so that a confidential group's name is not revealed), or a member is
     *     unknown
     */
    @Transactional
    public SharingGroup create(
            String name, String ownerOrg, boolean confidential, @Nullable String description, List<String> members) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new IllegalArgumentException("sharing group name must have 1 to 200 characters");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM sharing_group WHERE name = ? AND owner_org = ?")
                        .params(clean, ownerOrg)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new IllegalArgumentException("your organisation already has a sharing group named '" + clean + "'");
        }
        Set<String> ids = new LinkedHashSet<>();
        ids.add(ownerOrg);
        for (String member : members) {
            ids.add(resolve(member));
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO sharing_group (id, name, owner_org, confidential, description, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, clean, ownerOrg, confidential, description == null ? "" : description, now())
                .update();
        for (String member : ids) {
            insertMember(id, member);
        }
        return view(id, ownerOrg, true).orElseThrow();
    }

    /** Adds a member; idempotent. */
    @Transactional
    public void addMember(String groupId, String member) {
        String orgId = resolve(member);
        if (!memberIds(groupId).contains(orgId)) {
            insertMember(groupId, orgId);
            events.publishEvent(
                    AudienceChange.sharingGroup(groupId, "organisation " + orgId + " joined group " + groupId));
        }
    }

    /**
     * Removes a member (never the owner).
     *
     * @throws IllegalArgumentException if {@code member} is the owner
     */
    @Transactional
    public boolean removeMember(String groupId, String member) {
        String orgId = resolve(member);
        if (orgId.equals(ownerOf(groupId).orElse(null))) {
            throw new IllegalArgumentException("the owner organisation cannot leave its sharing group");
        }
        return jdbc.sql("DELETE FROM sharing_group_member WHERE group_id = ? AND org_id = ?")
                        .params(groupId, orgId)
                        .update()
                > 0;
    }

    /** The owner organisation of a group. */
    public Optional<String> ownerOf(String groupId) {
        return jdbc.sql("SELECT owner_org FROM sharing_group WHERE id = ?")
                .param(groupId)
                .query(String.class)
                .optional();
    }

    /** True if {@code orgId} is a member (owners are members). */
    public boolean isMember(String groupId, String orgId) {
        return memberIds(groupId).contains(orgId);
    }

    /**
     * The group as {@code viewerOrg} may see it: members are listed for the owner, for administrators
     * ({@code administrator}) and, unless the group is confidential, for members. Non-members get nothing.
     */
    public Optional<SharingGroup> view(String groupId, String viewerOrg, boolean administrator) {
        Optional<Object[]> row = jdbc.sql(
                        "SELECT id, name, owner_org, confidential, description FROM sharing_group WHERE id = ?")
                .param(groupId)
                .query((rs, n) -> new Object[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)
                })
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = row.get();
        List<String> members = memberIds(groupId);
        boolean owner = r[2].equals(viewerOrg);
        if (!administrator && !members.contains(viewerOrg)) {
            return Optional.empty();
        }
        boolean confidential = (Boolean) r[3];
        boolean showMembers = administrator || owner || !confidential;
        return Optional.of(new SharingGroup(
                (String) r[0],
                (String) r[1],
                (String) r[2],
                confidential,
                (String) r[4],
                showMembers ? members : null));
    }

    /** Groups {@code viewerOrg} belongs to (all groups for administrators), by name. */
    public List<SharingGroup> visibleTo(String viewerOrg, boolean administrator) {
        return jdbc.sql("SELECT id FROM sharing_group ORDER BY name").query(String.class).list().stream()
                .map(id -> view(id, viewerOrg, administrator))
                .flatMap(Optional::stream)
                .toList();
    }

    private List<String> memberIds(String groupId) {
        return jdbc.sql("SELECT org_id FROM sharing_group_member WHERE group_id = ? ORDER BY org_id")
                .param(groupId)
                .query(String.class)
                .list();
    }

    private void insertMember(String groupId, String orgId) {
        jdbc.sql("INSERT INTO sharing_group_member (group_id, org_id, added_at) VALUES (?, ?, ?)")
                .params(groupId, orgId, now())
                .update();
    }

    private String resolve(String member) {
        return directory
                .findOrganizationByIdOrName(member)
                .orElseThrow(
                        () -> new IllegalArgumentException("sharing group members: no organisation '" + member + "'"))
                .id();
    }

    private String now() {
        return StixTimestamps.micros(clock.instant());
    }
}
