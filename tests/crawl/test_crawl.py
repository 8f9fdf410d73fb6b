"""The crawler against a fixture site on 127.0.0.1: discovery, politeness, retries, dedup, resume, revisits."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from extractor.crawl.fetch import FetchConfig
from extractor.crawl.warc import read_record
from extractor.jobs.crawl import crawl
from tests.crawl.fixture_site import ARTICLES, FR_2, FixtureSite

DELAY = 0.05
FAST = FetchConfig(connect_timeout=1, read_timeout=0.3, total_timeout=2, retries=2, backoff=0.01, max_bytes=500_000)


def _crawl(db, site, **kw):
    kw = {"delay": DELAY, "since": "2024-01-01", "progress": False, "fetch_config": FAST, **kw}
    return crawl(db, [site.base + "/"], **kw)


def _paths(site, since=0):
    return Counter(path for _, path, _ in site.log[since:])


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("crawl") / "corpus.db"
    with FixtureSite() as site:
        report = _crawl(db, site)
        yield site, db, report


def _articles(db) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {url.split("/", 3)[3]: n for url, n in conn.execute(
            "SELECT a.url, count(r.id) FROM articles a JOIN revisions r ON r.article_id = a.id GROUP BY a.id")}
    finally:
        conn.close()


def test_every_article_found_once(crawled):
    site, db, report = crawled
    stored = _articles(db)
    expected = {p.lstrip("/") for p in ARTICLES} | {"tin/flaky-5.html"}
    assert set(stored) == expected  # the football story is off topic, the section is no article
    counts = _paths(site)
    for path in ARTICLES:
        assert counts[path] <= 1, path
    assert counts["/tin/health-insurance-fishermen-3.html"] == 1  # through the redirect only
    assert report.finished and report.totals["new"] == len(expected)


def test_new_articles_regroup_the_registry(crawled):
    from extractor.store import open_store
    from extractor.store.registry import is_stale

    _, db, report = crawled
    assert "initiatives" in report.registry
    with open_store(db, readonly=True) as store:
        assert not is_stale(store.conn)


def test_nothing_disallowed_offsite_or_too_old(crawled):
    site, db, _ = crawled
    paths = _paths(site)
    assert not [p for p in paths if p.startswith("/private/")]
    assert "/files/bao-cao-bhyt.pdf" not in paths
    assert "/tin/tong-ket-bhyt-2019-12.html" not in paths and "/sitemap-2019.xml" not in paths
    conn = sqlite3.connect(db)
    hosts = {h for (h,) in conn.execute("SELECT DISTINCT host FROM crawl_url")}
    assert hosts == {site.base.split("//")[1]}
    assert conn.execute("SELECT reason FROM crawl_url WHERE url LIKE '%/private/%'").fetchone()[0] \
        == "disallowed by robots.txt"


def test_delay_kept_per_host(crawled):
    site, _, _ = crawled
    starts = sorted(t for t, _, _ in site.log)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) >= DELAY * 0.9


def test_retries_and_timeouts(crawled):
    site, _, report = crawled
    counts = _paths(site)
    assert counts["/tin/flaky-5.html"] == 3  # 503, 503, 200
    assert report.totals["failed"] == 1 and "never-answers" in report.errors[0]


def test_a_silent_page_is_tried_once_more_after_the_hosts_other_pages(crawled):
    site, _, _ = crawled
    paths = [p for _, p, _ in site.log]
    tries = [i for i, p in enumerate(paths) if p == "/tin/never-answers-6.html"]
    assert len(tries) == 2
    # Between the two tries the host's other pages went on, and nothing was left after the retry.
    assert tries[1] - tries[0] > 5
    assert not [p for p in paths[tries[1] + 1:] if p.startswith("/tin/")]


def test_a_long_retry_after_is_waited_for_a_bounded_number_of_times(tmp_path):
    from dataclasses import replace

    from extractor.crawl.crawler import Crawler
    from extractor.crawl.fetch import Fetcher
    from extractor.crawl.sites import generic_site
    from extractor.crawl.warc import WarcArchive

    conn = sqlite3.connect(tmp_path / "corpus.db")
    conn.row_factory = sqlite3.Row
    with FixtureSite() as site:
        only = replace(generic_site(site.base + "/tin/always-busy-15.html"), robots_sitemaps=False, max_depth=0)
        crawler = Crawler(conn, [only], archive=WarcArchive(tmp_path), fetcher=Fetcher(replace(FAST, max_wait=0.2)),
                          delay=DELAY)
        stats = crawler.run(lambda page: "off-topic")
    assert _paths(site)["/tin/always-busy-15.html"] == 3  # once, then put back twice
    assert stats.finished and stats.total()["failed"] == 1 and "HTTP 503" in stats.errors[0]


def test_pages_of_a_listing_are_one_level(crawled):
    site, db, _ = crawled
    assert _paths(site)["/xa-hoi/?page=3"] == 1
    assert "tin/bhyt-hoc-sinh-14.html" in _articles(db)  # linked from the section's page 3 only
    conn = sqlite3.connect(db)
    depths = dict(conn.execute("SELECT url, depth FROM crawl_url WHERE url LIKE '%xa-hoi%'"))
    assert len(set(depths.values())) == 1, depths


def test_every_skip_has_its_reason(crawled):
    _, db, report = crawled
    conn = sqlite3.connect(db)
    reasons = {u.split("/", 3)[3]: r for u, r in conn.execute(
        "SELECT url, skip_reason FROM crawl_url WHERE skip_reason IS NOT NULL")}
    assert reasons["tin/bong-da-10.html"] == "off-topic"
    assert reasons["tin/copy-bhyt-vung-cao.html"] == "duplicate"
    assert reasons["tin/huge-13.html"] == "too large"
    assert reasons["private/tai-lieu-8.html"] == "robots"
    summary = report.as_dict()
    assert sum(summary["skipped"].values()) == summary["totals"]["skipped"]
    assert summary["skipped"]["off-topic"] >= 1 and summary["skipped"]["duplicate"] >= 1
    assert "off-topic" in report.skipped_line()
    assert report.rows()[-1]["skipped duplicate"] == summary["skipped"]["duplicate"]


def test_duplicates_oversize_and_charset(crawled):
    site, db, _ = crawled
    conn = sqlite3.connect(db)
    reasons = dict(conn.execute("SELECT url, reason FROM crawl_url WHERE state = 'skipped'"))
    by_path = {u.split("/", 3)[3]: r for u, r in reasons.items()}
    assert by_path["tin/copy-bhyt-vung-cao.html"].startswith("duplicate of")      # same bytes
    assert by_path["in/bhyt-vung-cao-1.html"].startswith("duplicate of")          # rel=canonical
    assert by_path["tin/huge-13.html"].startswith("too large")
    warc, offset = conn.execute("SELECT warc_file, warc_offset FROM crawl_url WHERE url LIKE '%bhxh-tu-nguyen-7%'").fetchone()
    archived = read_record(warc, offset, root=db.parent)
    assert archived.body == site.pages["/tin/bhxh-tu-nguyen-7.html"][1] and archived.status == 200
    title = conn.execute("SELECT r.title FROM revisions r JOIN articles a ON a.id = r.article_id"
                         " WHERE a.url LIKE '%bhxh-tu-nguyen-7%'").fetchone()[0]
    assert "bảo hiểm xã hội" in title.lower()


def test_second_crawl_is_conditional_and_picks_up_the_change(crawled):
    site, db, _ = crawled
    path = "/tin/assurance-maladie-montagne-2.html"
    site.pages[path] = ("text/html; charset=utf-8",
                        FR_2.replace("91,8 %", "92,6 %").replace("fin juin", "fin juillet").encode())
    before = len(site.log)
    report = _crawl(db, site)
    again = site.log[before:]
    conditional = {p for _, p, h in again if h.get("If-None-Match")}
    assert {"/tin/bhyt-vung-cao-1.html", "/tin/heo-dat-bhyt-4.html", path} <= conditional
    assert report.totals["new"] == 0 and report.totals["changed"] == 1
    assert report.skipped["off-topic"] >= 1  # the football story: still skipped, and says why
    stored = _articles(db)
    assert stored[path.lstrip("/")] == 2
    assert all(n == 1 for p, n in stored.items() if p != path.lstrip("/"))


def test_robots_request_counts_toward_crawl_delay(tmp_path):
    with FixtureSite(crawl_delay=0.25) as site:
        _crawl(tmp_path / "corpus.db", site, max_pages=1)
        starts = [t for t, _, _ in site.log]
    assert site.log[0][1] == "/robots.txt"
    assert min(b - a for a, b in zip(starts, starts[1:])) >= 0.25 * 0.95


def test_a_later_run_stores_what_was_skipped_or_lost(tmp_path, monkeypatch):
    from extractor.jobs import crawl as job

    db = tmp_path / "corpus.db"
    real = job._store_page
    lost = "/tin/assurance-chomage-11.html"

    def loses_one(page, store, **kw):  # as if killed between the fetch and the store's commit
        return "new" if page.url.endswith(lost) else real(page, store, **kw)
    with FixtureSite() as site:
        monkeypatch.setattr(job, "_store_page", loses_one)
        first = _crawl(db, site, langs=["fr"])
        assert first.skipped["language"] >= 3
        assert not {"tin/bhyt-vung-cao-1.html", lost.lstrip("/")} & set(_articles(db))
        monkeypatch.setattr(job, "_store_page", real)
        before = len(site.log)
        second = _crawl(db, site)  # other filters: no --lang
        again = site.log[before:]
    answered_304 = {p for _, p, h in again if h.get("If-None-Match")}
    # Both answered 304: their bodies came from the archive.
    assert {"/tin/bhyt-vung-cao-1.html", lost} <= answered_304
    assert {"tin/bhyt-vung-cao-1.html", lost.lstrip("/")} <= set(_articles(db))
    assert second.totals["new"] >= 4
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM crawl_url WHERE skip_reason = 'language'").fetchone()[0] == 0


def test_without_a_terminal_progress_lines_go_to_stderr(tmp_path, capsys):
    with FixtureSite() as site:
        _crawl(tmp_path / "corpus.db", site, max_pages=3, lines_every=0.01)
    err = capsys.readouterr().err
    assert "extractor crawl: " in err and " articles stored, " in err and " queued" in err


def test_stopped_crawl_resumes_without_refetching(tmp_path):
    db = tmp_path / "corpus.db"
    with FixtureSite() as site:
        first = _crawl(db, site, max_pages=3)
        assert not first.finished
        second = _crawl(db, site)
        assert second.finished
        counts = _paths(site)
        assert all(counts[p] <= 1 for p in ARTICLES)
        assert counts["/sitemap-index.xml"] == 1
        assert set(_articles(db)) >= {p.lstrip("/") for p in ARTICLES}


def test_killed_crawl_resumes_without_refetching(tmp_path):
    db = tmp_path / "corpus.db"
    repo = Path(__file__).resolve().parents[2]
    with FixtureSite(never_answers_for=0.5) as site:
        proc = subprocess.Popen([sys.executable, "-m", "extractor", "crawl", site.base + "/", "--db", str(db),
                                 "--delay", "0.2", "--since", "2024-01-01"], cwd=repo,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={**os.environ, "PYTHONPATH": str(repo)})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and sum(_paths(site)[p] for p in ARTICLES) < 3:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert sum(_paths(site)[p] for p in ARTICLES) >= 3
        report = _crawl(db, site)
        assert report.finished
        counts = _paths(site)
        # Only the page in flight at the kill may be fetched again.
        assert sum(counts[p] - 1 for p in ARTICLES if counts[p] > 1) <= 1, counts
        assert set(_articles(db)) >= {p.lstrip("/") for p in ARTICLES}


def test_reprocess_recovers_a_page_a_better_rule_finds_relevant(crawled, tmp_path, monkeypatch):
    import shutil

    from extractor.crawl import topic
    from extractor.jobs.reprocess import reprocess

    _, db, _ = crawled
    copy = tmp_path / "corpus.db"  # a copy: the other tests keep their corpus
    shutil.copy(db, copy)
    (tmp_path / "warc").symlink_to(db.parent / "warc")
    assert "tin/bong-da-10.html" not in _articles(copy)
    monkeypatch.setattr(topic, "matches", lambda *texts: any("bóng đá" in (t or "").lower() for t in texts))
    report = reprocess(copy, progress=False)
    assert report.counts["new"] == 1 and not report.failures
    assert "tin/bong-da-10.html" in _articles(copy)
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT skip_reason FROM crawl_url WHERE url LIKE '%bong-da-10%'").fetchone()[0] is None


def test_a_body_that_stalls_is_a_timeout_not_four_retries():
    from dataclasses import replace

    from extractor.crawl.fetch import Fetcher

    with FixtureSite() as site:
        fetched = Fetcher(replace(FAST, read_timeout=0.2)).fetch(site.base + "/tin/stalls-16.html")
        assert fetched.timed_out and len(site.requests_for("/tin/stalls-16.html")) == 1
