"""Bytes → text: BOMs, declared charsets, legacy Vietnamese and charsets that lie."""
from __future__ import annotations

import codecs

import pytest

from conftest import to_cp1258
from extractor.errors import ReadError
from extractor.read import read
from extractor.read.decode import decode

VI = "Ông Trần Văn Đức cho biết người dân được hỗ trợ mua thẻ bảo hiểm y tế ở xã Hương Đô."


def test_utf8_and_bom():
    assert decode(VI.encode("utf-8")) == VI
    assert decode(codecs.BOM_UTF8 + VI.encode("utf-8")) == VI
    assert decode(VI.encode("utf-16")) == VI


def test_windows_1258_declared(legacy_source):
    data = to_cp1258(legacy_source.replace("charset=utf-8", "charset=windows-1258"))
    article = read(data)
    assert "Ở xã Sơn Kim 1, huyện Hương Sơn" in article.text
    assert article.title == "Hương Sơn: Tổ vay vốn giúp hội viên đóng BHXH tự nguyện"


def test_windows_1258_behind_a_wrong_utf8_meta(legacy_source):
    data = to_cp1258(legacy_source)  # still says charset=utf-8
    assert "yên tâm hơn về tuổi già." in read(data).text


def test_windows_1258_from_http_header_only():
    assert decode(to_cp1258(VI), "text/plain; charset=windows-1258") == VI


def test_utf8_behind_a_latin1_meta(legacy_source):
    data = legacy_source.replace("charset=utf-8", "charset=iso-8859-1").encode("utf-8")
    assert "Ở xã Sơn Kim 1" in read(data).text


def test_cp1252_french_declared_utf8():
    text = "La couverture a atteint 93,9 % à la fin de l’année, précise la Sécurité sociale."
    assert decode(text.encode("cp1252"), "text/html; charset=utf-8") == text


def test_decomposed_input_comes_out_nfc():
    import unicodedata

    assert decode(unicodedata.normalize("NFD", VI).encode("utf-8")) == VI


def test_undecodable_bytes():
    with pytest.raises(ReadError, match="undecodable"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8abc")
