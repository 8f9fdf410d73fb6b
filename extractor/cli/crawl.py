"""`extractor crawl`: collect articles from news sites into the corpus, politely and resumably."""
from __future__ import annotations

import argparse
import sys

from extractor.cli.options import add_db, add_format, at_least, day, languages, seconds, timeout

HELP = """Crawl news sites and store the articles about insurance coverage in the corpus: every
response is archived in WARC files beside the database, every article page is extracted,
and the relevant ones (or all, with --all) are stored. SITE is a built-in site profile
(see --list-sites); URL is any site's home page, section page, sitemap or feed (crawled
generically within that site). With no SITE or URL, every built-in profile is crawled.

robots.txt is obeyed (Crawl-delay included); one request at a time per host, --delay
seconds apart; several hosts in parallel. Stopped with Ctrl-C (or killed), the same
command resumes where it stopped; once a crawl has finished, running it again revisits
the known pages with conditional requests and stores only what changed."""

EPILOG = """examples:
  extractor crawl baohatinh.vn --max-pages 50
  extractor crawl vietnam.vn --lang fr,en --since 2025-07-01
  extractor crawl https://example-province-news.vn/xa-hoi/ --delay 2
  extractor crawl --list-sites"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("crawl", help="crawl news sites into the corpus (resumable, polite)", description=HELP,
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("targets", nargs="*", metavar="SITE_OR_URL", help="site profile name or URL")
    add_db(p, "; WARC files go to warc/ beside a SQLite file, else under $EXTRACTOR_ARCHIVE (default corpus)")
    p.add_argument("--since", metavar="DATE", type=day,
                   help="skip articles dated (sitemap, feed or page) before DATE (YYYY-MM-DD)")
    p.add_argument("--max-pages", type=at_least(1), metavar="N",
                   help="stop after fetching N article pages (resume later)")
    p.add_argument("--lang", metavar="LANGS", type=languages, help="comma-separated languages to keep, e.g. fr,en,vi")
    p.add_argument("--delay", type=seconds, default=1.0, metavar="S",
                   help="minimum seconds between two requests to the same host (default: %(default)s; "
                   "a larger robots.txt Crawl-delay wins)")
    p.add_argument("--max-depth", type=at_least(0), metavar="N",
                   help="link hops followed from the entry points (default: the site profile's, 3 for "
                   "other sites); the pages of one listing count as one level")
    p.add_argument("--connect-timeout", type=timeout, default=10.0, metavar="S",
                   help="seconds to wait for a connection (default: %(default)s)")
    p.add_argument("--read-timeout", type=timeout, default=10.0, metavar="S",
                   help="seconds to wait for the server to answer (default: %(default)s); a page that "
                   "times out is tried once more, after the host's other pages")
    p.add_argument("--all", dest="keep_all", action="store_true",
                   help="store every article, not only those about insurance coverage")
    p.add_argument("--workers", type=at_least(1), default=4, metavar="N",
                   help="hosts crawled in parallel (default: %(default)s)")
    p.add_argument("--worker", nargs="?", const="", metavar="NAME",
                   help="be one of several crawl processes (on one or many machines) sharing the frontier of "
                   "a PostgreSQL --db: each host is leased to one worker at a time and its delay is kept "
                   "across workers (NAME: default host name and process id)")
    p.add_argument("--lease", type=seconds, default=120.0, metavar="S",
                   help="with --worker: seconds a host stays leased to a worker that stopped answering "
                   "(killed); then its URL goes to another worker (default: %(default)s)")
    add_format(p)
    p.add_argument("--list-sites", action="store_true", help="list the built-in site profiles and exit")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from extractor.crawl.fetch import FetchConfig
    from extractor.errors import ExtractorError
    from extractor.store import StoreError
    from extractor.store.backend import DB_ERRORS, shown

    if args.list_sites:
        return _list_sites()
    from extractor.jobs.crawl import crawl

    tty = sys.stderr.isatty()
    worker = args.worker
    if worker == "":
        import os
        import socket

        worker = f"{socket.gethostname()}-{os.getpid()}"
    try:
        report = crawl(args.db, args.targets, since=args.since, max_pages=args.max_pages, langs=args.lang,
                       delay=args.delay, keep_all=args.keep_all, progress=tty, lines_every=None if tty else 30.0,
                       workers=args.workers, max_depth=args.max_depth, worker=worker, lease=args.lease,
                       fetch_config=FetchConfig(connect_timeout=args.connect_timeout, read_timeout=args.read_timeout))
    except StoreError as exc:
        print(f"extractor crawl: {exc}", file=sys.stderr)
        return 5
    except DB_ERRORS as exc:
        print(f"extractor crawl: {shown(args.db)}: corpus database error ({exc}); what was stored stays",
              file=sys.stderr)
        return 5
    except ExtractorError as exc:
        print(f"extractor crawl: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the WARC folder beside the database: unwritable, disk full
        print(f"extractor crawl: {exc.filename or args.db}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 5
    if args.format == "json":
        print(report.to_json())
    elif args.format == "csv":
        from extractor.cli.output import emit

        emit(report.rows(), "csv", [])
    else:
        Console().print(report.render())
        errors = Console(stderr=True)  # one line per failed URL, where cron keeps errors
        for line in report.errors[:20]:
            errors.print(f"[red]extractor crawl: failed[/red] {line}", highlight=False, soft_wrap=True)
        if len(report.errors) > 20:
            errors.print(f"extractor crawl: … and {len(report.errors) - 20} more failures")
    if report.interrupted:
        return 130
    totals = report.totals
    worked = sum(totals.get(k, 0) for k in ("new", "changed", "unchanged", "skipped"))
    return 1 if totals.get("failed", 0) and not worked else 0  # nothing but failures: say so to cron


def _list_sites() -> int:
    from rich.console import Console
    from rich.table import Table

    from extractor.crawl.sites import load_sites

    table = Table("site", "hosts", "languages", "entry points")
    for name, site in sorted(load_sites().items()):
        langs = sorted({e.lang for e in site.entries if e.lang} | ({site.language} if site.language else set()))
        table.add_row(name, " ".join(site.hosts), ",".join(langs), str(len(site.entries)))
    Console().print(table)
    return 0

