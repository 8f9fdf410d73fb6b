"""Three `extractor crawl --worker` processes share one PostgreSQL frontier over the fixture site:
every article fetched once, the host's Crawl-delay held across workers, a worker killed
mid-crawl loses nothing (its lease expires, the others finish its URLs), nothing stored
twice, and every archived response is found through the database whichever worker wrote it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from extractor.crawl.fetch import FetchConfig
from extractor.crawl.warc import read_record
from extractor.jobs.crawl import crawl
from extractor.store import open_store
from extractor.store.backend import has_table
from tests.crawl.fixture_site import ARTICLES, FixtureSite

CRAWL_DELAY = 0.15
LEASE = 1.5
FAST = FetchConfig(connect_timeout=1, read_timeout=0.5, total_timeout=2, retries=2, backoff=0.01, max_bytes=500_000)
REPO = Path(__file__).resolve().parents[2]


def _start(db: str, site: FixtureSite, name: str, archive: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "extractor", "crawl", site.base + "/", "--db", db, "--worker", name,
         "--lease", str(LEASE), "--delay", "0.05", "--since", "2024-01-01", "--read-timeout", "0.5",
         "--connect-timeout", "1", "--workers", "2"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO), "EXTRACTOR_ARCHIVE": str(archive)})


def _leaseholder(db: str) -> str | None:
    with open_store(db, readonly=True) as store:
        if not has_table(store.conn, "crawl_host"):
            return None
        row = store.conn.execute("SELECT worker FROM crawl_host WHERE worker IS NOT NULL"
                                 " AND lease_until > extract(epoch FROM clock_timestamp())").fetchone()
    return row[0] if row else None


def test_three_workers_share_one_frontier(pg_db, tmp_path, monkeypatch):
    """Two workers run in threads here (models already loaded), the third in a process of its
    own, killed with SIGKILL while it holds the host's lease."""
    archive = tmp_path / "archive"
    monkeypatch.setenv("EXTRACTOR_ARCHIVE", str(archive))
    reports = {}

    def in_thread(name: str) -> None:
        reports[name] = crawl(pg_db, [site.base + "/"], delay=0.05, since="2024-01-01", progress=False,
                              fetch_config=FAST, worker=name, lease=LEASE, workers=2)

    with FixtureSite(never_answers_for=0.8, crawl_delay=CRAWL_DELAY) as site:
        doomed = _start(pg_db, site, "w3", archive)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _leaseholder(pg_db) != "w3":
            time.sleep(0.01)
        threads = [threading.Thread(target=in_thread, args=(f"w{i}",)) for i in (1, 2)]
        for t in threads:
            t.start()
        while time.monotonic() < deadline and not (
                _leaseholder(pg_db) == "w3" and sum(1 for _, p, _ in site.log if p in ARTICLES) >= 1):
            time.sleep(0.005)
        doomed.send_signal(signal.SIGKILL)  # mid-crawl, holding the host
        doomed.wait()
        for t in threads:
            t.join(timeout=90)
        log = list(site.log)
    assert all(reports[w].finished for w in ("w1", "w2")), reports

    counts = Counter(path for _, path, _ in log)
    # Every article once; only the page in flight when its worker was killed may be fetched again.
    assert all(counts[p] >= 1 for p in ARTICLES if "tong-ket" not in p)
    assert sum(counts[p] - 1 for p in ARTICLES if counts[p] > 1) <= 1, counts
    # One host, several workers: its Crawl-delay holds between any two requests, whoever made them.
    starts = sorted(t for t, _, _ in log)
    assert min(b - a for a, b in zip(starts, starts[1:])) >= CRAWL_DELAY * 0.9

    with open_store(pg_db, readonly=True) as store:
        conn = store.conn
        assert conn.execute("SELECT count(*) FROM crawl_url WHERE state = 'queued'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM crawl_run WHERE finished_at IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM crawl_host WHERE worker IS NOT NULL").fetchone()[0] == 0
        revisions = conn.execute("SELECT a.url, count(r.id) FROM articles a JOIN revisions r ON r.article_id = a.id"
                                 " GROUP BY a.url").fetchall()
        stored = {url.split("/", 3)[3]: n for url, n in revisions}
        assert set(stored) >= {p.lstrip("/") for p in ARTICLES}
        assert set(stored.values()) == {1}  # nothing stored twice
        pages = conn.execute("SELECT warc_file, warc_offset FROM crawl_url WHERE warc_file IS NOT NULL").fetchall()
    writers = {Path(f).name.split("-")[2] for f, _ in pages}
    assert writers >= {"w1", "w2"} or writers >= {"w3"} and len(writers) >= 2
    for warc_file, offset in pages:  # every response is found, whichever worker wrote it
        assert read_record(warc_file, offset, root=archive).status in (200, 404, 503)
    from extractor.jobs.reprocess import reprocess

    again = reprocess(pg_db, progress=False)  # EXTRACTOR_ARCHIVE: the folder every worker wrote in
    assert not again.failures and again.counts["unchanged"] == len(stored), again.counts
