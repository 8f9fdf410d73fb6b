"""Extract insurance-coverage figures, targets, places, initiatives and people from news.

The public API is small on purpose::

    from extractor import extract
    record = extract(html_or_text, url=None, lang=None)
    record.to_json()
"""
from extractor.core import extract
from extractor.record import Record

__version__ = "0.1.0"
__all__ = ["extract", "Record", "__version__"]
