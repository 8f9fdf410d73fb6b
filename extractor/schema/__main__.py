"""``python -m extractor.schema [--check]``: regenerate (or check) record.schema.json."""
from __future__ import annotations

import argparse
import sys

from extractor.schema import SCHEMA_PATH, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.schema", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs from the models")
    args = parser.parse_args(argv)
    wanted = render()
    current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else None
    if args.check:
        if current != wanted:
            print(f"{SCHEMA_PATH.name} is out of date: run python -m extractor.schema", file=sys.stderr)
            return 1
        print(f"{SCHEMA_PATH.name} is up to date")
        return 0
    if current != wanted:
        SCHEMA_PATH.write_text(wanted, encoding="utf-8")
        print(f"wrote {SCHEMA_PATH}")
    else:
        print(f"{SCHEMA_PATH.name} already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
