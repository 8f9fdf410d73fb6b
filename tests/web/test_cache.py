"""Page data kept between visits is computed again once the corpus changes."""
from __future__ import annotations

import sqlite3

from extractor.store import open_store
from extractor.web import queries

from .corpus import build, records


def test_province_page_and_facets_follow_a_change_of_the_corpus(tmp_path):
    db = build(tmp_path / "corpus.db")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    before = queries.province(conn, "Dak Lak")
    facets = queries.search(conn, province="Dak Lak")["facets"]
    assert queries.province(conn, "Dak Lak") == before  # kept: same answer
    record = next(r for r in records() if "Buôn Đôn" in r.text)
    changed = record.model_copy(update={"url": "https://example.org/buon-don-again", "figures": []})
    with open_store(db) as store:
        store.save_record(changed, fetched_at="2025-09-01T00:00:00Z")
    conn2 = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    after = queries.province(conn2, "Dak Lak")
    assert after["n_articles"] == before["n_articles"] + 1
    assert queries.search(conn2, province="Dak Lak")["facets"]["kind"] != facets["kind"]
