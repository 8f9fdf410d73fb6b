"""The site in a real browser: Debian's headless Chromium driven by Playwright.

No browser can be downloaded here, so Playwright is pointed at /usr/bin/chromium
(installed by scripts/ensure-chromium.sh). Screenshots go to test-output/web/.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "web"


@pytest.fixture(scope="module")
def page(server):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing: run scripts/ensure-chromium.sh")
    sync_api = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        # Nothing may come from outside 127.0.0.1 (map tiles would, in real use).
        outside = []
        context.route("**/*", lambda route: (route.continue_() if route.request.url.startswith(server)
                                             else (outside.append(route.request.url), route.abort())))
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        pg.outside_requests = outside
        yield pg
        browser.close()


def test_search_a_province_without_diacritics_then_open_the_article(server, page):
    page.goto(server + "/")
    assert "Insurance coverage" in page.title()
    page.fill("input[name=province]", "Phu Yen")
    page.click("form.search-box button[type=submit]")
    page.wait_for_selector("ol.result-list li.result")
    assert "Đắk Lắk" in page.inner_text(".results")
    assert "Sông Hinh" in page.inner_text(".results")
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)

    first_figure = page.locator("li.result-figure").first
    first_figure.locator("a.article-link").click()
    page.wait_for_url("**/article/*#item-*")
    anchor = page.evaluate("location.hash").lstrip("#")
    mark = page.locator(f"mark#{anchor}")
    assert mark.is_visible()
    assert "item-figure" in mark.get_attribute("class")
    assert page.locator("mark.item").count() >= 5
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)


def test_home_page_shows_the_league_table_and_the_map(server, page):
    page.goto(server + "/")
    table = page.locator("table.league")
    assert table.is_visible()
    assert table.locator("tr.today").count() == 34
    first = table.locator("tr.today").first.inner_text()
    assert "Ninh Bình" in first and "93.8 %" in first  # best covered first
    assert "fr, vi" in table.inner_text()  # Nam Định's rate: one story, two languages
    marks = page.locator("svg#province-map circle.province-mark")
    assert marks.count() == 34
    box = page.locator("svg#province-map").bounding_box()
    assert box["width"] > 300 and box["height"] > 400
    page.screenshot(path=str(SHOTS / "home.png"), full_page=True)
    page.locator("table.league th a", has_text="Gap").click()
    page.wait_for_url("**/?_sort=gap")
    assert "▲" in page.locator("table.league thead").inner_text()
    assert not page.outside_requests


def test_map_page_draws_offline(server, page):
    page.goto(server + "/map")
    svg = page.locator("svg#province-map")
    svg.wait_for()
    assert svg.locator("circle.province-mark").count() == 34
    ninh_binh = svg.locator('circle[data-province="Ninh Bình"]')
    assert ninh_binh.get_attribute("fill") != "#d9d9d9"  # coloured by its rate
    assert "Custom SQL query" not in page.content() and "Run SQL" not in page.content()
    page.screenshot(path=str(SHOTS / "map.png"), full_page=True)
    assert not page.outside_requests, page.outside_requests
    ninh_binh.click()
    page.wait_for_url("**/province/*")
    assert page.locator("h1").inner_text() == "Ninh Bình"


def test_province_page_draws_the_chart(server, page):
    page.goto(server + "/province/ha%20tinh")
    chart = page.locator("svg#coverage-chart[data-drawn=true]")
    chart.wait_for()
    assert page.locator("h1").inner_text() == "Hà Tĩnh"
    assert chart.locator("circle.figure-point").count() == 2
    assert chart.locator("polygon.target-point").count() == 1
    years = chart.locator("text.year").all_text_contents()
    assert years == sorted(set(years)), years  # one label per year
    # The target "by 2025" lies in 2025's band, nearer the 2025 label than the 2026 gridline.
    label_x = {t: float(chart.locator("text.year", has_text=t).get_attribute("x")) for t in years}
    diamond = chart.locator("polygon.target-point")
    assert diamond.get_attribute("data-year") == "2025"
    xs = [float(v) for v in diamond.get_attribute("points").split(" ")[::2]]
    band = label_x["2025"] - label_x["2024"]
    assert abs(sum(xs) / len(xs) - label_x["2025"]) < band / 2
    chart.screenshot(path=str(SHOTS / "province-chart.png"))
    page.screenshot(path=str(SHOTS / "province.png"), full_page=True)


def test_places_page_loads_leaflet_from_the_server(server, page):
    page.goto(server + "/corpus/places")
    page.wait_for_selector(".leaflet-container")
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster")
    page.screenshot(path=str(SHOTS / "places.png"))
    assert not [u for u in page.outside_requests if "tile" not in u], page.outside_requests
