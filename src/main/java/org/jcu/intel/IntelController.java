package org.jcu.intel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcu.audit.AuditAction;
import org.jcu.audit.AuditActor;
import org.jcu.audit.AuditLog;
import org.jcu.platform.JcuProperties;
import org.jcu.sharing.AccessScopes;
import org.jcu.sharing.Distribution;
import org.jcu.sharing.JcuPrincipal;
import org.jcu.sharing.Pap;
import org.jcu.sharing.SharingDecisions;
import org.jcu.sharing.SharingRequest;
import org.jcu.sharing.Tlp;
import org.jcu.stix.StixJson;
import org.jcu.stix.StixObjectReader;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API over the intelligence store, {@code /api/v1}. Objects are returned exactly as stored (the STIX JSON);
 * jcu's own data (paging, dates) sits in the envelope beside them.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "intel", description = "STIX 2.1 objects: list, get, versions, import")
class IntelController {

    private final IntelQueries queries;
    private final ImportService imports;
    private final Path spool;
    private final long maxUploadBytes;
    private final AccessScopes scopes;
    private final SharingDecisions sharing;
    private final AuditLog audit;

    IntelController(
            IntelQueries queries,
            ImportService imports,
            JcuProperties properties,
            AccessScopes scopes,
            SharingDecisions sharing,
            AuditLog audit) {
        this.queries = queries;
        this.imports = imports;
        this.scopes = scopes;
        this.sharing = sharing;
        this.audit = audit;
        this.spool = properties.dataDir().resolve("spool");
        this.maxUploadBytes = properties.maxUploadBytes();
        removeLeftoverUploads(spool);
    }

    /** Upload spool files of a process that was killed mid-import are useless: remove them at start. */
    private static void removeLeftoverUploads(Path spool) {
        if (!Files.isDirectory(spool)) {
            return;
        }
        try (var files = Files.newDirectoryStream(spool, "upload-*.tmp")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clean the upload spool " + spool, e);
        }
    }

    @Operation(
            summary = "List objects (latest versions), optionally by type; paginated by an opaque cursor",
            description = "Pass the 'next' of a page as the parameter 'next' for the following page ('cursor' is the"
                    + " same parameter's older name).")
    @GetMapping(value = "/objects", produces = MediaType.APPLICATION_JSON_VALUE)
    String list(
            @AuthenticationPrincipal JcuPrincipal user,
            HttpServletRequest request,
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            @RequestParam(name = "next", required = false) String next,
            @RequestParam(name = "cursor", required = false) String olderName) {
        String cursor = Cursors.oneOf("next", next, "cursor", olderName);
        if (limit < 1 || limit > IntelQueries.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + IntelQueries.MAX_PAGE);
        }
        IntelQueries.Page page = queries.list(
                scopes.of(user),
                new IntelQueries.Query(
                        split(types), null, null, null, VersionSelector.LAST, Cursors.decode(cursor), limit));
        audit(AuditAction.OBJECTS_READ, user, request, page.items());
        StringBuilder out = new StringBuilder("{\"objects\":[");
        for (int i = 0; i < page.items().size(); i++) {
            out.append(i == 0 ? "" : ",").append(page.items().get(i).content());
        }
        out.append("],\"more\":").append(page.more());
        if (page.more()) {
            out.append(",\"next\":\"").append(Cursors.encode(page.nextSeq())).append('"');
        }
        return out.append('}').toString();
    }

    @Operation(summary = "Get the latest version of an object (the STIX object itself)")
    @GetMapping(value = "/objects/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> get(
            @AuthenticationPrincipal JcuPrincipal user, HttpServletRequest request, @PathVariable("id") String id) {
        Optional<StoredVersion> latest = queries.latest(scopes.of(user), id);
        latest.ifPresent(v -> audit(AuditAction.OBJECT_READ, user, request, List.of(v)));
        return latest.map(v -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(v.content()))
                .orElseGet(() -> notFound(id));
    }

    @Operation(summary = "All versions of an object, oldest stored first, each with when it was added")
    @GetMapping(value = "/objects/{id}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> versions(
            @AuthenticationPrincipal JcuPrincipal user, HttpServletRequest request, @PathVariable("id") String id) {
        List<StoredVersion> versions = queries.versions(scopes.of(user), id);
        if (versions.isEmpty()) {
            return notFound(id);
        }
        audit(AuditAction.VERSIONS_READ, user, request, versions);
        StringBuilder out = new StringBuilder("{\"id\":").append(quote(id)).append(",\"versions\":[");
        for (int i = 0; i < versions.size(); i++) {
            StoredVersion v = versions.get(i);
            out.append(i == 0 ? "" : ",")
                    .append("{\"version\":")
                    .append(quote(v.taxiiVersion()))
                    .append(",\"date_added\":")
                    .append(quote(v.dateAdded()))
                    .append(",\"revoked\":")
                    .append(v.revoked())
                    .append(",\"object\":")
                    .append(v.content())
                    .append('}');
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(out.append("]}").toString());
    }

    @Operation(
            summary = "How you hold the latest version you may see: TLP, PAP and time of every holding that grants you"
                    + " the object, and the distribution of your own")
    @GetMapping(value = "/objects/{id}/handling", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> handling(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        List<Map<String, Object>> handling = queries.handling(scopes.of(user), id);
        if (handling.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", 404, "error", "not-found", "message", "no object " + id));
        }
        return ResponseEntity.ok(Map.of("id", id, "holdings", handling));
    }

    @Operation(summary = "Relationships and sightings that reference an object")
    @GetMapping(value = "/objects/{id}/references", produces = MediaType.APPLICATION_JSON_VALUE)
    String references(
            @AuthenticationPrincipal JcuPrincipal user,
            HttpServletRequest request,
            @PathVariable("id") String id,
            @RequestParam(name = "limit", defaultValue = "1000") int limit) {
        List<StoredVersion> refs = queries.referencing(scopes.of(user), id, limit);
        audit(AuditAction.REFERENCES_READ, user, request, refs);
        StringBuilder out = new StringBuilder("{\"objects\":[");
        for (int i = 0; i < refs.size(); i++) {
            out.append(i == 0 ? "" : ",").append(refs.get(i).content());
        }
        return out.append("]}").toString();
    }

    @Operation(summary = "Counts of objects (latest versions) per STIX type")
    @GetMapping(value = "/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> stats(@AuthenticationPrincipal JcuPrincipal user, HttpServletRequest request) {
        Map<String, Long> types = queries.countsByType(scopes.of(user));
        audit(AuditAction.STATS_READ, user, request, List.of());
        return Map.of(
                "types",
                types,
                "total",
                types.values().stream().mapToLong(Long::longValue).sum());
    }

    @Operation(
            summary = "Import a STIX bundle or NDJSON (optionally gzip); same rules as 'jcu import'",
            description = "The body is spooled to disk, then imported as one transaction. partial=false (default): "
                    + "any invalid object rejects the whole input (HTTP 422). Malformed JSON: HTTP 400.")
    @PostMapping(value = "/bundles", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportReport> importBundle(
            @AuthenticationPrincipal JcuPrincipal user,
            HttpServletRequest request,
            @RequestParam(name = "partial", defaultValue = "false") boolean partial,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "source", defaultValue = "api") String source,
            @RequestParam(name = "distribution", required = false) String distribution,
            @RequestParam(name = "community", required = false) List<String> communities,
            @RequestParam(name = "sharing_group", required = false) List<String> sharingGroups,
            @RequestParam(name = "recipient", required = false) List<String> recipients,
            @RequestParam(name = "tlp", required = false) String tlp,
            @RequestParam(name = "pap", required = false) String pap)
            throws IOException {
        if (!user.canWrite()) {
            throw new org.springframework.web.server.ResponseStatusException(
                    HttpStatus.FORBIDDEN, "role " + user.role() + " may not import");
        }
        org.jcu.sharing.HoldingSharing decided = sharing.resolve(
                user.orgId(),
                new SharingRequest(
                        distribution == null ? null : Distribution.of(distribution),
                        split(communities),
                        split(sharingGroups),
                        split(recipients),
                        tlp == null ? null : Tlp.of(tlp),
                        pap == null ? null : Pap.of(pap)));
        String contentType =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/")) {
            throw new org.springframework.web.server.ResponseStatusException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "send the bundle as the raw body (curl --data-binary @file) with Content-Type application/json, "
                            + "application/stix+json, application/x-ndjson or application/gzip, not " + contentType);
        }
        if (request.getContentLengthLong() > maxUploadBytes) {
            throw new org.springframework.web.server.ResponseStatusException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "upload of " + request.getContentLengthLong() + " bytes exceeds jcu.max-upload-bytes="
                            + maxUploadBytes);
        }
        StixObjectReader.Format layout = "ndjson".equalsIgnoreCase(format)
                        || (request.getContentType() != null
                                && request.getContentType().contains("ndjson"))
                ? StixObjectReader.Format.NDJSON
                : StixObjectReader.Format.JSON;
        Files.createDirectories(spool);
        Path file = Files.createTempFile(spool, "upload-", ".tmp");
        try {
            try (InputStream body = request.getInputStream();
                    java.io.OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = body.read(buffer)) > 0) {
                    total += n;
                    if (total > maxUploadBytes) {
                        throw new org.springframework.web.server.ResponseStatusException(
                                HttpStatus.CONTENT_TOO_LARGE, "upload exceeds jcu.max-upload-bytes=" + maxUploadBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            ImportReport report;
            try (StixObjectReader reader = StixObjectReader.of(Files.newInputStream(file), layout, source)) {
                report = imports.importObjects(
                        reader, new ImportOptions(user.orgId(), source, partial, decided), n -> {});
            }
            long written = report.committed() ? report.imported() : 0;
            String outcome =
                    AuditLog.requestLine(request) + " read=" + report.read() + " rejected=" + report.rejected();
            audit.record(AuditAction.IMPORT, actor(user), request.getRemoteAddr(), written, List.of(), outcome);
            HttpStatus status = report.error() != null
                    ? HttpStatus.BAD_REQUEST
                    : report.rejected() > 0 && !partial ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK;
            return ResponseEntity.status(status).body(report);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Audit log entry for a read: count = objects returned, ids = their STIX ids. */
    private void audit(AuditAction action, JcuPrincipal user, HttpServletRequest request, List<StoredVersion> read) {
        audit.record(
                action,
                actor(user),
                request,
                read.size(),
                read.stream().map(StoredVersion::id).toList());
    }

    private static AuditActor actor(JcuPrincipal user) {
        return new AuditActor(user.userId(), user.username(), user.orgId());
    }

    private static ResponseEntity<String> notFound(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"status\":404,\"error\":\"not-found\",\"message\":" + quote("no object " + id) + "}");
    }

    private static String quote(String text) {
        return StixJson.mapper().writeValueAsString(text);
    }

    private static List<String> split(List<String> values) {
        if (values == null) {
            return null;
        }
        return values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
