"""Store benchmark: ingest throughput and search latency on 100,000 synthetic items.

Targets: a province + kind query under 100 ms, a full-text query under 300 ms.
Run: python benchmarks/bench_store.py [--items N] [--db PATH]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import build_synthetic_corpus  # noqa: E402

QUERIES = [  # (label, filters, target ms)
    ("province + kind (Phu Yen, figure)", {"province": "Phu Yen", "kind": "figure"}, 100),
    ("province + kind (Đắk Lắk, initiative)", {"province": "Đắk Lắk", "kind": "initiative"}, 100),
    ("province + kind + metric (Ha Tinh)", {"province": "Ha Tinh", "kind": "figure",
                                            "metric": "health_insurance_coverage"}, 100),
    ("full text (bao hiem y te)", {"text": "bao hiem y te"}, 300),
    ("full text + province (tirelire, Gia Lai)", {"text": "tirelire", "province": "Gia Lai"}, 300),
    ("full text, articles (couverture maladie)", {"text": "couverture maladie", "kind": "article"}, 300),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--db", help="where to build the corpus (default: a temporary folder)")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()

    from extractor.store import open_store
    from extractor.store.search import Filters, search

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "synthetic.db"
        built = build_synthetic_corpus(db, args.items)
        print(f"ingest: {built['records']} records, {built['items']} items in {built['ingest_s']:.1f} s"
              f" → {built['records'] / built['ingest_s']:.0f} records/s, {built['items'] / built['ingest_s']:.0f} items/s")
        print(f"registry refresh: {built['initiatives']} initiatives, {built['stories']} stories"
              f" in {built['registry_s']:.2f} s; db size {db.stat().st_size / 1e6:.1f} MB")
        store = open_store(db, readonly=True)
        ok = True
        for label, filters, target in QUERIES:
            times, n = [], 0
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                n = len(search(store.conn, Filters(**filters)))
                times.append((time.perf_counter() - t0) * 1000)
            med, worst = statistics.median(times), max(times)
            ok &= med < target
            print(f"search {label:45s} {n:4d} hits  median {med:6.1f} ms  max {worst:6.1f} ms"
                  f"  (target < {target} ms) {'ok' if med < target else 'SLOW'}")
        store.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
