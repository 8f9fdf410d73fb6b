"""Search: province old ↔ new, diacritics optional, filters, full text, hostile input."""
from __future__ import annotations

import pytest

from extractor.store.search import Filters, search


def places(rows) -> set[str]:
    return {r["place"] for r in rows}


def test_pre_2025_province_finds_its_territory_today(corpus):
    rows = search(corpus.conn, Filters(province="Phu Yen"))
    assert rows and all(r["province_before_2025"] == "Phú Yên" for r in rows)
    assert {r["kind"] for r in rows} == {"figure", "target", "locality", "initiative"}
    assert "Sông Hinh, Đắk Lắk" in places(rows)
    assert not any("Buôn Ma Thuột" in p for p in places(rows))  # old Đắk Lắk is not Phú Yên


def test_todays_province_finds_merged_territory(corpus):
    for name in ("Đắk Lắk", "Dak Lak", "dak-lak", "tỉnh Đắk Lắk"):
        rows = search(corpus.conn, Filters(province=name))
        found = places(rows)
        assert "Sông Hinh, Đắk Lắk" in found and "Buôn Ma Thuột, Đắk Lắk" in found, name


def test_kind_metric_lang_and_dates(corpus):
    rows = search(corpus.conn, Filters(province="Phu Yen", kind="initiative"))
    assert sorted(r["name"] for r in rows) == ["Heo đất tương trợ", "tirelire d'entraide"]
    rows = search(corpus.conn, Filters(metric="social_insurance_coverage"))
    assert [r["value"] for r in rows] == [87]
    rows = search(corpus.conn, Filters(kind="figure", lang="en"))
    assert [r["date"] for r in rows] == ["2025-06-01", "2024-05-03"]  # newest first
    rows = search(corpus.conn, Filters(kind="figure", date_from="2025", date_to="2025-09-10"))
    assert [r["date"] for r in rows] == ["2025-09-10", "2025-06-01"]


def test_full_text_without_diacritics(corpus):
    rows = search(corpus.conn, Filters(text="heo dat"))
    assert [r["name"] for r in rows if r["kind"] == "initiative"] == ["Heo đất tương trợ"]
    rows = search(corpus.conn, Filters(text="Sông Hinh", kind="locality"))
    assert {r["language"] for r in rows} == {"vi", "fr"}


def test_article_search(corpus):
    rows = search(corpus.conn, Filters(text="tirelire", kind="article"))
    assert [r["title"] for r in rows] == ["Song Hinh : la tirelire d'entraide au service de l'assurance maladie"]
    assert "tirelire" in rows[0]["evidence"]
    rows = search(corpus.conn, Filters(kind="article", province="Phu Yen"))
    assert {r["language"] for r in rows} == {"vi", "fr"}
    rows = search(corpus.conn, Filters(kind="article", province="Ha Tinh", date_to="2024"))
    assert len(rows) == 1


def test_hostile_queries_are_text(corpus):
    for text in ("'; DROP TABLE items; --", '"unbalanced', "NEAR(a b) OR *", "<script>", "---"):
        assert search(corpus.conn, Filters(text=text)) == []
    assert corpus.conn.execute("SELECT count(*) FROM items").fetchone()[0] > 0


def test_history_stays_out_of_results(corpus):
    from .records import ha_tinh_en

    newer = ha_tinh_en(1)
    newer.extractor_version = "0.2.0"
    newer.initiatives = []
    corpus.save_record(newer)
    rows = search(corpus.conn, Filters(kind="initiative", province="Ha Tinh"))
    assert len(rows) == 1 and rows[0]["date"] == "2025-06-01"


@pytest.mark.parametrize("newest_first", [1, 3, 1000])
def test_a_page_of_text_results_is_the_head_of_all_of_them(corpus, monkeypatch, newest_first):
    """PostgreSQL looks through the newest items first, else gathers the matches first:
    either way a page is the head of the full, ordered result."""
    from extractor.store import search as module

    monkeypatch.setattr(module, "NEWEST_FIRST", newest_first)
    for text, province in (("Song Hinh", None), ("bao hiem", None), ("tirelire", "Phu Yen"), ("95", None)):
        everything = search(corpus.conn, Filters(text=text, province=province, limit=None))
        for limit in (1, 2, 50):
            assert search(corpus.conn, Filters(text=text, province=province, limit=limit)) == everything[:limit]
