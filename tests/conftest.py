"""Fixtures shared by every test folder: ``db``, a fresh corpus location on each backend.

``db`` is a SQLite file in the test's folder, then a new PostgreSQL database (copied from
a migrated template, so it is ready in milliseconds) in a throw-away cluster started once
per session (see ``tests/pgcluster.py``). Without PostgreSQL's server binaries the
PostgreSQL variants are skipped, unless ``EXTRACTOR_TEST_PG=required`` (CI) makes that a
failure; ``EXTRACTOR_TEST_PG=postgresql://…`` uses a server of your own.
"""
from __future__ import annotations

import itertools
import os

import pytest

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server the tests may create databases in."""
    setting = os.environ.get("EXTRACTOR_TEST_PG", "")
    if setting.startswith(("postgresql://", "postgres://")):
        yield setting
        return
    from pgcluster import Cluster, binaries

    from importlib.util import find_spec

    binaries_found = binaries() if find_spec("psycopg") else None
    if binaries_found is None:
        if setting == "required":
            pytest.fail("EXTRACTOR_TEST_PG=required but no PostgreSQL server binaries or psycopg")
        pytest.skip("no PostgreSQL server binaries (apt-get install postgresql) or no psycopg")
    cluster = Cluster()
    yield cluster.url
    cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A migrated, empty corpus database that each test's database is copied from."""
    from extractor.store import open_store

    from pgcluster import create_database

    url = create_database(pg_server, f"corpus_template_{os.getpid()}")
    open_store(url).close()
    return url.rsplit("/", 1)[1]


@pytest.fixture
def pg_db(pg_server, pg_template):
    """A new PostgreSQL corpus database, dropped after the test."""
    from pgcluster import create_database, drop_database

    name = f"t{os.getpid()}_{next(_names)}"
    url = create_database(pg_server, name, template=pg_template)
    yield url
    drop_database(pg_server, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """Where a test's corpus lives: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("pg_db")

