package org.jcu.sharing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jcu.stix.StixTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts for signing in on the web (decision 0012): passwords (Argon2id), lock-out after repeated failures, the
 * TOTP second factor (RFC 6238) and its per-organisation requirement, and accounts of OpenID Connect identities.
 *
 * <p>Lock-out: {@code jcu.sign-in.max-failures} consecutive failures — wrong passwords, or wrong second-factor codes —
 * lock the account for {@code jcu.sign-in.lock-duration}; while locked every sign-in fails the same way a wrong
 * password does. The count is reset by a complete sign-in (password, and the code when a second factor is required),
 * by a new password, and when a lock is set. All times come from the injected {@link Clock} and are stored as UTC.
 *
 * <p>Secrets never leave this class: password hashes are only compared, TOTP keys are sealed at rest
 * ({@link SecretSealer}) and shown only while their enrolment waits for its first valid code.
 *
 * <p>Thread-safety: safe for concurrent use (state lives in the database; counters change in single statements).
 */
@Service
public class WebAccounts {

    /** Shortest password accepted (characters). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** Longest password accepted (characters). */
    public static final int MAX_PASSWORD_LENGTH = 512;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOTP_KEY_BYTES = 20; // 160 bits, RFC 4226 §4 R6

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignInProperties properties;
    private final SecretSealer sealer;
    private final Directory directory;
    private final PasswordEncoder passwords = Passwords.encoder();
    private final SignInAudit audit;
    private volatile @Nullable String dummyHash;

    WebAccounts(
            JdbcClient jdbc,
            Clock clock,
            SignInProperties properties,
            SecretSealer sealer,
            Directory directory,
            SignInAudit audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.sealer = sealer;
        this.directory = directory;
    }

    /** Whether an organisation requires a second factor of its members (changed by {@link #setSignInPolicy}). */
    public record SignInPolicy(String organizationId, boolean requireSecondFactor) {}

    /**
     * A user's second factor.
     *
     * @param requiredByOrganization the organisation requires one
     * @param enrolled the user has a confirmed TOTP key
     */
    public record SecondFactorState(boolean requiredByOrganization, boolean enrolled) {

        /** A code is asked at sign-in: the organisation requires it, or the user enrolled anyway. */
        public boolean required() {
            return requiredByOrganization || enrolled;
        }
    }

    /**
     * A TOTP key waiting for its first valid code.
     *
     * @param secret the key in Base32 (RFC 4648), for typing into an authenticator app
     * @param uri the same as {@code otpauth://totp/...} URI (Key Uri Format: SHA1, 6 digits, 30 s)
     */
    record Enrolment(String secret, String uri) {}

    /**
     * Sets a user's web sign-in password, replacing any previous one, and lifts a lock-out.
     *
     * @throws IllegalArgumentException if there is no such user, or the password has fewer than
     *     {@value #MIN_PASSWORD_LENGTH} or more than {@value #MAX_PASSWORD_LENGTH} characters
     */
    @Transactional
    public void setPassword(String username, CharSequence password) {
        if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password must have " + MIN_PASSWORD_LENGTH + " to "
                    + MAX_PASSWORD_LENGTH + " characters, got " + password.length());
        }
        String userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no user named '" + username + "'"));
        String hash = passwords.encode(password);
        jdbc.sql("""
                        INSERT INTO user_credential (user_id, password_hash, failed_sign_ins, locked_until)
                        VALUES (?, ?, 0, NULL)
                        ON CONFLICT (user_id) DO UPDATE
                        SET password_hash = excluded.password_hash, failed_sign_ins = 0, locked_until = NULL""").params(userId, hash).update();
    }

    /**
     * Forgets a user's second factor (a lost or stolen authenticator): its key, confirmation and last used step are
     * cleared, so an organisation that requires a second factor has the user enrol a new one at the next sign-in.
     * Audited as {@code ACCOUNT_MAPPED} by {@code actor}.
     *
     * @return true if the user had a key (enrolled or pending)
     * @throws IllegalArgumentException if there is no such user
     */
    public boolean resetSecondFactor(String username, String actor) {
        JcuPrincipal user = credential("u.username = ?", username)
                .map(Credential::principal)
                .orElseThrow(() -> new IllegalArgumentException("no user named '" + username + "'"));
        int cleared = jdbc.sql("""
                        UPDATE user_credential SET totp_secret = NULL, totp_confirmed = ?, totp_last_step = NULL
                        WHERE user_id = ? AND totp_secret IS NOT NULL""").params(false, user.userId()).update();
        if (cleared > 0) {
            audit.mapped(user, "second factor reset by " + actor);
        }
        return cleared > 0;
    }

    /** The sign-in policy of an organisation; empty if there is no such organisation. */
    public Optional<SignInPolicy> signInPolicy(String organizationId) {
        return jdbc.sql("SELECT id, require_second_factor FROM organization WHERE id = ?")
                .param(organizationId)
                .query((rs, n) -> new SignInPolicy(rs.getString(1), rs.getBoolean(2)))
                .optional();
    }

    /**
     * Sets whether an organisation requires a second factor at web sign-in. Sessions already open are asked for the
     * code at their next page.
     *
     * @param actor who asks: a platform administrator, or an organisation administrator of that organisation (not of
     *     the platform organisation, whose policy covers the platform administrators)
     * @return the new policy, or empty if there is no such organisation
     * @throws AccessDeniedException if {@code actor} may not change that organisation's policy
     */
    public Optional<SignInPolicy> setSignInPolicy(JcuPrincipal actor, String organizationId, boolean required) {
        // the platform organisation's policy covers its platform administrators: theirs alone to change
        boolean allowed = actor.role() == UserRole.PLATFORM_ADMIN
                || (actor.role() == UserRole.ORG_ADMIN
                        && actor.orgId().equals(organizationId)
                        && !organizationId.equals(
                                directory.platformOrganization().id()));
        if (!allowed) {
            throw new AccessDeniedException("only a platform administrator or an administrator of that organisation"
                    + " may change its policy (of the platform organisation: a platform administrator)");
        }
        int updated = jdbc.sql("UPDATE organization SET require_second_factor = ? WHERE id = ?")
                .params(required, organizationId)
                .update();
        return updated == 0 ? Optional.empty() : Optional.of(new SignInPolicy(organizationId, required));
    }

    /**
     * Checks a password. Unknown users, users without a password, locked accounts and wrong passwords all give the
     * same empty answer after the same hashing work, so the answer does not tell which it was. A wrong password counts
     * towards the lock-out; a right one resets the count unless a second factor is still to come.
     *
     * @return the user, if the password is right and the account not locked
     */
    Optional<JcuPrincipal> checkPassword(String username, String password) {
        Optional<Credential> found = credential("u.username = ?", username);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().passwordHash() == null || found.get().lockedAt(now)) {
            passwords.matches(password, dummyHash());
            audit.refused(
                    found.map(Credential::principal).orElse(null),
                    found.isEmpty()
                            ? "password: no such account"
                            : found.get().passwordHash() == null
                                    ? "password: the account has none"
                                    : "password: locked");
            return Optional.empty();
        }
        Credential credential = found.get();
        String userId = credential.principal().userId();
        if (!reserveAttempt(userId, now)) {
            // the attempts left were taken by requests running now: answered as a locked account
            passwords.matches(password, dummyHash());
            audit.refused(credential.principal(), "password: locked (attempts left taken by other requests)");
            return Optional.empty();
        }
        if (!passwords.matches(password, credential.passwordHash())) {
            lockIfSpent(userId, now);
            audit.refused(credential.principal(), "password: wrong");
            return Optional.empty();
        }
        if (credential.secondFactor().required()) {
            releaseAttempt(userId); // the code still to come decides; the password alone is no failure
        } else {
            resetFailures(userId);
            audit.signedIn(credential.principal(), "password");
        }
        if (passwords.upgradeEncoding(credential.passwordHash())) {
            jdbc.sql("UPDATE user_credential SET password_hash = ? WHERE user_id = ?")
                    .params(passwords.encode(password), userId)
                    .update();
        }
        return Optional.of(credential.principal());
    }

    /** The second-factor state of a user. */
    SecondFactorState secondFactor(JcuPrincipal user) {
        return credential("u.id = ?", user.userId())
                .map(Credential::secondFactor)
                .orElse(new SecondFactorState(false, false));
    }

    /**
     * The TOTP key waiting for its first code: the pending one, or a new one (20 random bytes) if none is pending.
     *
     * @throws IllegalStateException if the user already has a confirmed key (it is never shown again)
     */
    @Transactional
    Enrolment enrolment(JcuPrincipal user) {
        Optional<Credential> credential = credential("u.id = ?", user.userId());
        if (credential.isPresent() && credential.get().totpConfirmed()) {
            throw new IllegalStateException("the second factor of '" + user.username() + "' is already enrolled");
        }
        byte[] key;
        String sealed = credential.map(Credential::totpSecret).orElse(null);
        if (sealed != null) {
            key = sealer.open(sealed, user.userId());
        } else {
            key = new byte[TOTP_KEY_BYTES];
            RANDOM.nextBytes(key);
            jdbc.sql("""
                            INSERT INTO user_credential (user_id, totp_secret, totp_confirmed, totp_last_step)
                            VALUES (?, ?, ?, NULL)
                            ON CONFLICT (user_id) DO UPDATE SET totp_secret = excluded.totp_secret,
                            totp_confirmed = excluded.totp_confirmed, totp_last_step = NULL""")
                    .params(user.userId(), sealer.seal(key, user.userId()), false)
                    .update();
        }
        String secret = Base32.encode(key);
        String issuer = properties.totpIssuer();
        String label = encode(issuer) + ":" + encode(user.username());
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
        return new Enrolment(secret, uri);
    }

    /**
     * Checks a TOTP code (RFC 6238, current time step ± 1) against the user's confirmed key, or else against the key
     * of a pending enrolment, which a valid code confirms. A code of a time step at or before the last accepted one is
     * refused (no reuse). A wrong code counts towards the lock-out; a locked account accepts no code. Success resets
     * the failure count.
     *
     * @return true if the code is accepted
     */
    boolean verifySecondFactor(JcuPrincipal user, String code) {
        Optional<Credential> found = credential("u.id = ?", user.userId());
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().totpSecret() == null || found.get().lockedAt(now)) {
            audit.refused(user, found.isPresent() && found.get().lockedAt(now) ? "code: locked" : "code: no key");
            return false;
        }
        Credential credential = found.get();
        if (!reserveAttempt(user.userId(), now)) {
            audit.refused(user, "code: locked (attempts left taken by other requests)");
            return false;
        }
        byte[] key = sealer.open(credential.totpSecret(), user.userId());
        OptionalLong step = Totp.verify(key, code, now);
        if (step.isPresent()) {
            int accepted = jdbc.sql("""
                            UPDATE user_credential
                            SET totp_last_step = ?, totp_confirmed = ?, failed_sign_ins = 0, locked_until = NULL
                            WHERE user_id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                    .params(step.getAsLong(), true, user.userId(), step.getAsLong())
                    .update();
            if (accepted == 1) {
                audit.signedIn(user, "second factor (TOTP)");
                return true;
            }
        }
        lockIfSpent(user.userId(), now);
        audit.refused(user, step.isPresent() ? "code: already used" : "code: wrong");
        return false;
    }

    /** Where sign-ins are audited. */
    SignInAudit audit() {
        return audit;
    }

    /** The id of the platform organisation (administrators of the platform). */
    String platformOrganizationId() {
        return directory.platformOrganization().id();
    }

    /** An organisation by its UUID or else its exact name. */
    Optional<Directory.Organization> organizationByIdOrName(String idOrName) {
        return directory.findOrganizationByIdOrName(idOrName);
    }

    /** The name of an organisation, or its id if it has none. */
    String organizationName(String organizationId) {
        return jdbc.sql("SELECT name FROM organization WHERE id = ?")
                .param(organizationId)
                .query(String.class)
                .optional()
                .orElse(organizationId);
    }

    /**
     * The account of an OpenID Connect identity ({@code iss}, {@code sub}; OIDC Core 1.0 §5.7), created on its first
     * sign-in (just in time) with the claims' organisation and role. At later sign-ins the role follows the provider's
     * claims; the organisation must stay the same.
     *
     * @param username the user name for a new account (from the provider's claims)
     * @throws SignInRefusedException if the name is taken by another account, or the identity's account belongs to
     *     another organisation than the claims name
     */
    @Transactional
    public JcuPrincipal externalAccount(
            String issuer, String subject, String username, String organizationId, UserRole role) {
        Optional<JcuPrincipal> linked = jdbc.sql("""
                        SELECT u.id, u.username, u.org_id, u.user_role FROM external_identity e
                        JOIN app_user u ON u.id = e.user_id WHERE e.issuer = ? AND e.subject = ?""")
                .params(issuer, subject)
                .query((rs, n) -> new JcuPrincipal(
                        rs.getString(1), rs.getString(2), rs.getString(3), UserRole.valueOf(rs.getString(4))))
                .optional();
        if (linked.isPresent()) {
            JcuPrincipal account = linked.get();
            if (!account.orgId().equals(organizationId)) {
                throw new SignInRefusedException("Your account '" + account.username() + "' belongs to "
                        + organizationName(account.orgId()) + " in jcu, but your identity provider now names "
                        + organizationName(organizationId) + ". An administrator must move the account.");
            }
            JcuPrincipal current = new JcuPrincipal(account.userId(), account.username(), account.orgId(), role);
            if (account.role() != role) {
                jdbc.sql("UPDATE app_user SET user_role = ? WHERE id = ?")
                        .params(role.name(), account.userId())
                        .update();
                audit.mapped(current, "role " + account.role() + " -> " + role + " by the claims of " + issuer);
            }
            return current;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new SignInRefusedException("The user name '" + username + "' is already taken by another jcu"
                    + " account; an administrator must resolve the clash before you can sign in with this provider.");
        }
        JcuPrincipal created = directory.createUser(username, organizationId, role);
        jdbc.sql("INSERT INTO external_identity (issuer, subject, user_id, created_at) VALUES (?, ?, ?, ?)")
                .params(issuer, subject, created.userId(), StixTimestamps.micros(clock.instant()))
                .update();
        audit.mapped(created, "created as " + role + " by the claims of " + issuer);
        return created;
    }

    /** The jcu account behind a web sign-in (password or OIDC), if it is one. */
    static Optional<JcuPrincipal> principal(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof JcuPrincipal user) {
            return Optional.of(user);
        }
        if (principal instanceof JcuOidcUser oidc) {
            return Optional.of(oidc.account());
        }
        return Optional.empty();
    }

    /**
     * Takes one of the attempts left before the lock-out, before the password or code is checked: of requests
     * arriving together, only as many as attempts are left are checked at all (decision 0012). A check that succeeds
     * resets or releases it; one that fails keeps it, and the last one locks the account.
     *
     * @return false if the account is locked or its attempts are taken
     */
    private boolean reserveAttempt(String userId, Instant now) {
        return jdbc.sql("""
                        UPDATE user_credential SET failed_sign_ins = failed_sign_ins + 1
                        WHERE user_id = ? AND failed_sign_ins < ? AND (locked_until IS NULL OR locked_until <= ?)""")
                        .params(userId, properties.maxFailures(), StixTimestamps.micros(now))
                        .update()
                == 1;
    }

    /** After a failed check: locks the account for the lock duration once its attempts are spent. */
    private void lockIfSpent(String userId, Instant now) {
        jdbc.sql("""
                        UPDATE user_credential SET failed_sign_ins = 0, locked_until = ?
                        WHERE user_id = ? AND failed_sign_ins >= ?""")
                .params(StixTimestamps.micros(now.plus(properties.lockDuration())), userId, properties.maxFailures())
                .update();
    }

    /** Gives back an attempt taken by {@link #reserveAttempt} for a check that did not fail. */
    private void releaseAttempt(String userId) {
        jdbc.sql("""
                        UPDATE user_credential
                        SET failed_sign_ins = CASE WHEN failed_sign_ins > 0 THEN failed_sign_ins - 1 ELSE 0 END
                        WHERE user_id = ?""").param(userId).update();
    }

    private void resetFailures(String userId) {
        jdbc.sql("UPDATE user_credential SET failed_sign_ins = 0, locked_until = NULL WHERE user_id = ?")
                .param(userId)
                .update();
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = passwords.encode(UUID.randomUUID().toString());
            dummyHash = hash;
        }
        return hash;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Optional<Credential> credential(String where, String value) {
        return jdbc.sql("""
                        SELECT u.id, u.username, u.org_id, u.user_role, o.require_second_factor,
                               c.password_hash, c.locked_until, c.totp_secret, c.totp_confirmed
                        FROM app_user u
                        JOIN organization o ON o.id = u.org_id
                        LEFT JOIN user_credential c ON c.user_id = u.id
                        WHERE """ + " " + where)
                .param(value)
                .query((rs, n) -> {
                    String lockedUntil = rs.getString(7);
                    return new Credential(
                            new JcuPrincipal(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    UserRole.valueOf(rs.getString(4))),
                            rs.getBoolean(5),
                            rs.getString(6),
                            lockedUntil == null ? null : Instant.parse(lockedUntil),
                            rs.getString(8),
                            rs.getBoolean(9));
                })
                .optional();
    }

    private record Credential(
            JcuPrincipal principal,
            boolean organizationRequiresSecondFactor,
            @Nullable String passwordHash,
            @Nullable Instant lockedUntil,
            @Nullable String totpSecret,
            boolean totpConfirmed) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        SecondFactorState secondFactor() {
            return new SecondFactorState(organizationRequiresSecondFactor, totpConfirmed);
        }
    }
}
