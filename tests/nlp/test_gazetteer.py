"""The gazetteer: both eras of units, the 2025 mergers, name folding, province scope."""
from __future__ import annotations

import pytest

from extractor import gazetteer as gz


def test_today_has_34_provinces():
    today = gz.provinces_today()
    assert len(today) == 34
    assert {"Đắk Lắk", "Hồ Chí Minh", "Huế", "Gia Lai"} <= set(today)
    assert "Phú Yên" not in today


@pytest.mark.parametrize("typed", ["Hà Tĩnh", "Ha Tinh", "Ha-Tinh", "Hatinh", "HA TINH", "tỉnh Hà Tĩnh"])
def test_folding_variants(typed):
    scope = gz.province_scope(typed)
    assert scope is not None and scope.today == "Hà Tĩnh" and scope.name == "Hà Tĩnh"


def test_merged_away_province_scope():
    scope = gz.province_scope("Phu Yen")
    assert scope.today == "Đắk Lắk"
    assert scope.before_2025 == ["Phú Yên"]


def test_surviving_province_covers_those_merged_into_it():
    scope = gz.province_scope("dak lak")
    assert scope.today == "Đắk Lắk"
    assert scope.before_2025[0] == "Đắk Lắk"
    assert set(scope.before_2025) == {"Đắk Lắk", "Phú Yên"}
    hcm = gz.province_scope("Ho Chi Minh City")
    assert set(hcm.before_2025) == {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"}


@pytest.mark.parametrize("typed", ["TP.HCM", "HCM City", "Hô-Chi-Minh-Ville", "Thành phố Hồ Chí Minh", "HCMC"])
def test_short_forms_of_ho_chi_minh_city(typed):
    assert gz.province_scope(typed).today == "Hồ Chí Minh"


@pytest.mark.parametrize("typed,today", [
    ("Thừa Thiên Huế", "Huế"), ("Hue", "Huế"), ("Hanoï", "Hà Nội"),
    ("Ba Ria-Vung Tau", "Hồ Chí Minh"), ("Bà Rịa – Vũng Tàu", "Hồ Chí Minh"),
    ("Quảng Bình province", "Quảng Trị"), ("Binh Dinh", "Gia Lai"), ("Bac Kan", "Thái Nguyên"),
])
def test_old_to_new(typed, today):
    assert gz.province_scope(typed).today == today


def test_unknown_names():
    assert gz.province_scope("Atlantis") is None
    assert gz.province_scope("") is None
    assert gz.province_scope("Hương Khê") is None  # a district, not a province


def test_district_of_a_merged_province():
    (song_hinh,) = gz.lookup("Song Hinh", "district")
    assert song_hinh.province == "Đắk Lắk" and song_hinh.province_before_2025 == "Phú Yên"
    assert song_hinh.lat and song_hinh.lon and song_hinh.code


def test_shared_names_keep_every_candidate():
    units = gz.lookup("Châu Thành", "district")
    assert len({u.old for u in units}) >= 8 and len({u.province for u in units}) >= 4
    an_lao = {u.province for u in gz.lookup("An Lao", "district")}
    assert {"Gia Lai", "Hải Phòng"} <= an_lao


def test_new_commune_knows_the_province_it_came_from():
    new = [u for u in gz.lookup("Ea Bá") if u.current]
    assert new and new[0].province == "Đắk Lắk" and new[0].province_before_2025 == "Phú Yên"
    hue_wards = [u for u in gz.lookup("Thuận An") if u.current and u.province == "Huế"]
    assert hue_wards and hue_wards[0].province_before_2025 is None


def test_spelling_key_keeps_diacritics_but_not_tone_placement():
    assert gz.spelling_key("Thanh Hoá") == gz.spelling_key("Thanh Hóa")
    assert gz.spelling_key("Phú Yên") != gz.spelling_key("Phù Yên")
    assert gz.key("Phú Yên") == gz.key("Phù Yên")
