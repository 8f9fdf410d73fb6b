"""Reading real-world pages: our reader beside ``trafilatura.extract``, quality and speed.

The pages are not in this repository. Each DIR is a folder of annotated pages in the
format of trafilatura's evaluation data: an ``evaldata.json`` (or trafilatura's older
``evaldata.py``) mapping each page's URL to its ``file`` and to the strings its text
must (``with``) and must not (``without``) contain, with the files under DIR, DIR/cache
or DIR/eval. A checkout of trafilatura's ``tests/`` folder is such a DIR, and its own
scoring function (``eval_common.count_item``) is used when the DIR holds it.
DEVELOPERS.md ("Real-world HTML evaluation data") says how to get the data.

Both readers run in this one process, taking turns page by page, on one core (the
process pins itself to the first CPU it may use), one run; the speed ratio is ours over
trafilatura's pages per second. Targets: F1 at least trafilatura's, ratio at least 1.5.

    python benchmarks/bench_read_real.py DIR [DIR ...] [--only ours|trafilatura] [--by-language] [--show N]

Without a DIR it reads the folders in $READ_EVAL_DATA, and skips (exit 0) when that is unset,
so ``make bench`` runs it only where the data is.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import re
import sys
import time
from pathlib import Path


def load_set(folder: Path) -> list[tuple[str, dict, bytes]]:
    """(url, annotation, page bytes) for every annotated page whose file is there."""
    if (folder / "evaldata.json").is_file():
        data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    elif (folder / "evaldata.py").is_file():  # trafilatura before 2.1 kept them as a Python dict literal
        source = (folder / "evaldata.py").read_text(encoding="utf-8")
        data = ast.literal_eval(source[source.index("{"):])
    else:
        raise SystemExit(f"{folder}: no evaldata.json or evaldata.py here (the folder of trafilatura's tests)")
    out = []
    for url, item in sorted(data.items()):
        path = next((p for p in (folder / item["file"], folder / "cache" / item["file"],
                                 folder / "eval" / item["file"]) if p.is_file()), None)
        if path is not None:
            out.append((url, item, path.read_bytes()))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def count_item(item: dict, result: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn): 'with' strings found, 'without' strings found, and their misses."""
    text = _norm(result) if isinstance(result, str) else ""
    tp = sum(_norm(w) in text for w in item["with"]) if text else 0
    fp = sum(_norm(w) in text for w in item["without"]) if text else 0
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


def scorer(folders: list[Path]):
    """The benchmark's own ``count_item`` where a DIR holds it, else ours (the same rule)."""
    for folder in folders:
        if (folder / "eval_common.py").is_file():
            sys.path.insert(0, str(folder))
            try:
                from eval_common import count_item as theirs
            except Exception:  # an incompatible checkout: the documented rule above is the same
                continue
            return theirs
    return count_item


def ours(page: bytes, url: str) -> str | None:
    from extractor.errors import ReadError
    from extractor.read import read

    try:
        return read(page, url=url).text
    except ReadError:
        return None


def trafilatura(page: bytes, url: str) -> str | None:
    from trafilatura import extract

    # the settings of trafilatura's own benchmark (evaluate.py / eval_common.EXTRACT_OPTS)
    return extract(page, include_comments=False, include_tables=True, include_formatting=False)


def trafilatura_defaults(page: bytes, url: str) -> str | None:
    from trafilatura import extract

    return extract(page)  # what a user calling the library gets (comments included)


def run(readers: list[tuple[str, object]], pages: list[tuple[str, dict, bytes]], count) -> list[dict]:
    """Each reader on each page, taking turns page by page (so a busy machine slows both
    alike); quality by ``count`` and pages per second of reading time."""
    seconds = {name: 0.0 for name, _ in readers}
    texts: dict = {name: [] for name, _ in readers}
    for url, _, page in pages:
        for name, fn in readers:
            start = time.perf_counter()
            texts[name].append(fn(page, url))
            seconds[name] += time.perf_counter() - start
    out = []
    for name, _ in readers:
        totals, per_page = [0, 0, 0, 0], {}
        for (url, item, _), text in zip(pages, texts[name]):
            per_page[url] = count(item, text)
            totals = [a + b for a, b in zip(totals, per_page[url])]
        tp, fp, fn_, _ = totals
        out.append({"name": name, "precision": tp / (tp + fp) if tp + fp else 0.0,
                    "recall": tp / (tp + fn_) if tp + fn_ else 0.0,
                    "f1": 2 * tp / (2 * tp + fp + fn_) if tp else 0.0, "rate": len(pages) / seconds[name],
                    "empty": sum(not t for t in texts[name]), "per_page": per_page})
    return out


def by_language(pages: list[tuple[str, dict, bytes]], results: list[dict]) -> None:
    """Print F1 of each reader on the pages of each language (untimed, after the run)."""
    from extractor.errors import ReadError
    from extractor.read import read

    groups: dict = {}
    for url, _, page in pages:
        try:
            lang = read(page, url=url).language
        except ReadError:
            lang = None
        groups.setdefault(lang or "?", []).append(url)
    print(f"{'language':10} {'pages':>5} " + " ".join(f"{r['name'][:20]:>20}" for r in results))
    for lang, urls in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        f1s = []
        for r in results:
            tp, fp, fn_ = (sum(r["per_page"][u][k] for u in urls) for k in range(3))
            f1s.append(2 * tp / (2 * tp + fp + fn_) if tp else 0.0)
        print(f"{lang:10} {len(urls):5d} " + " ".join(f"{f:20.3f}" for f in f1s))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path,
                    help="folders of annotated pages (see above); default: $READ_EVAL_DATA, colon-separated")
    ap.add_argument("--only", choices=("ours", "trafilatura"), help="run one reader only")
    ap.add_argument("--defaults", action="store_true",
                    help="also score trafilatura.extract() with its default settings (comments kept)")
    ap.add_argument("--by-language", action="store_true",
                    help="F1 of both readers per language of the page (as our reader tells it)")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="list the N pages where ours loses most against trafilatura")
    args = ap.parse_args()
    args.dirs = args.dirs or [Path(d) for d in os.environ.get("READ_EVAL_DATA", "").split(os.pathsep) if d]
    if not args.dirs:
        print("bench_read_real: no evaluation data given (a DIR argument or READ_EVAL_DATA); "
              "DEVELOPERS.md says how to get it. Skipped.")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    count = scorer(args.dirs)
    pages = [p for folder in args.dirs for p in load_set(folder)]
    if not pages:
        print(f"no annotated pages found in {', '.join(map(str, args.dirs))}", file=sys.stderr)
        return 2
    for url, _, page in pages[:20]:  # warm-up: rule files, language model, lazy imports
        ours(page, url), trafilatura(page, url)
    readers = [(name, fn) for name, fn, key in (("extractor.read", ours, "ours"),
                                                 ("trafilatura.extract", trafilatura, "trafilatura"))
               if args.only in (None, key)]
    if args.defaults and not args.only:
        readers.append(("trafilatura defaults", trafilatura_defaults))
    results = run(readers, pages, count)
    print(f"pages: {len(pages)} from {', '.join(str(d) for d in args.dirs)}; one core, one run")
    print(f"{'reader':22} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8} {'empty':>5}")
    for r in results:
        print(f"{r['name']:22} {r['precision']:9.3f} {r['recall']:7.3f} {r['f1']:6.3f} {r['rate']:8.1f} {r['empty']:5d}")
    if args.by_language and len(results) >= 2:
        by_language(pages, results)
    if len(results) >= 2:
        a, b = results[:2]
        print(f"F1 difference {a['f1'] - b['f1']:+.3f} (target >= 0); speed ratio {a['rate'] / b['rate']:.2f} (target >= 1.5)")
        if len(results) == 3:
            print(f"F1 difference to trafilatura's defaults {a['f1'] - results[2]['f1']:+.3f}")
        if args.show:
            loss = {u: (b["per_page"][u][0] - b["per_page"][u][1]) - (c[0] - c[1]) for u, c in a["per_page"].items()}
            for url in sorted(loss, key=loss.get, reverse=True)[:args.show]:
                if loss[url] > 0:
                    print(f"  -{loss[url]} ours {a['per_page'][url]} trafilatura {b['per_page'][url]} {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
