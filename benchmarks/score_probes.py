"""Score the extractor on the written probe sets (``benchmarks/probes/``): short passages of
our own in the genre of the provincial press, each with the goals and initiatives it holds.

Real articles decide (``score_real.py``); these sets say whether a rule written for one
phrasing holds for the many others a goal or an initiative is stated in. Each set is
scored on its own, the matching being the shared scorer's (value and unit for a goal, its
year and comparator for the strict count; shared words for an initiative's name).

    python benchmarks/score_probes.py [SET.jsonl ...] [-v]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "benchmarks" / "probes"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
# A topic sentence opens every passage, as a headline would: the extractor reads an article.
LEAD = {"en": "Health insurance coverage in the province.", "fr": "L'assurance sociale dans la province.",
        "vi": "Bảo hiểm xã hội trong tỉnh."}
COMPARATORS = {"exact": "=", "at_least": ">=", "more_than": ">", "approx": "~", "at_most": "<=", "less_than": "<"}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_set(path: Path, scorer, verbose: bool) -> dict[str, list[int]]:
    """tp, fp, fn and strict tp of goals and initiatives over one set's passages."""
    from extractor.core import extract

    counts = {"targets": [0, 0, 0, 0], "initiatives": [0, 0, 0, 0]}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        probe = json.loads(line)
        record = extract(LEAD[probe["lang"]] + "\n\n" + probe["text"], lang=probe["lang"]).model_dump()
        wrong = []
        for cat, c in counts.items():
            if cat == "targets":
                gold = [dict(g, comparator=COMPARATORS.get(g.get("comparator"), g.get("comparator")))
                        for g in probe.get("targets") or []]
            else:
                gold = [{"name": name} for name in probe.get("initiatives") or []]
            pairs, extra, missed = scorer.match(record.get(cat) or [], gold, [], scorer.MATCHERS[cat])
            loose = [(p, g) for p, g in pairs if cat == "targets"
                     and (p.get("year") != g.get("year") or (p.get("comparator") or "=") != g.get("comparator"))]
            c[0] += len(pairs)
            c[1] += len(extra)
            c[2] += len(missed)
            c[3] += len(pairs) - len(loose)
            wrong += [f"  missed {cat} {json.dumps(g, ensure_ascii=False)}" for g in missed]
            wrong += [f"  extra  {cat} {p.get('name') or p.get('value')}" for p in extra]
        if verbose and wrong:
            print(probe["id"], probe["text"][:200].replace("\n", " "))
            print("\n".join(wrong))
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="probe sets (default: every set in benchmarks/probes)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each passage's misses and extras")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"score_probes: the shared scorer is missing: {SCORER}", file=sys.stderr)
        return 2
    scorer = load_scorer()
    for path in args.sets or sorted(SETS.glob("*.jsonl")):
        counts = score_set(path, scorer, args.verbose)
        cells = []
        for cat, (tp, fp, fn, stp) in counts.items():
            if tp + fn:
                _, _, f1 = scorer.prf(tp, fp, fn)
                cells.append(f"{cat} F1={f1:.3f} (tp {tp}, fp {fp}, fn {fn}, strict tp {stp})")
        print(f"{path.stem:22} " + "; ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
