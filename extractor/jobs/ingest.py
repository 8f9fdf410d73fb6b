"""`extractor ingest`: local files → extract → store, as if they had been crawled.

HTML and text files are extracted with the current extractor and their bytes kept in
the store (``raw_pages``) so ``reprocess`` can redo them later; ``.jsonl`` files hold
records already extracted (the output of ``extractor extract``) and are stored as is.
One record, one transaction: a bad file is reported in one line and the rest goes on.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PAGE_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}
SUFFIXES = (*PAGE_TYPES, ".jsonl")


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
                if path.suffix.lower() == ".jsonl":
                    _ingest_jsonl(store, path, report)
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


def _ingest_jsonl(store, path: Path, report: JobReport) -> None:
    from pydantic import ValidationError

    from extractor.errors import ExtractorError
    from extractor.record import Record

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        report.fail(str(path), f"cannot read: {exc.__class__.__name__}")
        return
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = Record.model_validate_json(line)
            if record.error and not record.text:
                report.fail(f"{path}:{lineno}", f"record carries an error: {record.error}")
                continue
            res = store.save_record(record)
        except ValidationError as exc:
            report.fail(f"{path}:{lineno}", f"not a record ({exc.error_count()} problems,"
                        f" first: {exc.errors()[0]['msg']})")
            continue
        except ExtractorError as exc:
            report.fail(f"{path}:{lineno}", str(exc))
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
