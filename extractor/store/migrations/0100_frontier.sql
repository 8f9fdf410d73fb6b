-- The crawl frontier: every URL the crawler has seen and what became of it.
-- One row per normalised URL; the row is the memory of the crawler, so a crawl
-- stopped at any moment resumes from here without refetching.
CREATE TABLE crawl_url (
    seq INTEGER PRIMARY KEY,                -- discovery order
    url TEXT NOT NULL UNIQUE,
    host TEXT NOT NULL,
    site TEXT,                              -- site profile name, or the host for generic crawls
    kind TEXT NOT NULL DEFAULT 'page',      -- entry | sitemap | feed | section | article | page
    lang TEXT,
    depth INTEGER NOT NULL DEFAULT 0,
    priority INTEGER NOT NULL DEFAULT 0,
    source TEXT,                            -- where it was found
    title TEXT,                             -- from a feed or news sitemap, when known
    lastmod TEXT,                           -- from the sitemap or feed
    state TEXT NOT NULL DEFAULT 'queued',   -- queued | fetched | failed | skipped
    reason TEXT,                            -- why skipped or failed
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try_at REAL NOT NULL DEFAULT 0,    -- unix time before which it must not be fetched
    run_id INTEGER,                         -- the crawl run that last handled it
    http_status INTEGER,
    final_url TEXT,
    canonical TEXT,
    etag TEXT,
    last_modified TEXT,
    content_type TEXT,
    content_hash TEXT,                      -- sha256 of the body
    warc_file TEXT,
    warc_offset INTEGER,
    fetched_at TEXT
);
CREATE INDEX crawl_url_next ON crawl_url(host, state, priority DESC, seq);
CREATE INDEX crawl_url_state ON crawl_url(state, next_try_at);
CREATE INDEX crawl_url_hash ON crawl_url(content_hash);
CREATE INDEX crawl_url_canonical ON crawl_url(canonical);

-- One row per crawl pass; an unfinished run is resumed by the next crawl of the same targets.
CREATE TABLE crawl_run (
    id INTEGER PRIMARY KEY,
    targets TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    stats TEXT
);
CREATE INDEX crawl_run_targets ON crawl_run(targets, finished_at);
