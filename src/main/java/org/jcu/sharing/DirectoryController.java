package org.jcu.sharing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST administration of the directory, {@code /api/v1}: organisations and their sharing defaults, users, API
 * tokens, communities and their links, MoUs, sharing groups. Who may do what:
 *
 * <ul>
 *   <li>platform administrators: everything;
 *   <li>organisation administrators: their organisation's users, tokens and defaults;
 *   <li>every user: read organisations (a PRIVATE-compartment user sees GOVERNMENT ones and its own), communities and
 *       MoUs; issue and revoke its own tokens; create sharing groups owned by its organisation (writers only) and
 *       manage their members.
 * </ul>
 *
 * Errors: 400 naming the field and rule; 403 for a forbidden action; 404 for anything the caller may not see.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "directory", description = "Organisations, users, tokens, communities, MoUs, sharing groups")
class DirectoryController {

    private final Directory directory;
    private final Communities communities;
    private final SharingGroups groups;

    DirectoryController(Directory directory, Communities communities, SharingGroups groups) {
        this.directory = directory;
        this.communities = communities;
        this.groups = groups;
    }

    // -- organisations ------------------------------------------------------------------------------------------

    /** Body of {@code POST /organizations}. */
    record OrganizationBody(
            String name,
            @Nullable String country,
            @Nullable String compartment,
            @JsonProperty("actor_roles") @Nullable List<String> actorRoles,
            @Nullable String sector,
            @JsonProperty("served_by") @Nullable String servedBy) {}

    /** Body of {@code PUT /organizations/{id}/defaults}. */
    record DefaultsBody(
            @Nullable String tlp,
            @Nullable String pap,
            @Nullable String distribution,
            @Nullable List<String> communities) {}

    @Operation(summary = "List organisations (PRIVATE-compartment users see GOVERNMENT ones and their own)")
    @GetMapping("/organizations")
    List<Map<String, Object>> organizations(@AuthenticationPrincipal JcuPrincipal user) {
        Compartment mine = own(user).compartment();
        return directory.organizations().stream()
                .filter(o -> mine == Compartment.GOVERNMENT
                        || o.compartment() == Compartment.GOVERNMENT
                        || o.id().equals(user.orgId()))
                .map(DirectoryController::view)
                .toList();
    }

    @Operation(summary = "One organisation")
    @GetMapping("/organizations/{id}")
    Map<String, Object> organization(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        return organizations(user).stream()
                .filter(o -> o.get("id").equals(id))
                .findFirst()
                .orElseThrow(() -> notFound("organisation " + id));
    }

    @Operation(summary = "Create an organisation (platform administrators)")
    @PostMapping("/organizations")
    ResponseEntity<Map<String, Object>> createOrganization(
            @AuthenticationPrincipal JcuPrincipal user, @RequestBody OrganizationBody body) {
        requirePlatformAdmin(user);
        Set<ActorRole> roles = EnumSet.noneOf(ActorRole.class);
        for (String role : body.actorRoles() == null ? List.<String>of() : body.actorRoles()) {
            roles.add(parse(ActorRole.class, role, "actor_roles"));
        }
        Directory.Organization created = directory.createOrganization(new Directory.NewOrganization(
                body.name(),
                body.country(),
                body.compartment() == null ? Compartment.GOVERNMENT : Compartment.of(body.compartment()),
                roles,
                body.sector() == null ? null : parse(Sector.class, body.sector(), "sector"),
                body.servedBy()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created));
    }

    @Operation(summary = "Set an organisation's sharing defaults (its administrators, platform administrators)")
    @PutMapping("/organizations/{id}/defaults")
    Map<String, Object> setDefaults(
            @AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id, @RequestBody DefaultsBody body) {
        Directory.Organization target = directory
                .findOrganizationByIdOrName(id)
                .filter(o -> user.role() == UserRole.PLATFORM_ADMIN || o.id().equals(user.orgId()))
                .orElseThrow(() -> forbidden("administrators of that organisation only"));
        requireAdminOf(user, target.id());
        Directory.SharingDefaults current = target.defaults();
        Directory.SharingDefaults next = new Directory.SharingDefaults(
                body.tlp() == null ? current.tlp() : Tlp.of(body.tlp()),
                body.pap() == null ? current.pap() : Pap.of(body.pap()),
                body.distribution() == null ? current.distribution() : Distribution.of(body.distribution()),
                body.communities() == null
                        ? current.communities()
                        : body.communities().stream()
                                .map(c -> communities
                                        .community(c)
                                        .orElseThrow(() ->
                                                new IllegalArgumentException("communities: no community '" + c + "'"))
                                        .id())
                                .toList());
        return view(directory.setDefaults(target.id(), next));
    }

    // -- users and tokens ------------------------------------------------------------------------------------------

    /** Body of {@code POST /users}. */
    record UserBody(String username, @Nullable String organization, String role) {}

    /** Body of {@code POST /tokens}. */
    record TokenBody(
            @Nullable String user,
            @Nullable String label,
            @JsonProperty("expires_at") @Nullable String expiresAt) {}

    @Operation(summary = "List users (an organisation administrator sees its organisation's)")
    @GetMapping("/users")
    List<Directory.UserInfo> users(
            @AuthenticationPrincipal JcuPrincipal user,
            @RequestParam(name = "organization", required = false) String organization) {
        if (user.role() == UserRole.PLATFORM_ADMIN) {
            return directory.users(organization);
        }
        requireAdminOf(user, user.orgId());
        return directory.users(user.orgId());
    }

    @Operation(summary = "Create a user (platform administrators; organisation administrators in their organisation)")
    @PostMapping("/users")
    ResponseEntity<Directory.UserInfo> createUser(
            @AuthenticationPrincipal JcuPrincipal user, @RequestBody UserBody body) {
        String orgId;
        if (user.role() == UserRole.PLATFORM_ADMIN) {
            orgId = body.organization() == null
                    ? user.orgId()
                    : directory
                            .findOrganizationByIdOrName(body.organization())
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "organization: no organisation '" + body.organization() + "'"))
                            .id();
        } else {
            // others may only name their own organisation: never reveal whether another name exists
            Directory.Organization mine = own(user);
            if (body.organization() != null
                    && !body.organization().equals(mine.id())
                    && !body.organization().equals(mine.name())) {
                throw forbidden("administrators of that organisation only");
            }
            orgId = mine.id();
        }
        requireAdminOf(user, orgId);
        UserRole role = parse(UserRole.class, body.role(), "role");
        if (role == UserRole.PLATFORM_ADMIN && user.role() != UserRole.PLATFORM_ADMIN) {
            throw forbidden("only a platform administrator may create platform administrators");
        }
        JcuPrincipal created = directory.createUser(body.username(), orgId, role);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(directory.user(created.userId()).orElseThrow());
    }

    @Operation(summary = "List API tokens (own; an organisation's for its administrators; all for platform admins)")
    @GetMapping("/tokens")
    List<Directory.TokenInfo> tokens(@AuthenticationPrincipal JcuPrincipal user) {
        if (user.role() == UserRole.PLATFORM_ADMIN) {
            return directory.tokens(null);
        }
        Map<String, Boolean> administered = new java.util.HashMap<>();
        return directory.tokens(user.orgId()).stream()
                .filter(t -> administered.computeIfAbsent(
                        t.userId(),
                        id -> directory
                                .user(id)
                                .filter(u -> administers(user, u))
                                .isPresent()))
                .toList();
    }

    /**
     * True if {@code caller} manages {@code target}'s tokens: itself; any user for a platform administrator; for an
     * organisation administrator, users of its organisation except platform administrators (whose tokens would give
     * it their rights).
     */
    private static boolean administers(JcuPrincipal caller, Directory.UserInfo target) {
        return target.userId().equals(caller.userId())
                || caller.role() == UserRole.PLATFORM_ADMIN
                || (caller.role() == UserRole.ORG_ADMIN
                        && target.orgId().equals(caller.orgId())
                        && target.role() != UserRole.PLATFORM_ADMIN);
    }

    @Operation(summary = "Issue an API token (shown once) for yourself, or for a user you administer")
    @PostMapping("/tokens")
    ResponseEntity<Map<String, Object>> issueToken(
            @AuthenticationPrincipal JcuPrincipal user, @RequestBody TokenBody body) {
        Directory.UserInfo owner = body.user() == null
                ? directory.user(user.userId()).orElseThrow()
                : directory
                        .user(body.user())
                        // only users the caller administers exist for it: no username enumeration across organisations
                        .filter(u -> administers(user, u))
                        .orElseThrow(() -> notFound("user " + body.user()));
        Instant expires = null;
        if (body.expiresAt() != null) {
            try {
                expires = Instant.parse(body.expiresAt());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "expires_at must be an RFC 3339 UTC timestamp, e.g. 2027-01-01T00:00:00Z");
            }
        }
        Directory.IssuedToken issued =
                directory.issueToken(owner.userId(), body.label() == null ? "api" : body.label(), null, expires);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token_id", issued.tokenId());
        out.put("token", issued.token());
        out.put("user", owner.username());
        out.put("expires_at", body.expiresAt());
        out.put("note", "the token is shown once; only its hash is stored");
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @Operation(summary = "Revoke an API token")
    @DeleteMapping("/tokens/{tokenId}")
    ResponseEntity<Void> revokeToken(
            @AuthenticationPrincipal JcuPrincipal user, @PathVariable("tokenId") String tokenId) {
        Directory.TokenInfo token = tokens(user).stream()
                .filter(t -> t.tokenId().equals(tokenId))
                .findFirst()
                .orElseThrow(() -> notFound("token " + tokenId));
        directory.revokeToken(token.tokenId());
        return ResponseEntity.noContent().build();
    }

    // -- communities and MoUs --------------------------------------------------------------------------------------

    /** Body of {@code POST /communities}. */
    record CommunityBody(
            String name, @Nullable String kind, @Nullable String description) {}

    /** Body of {@code POST /communities/{id}/links}. */
    record LinkBody(String community) {}

    /** Body of {@code POST /mous}. */
    record MouBody(
            String community,
            String reference,
            @Nullable String scope,
            @JsonProperty("signed_on") String signedOn,
            @JsonProperty("valid_from") String validFrom,
            @JsonProperty("valid_until") @Nullable String validUntil,
            List<String> parties) {}

    @Operation(summary = "List communities")
    @GetMapping("/communities")
    List<Communities.Community> communities() {
        return communities.communities();
    }

    @Operation(summary = "Create a community (platform administrators)")
    @PostMapping("/communities")
    ResponseEntity<Communities.Community> createCommunity(
            @AuthenticationPrincipal JcuPrincipal user, @RequestBody CommunityBody body) {
        requirePlatformAdmin(user);
        Communities.Kind kind = body.kind() == null ? Communities.Kind.OTHER : Communities.kind(body.kind());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(communities.create(body.name(), kind, body.description()));
    }

    @Operation(summary = "Connect two communities (platform administrators)")
    @PostMapping("/communities/{id}/links")
    Communities.Community link(
            @AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id, @RequestBody LinkBody body) {
        requirePlatformAdmin(user);
        communities.link(id, body.community());
        return communities.community(id).orElseThrow();
    }

    @Operation(summary = "List MoUs, optionally of one community")
    @GetMapping("/mous")
    List<Communities.Mou> mous(
            @AuthenticationPrincipal JcuPrincipal user,
            @RequestParam(name = "community", required = false) String community) {
        String id = community == null
                ? null
                : communities
                        .community(community)
                        .orElseThrow(() -> notFound("community " + community))
                        .id();
        List<Communities.Mou> all = communities.mous(id);
        if (own(user).compartment() == Compartment.GOVERNMENT) {
            return all;
        }
        // a PRIVATE member sees government parties and itself, never which other private organisations signed
        Set<String> shown = new java.util.HashSet<>();
        organizations(user).forEach(o -> shown.add((String) o.get("id")));
        return all.stream()
                .map(m -> new Communities.Mou(
                        m.id(),
                        m.communityId(),
                        m.reference(),
                        m.scope(),
                        m.signedOn(),
                        m.validFrom(),
                        m.validUntil(),
                        m.parties().stream().filter(shown::contains).toList()))
                .toList();
    }

    @Operation(summary = "Record a signed MoU (platform administrators)")
    @PostMapping("/mous")
    ResponseEntity<Communities.Mou> recordMou(@AuthenticationPrincipal JcuPrincipal user, @RequestBody MouBody body) {
        requirePlatformAdmin(user);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(communities.recordMou(
                        body.community(),
                        body.reference(),
                        body.scope(),
                        date(body.signedOn(), "signed_on"),
                        body.validFrom() == null ? Instant.now() : instant(body.validFrom(), "valid_from"),
                        body.validUntil() == null ? null : instant(body.validUntil(), "valid_until"),
                        body.parties()));
    }

    @Operation(summary = "End an MoU now (platform administrators)")
    @PostMapping("/mous/{id}/terminate")
    Communities.Mou terminateMou(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        requirePlatformAdmin(user);
        Communities.Mou mou = communities.mou(id).orElseThrow(() -> notFound("mou " + id));
        communities.terminateMou(mou.id());
        return communities.mou(id).orElseThrow();
    }

    // -- sharing groups ----------------------------------------------------------------------------------------------

    /** Body of {@code POST /sharing-groups}. */
    record GroupBody(
            String name,
            @Nullable Boolean confidential,
            @Nullable String description,
            @Nullable List<String> members) {}

    /** Body of {@code POST /sharing-groups/{id}/members}. */
    record MemberBody(String organization) {}

    @Operation(summary = "Sharing groups your organisation belongs to (members hidden for confidential groups)")
    @GetMapping("/sharing-groups")
    List<SharingGroups.SharingGroup> sharingGroups(@AuthenticationPrincipal JcuPrincipal user) {
        return groups.visibleTo(user.orgId(), user.role() == UserRole.PLATFORM_ADMIN);
    }

    @Operation(summary = "One sharing group (404 unless your organisation belongs to it)")
    @GetMapping("/sharing-groups/{id}")
    SharingGroups.SharingGroup sharingGroup(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id) {
        return groups.view(id, user.orgId(), user.role() == UserRole.PLATFORM_ADMIN)
                .orElseThrow(() -> notFound("sharing group " + id));
    }

    @Operation(summary = "Create a sharing group owned by your organisation")
    @PostMapping("/sharing-groups")
    ResponseEntity<SharingGroups.SharingGroup> createGroup(
            @AuthenticationPrincipal JcuPrincipal user, @RequestBody GroupBody body) {
        if (!user.canWrite()) {
            throw forbidden("role " + user.role() + " may not create sharing groups");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(groups.create(
                        body.name(),
                        user.orgId(),
                        Boolean.TRUE.equals(body.confidential()),
                        body.description(),
                        body.members() == null ? List.of() : body.members()));
    }

    @Operation(summary = "Add a member (the owner organisation's writers, platform administrators)")
    @PostMapping("/sharing-groups/{id}/members")
    SharingGroups.SharingGroup addMember(
            @AuthenticationPrincipal JcuPrincipal user, @PathVariable("id") String id, @RequestBody MemberBody body) {
        requireGroupManager(user, id);
        groups.addMember(id, body.organization());
        return sharingGroup(user, id);
    }

    @Operation(summary = "Remove a member (the owner organisation's writers, platform administrators)")
    @DeleteMapping("/sharing-groups/{id}/members/{org}")
    SharingGroups.SharingGroup removeMember(
            @AuthenticationPrincipal JcuPrincipal user,
            @PathVariable("id") String id,
            @PathVariable("org") String org) {
        requireGroupManager(user, id);
        if (!groups.removeMember(id, org)) {
            throw notFound("member " + org);
        }
        return sharingGroup(user, id);
    }

    // -- helpers ---------------------------------------------------------------------------------------------------

    private void requireGroupManager(JcuPrincipal user, String groupId) {
        sharingGroup(user, groupId);
        boolean owner = groups.ownerOf(groupId).orElse("").equals(user.orgId());
        if (user.role() != UserRole.PLATFORM_ADMIN && !(owner && user.canWrite())) {
            throw forbidden("only the owner organisation's writers may change this group's members");
        }
    }

    private Directory.Organization own(JcuPrincipal user) {
        return directory.organization(user.orgId()).orElseThrow(() -> forbidden("your organisation no longer exists"));
    }

    private static void requirePlatformAdmin(JcuPrincipal user) {
        if (user.role() != UserRole.PLATFORM_ADMIN) {
            throw forbidden("platform administrators only");
        }
    }

    private static void requireAdminOf(JcuPrincipal user, String orgId) {
        boolean orgAdmin = user.role() == UserRole.ORG_ADMIN && user.orgId().equals(orgId);
        if (user.role() != UserRole.PLATFORM_ADMIN && !orgAdmin) {
            throw forbidden("administrators of that organisation only");
        }
    }

    static Map<String, Object> view(Directory.Organization o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", o.id());
        out.put("name", o.name());
        out.put("country", o.country());
        out.put("compartment", o.compartment().name());
        out.put("actor_roles", o.actorRoles().stream().map(Enum::name).sorted().toList());
        out.put("sector", o.sector() == null ? null : o.sector().name());
        out.put("served_by", o.servedBy());
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("tlp", o.defaults().tlp().label());
        defaults.put(
                "pap", o.defaults().pap() == null ? null : o.defaults().pap().label());
        defaults.put("distribution", o.defaults().distribution().name());
        defaults.put("communities", o.defaults().communities());
        out.put("defaults", defaults);
        return out;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(field + ": unknown value '" + value + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(field + " must be a date, YYYY-MM-DD");
        }
    }

    /** An RFC 3339 UTC timestamp, or a date meaning its start (00:00 UTC). */
    private static Instant instant(String value, String field) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value)
                            .atStartOfDay(java.time.ZoneOffset.UTC)
                            .toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(field + " must be YYYY-MM-DD or an RFC 3339 UTC timestamp");
        }
    }

    private static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what);
    }

    private static ResponseStatusException forbidden(String why) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, why);
    }
}
