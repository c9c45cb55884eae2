-- Parley store, schema version 5: input files that an ingest run read to the end, so that a later
-- run over the same paths passes over them without reading them again (resume after an
-- interruption, or a folder that grows day by day). A file counts as the same file while its full
-- path, size and modification time are unchanged; a changed file is read again (its unchanged
-- articles are then found by content hash and not stored twice).
CREATE TABLE finished_files (
    path        TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    modified    TEXT NOT NULL,
    items       INTEGER NOT NULL,
    finished_at TEXT NOT NULL
);
