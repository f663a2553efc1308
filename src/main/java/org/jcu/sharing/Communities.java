package org.jcu.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jcu.stix.StixTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * JCU communities (CSIRTs Network, EU-CyCLONe, IPCR, LEA, private partners — seeded — and any created later), the
 * links between them ("connected communities") and the memoranda of understanding that make organisations members.
 * A membership exists only while one of its MoUs is valid ({@code valid_from ≤ t < valid_until}); see decision 0007.
 *
 * <p>Thread-safety: safe for concurrent use (state lives in the database).
 */
@Service
public class Communities {

    /** Kinds of community, after the three JCU coordination levels plus law enforcement and private partners. */
    public enum Kind {
        TECHNICAL,
        OPERATIONAL,
        STRATEGIC,
        LAW_ENFORCEMENT,
        PRIVATE_PARTNERS,
        OTHER
    }

    /** A community. */
    public record Community(String id, String name, Kind kind, String description, List<String> linkedIds) {}

    /**
     * A memorandum of understanding.
     *
     * @param validFrom  inclusive, UTC micros
     * @param validUntil exclusive, UTC micros, or null (open-ended)
     * @param signedOn   ISO date
     */
    public record Mou(
            String id,
            String communityId,
            String reference,
            String scope,
            String signedOn,
            String validFrom,
            @Nullable String validUntil,
            List<String> parties) {

        /** True if the MoU grants membership at {@code at} (UTC micros). */
        public boolean validAt(String at) {
            return validFrom.compareTo(at) <= 0 && (validUntil == null || validUntil.compareTo(at) > 0);
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    Communities(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** All communities, by name. */
    public List<Community> communities() {
        List<Community> out = new ArrayList<>();
        jdbc.sql("SELECT id, name, kind, description FROM community ORDER BY name")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list()
                .forEach(r -> out.add(new Community(r[0], r[1], Kind.valueOf(r[2]), r[3], linked(r[0]))));
        return out;
    }

    /** A community by id or name. */
    public Optional<Community> community(String idOrName) {
        return communities().stream()
                .filter(c -> c.id().equals(idOrName) || c.name().equals(idOrName))
                .findFirst();
    }

    /**
     * Creates a community.
     *
     * @throws IllegalArgumentException if the name is blank, over 200 characters or taken
     */
    @Transactional
    public Community create(String name, Kind kind, @Nullable String description) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new IllegalArgumentException("community name must have 1 to 200 characters");
        }
        if (community(clean).isPresent()) {
            throw new IllegalArgumentException("community '" + clean + "' already exists");
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO community (id, name, kind, description, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, clean, kind.name(), description == null ? "" : description, now())
                .update();
        return community(id).orElseThrow();
    }

    /** Connects two communities (both directions); idempotent. */
    @Transactional
    public void link(String a, String b) {
        Community first = require(a);
        Community second = require(b);
        if (first.id().equals(second.id())) {
            throw new IllegalArgumentException("a community cannot be linked to itself");
        }
        for (String[] pair : new String[][] {{first.id(), second.id()}, {second.id(), first.id()}}) {
            if (!linked(pair[0]).contains(pair[1])) {
                jdbc.sql("INSERT INTO community_link (community_id, linked_id) VALUES (?, ?)")
                        .params(pair[0], pair[1])
                        .update();
            }
        }
    }

    /**
     * Records a signed MoU: its parties become members of the community while it is valid.
     *
     * @param validUntil exclusive end, or null for open-ended
     * @throws IllegalArgumentException naming the field: unknown community or party, no parties, blank reference,
     *     validity window empty
     */
    @Transactional
    public Mou recordMou(
            String communityId,
            String reference,
            @Nullable String scope,
            LocalDate signedOn,
            Instant validFrom,
            @Nullable Instant validUntil,
            List<String> parties) {
        Community community = require(communityId);
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw new IllegalArgumentException("mou reference must have 1 to 200 characters");
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("mou valid_until must be after valid_from");
        }
        if (parties == null || parties.isEmpty()) {
            throw new IllegalArgumentException("an mou needs at least one party");
        }
        Set<String> partyIds = new LinkedHashSet<>();
        for (String party : parties) {
            partyIds.add(directory
                    .findOrganizationByIdOrName(party)
                    .orElseThrow(() -> new IllegalArgumentException("mou parties: no organisation '" + party + "'"))
                    .id());
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO mou (id, community_id, reference, scope, signed_on, valid_from, valid_until, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        community.id(),
                        reference.strip(),
                        scope == null ? "" : scope,
                        signedOn.toString(),
                        StixTimestamps.micros(validFrom),
                        validUntil == null ? null : StixTimestamps.micros(validUntil),
                        now())
                .update();
        for (String party : partyIds) {
            jdbc.sql("INSERT INTO mou_party (mou_id, org_id) VALUES (?, ?)")
                    .params(id, party)
                    .update();
        }
        return mou(id).orElseThrow();
    }

    /** Ends an MoU now (its memberships grant nothing from now on); false if unknown or already ended. */
    @Transactional
    public boolean terminateMou(String mouId) {
        String now = now();
        return jdbc.sql("UPDATE mou SET valid_until = ? WHERE id = ? AND (valid_until IS NULL OR valid_until > ?)")
                        .params(now, mouId, now)
                        .update()
                > 0;
    }

    /** An MoU by id. */
    public Optional<Mou> mou(String id) {
        return mous(null).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** MoUs of one community (or all if null), oldest first. */
    public List<Mou> mous(@Nullable String communityId) {
        return jdbc.sql("SELECT id, community_id, reference, scope, signed_on, valid_from, valid_until FROM mou"
                        + " WHERE community_id = ? OR ? ORDER BY created_at, id")
                .params(communityId == null ? "" : communityId, communityId == null)
                .query((rs, n) -> new Mou(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        parties(rs.getString(1))))
                .list();
    }

    /** Ids of the communities {@code orgId} is a valid member of now. */
    public Set<String> membershipsNow(String orgId) {
        String now = now();
        return new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT mo.community_id FROM mou_party mp JOIN mou mo"
                        + " ON mo.id = mp.mou_id WHERE mp.org_id = ? AND mo.valid_from <= ?"
                        + " AND (mo.valid_until IS NULL OR mo.valid_until > ?) ORDER BY mo.community_id")
                .params(orgId, now, now)
                .query(String.class)
                .list());
    }

    /** Parses a community kind, naming the accepted values on error. */
    public static Kind kind(String text) {
        try {
            return Kind.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown community kind '" + text + "': expected one of "
                    + java.util.Arrays.toString(Kind.values()));
        }
    }

    private List<String> parties(String mouId) {
        return jdbc.sql("SELECT org_id FROM mou_party WHERE mou_id = ? ORDER BY org_id")
                .param(mouId)
                .query(String.class)
                .list();
    }

    private List<String> linked(String communityId) {
        return jdbc.sql("SELECT linked_id FROM community_link WHERE community_id = ? ORDER BY linked_id")
                .param(communityId)
                .query(String.class)
                .list();
    }

    private Community require(String idOrName) {
        return community(idOrName).orElseThrow(() -> new IllegalArgumentException("no community '" + idOrName + "'"));
    }

    private String now() {
        return StixTimestamps.micros(clock.instant());
    }
}
