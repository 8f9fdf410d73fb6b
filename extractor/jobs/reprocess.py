"""`extractor reprocess`: re-extract stored pages with the current extractor, no fetching.

Pages come from the archive: the WARC record a crawled page was written to, or the copy
of an ingested file kept in the store. A page whose text or extractor version differs
gets a new revision; the old one stays as history. Records stored straight from JSONL
have no page behind them and are skipped.

Crawled pages the crawl did not store (off-topic, not an article, an error …) are in
the archive too, and are read again: one the current rules find relevant is stored, so
a better relevance rule recovers what an older one skipped. Pages left out by the
crawl's own filters (``--lang``, ``--since``) stay out.
"""
from __future__ import annotations

import re
from pathlib import Path

from extractor.jobs.ingest import JobReport, progress_bar


def version_key(version: str | None) -> tuple:
    """"0.10.1" > "0.9": compare versions number by number (suffixes after the numbers)."""
    parts = re.findall(r"\d+|[^\d.]+", version or "")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def reprocess(db_path: str | Path, *, since_version: str | None = None, progress: bool = True,
              workers: int = 1, scheduler: str | None = None) -> JobReport:
    """Re-extract every stored page (or those made before ``since_version``), then regroup the registry.

    ``workers`` > 1 (0: every core) extracts on a Dask ``LocalCluster`` of that many
    processes, ``scheduler`` on a running Dask cluster (``tcp://host:8786``, machines that
    see the same WARC folder); this process alone writes, in the same order, so the
    records, revisions and ids are those of a single-process run."""
    from extractor.store import open_store
    from extractor.store.archive import pages_to_reprocess
    from extractor.store.backend import archive_root
    from extractor.store.registry import refresh

    report = JobReport()
    store = open_store(db_path)
    try:
        pages = [p for p in pages_to_reprocess(store.conn)
                 if since_version is None or version_key(p.extractor_version) < version_key(since_version)]
        skipped = _skipped_pages(store)
        root = archive_root(db_path)
        with progress_bar(progress, len(pages) + len(skipped), "reprocess") as advance:
            if workers != 1 or scheduler:
                from extractor.jobs.parallel import extract_pages

                for page, outcome in extract_pages(pages, root, workers=workers, scheduler=scheduler):
                    _save(store, page, outcome, report)
                    advance()
            else:
                for page in pages:
                    _save(store, page, extract_page(page, root), report)
                    advance()
            for row in skipped:
                _recover(store, row, report, root)
                advance()
        report.registry = refresh(store.conn)
    finally:
        store.close()
    return report


def extract_page(page, root: Path):
    """The record re-extracted from a stored page, or why not: ("skip", None) when no page is
    kept, ("fail", message) on an error. Pure (no database): it runs on Dask workers too."""
    from extractor.core import extract
    from extractor.crawl.sites import selectors_for
    from extractor.errors import ExtractorError

    if page.raw is None and not page.warc_file:
        return "skip", None
    try:
        data, ctype = (page.raw, page.content_type) if page.raw is not None else _from_warc(page, root)
        record = extract(data, url=page.url, content_type=ctype, selectors=selectors_for(page.url))
    except ExtractorError as exc:
        return "fail", str(exc)
    except OSError as exc:
        return "fail", f"archive unreadable: {exc.strerror or exc}"
    except Exception as exc:  # an extractor bug on one page must not stop a batch
        return "fail", f"extraction failed ({exc.__class__.__name__}: {exc})"
    record.url, record.input = page.url, page.input  # same article, whatever the new reader says
    return "ok", record


def _save(store, page, outcome, report: JobReport) -> None:
    kind, value = outcome
    if kind == "skip":
        report.counts["skipped"] += 1
        return
    if kind == "fail":
        report.fail(page.url or page.input, value)
        return
    res = store.save_record(value, fetched_at=page.fetched_at, warc_file=page.warc_file,
                            warc_offset=page.warc_offset, http_status=page.http_status,
                            raw=page.raw, content_type=page.content_type)
    report.counts[res.status] += 1


def _from_warc(page, root: Path) -> tuple[bytes, str | None]:
    """The archived response body and its Content-Type, through the crawler's WARC reader."""
    from extractor.crawl.warc import read_record

    archived = read_record(page.warc_file, page.warc_offset, root=root)
    return archived.body, archived.content_type


def _skipped_pages(store) -> list:
    """Crawled article pages in the archive that the store does not hold."""
    from extractor.crawl import frontier

    # A page skipped by the user's own filters (--lang, --since) stays skipped: a crawl with
    # other filters reconsiders it.
    return [row for row in frontier.archived_pages(store.conn) if row["skip_reason"] not in ("language", "too old")
            and not store.holds([u for u in (row["url"], row["final_url"], row["canonical"]) if u])]


def _recover(store, row, report: JobReport, root: Path) -> None:
    """Store a skipped page if the current extractor and topic rules find it relevant."""
    from extractor.core import extract
    from extractor.crawl import frontier, topic
    from extractor.crawl.sites import selectors_for
    from extractor.crawl.warc import read_record
    from extractor.errors import ExtractorError

    url = row["final_url"] or row["url"]
    try:
        archived = read_record(row["warc_file"], row["warc_offset"], root=root)
        record = extract(archived.body, url=url, content_type=archived.content_type, selectors=selectors_for(url))
    except ExtractorError:
        report.counts["skipped"] += 1  # still no article there, or its archive copy is gone
        return
    except Exception as exc:  # an extractor bug on one page must not stop a batch
        report.fail(url, f"extraction failed ({exc.__class__.__name__}: {exc})")
        return
    if not (record.relevant or topic.matches(url, record.title)):
        report.counts["skipped"] += 1
        return
    res = store.save_record(record, fetched_at=row["fetched_at"], warc_file=row["warc_file"],
                            warc_offset=row["warc_offset"], http_status=archived.status)
    frontier.mark_stored(store.conn, row["url"])
    report.counts[res.status] += 1
