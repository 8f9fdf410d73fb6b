"""Inputs that hold no article: each gives a ReadError with a short reason, never a traceback."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.errors import ReadError
from extractor.inputs import load
from extractor.read import read


@pytest.mark.parametrize("data,reason", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "zip"),
    (b"\x00\x01\x02\x03binary\x00stuff" * 10, "binary"),
])
def test_binary(data, reason):
    with pytest.raises(ReadError, match=reason):
        read(data)


def test_binary_content_type():
    with pytest.raises(ReadError, match="image/jpeg"):
        read(b"abc", content_type="image/jpeg")


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n", "\ufeff".encode()])
def test_empty(data):
    with pytest.raises(ReadError, match="empty"):
        read(data)


def test_html_without_article():
    html = b"<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav><form><input name='q'></form></body></html>"
    with pytest.raises(ReadError, match="no article text"):
        read(html)


def test_text_that_is_only_furniture():
    with pytest.raises(ReadError, match="no article"):
        read("Vietnam.vn - Nền tảng quảng bá Việt Nam\n\nComment (0)\n\nMême sujet\n")


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        load(str(tmp_path / "nope.html"))


def test_directory(tmp_path):
    with pytest.raises(ReadError, match="directory"):
        load(str(tmp_path))


def test_unreadable_file(tmp_path, monkeypatch):
    page = tmp_path / "locked.html"
    page.write_text("<p>x</p>")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(ReadError, match="permission denied"):
        load(str(page))


def test_too_large(tmp_path):
    big = tmp_path / "big.html"
    with open(big, "wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(ReadError, match="too large"):
        load(str(big))
