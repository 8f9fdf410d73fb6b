"""Every fetched response, as read, in WARC files (warcio): the corpus can be re-extracted
without fetching again, and a researcher can cite exactly the bytes that were read.

Each crawl process writes its own gzipped file ``crawl-YYYYMMDDTHHMMSS-[WORKER-]PID-NNNNN.warc.gz``
(rotated at ``max_size``), so a process killed mid-write never corrupts a file another run
appends to. Each response is stored with its request; its place is ``(warc_file, offset)``,
where ``warc_file`` is relative to the archive's root (the folder holding the database).
Bodies are stored decoded (gzip/chunked removed), with the HTTP headers adjusted to match.
"""
from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from extractor.crawl.fetch import Exchange
from extractor.errors import ReadError

_DROP = {"content-length", "content-encoding", "transfer-encoding"}


class WarcArchive:
    """Writes responses to ``root/warc/``; thread-safe."""

    def __init__(self, root: str | Path, *, folder: str = "warc", max_size: int = 1 << 30,
                 tag: str | None = None):
        self.root = Path(root)
        self.tag = re.sub(r"[^\w.-]+", "_", tag) + "-" if tag else ""  # a worker's name: files apart
        self.folder = folder
        self.max_size = max_size
        self._lock = threading.Lock()
        self._fh = None
        self._writer = None
        self._name: str | None = None
        self._serial = 0

    def _open(self) -> None:
        from warcio.warcwriter import WARCWriter

        self._serial += 1
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        self._name = f"{self.folder}/crawl-{stamp}-{self.tag}{os.getpid()}-{self._serial:05d}.warc.gz"
        path = self.root / self._name
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)
        info = self._writer.create_warcinfo_record(path.name, {
            "software": "coverage-news-extractor crawler (warcio)",
            "format": "WARC File Format 1.1",
        })
        self._writer.write_record(info)

    def write(self, exchange: Exchange) -> tuple[str, int]:
        """Archive one request/response pair; returns ``(warc_file, offset)`` of the response."""
        from warcio.statusandheaders import StatusAndHeaders

        headers = [(k, v) for k, v in exchange.headers if k.lower() not in _DROP]
        headers.append(("Content-Length", str(len(exchange.body))))
        http_headers = StatusAndHeaders(f"{exchange.status} {exchange.reason}".strip(), headers,
                                        protocol=exchange.http_version)
        with self._lock:
            if self._writer is None or self._fh.tell() > self.max_size:
                self.close()
                self._open()
            writer = self._writer
            response = writer.create_warc_record(exchange.url, "response", payload=BytesIO(exchange.body),
                                                 http_headers=http_headers)
            path = _request_path(exchange.url)
            request = writer.create_warc_record(
                exchange.url, "request", payload=BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {path} HTTP/1.1", exchange.request_headers,
                                              is_http_request=True),
            )
            request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
            offset = self._fh.tell()
            writer.write_record(response)
            writer.write_record(request)
            self._fh.flush()
            return self._name, offset

    def close(self) -> None:
        with_fh, self._fh, self._writer = self._fh, None, None
        if with_fh:
            with_fh.close()


def _request_path(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@dataclass
class Archived:
    """A response read back from the archive."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    date: str | None

    @property
    def content_type(self) -> str | None:
        return next((v for k, v in self.headers if k.lower() == "content-type"), None)


def read_record(warc_file: str | Path, offset: int, *, root: str | Path | None = None) -> Archived:
    """Read the response stored at ``offset`` of ``warc_file`` (relative paths are under ``root``)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = Path(warc_file)
    if not path.is_absolute() and root is not None:
        path = Path(root) / path
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    break
                status = int((record.http_headers.get_statuscode() or "0"))
                return Archived(
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    status=status,
                    headers=list(record.http_headers.headers),
                    body=record.content_stream().read(),
                    date=record.rec_headers.get_header("WARC-Date"),
                )
    except FileNotFoundError:
        raise ReadError(f"{path}: no such WARC file") from None
    except (OSError, ArchiveLoadFailed, ValueError) as exc:
        raise ReadError(f"{path}@{offset}: unreadable WARC record ({exc.__class__.__name__})") from None
    raise ReadError(f"{path}@{offset}: no response record there")
