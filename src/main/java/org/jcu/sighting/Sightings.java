package org.jcu.sighting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jcu.intel.ImportOptions;
import org.jcu.intel.ImportReport;
import org.jcu.intel.ImportService;
import org.jcu.intel.IntelQueries;
import org.jcu.sharing.AccessScope;
import org.jcu.sharing.Directory;
import org.jcu.sharing.Distribution;
import org.jcu.sharing.HoldingSharing;
import org.jcu.sharing.JcuPrincipal;
import org.jcu.sharing.SharingDecisions;
import org.jcu.sharing.SharingRequest;
import org.jcu.sharing.Tlp;
import org.jcu.stix.StixJson;
import org.jcu.stix.StixObjectReader;
import org.jcu.stix.StixTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST shortcut for sightings: a reader reports that an object it can see was seen, was a false positive, or
 * expired; jcu writes a STIX 2.1 {@code sighting} (§5.5) and imports it for the reader's organisation under its
 * sharing defaults (or the TLP asked), exactly as if it had been uploaded. Sightings uploaded in bundles count alike.
 *
 * <p>Thread-safety: thread-safe.
 */
@Service
public class Sightings {

    /** How far in the future a {@code last_seen} may lie (clock skew between reporters). */
    static final java.time.Duration MAX_CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /** STIX relationship objects and meta objects a sighting cannot be of (§5.5: an SDO or custom object). */
    static final java.util.Set<String> NOT_SIGHTABLE = java.util.Set.of(
            "relationship", "sighting", "marking-definition", "language-content", "extension-definition");

    /** Largest {@code count} STIX allows (§5.5: 0..999,999,999). */
    public static final long MAX_COUNT = 999_999_999L;

    private final IntelQueries queries;
    private final ImportService imports;
    private final SharingDecisions sharing;
    private final Directory directory;
    private final DecayScores scores;
    private final Clock clock;

    Sightings(
            IntelQueries queries,
            ImportService imports,
            SharingDecisions sharing,
            Directory directory,
            DecayScores scores,
            Clock clock) {
        this.queries = queries;
        this.imports = imports;
        this.sharing = sharing;
        this.directory = directory;
        this.scores = scores;
        this.clock = clock;
    }

    /**
     * A sighting report.
     *
     * @param type      seen (default), false-positive, expired
     * @param count     how many times, 1..999,999,999 (default 1)
     * @param firstSeen STIX timestamp, default now
     * @param lastSeen  STIX timestamp, default first_seen
     * @param note      free text kept as the sighting's description
     * @param anonymous true: the sighting does not name the reporting organisation
     * @param tlp       TLP for the sighting, default the organisation's default
     * @param distribution  distribution of the sighting (as {@code POST /bundles}), default the organisation's
     * @param communities   communities for COMMUNITIES / CONNECTED_COMMUNITIES
     * @param sharingGroups sharing groups for SHARING_GROUPS
     * @param recipients    named recipients for TLP:RED
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Report(
            @Nullable String type,
            @Nullable Long count,
            @Nullable String firstSeen,
            @Nullable String lastSeen,
            @Nullable String note,
            @Nullable Boolean anonymous,
            @Nullable String tlp,
            @Nullable String distribution,
            @Nullable List<String> communities,
            @Nullable List<String> sharingGroups,
            @Nullable List<String> recipients) {}

    /**
     * Writes and imports the sighting of {@code objectId}.
     *
     * @return the import report and the sighting id, or empty if the reader may not see the object
     * @throws IllegalArgumentException naming the field and rule for bad input
     */
    public Optional<Reported> report(JcuPrincipal user, AccessScope scope, String objectId, Report report) {
        Optional<org.jcu.intel.StoredVersion> target = queries.latest(scope, objectId);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String targetType = target.get().type();
        if (org.jcu.stix.StixTypes.isSco(targetType) || NOT_SIGHTABLE.contains(targetType)) {
            throw new IllegalArgumentException("sighting_of_ref: a sighting is of an SDO or a custom object (STIX 2.1"
                    + " §5.5), not of a " + targetType);
        }
        SightingType type = report.type() == null ? SightingType.SEEN : SightingType.of(report.type());
        long count = report.count() == null ? 1 : report.count();
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count: must be 1.." + MAX_COUNT + ", got " + count);
        }
        Instant now = clock.instant();
        String nowText = StixTimestamps.micros(now);
        String first = report.firstSeen() != null
                ? timestamp("first_seen", report.firstSeen())
                : report.lastSeen() != null ? timestamp("last_seen", report.lastSeen()) : nowText;
        String last = report.lastSeen() == null ? first : timestamp("last_seen", report.lastSeen());
        if (StixTimestamps.parse(last).isBefore(StixTimestamps.parse(first))) {
            throw new IllegalArgumentException("last_seen: must not be before first_seen (STIX 2.1 §5.5)");
        }
        if (StixTimestamps.parse(last).isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new IllegalArgumentException("last_seen: " + last + " is in the future");
        }
        ObjectNode node = StixJson.mapper().createObjectNode();
        String id = "sighting--" + UUID.randomUUID();
        node.put("type", "sighting");
        node.put("spec_version", "2.1");
        node.put("id", id);
        node.put("created", nowText);
        node.put("modified", nowText);
        node.put("sighting_of_ref", objectId);
        node.put("count", count);
        node.put("first_seen", first);
        node.put("last_seen", last);
        node.put("x_jcu_sighting_type", type.code());
        if (!Boolean.TRUE.equals(report.anonymous())) {
            directory.organization(user.orgId()).ifPresent(org -> node.put("x_jcu_sighted_by", org.name()));
        }
        if (report.note() != null && !report.note().isBlank()) {
            node.put("description", report.note());
        }
        HoldingSharing decided = sharing.resolve(
                user.orgId(),
                new SharingRequest(
                        report.distribution() == null ? null : Distribution.of(report.distribution()),
                        report.communities(),
                        report.sharingGroups(),
                        report.recipients(),
                        report.tlp() == null ? null : Tlp.of(report.tlp()),
                        null));
        byte[] bytes = StixJson.storageForm(node).getBytes(StandardCharsets.UTF_8);
        try (StixObjectReader reader =
                StixObjectReader.of(new ByteArrayInputStream(bytes), StixObjectReader.Format.NDJSON, "sighting")) {
            ImportReport result = imports.importObjects(
                    reader, new ImportOptions(user.orgId(), "api:sighting", false, decided), n -> {});
            return Optional.of(new Reported(id, result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A written sighting and its import report. */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reported(String sightingId, ImportReport report) {}

    /** The sightings of {@code objectId} the reader may see; empty if it may not see the object. */
    public Optional<List<Sighting>> of(AccessScope scope, String objectId) {
        if (queries.latest(scope, objectId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(scores.sightings(scope, objectId));
    }

    private static String timestamp(String field, String text) {
        try {
            StixTimestamps.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
