-- Issue 3: directory attributes, communities under MoUs, sharing groups, and per-holding sharing decisions.
-- The rules these tables feed are in docs/decisions/0007-access-policy-truth-table.md.

ALTER TABLE organization ADD COLUMN country TEXT;                 -- ISO 3166-1 alpha-2, or EU for EU bodies
ALTER TABLE organization ADD COLUMN compartment TEXT NOT NULL DEFAULT 'GOVERNMENT';  -- GOVERNMENT | PRIVATE
ALTER TABLE organization ADD COLUMN actor_roles TEXT NOT NULL DEFAULT '[]';          -- JSON array of ActorRole
ALTER TABLE organization ADD COLUMN sector TEXT;                  -- NIS2 Annex I/II sector code
ALTER TABLE organization ADD COLUMN served_by TEXT REFERENCES organization (id);    -- e.g. its national CSIRT
ALTER TABLE organization ADD COLUMN default_tlp TEXT NOT NULL DEFAULT 'TLP:AMBER';
ALTER TABLE organization ADD COLUMN default_pap TEXT;
ALTER TABLE organization ADD COLUMN default_distribution TEXT NOT NULL DEFAULT 'ORGANISATION_ONLY';
ALTER TABLE organization ADD COLUMN default_targets TEXT NOT NULL DEFAULT '[]';      -- JSON array of community ids

ALTER TABLE api_token ADD COLUMN token_id TEXT;                   -- public handle for listing and revocation
ALTER TABLE api_token ADD COLUMN expires_at TEXT;                 -- UTC micros; NULL = no expiry
UPDATE api_token SET token_id = substr(token_hash, 1, 16);
CREATE UNIQUE INDEX api_token_id ON api_token (token_id);

CREATE TABLE community (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,             -- TECHNICAL | OPERATIONAL | STRATEGIC | LAW_ENFORCEMENT | PRIVATE_PARTNERS | OTHER
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

-- Connected communities (stored in both directions).
CREATE TABLE community_link (
    community_id TEXT NOT NULL REFERENCES community (id),
    linked_id    TEXT NOT NULL REFERENCES community (id),
    PRIMARY KEY (community_id, linked_id)
);

-- A memorandum of understanding: its parties are members of the community while it is valid.
CREATE TABLE mou (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES community (id),
    reference    TEXT NOT NULL,
    scope        TEXT NOT NULL DEFAULT '',
    signed_on    TEXT NOT NULL,            -- YYYY-MM-DD
    valid_from   TEXT NOT NULL,            -- UTC micros, inclusive
    valid_until  TEXT,                     -- UTC micros, exclusive; NULL = open-ended
    created_at   TEXT NOT NULL
);
CREATE INDEX mou_community ON mou (community_id);

CREATE TABLE mou_party (
    mou_id  TEXT NOT NULL REFERENCES mou (id),
    org_id  TEXT NOT NULL REFERENCES organization (id),
    PRIMARY KEY (org_id, mou_id)
);

CREATE TABLE sharing_group (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,            -- unique per owner: a global check would reveal confidential names
    owner_org    TEXT NOT NULL REFERENCES organization (id),
    confidential BOOLEAN NOT NULL DEFAULT FALSE,   -- member list hidden from members
    description  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    UNIQUE (owner_org, name)
);

CREATE TABLE sharing_group_member (
    group_id  TEXT NOT NULL REFERENCES sharing_group (id),
    org_id    TEXT NOT NULL REFERENCES organization (id),
    added_at  TEXT NOT NULL,
    PRIMARY KEY (group_id, org_id)
);
CREATE INDEX sharing_group_member_org ON sharing_group_member (org_id);

-- The holder's sharing decision for its holding.
ALTER TABLE holding ADD COLUMN tlp TEXT NOT NULL DEFAULT 'TLP:AMBER';
ALTER TABLE holding ADD COLUMN pap TEXT;
ALTER TABLE holding ADD COLUMN distribution TEXT NOT NULL DEFAULT 'ORGANISATION_ONLY';

-- Targets of a holding's distribution: kind COMMUNITY (community id), SHARING_GROUP (group id), RECIPIENT (org id).
CREATE TABLE holding_target (
    version_seq  BIGINT NOT NULL,
    org_id       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    PRIMARY KEY (version_seq, org_id, kind, target_id),
    FOREIGN KEY (version_seq, org_id) REFERENCES holding (version_seq, org_id)
);

-- The JCU communities (DOMAIN.md), seeded with fixed ids; more can be created.
INSERT INTO community (id, name, kind, description, created_at) VALUES
 ('9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b01', 'CSIRTs Network', 'TECHNICAL',
  'Technical level: Member State CSIRTs and CERT-EU (NIS2 Art. 15)', '2026-01-01T00:00:00.000000Z'),
 ('9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b02', 'EU-CyCLONe', 'OPERATIONAL',
  'Operational level: cyber crisis management authorities (NIS2 Art. 16)', '2026-01-01T00:00:00.000000Z'),
 ('9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b03', 'IPCR', 'STRATEGIC',
  'Strategic/political level: Council IPCR arrangements', '2026-01-01T00:00:00.000000Z'),
 ('9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b04', 'LEA', 'LAW_ENFORCEMENT',
  'Law enforcement: Europol EC3, J-CAT and national cybercrime units', '2026-01-01T00:00:00.000000Z'),
 ('9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b05', 'Private partners', 'PRIVATE_PARTNERS',
  'Private-sector partners of the JCU (by sector)', '2026-01-01T00:00:00.000000Z');

INSERT INTO community_link (community_id, linked_id) VALUES
 ('9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b01', '9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b02'),
 ('9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b02', '9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b01'),
 ('9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b02', '9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b03'),
 ('9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b03', '9b1c1d4e-5a0c-4d0e-9f6a-0c5e3f1a2b02');
