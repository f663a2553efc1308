package org.jcu.sighting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcu.intel.IntelQueries;
import org.jcu.intel.StoredVersion;
import org.jcu.intel.VersionSelector;
import org.jcu.sharing.AccessScope;
import org.jcu.sharing.AccessScopes;
import org.jcu.sharing.Directory;
import org.jcu.sharing.JcuPrincipal;
import org.jcu.sharing.UserRole;
import org.jcu.stix.StixJson;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Sightings, decay scores and source reliability over REST ({@code /api/v1}). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "sightings", description = "Sightings (seen / false positive / expired), decay scores, source reliability")
class SightingController {

    /** The states a score can have. */
    static final List<String> STATES = List.of("active", "false-positive", "expired", "revoked");

    /** Objects examined per indicator listing request at most (the score filter runs on each). */
    static final int MAX_SCANNED = 5_000;
    /** Indicators scored together while filtering by score (a page of 200 is not scored beyond the limit). */
    static final int SCORE_SLICE = 25;

    private final Sightings sightings;
    private final DecayScores scores;
    private final SourceReliability reliability;
    private final IntelQueries queries;
    private final AccessScopes scopes;
    private final Directory directory;

    SightingController(
            Sightings sightings,
            DecayScores scores,
            SourceReliability reliability,
            IntelQueries queries,
            AccessScopes scopes,
            Directory directory) {
        this.sightings = sightings;
        this.scores = scores;
        this.reliability = reliability;
        this.queries = queries;
        this.scopes = scopes;
        this.directory = directory;
    }

    @Operation(summary = "Report a sighting of an object you can see: seen, false-positive or expired")
    @PostMapping("/objects/{id}/sightings")
    ResponseEntity<Object> report(
            @AuthenticationPrincipal JcuPrincipal user,
            @PathVariable("id") String id,
            @RequestBody(required = false) Sightings.@Nullable Report body) {
        if (!user.canWrite()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "role " + user.role() + " may not write");
        }
        Sightings.Report report = body == null
                ? new Sightings.Report(null, null, null, null, null, null, null, null, null, null, null)
                : body;
        return sightings
                .report(user, scopes.of(user), id, report)
                .<ResponseEntity<Object>>map(r -> ResponseEntity.status(
                                r.report().committed() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT)
                        .body(Map.of("sighting_id", r.sightingId(), "report", r.report())))
                .orElseGet(() -> notFound(id));
    }

    @Operation(summary = "The sightings of an object that you may see")
    @GetMapping("/objects/{id}/sightings")
    ResponseEntity<Object> list(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        return sightings
                .of(scopes.of(user), id)
                .<ResponseEntity<Object>>map(list -> ResponseEntity.ok(Map.of("sightings", list)))
                .orElseGet(() -> notFound(id));
    }

    @Operation(summary = "The decay score of an indicator, from the sightings you may see")
    @GetMapping("/objects/{id}/score")
    ResponseEntity<Object> score(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        AccessScope scope = scopes.of(user);
        Optional<StoredVersion> latest = queries.latest(scope, id);
        if (latest.isPresent() && !latest.get().type().equals("indicator")) {
            throw new IllegalArgumentException("a decay score is computed for indicators; " + id + " is a "
                    + latest.get().type());
        }
        return latest.<ResponseEntity<Object>>map(v -> ResponseEntity.ok(scores.score(scope, v)))
                .orElseGet(() -> notFound(id));
    }

    @Operation(
            summary = "Indicators with their decay score, filtered by min_score/max_score/state",
            description = "Scans at most 5000 indicators per request; pass a page's 'next' as the parameter 'next'"
                    + " to continue the scan ('after' is the same parameter's older name; a page may hold fewer than"
                    + " 'limit' items when few pass the filter).")
    @GetMapping("/indicators")
    Map<String, Object> indicators(
            @AuthenticationPrincipal JcuPrincipal user,
            @RequestParam(name = "min_score", defaultValue = "0") int minScore,
            @RequestParam(name = "max_score", defaultValue = "100") int maxScore,
            @RequestParam(name = "state", required = false) @Nullable String state,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            @RequestParam(name = "next", required = false) @Nullable Long next,
            @RequestParam(name = "after", required = false) @Nullable Long olderName) {
        Long given = org.jcu.intel.Cursors.oneOf("next", next, "after", olderName);
        long after = given == null ? 0 : given;
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        if (state != null && !STATES.contains(state)) {
            throw new IllegalArgumentException("state: '" + state + "' is not one of " + STATES);
        }
        if (minScore < 0 || maxScore > 100 || minScore > maxScore) {
            throw new IllegalArgumentException(
                    "min_score and max_score must satisfy 0 <= min_score <= max_score <= 100");
        }
        AccessScope scope = scopes.of(user);
        List<Map<String, Object>> items = new ArrayList<>();
        long position = after;
        int scanned = 0;
        boolean more = true;
        while (items.size() < limit && scanned < MAX_SCANNED && more) {
            IntelQueries.Page page = queries.list(
                    scope,
                    new IntelQueries.Query(
                            List.of("indicator"), null, null, null, VersionSelector.LAST, position, 200));
            List<StoredVersion> got = page.items();
            List<DecayScores.Score> computed = new ArrayList<>(); // scored a slice at a time, as far as the loop goes
            boolean full = false;
            int i = 0;
            for (; i < got.size() && !full; i++) {
                StoredVersion v = got.get(i);
                scanned++;
                position = v.seq();
                if (i == computed.size()) {
                    computed.addAll(scores.scores(scope, got.subList(i, Math.min(got.size(), i + SCORE_SLICE))));
                }
                DecayScores.Score s = computed.get(i);
                if (s.score() >= minScore && s.score() <= maxScore && (state == null || state.equals(s.state()))) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("object", StixJson.parse(v.content()));
                    item.put("x_jcu_score", s);
                    items.add(item);
                    full = items.size() == limit;
                }
            }
            more = page.more() || i < got.size();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("indicators", items);
        out.put("more", more);
        if (more) {
            out.put("next", position);
        }
        return out;
    }

    /** A reliability grade. */
    record Grade(String reliability) {}

    @Operation(summary = "An organisation's source reliability (admiralty A-F)")
    @GetMapping("/organizations/{id}/reliability")
    ResponseEntity<Object> getReliability(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        if (user.role() != UserRole.PLATFORM_ADMIN && !user.orgId().equals(id)) {
            return notFound(id);
        }
        Reliability grade = reliability.of(id);
        return ResponseEntity.ok(Map.of("reliability", grade.name(), "description", grade.description()));
    }

    @Operation(summary = "Set an organisation's source reliability (platform admin)")
    @PutMapping("/organizations/{id}/reliability")
    ResponseEntity<Object> setReliability(
            @AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id, @RequestBody Grade body) {
        if (user.role() != UserRole.PLATFORM_ADMIN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only a platform admin grades sources");
        }
        if (directory.organization(id).isEmpty()) {
            return notFound(id);
        }
        if (body == null || body.reliability() == null) {
            throw new IllegalArgumentException("reliability: required, one of A, B, C, D, E, F");
        }
        Reliability grade = Reliability.of(body.reliability());
        reliability.set(id, grade, user.userId());
        return ResponseEntity.ok(Map.of("reliability", grade.name(), "description", grade.description()));
    }

    private static ResponseEntity<Object> notFound(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("status", 404, "error", "not-found", "message", "no object " + id));
    }
}
