package org.jcu.observable;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jcu.sharing.AccessScope;
import org.jcu.sharing.AccessScopes;
import org.jcu.sharing.JcuPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Observables and correlation over REST ({@code /api/v1}): who else holds a value, an object's values and their
 * correlations, blind match notices and access requests. Every answer goes through the reader's access scope.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "observables", description = "Normalised observables, correlation, blind match notices")
class ObservableController {

    /** At most this many values per batch lookup. */
    static final int MAX_BATCH = 1_000;

    private final Correlations correlations;
    private final BlindNotices notices;
    private final ValueFlags flags;
    private final AccessScopes scopes;

    ObservableController(Correlations correlations, BlindNotices notices, ValueFlags flags, AccessScopes scopes) {
        this.correlations = correlations;
        this.notices = notices;
        this.flags = flags;
        this.scopes = scopes;
    }

    /**
     * One value as looked up.
     *
     * @param original     the value as given
     * @param warninglists warninglist entries matching it (flagged, never dropped)
     * @param correlations objects holding it, or holding an IP block containing it / an address inside it
     * @param truncated    true if a block query matched more visible pairs than are listed (the first 10,000)
     * @param notice       the blind match notice, if the reader's organisation holds the value and one applies
     * @param registrableDomain for domains and e-mail addresses: the public suffix plus one label (Public Suffix
     *     List), e.g. {@code example.co.uk} for {@code www.example.co.uk}
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ValueLookup(
            String kind,
            String value,
            String original,
            List<ValueFlags.Flag> warninglists,
            List<Correlations.ValueHolders> correlations,
            boolean truncated,
            BlindNotices.@Nullable Notice notice,
            @Nullable String registrableDomain) {}

    @Operation(summary = "Who holds this value: equal values and, for IPs, containing blocks and contained addresses")
    @GetMapping("/observables")
    ValueLookup lookup(
            @AuthenticationPrincipal JcuPrincipal user,
            @RequestParam("kind") String kind,
            @RequestParam("value") String value) {
        return lookup(scopes.of(user), kind(kind), value);
    }

    /** A value to look up in a batch. */
    record ValueQuery(String kind, String value) {}

    @Operation(summary = "Look up a batch of values (at most 1000); each answered as GET /observables")
    @PostMapping("/observables/lookup")
    List<ValueLookup> lookupBatch(@AuthenticationPrincipal JcuPrincipal user, @RequestBody List<ValueQuery> values) {
        if (values.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " values per lookup, got " + values.size());
        }
        AccessScope scope = scopes.of(user);
        List<ValueLookup> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ValueQuery q = values.get(i);
            if (q == null || q.kind() == null || q.value() == null) {
                throw new IllegalArgumentException(
                        "values[" + i + "]: both \"kind\" (e.g. ip, domain, SHA-256) and \"value\" are required");
            }
            try {
                out.add(lookup(scope, kind(q.kind()), q.value()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("values[" + i + "]: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private ValueLookup lookup(AccessScope scope, ObservableKind kind, String raw) {
        long started = System.nanoTime();
        NormalizedValue value = Normalizer.normalize(kind, raw);
        Correlations.Lookup found = correlations.lookup(scope, value);
        BlindNotices.Notice notice = notices.notice(scope, found.valueId() == null ? Long.MIN_VALUE : found.valueId())
                .orElse(null);
        ValueLookup answer = new ValueLookup(
                value.kind().code(),
                value.value(),
                raw,
                flags.flags(value),
                found.correlations(),
                found.truncated(),
                notice,
                registrable(value));
        IpRange range = value.range();
        padTo(started, range != null && !range.isSingleAddress() ? BLOCK_FLOOR_NANOS : VALUE_FLOOR_NANOS);
        return answer;
    }

    /**
     * Every value lookup over HTTP takes at least this long (blocks: {@link #BLOCK_FLOOR_NANOS}), so that response
     * times do not tell whether values the reader cannot see are stored (decision 0015); the in-process service is
     * not padded.
     */
    static final long VALUE_FLOOR_NANOS = 2_000_000L;

    static final long BLOCK_FLOOR_NANOS = 25_000_000L;

    private static void padTo(long started, long floorNanos) {
        long remaining;
        while ((remaining = floorNanos - (System.nanoTime() - started)) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(remaining);
        }
    }

    private static @Nullable String registrable(NormalizedValue value) {
        String domain = switch (value.kind()) {
            case DOMAIN -> value.value();
            case EMAIL -> value.value().substring(value.value().lastIndexOf('@') + 1);
            default -> null;
        };
        return domain == null ? null : Normalizer.registrableDomain(domain).orElse(null);
    }

    @Operation(summary = "The observables of an object (visible versions) and their correlations")
    @GetMapping("/objects/{id}/observables")
    ResponseEntity<Object> ofObject(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        AccessScope scope = scopes.of(user);
        if (!correlations.visible(scope, id)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("status", 404, "error", "not-found", "message", "no object " + id));
        }
        List<ObjectObservable> out = new ArrayList<>();
        for (Correlations.ObjectValue v : correlations.forObject(scope, id)) {
            NormalizedValue value = Normalizer.normalize(ObservableKind.ofCode(v.kind()), v.value());
            out.add(new ObjectObservable(
                    v.kind(),
                    v.value(),
                    v.original(),
                    flags.flags(value),
                    v.related(),
                    correlations
                            .valueId(value)
                            .flatMap(valueId -> notices.notice(scope, valueId))
                            .orElse(null)));
        }
        return ResponseEntity.ok(out);
    }

    /**
     * An observable of an object.
     *
     * @param original     as the object wrote it, null when equal to {@code value}
     * @param warninglists warninglist entries it matches
     * @param related      other objects holding it, or a containing / contained IP value
     * @param notice       the blind match notice for the value, if any
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ObjectObservable(
            String kind,
            String value,
            @Nullable String original,
            List<ValueFlags.Flag> warninglists,
            List<Correlations.ValueHolders> related,
            BlindNotices.@Nullable Notice notice) {}

    @Operation(
            summary = "Blind match notices of your organisation: values you hold that others hold where you cannot see")
    @GetMapping("/correlations/notices")
    Map<String, Object> notices(
            @AuthenticationPrincipal JcuPrincipal user,
            @RequestParam(name = "after", required = false) @Nullable Long after,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        List<BlindNotices.Notice> page = notices.notices(scopes.of(user), after, limit);
        return page.size() < limit
                ? Map.of("notices", page)
                : Map.of("notices", page, "next", page.get(page.size() - 1).valueId());
    }

    /** An access request's text. */
    record RequestBodyText(@Nullable String message) {}

    @Operation(summary = "Ask the hidden owners of a noticed value for access")
    @PostMapping("/correlations/notices/{valueId}/access-requests")
    ResponseEntity<BlindNotices.RequestView> request(
            @AuthenticationPrincipal JcuPrincipal user,
            @PathVariable("valueId") long valueId,
            @RequestBody(required = false) @Nullable RequestBodyText body) {
        String message = body == null || body.message() == null ? "" : body.message();
        return ResponseEntity.status(HttpStatus.CREATED).body(notices.request(scopes.of(user), valueId, message));
    }

    @Operation(summary = "Access requests your organisation sent")
    @GetMapping("/correlations/access-requests/sent")
    List<BlindNotices.RequestView> sent(@AuthenticationPrincipal JcuPrincipal user) {
        return notices.sent(scopes.of(user));
    }

    @Operation(summary = "Access requests addressed to your organisation")
    @GetMapping("/correlations/access-requests/received")
    List<BlindNotices.IncomingRequest> received(@AuthenticationPrincipal JcuPrincipal user) {
        return notices.received(scopes.of(user));
    }

    @Operation(summary = "Grant an access request: the requester sees your objects holding the value (not TLP:RED)")
    @PostMapping("/correlations/access-requests/{id}/grant")
    BlindNotices.IncomingRequest grant(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        return notices.answer(scopes.of(user), id, true);
    }

    @Operation(summary = "Refuse an access request")
    @PostMapping("/correlations/access-requests/{id}/refuse")
    BlindNotices.IncomingRequest refuse(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        return notices.answer(scopes.of(user), id, false);
    }

    /** STIX object type names and MISP attribute types accepted for a kind, besides its code. */
    private static final java.util.Map<String, ObservableKind> ALIASES = java.util.Map.ofEntries(
            java.util.Map.entry("ipv4-addr", ObservableKind.IP),
            java.util.Map.entry("ipv6-addr", ObservableKind.IP),
            java.util.Map.entry("ip-src", ObservableKind.IP),
            java.util.Map.entry("ip-dst", ObservableKind.IP),
            java.util.Map.entry("domain-name", ObservableKind.DOMAIN),
            java.util.Map.entry("hostname", ObservableKind.DOMAIN),
            java.util.Map.entry("uri", ObservableKind.URL),
            java.util.Map.entry("email-addr", ObservableKind.EMAIL),
            java.util.Map.entry("email-src", ObservableKind.EMAIL),
            java.util.Map.entry("email-dst", ObservableKind.EMAIL),
            java.util.Map.entry("mac-addr", ObservableKind.MAC),
            java.util.Map.entry("mac-address", ObservableKind.MAC),
            java.util.Map.entry("autonomous-system", ObservableKind.ASN),
            java.util.Map.entry("as", ObservableKind.ASN),
            java.util.Map.entry("windows-registry-key", ObservableKind.WINDOWS_REGISTRY_KEY),
            java.util.Map.entry("regkey", ObservableKind.WINDOWS_REGISTRY_KEY));

    /**
     * The kind named by {@code code}: its code ({@code ip}, {@code SHA-256}), a STIX type ({@code ipv4-addr},
     * {@code domain-name}), a MISP attribute type ({@code ip-dst}, {@code sha256}), case-insensitively.
     */
    private static ObservableKind kind(String code) {
        String key = code.trim().toLowerCase(Locale.ROOT);
        for (ObservableKind k : ObservableKind.values()) {
            if (k.code().equalsIgnoreCase(key) || k.name().equalsIgnoreCase(key.replace('-', '_'))) {
                return k;
            }
        }
        ObservableKind alias = ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        return ObservableKind.forHashAlgorithm(key)
                .orElseThrow(() -> new IllegalArgumentException("kind: unknown observable kind '" + code + "'; one of "
                        + java.util.Arrays.stream(ObservableKind.values())
                                .map(ObservableKind::code)
                                .toList()
                        + " or a STIX type such as ipv4-addr, domain-name"));
    }

    @ExceptionHandler(BlindNotices.NoNoticeException.class)
    ResponseEntity<Map<String, Object>> noNotice(BlindNotices.NoNoticeException e) {
        return error(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(Correlations.BlockScansBusyException.class)
    ResponseEntity<Map<String, Object>> busy(Correlations.BlockScansBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Map.of("status", 503, "error", "busy", "message", e.getMessage()));
    }

    @ExceptionHandler(SecurityException.class)
    ResponseEntity<Map<String, Object>> forbidden(SecurityException e) {
        return error(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, Object>> conflict(IllegalStateException e) {
        return error(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", error, "message", message));
    }
}
