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
    import requests

    from extractor.crawl.fetch import USER_AGENT

    try:
        with requests.get(url, timeout=timeout, stream=True, headers={"User-Agent": USER_AGENT}) as resp:
            if resp.status_code >= 400:
                raise ReadError(f"HTTP {resp.status_code}")
            declared = int(resp.headers.get("Content-Length") or 0)
            _check_size(declared, max_bytes)
            chunks, total = [], 0
            for chunk in resp.iter_content(65536):
                total += len(chunk)
                _check_size(total, max_bytes)
                chunks.append(chunk)
            return Loaded(b"".join(chunks), url=resp.url, content_type=resp.headers.get("Content-Type"))
    except requests.RequestException as exc:
        raise ReadError(f"cannot fetch: {exc.__class__.__name__}") from None
