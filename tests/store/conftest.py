"""Fixtures: a store holding our fixture records, and those records as a JSONL file."""
from __future__ import annotations

import pytest

from .records import all_records


@pytest.fixture
def corpus(db):
    """A store holding every fixture record, registry refreshed."""
    from extractor.store import open_store
    from extractor.store.registry import refresh

    store = open_store(db)
    for record in all_records():
        store.save_record(record)
    refresh(store.conn)
    yield store
    store.close()


@pytest.fixture
def records_jsonl(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.to_json() + "\n" for r in all_records()), encoding="utf-8")
    return path
