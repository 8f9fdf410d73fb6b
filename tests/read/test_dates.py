"""Publication dates as pages write them; never relative to today, never a weekday alone."""
from __future__ import annotations

import pytest

from extractor.read.dates import parse_date, split_date_line


@pytest.mark.parametrize("text,iso", [
    ("09/10/2025", "2025-10-09"),
    ("Thứ Hai, 14/07/2025 - 08:15", "2025-07-14"),
    ("October 9, 2025 | 16:05", "2025-10-09"),
    ("Friday, March 14, 2025 10:25", "2025-03-14"),
    ("Báo Gia Lai – 21/08/2025", "2025-08-21"),
    ("Báo Đắk LắkBáo Đắk Lắk09/10/2025", "2025-10-09"),
    ("Mardi 14 octobre 2025 - 09:12", "2025-10-14"),
    ("1er juillet 2025", "2025-07-01"),
    ("ngày 5 tháng 9 năm 2025", "2025-09-05"),
    ("2025-10-16T09:12:00+07:00", "2025-10-16"),
    ("17/04/2025 16:05 GMT+7", "2025-04-17"),
    ("12/25/2025", "2025-12-25"),  # only month-first makes sense
    ("Martes, 14 de octubre de 2025", "2025-10-14"),
    ("Lan Anh 09:30, 2027/02/11", "2027-02-11"),  # year first, with slashes or dots
    ("2027.02.11", "2027-02-11"),
    ("Published 2027-02-11.", "2027-02-11"),
])
def test_dates(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["/2027/02/11/story", "Thứ Ba", "Friday", "hôm qua", "2 giờ trước", "yesterday", "il y a 3 heures", "31/02/2025", ""])
def test_not_a_date(text):
    assert parse_date(text) is None


def test_date_line_splits_outlet_and_section():
    assert split_date_line("Báo Nghệ An - Thứ Tư, 02/04/2025, 16:45") == ("2025-04-02", "Báo Nghệ An")
    assert split_date_line("Society | November 12, 2025 - 08:45") == ("2025-11-12", "Society")


def test_body_sentence_is_not_a_date_line():
    line = "Đến 15/3/2025, huyện có 61.240 người có thẻ, bằng 92,7% dân số."
    assert split_date_line(line) is None


def test_portal_date_line_with_a_long_outlet_printed_twice():
    from extractor.read.dates import split_date_line

    iso, rest = split_date_line("Báo Nhân Dân Hằng Ngày Miền TrungBáo Nhân Dân Hằng Ngày Miền Trung03/11/2025")
    assert iso == "2025-11-03" and rest.startswith("Báo Nhân Dân")


def test_cjk_dates():
    from extractor.read.dates import parse_date

    assert parse_date("发布时间：2025年9月12日 08:30") == "2025-09-12"


def test_relative_phrase_with_a_year_is_no_date_and_other_languages_still_read():
    from extractor.read.dates import parse_date

    assert parse_date("2 months ago 2021") is None  # would depend on the day the extractor runs
    assert parse_date("Publicado el 4 de mayo de 2022") == "2022-05-04"
