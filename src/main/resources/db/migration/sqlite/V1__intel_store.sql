-- Organisations, users and API tokens (the access-policy issue extends these).
CREATE TABLE organization (
    id          TEXT PRIMARY KEY,          -- UUID
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL              -- UTC, YYYY-MM-DDTHH:MM:SS.ffffffZ
);

CREATE TABLE app_user (
    id          TEXT PRIMARY KEY,
    username    TEXT NOT NULL UNIQUE,
    org_id      TEXT NOT NULL REFERENCES organization (id),
    user_role   TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE api_token (
    token_hash  TEXT PRIMARY KEY,          -- SHA-256 hex of the token; the token itself is never stored
    user_id     TEXT NOT NULL REFERENCES app_user (id),
    label       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0
);

-- One row per object version (id, modified), content stored once. The latest version of an id is the one
-- with the greatest version_key.
CREATE TABLE object_version (
    seq           INTEGER PRIMARY KEY,      -- rowid: insertion order (versions are never deleted), paging position
    stix_id       TEXT NOT NULL,
    version_key   TEXT NOT NULL,            -- modified (else created) as fixed-width UTC nanoseconds; '' if neither
    stix_type     TEXT NOT NULL,
    owner_org     TEXT NOT NULL REFERENCES organization (id),  -- the id's owner (first submitter), same on every version
    spec_version  TEXT NOT NULL,
    modified      TEXT,                     -- as received (original precision)
    created       TEXT,
    revoked       INTEGER NOT NULL,
    upgraded_from TEXT,                     -- '2.0' when upgraded on import
    content_hash  TEXT NOT NULL,            -- SHA-256 of content
    content       TEXT NOT NULL,            -- compact JSON, properties sorted; never holds jcu data
    date_added    TEXT NOT NULL,            -- UTC microseconds, fixed width
    UNIQUE (stix_id, version_key)
);
CREATE INDEX object_version_type ON object_version (stix_type, seq);
CREATE INDEX object_version_added ON object_version (date_added);

-- Each organisation that submitted a version holds it, under its own markings. Keyed by the version's seq, so
-- holdings of new versions are appended, not inserted at random points of a B-tree.
CREATE TABLE holding (
    version_seq  INTEGER NOT NULL REFERENCES object_version (seq),
    org_id       TEXT NOT NULL REFERENCES organization (id),
    received_at  TEXT NOT NULL,
    source       TEXT NOT NULL,             -- file name, 'api', 'demo', ...
    markings     TEXT NOT NULL,             -- JSON array: object_marking_refs at submission
    PRIMARY KEY (version_seq, org_id)
) WITHOUT ROWID;

-- References of relationships and sightings (source_ref, target_ref, sighting_of_ref, where_sighted_refs,
-- observed_data_refs), per version.
CREATE TABLE object_ref (
    version_seq  INTEGER NOT NULL REFERENCES object_version (seq),
    ref_name     TEXT NOT NULL,
    target_id    TEXT NOT NULL
);
CREATE INDEX object_ref_target ON object_ref (target_id, ref_name);
CREATE INDEX object_ref_source ON object_ref (version_seq);
