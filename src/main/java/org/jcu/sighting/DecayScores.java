package org.jcu.sighting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jcu.intel.IntelQueries;
import org.jcu.intel.StoredVersion;
import org.jcu.observable.Correlations;
import org.jcu.observable.ObservableKind;
import org.jcu.sharing.AccessScope;
import org.jcu.sharing.AccessScopes;
import org.jcu.sharing.UserRole;
import org.jcu.stix.StixJson;
import org.jcu.stix.StixTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The decay score of an indicator for one reader (decision 0017), 0..100:
 *
 * <pre>
 *   base  = confidence (STIX 2.1 §3.2 confidence, 0..100; default jcu.decay.default-confidence)
 *           × weight of the owner organisation's admiralty reliability (A 1.0 … E 0.25, F 0.6)
 *   score = base × 0.5 ^ (age / half-life)
 *   age   = now − reference, reference = the latest of valid_from (else created) and the last_seen of every
 *           "seen" sighting the reader may see
 * </pre>
 *
 * The half-life is the shortest configured for the observable kinds the indicator's pattern holds. The score is 0
 * with state {@code revoked}, {@code expired} ({@code valid_until} passed, or a visible "expired" sighting at or after
 * the reference time) or {@code false-positive} (likewise); a later visible "seen" sighting ends both. Only sightings the
 * reader may see count: another organisation's private sighting never moves your score.
 *
 * <p>Thread-safety: thread-safe.
 */
@Service
public class DecayScores {

    private final IntelQueries queries;
    private final Correlations correlations;
    private final SourceReliability reliability;
    private final DecayProperties properties;
    private final Clock clock;
    private final AccessScopes scopes;

    DecayScores(
            IntelQueries queries,
            Correlations correlations,
            SourceReliability reliability,
            DecayProperties properties,
            Clock clock,
            AccessScopes scopes) {
        this.queries = queries;
        this.scopes = scopes;
        this.correlations = correlations;
        this.reliability = reliability;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Visible sighting counts by type.
     *
     * @param seen          sum of {@code count} over "seen" sightings
     * @param falsePositive sum over false-positive sightings
     * @param expired       sum over "expired" sightings
     * @param lastSeen      latest {@code last_seen} of a "seen" sighting, or null
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SightingCounts(
            long seen,
            long falsePositive,
            long expired,
            @Nullable String lastSeen) {}

    /**
     * A score.
     *
     * @param score       0..100, rounded
     * @param state       {@code active}, {@code false-positive}, {@code expired}, {@code revoked}
     * @param base        confidence × reliability weight, 0..100
     * @param confidence  the confidence used
     * @param reliability the owner's admiralty grade
     * @param halfLifeDays half-life used, in days
     * @param reference   when decay started (UTC)
     * @param sightings   the visible sightings
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Score(
            int score,
            String state,
            double base,
            int confidence,
            String reliability,
            double halfLifeDays,
            String reference,
            SightingCounts sightings) {}

    /** The score of {@code indicator} (a version the reader may see) for {@code scope}. */
    public Score score(AccessScope scope, StoredVersion indicator) {
        return scores(scope, List.of(indicator)).get(0);
    }

    /** Distinct ids scored together: bounds the sightings held at once (at most 10,000 per id). */
    static final int SLICE = 100;

    /**
     * The scores of a page of {@code indicators} (versions the reader may see), in the same order: the owners, the
     * observable kinds and the sightings of their ids are read with one query each per {@link #SLICE} ids, not per
     * indicator, and so are the sightings' reporting organisations; each reporting organisation costs one more query
     * per slice, for which of the ids it sees ({@link #evidence}).
     */
    public List<Score> scores(AccessScope scope, List<StoredVersion> indicators) {
        List<Score> out = new ArrayList<>(indicators.size());
        int from = 0;
        while (from < indicators.size()) {
            Set<String> ids = new java.util.HashSet<>();
            int to = from;
            while (to < indicators.size()
                    && (ids.size() < SLICE || ids.contains(indicators.get(to).id()))) {
                ids.add(indicators.get(to).id());
                to++;
            }
            out.addAll(scoreSlice(scope, indicators.subList(from, to), ids));
            from = to;
        }
        return out;
    }

    private List<Score> scoreSlice(AccessScope scope, List<StoredVersion> indicators, Set<String> ids) {
        java.util.Map<String, String> owners = queries.ownersOf(scope, ids);
        java.util.Map<String, Set<ObservableKind>> kinds = correlations.kindsOf(scope, ids);
        java.util.Map<String, List<StoredVersion>> sighted = queries.sightingsOf(scope, ids, IntelQueries.MAX_PAGE);
        java.util.Map<String, List<Sighting>> evidence = evidence(scope, sighted);
        List<Score> out = new ArrayList<>(indicators.size());
        for (StoredVersion indicator : indicators) {
            String id = indicator.id();
            out.add(score(
                    indicator, owners.get(id), kinds.getOrDefault(id, Set.of()), evidence.getOrDefault(id, List.of())));
        }
        return out;
    }

    private Score score(
            StoredVersion indicator, @Nullable String owner, Set<ObservableKind> kinds, List<Sighting> sightings) {
        JsonNode node = StixJson.parse(indicator.content());
        Instant now = clock.instant();
        int confidence = node.has("confidence") && node.get("confidence").isInt()
                ? node.get("confidence").asInt()
                : properties.defaultConfidence();
        Reliability grade = owner == null ? Reliability.F : reliability.of(owner);
        double base = confidence * grade.weight();
        Duration halfLife = halfLife(kinds);
        Instant reference = time(node, "valid_from", time(node, "created", Instant.EPOCH));
        long seen = 0;
        long fp = 0;
        long expired = 0;
        Instant lastSeen = null;
        // a sighting dated in the future is no evidence: it would pin the score (found in an attack test)
        Instant horizon = now.plus(Sightings.MAX_CLOCK_SKEW);
        sightings =
                sightings.stream().filter(s -> !s.lastSeen().isAfter(horizon)).toList();
        for (Sighting s : sightings) {
            switch (s.type()) {
                case SEEN -> {
                    seen += s.count();
                    lastSeen = lastSeen == null || s.lastSeen().isAfter(lastSeen) ? s.lastSeen() : lastSeen;
                }
                case FALSE_POSITIVE -> fp += s.count();
                case EXPIRED -> expired += s.count();
            }
        }
        if (lastSeen != null && lastSeen.isAfter(reference)) {
            reference = lastSeen;
        }
        SightingCounts counts =
                new SightingCounts(seen, fp, expired, lastSeen == null ? null : StixTimestamps.micros(lastSeen));
        String state = "active";
        if (indicator.revoked()) {
            state = "revoked";
        } else if (time(node, "valid_until", Instant.MAX).isBefore(now)) {
            state = "expired";
        } else {
            // a false positive or expiry counts until the indicator is seen again after it
            for (Sighting s : sightings) {
                if (s.type() != SightingType.SEEN && !s.lastSeen().isBefore(reference)) {
                    state = s.type() == SightingType.EXPIRED ? "expired" : "false-positive";
                }
            }
        }
        double days = halfLife.toSeconds() / 86_400.0;
        int score = 0;
        if (state.equals("active")) {
            double age = Math.max(0, Duration.between(reference, now).toSeconds()) / 86_400.0;
            score = (int) Math.round(base * Math.pow(0.5, age / days));
        }
        return new Score(
                score,
                state,
                Math.round(base * 10) / 10.0,
                confidence,
                grade.name(),
                days,
                StixTimestamps.micros(reference),
                counts);
    }

    private Duration halfLife(Set<ObservableKind> kinds) {
        Duration shortest = null;
        for (ObservableKind kind : kinds) {
            Duration d = properties.halfLifeOf(kind);
            shortest = shortest == null || d.compareTo(shortest) < 0 ? d : shortest;
        }
        return shortest == null ? properties.defaultHalfLife() : shortest;
    }

    /**
     * The sightings that count for the scores, per sighted id: those the reader may see whose reporting organisation
     * (the sighting's owner) may see the indicator itself — knowing an indicator's id is not enough to move someone's
     * score. One query for the owners of all the sightings, then one per reporting organisation for which of the ids
     * it sees.
     *
     * @param sighted sighted id → the versions of its sightings the reader may see
     */
    private java.util.Map<String, List<Sighting>> evidence(
            AccessScope scope, java.util.Map<String, List<StoredVersion>> sighted) {
        java.util.Map<String, List<Sighting>> visible = new java.util.HashMap<>();
        Set<String> sightingIds = new java.util.HashSet<>();
        sighted.forEach((id, versions) -> {
            List<Sighting> of = sightings(id, versions);
            visible.put(id, of);
            of.forEach(s -> sightingIds.add(s.id()));
        });
        java.util.Map<String, String> reporters = queries.ownersOf(scope, sightingIds);
        java.util.Map<String, Set<String>> sightedBy = new java.util.HashMap<>(); // reporting organisation → ids
        visible.forEach((id, of) -> of.forEach(s -> {
            String reporter = reporters.get(s.id());
            if (reporter != null) {
                sightedBy
                        .computeIfAbsent(reporter, o -> new java.util.HashSet<>())
                        .add(id);
            }
        }));
        java.util.Map<String, Set<String>> seenBy = new java.util.HashMap<>(); // reporting organisation → ids it sees
        sightedBy.forEach((reporter, of) -> seenBy.put(
                reporter, queries.visibleIds(scopes.forOrganization(reporter, "decay", UserRole.ANALYST), of)));
        java.util.Map<String, List<Sighting>> out = new java.util.HashMap<>();
        visible.forEach((id, of) -> {
            List<Sighting> counted = new ArrayList<>();
            for (Sighting s : of) {
                String reporter = reporters.get(s.id());
                if (reporter != null && seenBy.get(reporter).contains(id)) {
                    counted.add(s);
                }
            }
            out.put(id, counted);
        });
        return out;
    }

    /** The sightings of {@code id} the reader may see (latest versions), the newest 10,000. */
    List<Sighting> sightings(AccessScope scope, String id) {
        return sightings(id, queries.sightingsOf(scope, id, IntelQueries.MAX_PAGE));
    }

    private static List<Sighting> sightings(String id, List<StoredVersion> versions) {
        List<Sighting> out = new ArrayList<>();
        for (StoredVersion v : versions) {
            Sighting s = Sighting.of(StixJson.parse(v.content()));
            if (s != null && s.sightingOf().equals(id)) {
                out.add(s);
            }
        }
        return out;
    }

    private static Instant time(JsonNode node, String field, Instant fallback) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            return fallback;
        }
        try {
            return StixTimestamps.parse(value.stringValue());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
