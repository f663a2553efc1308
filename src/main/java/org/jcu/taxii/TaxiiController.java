package org.jcu.taxii;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcu.audit.AuditAction;
import org.jcu.audit.AuditActor;
import org.jcu.audit.AuditLog;
import org.jcu.intel.Cursors;
import org.jcu.intel.IntelQueries;
import org.jcu.intel.StoredVersion;
import org.jcu.intel.VersionSelector;
import org.jcu.sharing.AccessScopes;
import org.jcu.sharing.JcuPrincipal;
import org.jcu.stix.StixJson;
import org.jcu.stix.StixTimestamps;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * TAXII 2.1 read endpoints. Every response is {@code application/taxii+json;version=2.1}; a request whose
 * {@code Accept} names neither that media type (with or without the version parameter) nor a wildcard gets 406.
 * Paging ({@code limit}, {@code next}, {@code more}) follows insertion order, so no object is lost or repeated even
 * when many share one {@code date_added} (TAXII 2.1 §3.4).
 */
@RestController
@RequestMapping("/taxii2")
@Tag(name = "taxii", description = "TAXII 2.1 read path")
class TaxiiController {

    static final String TAXII_MEDIA = "application/taxii+json;version=2.1";
    static final String STIX_MEDIA = "application/stix+json;version=2.1";
    static final String API_ROOT = "jcu";
    /** The collection holding every object the reader may see. */
    static final String COLLECTION_ID = "365fed99-08fa-4fdc-a1b3-fb247eb41d01";

    static final int DEFAULT_LIMIT = 1000;
    static final long MAX_CONTENT_LENGTH = 104_857_600L;

    private final IntelQueries queries;
    private final org.jcu.sighting.DecayScores scores;

    private final org.jcu.platform.JcuProperties properties;

    private final AccessScopes scopes;

    private final AuditLog audit;

    TaxiiController(
            IntelQueries queries,
            org.jcu.platform.JcuProperties properties,
            AccessScopes scopes,
            AuditLog audit,
            org.jcu.sighting.DecayScores scores) {
        this.queries = queries;
        this.scores = scores;
        this.properties = properties;
        this.scopes = scopes;
        this.audit = audit;
    }

    @Operation(summary = "TAXII 2.1 §4.1 server discovery")
    @GetMapping("/")
    ResponseEntity<Object> discovery(HttpServletRequest request) {
        requireTaxiiAccept(request);
        String base = properties.publicUrl() == null
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : properties.publicUrl().replaceAll("/+$", "");
        String root = base + "/taxii2/" + API_ROOT + "/";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "jcu TAXII 2.1 server");
        body.put("description", "Joint Cyber Unit intelligence sharing platform");
        body.put("contact", "the platform operator");
        body.put("default", root);
        body.put("api_roots", List.of(root));
        return taxii(body);
    }

    @Operation(summary = "TAXII 2.1 §4.2 API root information")
    @GetMapping("/{root}/")
    ResponseEntity<Object> apiRoot(HttpServletRequest request, @PathVariable("root") String root) {
        requireTaxiiAccept(request);
        requireRoot(root);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "jcu");
        body.put("description", "All intelligence shared with you on this node");
        body.put("versions", List.of(TAXII_MEDIA));
        body.put("max_content_length", MAX_CONTENT_LENGTH);
        return taxii(body);
    }

    @Operation(summary = "TAXII 2.1 §5.1 collections")
    @GetMapping("/{root}/collections/")
    ResponseEntity<Object> collections(HttpServletRequest request, @PathVariable("root") String root) {
        requireTaxiiAccept(request);
        requireRoot(root);
        return taxii(Map.of("collections", List.of(collection())));
    }

    @Operation(summary = "TAXII 2.1 §5.2 one collection")
    @GetMapping("/{root}/collections/{collection}/")
    ResponseEntity<Object> collection(
            HttpServletRequest request,
            @PathVariable("root") String root,
            @PathVariable("collection") String collection) {
        requireTaxiiAccept(request);
        requireCollection(root, collection);
        return taxii(collection());
    }

    @Operation(summary = "TAXII 2.1 §5.4 get objects (envelope)")
    @GetMapping("/{root}/collections/{collection}/objects/")
    ResponseEntity<String> objects(
            HttpServletRequest request,
            @AuthenticationPrincipal JcuPrincipal user,
            @PathVariable("root") String root,
            @PathVariable("collection") String collection,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam Map<String, String> params) {
        requireTaxiiAccept(request);
        requireCollection(root, collection);
        IntelQueries.Page page = queries.list(scopes.of(user), query(request, params, null));
        audit(AuditAction.TAXII_OBJECTS_READ, user, request, page);
        return envelope(page, scopes.of(user));
    }

    @Operation(summary = "TAXII 2.1 §5.5 get an object (envelope, versions per match[version], default last)")
    @GetMapping("/{root}/collections/{collection}/objects/{id}/")
    ResponseEntity<String> object(
            HttpServletRequest request,
            @AuthenticationPrincipal JcuPrincipal user,
            @PathVariable("root") String root,
            @PathVariable("collection") String collection,
            @PathVariable("id") String id,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam Map<String, String> params) {
        requireTaxiiAccept(request);
        requireCollection(root, collection);
        IntelQueries.Page page = pageOfObject(request, user, params, id);
        audit(AuditAction.TAXII_OBJECT_READ, user, request, page);
        return envelope(page, scopes.of(user));
    }

    @Operation(summary = "TAXII 2.1 §5.3 manifest")
    @GetMapping("/{root}/collections/{collection}/manifest/")
    ResponseEntity<String> manifest(
            HttpServletRequest request,
            @AuthenticationPrincipal JcuPrincipal user,
            @PathVariable("root") String root,
            @PathVariable("collection") String collection,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam Map<String, String> params) {
        requireTaxiiAccept(request);
        requireCollection(root, collection);
        IntelQueries.Page page = queries.list(scopes.of(user), query(request, params, null));
        audit(AuditAction.TAXII_MANIFEST_READ, user, request, page);
        StringBuilder out = new StringBuilder("{\"more\":").append(page.more());
        appendNext(out, page);
        if (!page.items().isEmpty()) {
            out.append(",\"objects\":[");
            for (int i = 0; i < page.items().size(); i++) {
                StoredVersion v = page.items().get(i);
                out.append(i == 0 ? "" : ",")
                        .append("{\"id\":")
                        .append(quote(v.id()))
                        .append(",\"date_added\":")
                        .append(quote(v.dateAdded()))
                        .append(",\"version\":")
                        .append(quote(v.taxiiVersion()))
                        .append(",\"media_type\":")
                        .append(quote(STIX_MEDIA))
                        .append('}');
            }
            out.append(']');
        }
        return withDateHeaders(page, out.append('}').toString());
    }

    @Operation(summary = "TAXII 2.1 §5.7 object versions")
    @GetMapping("/{root}/collections/{collection}/objects/{id}/versions/")
    ResponseEntity<String> versions(
            HttpServletRequest request,
            @AuthenticationPrincipal JcuPrincipal user,
            @PathVariable("root") String root,
            @PathVariable("collection") String collection,
            @PathVariable("id") String id,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam Map<String, String> params) {
        requireTaxiiAccept(request);
        requireCollection(root, collection);
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("match[version]", "all");
        IntelQueries.Page page = pageOfObject(request, user, all, id);
        audit(AuditAction.TAXII_VERSIONS_READ, user, request, page);
        StringBuilder out = new StringBuilder("{\"more\":").append(page.more());
        appendNext(out, page);
        if (!page.items().isEmpty()) {
            out.append(",\"versions\":[");
            for (int i = 0; i < page.items().size(); i++) {
                out.append(i == 0 ? "" : ",").append(quote(page.items().get(i).taxiiVersion()));
            }
            out.append(']');
        }
        return withDateHeaders(page, out.append('}').toString());
    }

    /**
     * An envelope (TAXII 2.1 §3.7): {@code more}, {@code next} when more follow, {@code objects} when any, and, when
     * the page holds indicators, jcu's custom envelope property {@code x_jcu_scores} (indicator id → the reader's
     * decay score, decision 0017) — beside the objects, never inside them.
     */
    private ResponseEntity<String> envelope(IntelQueries.Page page, org.jcu.sharing.AccessScope scope) {
        StringBuilder out = new StringBuilder("{\"more\":").append(page.more());
        appendNext(out, page);
        if (!page.items().isEmpty()) {
            out.append(",\"objects\":[");
            for (int i = 0; i < page.items().size(); i++) {
                out.append(i == 0 ? "" : ",").append(page.items().get(i).content());
            }
            out.append(']');
            Map<String, Integer> scored = new java.util.TreeMap<>();
            List<StoredVersion> indicators = page.items().stream()
                    .filter(v -> v.type().equals("indicator"))
                    .toList();
            List<org.jcu.sighting.DecayScores.Score> computed = scores.scores(scope, indicators);
            for (int i = 0; i < indicators.size(); i++) {
                scored.put(indicators.get(i).id(), computed.get(i).score()); // items ascend: the newest version wins
            }
            if (!scored.isEmpty()) {
                out.append(",\"x_jcu_scores\":").append(quoteJson(scored));
            }
        }
        return withDateHeaders(page, out.append('}').toString());
    }

    @ExceptionHandler(TaxiiException.class)
    ResponseEntity<Object> taxiiError(TaxiiException e) {
        return error(e.status(), e.title(), e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    /** A database failure: 500 naming an incident, never the SQL (TAXII 2.1 §3.6.1 error body). */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<Object> storeFailure(org.springframework.dao.DataAccessException e) {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", org.jcu.platform.Incidents.logged(e));
    }

    private static ResponseEntity<Object> error(HttpStatus status, String title, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("http_status", Integer.toString(status.value()));
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(TAXII_MEDIA))
                .body(body);
    }

    private IntelQueries.Query query(HttpServletRequest request, Map<String, String> params, String id) {
        for (String name : params.keySet()) {
            if (name.startsWith("match[")
                    && !List.of("match[id]", "match[type]", "match[version]", "match[spec_version]")
                            .contains(name)) {
                throw new TaxiiException(HttpStatus.BAD_REQUEST, "Unsupported filter", name + " is not supported");
            }
        }
        List<String> ids = values(request, "match[id]");
        if (id != null) {
            ids = List.of(id);
        }
        String addedAfter = params.get("added_after");
        String addedAfterKey = null;
        if (addedAfter != null) {
            if (!StixTimestamps.isValid(addedAfter)) {
                throw new IllegalArgumentException(
                        "added_after: '" + addedAfter + "' is not a timestamp " + "(YYYY-MM-DDTHH:mm:ss[.s+]Z)");
            }
            Instant after = StixTimestamps.instant(addedAfter);
            addedAfterKey = StixTimestamps.micros(after);
        }
        int limit = DEFAULT_LIMIT;
        if (params.get("limit") != null) {
            try {
                limit = Integer.parseInt(params.get("limit"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit: '" + params.get("limit") + "' is not a positive integer");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1");
            }
        }
        List<String> versions = values(request, "match[version]");
        if (versions.isEmpty() && params.containsKey("match[version]")) {
            versions = List.of(params.get("match[version]"));
        }
        return new IntelQueries.Query(
                values(request, "match[type]"),
                ids,
                values(request, "match[spec_version]"),
                addedAfterKey,
                VersionSelector.parse(versions.isEmpty() ? null : String.join(",", versions)),
                Cursors.decode(params.get("next")),
                limit);
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] raw = request.getParameterValues(name);
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : raw) {
            Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(out::add);
        }
        if (out.isEmpty()) {
            // an empty filter would silently match everything
            throw new IllegalArgumentException(name + ": empty; give one or more values separated by commas");
        }
        return out;
    }

    /**
     * One page of the versions of {@code id}; 404 when the reader can see no version of it at all (an object that
     * exists but has no version matching the filters gives an empty page).
     */
    private IntelQueries.Page pageOfObject(
            HttpServletRequest request, JcuPrincipal user, Map<String, String> params, String id) {
        IntelQueries.Page page = queries.list(scopes.of(user), query(request, params, id));
        if (page.items().isEmpty() && Cursors.decode(params.get("next")) == 0) {
            requireExists(user, id);
        }
        return page;
    }

    private void requireExists(JcuPrincipal user, String id) {
        if (queries.latest(scopes.of(user), id).isEmpty()) {
            throw new TaxiiException(HttpStatus.NOT_FOUND, "Not found", "no object " + id + " in this collection");
        }
    }

    /** Audit log entry for a read: count = objects (versions) in the page, ids = their STIX ids. */
    private void audit(AuditAction action, JcuPrincipal user, HttpServletRequest request, IntelQueries.Page page) {
        audit.record(
                action,
                new AuditActor(user.userId(), user.username(), user.orgId()),
                request,
                page.items().size(),
                page.items().stream().map(StoredVersion::id).toList());
    }

    private static void appendNext(StringBuilder out, IntelQueries.Page page) {
        if (page.more()) {
            out.append(",\"next\":").append(quote(Cursors.encode(page.nextSeq())));
        }
    }

    private static ResponseEntity<String> withDateHeaders(IntelQueries.Page page, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(TAXII_MEDIA));
        if (!page.items().isEmpty()) {
            String first = page.items().get(0).dateAdded();
            String last = first;
            for (StoredVersion v : page.items()) {
                if (v.dateAdded().compareTo(first) < 0) {
                    first = v.dateAdded();
                }
                if (v.dateAdded().compareTo(last) > 0) {
                    last = v.dateAdded();
                }
            }
            headers.set("X-TAXII-Date-Added-First", first);
            headers.set("X-TAXII-Date-Added-Last", last);
        }
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    private static ResponseEntity<Object> taxii(Object body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TAXII_MEDIA))
                .body(body);
    }

    private static Map<String, Object> collection() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", COLLECTION_ID);
        body.put("title", "Shared intelligence");
        body.put("description", "Every STIX object version you may see on this node");
        body.put("can_read", true);
        body.put("can_write", false);
        body.put("media_types", List.of(STIX_MEDIA));
        return body;
    }

    private static void requireRoot(String root) {
        if (!API_ROOT.equals(root)) {
            throw new TaxiiException(HttpStatus.NOT_FOUND, "Not found", "no API root '" + root + "'");
        }
    }

    private static void requireCollection(String root, String collection) {
        requireRoot(root);
        if (!COLLECTION_ID.equals(collection)) {
            throw new TaxiiException(HttpStatus.NOT_FOUND, "Not found", "no collection '" + collection + "'");
        }
    }

    /** Accepts {@code application/taxii+json} (version 2.1 or unversioned) and wildcards; anything else is 406. */
    static void requireTaxiiAccept(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.isWildcardType()) {
                return;
            }
            if ("application".equals(type.getType())
                    && ("taxii+json".equals(type.getSubtype()) || "*".equals(type.getSubtype()))) {
                String version = type.getParameter("version");
                if (version == null || "2.1".equals(version) || "*".equals(type.getSubtype())) {
                    return;
                }
            }
        }
        throw new TaxiiException(
                HttpStatus.NOT_ACCEPTABLE,
                "Not acceptable",
                "this server answers only " + TAXII_MEDIA + " (requested: " + accept + ")");
    }

    private static String quote(String text) {
        return StixJson.mapper().writeValueAsString(text);
    }

    private static String quoteJson(Object value) {
        return StixJson.mapper().writeValueAsString(value);
    }
}
