-- Issue 4 (decay, decision 0017): how reliable each organisation is as a source, on the admiralty scale
-- (A completely reliable .. E unreliable, F cannot be judged). Set by a platform admin; absent = F.
CREATE TABLE source_reliability (
    org_id   TEXT PRIMARY KEY REFERENCES organization (id),
    grade    TEXT NOT NULL,               -- A | B | C | D | E | F
    set_by   TEXT NOT NULL,
    set_at   TEXT NOT NULL                -- UTC micros
);
