-- Issue 3 (4b): delivery positions. A version is delivered (TAXII/REST listings, paging) at its insertion position
-- seq, unless its audience grew later — an MoU started, a sharing-group member or community link was added, another
-- organisation holds (releases) it: then it has one announcement row, at a new position after every earlier seq and
-- announcement, with the time of that moment as its date_added. Pollers receive it after that moment and never miss
-- it. Positions share one counter with seq (PostgreSQL: its sequence; SQLite: the writer numbers both) and are
-- allocated under the writer lock. A separate small table keeps the version table to one index on insertion order.
CREATE TABLE announcement (
    pos           INTEGER PRIMARY KEY,
    version_seq   INTEGER NOT NULL UNIQUE REFERENCES object_version (seq),
    announced_at  TEXT NOT NULL           -- UTC micros; the version's date_added for readers from now on
);

-- When an MoU's start was announced (NULL: not yet; MoUs that start in the future are announced when they start).
ALTER TABLE mou ADD COLUMN announced_at TEXT;
UPDATE mou SET announced_at = created_at;
