"""Record ↔ SQLite: the corpus store (articles, revisions, items, FTS5), search and export."""
