"""`make demo`: build a corpus from corpus/sample/ (offline), then show what it holds.

Rebuilds ``corpus/demo.db`` each time, leads with the answer analysts come for (each
province's latest coverage rate against its target: the league table), then prints what
the corpus holds (articles by language, items found, a few items with their evidence,
coverage rates first), a search (a pre-2025 province typed without diacritics) and a
province view (plotted to ``corpus/demo-province.png``), and the command to browse the
corpus in a web browser.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractor.jobs.ingest import JobReport

SAMPLE = Path("corpus") / "sample"
DEMO_DB = Path("corpus") / "demo.db"


def build(sample: Path, db: Path) -> JobReport:
    """A fresh corpus at ``db`` from the pages under ``sample`` (WAL files of an old one go too)."""
    from extractor.jobs.ingest import ingest

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return ingest(db, [str(sample)], progress=sys.stderr.isatty())


def _title(typed: str) -> str:
    from extractor.store.places import scope

    return f"search: {scope(typed).describe()}"


def examples(conn: sqlite3.Connection, n: int = 6) -> list[dict]:
    """A few items from relevant articles, one of each kind first, with their evidence sentence."""
    from extractor.store.search import Filters, search
    from extractor.store.views import relevant_article_uids

    relevant = relevant_article_uids(conn)
    rows = [r for r in search(conn, Filters(limit=None)) if r["article_uid"] in relevant]
    # A coverage rate first: it is what the corpus is about ("27 groups" is not).
    rows.sort(key=lambda r: not (r["unit"] == "percent" and (r["metric"] or "").endswith("_coverage")))
    order = ("figure", "target", "initiative", "person", "locality")
    firsts = [next(r for r in rows if r["kind"] == k) for k in order if any(r["kind"] == k for r in rows)]
    rest = [r for r in rows if r not in firsts and r["kind"] in ("figure", "target", "initiative")]
    return (firsts + rest)[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extractor.demo", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=Path, default=SAMPLE, help=f"folder of pages (default {SAMPLE})")
    ap.add_argument("--db", type=Path, default=DEMO_DB, help=f"corpus to (re)build (default {DEMO_DB})")
    args = ap.parse_args(argv)

    from rich.console import Console
    from rich.rule import Rule

    from extractor.cli.output import table
    from extractor.store import open_store
    from extractor.store.league import league_table, table_rows
    from extractor.store.search import Filters, search
    from extractor.store.views import corpus_summary, plot, province_view
    from extractor.textutil import strip_accents

    console = Console()
    if not args.sample.is_dir() or not any(args.sample.iterdir()):
        print(f"demo: no sample pages in {args.sample}", file=sys.stderr)
        return 1
    console.print(Rule(f"1. Building {args.db} from {args.sample}/ (offline)"))
    report = build(args.sample, args.db)
    for line in report.failures:
        print(f"demo: {line}", file=sys.stderr)
    console.print(f"ingest: {report.summary()}")

    store = open_store(args.db)
    with store:
        s = corpus_summary(store.conn)
        console.print(Rule("2. How well covered is each province"))
        console.print(f"$ extractor provinces --db {args.db}")
        league = [r for r in table_rows(league_table(store.conn)) if r["health"]]
        table(league, ["province", "health", "as_of", "target", "gap", "articles", "initiatives"],
              title="latest health-insurance coverage reported, against the nearest target",
              headers={"health": "health", "gap": "gap pp", "articles": "art.", "initiatives": "init."},
              compact=True, nowrap=("province", "target"))
        console.print(Rule("3. What the corpus holds"))
        table(s["languages"], ["language", "articles", "relevant"], title="articles by language")
        table([{"kind": k, "items": v} for k, v in s["items"].items()], ["kind", "items"], title="items found")
        table(examples(store.conn), ["kind", "item", "place", "sentence"], title="a few items, with evidence")

        province = s["provinces"][0] if s["provinces"] else "Hà Tĩnh"
        # Show the 2025 mergers at work: a pre-2025 province typed without diacritics.
        typed = strip_accents(s["merged"] or province)
        console.print(Rule(f"4. A search: {typed}"))
        console.print(f"$ extractor search --province '{typed}' --db {args.db}")
        rows = [r for r in search(store.conn, Filters(province=typed)) if r["kind"] != "locality"]
        rows.sort(key=lambda r: (r["kind"] not in ("initiative", "target"), r["metric"] in (None, "other")))
        table(rows[:8], ["date", "kind", "item", "place"], title=_title(typed))

        console.print(Rule(f"5. The province view of {province}"))
        png = args.db.with_name(f"{args.db.stem}-province.png")
        console.print(f"$ extractor province '{province}' --db {args.db} --plot {png}")
        view = province_view(store.conn, province)
        plot(view, png)
        cols = ["date", "item", "place", "languages"]
        view["figures"] = view["figures"][:12]
        table(view["figures"], cols, title=f"{view['province']}: coverage figures")
        table(view["targets"], cols, title=f"{view['province']}: targets")
        table(view["initiatives"], ["initiative", "place", "first_seen", "articles", "languages"],
              title=f"{view['province']}: initiatives")

        console.print(f"(plot of coverage over time, targets as stars: {png})")

    console.print(Rule("6. Browse it"))
    console.print(f"{_command()} serve --db {args.db}    # then open http://127.0.0.1:8001/", soft_wrap=True)
    return 0


def _command() -> str:
    """How to call `extractor` from here: the venv's script when it is not on PATH."""
    import os
    import shutil

    script = Path(sys.executable).parent / "extractor"
    if shutil.which("extractor") == str(script) or not script.exists():
        return "extractor"
    return os.path.relpath(script) if Path.cwd() in script.parents else str(script)


if __name__ == "__main__":
    sys.exit(main())

