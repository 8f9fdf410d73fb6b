"""Options every command spells the same way: ``--db PATH|URL`` and ``--format table|json|csv``."""
from __future__ import annotations

import argparse

DEFAULT_DB = "corpus/corpus.db"
FORMATS = ("table", "json", "csv")


def add_db(p: argparse.ArgumentParser, more: str = "") -> None:
    """``--db PATH|URL``: the corpus database a command reads or writes (``more``: what else
    lives beside it); ``EXTRACTOR_DB`` in the environment sets the default."""
    import os

    p.add_argument("--db", default=os.environ.get("EXTRACTOR_DB") or DEFAULT_DB, metavar="PATH|URL",
                   help=f"corpus database: a SQLite file, or postgresql://user@host/db for a shared one "
                        f"(default: $EXTRACTOR_DB, else {DEFAULT_DB}){more}")


def add_format(p: argparse.ArgumentParser, *, jsonl: bool = False) -> None:
    """``--format``: how a command prints its data (see :func:`extractor.cli.output.emit`);
    ``jsonl`` where the command prints rows (one JSON object a line)."""
    p.add_argument("--format", choices=FORMATS + (("jsonl",) if jsonl else ()), default="table",
                   help="table: readable (default); json: for scripts; csv: for spreadsheets"
                   + ("; jsonl: one JSON object a line" if jsonl else ""))


# Argument types: a bad value is one line from the parser (see extractor.cli.Parser) and exit 2.

def language(value: str) -> str:
    """A language the reader knows (``models/read/language.toml``): ``fr``, ``en``, ``vi`` …"""
    from extractor.read.rules import data

    known = data("language")["candidates"]
    code = value.strip().lower()
    if code not in known:
        raise argparse.ArgumentTypeError(f"unknown language {value!r} (known: {', '.join(sorted(known))})")
    return code


def languages(value: str) -> list[str]:
    """A comma-separated list of languages: ``fr,en``."""
    codes = [language(v) for v in value.split(",") if v.strip()]
    if not codes:
        raise argparse.ArgumentTypeError(f"no language in {value!r} (e.g. fr,en,vi)")
    return codes


def at_least(minimum: int, maximum: int = 2**53):
    """An integer type refusing values below ``minimum`` (or absurdly large)."""
    def check(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"{value} is too small (at least {minimum})")
        if n > maximum:
            raise argparse.ArgumentTypeError(f"{value} is too large (at most {maximum})")
        return n
    check.__name__ = f"integer ≥ {minimum}"
    return check


def seconds(value: str, *, zero: bool = True) -> float:
    """A number of seconds: finite, not negative (``zero=False``: more than 0)."""
    try:
        s = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not (s >= 0 and s < float("inf")) or (not zero and s == 0):
        raise argparse.ArgumentTypeError(f"{value} seconds: must be {'0 or more' if zero else 'more than 0'}")
    return s


def timeout(value: str) -> float:
    """A timeout in seconds, more than 0."""
    return seconds(value, zero=False)


def day(value: str) -> str:
    """A calendar date, YYYY-MM-DD."""
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2025-07-01") from None


def version(value: str) -> str:
    """An extractor version: numbers with dots, e.g. 0.2.0."""
    import re

    if not re.fullmatch(r"\d+(\.\d+)*([.+-]?[0-9A-Za-z]+)*", value.strip()):
        raise argparse.ArgumentTypeError(f"{value!r} is not a version like 0.2.0")
    return value.strip()


def port(value: str) -> int:
    """A TCP port, 1 to 65535."""
    try:
        return at_least(1, 65535)(value)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"{value!r} is no port (1 to 65535)") from None
