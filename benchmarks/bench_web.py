"""Web benchmark: latency of each page of `extractor serve` on 100,000 synthetic items.

Target: every page answers in under 200 ms. The server is started as `extractor serve`
on 127.0.0.1 and timed over HTTP, as a browser would see it (the first request per page
is a warm-up, printed as "first ms"; then the median and the slowest of --repeat runs).
The league table is computed on the first request after the corpus changed and kept
until the file changes again: "first ms" of the home page is that computation.
Run: python benchmarks/bench_web.py [--items N] [--db PATH] [--repeat N]
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import build_synthetic_corpus  # noqa: E402

TARGET_MS = 200
PAGES = [
    ("home (league table + map)", "/"),
    ("league table, sorted by gap", "/provinces?_sort=gap&_desc=1"),
    ("league table CSV", "/provinces.csv"),
    ("map of the provinces", "/map"),
    ("search box: a former province name", "/search?q=Phu+Yen"),
    ("search: province (Phu Yen)", "/search?province=Phu+Yen"),
    ("search: province + kind + metric", "/search?province=Dak+Lak&kind=figure&metric=health_insurance_coverage"),
    ("search: full text", "/search?q=bao+hiem+y+te"),
    ("search: full text + province", "/search?q=tirelire&province=Gia+Lai"),
    ("search: articles, full text", "/search?q=couverture+maladie&kind=article"),
    ("search: page 20", "/search?kind=figure&page=20"),
    ("search JSON", "/search.json?province=Ha+Tinh&kind=target"),
    ("province (Đắk Lắk)", "/province/" + quote("Đắk Lắk")),
    ("province (Phu Yen, merged)", "/province/Phu%20Yen"),
    ("province JSON (Ha Tinh)", "/province/Ha%20Tinh.json"),
    ("initiative", "/initiative/1"),
    ("article", "/article/5000"),
    ("places on a street map (canned query)", "/{db}/places"),
    ("Datasette table: figures", "/{db}/figures?province=Gia+Lai"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as resp:
        resp.read()
        if resp.status != 200:
            raise RuntimeError(f"{url}: HTTP {resp.status}")
    return (time.perf_counter() - started) * 1000


def run(db: Path, repeat: int) -> int:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base + "/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    print("server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        slow = 0
        print(f"{'page':40} {'first ms':>9} {'median ms':>10} {'max ms':>8}")
        for label, path in PAGES:
            url = base + path.format(db=db.stem)
            first = fetch(url)
            times = [fetch(url) for _ in range(repeat)]
            med, worst = statistics.median(times), max(times)
            flag = "" if med < TARGET_MS else f"  over {TARGET_MS} ms"
            slow += bool(flag)
            print(f"{label:40} {first:9.1f} {med:10.1f} {worst:8.1f}{flag}")
        print(f"{len(PAGES) - slow}/{len(PAGES)} pages under {TARGET_MS} ms (median)")
        return 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--db", help="an existing corpus to time (default: build a synthetic one)")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    if args.db:
        return run(Path(args.db), args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "corpus.db"
        started = time.perf_counter()
        info = build_synthetic_corpus(db, n_items=args.items)
        print(f"synthetic corpus: {info['items']:,} items in {info['records']:,} articles, "
              f"built in {time.perf_counter() - started:.0f} s")
        return run(db, args.repeat)


if __name__ == "__main__":
    sys.exit(main())
