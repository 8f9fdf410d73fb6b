"""`extractor extract` end to end: files, stdin, URLs from a local server, errors and formats.

The NLP stage is replaced by an empty one here: these tests are about inputs, order,
errors and output formats (tests/test_schema.py runs the real pipeline).
"""
from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from extractor import nlp
from extractor.cli import main

PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.fixture(autouse=True)
def no_nlp(monkeypatch):
    monkeypatch.setattr(nlp, "annotate", lambda text, **kw: nlp.Annotations())


@pytest.fixture
def site():
    """A tiny news site on 127.0.0.1: one article, one broken page, one PDF."""
    page = (PAGES / "en-article.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/article.html":
                self._send(200, "text/html; charset=utf-8", page)
            elif self.path == "/report.pdf":
                self._send(200, "application/pdf", b"%PDF-1.4 ...")
            else:
                self._send(500, "text/plain", b"server error")

        def _send(self, code, ctype, body):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(argv, capsys):
    code = main(["extract", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_files_in_input_order(capsys):
    inputs = [str(PAGES / "vi-dump.txt"), str(PAGES / "fr-article.html"), str(PAGES / "en-wire.txt")]
    code, out, err = run(inputs, capsys)
    assert code == 0 and err == ""
    recs = records(out)
    assert [r["input"] for r in recs] == inputs
    assert [r["language"] for r in recs] == ["vi", "fr", "en"]
    first = recs[0]
    assert first["published"] == "2025-09-25" and first["figures"] == [] and first["error"] is None
    assert len(first["content_sha256"]) == 64 and first["schema_version"]


def test_url_and_server_error(site, capsys):
    good, bad, pdf = f"{site}/article.html", f"{site}/missing.html", f"{site}/report.pdf"
    code, out, err = run([bad, good, pdf], capsys)
    assert code == 1
    recs = records(out)
    assert [r["input"] for r in recs] == [bad, good, pdf]
    assert recs[0]["error"] == "HTTP 500" and recs[0]["text"] == ""
    assert recs[1]["error"] is None and recs[1]["url"] == good
    assert recs[1]["title"] == "Tra Vinh Khmer pagodas host health insurance sign-up days"
    assert "PDF" in recs[2]["error"]
    lines = err.strip().splitlines()
    assert lines == [f"extractor: {bad}: HTTP 500", f"extractor: {pdf}: binary input: a PDF document, not an article"]


def test_stdin(monkeypatch, capsys):
    data = (PAGES / "fr-portal-dump.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(["-"], capsys)
    rec = records(out)[0]
    assert code == 0 and rec["input"] == "-" and rec["language"] == "fr"
    assert rec["source_url"].startswith("https://baoquangtri.vn/")


def test_json_format(capsys):
    code, out, _ = run(["--format", "json", str(PAGES / "en-wire.txt"), str(PAGES / "vi-article.html")], capsys)
    data = json.loads(out)
    assert code == 0 and isinstance(data, list) and len(data) == 2
    assert data[1]["title"].startswith("Yên Thế")


def test_errors_do_not_stop_the_others(tmp_path, capsys):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.5\n")
    inputs = [str(tmp_path / "missing.html"), str(tmp_path), str(empty), str(pdf), str(PAGES / "en-wire.txt")]
    code, out, err = run(inputs, capsys)
    recs = records(out)
    assert code == 1 and [r["input"] for r in recs] == inputs
    assert [bool(r["error"]) for r in recs] == [True, True, True, True, False]
    assert len(err.strip().splitlines()) == 4
    assert all(line.startswith("extractor: ") and "Traceback" not in line for line in err.splitlines())


def test_lang_option(capsys):
    _, out, _ = run(["--lang", "vi", str(PAGES / "en-wire.txt")], capsys)
    assert records(out)[0]["language"] == "vi"


def test_internal_error_becomes_an_error_record(monkeypatch, capsys):
    def boom(text, **kw):
        raise ValueError("bad state")

    monkeypatch.setattr(nlp, "annotate", boom)
    code, out, err = run([str(PAGES / "en-wire.txt")], capsys)
    assert code == 1 and "internal error" in records(out)[0]["error"] and "Traceback" not in err
