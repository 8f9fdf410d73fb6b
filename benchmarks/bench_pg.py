"""PostgreSQL beside SQLite, in one run: search latency on the same synthetic corpus, and
re-extraction throughput with 1 and 2 local Dask workers.

1. A synthetic corpus of ``--items`` items (default 1,000,000) is built in SQLite through
   the normal store path, then loaded into PostgreSQL with COPY (the same rows; full text
   from the same folded words). The search queries of ``bench_store.py`` run on both:
   targets < 100 ms median for province + kind, < 300 ms for full text.
2. ``--pages`` stored pages (our test fixtures, repeated under other names) are
   re-extracted by one process, then by a LocalCluster of 2 workers; throughput is
   measured from the first page handed back to the last (start-up reported apart).

PostgreSQL: a throw-away cluster (tests/pgcluster.py), or ``--pg postgresql://…``.
Run: python benchmarks/bench_pg.py [--items N] [--pages N] [--pg URL] [--skip-search|--skip-reprocess]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_store import QUERIES  # noqa: E402
from synthetic import build_synthetic_corpus  # noqa: E402

TABLES = ("articles", "revisions", "revision_provinces", "items", "stories", "initiative_registry",
          "initiative_mentions")


def load_into_postgres(sqlite_path: Path, url: str) -> float:
    """Copy the SQLite corpus into the (migrated, empty) PostgreSQL corpus at ``url``; seconds."""
    import sqlite3

    from extractor.store import open_store
    from extractor.store.backend import columns, fts_words

    started = time.perf_counter()
    open_store(url).close()  # migrate
    src = sqlite3.connect(sqlite_path)
    import psycopg

    with psycopg.connect(url) as pg:
        for table in TABLES:
            cols = columns(src, table)
            quoted = ", ".join(f'"{c}"' for c in cols)
            with pg.cursor().copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in src.execute(f"SELECT {quoted} FROM {table}"):
                    copy.write_row(row)
        for table, sql in (("revisions_fts", "SELECT id, title, text FROM revisions"),
                           ("items_fts", "SELECT id, name, coalesce(text, '') || ' ' || coalesce(sentence, '')"
                                         " FROM items")):
            pg.execute(f"CREATE TEMP TABLE words_{table} (rowid BIGINT, words TEXT)")
            with pg.cursor().copy(f"COPY words_{table} FROM STDIN") as copy:
                for rowid, *texts in src.execute(sql):
                    copy.write_row((rowid, " ".join(fts_words(t) for t in texts)))
            pg.execute(f"INSERT INTO {table}(rowid, doc) SELECT rowid, to_tsvector('simple', words) FROM words_{table}")
        for table in ("articles", "revisions", "items", "stories", "initiative_registry"):
            pg.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                       f" (SELECT coalesce(max(id), 0) + 1 FROM {table}), false)")
        pg.commit()
        pg.autocommit = True
        pg.execute("VACUUM ANALYZE")
    src.close()
    return time.perf_counter() - started


def _exists(server: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(server) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def _loaded(url: str) -> bool:
    import psycopg

    with psycopg.connect(url) as conn:
        return bool(conn.execute("SELECT to_regclass('items') IS NOT NULL").fetchone()[0]) and bool(
            conn.execute("SELECT EXISTS (SELECT 1 FROM items)").fetchone()[0])


def search_latency(location, repeat: int) -> list[tuple[str, int, float, int]]:
    from extractor.store import open_store
    from extractor.store.search import Filters, search

    out = []
    with open_store(location, readonly=True) as store:
        for label, filters, target in QUERIES:
            times, n = [], 0
            search(store.conn, Filters(**filters))  # warm the cache once
            for _ in range(repeat):
                t0 = time.perf_counter()
                n = len(search(store.conn, Filters(**filters)))
                times.append((time.perf_counter() - t0) * 1000)
            out.append((label, n, statistics.median(times), target))
    return out


def bench_search(tmp: Path, url: str, n_items: int, repeat: int, reuse: bool = False) -> bool:
    db = tmp / f"synthetic-{n_items}.db"
    if reuse and db.exists():
        print(f"SQLite corpus: reusing {db}")
    else:
        built = build_synthetic_corpus(db, n_items)
        print(f"SQLite corpus: {built['items']} items ({built['records']} records) stored in {built['ingest_s']:.0f} s"
              f" ({built['items'] / built['ingest_s']:.0f} items/s)")
        reuse = False
    if reuse and _loaded(url):
        print("PostgreSQL: reusing the loaded database")
    else:
        print(f"PostgreSQL: loaded with COPY in {load_into_postgres(db, url):.0f} s")
    from extractor.store import open_store

    for where in (db, url):  # a corpus built by an older version gets the newer indexes
        with open_store(where) as store:
            store.conn.execute("ANALYZE")
            store.conn.commit()
    lite, pg = search_latency(db, repeat), search_latency(url, repeat)
    ok = True
    print(f"{'query':45s} {'hits':>5s} {'SQLite ms':>10s} {'PostgreSQL ms':>14s}  target")
    for (label, n, ms_lite, target), (_, n_pg, ms_pg, _) in zip(lite, pg):
        good = ms_pg < target and n == n_pg
        ok &= good
        print(f"{label:45s} {n:5d} {ms_lite:10.1f} {ms_pg:14.1f}  < {target} ms {'ok' if good else 'SLOW/DIFFERENT'}")
    return ok


def bench_reprocess(tmp: Path, n_pages: int) -> None:
    from extractor.core import extract
    from extractor.jobs.parallel import CHUNK, extract_pages, local_client
    from extractor.jobs.reprocess import extract_page
    from extractor.store import open_store
    from extractor.store.archive import pages_to_reprocess

    fixtures = sorted((HERE.parent / "tests" / "store" / "fixtures").glob("*.*"))
    fixtures = [f for f in fixtures if f.suffix in (".txt", ".html")]
    db = tmp / "pages.db"
    with open_store(db) as store:
        for i in range(n_pages):
            page = fixtures[i % len(fixtures)]
            data = page.read_bytes()
            ctype = "text/plain" if page.suffix == ".txt" else "text/html"
            record = extract(data, content_type=ctype)
            record.input, record.extractor_version = f"pages/{i}-{page.name}", "0.0.1"
            store.save_record(record, raw=data, content_type=ctype)
        pages = list(pages_to_reprocess(store.conn))

    t0 = time.perf_counter()
    for page in pages:
        extract_page(page, tmp)
    one = len(pages) / (time.perf_counter() - t0)
    print(f"re-extraction, 1 process : {one:6.1f} pages/s")

    t0 = time.perf_counter()
    client = local_client(2)
    for _ in extract_pages(pages[: 8 * CHUNK], tmp, client=client):  # the workers load their models
        pass
    started = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in extract_pages(pages, tmp, client=client):
        pass
    two = len(pages) / (time.perf_counter() - t0)
    client.close()
    client.cluster.close()
    print(f"re-extraction, 2 workers : {two:6.1f} pages/s (after {started:.1f} s starting the cluster"
          " and loading the models)")
    print(f"ratio 2 workers / 1 process: {two / one:.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=1_000_000)
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--pg", help="a PostgreSQL server URL to create the benchmark database in")
    ap.add_argument("--skip-search", action="store_true")
    ap.add_argument("--skip-reprocess", action="store_true")
    ap.add_argument("--workdir", help="keep the corpora here and reuse them on the next run (with --pg)")
    args = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = args.workdir or tmp
        Path(tmp).mkdir(parents=True, exist_ok=True)
        if not args.skip_reprocess:
            bench_reprocess(Path(tmp), args.pages)
        if not args.skip_search:
            from tests.pgcluster import Cluster, create_database

            cluster = None if args.pg else Cluster()
            try:
                server = args.pg or cluster.url
                url = server.rsplit("/", 1)[0] + "/bench_corpus"
                reuse = bool(args.workdir and args.pg)
                if not (reuse and _exists(server, "bench_corpus")):
                    url = create_database(server, "bench_corpus")
                ok = bench_search(Path(tmp), url, args.items, args.repeat, reuse=reuse)
            finally:
                if cluster:
                    cluster.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
