"""Parallel re-extraction (Dask LocalCluster) stores the same records as the single-process run."""
from __future__ import annotations

from pathlib import Path

from extractor.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"


def _corpus(where) -> None:
    from extractor.core import extract

    store = open_store(where)
    for page in sorted(FIXTURES.glob("*.txt")) + sorted(FIXTURES.glob("*.html")):
        data = page.read_bytes()
        ctype = "text/plain" if page.suffix == ".txt" else "text/html"
        record = extract(data, content_type=ctype)
        record.input, record.extractor_version = f"pages/{page.name}", "0.0.1"
        store.save_record(record, raw=data, content_type=ctype)
    store.close()


def _items(where) -> list[tuple]:
    with open_store(where, readonly=True) as store:
        return [tuple(r) for r in store.conn.execute(
            "SELECT i.uid, i.kind, i.value, i.name, i.province, r.revision_no FROM items i"
            " JOIN revisions r ON r.id = i.revision_id WHERE i.current = 1 ORDER BY i.uid")]


def test_two_workers_store_what_one_process_stores(tmp_path, monkeypatch):
    from extractor.jobs.reprocess import reprocess

    monkeypatch.setattr("extractor.jobs.parallel.CHUNK", 1)  # one page a task: results come back out of order

    one, two = tmp_path / "one.db", tmp_path / "two.db"
    _corpus(one)
    _corpus(two)
    a = reprocess(one, progress=False)
    b = reprocess(two, progress=False, workers=2)
    assert a.counts == b.counts and a.counts["changed"] >= 2 and not b.failures
    assert _items(one) == _items(two)
