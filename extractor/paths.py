"""Where the rule data lives: ``models/`` beside the package (``EXTRACTOR_MODELS`` overrides).

Every stage reads its patterns, lexicons and profiles from there; this is the one place
that knows the folder.
"""
from __future__ import annotations

import os
from pathlib import Path

MODELS_DIR = Path(os.environ.get("EXTRACTOR_MODELS", Path(__file__).resolve().parents[1] / "models"))


def model_path(*parts: str) -> Path:
    """A path under the models folder."""
    return MODELS_DIR.joinpath(*parts)
