"""Take the README's screenshots of the web pages (home, province page, article page).

Starts `extractor serve` on the given corpus, picks the province with most coverage
percentages and the article with most items, and saves docs/img/home.png (the league
table and its map), docs/img/province.png and docs/img/article.png with Debian's
headless Chromium (see scripts/ensure-chromium.sh).
Run: python scripts/web-screenshots.py [--db corpus/demo.db] [--out docs/img]
"""
from __future__ import annotations

import argparse
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pick(db: Path) -> tuple[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    province = conn.execute(
        "SELECT province FROM items WHERE current = 1 AND kind IN ('figure', 'target') AND unit = 'percent'"
        " AND metric LIKE '%coverage' AND province IS NOT NULL GROUP BY province_key"
        " ORDER BY count(*) DESC, province LIMIT 1").fetchone()
    article = conn.execute(
        "SELECT i.article_id FROM items i JOIN revisions r ON r.id = i.revision_id WHERE i.current = 1"
        " AND r.relevant = 1 GROUP BY i.article_id ORDER BY count(DISTINCT i.kind) DESC, count(*) DESC,"
        " i.article_id LIMIT 1").fetchone()
    conn.close()
    if not province or not article:
        sys.exit(f"{db}: no coverage figures or no relevant article to show")
    return province[0], article[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("corpus/demo.db"))
    parser.add_argument("--out", type=Path, default=Path("docs/img"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    province, article_id = pick(args.db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--db", str(args.db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        from playwright.sync_api import sync_playwright

        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/")
            page.wait_for_selector("svg#province-map")
            page.locator("#league").scroll_into_view_if_needed()
            page.screenshot(path=str(args.out / "home.png"))  # the league table and its map
            page.goto(f"{base}/province/{quote(province)}")
            page.wait_for_selector("svg#coverage-chart[data-drawn=true]", timeout=15_000)
            page.screenshot(path=str(args.out / "province.png"))  # the chart and the first rows
            page.goto(f"{base}/article/{article_id}")
            page.wait_for_selector("mark.item")
            page.screenshot(path=str(args.out / "article.png"), full_page=True)
            browser.close()
        print(f"saved {args.out}/home.png, {args.out}/province.png ({province}) and "
              f"{args.out}/article.png (article {article_id})")
        return 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
