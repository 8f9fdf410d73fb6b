"""Options every command spells the same way: ``--db PATH`` and ``--format table|json|csv``."""
from __future__ import annotations

import argparse

DEFAULT_DB = "corpus/corpus.db"
FORMATS = ("table", "json", "csv")


def add_db(p: argparse.ArgumentParser, more: str = "") -> None:
    """``--db PATH``: the corpus database a command reads or writes (``more``: what else lives beside it)."""
    p.add_argument("--db", default=DEFAULT_DB, metavar="PATH",
                   help=f"corpus database (default {DEFAULT_DB}){more}")


def add_format(p: argparse.ArgumentParser, *, jsonl: bool = False) -> None:
    """``--format``: how a command prints its data (see :func:`extractor.cli.output.emit`);
    ``jsonl`` where the command prints rows (one JSON object a line)."""
    p.add_argument("--format", choices=FORMATS + (("jsonl",) if jsonl else ()), default="table",
                   help="table: readable (default); json: for scripts; csv: for spreadsheets"
                   + ("; jsonl: one JSON object a line" if jsonl else ""))
