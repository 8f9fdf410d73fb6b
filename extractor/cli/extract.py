"""`extractor extract`: one JSON record per input, in input order."""
from __future__ import annotations

import argparse
import json
import sys

from extractor.cli.options import language

HELP = """Extract a record from each INPUT: an .html/.htm page, a plain-text dump, an http(s)
URL, or - for standard input. Prints one JSON record per input (JSON Lines by default), in
input order, each with "input" set to the argument as given. An input that cannot be read
(missing, a directory, binary, empty, no article, over 20 MB, undecodable, HTTP error) gets a
one-line message on stderr and a record with an "error" field; the others are still
processed, and the exit status is 1.

examples:
  extractor extract corpus/sample/vi-01-ha-tinh-cay-cam-an-sinh.html
  extractor extract --format json page.html dump.txt https://example.vn/article.html
  curl -s https://example.vn/a.html | extractor extract --lang vi -"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract records from pages, text files or URLs",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file path, URL, or - for stdin")
    p.add_argument("--lang", type=language, help="language of the inputs (fr, en, vi …); detected when omitted")
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl",
                   help="jsonl: one record a line (default); json: one indented array")
    p.add_argument("--explain", action="store_true",
                   help="instead of JSON, print each item with its evidence sentence, for checking by eye")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from extractor import __version__
    from extractor.core import extract
    from extractor.errors import ExtractorError
    from extractor.inputs import load
    from extractor.record import Record

    failed = 0
    records = []
    for arg in args.inputs:
        try:
            loaded = load(arg)
            record = extract(loaded.data, url=loaded.url, lang=args.lang, content_type=loaded.content_type)
        except ExtractorError as exc:
            failed += 1
            print(f"extractor: {arg}: {exc}", file=sys.stderr)
            record = Record(extractor_version=__version__, error=str(exc))
        except Exception as exc:  # a bug must not cost the other inputs their records
            failed += 1
            reason = f"internal error ({exc.__class__.__name__}: {exc}); please report it"
            print(f"extractor: {arg}: {reason}", file=sys.stderr)
            record = Record(extractor_version=__version__, error=reason)
        record.input = arg
        if args.explain:
            from extractor.explain import explain

            print(explain(record))
        elif args.format == "jsonl":
            print(record.to_json(), flush=True)
        else:
            records.append(record.to_dict())
    if args.format == "json" and not args.explain:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return 1 if failed else 0
