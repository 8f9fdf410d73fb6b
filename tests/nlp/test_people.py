"""People from appositions, on sentences we write ourselves."""
from __future__ import annotations

from extractor.nlp.doc import PlaceMention

from .pipelines import component_pipeline


def run(text: str, lang: str, places=()):
    nlp = component_pipeline(lang, "coverage_people")
    doc = nlp.make_doc(text)
    doc._.places = list(places)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    for p in doc._.people:
        assert doc.text[p.start:p.end] == p.text
    return [(p.name, p.role, p.organization) for p in doc._.people]


def test_fr_title_removed_role_and_organisation_split():
    text = ("« Nous irons de porte en porte », a indiqué Mme Vu Thi Lan Phuong, directrice adjointe "
            "de la Sécurité sociale de Nghe An. Selon Mme Vu Thi Lan Phuong, la couverture progresse.")
    assert run(text, "fr") == [("Vu Thi Lan Phuong", "directrice adjointe", "Sécurité sociale de Nghe An")]


def test_fr_name_without_title_before_a_role_and_capitalised_opener_dropped():
    text = "Selon Dinh Van Toan, président du Comité populaire de la commune de Tam Hop, les foyers ont suivi."
    assert run(text, "fr") == [("Dinh Van Toan", "président", "Comité populaire de la commune de Tam Hop")]


def test_fr_place_after_de_stays_in_the_role():
    text = "M. Ha Van Cuong, éleveur de Que Phong, a renouvelé sa carte."
    places = [PlaceMention(text.index("Que Phong"), text.index("Que Phong") + 9, "Que Phong", "Quế Phong",
                           "commune", "Nghệ An")]
    assert run(text, "fr", places) == [("Ha Van Cuong", "éleveur de Que Phong", None)]


def test_en_names_with_and_without_titles():
    text = ("Pham Thi Ngoc Anh, deputy director of the Binh Thuan Social Security office, said agents would "
            "call every household. Luong Van Sau, a cashew farmer in Tan Lap commune, paid for five cards. "
            "Under the Labour Code, a laid-off worker may claim support. "
            '"It is cheaper than one night in hospital," said Ms Luong Thi Be, who sells noodles.')
    assert run(text, "en") == [
        ("Pham Thi Ngoc Anh", "deputy director", "Binh Thuan Social Security office"),
        ("Luong Van Sau", "cashew farmer in Tan Lap commune", None),
        ("Luong Thi Be", None, None),
    ]


def test_vi_honorifics_organisation_in_second_segment_and_short_mentions():
    text = ("Bà Lò Thị Hoa, Phó Giám đốc BHXH tỉnh Sơn La, cho biết tỷ lệ bao phủ tăng. "
            "Ông Quàng Văn Ơn, Trưởng phòng Quản lý thu, BHXH tỉnh Sơn La, nói thêm. "
            "Chị Cầm Thị Nhung, hội viên chi hội bản Mòng, kể lại. Chị Nhung nói bà con rất vui.")
    assert run(text, "vi") == [
        ("Lò Thị Hoa", "Phó Giám đốc", "BHXH tỉnh Sơn La"),
        ("Quàng Văn Ơn", "Trưởng phòng Quản lý thu", "BHXH tỉnh Sơn La"),
        ("Cầm Thị Nhung", "hội viên chi hội bản Mòng", None),
    ]


def test_place_names_and_pronoun_uses_are_not_people():
    text = "Bà con ở Bà Rịa Vũng Tàu rất vui. Chị em trong hội cùng góp tiền."
    s = text.index("Bà Rịa")
    places = [PlaceMention(s, s + len("Bà Rịa Vũng Tàu"), "Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu",
                           "province", "Hồ Chí Minh")]
    assert run(text, "vi", places) == []


def test_vi_religious_titles_and_village_elders():
    text = ("Đại đức Thạch Sô Kha, trụ trì một ngôi chùa Khmer, cho biết bà con đã tin BHYT. "
            "Già làng Hồ Văn Lập, người có uy tín trong bản, cũng vận động con cháu mua thẻ.")
    names = [name for name, _role, _org in run(text, "vi")]
    assert names == ["Thạch Sô Kha", "Hồ Văn Lập"]


def test_en_role_word_before_a_full_name():
    text = ("Deputy general director Vu Quoc Trung said the fund was sound. "
            "Economist Do Thi Binh Minh of a private bank called the target ambitious.")
    assert run(text, "en") == [("Vu Quoc Trung", "deputy general director", None),
                               ("Do Thi Binh Minh", "economist", None)]


def test_en_age_between_name_and_role():
    text = "Lam Van Tam, 47, a rice farmer, paid for four cards. Trinh Thi Thu Ha, principal of a village school, agreed."
    assert run(text, "en") == [("Lam Van Tam", "rice farmer", None),
                               ("Trinh Thi Thu Ha", "principal of a village school", None)]


def test_en_full_name_with_a_middle_name_needs_no_cue_and_loses_its_possessive():
    text = "When the cards of Ha Van Khoi's household ran out, the village paid. Le Van Tam Street was repaved."
    assert run(text, "en") == [("Ha Van Khoi", None, None)]


def test_fr_full_name_after_an_adjective_and_a_street_named_after_someone():
    text = ("Le vieux Lam Van Sau, du hameau voisin, a été opéré à Hue. "
            "La permanence se tient rue Nguyen Thi Minh Khai.")
    assert run(text, "fr") == [("Lam Van Sau", None, None)]


def test_vi_full_name_given_to_a_school_is_no_person():
    text = "Học sinh Trường THPT Trần Văn Ơn đã có thẻ BHYT; ông Trần Văn Ơn là tên một nhà giáo."
    assert run(text, "vi") == [("Trần Văn Ơn", None, None)]


def test_common_family_names_beyond_the_top_twenty():
    text = ("According to provincial Deputy Director Dao Quang Vinh, coverage rose. "
            "Truong Thi Hoa, a nurse, agreed.")
    assert [name for name, _role, _org in run(text, "en")] == ["Dao Quang Vinh", "Truong Thi Hoa"]


def test_vi_role_and_organisation_before_the_name():
    text = "Theo Phó Tổng Giám đốc BHXH Việt Nam Lê Minh Khoa, cả nước có 20,8 triệu người tham gia BHXH."
    assert run(text, "vi") == [("Lê Minh Khoa", "phó Tổng Giám đốc BHXH Việt Nam", None)]


def test_fr_dapres_opens_a_sentence_before_a_name():
    from extractor import extract
    record = extract("D'après Nguyên Van Hoà, directeur adjoint, la caisse a payé.", lang="fr")
    assert [p.name for p in record.people] == ["Nguyên Van Hoà"]


def test_a_role_and_its_organisation_before_a_name_set_off_by_commas():
    text = ("Le directeur adjoint de la Sécurité sociale de la province de Lao Cai, Phan Quoc Thinh, a "
            "rappelé les délais.")
    assert [p[0] for p in run(text, "fr")] == ["Phan Quoc Thinh"]
    text = "Deputy Director of the provincial Social Security (PSS), Luu Hong Son, said cards were ready."
    assert [p[0] for p in run(text, "en")] == ["Luu Hong Son"]
    text = "Vice Chairman of the Kon Tum Provincial People's Committee Ngo Quang Bao chaired the meeting."
    assert [p[0] for p in run(text, "en")] == ["Ngo Quang Bao"]


def test_an_organisation_after_a_place_that_reads_like_a_name_is_no_person():
    text = "The director of Ha Giang Social Insurance, Mr. Ta Quang Vinh, opened the office."
    assert [p[0] for p in run(text, "en")] == ["Ta Quang Vinh"]


def test_a_dash_sets_off_the_role_even_glued_to_the_name():
    assert run("Anh Lò Minh Quý- Giám đốc BHXH huyện Tủa Chùa, cho biết.", "vi") == [
        ("Lò Minh Quý", "Giám đốc", "BHXH huyện Tủa Chùa")]
    assert [p[0] for p in run("Comrade Ha Duc Minh - Vice Chairman of the provincial People's Committee.",
                              "en")] == ["Ha Duc Minh"]


def test_a_teacher_title_a_possessive_and_a_name_cut_off_at_the_end():
    assert [p[0] for p in run("Thầy Lê Quang Huy, Hiệu trưởng nhà trường, cho biết.", "vi")] == ["Lê Quang Huy"]
    assert [p[0] for p in run("Patient Ngo Van Tien’s family paid nothing.", "en")] == ["Ngo Van Tien"]
    text = "Le Premier ministre Pham Minh Chinh a signé. Selon le Premier ministre Pham Minh Chi"
    assert [p[0] for p in run(text, "fr")] == ["Pham Minh Chinh"]
