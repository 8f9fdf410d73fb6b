"""The one way the project writes a timestamp (UTC, to the second), shared by every stage."""
from __future__ import annotations

from datetime import datetime, timezone


def now_iso() -> str:
    """Now, as every timestamp of the corpus and the crawl frontier is written."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
