"""The coverage league table and its map on the web, and the fixes around them."""
from __future__ import annotations

import csv
import io
import urllib.parse

from .test_pages import get, get_json


def by_name(rows):
    return {(r["province"], r["parent"]): r for r in rows}


def test_league_table_one_row_per_province_with_former_ones_beneath(server):
    rows = get_json(server, "/provinces.json")
    assert len([r for r in rows if not r["parent"]]) == 34
    league = by_name(rows)
    ninh_binh = league[("Ninh Bình", "")]
    assert (ninh_binh["health_rate"], ninh_binh["health_date"]) == (93.8, "2025-09-30")
    assert (ninh_binh["target"], ninh_binh["target_year"], ninh_binh["gap"]) == (95.0, 2026, 1.2)
    # Its two former provinces beneath it, each with the rate reported before the merger.
    names = [r["province"] for r in rows]
    i = names.index("Ninh Bình")
    assert set(names[i + 1:i + 4]) == {"Ninh Bình", "Hà Nam", "Nam Định"}
    assert league[("Hà Nam", "Ninh Bình")]["health_rate"] == 92.5
    nam_dinh = league[("Nam Định", "Ninh Bình")]
    # One story (the Vietnamese article and its French translation): one figure, two languages.
    assert (nam_dinh["health_rate"], nam_dinh["languages"], nam_dinh["articles"]) == (94.2, ["fr", "vi"], 2)
    assert (nam_dinh["target"], nam_dinh["gap"]) == (95.0, 0.8)
    assert league[("Hà Tĩnh", "")]["initiatives"] == 1
    # Best covered first; provinces without a rate last.
    rates = [r["health_rate"] for r in rows if not r["parent"] and r["health_rate"] is not None]
    assert rates == sorted(rates, reverse=True)


def test_league_table_sorts_and_exports_like_a_datasette_table(server):
    rows = get_json(server, "/provinces.json", _sort="gap", _desc="1")
    heads = [r for r in rows if not r["parent"] and r["gap"] is not None]
    assert [r["gap"] for r in heads] == sorted((r["gap"] for r in heads), reverse=True)
    assert rows[rows.index(heads[0]) + 1]["parent"] in ("", heads[0]["province"])  # former ones stay beneath
    status, text = get(server, "/provinces.csv")
    assert status == 200
    table = list(csv.DictReader(io.StringIO(text)))
    assert table[0]["province"] and "health_rate" in table[0] and len(table) == len(rows)
    status, html = get(server, "/provinces", _sort="province")
    assert status == 200 and 'href="/provinces?_sort=province&amp;_desc=1"' in html
    status, body = get(server, "/provinces.json", _sort="no_such_column")
    assert status == 400 and "no column of the league table" in body


def test_home_page_leads_with_the_league_table_and_the_map(server):
    status, html = get(server, "/")
    assert status == 200
    assert html.index('id="league"') < html.index("<h2>Items</h2>")
    assert '<svg id="province-map"' in html and html.count('class="province-mark"') == 34
    assert "93.8 %" in html and "≥ 95 %" in html and "&gt;=" not in html
    assert 'href="/article/' in html and "fr, vi" in html  # the source sentence and its languages
    assert "↳" in html and "(before 2025)" in html


def test_web_shows_comparators_as_read(server):
    status, html = get(server, "/province/" + urllib.parse.quote("Hà Tĩnh"))
    assert "≥ 95 %" in html and "&gt;= 95" not in html and ">=" not in html.split("<body")[1].replace("=>", "")
    status, html = get(server, "/search", kind="target", province="Ha Tinh")
    assert "≥ 95 %" in html


def test_province_page_counts_one_figure_per_story(server):
    data = get_json(server, "/province/Ninh%20Binh.json")
    nam_dinh = [f for f in data["figures"] if f["locality"] == "Nam Định"]
    assert len(nam_dinh) == 1 and nam_dinh[0]["languages"] == ["fr", "vi"]
    assert len([t for t in data["targets"] if t["locality"] == "Nam Định"]) == 1
    places = {s["place"] for s in data["series"]}
    assert {"Ninh Bình", "Nam Định", "Hà Nam"} <= places


def test_search_box_reads_a_former_province_name(server):
    status, html = get(server, "/search", q="Phu Yen")
    assert status == 200
    assert "Family Insurance Circle" in html and "Sông Hinh" in html
    assert "read as a province name" in html
    data = get_json(server, "/search.json", q="Phu Yen", kind="initiative")
    assert [r["name"] for r in data["results"]] == ["Family Insurance Circle"]
    status, html = get(server, "/search", q="Phu Yen", as_text="1")  # the words themselves
    assert "read as a province name" not in html


def test_former_province_page_says_where_it_is_now(server):
    status, html = get(server, "/province/Phu%20Yen")
    assert status == 200
    assert 'now part of <a href="/province/%C4%90%E1%BA%AFk%20L%E1%BA%AFk">Đắk Lắk</a>' in html
    assert "0 articles" not in html and "mainly about it" not in html
    assert "1 article name a place in it" not in html  # grammar: one article names
    assert get_json(server, "/province/Phu%20Yen.json")["n_articles"] == 1


def test_search_results_say_which_languages_told_a_figure(server):
    data = get_json(server, "/search.json", q="94,2", kind="figure")
    assert data["results"] and all(r["languages"] == ["fr", "vi"] for r in data["results"])
    status, html = get(server, "/search", q="94,2", kind="figure")
    assert "one story, told in fr, vi" in html
