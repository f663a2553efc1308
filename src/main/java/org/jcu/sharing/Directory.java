package org.jcu.sharing;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jcu.stix.StixJson;
import org.jcu.stix.StixTimestamps;
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

    /** An organisation: UUID and unique name. */
    public record Organization(String id, String name) {}

    /** Finds an organisation by name. */
    public Optional<Organization> findOrganization(String name) {
        return jdbc.sql("SELECT id, name FROM organization WHERE name = ?")
                .param(name)
                .query((rs, n) -> new Organization(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** All organisations, by name. */
    public List<Organization> organizations() {
        return jdbc.sql("SELECT id, name FROM organization ORDER BY name")
                .query((rs, n) -> new Organization(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Returns the organisation with that name, creating it if needed. */
    @Transactional
    public Organization ensureOrganization(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("organisation name must not be blank");
        }
        return findOrganization(name).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            jdbc.sql("INSERT INTO organization (id, name, created_at) VALUES (?, ?, ?)")
                    .params(id, name, now())
                    .update();
            return new Organization(id, name);
        });
    }

    /** The platform's own organisation (created on first use). */
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
     * Issues an API token for a user.
     *
     * @param token the token to register, or null to generate one (43 characters, base64url, 256 bits)
     * @return the token in clear: it is not stored and cannot be shown again
     */
    @Transactional
    public String issueToken(String userId, String label, String token) {
        String clear = token != null ? token : generateToken();
        if (clear.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("an API token must have at least " + MIN_TOKEN_LENGTH + " characters");
        }
        jdbc.sql("INSERT INTO api_token (token_hash, user_id, label, created_at, revoked) VALUES (?, ?, ?, ?, ?)")
                .params(StixJson.sha256(clear), userId, label, now(), false)
                .update();
        return clear;
    }

    /** The principal owning an unrevoked token, if any. */
    public Optional<JcuPrincipal> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT u.id, u.username, u.org_id, u.user_role FROM api_token t
                        JOIN app_user u ON u.id = t.user_id
                        WHERE t.token_hash = ? AND t.revoked = ?""")
                .params(StixJson.sha256(token), false)
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
