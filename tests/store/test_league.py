"""The coverage league table: one row per province today, the former ones beneath it,
one figure per story; and the province view and plot that share its rules."""
from __future__ import annotations

import csv
import io
import json

from extractor.store.league import league_table, sort_groups, table_rows
from extractor.store.registry import one_per_story


def rows_by_name(rows):
    return {(r["province"], r["parent"]): r for r in rows}


def test_every_province_today_with_its_former_ones_beneath(league_corpus):
    rows = league_table(league_corpus.conn)
    heads = [r for r in rows if not r["parent"]]
    assert len(heads) == 34
    i = [r["province"] for r in rows].index("Ninh Bình")
    assert [(r["province"], r["parent"]) for r in rows[i:i + 4]] == [
        ("Ninh Bình", ""), ("Ninh Bình", "Ninh Bình"), ("Hà Nam", "Ninh Bình"), ("Nam Định", "Ninh Bình")]
    league = rows_by_name(rows)
    today = league[("Ninh Bình", "")]
    assert (today["health_rate"], today["health_date"], today["social_rate"]) == (93.8, "2025-09-30", 41.5)
    assert (today["target"], today["target_year"], today["gap"]) == (95.0, 2026, 1.2)
    assert today["articles"] == 4 and today["url"] == "https://en.example.vn/ninh-binh-enlarged"
    # Before 1 July 2025 "Ninh Bình" was the smaller, former province: its 2023 rate is there.
    assert league[("Ninh Bình", "Ninh Bình")]["health_rate"] == 91.0
    assert league[("Hà Nam", "Ninh Bình")]["health_rate"] == 92.5


def test_one_story_one_figure_with_its_languages(league_corpus):
    nam_dinh = rows_by_name(league_table(league_corpus.conn))[("Nam Định", "Ninh Bình")]
    assert (nam_dinh["health_rate"], nam_dinh["languages"], nam_dinh["articles"]) == (94.2, ["fr", "vi"], 2)
    assert (nam_dinh["target"], nam_dinh["target_comparator"], nam_dinh["gap"]) == (95.0, ">=", 0.8)


def test_order_sorting_and_printed_form(league_corpus):
    rows = league_table(league_corpus.conn)
    rates = [r["health_rate"] for r in rows if not r["parent"] and r["health_rate"] is not None]
    assert rates == sorted(rates, reverse=True) and rows[0]["province"] == "Hà Tĩnh"  # 93.9 %
    by_name = sort_groups(rows, "province")
    heads = [r["province"] for r in by_name if not r["parent"]]
    assert heads[:2] == ["An Giang", "Bắc Ninh"] and len(by_name) == len(rows)
    nam_dinh = next(r for r in table_rows(rows) if r["province"] == "↳ Nam Định")
    assert (nam_dinh["health"], nam_dinh["target"], nam_dinh["gap"]) == ("94.2 %", "≥ 95 % by 2025", "+0.8")


def test_one_per_story_merges_translations_only():
    base = {"kind": "figure", "metric": "other", "unit": "count", "value": 9.0, "locality": None, "year": None}
    rows = [dict(base, id=1, story_id=7, language="fr", as_of=None),
            dict(base, id=2, story_id=7, language="vi", as_of="2024"),
            dict(base, id=3, story_id=8, language="en", as_of=None),
            dict(base, id=4, story_id=7, language="vi", as_of=None, value=10.0)]
    out = one_per_story(rows)
    assert [(r["id"], r["languages"], r["as_of"], r["item_ids"]) for r in out] == [
        (1, ["fr", "vi"], "2024", [1, 2]), (3, ["en"], None, [3]), (4, ["vi"], None, [4])]


def test_province_view_counts_each_figure_once_per_story(corpus):
    from extractor.store.views import province_view

    view = province_view(corpus.conn, "Phu Yen")
    song_hinh = [f for f in view["figures"] if f["place"] == "Sông Hinh"]
    assert len(song_hinh) == 1 and song_hinh[0]["languages"] == ["fr", "vi"]
    assert [s["place"] for s in view["series"]] == ["Sông Hinh"]  # a district's figures are charted too


def test_plot_keeps_places_one_label_per_year_and_targets_in_their_year(league_corpus):
    import matplotlib.dates as mdates

    from extractor.store.views import draw, province_view

    view = province_view(league_corpus.conn, "Ninh Binh")
    assert {"Ninh Bình", "Nam Định", "Hà Nam"} <= {s["place"] for s in view["series"]}
    fig = draw(view)
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    labels = [t.get_text() for t in ax.get_xticklabels(minor=True) if t.get_text() and low <= t.get_position()[0] <= high]
    assert labels == sorted(set(labels)) and labels[0] == "2023" and labels[-1] == "2026"
    for collection in ax.collections:  # the targets' stars
        for x, _ in collection.get_offsets():
            day = mdates.num2date(x)
            assert day.month == 12 and day.year in (2025, 2026)


def test_league_export_is_stable(league_corpus, tmp_path):
    from extractor.store.league_export import LEAGUE_COLUMNS, export_league

    out1, out2 = tmp_path / "a.csv", tmp_path / "b.csv"
    n = export_league(league_corpus.conn, "provinces", "csv", out1)
    export_league(league_corpus.conn, "provinces", "csv", out2)
    assert out1.read_bytes() == out2.read_bytes()
    table = list(csv.DictReader(io.StringIO(out1.read_text(encoding="utf-8"))))
    assert len(table) == n and list(table[0]) == list(LEAGUE_COLUMNS)
    nam_dinh = next(r for r in table if r["province"] == "Nam Định")
    assert json.loads(nam_dinh["languages"]) == ["fr", "vi"] and len(nam_dinh["item_uid"]) == 16
    export_league(league_corpus.conn, "provinces", "parquet", tmp_path / "p.parquet")
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "p.parquet").num_rows == n
