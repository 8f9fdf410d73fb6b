"""Where the rule data lives: ``models/`` beside the package (``EXTRACTOR_MODELS`` overrides).

Every stage reads its patterns, lexicons and profiles from there; this is the one place
that knows the folder, and it holds the loaders every stage shares (the NLP components
and the gazetteer read the same JSONL files).
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(os.environ.get("EXTRACTOR_MODELS", Path(__file__).resolve().parents[1] / "models"))


def model_path(*parts: str) -> Path:
    """A path under the models folder."""
    return MODELS_DIR.joinpath(*parts)


@lru_cache(maxsize=None)
def load_jsonl(name: str, lang: str | None = None) -> tuple[dict, ...]:
    """Rows of ``models/common/NAME.jsonl`` followed by ``models/LANG/NAME.jsonl`` (each optional)."""
    rows: list[dict] = []
    for folder in ("common", lang):
        if not folder:
            continue
        path = model_path(folder, f"{name}.jsonl")
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                rows.extend(json.loads(line) for line in fh if line.strip() and not line.startswith("//"))
    return tuple(rows)


@lru_cache(maxsize=None)
def load_json(name: str, lang: str) -> dict:
    """``models/LANG/NAME.json`` (or ``models/common/NAME.json``) as a dict; {} when absent."""
    for folder in (lang, "common"):
        path = model_path(folder, f"{name}.json")
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    return {}
