"""Corpus commands: ingest, reprocess, update, search, initiatives, province, export."""
from __future__ import annotations

import argparse
import re
import sys

from extractor.cli.options import add_db, add_format, at_least, language, version

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
EXIT_STORE = 5  # the corpus database could not be opened or written
KINDS = ("initiative", "figure", "target", "locality", "person", "article")
_PROVINCE_HELP = "a province, with or without diacritics, today's or pre-2025 (Phu Yen finds Đắk Lắk's part)"


def _date(value: str) -> str:
    from datetime import date

    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat((value + "-01-01")[:10])  # a real month and day
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


def _metric(value: str) -> str:
    from typing import get_args

    from extractor.record import Metric

    if value not in get_args(Metric):
        raise argparse.ArgumentTypeError(f"unknown metric {value!r} (known: {', '.join(get_args(Metric))})")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="store local HTML/text files or JSONL records in the corpus",
                       description="Extract each .html/.htm/.txt file (directories are walked) and store "
                       "the record as if crawled; .jsonl files hold records (from `extractor extract`) "
                       "stored as they are. Storing the same file twice changes nothing; a changed file "
                       "adds a revision. Exit status 1 when some inputs failed.")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR",
                   help=".html/.htm/.txt pages, .jsonl records, or directories holding them")
    p.add_argument("--lang", type=language, help="language of the files (fr, en, vi); detected when omitted")
    _common(p, run_ingest)

    p = sub.add_parser("reprocess", help="re-extract stored pages with the current extractor (no fetching)",
                       description="Re-extract every stored page from the archive (WARC for crawled pages, "
                       "the kept copy for ingested files) with this extractor version. Old records stay as "
                       "history; unchanged ones write nothing.")
    p.add_argument("--since-version", metavar="V", type=version,
                   help="only articles whose current record was made by a version older than V")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="extract on N processes of a local Dask cluster (0: one per core; default 1: "
                   "this process alone); records are the same as a single-process run")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="extract on a running Dask cluster (tcp://host:8786) whose machines see the archive")
    _common(p, run_reprocess)

    p = sub.add_parser("update", help="scheduled job: incremental crawl, registry refresh, report",
                       description="Crawl the configured sites incrementally (update.toml beside the "
                       "database; all built-in sites without it), refresh the initiative registry and "
                       "print a one-screen report. Logs go to logs/update.log beside the database. "
                       "Exit status: 0 ok, 1 some pages failed, 2 usage or configuration error, "
                       "3 another update is running, 4 the crawl stopped on an error, 5 the database could not be "
                       "written, 130 interrupted.")
    p.add_argument("--config", metavar="TOML", help="settings file (default: update.toml beside the database)")
    p.add_argument("--max-pages", type=at_least(1), metavar="N", help="stop after N pages (per run)")
    _common(p, run_update)

    p = sub.add_parser("search", help="search items or articles by text, province, kind, metric, language, date",
                       description="Full-text search (diacritics optional) over items' evidence, or over "
                       "articles with --kind article. A province matches with or without diacritics, and "
                       "a pre-2025 province finds what lies in its territory (Phu Yen → Sông Hinh, now in "
                       "Đắk Lắk) and the other way round. Newest first.",
                       epilog="examples:  extractor search 'bảo hiểm y tế' --province 'Ha Tinh'\n"
                       "           extractor search --province 'Phu Yen' --kind initiative --format json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("text", nargs="?", metavar="TEXT", help="words that must all appear")
    p.add_argument("--province", metavar="P", help=_PROVINCE_HELP)
    p.add_argument("--kind", choices=KINDS, help="one kind of item, or article to search whole articles")
    p.add_argument("--metric", metavar="M", type=_metric, help="e.g. health_insurance_coverage")
    p.add_argument("--lang", metavar="L", type=language, help="fr, en, vi …")
    p.add_argument("--from", dest="date_from", metavar="DATE", type=_date, help="published on or after (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="date_to", metavar="DATE", type=_date, help="published on or before (YYYY[-MM[-DD]])")
    p.add_argument("--limit", type=at_least(0), default=200, metavar="N",
                   help="at most this many results (default 200; 0: all)")
    p.add_argument("--full", action="store_true",
                   help="the table also shows each item's sentence and the article's URL (JSON and CSV always have them)")
    _common(p, run_search, jsonl=True)

    p = sub.add_parser("initiatives", help="the initiative registry: one entry per initiative across articles",
                       description="List initiatives, each grouping its mentions across articles and "
                       "languages, with first/last seen (publication dates) and article counts.")
    p.add_argument("--province", metavar="P", help=_PROVINCE_HELP)
    _common(p, run_initiatives, jsonl=True)

    p = sub.add_parser("province", help="one province: coverage over time, targets, initiatives",
                       description="Health and social insurance figures over time, targets and initiatives "
                       "of one province (today's name, or a pre-2025 one).")
    p.add_argument("province", metavar="P", help=_PROVINCE_HELP)
    p.add_argument("--plot", metavar="FILE.png", help="also draw the time series, targets as markers")
    p.add_argument("--full", action="store_true", help="the tables also show each figure's sentence")
    _common(p, run_province)

    p = sub.add_parser("provinces", help="the coverage league table: every province's latest rate against its target",
                       description="For each of today's 34 provinces: its latest reported health-insurance "
                       "coverage rate (and social-insurance rate), the date it refers to, its nearest target "
                       "and the gap to it, its articles and initiatives, and the source of the rate; the "
                       "pre-2025 provinces merged into it are listed beneath it (marked ↳). A figure told by "
                       "an article and its translation counts once.")
    p.add_argument("--sort", choices=("health", "gap", "articles", "province"), default="health",
                   help="health: best covered first (default); gap: furthest from its target first; "
                   "articles: most written about first; province: by name")
    p.add_argument("--full", action="store_true", help="the table also shows the source sentence and URL")
    _common(p, run_provinces, jsonl=True)

    p = sub.add_parser("export", help="export articles or items as JSONL, CSV or Parquet",
                       description="Export the current record of every article, or every item, in a "
                       "stable order with stable ids: two exports of one corpus are byte-identical.")
    add_db(p)
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl",
                   help="jsonl: one object a line (default); csv: lists as JSON in their cell; parquet: typed columns")
    p.add_argument("--what", choices=("articles", "items", "provinces"), default="items",
                   help="items: one row per figure, target, locality, initiative, person (default); "
                   "articles: one row per article, with its text; provinces: the coverage league table")
    p.add_argument("--out", metavar="PATH", help="output file (default: standard output; parquet needs one)")
    p.set_defaults(handler=run_export)


def _common(p: argparse.ArgumentParser, handler, *, jsonl: bool = False) -> None:
    add_db(p)
    add_format(p, jsonl=jsonl)
    p.set_defaults(handler=handler)


def _fail(command: str, message: str, code: int = 1) -> int:
    print(f"extractor {command}: {message}", file=sys.stderr)
    return code


def _open(args: argparse.Namespace, command: str, *, fresh: bool = False):
    """The store, or None after a one-line message when ``--db`` is no corpus.

    ``fresh``: regroup the initiative registry first if the articles changed since (the
    only write these commands make).
    """
    from extractor.store import open_store
    from extractor.store.backend import shown
    from extractor.store.db import corpus_problem
    from extractor.store.registry import ensure_fresh

    problem = corpus_problem(args.db)
    if problem:
        _fail(command, f"{shown(args.db)}: {problem}")
        return None
    try:
        store = open_store(args.db, readonly=not fresh)
        if fresh:
            ensure_fresh(store.conn)
        return store
    except Exception as exc:  # sqlite3.DatabaseError: locked, read-only file, …
        _fail(command, f"{shown(args.db)}: cannot open the corpus ({exc})")
        return None


def _report(command: str, report, fmt: str) -> int:
    from extractor.cli.output import emit

    for line in report.failures:
        print(f"extractor {command}: {line}", file=sys.stderr)
    if fmt == "table":
        print(f"{command}: {report.summary()}")
    else:
        d = report.as_dict()
        emit([{**d["counts"], **{f"registry_{k}": v for k, v in d["registry"].items()}}], fmt, [])
    return 1 if report.failures else 0


def _warn_unknown(command: str, province: str) -> None:
    """Say so when a province name is unknown (it is still matched as typed)."""
    from extractor.store.places import gazetteer_knows

    if not gazetteer_knows(province):
        print(f"extractor {command}: {province!r} is no province the gazetteer knows; matching it as typed",
              file=sys.stderr)


def _writing(command: str, job):
    """Run a job that writes the corpus; a database it cannot open or write is one line, exit 5."""
    from extractor.store import StoreError
    from extractor.store.backend import DB_ERRORS

    try:
        return job()
    except StoreError as exc:
        return _fail(command, str(exc), EXIT_STORE)
    except DB_ERRORS as exc:
        return _fail(command, f"corpus database error ({exc}); what was stored stays", EXIT_STORE)


def run_ingest(args: argparse.Namespace) -> int:
    from extractor.jobs.ingest import ingest

    report = _writing("ingest", lambda: ingest(args.db, args.paths, lang=args.lang, progress=sys.stderr.isatty()))
    return report if isinstance(report, int) else _report("ingest", report, args.format)


def run_reprocess(args: argparse.Namespace) -> int:
    from extractor.jobs.reprocess import reprocess
    from extractor.store.backend import shown
    from extractor.store.db import corpus_problem

    problem = corpus_problem(args.db)
    if problem:
        return _fail("reprocess", f"{shown(args.db)}: {problem}")
    if args.workers < 0:
        return _fail("reprocess", f"--workers {args.workers}: must be 0 (every core) or more", 2)
    report = _writing("reprocess", lambda: reprocess(args.db, since_version=args.since_version,
                                                     progress=sys.stderr.isatty(), workers=args.workers,
                                                     scheduler=args.scheduler))
    return report if isinstance(report, int) else _report("reprocess", report, args.format)


def run_update(args: argparse.Namespace) -> int:
    from extractor.cli.output import emit
    from extractor.jobs.update import EXIT_LOCKED, EXIT_STORE_ERROR, EXIT_USAGE, update

    tty = sys.stderr.isatty()
    result = update(args.db, config_path=args.config, max_pages=args.max_pages, progress=tty,
                    lines_every=None if tty else 30.0)
    refused = result.code in (EXIT_USAGE, EXIT_LOCKED, EXIT_STORE_ERROR)  # the one line is an error
    if args.format == "table" or refused:
        print(result.render(), file=sys.stderr if refused else sys.stdout)
    else:
        emit([{"exit": result.code, **result.crawl,
               **{f"registry_{k}": v for k, v in result.registry.items()}}], args.format, [])
    return result.code


def run_search(args: argparse.Namespace) -> int:
    from extractor.cli.output import emit
    from extractor.store.search import Filters, search_counted

    if args.date_from and args.date_to and (args.date_to + "-99")[:10] < args.date_from:
        return _fail("search", f"--to {args.date_to} is before --from {args.date_from}", 2)
    if args.province:
        _warn_unknown("search", args.province)
    store = _open(args, "search")
    if store is None:
        return 1
    with store:
        rows, total = search_counted(store.conn, Filters(args.text, args.province, args.kind, args.metric,
                                                         args.lang, args.date_from, args.date_to, args.limit or None))
    cols = ["date", "kind", "item", "place", "title"]
    if args.full:
        cols = ["date", "kind", "item", "place", "evidence" if args.kind == "article" else "sentence", "title", "url"]
    emit(rows, args.format, cols, title=_title("search", args), total=total)
    return 0


def _title(what: str, args: argparse.Namespace) -> str:
    parts = [f"“{args.text}”" if getattr(args, "text", None) else None]
    if getattr(args, "province", None):
        from extractor.store.places import scope

        parts.append(scope(args.province).describe())
    parts.append(getattr(args, "kind", None))
    return f"{what}: " + " · ".join(p for p in parts if p) if any(parts) else what


def run_initiatives(args: argparse.Namespace) -> int:
    from extractor.cli.output import NARROW, emit
    from extractor.store.views import initiatives_of

    store = _open(args, "initiatives", fresh=True)
    if store is None:
        return 1
    with store:
        rows = initiatives_of(store.conn, args.province)
    emit(rows, args.format, ["initiative", "place", "province", "first_seen", "last_seen", "articles", "languages"],
         title=_title("initiatives", args), headers=NARROW)
    return 0


def run_province(args: argparse.Namespace) -> int:
    from extractor.cli.output import NARROW, emit
    from extractor.store.views import plot, province_view

    _warn_unknown("province", args.province)
    store = _open(args, "province", fresh=True)
    if store is None:
        return 1
    with store:
        view = province_view(store.conn, args.province)
    if args.format == "json":
        import json

        json.dump(view, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.format == "csv":
        emit(view["figures"] + view["targets"], "csv", [])
    else:
        cols = ["date", "item", "place", "languages"] + (["sentence", "title"] if args.full else ["title"])
        emit(view["figures"], "table", cols, title=f"{view['province']}: coverage figures")
        emit(view["targets"], "table", cols, title=f"{view['province']}: targets")
        emit(view["initiatives"], "table", ["initiative", "place", "first_seen", "last_seen", "articles", "languages"],
             title=f"{view['province']}: initiatives", headers=NARROW)
    if args.plot:
        try:
            out = plot(view, args.plot)
        except OSError as exc:
            return _fail("province", f"{args.plot}: cannot write the plot ({exc.strerror or exc})")
        print(f"plot written to {out}", file=sys.stderr)
    return 0


def run_provinces(args: argparse.Namespace) -> int:
    from extractor.cli.output import emit
    from extractor.store.league import league_table, sort_groups, table_rows

    store = _open(args, "provinces", fresh=True)
    if store is None:
        return 1
    with store:
        rows = league_table(store.conn)
    if args.sort != "health":
        column = {"gap": "gap", "articles": "articles", "province": "province"}[args.sort]
        rows = sort_groups(rows, column, descending=args.sort in ("gap", "articles"))
    if args.format == "table":
        from extractor.cli.output import NARROW, table

        cols = ["province", "health", "as_of", "target", "gap", "articles", "initiatives"]
        if args.full:
            cols = ["province", "health", "as_of", "social", "target", "gap", "articles", "initiatives",
                    "languages", "sentence", "url"]
        table(table_rows(rows), cols, nowrap=("province", "target"),
              title="Coverage by province: latest rate reported (↳ the provinces merged into it in 2025)",
              headers={**NARROW, "health": "health", "social": "social", "gap": "gap pp"},
              compact=not args.full)
    else:
        emit(rows, args.format, [])
    return 0


def run_export(args: argparse.Namespace) -> int:
    if args.what == "provinces":  # the league table: its own small module beside export.py
        from extractor.store.league_export import export_league as export
    else:
        from extractor.store.export import export

    if args.out is not None and not args.out.strip():
        return _fail("export", "--out: empty file name", 2)
    if args.format == "parquet" and not args.out:
        return _fail("export", "parquet is binary: give --out FILE.parquet", 2)
    store = _open(args, "export", fresh=True)
    if store is None:
        return 1
    with store:
        try:
            n = export(store.conn, args.what, args.format, args.out)
        except OSError as exc:
            return _fail("export", f"{args.out}: cannot write ({exc.strerror or exc})")
    if args.out:
        print(f"{n} {args.what} written to {args.out}", file=sys.stderr)
    return 0
