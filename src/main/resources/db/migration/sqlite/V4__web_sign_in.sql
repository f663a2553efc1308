-- Web sign-in (docs/decisions/0012-web-sign-in.md): passwords, lock-out, TOTP second factor, OIDC identities.
-- Secrets live in their own table, never in app_user, so no directory query can return them.

-- An organisation administrator can require a second factor of every member signing in on the web.
ALTER TABLE organization ADD COLUMN require_second_factor INTEGER NOT NULL DEFAULT 0;

CREATE TABLE user_credential (
    user_id          TEXT PRIMARY KEY REFERENCES app_user (id),
    password_hash    TEXT,                        -- Spring DelegatingPasswordEncoder form, '{argon2}$argon2id$...'; NULL: none
    failed_sign_ins  INTEGER NOT NULL DEFAULT 0,  -- consecutive failures (password or code) since the last success or lock
    locked_until     TEXT,                        -- UTC, YYYY-MM-DDTHH:MM:SS.ffffffZ; sign-in refused before this instant
    totp_secret      TEXT,                        -- RFC 6238 key sealed with AES-256-GCM (base64); never returned
    totp_confirmed   INTEGER NOT NULL DEFAULT 0,  -- 0 while the enrolment waits for its first valid code
    totp_last_step   INTEGER                      -- last accepted RFC 6238 time step: a code is never accepted twice
);

-- Who an OpenID Connect identity is here: (iss, sub) is the only stable key of an end user (OIDC Core 1.0 §5.7).
CREATE TABLE external_identity (
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    user_id     TEXT NOT NULL REFERENCES app_user (id),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identity_user ON external_identity (user_id);
