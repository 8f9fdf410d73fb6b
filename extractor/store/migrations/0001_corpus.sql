-- The corpus: articles, their revisions, the items extracted from each revision, raw
-- copies of ingested files, full-text indexes and the initiative registry.
-- Items of every kind share one table (fast province + kind filtering, one FTS index);
-- per-kind views give each kind its own columns for browsing and exports.

CREATE TABLE articles (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT NOT NULL UNIQUE,      -- stable id: sha1(identity)[:16]
    identity            TEXT NOT NULL UNIQUE,      -- canonical URL, else the input path
    url                 TEXT,
    input               TEXT,
    current_revision_id INTEGER,
    story_id            INTEGER,                   -- registry: articles telling one story
    first_seen          TEXT NOT NULL,
    last_seen           TEXT NOT NULL
);

-- Bytes of files stored with `extractor ingest`, so `reprocess` needs no fetching
-- (crawled pages live in WARC files instead: revisions.warc_file/warc_offset).
CREATE TABLE raw_pages (
    sha256       TEXT PRIMARY KEY,
    content_type TEXT,
    data         BLOB NOT NULL
);

CREATE TABLE revisions (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id),
    revision_no       INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    fetched_at        TEXT,
    extractor_version TEXT NOT NULL,
    schema_version    TEXT NOT NULL,
    content_sha256    TEXT,
    language          TEXT,
    title             TEXT,
    published         TEXT,
    source_url        TEXT,
    outlet            TEXT,
    relevant          INTEGER NOT NULL DEFAULT 0,
    provinces         TEXT NOT NULL DEFAULT '[]',  -- JSON list, today's names
    error             TEXT,
    text              TEXT NOT NULL DEFAULT '',
    http_status       INTEGER,
    warc_file         TEXT,
    warc_offset       INTEGER,
    raw_sha256        TEXT REFERENCES raw_pages(sha256),
    UNIQUE (article_id, revision_no)
);
CREATE INDEX revisions_article ON revisions(article_id, id);
CREATE INDEX revisions_published ON revisions(published);
CREATE INDEX revisions_source_url ON revisions(source_url);
CREATE INDEX revisions_version ON revisions(extractor_version);

-- Provinces an article revision is mainly about (the record's `provinces`).
CREATE TABLE revision_provinces (
    revision_id  INTEGER NOT NULL REFERENCES revisions(id),
    province     TEXT NOT NULL,
    province_key TEXT NOT NULL,
    PRIMARY KEY (revision_id, province_key)
);
CREATE INDEX revision_provinces_key ON revision_provinces(province_key);

CREATE TABLE items (
    id                   INTEGER PRIMARY KEY,
    uid                  TEXT NOT NULL,            -- stable id: sha1(article uid, revision, kind, n)[:16]
    revision_id          INTEGER NOT NULL REFERENCES revisions(id),
    article_id           INTEGER NOT NULL REFERENCES articles(id),
    current              INTEGER NOT NULL DEFAULT 1,  -- 1 while its revision is the article's latest
    kind                 TEXT NOT NULL,            -- figure | target | locality | initiative | person
    n                    INTEGER NOT NULL,         -- position among the record's items of that kind
    name                 TEXT,                     -- locality / initiative / person name
    value                REAL,
    unit                 TEXT,
    currency             TEXT,
    metric               TEXT,
    qualifier            TEXT,                     -- figures
    comparator           TEXT,                     -- targets
    as_of                TEXT,                     -- figures
    year                 INTEGER,                  -- targets
    level                TEXT,                     -- localities
    code                 TEXT,
    lat                  REAL,
    lon                  REAL,
    role                 TEXT,                     -- people
    organization         TEXT,
    locality             TEXT,                     -- the place the item is about, as extracted
    province             TEXT,                     -- today's province (after 1 July 2025)
    province_before_2025 TEXT,
    province_key         TEXT NOT NULL DEFAULT '', -- textutil.fold(province)
    province_before_key  TEXT NOT NULL DEFAULT '', -- textutil.fold(province_before_2025)
    text                 TEXT,                     -- evidence span
    start                INTEGER,
    "end"                INTEGER,
    sentence             TEXT,
    published            TEXT,                     -- the article's publication date (copied for sorting)
    language             TEXT
);
CREATE UNIQUE INDEX items_uid ON items(uid);
CREATE INDEX items_revision ON items(revision_id);
CREATE INDEX items_article ON items(article_id, current);
CREATE INDEX items_province_kind ON items(current, province_key, kind, published);
CREATE INDEX items_before_kind ON items(current, province_before_key, kind, published);
CREATE INDEX items_kind ON items(current, kind, published);
CREATE INDEX items_metric ON items(metric, current);

-- Every mention of a locality (the locality item carries its first mention as evidence).
CREATE TABLE locality_mentions (
    item_id  INTEGER NOT NULL REFERENCES items(id),
    n        INTEGER NOT NULL,
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    sentence TEXT,
    PRIMARY KEY (item_id, n)
);

-- Full text, folded (lower case, no diacritics, đ → d) so "Song Hinh" finds "Sông Hinh".
-- Contentless: the text lives in revisions/items; rowid = revisions.id / items.id.
CREATE VIRTUAL TABLE revisions_fts USING fts5(title, text, content='', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE items_fts USING fts5(name, evidence, content='', tokenize='unicode61 remove_diacritics 2');

-- Registry: articles that tell one story (a translation citing the same source URL) …
CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    source_key TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    languages  TEXT NOT NULL
);

-- … and one entry per initiative across articles and languages.
CREATE TABLE initiative_registry (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    names        TEXT NOT NULL,                    -- JSON list of every name seen
    name_key     TEXT NOT NULL,
    province     TEXT,
    province_key TEXT NOT NULL DEFAULT '',
    province_before_key TEXT NOT NULL DEFAULT '',
    locality     TEXT,
    first_seen   TEXT,
    last_seen    TEXT,
    n_articles   INTEGER NOT NULL,
    n_mentions   INTEGER NOT NULL,
    languages    TEXT NOT NULL
);
CREATE INDEX initiative_registry_province ON initiative_registry(province_key);
CREATE INDEX initiative_registry_before ON initiative_registry(province_before_key);

CREATE TABLE initiative_mentions (
    registry_id INTEGER NOT NULL REFERENCES initiative_registry(id),
    item_id     INTEGER NOT NULL REFERENCES items(id),
    PRIMARY KEY (registry_id, item_id)
);
CREATE INDEX initiative_mentions_item ON initiative_mentions(item_id);

CREATE VIEW current_articles AS
SELECT a.id, a.uid, a.identity, a.url, a.input, a.story_id, a.first_seen, a.last_seen,
       r.id AS revision_id, r.revision_no, r.extractor_version, r.content_sha256, r.language,
       r.title, r.published, r.source_url, r.outlet, r.relevant, r.provinces, r.error, r.text
FROM articles a JOIN revisions r ON r.id = a.current_revision_id;

CREATE VIEW figures AS
SELECT id, uid, revision_id, article_id, current, value, unit, currency, metric, qualifier, as_of,
       locality, province, province_before_2025, text, start, "end", sentence, published, language
FROM items WHERE kind = 'figure';

CREATE VIEW targets AS
SELECT id, uid, revision_id, article_id, current, value, unit, currency, metric, comparator, year,
       locality, province, province_before_2025, text, start, "end", sentence, published, language
FROM items WHERE kind = 'target';

CREATE VIEW localities AS
SELECT id, uid, revision_id, article_id, current, name, level, code, lat, lon, province,
       province_before_2025, text, start, "end", sentence, published, language
FROM items WHERE kind = 'locality';

CREATE VIEW initiatives AS
SELECT id, uid, revision_id, article_id, current, name, locality, province, province_before_2025,
       text, start, "end", sentence, published, language
FROM items WHERE kind = 'initiative';

CREATE VIEW people AS
SELECT id, uid, revision_id, article_id, current, name, role, organization, province,
       province_before_2025, text, start, "end", sentence, published, language
FROM items WHERE kind = 'person';
