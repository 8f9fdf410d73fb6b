"""Each page of `extractor serve` over HTTP, on a corpus of our own fixture articles."""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest


def get(base: str, path: str, **params) -> tuple[int, str]:
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", errors="replace")


def get_json(base: str, path: str, **params):
    status, body = get(base, path, **params)
    assert status == 200, body[:500]
    return json.loads(body)


def test_home_summarises_the_corpus(server):
    status, html = get(server, "/")
    assert status == 200
    assert "8 articles" in html
    assert 'action="/search"' in html
    for link in ('href="/province/H%C3%A0%20T%C4%A9nh"', 'href="/map"', 'href="/search?kind=figure"'):
        assert link in html
    summary = get_json(server, "/summary.json")
    assert summary["articles"] == 8
    assert {r["language"]: r["n"] for r in summary["by_language"]} == {"fr": 3, "en": 3, "vi": 2}


@pytest.mark.parametrize("name", ["Phu Yen", "Phú Yên", "phu-yen", "PHU YEN"])
def test_pre_2025_province_finds_its_territory_today(server, name):
    data = get_json(server, "/search.json", province=name)
    places = {(r["locality"], r["province"], r["province_before_2025"]) for r in data["results"]}
    assert ("Sông Hinh", "Đắk Lắk", "Phú Yên") in places
    assert ("Tuy Hòa", "Đắk Lắk", "Phú Yên") in places
    # Buôn Đôn was in Đắk Lắk before the merger: not part of Phú Yên's territory.
    assert not any(r["locality"] == "Buôn Đôn" for r in data["results"])


@pytest.mark.parametrize("name", ["Dak Lak", "Đắk Lắk", "daklak"])
def test_todays_province_finds_the_merged_territories(server, name):
    data = get_json(server, "/search.json", province=name)
    localities = {r["locality"] for r in data["results"]}
    assert {"Sông Hinh", "Tuy Hòa", "Buôn Đôn"} <= localities
    assert "Hà Tĩnh" not in localities


def test_search_page_shows_item_place_date_evidence_and_links(server):
    status, html = get(server, "/search", q="couverture", province="Ha Tinh", kind="figure")
    assert status == 200
    assert "93.4 %" in html
    assert '<mark class="item item-figure">93,4 %</mark>' in html  # evidence sentence, item highlighted
    assert "2024-10-20" in html
    assert 'href="https://news.example.vn/fr/ha-tinh-couverture"' in html
    assert "/article/" in html and "#item-" in html


def test_search_facets(server):
    data = get_json(server, "/search.json", province="Dak Lak")
    facets = {name: {v["value"]: v["n"] for v in values} for name, values in data["facets"].items()}
    assert facets["kind"]["figure"] == 4
    assert facets["language"] == {"en": 7, "fr": 3}
    assert facets["year"] == {"2025": 10}
    assert facets["province"]["Đắk Lắk"] == 10  # other provinces stay listed, to switch to
    narrowed = get_json(server, "/search.json", province="Dak Lak", kind="figure", lang="fr")
    assert [r["text"] for r in narrowed["results"]] == ["90,1 %"]


def test_full_text_is_folded_and_finds_articles(server):
    data = get_json(server, "/search.json", q="heo dat", kind="initiative")  # finds "Heo đất nghĩa tình"
    assert [r["name"] for r in data["results"]] == ["Heo đất nghĩa tình"]
    arts = get_json(server, "/search.json", q="porte-à-porte", kind="article")
    assert [a["title"] for a in arts["articles"]] == ["Đắk Lắk : Buôn Đôn mobilise les jeunes"]


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "'; DROP TABLE items; --",
                                     '" OR 1=1 --', "NEAR(a b) AND *", "\"unterminated", "%00%27"])
def test_hostile_queries_are_shown_as_text(server, hostile):
    for params in ({"q": hostile}, {"province": hostile}, {"q": hostile, "kind": hostile, "year": hostile}):
        status, html = get(server, "/search", **params)
        assert status == (400 if "kind" in params else 200), html[:300]  # no such kind: said so
        assert "<script>alert(1)</script>" not in html
        if "<" in hostile:
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    status, _ = get(server, "/province/" + urllib.parse.quote(hostile, safe=""))
    assert status == 404
    assert get_json(server, "/summary.json")["articles"] == 8  # nothing dropped


def test_stored_markup_is_escaped(server):
    status, html = get(server, "/search", q="reader wrote")
    assert status == 200
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    article_id = get_json(server, "/search.json", q="reader", kind="article")["articles"][0]["id"]
    status, html = get(server, f"/article/{article_id}")
    assert "<script>alert('x')</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_province_page_by_name_with_or_without_diacritics(server):
    for name in ("Hà Tĩnh", "Ha Tinh", "ha-tinh"):
        status, html = get(server, "/province/" + urllib.parse.quote(name))
        assert status == 200
        assert "<h1>Hà Tĩnh</h1>" in html
        assert 'id="coverage-chart"' in html and "chart.js" in html
        assert "Heo đất nghĩa tình" in html  # initiative with first/last seen
        assert "2024-01-15" in html and "2024-10-20" in html
    data = get_json(server, "/province/Ha%20Tinh.json")
    (series,) = data["series"]
    assert series["metric"] == "health_insurance_coverage"
    assert series["place"] == "Hà Tĩnh"
    assert [(p["date"], p["value"]) for p in series["figures"]] == [("2023-12-31", 91.2), ("2024-09-30", 93.4)]
    assert [(p["date"], p["value"]) for p in series["targets"]] == [("2025-12-31", 95.0)]
    assert {t["value"] for t in data["targets"]} == {95.0}


def test_merged_away_province_page(server):
    data = get_json(server, "/province/Phu%20Yen.json")
    assert data["name"] == "Phú Yên" or data["name"].lower().replace(" ", "") in ("phuyen", "phúyên")
    assert {f["locality"] for f in data["figures"]} == {"Sông Hinh", "Tuy Hòa"}
    assert "Buôn Đôn" not in {f["locality"] for f in data["figures"]}
    status, _ = get(server, "/province/Nowhere")
    assert status == 404


def test_initiative_page_links_mentions_across_languages(server):
    search = get_json(server, "/search.json", q="Tirelire")
    registry_page = None
    status, html = get(server, f"/article/{search['results'][0]['article_id']}")
    assert "/initiative/" in html
    registry_page = html.split('href="/initiative/')[1].split('"')[0]
    data = get_json(server, f"/initiative/{registry_page}.json")
    assert {m["language"] for m in data["mentions"]} == {"fr", "vi"}
    assert set(data["names"]) == {"Heo đất nghĩa tình", "Tirelire solidaire"}
    status, html = get(server, f"/initiative/{registry_page}")
    assert status == 200
    assert '<mark class="item item-initiative">Tirelire solidaire</mark>' in html
    assert get(server, "/initiative/99999")[0] == 404


def test_article_page_highlights_every_item_in_place(server):
    article_id = get_json(server, "/search.json", q="Song Hinh", kind="article")["articles"][0]["id"]
    status, html = get(server, f"/article/{article_id}")
    assert status == 200
    assert 'class="item item-figure" id="item-' in html
    assert ">88.5 per cent</mark>" in html and ">92 per cent</mark>" in html
    assert html.count(">Song Hinh</mark>") == 2  # both mentions of the place
    assert ">Family Insurance Circle</mark>" in html
    assert "before 2025: Phú Yên" in html
    data = get_json(server, f"/article/{article_id}.json")
    assert data["revision"]["language"] == "en"
    assert {i["kind"] for i in data["items"]} == {"figure", "target", "locality", "initiative"}
    assert get(server, "/article/424242")[0] == 404


def test_map_and_datasette_json_api(server):
    status, html = get(server, "/map")
    assert status == 200
    assert '<svg id="province-map"' in html and html.count('class="province-mark"') == 34
    assert "https://unpkg" not in html and "cdn" not in html.lower()
    status, html = get(server, "/corpus/places")  # the places on a street map (datasette-cluster-map)
    assert status == 200 and "datasette-cluster-map" in html and "Places on a map" in html
    assert "Custom SQL query" not in html and "Run SQL" not in html  # a page, not a SQL editor
    places = {r["name"]: r for r in get_json(server, "/corpus/places.json", _shape="array")}
    assert places["Sông Hinh"]["province_before_2025"] == "Phú Yên"
    assert (places["Sông Hinh"]["figures"], places["Sông Hinh"]["targets"]) == (2, 1)
    assert places["Hà Tĩnh"]["articles"] == 2 and places["Hà Tĩnh"]["lat"] == 18.34
    rows = get_json(server, "/corpus/localities.json", _shape="array", current="1")
    assert {r["name"] for r in rows} >= {"Sông Hinh", "Hà Tĩnh"}


def test_metadata_describes_tables_and_columns(server):
    meta = get_json(server, "/-/metadata.json")
    items = meta["databases"]["corpus"]["tables"]["items"]
    assert "evidence" in items["columns"]["start"].lower()
    assert meta["license"] and meta["source"]


def test_arbitrary_sql_is_refused_by_default(server):
    status, _ = get(server, "/corpus", sql="select 1")
    assert status == 403
    status, _ = get(server, "/corpus/items", _where="1=1")
    assert status == 403


def test_chart_keeps_one_line_per_place(server):
    # Đắk Lắk's articles give district figures only: one series per district, never joined.
    series = get_json(server, "/province/Dak%20Lak.json")["series"]
    assert {s["place"] for s in series} == {"Sông Hinh", "Buôn Đôn", "Tuy Hòa"}
    song_hinh = next(s for s in series if s["place"] == "Sông Hinh")
    assert [p["value"] for p in song_hinh["figures"]] == [84.0, 88.5]
    assert [p["value"] for p in song_hinh["targets"]] == [92.0]


def test_bad_parameters_are_refused_in_one_line(server):
    for params in ({"page": "abc"}, {"page": "0"}, {"kind": "bogus"}, {"year": "20x5"}):
        status, body = get(server, "/search.json", **params)
        assert status == 400, params
        assert list(params)[0] in json.loads(body)["error"]
    status, html = get(server, "/search", kind="bogus")
    assert status == 400 and "is not a kind of item" in html
    data = get_json(server, "/search.json", page="2", province="Ha Tinh")
    assert data["page"] == 2 and data["results"] == [] and data["total"] == 11
    status, html = get(server, "/search", page="2", province="Ha Tinh")
    assert "← previous" in html and "next →" not in html
    assert get(server, "/article/1.json", revision="zz")[0] == 400
    status, body = get(server, "/article/1.json", revision="5")  # the article has 2 revisions, not 5
    assert status == 404 and "no revision 5" in json.loads(body)["error"]
    assert get(server, "/corpus/items", _sort="bogus")[0] == 400  # Datasette's own table: not a 500
    assert get(server, "/corpus/items.json", _sort="no_such_column")[0] == 400


def test_client_errors_log_one_line_each(server, corpus_db):
    log = corpus_db.with_name("serve.log")
    before = log.read_text(errors="replace")
    get(server, "/corpus/items", _sort="bogus")
    get(server, "/search", kind="bogus")
    get(server, "/no/such/page")
    new = log.read_text(errors="replace")[len(before):]
    assert "Traceback" not in new and "locals" not in new
    assert len([line for line in new.splitlines() if line.strip()]) == 3, new


def test_article_revisions(server):
    article_id = get_json(server, "/search.json", q="porte-à-porte", kind="article")["articles"][0]["id"]
    status, html = get(server, f"/article/{article_id}")
    assert "2 of 2" in html and f'href="/article/{article_id}?revision=1"' in html
    assert ">90,1 %</mark>" in html
    status, html = get(server, f"/article/{article_id}", revision="1")
    assert ">89,5 %</mark>" in html and "1 of 2" in html
    # Only the current revision's items are searched.
    assert [r["text"] for r in get_json(server, "/search.json", province="Dak Lak", q="habitants")["results"]
            if r["kind"] == "figure"] == ["90,1 %"]
