"""Reading speed: HTML page → article (clean text + metadata), in pages per second.

Runs on the sample corpus's HTML pages (repeated for stable timing) on one core, beside
trafilatura's own ``bare_extraction`` on the same pages in the same run. Targets: at
least 150 pages/s, and at least half of trafilatura's rate.

    python benchmarks/bench_read.py [--rounds N]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rate(fn, pages: list[bytes], rounds: int) -> float:
    for page in pages:  # warm-up: lazy loads (rules, language model) are not reading time
        fn(page)
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(rounds):
            for page in pages:
                fn(page)
        best = max(best, rounds * len(pages) / (time.perf_counter() - start))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=20, help="passes over the pages per timing (default 20)")
    args = ap.parse_args()

    from trafilatura import bare_extraction

    from extractor.read import read

    pages = [p.read_bytes() for p in sorted((ROOT / "corpus" / "sample").glob("*.html"))]
    ours = rate(lambda page: read(page), pages, args.rounds)
    theirs = rate(lambda page: bare_extraction(page, with_metadata=True), pages, args.rounds)
    print(f"pages: {len(pages)} HTML pages x {args.rounds} rounds (best of 3)")
    print(f"extractor.read        {ours:8.1f} pages/s")
    print(f"trafilatura bare_ext. {theirs:8.1f} pages/s")
    print(f"ratio                 {ours / theirs:8.2f} (target >= 0.50); absolute target >= 150 pages/s: "
          f"{'met' if ours >= 150 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
