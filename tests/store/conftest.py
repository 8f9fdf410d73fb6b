"""Fixtures: a store holding our fixture records (and the league table's), and those records as a JSONL file."""
from __future__ import annotations

import pytest

from .records import all_records, ninh_binh_records


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
def league_corpus(corpus):
    """The fixture store plus the Ninh Bình records that exercise the league table."""
    from extractor.store.registry import refresh

    for record in ninh_binh_records():
        corpus.save_record(record)
    refresh(corpus.conn)
    return corpus


@pytest.fixture
def records_jsonl(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.to_json() + "\n" for r in all_records()), encoding="utf-8")
    return path
