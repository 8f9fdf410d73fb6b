"""Initiative registry and stories."""
from __future__ import annotations

from .dump import dump

from extractor.store.registry import is_stale, refresh, url_key
from extractor.store.views import initiatives_of


def test_translated_pair_is_one_story_and_one_initiative(corpus):
    stories = corpus.conn.execute(
        "SELECT story_id, count(*) FROM articles GROUP BY story_id HAVING count(*) > 1").fetchall()
    assert len(stories) == 1 and stories[0][1] == 2
    entries = initiatives_of(corpus.conn, "Phu Yen")
    assert len(entries) == 1
    entry = entries[0]
    assert entry["articles"] == 2 and entry["languages"] == ["fr", "vi"]
    assert set(entry["names"]) == {"Heo đất tương trợ", "tirelire d'entraide"}
    assert (entry["first_seen"], entry["last_seen"]) == ("2025-09-10", "2025-09-12")


def test_same_name_across_articles_is_one_entry(corpus):
    entries = initiatives_of(corpus.conn, "Hà Tĩnh")
    assert len(entries) == 1
    assert entries[0]["articles"] == 2 and entries[0]["mentions"] == 2
    assert (entries[0]["first_seen"], entries[0]["last_seen"]) == ("2024-05-03", "2025-06-01")
    assert initiatives_of(corpus.conn, "Dak Lak")[0]["initiative"] in {"Heo đất tương trợ", "tirelire d'entraide"}


def test_same_name_in_another_province_stays_apart(corpus):
    from .records import ha_tinh_en

    other = ha_tinh_en(1)
    other.url = "https://en.example.vn/quang-tri-apricot"
    other.provinces = ["Quảng Trị"]
    other.initiatives[0].province = "Quảng Trị"
    other.localities = []
    corpus.save_record(other)
    assert is_stale(corpus.conn)
    refresh(corpus.conn)
    assert not is_stale(corpus.conn)
    assert len(initiatives_of(corpus.conn, "Quang Tri")) == 1
    assert initiatives_of(corpus.conn, "Ha Tinh")[0]["articles"] == 2


def test_refresh_is_deterministic(corpus):
    before = dump(corpus.conn)
    refresh(corpus.conn)
    assert dump(corpus.conn) == before


def test_url_key():
    assert url_key("https://www.Example.vn/a/b/") == url_key("http://example.vn/a/b") == "example.vn/a/b"
    assert url_key(None) == ""
