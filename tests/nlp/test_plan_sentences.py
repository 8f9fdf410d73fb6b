"""Goals across sentences, years compared against, and numbers that are labels, on sentences
of our own in the genre of the provincial press (the core goal cues are in test_goals.py)."""
import pytest

from tests.nlp.pipelines import brief, run


@pytest.mark.parametrize("lang,text,goals", [
    ("en", "Binh Phuoc targets 300,000 social insurance participants in 2027, an increase of 8% compared to 2026.",
     [(300000, 2027), (8, 2027)]),
    ("fr", "La province vise 300 000 assurés sociaux en 2027, une hausse de 8 % par rapport à 2026.",
     [(300000, 2027), (8, 2027)]),
    ("vi", "Năm 2027, tỉnh phấn đấu số người tham gia BHXH tăng 8% so với năm 2026.", [(8, 2027)]),
])
def test_a_year_compared_against_is_no_deadline(lang, text, goals):
    _, targets = run(text, lang, published=None)
    assert [(t.value, t.year) for t in targets] == goals


def test_a_year_after_against_that_names_a_goal_still_dates_it():
    _, targets = run("Lam Dong reported 91.2 per cent, against its own 2026 target of 93 per cent.", "en",
                     published=None)
    assert [(t.value, t.year) for t in targets] == [(93, 2026)]


@pytest.mark.parametrize("lang,text,goals", [
    ("en", "The draft plan sets a target of GRDP growth in 2027 of 9 to 9.5%. In which, industry grows "
           "by 11 - 12%; services by 7%.", [9, 9.5, 11, 12, 7]),
    ("vi", "Huyện phấn đấu đến năm 2027 có 96% dân số tham gia BHYT. Trong đó, 100% học sinh có thẻ BHYT.",
     [96, 100]),
    ("en", "The plan aims to raise coverage to 92 percent by 2027. In detail, 60 percent of near-poor people "
           "would receive health insurance by 2027.", [92, 60]),
])
def test_a_sentence_opening_on_the_parts_of_a_goal_goes_on_with_it(lang, text, goals):
    figures, targets = run(text, lang, published="2026-03-01")
    assert [t.value for t in targets] == goals and figures == []


def test_the_parts_of_a_result_stay_figures():
    figures, targets = run("Đến nay, toàn huyện có 93% dân số tham gia BHYT. Trong đó, 100% học sinh có thẻ BHYT.",
                           "vi", published="2026-03-01")
    assert targets == [] and [f.value for f in figures] == [93, 100]


def test_a_result_after_a_deadline_phrase_in_the_present_perfect_is_a_figure():
    figures, targets = run("By the end of 2019, there have been over 52 thousand people participating in "
                           "social insurance in the province.", "en", published=None)
    assert targets == [] and brief(figures, "qualifier") == [(52000, "count", "more_than")]


def test_a_ranking_in_brackets_is_no_quantity_but_a_count_in_brackets_is():
    figures, _ = run("The most visited places were: Vinh (1); Cua Lo (2), Quy Nhon (3). Communes with the most "
                     "new members: Tan Ky (48), Anh Son (415).", "en")
    assert [f.value for f in figures] == [48, 415]


def test_a_plans_list_goes_on_in_a_paragraph_that_opens_with_its_number():
    text = ("Mục tiêu cụ thể đến năm 2027 như sau:\n\n"
            "- Tỷ lệ lực lượng lao động tham gia BHXH đạt 42%.\n\n"
            "30% lực lượng lao động tham gia bảo hiểm thất nghiệp; mức độ hài lòng của người dân đạt 88%.")
    figures, targets = run(text, "vi", published="2026-01-05")
    assert figures == [] and [(t.value, t.year) for t in targets] == [(42, 2027), (30, 2027), (88, 2027)]


def test_a_section_number_opening_a_line_is_no_goal():
    text = ("2.1. Tăng tỷ lệ bao phủ: phấn đấu đến cuối năm 2027 đạt 97% dân số tham gia BHYT.\n"
            "2.2. Cải thiện dịch vụ y tế cơ sở cho người có thẻ.")
    _, targets = run(text, "vi", published="2026-01-05")
    assert [t.value for t in targets] == [97]


@pytest.mark.parametrize("text,goals,results", [
    ("Étendre la couverture d'assurance maladie à 97 % fait partie des étapes du plan.", [97], []),
    ("La commune a étendu la couverture d'assurance maladie à 94 % en 2024.", [], [94]),
])
def test_french_extending_coverage_as_a_plan_step(text, goals, results):
    figures, targets = run(text, "fr", published="2026-02-01")
    assert [t.value for t in targets] == goals and [f.value for f in figures] == results


def test_a_lead_printed_again_after_a_dateline_states_its_number_once():
    text = ("Avec près de 2 millions d'habitants, Nam Dinh compte de nombreux travailleurs indépendants.\n\n"
            "Nam Dinh (VNA) - Avec près de 2 millions d'habitants, Nam Dinh compte de nombreux travailleurs "
            "indépendants. La caisse a recensé 2 millions de cartes papier.")
    figures, _ = run(text, "fr")
    assert [f.value for f in figures] == [2_000_000, 2_000_000]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le programme 07 de la ville porte sur la sécurité sociale."),
    ("en", "The city's Programme 07 covers social security."),
    ("vi", "Chương trình 07 của Thành ủy về an sinh xã hội được triển khai."),
])
def test_a_programmes_number_is_its_name(lang, text):
    figures, targets = run(text, lang)
    assert figures == [] and targets == []


def test_a_goal_without_a_year_takes_the_deadline_its_headline_states():
    text = "La municipalité vise un chômage urbain inférieur à 4 %."
    _, targets = run(text, "fr", published="2026-06-01", title="Da Nang dévoile son plan social d'ici 2030")
    assert [(t.value, t.year) for t in targets] == [(4, 2030)]
    _, targets = run(text, "fr", published="2026-06-01", title="Da Nang dévoile son plan social de 2030")
    assert [(t.value, t.year) for t in targets] == [(4, None)]


def test_french_should_make_up_is_a_goal():
    _, targets = run("D'ici 2030, l'économie numérique devrait représenter 25 % à 30 % du PIB provincial.", "fr",
                     published="2026-02-01")
    assert [(t.value, t.comparator) for t in targets] == [(25, ">="), (30, "<=")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Under the national target programme on new rural development, 41 communes have met the standards."),
    ("fr", "Le programme cible national de la nouvelle ruralité a été déployé, avec 41 communes aux normes."),
    ("vi", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới có 41 xã đạt chuẩn."),
])
def test_a_programme_named_after_its_targets_sets_no_goal(lang, text):
    figures, targets = run(text, lang, published="2026-02-01")
    assert targets == [] and [f.value for f in figures] == [41]


def test_a_share_of_a_years_target_and_the_change_after_it_are_figures():
    figures, targets = run("Collections reached VND 21.4 trillion, equal to 12.6 percent of 2026 target and up "
                           "9.1 percent year-on-year.", "en", published="2026-03-05")
    assert targets == [] and [f.value for f in figures] == [21.4e12, 12.6, 9.1]


@pytest.mark.parametrize("text,goals", [
    ("Từ đầu năm đến nay, huyện có 2.140 người tham gia BHYT lần đầu, nâng toàn huyện có hơn 51.300 người "
     "tham gia.", []),
    ("Đưa tổng số người hưởng trợ cấp 4 tháng đầu năm là 9.812 người.", []),
    ("Năm 2027, huyện phấn đấu đưa tổng số người tham gia BHXH tự nguyện lên 4.500 người.", [4500]),
])
def test_bringing_a_total_to_a_result_is_no_goal(text, goals):
    _, targets = run(text, "vi", published="2026-05-01")
    assert [t.value for t in targets] == goals


@pytest.mark.parametrize("lang,text", [
    ("en", "The agency forecasts that spending in 2027 will reach over VND 900 billion, exceeding the fund."),
    ("en", "Spending is forecast to reach VND 900 billion in 2027."),
    ("vi", "Theo dự báo, năm 2027 chi khám chữa bệnh BHYT sẽ đạt 900 tỷ đồng."),
    ("en", "Spending is forecast to exceed VND 900 billion next year, the agency said."),
])
def test_a_forecast_is_a_figure_not_a_goal(lang, text):
    figures, targets = run(text, lang, published="2026-12-01")
    assert targets == [] and [f.value for f in figures] == [900e9]


def test_a_plan_goes_on_past_a_photo_caption_and_a_named_rate():
    text = ("By 2030 the province will reach a GRDP growth of 7% per year.\n\n"
            "Farmers harvest coffee in the highlands\n\n"
            "The urban household rate is about 45% of all households.")
    _, targets = run(text, "en", published=None)
    assert [(t.value, t.year) for t in targets] == [(7, 2030), (45, 2030)]


def test_a_result_after_a_caption_stays_a_figure():
    text = ("By 2030 the province will reach a GRDP growth of 7% per year.\n\n"
            "Farmers harvest coffee in the highlands\n\n"
            "Last year the urban household rate reached 41%.")
    figures, targets = run(text, "en", published="2026-03-01")
    assert [t.value for t in targets] == [7] and [f.value for f in figures] == [41]


@pytest.mark.parametrize("lang,text", [
    ("en", "By 2030, the district will reach a GRDP growth of 7% per year. As for schooling, the "
           "rate of pupils finishing upper secondary is 70%."),
    ("vi", "Đến năm 2030, huyện phấn đấu tăng trưởng GRDP đạt 7%/năm. Về giáo dục, tỷ lệ học sinh "
           "hoàn thành THPT là 70%."),
])
def test_a_plan_sentence_may_open_on_its_topic(lang, text):
    _, targets = run(text, lang, published=None)
    assert [(t.value, t.year) for t in targets] == [(7, 2030), (70, 2030)]


def test_a_goal_with_its_conversion_in_brackets_carries_the_plan_on():
    text = ("By 2030 the average income will be VND 150 million (USD 5,900) a year.\n"
            "The urban household rate is about 45%.")
    _, targets = run(text, "en", published=None)
    assert [t.value for t in targets] == [150_000_000, 5900, 45]


@pytest.mark.parametrize("lang,text,year", [
    ("vi", "UBND tỉnh vừa giao chỉ tiêu phát triển người tham gia BHXH, BHYT năm 2027 cho các huyện.\n\n"
           "Theo đó, huyện Đông Sơn phấn đấu có 12.400 người tham gia BHXH tự nguyện.", 2027),
    ("en", "The city has assigned its districts their social insurance quotas for 2027.\n\n"
           "Accordingly, District 3 aims to have 12,400 voluntary participants.", 2027),
])
def test_a_sentence_taking_up_a_decision_takes_its_year(lang, text, year):
    _, targets = run(text, lang, published="2026-12-01")
    assert [(t.value, t.year) for t in targets] == [(12_400, year)]
