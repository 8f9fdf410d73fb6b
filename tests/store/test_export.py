"""Exports: reproducible bytes, stable ids, Parquet readable with pyarrow."""
from __future__ import annotations

import json

import pytest
from .records import all_records

from extractor.store import open_store
from extractor.store.export import ARTICLE_COLUMNS, ITEM_COLUMNS, export
from extractor.store.export import items as item_rows
from extractor.store.registry import refresh


@pytest.mark.parametrize("what", ["articles", "items"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_two_exports_are_byte_identical(corpus, tmp_path, what, fmt):
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    n = export(corpus.conn, what, fmt, a)
    refresh(corpus.conn)
    assert export(corpus.conn, what, fmt, b) == n > 0
    assert a.read_bytes() == b.read_bytes()


def test_ids_are_stable_across_corpora(tmp_path, db):
    """…and across backends: the second corpus is always SQLite."""
    outs = []
    for name, where, records in (("one", db, all_records()),
                                 ("two", tmp_path / "two.db", list(reversed(all_records())))):
        store = open_store(where)
        for r in records:
            store.save_record(r)
        refresh(store.conn)
        export(store.conn, "items", "jsonl", tmp_path / f"{name}.jsonl")
        store.close()
        outs.append((tmp_path / f"{name}.jsonl").read_text(encoding="utf-8"))
    assert outs[0] == outs[1]


def test_parquet_readable_with_pyarrow(corpus, tmp_path):
    import pyarrow.parquet as pq

    export(corpus.conn, "items", "parquet", tmp_path / "items.parquet")
    table = pq.read_table(tmp_path / "items.parquet")
    assert table.column_names == list(ITEM_COLUMNS)
    rows = table.to_pylist()
    ini = [r for r in rows if r["kind"] == "initiative" and r["province_before_2025"] == "Phú Yên"]
    assert len(ini) == 2 and ini[0]["initiative_uid"] == ini[1]["initiative_uid"]
    export(corpus.conn, "articles", "parquet", tmp_path / "articles.parquet")
    arts = pq.read_table(tmp_path / "articles.parquet").to_pylist()
    assert [a["provinces"] for a in arts if a["language"] == "fr"] == [["Đắk Lắk"]]


def test_jsonl_and_csv_shapes(corpus, tmp_path):
    import csv

    export(corpus.conn, "articles", "jsonl", tmp_path / "a.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert list(rows[0]) == list(ARTICLE_COLUMNS) and len(rows) == 5
    assert sum(r["n_figures"] for r in rows) == 5
    export(corpus.conn, "items", "csv", tmp_path / "i.csv")
    with open(tmp_path / "i.csv", encoding="utf-8", newline="") as fh:
        items = list(csv.DictReader(fh))
    assert list(items[0]) == list(ITEM_COLUMNS)
    text = (tmp_path / "i.csv").read_text(encoding="utf-8")
    for item in items:
        if item["start"]:
            assert item["text"]
    assert "Sông Hinh" in text


def test_each_item_row_names_its_article(corpus):
    rows = list(item_rows(corpus.conn))
    assert rows and all(r["url"] and r["title"] and r["published"] and r["language"] for r in rows)
    titles = dict(corpus.conn.execute("SELECT a.uid, r.title FROM articles a JOIN revisions r"
                                      " ON r.id = a.current_revision_id"))
    assert all(r["title"] == titles[r["article_uid"]] for r in rows)


def test_snapshot_is_a_sqlite_copy_search_agrees_with(corpus, tmp_path):
    """`extractor snapshot`: what the web page serves holds what the corpus holds, full text too."""
    from extractor.cli import main
    from extractor.store.search import Filters, search

    out = tmp_path / "snap.db"
    assert main(["snapshot", "--db", str(corpus.path), "--out", str(out)]) == 0
    with open_store(out, readonly=True) as snap:
        for f in (Filters(text="Ha Tinh"), Filters(province="Phu Yen", kind="figure"), Filters(kind="article")):
            assert search(snap.conn, f) == search(corpus.conn, f)
    assert not (tmp_path / "snap.db.part").exists()
