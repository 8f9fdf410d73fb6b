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
    page.screenshot(path=str(SHOTS / "home.png"), full_page=True)
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


def test_province_page_draws_the_chart(server, page):
    page.goto(server + "/province/ha%20tinh")
    chart = page.locator("svg#coverage-chart[data-drawn=true]")
    chart.wait_for()
    assert page.locator("h1").inner_text() == "Hà Tĩnh"
    assert chart.locator("circle.figure-point").count() == 2
    assert chart.locator("polygon.target-point").count() == 1
    chart.screenshot(path=str(SHOTS / "province-chart.png"))
    page.screenshot(path=str(SHOTS / "province.png"), full_page=True)


def test_map_loads_leaflet_from_the_server(server, page):
    page.goto(server + "/map")
    page.wait_for_selector(".leaflet-container")
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster")
    page.screenshot(path=str(SHOTS / "map.png"))
    assert not [u for u in page.outside_requests if "tile" not in u], page.outside_requests
