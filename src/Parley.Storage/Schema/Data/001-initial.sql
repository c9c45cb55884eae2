-- Parley store, schema version 1.
-- articles: one row per distinct article body (unique by content hash).
CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    content_hash     TEXT NOT NULL UNIQUE,
    title            TEXT,
    published        TEXT,
    published_source TEXT,
    modified         TEXT,
    site             TEXT,
    author           TEXT,
    language         TEXT,
    path_or_url      TEXT,
    canonical_url    TEXT,
    body             TEXT NOT NULL,
    captions         TEXT,
    ingested_at      TEXT NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- events: one row per event per article; actors and evidence in their own tables.
CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id),
    cameo            TEXT NOT NULL,
    label            TEXT,
    goldstein        REAL,
    quad_class       INTEGER,
    plover_type      TEXT,
    plover_mode      TEXT,
    date             TEXT NOT NULL,
    date_precision   TEXT NOT NULL,
    date_is_fallback INTEGER NOT NULL,
    status           TEXT NOT NULL,
    location_name    TEXT,
    location_country TEXT,
    location_lat     REAL,
    location_lon     REAL,
    reported_by      TEXT
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_article ON events(article_id);

CREATE TABLE event_actors (
    event_id   INTEGER NOT NULL REFERENCES events(id),
    side       INTEGER NOT NULL,   -- 1 source, 2 target
    position   INTEGER NOT NULL,
    country    TEXT NOT NULL,
    sector     TEXT NOT NULL,
    name       TEXT NOT NULL,
    span_start INTEGER,
    span_end   INTEGER,
    PRIMARY KEY (event_id, side, position)
);
CREATE INDEX event_actors_country ON event_actors(country);

-- mentions: every sentence an event was read from, with character offsets into the article body.
CREATE TABLE mentions (
    event_id       INTEGER NOT NULL REFERENCES events(id),
    position       INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    actor1_start   INTEGER,
    actor1_end     INTEGER,
    actor2_start   INTEGER,
    actor2_end     INTEGER,
    time_start     INTEGER,
    time_end       INTEGER,
    PRIMARY KEY (event_id, position)
);

-- ingest_log: what happened to every input, so a run can be resumed and audited.
CREATE TABLE ingest_log (
    id         INTEGER PRIMARY KEY,
    origin     TEXT NOT NULL,
    outcome    TEXT NOT NULL,      -- stored | duplicate | skipped
    reason     TEXT,
    article_id INTEGER REFERENCES articles(id),
    at         TEXT NOT NULL
);
CREATE INDEX ingest_log_origin ON ingest_log(origin);
