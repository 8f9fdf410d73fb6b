"""A corpus built from our fixture articles, served by `extractor serve` on 127.0.0.1."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from .corpus import build


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("web") / "corpus.db")


@pytest.fixture(scope="session")
def server(corpus_db):
    """Base URL of a running server; stopped (by its own pid) at the end of the session."""
    port = free_port()
    log_path = corpus_db.with_name("serve.log")
    log = open(log_path, "wb")  # a file, not a pipe: a full pipe would block the server
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--db", str(corpus_db),
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"server did not start: {log_path.read_text(errors='replace')}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
