-- Parley store, schema version 2: the same real event reported by several articles.
-- cluster_id is the id of the first stored event it was linked to (its own id when it is first).
ALTER TABLE events ADD COLUMN cluster_id INTEGER;
UPDATE events SET cluster_id = id;
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX events_link ON events(date, cameo);
