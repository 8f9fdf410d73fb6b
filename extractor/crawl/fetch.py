"""One HTTP client for the whole project: honest, patient, and bounded.

Retries with exponential backoff on 429/5xx and connection errors (honouring ``Retry-After``),
never at once after a timeout (the caller decides whether a silent server gets another go),
redirects followed hop by hop so each hop can be checked (robots, same site) and archived,
a size cap and a total deadline per response, non-HTML refused before its body is read,
conditional requests (ETag / If-Modified-Since). Bytes are returned undecoded: the charset
is the reader's business (headers, meta, BOM, windows-1258 …).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

USER_AGENT = "coverage-news-extractor/0.1 (+https://github.com/coverage-news/extractor; research crawler)"

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = HTML_TYPES + ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
                          "application/gzip", "application/x-gzip", "application/octet-stream")
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass
class Exchange:
    """One request and its response, as they go into the WARC archive."""

    url: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes = b""
    http_version: str = "HTTP/1.1"

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


@dataclass
class Fetched:
    """What came of fetching one URL: the final response, the hops before it, or an error."""

    url: str
    final_url: str
    status: int = 0
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    exchanges: list[Exchange] = field(default_factory=list)  # every response received, redirects first
    error: str | None = None       # why there is no usable body ("timeout", "HTTP 404", "not HTML" …)
    skip: bool = False             # the error means "not for us" (size, type, robots), not a failure
    retry_after: float | None = None  # the server asked for a wait longer than we block for
    attempts: int = 1

    @property
    def timed_out(self) -> bool:
        """The server did not answer (or not fast enough): worth one more try later, not now."""
        return bool(self.error) and self.error.startswith("timeout")


@dataclass
class FetchConfig:
    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0     # per response, so a server dripping bytes cannot hold a worker
    retries: int = 3                # on 429/5xx and refused connections; never on a timeout
    backoff: float = 1.0            # first wait; doubles each retry
    max_wait: float = 10.0          # longer Retry-After → give back to the frontier for later
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5


class Fetcher:
    """A requests Session with the crawler's manners; safe to share between threads per host."""

    def __init__(self, config: FetchConfig | None = None, stop: threading.Event | None = None):
        import requests

        self.config = config or FetchConfig()
        self.stop = stop or threading.Event()
        self.session = requests.Session()
        self.session.headers.update({
            "User-Agent": self.config.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "vi,fr;q=0.9,en;q=0.8",
        })

    def close(self) -> None:
        self.session.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              accept: tuple[str, ...] = HTML_TYPES, allow: Callable[[str], str | None] | None = None,
              min_wait: float = 0.0) -> Fetched:
        """GET ``url``, following redirects; ``allow(url)`` returns a reason to refuse a hop, or None.

        ``min_wait``: the host's politeness delay, which a retry never undercuts.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        result = Fetched(url=url, final_url=url)
        current = url
        for _hop in range(self.config.max_redirects + 1):
            exchange, error, retry_after, attempts = self._get_with_retries(current, headers, accept, min_wait)
            result.attempts += attempts - 1
            if exchange is not None:
                result.exchanges.append(exchange)
            result.final_url = current
            if error:
                result.error, result.retry_after = error, retry_after
                result.skip = error.startswith(("not HTML", "too large"))
                result.status = exchange.status if exchange else 0
                return result
            assert exchange is not None
            location = exchange.header("Location")
            if 300 <= exchange.status < 400 and exchange.status != 304 and location:
                nxt = urljoin(current, location.strip())
                refused = allow(nxt) if allow else None
                if refused:
                    result.status, result.error, result.skip = exchange.status, f"redirect to {nxt}: {refused}", True
                    return result
                current = nxt
                headers = {}  # validators belong to the first URL only
                if min_wait and self.stop.wait(min_wait):
                    result.error = "stopped"
                    return result
                continue
            result.status = exchange.status
            result.body = exchange.body
            result.content_type = exchange.header("Content-Type")
            result.etag = exchange.header("ETag")
            result.last_modified = exchange.header("Last-Modified")
            if exchange.status >= 400:
                result.error = f"HTTP {exchange.status}"
            return result
        result.error = "too many redirects"
        return result

    def _get_with_retries(self, url: str, headers: dict, accept: tuple[str, ...], min_wait: float):
        cfg = self.config
        attempt = 0
        while True:
            attempt += 1
            exchange, error, transient = self._get_once(url, headers, accept)
            timed_out = bool(error) and error.startswith("timeout")
            if not transient or timed_out or attempt > cfg.retries or self.stop.is_set():
                return exchange, error, None, attempt
            wait = cfg.backoff * 2 ** (attempt - 1)
            asked = _retry_after(exchange.header("Retry-After")) if exchange else None
            if asked is not None:
                wait = asked
            wait = max(wait, min_wait)
            if wait > cfg.max_wait:
                return exchange, error, wait, attempt
            if self.stop.wait(wait):
                return exchange, error, None, attempt

    def _get_once(self, url: str, headers: dict, accept: tuple[str, ...]) -> tuple[Exchange | None, str | None, bool]:
        """One GET: (exchange, error, transient?)."""
        import requests

        cfg = self.config
        try:
            resp = self.session.get(url, headers=headers, stream=True, allow_redirects=False,
                                    timeout=(cfg.connect_timeout, cfg.read_timeout))
        except requests.Timeout:
            return None, "timeout", True
        except requests.ConnectionError:
            return None, "connection failed", True
        except requests.RequestException as exc:
            return None, f"request failed ({exc.__class__.__name__})", False
        with resp:
            exchange = Exchange(
                url=url,
                request_headers=list(resp.request.headers.items()),
                status=resp.status_code,
                reason=resp.reason or "",
                headers=[(k, v) for k, v in resp.raw.headers.items()
                         if k.lower() not in ("transfer-encoding", "content-encoding")],
                http_version="HTTP/1.0" if getattr(resp.raw, "version", 11) == 10 else "HTTP/1.1",
            )
            if resp.status_code in RETRY_STATUS:
                return exchange, f"HTTP {resp.status_code}", True
            if resp.status_code != 200:
                return exchange, None, False
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype and not ctype.startswith(accept):
                return exchange, f"not HTML ({ctype})", False
            declared = int(resp.headers.get("Content-Length") or 0) if resp.headers.get(
                "Content-Length", "").isdigit() else 0
            if declared > cfg.max_bytes:
                return exchange, f"too large ({declared} bytes)", False
            chunks, total, deadline = [], 0, time.monotonic() + cfg.total_timeout
            try:
                for chunk in resp.iter_content(65536):
                    total += len(chunk)
                    if total > cfg.max_bytes:
                        return exchange, f"too large (over {cfg.max_bytes} bytes)", False
                    if time.monotonic() > deadline:
                        return exchange, "timeout (body too slow)", True
                    chunks.append(chunk)
            except requests.RequestException as exc:
                if _timed_out(exc):  # headers came, then the body stalled: a timeout like any other
                    return exchange, "timeout (body stalled)", True
                return exchange, f"body cut short ({exc.__class__.__name__})", True
            exchange.body = b"".join(chunks)
            return exchange, None, False


def _timed_out(exc: Exception) -> bool:
    """requests reports a read timeout inside the body as a ConnectionError around urllib3's."""
    from urllib3.exceptions import ReadTimeoutError

    return any(isinstance(a, ReadTimeoutError) for a in (exc, *exc.args))


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
