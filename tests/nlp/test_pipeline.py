"""End to end per language on short articles we write: every item points at its evidence."""
from __future__ import annotations

import pytest

from extractor.nlp.pipeline import annotate, get_nlp, pipeline_lang

ARTICLES = {
    "fr": ("Dans la commune de Ky Son, l'Union des femmes a lancé le modèle « La jarre de riz solidaire » "
           "pour aider les familles à payer l'assurance maladie. Fin juin 2025, la couverture maladie de la "
           "province s'élevait à 92,4 %, et la province vise 95 % d'ici fin 2025.\n\n"
           "M. Lo Van Thuan, directeur de la Sécurité sociale de Nghe An, a salué l'initiative."),
    "en": ('The Women\'s Union of Vinh Hai ward started the "Coins for Cards" model in 2024. Health insurance '
           "coverage in the ward reached 93.1 per cent at the end of June, and the city aims to reach 95 per "
           "cent by 2026.\n\nNguyen Thi Mai Huong, deputy director of the Khanh Hoa Social Security office, "
           "said more than 1,200 people had joined voluntary social insurance."),
    "vi": ("Hội Nông dân xã Nghĩa Hưng triển khai mô hình “Con gà an sinh” giúp hội viên có thẻ BHYT. "
           "Đến ngày 30/6/2025, tỷ lệ bao phủ BHYT toàn tỉnh đạt 93,2%, phấn đấu cuối năm đạt 95%.\n\n"
           "Ông Đinh Công Thành, Phó Giám đốc BHXH tỉnh Ninh Bình, cho biết hơn 1.500 người đã tham gia BHXH."),
    "es": ("La provincia lanzó el programa «Salud para todos» para los trabajadores informales del seguro "
           "social. La cobertura del seguro de salud llegó al 91,5 % en junio."),
    "de": ("Die Provinz startete die Kampagne „Gesund versichert“ für 2.000 Fischer. Die Krankenversicherung "
           "deckt nun fast alle Familien, die Sozialversicherung wächst langsamer."),
    "zh": "该省启动了“人人有医保”活动，医疗保险覆盖率达到93%。",
}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_items_point_at_their_evidence(lang):
    text = ARTICLES[lang]
    ann = annotate(text, lang=lang, published="2025-07-15", title=None)
    for item in (*ann.figures, *ann.targets, *ann.initiatives, *ann.people):
        assert text[item.start:item.end] == item.text
    for loc in ann.localities:
        for m in loc.mentions:
            assert text[m.start:m.end] == m.text
    assert ann.relevant is True
    assert ann.initiatives, "every sample article names an initiative next to a cue"


@pytest.mark.parametrize("lang", ["fr", "en", "vi"])
def test_own_languages_find_people(lang):
    ann = annotate(ARTICLES[lang], lang=lang, published="2025-07-15")
    assert len(ann.people) == 1 and " " in ann.people[0].name


def test_other_languages_share_the_language_independent_pipeline():
    assert pipeline_lang("es") == pipeline_lang("zh-CN") == "xx"
    assert pipeline_lang("FR") == "fr"
    assert get_nlp("xx") is get_nlp(pipeline_lang("de"))


def test_component_order():
    names = get_nlp("en").pipe_names
    assert names[0] == "coverage_sentences"
    assert names.index("coverage_initiatives") < names.index("coverage_quantities")
    assert names.index("coverage_quantities") < names.index("coverage_relevance")


def test_record_language_is_kept_for_other_languages():
    from extractor.core import extract

    page = "Más afiliados al seguro social\n\n" + ARTICLES["es"]
    record = extract(page.encode("utf-8"), lang="es", content_type="text/plain")
    assert record.language == "es"
    assert [i.name for i in record.initiatives] == ["Salud para todos"]


def test_chinese_text_gets_numbers_places_and_quoted_names():
    from extractor import extract

    text = ("河静省医疗保险覆盖率达到93.5%\n\n2025年9月12日\n\n截至8月底，河静省(Hà Tĩnh)医疗保险覆盖率达到人口的93.5%。"
            "香溪县(Hương Khê)推出“社会保障橙树”模式，帮助1200户近贫家庭参保。")
    record = extract(text)
    assert record.language == "zh" and record.published == "2025-09-12"
    assert [(f.value, f.unit) for f in record.figures] == [(93.5, "percent"), (1200, "count")]
    assert {loc.name for loc in record.localities} == {"Hà Tĩnh", "Hương Khê"}
    assert [i.name for i in record.initiatives] == ["社会保障橙树"]


def test_spanish_type_words_give_the_level():
    from extractor import extract

    text = ("La cobertura crece en Ha Tinh\n\nHa Tinh, 12/09/2025\n\n"
            "Según la Seguridad Social de la provincia de Ha Tinh, el seguro médico cubre al 93,5 % de la población. "
            "El distrito de Huong Khe lanzó el modelo «Naranjo de la seguridad social».")
    record = extract(text)
    assert record.language == "es"
    assert {loc.name: loc.level for loc in record.localities} == {"Hà Tĩnh": "province", "Hương Khê": "district"}


def test_a_huge_text_is_read_up_to_the_cap_only(monkeypatch):
    from extractor.nlp import pipeline
    monkeypatch.setattr(pipeline, "MAX_TEXT_CHARS", 80)
    text = "La couverture de l'assurance maladie atteint 93 % de la population. " * 5
    ann = pipeline.annotate(text, lang="fr")
    assert ann.figures and all(f.end <= 80 for f in ann.figures)
