-- Parley store, schema version 4: each first copy keeps the fingerprint its near duplicates are
-- matched against (MinHash signature and name hashes, as written by Parley.Ingest's
-- TextFingerprint), so a later run need not recompute it from the body.
ALTER TABLE articles ADD COLUMN fingerprint BLOB;
