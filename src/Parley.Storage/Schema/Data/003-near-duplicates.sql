-- Parley store, schema version 3: near duplicates (syndicated copies, lightly edited updates)
-- are stored and linked to the first copy, and their events are not coded a second time.
ALTER TABLE articles ADD COLUMN simhash INTEGER;
ALTER TABLE articles ADD COLUMN near_duplicate_of INTEGER REFERENCES articles(id);
ALTER TABLE articles ADD COLUMN near_distance INTEGER;
CREATE INDEX articles_near_duplicate_of ON articles(near_duplicate_of);
