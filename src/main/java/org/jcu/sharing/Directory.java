package org.jcu.sharing;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jcu.stix.StixJson;
import org.jcu.stix.StixTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations, users and API tokens.
 *
 * <p>API tokens are 256-bit random values shown once; only their SHA-256 is stored, so a leaked database does not
 * leak usable tokens.
 *
 * <p>Thread-safety: safe for concurrent use (state lives in the database).
 */
@Service
public class Directory {

    /** Name of the organisation that runs the platform, created on first start. */
    public static final String PLATFORM_ORG_NAME = "JCU Platform";

    /** Shortest API token accepted. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    Directory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An organisation of the directory.
     *
     * @param id                  UUID
     * @param name                unique display name
     * @param country             ISO 3166-1 alpha-2 code ({@code EU} for EU bodies), or null
     * @param compartment         GOVERNMENT or PRIVATE (decision 0007)
     * @param actorRoles          NIS2/CSA roles (DOMAIN.md {@code ActorRole})
     * @param sector              NIS2 sector, or null
     * @param servedBy            the organisation that serves this one (its CSIRT: TLP:AMBER clients), or null
     * @param defaults            sharing applied to objects submitted without markings or options
     */
    public record Organization(
            String id,
            String name,
            @Nullable String country,
            Compartment compartment,
            Set<ActorRole> actorRoles,
            @Nullable Sector sector,
            @Nullable String servedBy,
            SharingDefaults defaults) {}

    /**
     * An organisation's defaults for what it submits.
     *
     * @param tlp          TLP for objects without a TLP marking
     * @param pap          PAP for objects without a PAP marking, or null
     * @param distribution distribution when an import names none
     * @param communities  community ids for a community distribution
     */
    public record SharingDefaults(Tlp tlp, @Nullable Pap pap, Distribution distribution, List<String> communities) {
        /** The defaults of a new organisation: TLP:AMBER, no PAP, organisation only. */
        public static final SharingDefaults INITIAL =
                new SharingDefaults(Tlp.AMBER, null, Distribution.ORGANISATION_ONLY, List.of());
    }

    /**
     * What a new organisation is.
     *
     * @param name        unique, 1..200 characters
     * @param country     ISO 3166-1 alpha-2 or {@code EU}, or null
     * @param compartment compartment
     * @param actorRoles  roles
     * @param sector      NIS2 sector or null
     * @param servedBy    id of the serving organisation or null
     */
    public record NewOrganization(
            String name,
            @Nullable String country,
            Compartment compartment,
            Set<ActorRole> actorRoles,
            @Nullable Sector sector,
            @Nullable String servedBy) {}

    private static final String ORG_COLUMNS = "id, name, country, compartment, actor_roles, sector, served_by,"
            + " default_tlp, default_pap, default_distribution, default_targets";

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private static Organization mapOrganization(ResultSet rs, int row) throws SQLException {
        Set<ActorRole> roles = EnumSet.noneOf(ActorRole.class);
        for (String role : StixJson.readStrings(rs.getString(5))) {
            roles.add(ActorRole.valueOf(role));
        }
        String sector = rs.getString(6);
        String pap = rs.getString(9);
        return new Organization(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Compartment.valueOf(rs.getString(4)),
                Collections.unmodifiableSet(roles),
                sector == null ? null : Sector.valueOf(sector),
                rs.getString(7),
                new SharingDefaults(
                        Tlp.of(rs.getString(8)),
                        pap == null ? null : Pap.of(pap),
                        Distribution.valueOf(rs.getString(10)),
                        StixJson.readStrings(rs.getString(11))));
    }

    /** Finds an organisation by name. */
    public Optional<Organization> findOrganization(String name) {
        return jdbc.sql("SELECT " + ORG_COLUMNS + " FROM organization WHERE name = ?")
                .param(name)
                .query(Directory::mapOrganization)
                .optional();
    }

    /** Finds an organisation by id. */
    public Optional<Organization> organization(String id) {
        return jdbc.sql("SELECT " + ORG_COLUMNS + " FROM organization WHERE id = ?")
                .param(id)
                .query(Directory::mapOrganization)
                .optional();
    }

    /** Finds an organisation by id or, failing that, by name. */
    public Optional<Organization> findOrganizationByIdOrName(String idOrName) {
        return organization(idOrName).or(() -> findOrganization(idOrName));
    }

    /** All organisations, by name. */
    public List<Organization> organizations() {
        return jdbc.sql("SELECT " + ORG_COLUMNS + " FROM organization ORDER BY name")
                .query(Directory::mapOrganization)
                .list();
    }

    /** Returns the organisation with that name, creating it (GOVERNMENT, no roles) if needed. */
    @Transactional
    public Organization ensureOrganization(String name) {
        return findOrganization(name)
                .orElseGet(() -> createOrganization(
                        new NewOrganization(name, null, Compartment.GOVERNMENT, Set.of(), null, null)));
    }

    /**
     * Creates an organisation.
     *
     * @throws IllegalArgumentException naming the field: blank or over-long name, name taken, unknown country code,
     *     unknown serving organisation
     */
    @Transactional
    public Organization createOrganization(NewOrganization spec) {
        String name = spec.name() == null ? "" : spec.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("organisation name must have 1 to 200 characters");
        }
        if (findOrganization(name).isPresent()) {
            throw new IllegalArgumentException("organisation '" + name + "' already exists");
        }
        String country = spec.country() == null ? null : spec.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && !country.equals("EU") && !ISO_COUNTRIES.contains(country)) {
            throw new IllegalArgumentException(
                    "country '" + spec.country() + "' is not an ISO 3166-1 alpha-2 code (or EU)");
        }
        if (spec.servedBy() != null && organization(spec.servedBy()).isEmpty()) {
            throw new IllegalArgumentException("served_by: no organisation with id " + spec.servedBy());
        }
        String id = UUID.randomUUID().toString();
        List<String> roles = spec.actorRoles().stream().map(Enum::name).sorted().toList();
        jdbc.sql("INSERT INTO organization (id, name, created_at, country, compartment, actor_roles, sector, served_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        name,
                        now(),
                        country,
                        spec.compartment().name(),
                        StixJson.writeStrings(roles),
                        spec.sector() == null ? null : spec.sector().name(),
                        spec.servedBy())
                .update();
        return organization(id).orElseThrow();
    }

    /**
     * Replaces an organisation's sharing defaults.
     *
     * @throws IllegalArgumentException if a community distribution names no community
     */
    @Transactional
    public Organization setDefaults(String orgId, SharingDefaults defaults) {
        if (defaults.distribution().namesCommunities() && defaults.communities().isEmpty()) {
            throw new IllegalArgumentException(
                    "default distribution " + defaults.distribution() + " needs at least one community");
        }
        int updated = jdbc.sql("UPDATE organization SET default_tlp = ?, default_pap = ?, default_distribution = ?,"
                        + " default_targets = ? WHERE id = ?")
                .params(
                        defaults.tlp().label(),
                        defaults.pap() == null ? null : defaults.pap().label(),
                        defaults.distribution().name(),
                        StixJson.writeStrings(defaults.communities()),
                        orgId)
                .update();
        if (updated == 0) {
            throw new IllegalArgumentException("no organisation with id " + orgId);
        }
        return organization(orgId).orElseThrow();
    }

    /** The platform's own organisation (created on first use, GOVERNMENT). */
    public Organization platformOrganization() {
        return ensureOrganization(PLATFORM_ORG_NAME);
    }

    /** True if some platform administrator has an unrevoked API token. */
    public boolean hasActiveAdminToken() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE u.user_role = ? AND t.revoked = ?""")
                        .params(UserRole.PLATFORM_ADMIN.name(), false)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Creates the administrator {@code username} in {@code orgId} if missing and issues it a token, in one
     * transaction.
     *
     * @param token the token to register, or null to generate one
     * @return the token in clear
     */
    @Transactional
    public String bootstrapAdmin(String username, String orgId, String token) {
        String userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .orElseGet(() ->
                        createUser(username, orgId, UserRole.PLATFORM_ADMIN).userId());
        return issueToken(userId, "bootstrap", token);
    }

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException if the username is taken
     */
    @Transactional
    public JcuPrincipal createUser(String username, String orgId, UserRole role) {
        if (username == null || !username.matches("[A-Za-z0-9._@+-]{1,100}")) {
            throw new IllegalArgumentException(
                    "username must have 1 to 100 characters among letters, digits and . _ @ + -");
        }
        if (organization(orgId).isEmpty()) {
            throw new IllegalArgumentException("no organisation with id " + orgId);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new IllegalArgumentException("user '" + username + "' already exists");
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO app_user (id, username, org_id, user_role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, username, orgId, role.name(), now())
                .update();
        return new JcuPrincipal(id, username, orgId, role);
    }

    /**
     * Issues an API token for a user, without expiry.
     *
     * @param token the token to register, or null to generate one (43 characters, base64url, 256 bits)
     * @return the token in clear: it is not stored and cannot be shown again
     */
    @Transactional
    public String issueToken(String userId, String label, String token) {
        return issueToken(userId, label, token, null).token();
    }

    /**
     * A token just issued.
     *
     * @param tokenId public handle (list, revoke)
     * @param token   the secret, shown once
     */
    public record IssuedToken(String tokenId, String token) {}

    /** An API token as listed: never the secret. */
    public record TokenInfo(
            String tokenId,
            String userId,
            String username,
            String label,
            String createdAt,
            @Nullable String expiresAt,
            boolean revoked) {}

    /**
     * Issues an API token.
     *
     * @param token     the token to register, or null to generate one (43 characters, base64url, 256 bits)
     * @param expiresAt when it stops working, or null for never
     * @throws IllegalArgumentException if the token is shorter than {@link #MIN_TOKEN_LENGTH} or already expired
     */
    @Transactional
    public IssuedToken issueToken(String userId, String label, @Nullable String token, @Nullable Instant expiresAt) {
        String clear = token != null ? token : generateToken();
        if (clear.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("an API token must have at least " + MIN_TOKEN_LENGTH + " characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("expires_at must be in the future");
        }
        String hash = StixJson.sha256(clear);
        String tokenId = hash.substring(0, 16);
        jdbc.sql("INSERT INTO api_token (token_hash, user_id, label, created_at, revoked, token_id, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        hash,
                        userId,
                        label,
                        now(),
                        false,
                        tokenId,
                        expiresAt == null ? null : StixTimestamps.micros(expiresAt))
                .update();
        return new IssuedToken(tokenId, clear);
    }

    /** Tokens of one organisation's users (or of all users if {@code orgId} is null), newest first. */
    public List<TokenInfo> tokens(@Nullable String orgId) {
        return jdbc.sql("""
                        SELECT t.token_id, u.id, u.username, t.label, t.created_at, t.expires_at, t.revoked
                        FROM api_token t JOIN app_user u ON u.id = t.user_id
                        WHERE u.org_id = ? OR ? ORDER BY t.created_at DESC, t.token_id""")
                .params(orgId == null ? "" : orgId, orgId == null)
                .query((rs, n) -> new TokenInfo(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7)))
                .list();
    }

    /** The token with that public id, if any. */
    public Optional<TokenInfo> token(String tokenId) {
        return tokens(null).stream().filter(t -> t.tokenId().equals(tokenId)).findFirst();
    }

    /** Revokes a token; true if it existed and was active. */
    @Transactional
    public boolean revokeToken(String tokenId) {
        return jdbc.sql("UPDATE api_token SET revoked = ? WHERE token_id = ? AND revoked = ?")
                        .params(true, tokenId, false)
                        .update()
                > 0;
    }

    /** A user as listed. */
    public record UserInfo(String userId, String username, String orgId, UserRole role, String createdAt) {}

    private static UserInfo mapUser(ResultSet rs, int row) throws SQLException {
        return new UserInfo(
                rs.getString(1), rs.getString(2), rs.getString(3), UserRole.valueOf(rs.getString(4)), rs.getString(5));
    }

    /** Users of one organisation (or all if {@code orgId} is null), by username. */
    public List<UserInfo> users(@Nullable String orgId) {
        return jdbc.sql("SELECT id, username, org_id, user_role, created_at FROM app_user"
                        + " WHERE org_id = ? OR ? ORDER BY username")
                .params(orgId == null ? "" : orgId, orgId == null)
                .query(Directory::mapUser)
                .list();
    }

    /** Finds a user by id or username. */
    public Optional<UserInfo> user(String idOrUsername) {
        return jdbc.sql("SELECT id, username, org_id, user_role, created_at FROM app_user WHERE id = ? OR username = ?")
                .params(idOrUsername, idOrUsername)
                .query(Directory::mapUser)
                .optional();
    }

    /** The principal owning an unrevoked, unexpired token, if any. */
    public Optional<JcuPrincipal> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT u.id, u.username, u.org_id, u.user_role FROM api_token t
                        JOIN app_user u ON u.id = t.user_id
                        WHERE t.token_hash = ? AND t.revoked = ? AND (t.expires_at IS NULL OR t.expires_at > ?)""")
                .params(StixJson.sha256(token), false, now())
                .query((rs, n) -> new JcuPrincipal(
                        rs.getString(1), rs.getString(2), rs.getString(3), UserRole.valueOf(rs.getString(4))))
                .optional();
    }

    private static String generateToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String now() {
        return StixTimestamps.micros(clock.instant());
    }
}
