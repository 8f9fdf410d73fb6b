"""Crawler throughput and memory: pages/second against a local server with the delay at 0,
and peak memory as the frontier grows past 10,000 URLs (it should stay flat: the frontier
lives in SQLite). Extraction is left out so the figures are the crawler's own."""
from __future__ import annotations

import resource
import sys
import tempfile
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor.crawl.crawler import Crawler  # noqa: E402
from extractor.crawl.fetch import FetchConfig, Fetcher  # noqa: E402
from extractor.crawl.sites import generic_site  # noqa: E402
from extractor.crawl.warc import WarcArchive  # noqa: E402
from extractor.store.db import connect  # noqa: E402

N_SEED = 100      # in the sitemap
LINKS = 12        # new article links on every page: the frontier grows by ~12 URLs a fetch
N_FETCH = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000   # fetched: the frontier passes 12,000


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else each response waits ~40 ms for a delayed ACK

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/robots.txt":
            body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
        elif self.path == "/sitemap.xml":
            base = f"http://{self.headers['Host']}"
            locs = "".join(f"<url><loc>{base}/tin/bai-{i}.html</loc></url>" for i in range(N_SEED))
            body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()
            ctype = "application/xml"
        else:
            n = int(self.path.rsplit("-", 1)[-1].split(".")[0])
            links = "".join(f"<a href='/tin/bai-{N_SEED + n * LINKS + k}.html'>tin {k}</a>" for k in range(LINKS))
            body = (f"<html><head><title>Bài {n}</title></head><body><p>Bảo hiểm y tế, bài số {n}.</p>"
                    f"{links}</body></html>").encode()
            ctype = "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "corpus.db")
        site = generic_site(base + "/sitemap.xml")
        samples: list[tuple[int, float]] = []
        tracemalloc.start()

        def on_page(page) -> str:
            if crawler.pages % 100 == 0:
                queued = conn.execute("SELECT count(*) FROM crawl_url").fetchone()[0]
                samples.append((queued, tracemalloc.get_traced_memory()[0] / 1e6))
            return "new"

        crawler = Crawler(conn, [site], archive=WarcArchive(tmp), fetcher=Fetcher(FetchConfig()), delay=0,
                          max_pages=N_FETCH, workers=1)
        start = time.perf_counter()
        stats = crawler.run(on_page)
        elapsed = time.perf_counter() - start
        total = conn.execute("SELECT count(*) FROM crawl_url").fetchone()[0]
        peak = tracemalloc.get_traced_memory()[1] / 1e6
    server.shutdown()
    fetched = stats.total()["requests"]
    print(f"crawl: {fetched} requests in {elapsed:.1f} s = {fetched / elapsed:.0f} pages/s "
          f"(delay 0, one host, WARC on, extraction off)")
    print(f"frontier: {total} URLs; Python heap (tracemalloc) by frontier size:")
    for queued, mb in samples:
        print(f"  {queued:>6} URLs  {mb:6.1f} MB")
    print(f"peak Python heap {peak:.1f} MB; max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
