-- Issue 4: observables and the correlation index (decision 0015). One row per distinct normalised value and one
-- row per (value, object version): never one row per pair of objects.

-- Observable storage: each distinct normalised value once. The id is derived from (kind, value) (64-bit murmur3, so
-- an exact-match lookup is a primary-key probe without a text index); a collision takes the next free id and
-- lookups compare the text.
CREATE TABLE observable_value (
    id         BIGINT PRIMARY KEY,
    kind       TEXT NOT NULL,             -- ObservableKind code: ip, domain, url, email, mac, asn, SHA-256, ...
    value      TEXT NOT NULL,             -- normalised form (decision 0014)
    ip_prefix  INTEGER,                   -- kind ip: prefix length in the IPv6 space (128 = one address)
    ip_net     BYTEA                       -- kind ip: 16-byte network address (IPv4 as ::ffff:a.b.c.d)
);

-- Observable storage: which object version holds which value, as written there when it differs.
CREATE TABLE observable (
    version_seq  BIGINT NOT NULL,
    value_id     BIGINT NOT NULL,
    original     TEXT,                    -- the value as written in the object, NULL when equal to the normalised one
    PRIMARY KEY (version_seq, value_id)
);

-- Bumped by every transaction that stores new values, so a node knows when its in-memory filter of stored value
-- ids (decision 0015) must be reloaded because another process or node wrote.
CREATE TABLE observable_generation (
    id  INTEGER PRIMARY KEY,
    n   BIGINT NOT NULL
);
INSERT INTO observable_generation (id, n) VALUES (1, 0);

-- Correlation storage: value -> object versions; IP values by (network, prefix) for containment both ways; blocks.
CREATE INDEX observable_by_value ON observable (value_id, version_seq);
CREATE INDEX observable_value_ip ON observable_value (ip_net, ip_prefix) WHERE ip_net IS NOT NULL;
CREATE INDEX observable_value_block ON observable_value (ip_prefix) WHERE ip_prefix < 128;   -- the CIDR blocks

-- Blind match notices (decision 0016): a request from an organisation holding a value to the organisations whose
-- objects it cannot see also hold it. The requester learns nothing about who; the owners see the requester.
CREATE TABLE access_request (
    id            TEXT PRIMARY KEY,
    value_id      BIGINT NOT NULL,
    requester_org TEXT NOT NULL REFERENCES organization (id),
    requester     TEXT NOT NULL REFERENCES app_user (id),
    message       TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
CREATE INDEX access_request_requester ON access_request (requester_org, created_at);

-- One row per (request, holder organisation): each owner answers for its own holdings.
CREATE TABLE access_request_owner (
    request_id   TEXT NOT NULL REFERENCES access_request (id),
    owner_org    TEXT NOT NULL REFERENCES organization (id),
    state        TEXT NOT NULL,           -- PENDING | GRANTED | REFUSED
    answered_by  TEXT,
    answered_at  TEXT,
    PRIMARY KEY (request_id, owner_org)
);
CREATE INDEX access_request_owner_org ON access_request_owner (owner_org, state);
