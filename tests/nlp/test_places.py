"""coverage_places on sentences we wrote in the provincial-press style (fr, en, vi)."""
from __future__ import annotations

import pytest

from .pipelines import component_pipeline


def run(text: str, lang: str, published: str = "2025-09-15", title: str | None = None):
    nlp = component_pipeline(lang, "coverage_places")
    doc = nlp.make_doc(text)
    doc._.lang, doc._.published, doc._.title = lang, published, title
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    for loc in doc._.localities:
        for m in loc.mentions:
            assert doc.text[m.start:m.end] == m.text
    for m in doc._.places:
        assert doc.text[m.start:m.end] == m.text
    return doc


def by_name(doc) -> dict:
    return {loc.name: loc for loc in doc._.localities}


# --- English ---------------------------------------------------------------------------

def test_en_merged_province_and_type_word_after():
    doc = run("Binh Phuoc province signed up 3,200 new members. Dong Xoai city led the drive, "
              "while Bu Dang district still trails.", "en", published="2025-03-02")
    locs = by_name(doc)
    assert locs["Bình Phước"].level == "province"
    assert locs["Bình Phước"].province == "Đồng Nai"
    assert locs["Bình Phước"].province_before_2025 == "Bình Phước"
    assert locs["Bù Đăng"].level == "district" and locs["Bù Đăng"].province == "Đồng Nai"
    assert doc._.provinces == ["Đồng Nai"]


def test_en_shared_district_name_resolved_by_the_province_in_the_sentence():
    doc = run("Chau Thanh district in the Mekong Delta province of Ben Tre reported 96 per cent.", "en",
              published="2025-02-10")
    chau = by_name(doc)["Châu Thành"]
    assert chau.level == "district"
    assert chau.province == "Vĩnh Long" and chau.province_before_2025 == "Bến Tre"


def test_en_shared_name_without_context_keeps_a_null_province():
    doc = run("Officials visited Chau Thanh district last week.", "en")
    assert by_name(doc)["Châu Thành"].province is None


def test_en_short_forms_and_people():
    doc = run("Nguyen Thi Thanh Hoa, a vendor, moved to HCM City in 2019. Mr Ha Van Tinh said "
              "Ho Chi Minh City and Hanoi need 40,000 more cards.", "en")
    locs = by_name(doc)
    assert set(locs) == {"Hồ Chí Minh", "Hà Nội"}
    assert [m.text for m in locs["Hồ Chí Minh"].mentions] == ["HCM City", "Ho Chi Minh City"]


def test_en_landmarks_countries_and_common_words_are_not_units():
    doc = run("Visitors walked along Ba Be lake, crossed into Laos and admired the golden hue of "
              "Vietnam's rice terraces.", "en")
    assert doc._.localities == []


# --- French ----------------------------------------------------------------------------

def test_fr_type_words_with_adjectives_and_former_district():
    doc = run("Dans la commune montagneuse de Ta Leng, 412 familles sont assurées. "
              "L'ancien district de Tam Duong compte 30 000 habitants.", "fr", published="2025-10-01")
    locs = by_name(doc)
    assert locs["Tả Lèng"].level == "commune" and locs["Tả Lèng"].province == "Lai Châu"
    assert locs["Tam Đường"].level == "district"


def test_fr_place_inside_an_organisation_name_and_honorifics():
    doc = run("Selon Mme Ly Thi Hoa, qui dirige la Caisse d'assurance sociale de Tuy Hoa, la province de "
              "Phu Yen a dépassé 92 %.", "fr", published="2025-05-20")
    locs = by_name(doc)
    assert {"Tuy Hòa", "Phú Yên"} <= set(locs)
    assert locs["Tuy Hòa"].province == "Đắk Lắk" and locs["Tuy Hòa"].province_before_2025 == "Phú Yên"
    assert all(loc.province is not None for loc in doc._.localities)


def test_fr_district_named_like_a_former_province_follows_its_type_word():
    doc = run("La province de Son La progresse. Dans le district de Phu Yen, le taux reste à 91 %.",
              "fr", published="2025-04-01")
    locs = by_name(doc)
    assert "Phù Yên" in locs and "Phú Yên" not in locs
    assert locs["Phù Yên"].province == "Sơn La"


def test_fr_exonyms():
    doc = run("Les ouvriers partent pour Hô Chi Minh-Ville ou Hanoï chaque printemps.", "fr")
    assert set(by_name(doc)) == {"Hồ Chí Minh", "Hà Nội"}


# --- Vietnamese ------------------------------------------------------------------------

def test_vi_type_words_and_parenthesised_old_province():
    doc = run("Tại huyện Quảng Ninh (tỉnh Quảng Bình cũ), tỷ lệ tham gia đạt 93%. "
              "Xã Quảng Ninh của tỉnh Thanh Hóa đạt 97%.", "vi", published="2025-08-01")
    locs = doc._.localities
    district = next(loc for loc in locs if loc.level == "district")
    assert district.name == "Quảng Ninh" and district.province == "Quảng Trị"
    assert district.province_before_2025 == "Quảng Bình"
    commune = next(loc for loc in locs if loc.level == "commune")
    assert commune.name == "Quảng Ninh" and commune.province == "Thanh Hóa"
    assert not any(loc.level == "province" and loc.name == "Quảng Ninh" for loc in locs)


def test_vi_common_words_and_people_are_not_units():
    doc = run("Ông Phạm Hữu Lộc cho biết bà con sống ấm no, hạnh phúc và đoàn kết. "
              "Bộ Y tế đánh giá cao xã Hạnh Phúc.", "vi")
    assert [loc.name for loc in doc._.localities] == ["Hạnh Phúc"]


def test_vi_honorific_look_alike_in_a_province_name():
    doc = run("Bà Rịa - Vũng Tàu cũ có 1,2 triệu người tham gia BHYT.", "vi")
    loc = by_name(doc)["Bà Rịa - Vũng Tàu"]
    assert loc.province == "Hồ Chí Minh"


def test_vi_special_zone_and_digits_in_names():
    doc = run("Đặc khu Côn Đảo và xã A Lưới 3 được hỗ trợ 500 thẻ BHYT.", "vi")
    locs = by_name(doc)
    assert locs["Côn Đảo"].level == "commune" and locs["Côn Đảo"].province == "Hồ Chí Minh"
    assert locs["A Lưới 3"].province == "Huế"


def test_vi_streets_and_villages_are_not_units():
    doc = run("Người dân thôn Tân Lập và đường Lê Lợi được tuyên truyền về BHYT.", "vi")
    assert doc._.localities == []


# --- main provinces --------------------------------------------------------------------

def test_local_story_has_one_main_province():
    doc = run("Tỉnh Lạng Sơn đạt 94%. Huyện Chi Lăng đạt 95%. Nhiều lao động đi làm ở Hà Nội. "
              "Huyện Hữu Lũng đạt 96%.", "vi", title="Lạng Sơn mở rộng BHYT", published="2025-03-01")
    assert doc._.provinces == ["Lạng Sơn"]


def test_roundup_lists_the_provinces_given_figures():
    text = ("Gia Lai đạt 93%. Khánh Hòa đạt 94%. Lâm Đồng đạt 92%. Nghệ An đạt 95%. "
            "Cả nước đạt 94,2%.")
    assert set(run(text, "vi")._.provinces) == {"Gia Lai", "Khánh Hòa", "Lâm Đồng", "Nghệ An"}


@pytest.mark.parametrize("lang", ["en", "fr", "vi", "xx"])
def test_empty_text(lang):
    doc = run("", lang)
    assert doc._.localities == [] and doc._.places == [] and doc._.provinces == []


# --- false friends ---------------------------------------------------------------------

def test_fr_ordinary_words_that_fold_like_units():
    doc = run("La Maison de la culture accueille des acheteurs venus de Chine et du Laos.", "fr")
    assert doc._.localities == []


def test_bare_commune_name_far_from_the_article_is_a_phrase():
    doc = run("Tỉnh Cao Bằng phát động mô hình “Ngôi nhà Tân Tiến” và xã Hạnh Phúc đạt 98%.", "vi")
    assert set(by_name(doc)) == {"Cao Bằng", "Hạnh Phúc"}


def test_capitalised_word_in_front_does_not_steal_a_syllable():
    doc = run("Tại Hà Tĩnh, tỷ lệ đạt 94%. In Ha Tinh, coverage is high.", "vi")
    assert [loc.name for loc in doc._.localities] == ["Hà Tĩnh"]
    assert [m.text for m in doc._.localities[0].mentions] == ["Hà Tĩnh", "Ha Tinh"]


def test_bare_city_names_travel():
    doc = run("Many workers from Dong Thap moved to Da Lat and Sa Pa for the tourist season.", "en")
    assert {"Đà Lạt", "Sa Pa"} <= set(by_name(doc))


@pytest.mark.parametrize("lang,text", [
    ("fr", "Les ouvriers du parc industriel de Giao Long, dans la province de Vinh Long, cotisent."),
    ("en", "Workers at Giao Long Industrial Park in Vinh Long province now pay into the scheme."),
    ("vi", "Công nhân khu công nghiệp Giao Long, tỉnh Vĩnh Long đã tham gia BHXH."),
])
def test_industrial_parks_named_after_a_commune_are_not_units(lang, text):
    assert set(by_name(run(text, lang))) == {"Vĩnh Long"}


# --- people whose names hold a unit's name ------------------------------------------------

def test_en_full_name_after_a_role_word_holds_no_unit():
    doc = run("Economist Do Thi Binh Minh of a Hanoi think tank said Lao Cai had caught up. "
              "Deputy director Vu Quoc Long Xuyen praised the drive.", "en")
    assert set(by_name(doc)) == {"Hà Nội", "Lào Cai"}


def test_fr_full_name_with_a_middle_name_after_an_adjective():
    doc = run("Le vieux Lam Van Tan Chau, du hameau voisin, a renouvelé sa carte à Can Tho.", "fr")
    assert set(by_name(doc)) == {"Cần Thơ"}


def test_vi_type_word_opening_a_bullet_is_no_surname():
    doc = run("Tỷ lệ bao phủ BHYT tại tỉnh Hưng Yên:\n- Huyện Văn Lâm (cũ): 96,1%\n- Huyện Mỹ Hào (cũ): 95%",
              "vi", published="2025-10-01")
    assert by_name(doc)["Văn Lâm"].level == "district"
    assert by_name(doc)["Văn Lâm"].province == "Hưng Yên"


def test_roundup_ignores_a_province_named_only_as_the_venue():
    text = ("HA NOI — Coverage reached 94.1 per cent this year, up from 2024, according to the yearly "
            "report that the ministry presented at a press briefing in Ha Noi on Monday. Nghe An led with 97 per cent. Son La was last "
            "with 88 per cent. In Ca Mau, 91 per cent of claims were settled online.")
    assert set(run(text, "en")._.provinces) == {"Nghệ An", "Sơn La", "Cà Mau"}


def test_one_word_district_names_and_a_person_called_like_one():
    text = ("Gia Lai province reported gains. In Kbang and Pleiku, most farmers now hold cards. "
            "Tran Duc Vinh, deputy director of Gia Lai Social Security, said coverage rose. "
            "\"We visit every village,\" Vinh said.")
    assert set(by_name(run(text, "en"))) == {"Gia Lai", "Kbang", "Pleiku"}


@pytest.mark.parametrize("lang,text,places", [
    ("vi", "Hội phụ nữ xã Tân Hiệp học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; "
           "Đoàn TNCS Hồ Chí Minh vận động 40 hộ tham gia BHYT.", {"Tân Hiệp"}),
    ("en", "Following President Ho Chi Minh's teachings, Ben Tre province gave 40 cards.", {"Bến Tre"}),
    ("vi", "Hội viên ở TP Hồ Chí Minh mua 40 thẻ BHYT.", {"Hồ Chí Minh"}),
])
def test_the_person_ho_chi_minh_is_no_place_but_the_city_is(lang, text, places):
    assert set(by_name(run(text, lang))) == places


def test_a_dateline_alone_makes_no_province():
    text = ("Hanoi (VNA) – Vietnam had 17.5 million social insurance participants by the end of May, "
            "Vietnam Social Security said on Monday.")
    assert run(text, "en")._.provinces == []


def test_a_name_in_brackets_after_a_commune_is_its_district():
    doc = run("Những năm qua, xã Đa Phước (An Phú) vận động 900 hộ tham gia BHYT.", "vi")
    places = by_name(doc)
    assert places["An Phú"].level == "district" and places["An Phú"].province == "An Giang"
    assert places["Đa Phước"].province == "An Giang"


def test_a_menu_of_province_names_names_no_place():
    doc = run("Tin liên quan\n\nAn Giang\n\nBình Định\n\nBạc Liêu\n\nỞ huyện Gò Dầu (Tây Ninh), 95% người dân có thẻ BHYT.",
              "vi")
    assert set(by_name(doc)) == {"Gò Dầu", "Tây Ninh"}


def test_a_numbered_district_in_lower_case_and_the_pacific_in_a_company_name():
    doc = run("Công nhân Công ty May Thái Bình Dương (quận 12, TP HCM) bị nợ BHXH.", "vi")
    assert set(by_name(doc)) == {"Quận 12", "Hồ Chí Minh"}


def test_numbered_districts_in_english_and_schools_named_after_places():
    doc = run("Ho Chi Minh City insured 1.9 million pupils. In District 12, the rate was 95%.", "en")
    assert "Quận 12" in by_name(doc)
    doc = run("Học sinh Trường THCS Lê Lợi ở xã Ea Bá thi kéo co.", "vi")
    assert "Lê Lợi" not in by_name(doc)


def test_a_possessive_ends_a_place_name():
    doc = run("Workers in HCMC's District 8 and Binh Duong's new wards lost their benefits.", "en")
    assert {"Hồ Chí Minh", "Quận 8", "Bình Dương"} <= set(by_name(doc))
