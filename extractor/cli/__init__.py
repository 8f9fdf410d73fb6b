"""The `extractor` command line: a thin face on the library.

Each command group lives in its own module with a ``register(subparsers)`` function;
heavy imports happen inside the command handlers, so ``--help`` stays instant.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from extractor import __version__

# Command modules, in the order `extractor --help` lists them.
COMMAND_MODULES = ("extract", "crawl", "store", "serve")


class Parser(argparse.ArgumentParser):
    """argparse with a one-line usage error: ``extractor search: argument --limit: … (see --help)``."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The `extractor` parser with every command module's subcommands registered."""
    parser = Parser(
        prog="extractor",
        description="Crawl, archive and extract insurance-coverage facts from Vietnamese provincial news "
        "(French, English, Vietnamese), then search and export them.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"extractor.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit status (130 when interrupted)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, never a traceback (what was stored stays)
        print(f"extractor {args.command}: internal error ({exc.__class__.__name__}: {exc}); please report it",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
