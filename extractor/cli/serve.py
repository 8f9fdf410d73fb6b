"""`extractor serve`: the corpus as a web site for analysts (Datasette plus our pages)."""
from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from extractor.cli.options import add_db, port

HELP = """Serve the corpus in a browser: a home page leading with the coverage league table
and its map (no tile server needed), search with facets (a pre-2025 province name finds
its territory today), province pages with a coverage chart, initiative and article pages
with every item highlighted in the text, a street map of the places named, and
Datasette's table browser and JSON API. The database is opened read-only; the server
listens on 127.0.0.1 only unless --host says otherwise, and runs no SQL typed by
visitors unless --allow-sql is given."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="browse, search and map the corpus in a web browser",
                       description=HELP)
    add_db(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only; "
                        "0.0.0.0 exposes it to the network)")
    p.add_argument("--port", type=port, default=8001, help="port (default: 8001)")
    p.add_argument("--allow-sql", action="store_true",
                   help="let visitors run their own read-only SQL queries (off by default)")
    p.add_argument("--immutable", action="store_true",
                   help="open the file as immutable: faster, for a snapshot nothing writes to any more")
    p.add_argument("--snapshot", metavar="PATH", default="corpus/snapshot.db",
                   help="with a PostgreSQL --db: the read-only SQLite copy served (taken when missing; "
                   "refresh it with `extractor snapshot`, default: %(default)s)")
    p.set_defaults(handler=run)

    p = sub.add_parser("snapshot", help="copy the corpus to a read-only SQLite file for the web page",
                       description="Copy the corpus (a PostgreSQL database, or a SQLite file) to a SQLite "
                       "file that `extractor serve` serves: Datasette reads SQLite. The copy is written "
                       "beside --out and moved over it when complete; run it on a schedule and restart the "
                       "server to show the new one.")
    add_db(p)
    p.add_argument("--out", metavar="PATH", default="corpus/snapshot.db",
                   help="the SQLite file to write (default: %(default)s)")
    p.set_defaults(handler=run_snapshot)


def run_snapshot(args: argparse.Namespace) -> int:
    from extractor.store.backend import DB_ERRORS, shown
    from extractor.store.db import corpus_problem
    from extractor.store.snapshot import snapshot

    problem = corpus_problem(args.db)
    if problem:
        print(f"extractor snapshot: {shown(args.db)}: {problem}", file=sys.stderr)
        return 1
    try:
        counts = snapshot(args.db, args.out)
    except DB_ERRORS as exc:
        print(f"extractor snapshot: {shown(args.db)}: corpus database error ({exc})", file=sys.stderr)
        return 5
    except OSError as exc:
        print(f"extractor snapshot: {args.out}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 5
    print(f"snapshot: {counts['articles']} articles, {counts['items']} items → {args.out}")
    return 0


def run(args: argparse.Namespace) -> int:
    from extractor.store.backend import is_url, shown
    from extractor.store.db import corpus_problem

    if is_url(args.db):  # Datasette reads SQLite: serve a snapshot of the shared corpus
        problem = corpus_problem(args.db)
        if problem:
            print(f"extractor serve: {shown(args.db)}: {problem}", file=sys.stderr)
            return 1
        if not Path(args.snapshot).exists() and run_snapshot(argparse.Namespace(db=args.db, out=args.snapshot)):
            return 5
        args.db = args.snapshot
    path = Path(args.db)
    problem = corpus_problem(path)
    if problem:
        print(f"extractor serve: {path}: {problem}", file=sys.stderr)
        return 1

    problem = _check_address(args.host, args.port)
    if problem:
        print(f"extractor serve: cannot listen on {args.host}:{args.port}: {problem}", file=sys.stderr)
        return 1

    import uvicorn

    from extractor.web import build_datasette

    ds = build_datasette(path, allow_sql=args.allow_sql, immutable=args.immutable)
    print(f"Serving {path} at http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    uvicorn.run(ds.app(), host=args.host, port=args.port, log_level="warning")
    return 0


def _check_address(host: str, port: int) -> str | None:
    """Why the server could not listen there (port taken, unknown host), before starting it."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(infos[0][4])
    except OSError as exc:
        return exc.strerror or str(exc)
    # SO_REUSEADDR (needed to restart right after a stop) lets the bind above succeed even
    # when another server listens there, so also knock on the door.
    probe = "127.0.0.1" if host in ("0.0.0.0", "") else "::1" if host == "::" else host
    try:
        socket.create_connection((probe, port), timeout=0.5).close()
    except OSError:
        return None
    return "address already in use"
