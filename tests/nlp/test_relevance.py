"""Relevance: an insurance story versus a passing mention."""
from __future__ import annotations

import pytest

from extractor.nlp.relevance import scorer


@pytest.mark.parametrize("lang,title,text,expected", [
    ("en", "Coastal commune lifts health insurance coverage",
     "Fishermen joined voluntary social insurance after the talks.", True),
    ("en", "Highland festival draws visitors",
     "Tour operators now bundle travel insurance with a homestay night. One guide showed her health card.",
     False),
    ("fr", "Récolte record de litchis", "Les producteurs vendent à bon prix sur les marchés du nord.", False),
    ("fr", None, "L'assurance maladie progresse. La caisse d'assurance sociale du district a ouvert "
                 "un guichet, et la couverture de l'assurance maladie atteint presque le but.", True),
    ("vi", "Nông dân tham gia BHXH tự nguyện", "Xã vận động người dân mua thẻ.", True),
    ("vi", "Đường ven biển sắp thông xe", "Nhà thầu tăng ca để kịp tiến độ, dự kiến thông xe cuối năm.", False),
    ("xx", "Más afiliados al seguro social", "La provincia sumó trabajadores.", True),
])
def test_relevance(lang, title, text, expected):
    assert scorer(lang).relevant(text, title) is expected


def test_title_weighs_more_than_body():
    s = scorer("en")
    assert s.score("", "health insurance") > s.score("health insurance", "")


def test_short_item_with_insurance_numbers_is_relevant_and_says_why():
    judge = scorer("vi")
    text = "Theo đó, 2.100 thẻ BHYT sẽ được trao cho người nghèo của ba huyện."
    assert not judge.relevant(text, None)
    verdict = judge.judge(text, None, items=2)
    assert verdict.relevant and any("items about insurance: 2" in r for r in verdict.reasons)


def test_french_health_insurance_spelt_sante_is_a_topic_word():
    assert scorer("fr").score("L'assurance-santé progresse ; l'assurance santé gratuite aussi.") == 2


def test_one_passing_sentence_with_many_numbers_is_one_piece_of_evidence():
    from extractor.nlp.pipeline import annotate
    long_story = ("The province has built 42 schools, 17 clinics and 9 markets in ten years. " * 16
                  + "Households also got health insurance, 3 cards each for 120, 140 and 160 families.")
    assert annotate(long_story, lang="en").relevant is False
    brief = "Some 2,100 health insurance cards went to 300, 420 and 510 poor households of three districts."
    assert annotate(brief, lang="en").relevant is True


def test_a_news_brief_needs_less_evidence_than_a_long_story():
    from extractor.nlp.pipeline import annotate
    brief = ("Từ nhiều năm qua, mỗi lần nhận thẻ bảo hiểm y tế, người dân xã phải đóng một khoản quỹ cho địa "
             "phương. Chính quyền xã cho biết sẽ rà soát và trả thẻ bảo hiểm cho các hộ trong tháng tới.")
    verdict = annotate(brief, lang="vi")
    assert verdict.relevant is True and any("news brief" in r for r in verdict.relevance["reasons"])
    story = brief + " " + "Xã cũng làm đường giao thông, kênh mương và nhà văn hóa cho các ấp. " * 14
    assert annotate(story, lang="vi").relevant is False


def test_a_long_report_naming_an_insurance_in_one_sentence_only_is_about_something_else():
    from extractor.nlp.pipeline import annotate
    report = ("Đại hội Đảng bộ xã đề ra các chỉ tiêu nhiệm kỳ 2026-2030: thu nhập bình quân đạt 90 triệu đồng, "
              "tỷ lệ hộ nghèo giảm 3%/năm, tỷ lệ người dân tham gia BHYT đạt 97%. "
              + "Xã tiếp tục làm đường giao thông nông thôn, kênh mương và nhà văn hóa cho các thôn. " * 12)
    verdict = annotate(report, lang="vi")
    assert verdict.relevant is False
    assert any("one sentence only" in r for r in verdict.relevance["reasons"])
    titled = annotate(report, lang="vi", title="Xã phấn đấu 97% người dân tham gia BHYT")
    assert titled.relevant is True


def test_english_abbreviations_of_the_insurances_are_topic_words():
    assert scorer("en").score("Some 98% of pupils joined HI and 40% of workers SI; hi there.") == 2


@pytest.mark.parametrize("lang,text", [
    ("en", "The occupational accident and disease insurance fund paid 1,200 workers."),
    ("fr", "L'assurance contre les accidents du travail a indemnisé 1 200 ouvriers."),
    ("vi", "Quỹ bảo hiểm tai nạn lao động đã chi trả cho 1.200 người lao động."),
])
def test_occupational_accident_insurance_is_a_branch_of_social_insurance(lang, text):
    assert scorer(lang).terms.search(text)


def test_french_terms_match_a_page_that_lost_its_accents():
    text = ("Les livreurs cotisent peu a la securite sociale. Sans allocation de chomage ni "
            "assurance maladie, ils paient eux-memes les soins. La securite sociale volontaire reste rare.")
    assert scorer("fr").score(text) >= 4


def test_accents_optional_leaves_classes_and_escapes_alone():
    from extractor.textutil import accents_optional
    assert accents_optional("sécurité [éè]x \\é") == "s[ée]curit[ée] [éè]x \\é"
