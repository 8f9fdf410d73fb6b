"""`extractor ingest`: local files → extract → store, as if they had been crawled.

HTML and text files are extracted with the current extractor and their bytes kept in
the store (``raw_pages``) so ``reprocess`` can redo them later. Records already extracted
(``extractor extract``'s JSONL, or its ``--format json`` array) are recognised by their
suffix or their content and stored as they are; JSON that holds no records (an export of
items, say) is refused in one line, never stored as an article's text.
One record, one transaction: a bad file is reported in one line and the rest goes on.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PAGE_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}
RECORD_SUFFIXES = (".jsonl", ".json")
SUFFIXES = (*PAGE_TYPES, *RECORD_SUFFIXES)


@dataclass
class JobReport:
    """Counts by outcome (new, changed, unchanged, skipped, failed) and one line per failure."""

    counts: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    registry: dict = field(default_factory=dict)

    def fail(self, what: str, why: str) -> None:
        self.counts["failed"] += 1
        self.failures.append(f"{what}: {why}")

    def as_dict(self) -> dict:
        keys = ("new", "changed", "unchanged", "skipped", "failed")
        return {"counts": {k: self.counts.get(k, 0) for k in keys if k != "skipped" or self.counts[k]},
                "failures": self.failures, "registry": self.registry}

    def summary(self) -> str:
        c = self.as_dict()["counts"]
        line = ", ".join(f"{v} {k}" for k, v in c.items())
        if self.registry:
            line += (f"; registry: {self.registry.get('initiatives', 0)} initiatives,"
                     f" {self.registry.get('stories', 0)} stories")
        return line


def expand(paths: list[str], report: JobReport) -> list[Path]:
    """Files named or found (recursively, sorted) under the directories named."""
    files: list[Path] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        elif p.is_file():
            files.append(p)
        elif p.exists():
            report.fail(arg, "not a regular file")
        else:
            report.fail(arg, "no such file or directory")
    return files


def _input_name(path: Path) -> str:
    """How the article's input is recorded: relative to here when below it, so the same
    corpus built from another checkout has the same identities."""
    rel = os.path.relpath(path.resolve(), Path.cwd())
    return rel if not rel.startswith("..") else str(path.resolve())


def ingest(db_path: str | Path, paths: list[str], *, lang: str | None = None,
           progress: bool = True) -> JobReport:
    """Store the files named or found under ``paths`` in the corpus at ``db_path``, then
    regroup the registry; a file that fails is a line of the report, never the end of the job."""
    from extractor.store import open_store
    from extractor.store.registry import refresh

    report = JobReport()
    files = expand(paths, report)
    store = open_store(db_path)
    try:
        with progress_bar(progress, len(files), "ingest") as advance:
            for path in files:
                if path.suffix.lower() in RECORD_SUFFIXES or _looks_like_json(path):
                    _ingest_records(store, path, report)
                else:
                    _ingest_page(store, path, report, lang)
                advance()
        report.registry = refresh(store.conn)
    finally:
        store.close()
    return report


def _ingest_page(store, path: Path, report: JobReport, lang: str | None) -> None:
    from extractor.core import extract
    from extractor.errors import ExtractorError
    from extractor.inputs import load

    try:
        data = load(str(path)).data
        ctype = PAGE_TYPES.get(path.suffix.lower(), "text/html" if b"<html" in data[:2048].lower() else "text/plain")
        record = extract(data, lang=lang, content_type=ctype)
    except ExtractorError as exc:
        report.fail(str(path), str(exc))
        return
    except Exception as exc:  # an extractor bug on one page must not stop a batch
        report.fail(str(path), f"extraction failed ({exc.__class__.__name__}: {exc})")
        return
    record.input = _input_name(path)
    res = store.save_record(record, raw=data, content_type=ctype)
    report.counts[res.status] += 1


def _looks_like_json(path: Path) -> bool:
    """A file of another suffix whose content is JSON objects (records saved as .txt, say)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith((b"{\"", b"[{", b"[\n", b"[\r", b"[ "))


def _rows(path: Path) -> list[tuple[str, object]]:
    """(where, value) of each JSON value in the file: a JSON array's elements, one JSON
    document, or JSON Lines; raises ValueError when the file is not JSON at all."""
    text = path.read_text(encoding="utf-8-sig")
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, list):
        return [(f"{path}[{i}]", v) for i, v in enumerate(whole)]
    if whole is not None:
        return [(str(path), whole)]
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append((f"{path}:{lineno}", json.loads(line)))
            except json.JSONDecodeError:
                if not rows:
                    raise ValueError("not JSON or JSON Lines") from None
                rows.append((f"{path}:{lineno}", None))
    return rows


def _not_records(first: object) -> str | None:
    """Why a file whose first value is ``first`` holds no records, in one line, or None."""
    if not isinstance(first, dict):
        return "not records of `extractor extract` (JSON values that are not objects)"
    if "article_uid" in first:
        what = "items" if "kind" in first else "articles"
        return (f"an export of {what} (`extractor export`), not records: ingest takes what"
                " `extractor extract` writes")
    return None


def _ingest_records(store, path: Path, report: JobReport) -> None:
    from pydantic import ValidationError

    from extractor.errors import ExtractorError
    from extractor.record import Record

    try:
        rows = _rows(path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        report.fail(str(path), f"cannot read records: {getattr(exc, 'strerror', None) or exc}")
        return
    if not rows:
        report.fail(str(path), "no records in this file")
        return
    refused = _not_records(rows[0][1])
    if refused:
        report.fail(str(path), refused)
        return
    for n, (where, value) in enumerate(rows):
        try:
            record = Record.model_validate(value)
            if record.error and not record.text:
                report.fail(where, f"record carries an error: {record.error}")
                continue
            res = store.save_record(record)
        except ValidationError as exc:
            reason = f"{exc.error_count()} problems, first: {exc.errors()[0]['msg']}"
            if n == 0:  # the file is not what ingest takes: one line for all of it
                report.fail(str(path), f"not records of `extractor extract` ({reason})")
                return
            report.fail(where, f"not a record ({reason})")
            continue
        except ExtractorError as exc:
            report.fail(where, str(exc))
            continue
        report.counts[res.status] += 1


class progress_bar:
    """A rich progress bar on stderr (or nothing), as a context giving ``advance()``."""

    def __init__(self, enabled: bool, total: int, label: str):
        self.enabled, self.total, self.label = enabled, total, label

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task(self.label, total=self.total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.bar.stop()
