"""Score the extractor on real press articles: our golds (``benchmarks/real/``) beside their texts.

The golds live in the repository; the article texts never do (they belong to their
publishers): DEVELOPERS.md says how to rebuild them into a folder outside the checkout.
This script lays each gold beside its text in a temporary folder and runs the shared
scorer (``../shared/eval/score.py``) on it, one split at a time.

    python benchmarks/score_real.py TEXTS_DIR [--split tune|heldout|all] [-v]
    python benchmarks/score_real.py ../real-dev-texts --golds ../shared/eval/real-dev

``heldout`` is frozen: score it once per change set and report the figure; never read
its errors (no ``-v``) and never write a rule from it.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def lay_out(golds: list[Path], texts: Path, into: Path) -> int:
    """Link each gold and its text (found anywhere under ``texts``) into ``into``; return how
    many texts were missing."""
    found = {p.name: p for p in texts.rglob("*.txt")}
    missing = 0
    for gold in golds:
        text = found.get(gold.name.replace(".gold.json", ".txt"))
        if text is None:
            missing += 1
            continue
        (into / gold.name).symlink_to(gold.resolve())
        (into / text.name).symlink_to(text.resolve())
    return missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", type=Path, help="folder holding the rebuilt article texts (*.txt), any sub-folders")
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="tune",
                    help="which part of benchmarks/real/ to score (default: tune)")
    ap.add_argument("--golds", type=Path, help="score the golds of this folder instead of benchmarks/real/")
    ap.add_argument("--cmd", default=f"{sys.executable} -m extractor extract", help="the extractor command")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss (never on heldout)")
    args = ap.parse_args()
    if args.verbose and args.split == "heldout" and not args.golds:
        ap.error("the held-out split is frozen: its errors are not to be read (drop -v)")
    if not args.texts.is_dir():
        ap.error(f"{args.texts}: not a folder")
    if args.golds:
        golds = sorted(args.golds.glob("*.gold.json"))
    else:
        splits = ("tune", "heldout") if args.split == "all" else (args.split,)
        golds = sorted(g for s in splits for g in (ROOT / "benchmarks" / "real" / s).glob("*.gold.json"))
    with tempfile.TemporaryDirectory() as tmp:
        missing = lay_out(golds, args.texts, Path(tmp))
        if missing:
            print(f"{missing} of {len(golds)} texts not found under {args.texts}: they are left out", file=sys.stderr)
        cmd = [sys.executable, str(SCORER), tmp, "--cmd", args.cmd] + (["-v"] if args.verbose else [])
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
