"""Text → record speed and memory of the NLP stage, per language, beside stock fr_core_news_md.

    python benchmarks/bench_nlp.py [--rounds N] [--corpus DIR]

Reads every article of the sample corpus once (HTML or text → clean text, not timed),
then times ``extractor.nlp.annotate`` over each language's texts, ``--rounds`` times.
The stock French pipeline (all of fr_core_news_md's components, ``nlp.pipe``) runs on
the same French texts in the same process. Peak memory (max RSS) is taken after our
three pipelines are loaded and have run, before the stock model is loaded.

Targets: French ≥ 2× stock articles/s; English and Vietnamese at least as fast as
French; peak < 1.5 GB.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def load_corpus(folder: Path) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """(text, title, published) of each readable article, grouped by language."""
    from extractor.errors import ExtractorError
    from extractor.read import read

    by_lang: dict[str, list] = defaultdict(list)
    for path in sorted(folder.glob("*")):
        if path.suffix not in (".html", ".htm", ".txt"):
            continue
        ctype = "text/html" if path.suffix.startswith(".htm") else "text/plain"
        try:
            art = read(path.read_bytes(), content_type=ctype, lang=path.name[:2])
        except ExtractorError as exc:
            print(f"bench_nlp: {path.name}: {exc}", file=sys.stderr)
            continue
        by_lang[art.language or path.name[:2]].append((art.text, art.title, art.published))
    return by_lang


def time_ours(lang: str, docs: list, rounds: int) -> float:
    from extractor.nlp.pipeline import annotate

    annotate(docs[0][0], lang=lang, published=docs[0][2], title=docs[0][1])  # load + warm
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text, title, published in docs:
            annotate(text, lang=lang, published=published, title=title)
    return rounds * len(docs) / (time.perf_counter() - t0)


def time_stock(texts: list[str], rounds: int) -> float:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    list(nlp.pipe(texts[:1]))
    t0 = time.perf_counter()
    for _ in range(rounds):
        list(nlp.pipe(texts))
    return rounds * len(texts) / (time.perf_counter() - t0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="passes over the corpus per pipeline (default 5)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "sample", help="folder of sample articles")
    args = ap.parse_args()

    corpus = load_corpus(args.corpus)
    if not corpus.get("fr"):
        print(f"bench_nlp: no French article in {args.corpus}", file=sys.stderr)
        return 1
    chars = {lang: sum(len(t) for t, _, _ in docs) // max(1, len(docs)) for lang, docs in corpus.items()}
    before = _rss_mb()
    rates = {lang: time_ours(lang, corpus[lang], args.rounds) for lang in ("fr", "en", "vi") if corpus.get(lang)}
    peak = _rss_mb()
    stock = time_stock([t for t, _, _ in corpus["fr"]], args.rounds)

    print(f"{'pipeline':28} {'articles':>8} {'avg chars':>9} {'articles/s':>11}")
    for lang, rate in rates.items():
        print(f"{'ours ' + lang:28} {len(corpus[lang]):8d} {chars[lang]:9d} {rate:11.1f}")
    print(f"{'stock fr_core_news_md (fr)':28} {len(corpus['fr']):8d} {chars['fr']:9d} {stock:11.1f}")
    ratio = rates["fr"] / stock
    print(f"fr speed-up over stock: {ratio:.2f}x (target >= 2x) {'OK' if ratio >= 2 else 'MISSED'}")
    for lang in ("en", "vi"):
        if lang in rates:
            ok = rates[lang] >= rates["fr"]
            print(f"{lang} vs fr: {rates[lang] / rates['fr']:.2f}x (target >= 1.0x) {'OK' if ok else 'MISSED'}")
    print(f"peak RSS with fr, en, vi loaded: {peak:.0f} MB (before loading: {before:.0f} MB; "
          f"target < 1536 MB) {'OK' if peak < 1536 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
