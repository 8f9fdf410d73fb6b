"""Load what the user names on the command line: a file, a URL or ``-`` (stdin).

Every failure becomes a :class:`ReadError` with a short reason; the caller names the input.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import ReadError

MAX_BYTES = 20 * 1024 * 1024  # a news page is never this big; refuse rather than choke


@dataclass
class Loaded:
    """An input's bytes, with the URL and Content-Type they came with when fetched."""

    data: bytes
    url: str | None = None
    content_type: str | None = None


def is_url(arg: str) -> bool:
    """Whether a command-line input names a web page rather than a file."""
    return arg.startswith(("http://", "https://"))


def load(arg: str, *, max_bytes: int = MAX_BYTES, timeout: float = 20.0) -> Loaded:
    """Read the bytes behind one command-line input."""
    if arg == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        _check_size(len(data), max_bytes)
        return Loaded(data)
    if is_url(arg):
        return _load_url(arg, max_bytes=max_bytes, timeout=timeout)
    path = Path(arg)
    if not path.exists():
        raise ReadError("no such file")
    if path.is_dir():
        raise ReadError("is a directory")
    try:
        size = path.stat().st_size
        _check_size(size, max_bytes)
        return Loaded(path.read_bytes())
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise ReadError(f"too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit)")


def _load_url(url: str, *, max_bytes: int, timeout: float) -> Loaded:
    """GET through the crawler's client (same User-Agent, redirects, size cap), one retry;
    any content type is taken, so the reader can name what a non-article is."""
    from extractor.crawl.fetch import FetchConfig, Fetcher

    config = FetchConfig(total_timeout=timeout, read_timeout=timeout, retries=1, backoff=0.5, max_bytes=max_bytes)
    fetcher = Fetcher(config)
    try:
        got = fetcher.fetch(url, accept=("",))
    finally:
        fetcher.close()
    if got.error:
        raise ReadError(got.error if got.error.startswith(("HTTP", "too large")) else f"cannot fetch: {got.error}")
    return Loaded(got.body, url=got.final_url, content_type=got.content_type)
