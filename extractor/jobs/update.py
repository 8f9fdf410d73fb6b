"""`extractor update`: what a scheduler runs — incremental crawl, registry refresh, report.

Safe under cron or a systemd timer: a lock file beside the database (``flock``) refuses
a second run while one is going; a log of every run is appended to ``logs/update.log``
beside the database; the exit status says what happened (see ``EXIT_*``).
The sites come from ``update.toml`` beside the database (``sites = [...]``, plus
optional ``max_pages``, ``langs``, ``delay``, ``since`` …); without it, every built-in
site profile is crawled. A config named with ``--config`` must exist, and every setting
is checked (sites known, dates real) before anything runs: a typo in a cron line is an
error, not a crawl of everything.
"""
from __future__ import annotations

import fcntl
import logging
import os
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.store.backend import DB_ERRORS, archive_root, is_url

EXIT_OK = 0  # every page fetched and stored
EXIT_SOME_FAILED = 1  # the run finished but some pages failed
EXIT_USAGE = 2  # bad arguments or configuration
EXIT_LOCKED = 3  # another update holds the lock: nothing done
EXIT_CRAWL_ERROR = 4  # the crawl stopped on an error (what was stored stays stored)
EXIT_STORE_ERROR = 5  # the corpus database could not be opened or written (locked, full, corrupt)
EXIT_INTERRUPTED = 130  # interrupted (Ctrl-C, SIGTERM): the next run resumes where it stopped

CONFIG_KEYS = {"sites": list, "max_pages": int, "langs": list, "delay": (int, float), "since": str,
               "keep_all": bool, "max_depth": int, "connect_timeout": (int, float), "read_timeout": (int, float)}


class UpdateError(Exception):
    """Trouble that ends an update before or around the crawl, with the exit status it means."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


@dataclass
class UpdateResult:
    """An update's exit status, its report lines, and the crawl and registry counts."""

    code: int
    lines: list[str] = field(default_factory=list)
    crawl: dict = field(default_factory=dict)
    registry: dict = field(default_factory=dict)
    seconds: float = 0.0

    def render(self) -> str:
        return "\n".join(self.lines)


def paths_for(db_path: str | Path) -> dict[str, Path]:
    """Where an update of the corpus at ``db_path`` keeps its lock, log and settings."""
    if is_url(db_path):  # a shared corpus: beside the archive (EXTRACTOR_ARCHIVE, else corpus/)
        root = archive_root(db_path)
        return {"lock": root / "update.lock", "log": root / "logs" / "update.log", "config": root / "update.toml"}
    db = Path(db_path)
    return {"lock": db.with_name(db.name + ".lock"), "log": db.parent / "logs" / "update.log",
            "config": db.parent / "update.toml"}


def load_config(path: Path, *, required: bool = False) -> dict:
    """The update settings, checked; a missing default file means every built-in site with
    the defaults, a missing ``required`` one (named with ``--config``) is an error."""
    if not path.exists():
        if required:
            raise UpdateError(f"{path}: no such config file", EXIT_USAGE)
        return {"sites": []}
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise UpdateError(f"{path}: not a valid TOML file ({exc})", EXIT_USAGE) from None
    for key, value in config.items():
        if key not in CONFIG_KEYS:
            raise UpdateError(f"{path}: unknown setting {key!r} (known: {', '.join(CONFIG_KEYS)})", EXIT_USAGE)
        if not isinstance(value, CONFIG_KEYS[key]) or isinstance(value, bool) != (CONFIG_KEYS[key] is bool):
            raise UpdateError(f"{path}: setting {key!r} has the wrong type", EXIT_USAGE)
    config.setdefault("sites", [])
    problem = _config_problem(config)
    if problem:
        raise UpdateError(f"{path}: {problem}", EXIT_USAGE)
    return config


def _config_problem(config: dict) -> str | None:
    """What is wrong with the values of a parsed config (unknown site, bad date …), or None."""
    from datetime import date

    from extractor.crawl.sites import resolve
    from extractor.errors import ExtractorError
    from extractor.read.rules import data

    if not all(isinstance(s, str) for s in config["sites"]):
        return "sites: a list of site profile names or URLs"
    try:
        resolve(config["sites"])
    except ExtractorError as exc:
        return f"sites: {exc}"
    unknown = [x for x in config.get("langs", []) if x not in data("language")["candidates"]]
    if unknown:
        return f"langs: unknown language {unknown[0]!r}"
    if "since" in config:
        try:
            date.fromisoformat(config["since"][:10])
        except ValueError:
            return f"since: {config['since']!r} is not a date like 2025-01-01"
    for key, low in (("max_pages", 1), ("max_depth", 0), ("delay", 0)):
        if key in config and config[key] < low:
            return f"{key}: {config[key]} is too small (at least {low})"
    for key in ("connect_timeout", "read_timeout"):
        if key in config and not config[key] > 0:
            return f"{key}: must be more than 0 seconds"
    return None


class Lock:
    """An exclusive, non-blocking ``flock`` on a file; released by the kernel if we die."""

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def __enter__(self) -> Lock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise UpdateError(f"{self.path}: cannot take the lock ({exc.strerror or exc})", EXIT_STORE_ERROR) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip()
            os.close(fd)
            raise UpdateError(f"another update is running (lock {self.path}"
                              f"{', pid ' + holder if holder else ''})", EXIT_LOCKED) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def _logger(path: Path) -> logging.Logger:
    log = logging.getLogger(f"extractor.update.{path}")
    if not log.handlers:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError as exc:
            raise UpdateError(f"{path}: cannot write the log ({exc.strerror or exc})", EXIT_STORE_ERROR) from None
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log


def update(db_path: str | Path, *, config_path: str | Path | None = None, max_pages: int | None = None,
           progress: bool = True, crawl: Callable | None = None, lines_every: float | None = None) -> UpdateResult:
    """Run one update; never raises for expected trouble (the result's ``code`` says it).

    ``crawl`` stands in for :func:`extractor.jobs.crawl.crawl` (tests pass a fake one)."""
    from extractor.store import StoreError
    from extractor.store.db import writable_problem

    paths = paths_for(db_path)
    started = time.monotonic()
    log: logging.Logger | None = None  # the log file is opened once the settings and database are fine
    try:
        config = load_config(Path(config_path) if config_path else paths["config"], required=bool(config_path))
        problem = writable_problem(db_path)
        if problem:
            raise UpdateError(f"{db_path}: {problem}", EXIT_STORE_ERROR)
        log = _logger(paths["log"])
        with Lock(paths["lock"]):
            log.info("update started: db=%s sites=%s", db_path, config["sites"] or "all built-in profiles")
            try:
                result = _run(db_path, config, max_pages, (progress, lines_every), crawl, log)
            except DB_ERRORS as exc:
                log.exception("store error")
                raise UpdateError(f"{db_path}: corpus database error ({exc})", EXIT_STORE_ERROR) from None
            except StoreError as exc:
                log.warning("store error: %s", exc)
                raise UpdateError(str(exc), EXIT_STORE_ERROR) from None
    except UpdateError as exc:
        if log:
            log.warning("update refused: %s", exc)
        return UpdateResult(exc.code, [f"extractor update: {exc}"])
    result.seconds = time.monotonic() - started
    result.lines.append(f"done in {result.seconds:.1f} s; log: {paths['log']}")
    log.info("update finished: exit %d in %.1f s", result.code, result.seconds)
    return result


def _run(db_path: str | Path, config: dict, max_pages: int | None, progress: tuple[bool, float | None],
         crawl: Callable | None, log: logging.Logger) -> UpdateResult:
    from extractor.crawl.fetch import FetchConfig
    from extractor.store import StoreError

    if crawl is None:
        from extractor.jobs.crawl import crawl
    timeouts = {k: float(config[k]) for k in ("connect_timeout", "read_timeout") if k in config}
    extra = {"fetch_config": FetchConfig(**timeouts)} if timeouts else {}
    if "max_depth" in config:
        extra["max_depth"] = config["max_depth"]
    if progress[1]:
        extra["lines_every"] = progress[1]
    try:
        report = crawl(db_path, list(config["sites"]), since=config.get("since"),
                       max_pages=max_pages or config.get("max_pages"), langs=config.get("langs"),
                       delay=float(config.get("delay", 1.0)), keep_all=config.get("keep_all", False),
                       progress=progress[0], **extra)
    except StoreError:
        raise
    except Exception as exc:  # the crawl is an outside world: report it, keep what was stored
        log.exception("crawl failed")
        registry = _refresh_quietly(db_path, log)
        return UpdateResult(EXIT_CRAWL_ERROR, [f"extractor update: crawl stopped: {exc.__class__.__name__}: {exc}",
                                               _registry_line(registry)], registry=registry)
    summary = report.as_dict()
    counts = summary["totals"]
    log.info("crawl: %s", counts)
    for error in summary["errors"]:
        log.warning("crawl error: %s", error)
    registry = getattr(report, "registry", None)  # the crawl regroups it when it stored something
    if registry:
        log.info("registry: %s", registry)
    else:
        registry = _refresh_quietly(db_path, log)
    lines = [_text(report.render()), _registry_line(registry)]
    if summary["interrupted"]:
        return UpdateResult(EXIT_INTERRUPTED, lines, counts, registry)
    return UpdateResult(EXIT_SOME_FAILED if counts.get("failed") else EXIT_OK, lines, counts, registry)


def _text(renderable) -> str:
    """A report as plain text (the crawler's report is a rich Table)."""
    import io

    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=100, color_system=None).print(renderable)
    return buf.getvalue().rstrip()


def _refresh_quietly(db_path: str | Path, log: logging.Logger) -> dict:
    """Regroup the registry (also after a failed crawl: what it stored stays) and log its counts."""
    from extractor.store import open_store
    from extractor.store.registry import refresh

    store = open_store(db_path)
    try:
        registry = refresh(store.conn)
        log.info("registry: %s", registry)
        return registry
    finally:
        store.close()


def _registry_line(registry: dict) -> str:
    return (f"registry: {registry.get('initiatives', 0)} initiatives,"
            f" {registry.get('stories', 0)} stories")
