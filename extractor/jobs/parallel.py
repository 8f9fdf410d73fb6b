"""Re-extraction on Dask: pages extracted in parallel, handed back in order.

Why Dask distributed (not Ray): the work is a plain map of a Python function over pages,
with no shared state; ``distributed`` gives that with a ``LocalCluster`` (one process per
core, so spaCy's pipelines run in parallel without the GIL) or, unchanged, a scheduler
address for many machines, is pure Python from PyPI (wheels only, no daemon to install),
and its futures let the single writer consume results in order while later pages are still
being extracted. Ray would add a large runtime for what a future-based map needs.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

CHUNK = 64  # pages per task: a page takes milliseconds, and so does sending a task
AHEAD = 4   # tasks in flight per worker: every core kept busy, memory bounded


def local_client(workers: int = 0):
    """A Dask client of a new LocalCluster: ``workers`` processes (0: one per core), one
    thread each (spaCy holds the GIL)."""
    import logging

    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    n = workers if workers > 0 else (os.cpu_count() or 1)
    return Client(LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None))


def extract_pages(pages: Iterable, root: Path, *, workers: int = 0, scheduler: str | None = None,
                  client=None) -> Iterator[tuple[object, tuple]]:
    """Yield ``(page, outcome)`` for every page, in the order given (outcome as
    :func:`extractor.jobs.reprocess.extract_page` returns it). ``workers``: processes of a
    local cluster (0: one per core); ``scheduler``: the address of a running cluster
    instead; ``client``: a Dask client to use (and leave open)."""
    from distributed import Client

    own = client is None
    if own:
        client = Client(scheduler) if scheduler else local_client(workers)
    try:
        slots = AHEAD * max(1, len(client.scheduler_info().get("workers", {})) or 1)
        pending: deque = deque()
        root = Path(root).resolve()
        for chunk in _chunks(pages, CHUNK):
            pending.append((chunk, client.submit(_extract_chunk, chunk, root, pure=False)))
            if len(pending) >= slots:
                done, future = pending.popleft()
                yield from zip(done, future.result())
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result())
    finally:
        if own:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_chunk(pages: list, root: Path) -> list[tuple]:
    """On a Dask worker: the outcome of every page of one task."""
    from extractor.jobs.reprocess import extract_page

    return [extract_page(page, root) for page in pages]
