"""Extract insurance-coverage figures, targets, places, initiatives and people from news.

The public API is small on purpose::

    from extractor import extract
    record = extract(html_or_text, url=None, lang=None)
    record.to_json()
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "Record", "__version__"]


def __getattr__(name: str):
    # Loaded on first use, so that `extractor --help` and the CLI's start stay fast.
    if name == "extract":
        from extractor.core import extract

        return extract
    if name == "Record":
        from extractor.record import Record

        return Record
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
