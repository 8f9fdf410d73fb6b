"""Manners per host: robots.txt (protego) with Crawl-delay, and one request at a time with a pause.

Hosts are independent, so several can be crawled in parallel; within a host the next
request starts no sooner than ``delay`` seconds after the previous one ended.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from extractor.crawl.fetch import Fetched, Fetcher


@dataclass
class Host:
    """What we know about one host during a crawl."""

    name: str
    delay: float
    robots: object | None = None      # protego.Protego once robots.txt is read
    robots_error: str | None = None   # robots.txt unreachable → the host is off limits (RFC 9309)
    ready_at: float = 0.0             # monotonic time before which no request may start
    busy: bool = False


class Politeness:
    """robots.txt and per-host pacing for one crawl."""

    def __init__(self, fetcher: Fetcher, *, delay: float = 1.0, user_agent: str | None = None):
        self.fetcher = fetcher
        self.delay = delay
        self.agent = (user_agent or fetcher.config.user_agent).split("/")[0]
        self.hosts: dict[str, Host] = {}
        self._lock = threading.Lock()

    def host(self, name: str) -> Host:
        with self._lock:
            if name not in self.hosts:
                self.hosts[name] = Host(name, self.delay)
            return self.hosts[name]

    def ready(self, name: str, now: float | None = None) -> bool:
        """Whether a request to ``name`` may be handed to a worker now."""
        host = self.host(name)
        return not host.busy and (now or time.monotonic()) >= host.ready_at

    def load_robots(self, scheme: str, name: str) -> Fetched | None:
        """Fetch and parse robots.txt for a host (once); returns the fetch, for the archive."""
        from protego import Protego

        host = self.host(name)
        if host.robots is not None or host.robots_error:
            return None
        url = f"{scheme}://{name}/robots.txt"
        fetched = self.fetcher.fetch(url, accept=("text/plain", "text/html", "application/octet-stream"),
                                     min_wait=host.delay)
        if fetched.status == 200 and not fetched.error:
            host.robots = Protego.parse(fetched.body.decode("utf-8", "replace"))
            crawl_delay = host.robots.crawl_delay(self.agent)
            if crawl_delay:
                host.delay = max(host.delay, float(crawl_delay))
        elif 400 <= fetched.status < 500:
            host.robots = Protego.parse("")  # no robots.txt: everything allowed
        else:
            host.robots_error = f"robots.txt unreachable ({fetched.error or fetched.status})"
        self._pace(host)  # after Crawl-delay is known: the robots.txt request counts toward it
        return fetched

    def allowed(self, url: str, name: str) -> str | None:
        """None when robots.txt lets us fetch ``url``, else the reason not to."""
        host = self.host(name)
        if host.robots_error:
            return host.robots_error
        if host.robots is not None and not host.robots.can_fetch(url, self.agent):
            return "disallowed by robots.txt"
        return None

    def sitemaps(self, name: str) -> list[str]:
        host = self.host(name)
        return list(host.robots.sitemaps) if host.robots is not None else []

    def wait_turn(self, name: str) -> None:
        """Block until the host's pause since its last request is over (called by the worker)."""
        host = self.host(name)
        wait = host.ready_at - time.monotonic()
        if wait > 0:
            self.fetcher.stop.wait(wait)

    def done(self, name: str) -> None:
        self._pace(self.host(name))

    def _pace(self, host: Host) -> None:
        host.ready_at = time.monotonic() + host.delay
