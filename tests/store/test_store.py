"""Saving records: identity, idempotence, revisions kept as history."""
from __future__ import annotations

from .records import VERSION, all_records, ha_tinh_en, song_hinh_vi

from extractor.store import open_store


from .dump import dump


def test_new_then_unchanged_writes_nothing(db):
    store = open_store(db)
    first = store.save_record(song_hinh_vi())
    before = dump(store.conn)
    again = store.save_record(song_hinh_vi())
    assert (first.status, again.status) == ("new", "unchanged")
    assert (again.article_id, again.revision_id) == (first.article_id, first.revision_id)
    assert dump(store.conn) == before


def test_changed_text_adds_revision_and_keeps_history(db):
    store = open_store(db)
    old = store.save_record(song_hinh_vi())
    changed = song_hinh_vi()
    changed.text += " Bài viết đã được cập nhật."
    changed.content_sha256 = None
    res = store.save_record(changed)
    assert res.status == "changed" and res.article_id == old.article_id and res.revision_id != old.revision_id
    revs = store.conn.execute("SELECT revision_no FROM revisions WHERE article_id = ? ORDER BY id",
                              (old.article_id,)).fetchall()
    assert [r[0] for r in revs] == [1, 2]
    cur = store.conn.execute("SELECT revision_id, count(*) FROM items WHERE current = 1 GROUP BY revision_id").fetchall()
    assert [tuple(r) for r in cur] == [(res.revision_id, 4)]
    old_items = store.conn.execute("SELECT count(*) FROM items WHERE revision_id = ? AND current = 0",
                                   (old.revision_id,)).fetchone()[0]
    assert old_items == 4
    current = store.conn.execute("SELECT current_revision_id FROM articles WHERE id = ?", (old.article_id,)).fetchone()
    assert current[0] == res.revision_id


def test_new_extractor_version_is_a_new_revision(db):
    store = open_store(db)
    store.save_record(ha_tinh_en(1))
    newer = ha_tinh_en(1)
    newer.extractor_version = "9.9.9"
    assert store.save_record(newer).status == "changed"
    versions = [r[0] for r in store.conn.execute("SELECT extractor_version FROM revisions ORDER BY id")]
    assert versions == [VERSION, "9.9.9"]


def test_items_carry_evidence_sentence_and_provinces(corpus):
    row = corpus.conn.execute(
        "SELECT * FROM items WHERE kind = 'figure' AND language = 'vi' AND province_before_2025 IS NULL"
        " AND province = 'Đắk Lắk' AND metric = 'health_insurance_coverage'").fetchone()
    assert row is None  # Sông Hinh's figure carries its pre-2025 province from the locality
    row = corpus.conn.execute("SELECT * FROM figures WHERE language = 'vi' AND locality = 'Sông Hinh'").fetchone()
    assert row["province"] == "Đắk Lắk" and row["province_before_2025"] == "Phú Yên"
    assert row["text"] == "94,2 %" and row["sentence"].startswith("Huyện Sông Hinh")
    assert row["sentence"].endswith("94,2 %.")
    mentions = corpus.conn.execute("SELECT m.* FROM locality_mentions m JOIN items i ON i.id = m.item_id"
                                   " WHERE i.name = 'Sông Hinh' AND i.language = 'fr'").fetchall()
    assert [m["text"] for m in mentions] == ["Song Hinh"]


def test_record_without_identity_is_refused(db):
    import pytest

    from extractor.errors import ExtractorError
    from extractor.record import Record

    store = open_store(db)
    with pytest.raises(ExtractorError):
        store.save_record(Record(text="x", extractor_version=VERSION))
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_migrations_are_versioned_and_reopen_is_harmless(db):
    store = open_store(db)
    for r in all_records():
        store.save_record(r)
    store.close()
    again = open_store(db)
    names = [r[0] for r in again.conn.execute("SELECT name FROM schema_migrations")]
    assert "0001_corpus.sql" in names
    assert again.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    ro = open_store(db, readonly=True)
    assert ro.conn.execute("SELECT count(*) FROM items").fetchone()[0] > 0


def test_save_inside_a_callers_transaction_is_a_savepoint(db):
    store = open_store(db)
    store.conn.execute("INSERT INTO schema_migrations(version, name) VALUES (9999, 'caller')")
    assert store.conn.in_transaction
    assert store.save_record(song_hinh_vi()).status == "new"
    store.conn.rollback()  # the caller decides: nothing of it stays
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
