-- A random identity of this database, written once. The audit anchor (a file outside the database) names it, so an
-- anchor written for another database is recognised instead of being taken for this one's (decision 0011).
CREATE TABLE store_identity (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    store_id  TEXT NOT NULL
);
INSERT INTO store_identity (id, store_id) VALUES (1, lower(hex(randomblob(16))));
