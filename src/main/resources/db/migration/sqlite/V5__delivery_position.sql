-- Issue 3 (4b): a version's delivery position. TAXII/REST listings page and sort by it. It starts as the version's
-- seq and moves to a new, higher position (with a new date_added) when the version's audience grows: an MoU starts,
-- a sharing-group member or community link is added, another organisation holds (releases) it. Pollers then receive
-- it after that moment and never miss it. Allocated under the writer lock: every new seq and position is greater
-- than every earlier one.
ALTER TABLE object_version ADD COLUMN announced INTEGER NOT NULL DEFAULT 0;
UPDATE object_version SET announced = seq;
CREATE INDEX object_version_announced ON object_version (announced);

-- When an MoU's start was announced (NULL: not yet; MoUs that start in the future are announced when they start).
ALTER TABLE mou ADD COLUMN announced_at TEXT;
UPDATE mou SET announced_at = created_at;
