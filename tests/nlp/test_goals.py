"""Figure or target on sentences of our own: goal cues, deadlines, quotas and goal lists in the
genre of the provincial press (numbers, qualifiers and metrics are in test_quantities.py)."""
import pytest

from tests.nlp.pipelines import brief, run


def test_french_figures_and_a_target_in_one_sentence():
    text = ("Au 30 avril 2025, la province comptait 412 300 personnes affiliées à l'assurance maladie, "
            "soit 93,2 % de la population, alors que l'objectif retenu pour fin 2025 est de 95 %.")
    figures, targets = run(text, "fr")
    assert brief(figures, "metric", "as_of") == [
        (412300, "count", "health_insurance_participants", "2025-04-30"),
        (93.2, "percent", "health_insurance_coverage", "2025-04-30")]
    assert brief(targets, "metric", "year", "comparator") == [
        (95, "percent", "health_insurance_coverage", 2025, "=")]


def test_french_goal_verbs_and_deadlines():
    text = ("D'ici 2030, les autorités visent 40 % des actifs du territoire affiliés à l'assurance sociale "
            "et un taux de couverture de l'assurance maladie supérieur à 97 %. Pour atteindre ces "
            "objectifs, l'agence a ouvert 25 guichets.")
    figures, targets = run(text, "fr")
    assert brief(targets, "metric", "year", "comparator") == [
        (40, "percent", "social_insurance_coverage", 2030, "="),
        (97, "percent", "health_insurance_coverage", 2030, ">")]
    assert brief(figures) == [(25, "count")]


def test_english_figures_targets_years():
    text = ("As of May 31, some 2.1 million residents held health insurance cards, or 91.7 per cent of "
            "the population, up 0.5 percentage points year on year. The province aims to reach 93 per "
            "cent by 2026 and at least 95 per cent by 2030.")
    figures, targets = run(text, "en")
    assert brief(figures, "qualifier", "metric", "as_of") == [
        (2_100_000, "count", "approx", "health_insurance_participants", "2025-05-31"),
        (91.7, "percent", "exact", "health_insurance_coverage", "2025-05-31"),
        (0.5, "percentage_point", "exact", "other", "2025-05-31")]
    assert brief(targets, "year", "comparator") == [(93, "percent", 2026, "="), (95, "percent", 2030, ">=")]


def test_english_goal_stated_after_the_number():
    text = ("Coverage stands at 92.1 per cent, still below the 94 per cent the province wants to reach "
            "this year. Social insurance covered 27.5 per cent of the labour force.")
    figures, targets = run(text, "en", published="2025-10-02")
    assert brief(figures, "metric") == [(92.1, "percent", "health_insurance_coverage"),
                                        (27.5, "percent", "social_insurance_coverage")]
    assert brief(targets, "year") == [(94, "percent", 2025)]


def test_vietnamese_figures_and_targets():
    text = ("Tính đến cuối tháng 5/2025, toàn tỉnh có 812.400 người tham gia BHYT, tỷ lệ bao phủ "
            "đạt 94,1% dân số. Năm 2025, tỉnh phấn đấu đạt 95,5% dân số tham gia BHYT và 22% lực lượng lao "
            "động tham gia BHXH.")
    figures, targets = run(text, "vi")
    assert brief(figures, "metric", "as_of") == [
        (812400, "count", "health_insurance_participants", "2025-05-31"),
        (94.1, "percent", "health_insurance_coverage", "2025-05-31")]
    assert brief(targets, "metric", "year") == [
        (95.5, "percent", "health_insurance_coverage", 2025),
        (22, "percent", "social_insurance_coverage", 2025)]


def test_vietnamese_gap_to_a_target_is_a_figure():
    text = "Tỷ lệ bao phủ đạt 93,4%, còn cách chỉ tiêu 95% được giao cho năm 2025 khoảng 1,6 điểm phần trăm."
    figures, targets = run(text, "vi")
    assert brief(targets) == [(95, "percent")]
    assert brief(figures, "qualifier", "metric") == [(93.4, "percent", "exact", "health_insurance_coverage"),
                                                     (1.6, "percentage_point", "approx", "other")]


def test_english_new_participants_and_a_goal_that_opens_its_own_phrase():
    text = ("Social insurance is spreading: the drive signed up 230 new voluntary participants. Binh Son "
            "stood at 97.5% and aims to reach 99 per cent by the end of 2026. The province targets "
            "social insurance coverage of 20 per cent by 2027, with at least 60,000 voluntary members.")
    figures, targets = run(text, "en")
    assert brief(figures, "metric") == [(230, "count", "social_insurance_participants"),
                                        (97.5, "percent", "social_insurance_coverage")]
    assert brief(targets, "metric", "year") == [
        (99, "percent", "social_insurance_coverage", 2026),
        (20, "percent", "social_insurance_coverage", 2027),
        (60000, "count", "social_insurance_participants", 2027)]


def test_vietnamese_plan_assigned_is_a_target_but_a_share_of_the_plan_is_not():
    text = ("Kế hoạch giao năm 2026 đối với tỉnh là 94% dân số tham gia BHYT. Năm 2026, BHXH Việt Nam "
            "giao kế hoạch cho tỉnh đạt tỷ lệ bao phủ BHYT 95,5% dân số. Thu BHXH đạt 80,5% kế hoạch "
            "giao, với 3.200 người tham gia BHXH tự nguyện.")
    figures, targets = run(text, "vi", published="2025-12-01")
    assert brief(targets, "metric", "year") == [(94, "percent", "health_insurance_coverage", 2026),
                                                (95.5, "percent", "health_insurance_coverage", 2026)]
    assert brief(figures) == [(80.5, "percent"), (3200, "count")]


@pytest.mark.parametrize("lang,text", [
    ("en", "In 2025 the province aims to insure more than 95 per cent of residents, and by 2030 "
           "at least 35 per cent of the workforce should pay into social insurance."),
    ("fr", "En 2025, la province s'efforce de porter la couverture maladie à plus de 95 % des habitants "
           "et vise, d'ici 2030, au moins 35 % de la population active affiliée à l'assurance sociale."),
])
def test_a_deadline_after_a_coordinator_belongs_to_the_next_target(lang, text):
    _, targets = run(text, lang)
    assert brief(targets, "year") == [(95, "percent", 2025), (35, "percent", 2030)]


def test_a_year_after_a_comma_belongs_to_the_next_target():
    text = "Trong năm 2025, huyện phấn đấu tỷ lệ bao phủ BHYT đạt 93%, năm 2027 nâng lên ít nhất 96%."
    _, targets = run(text, "vi")
    assert brief(targets, "year") == [(93, "percent", 2025), (96, "percent", 2027)]


def test_school_year_end_is_no_deadline_and_upgrading_is_no_goal():
    text = ("Năm nay, 9 trường được nâng cấp với tổng vốn hơn 85 tỷ đồng. Ngành giáo dục phấn đấu có "
            "thêm 12 trường đạt chuẩn vào cuối năm học.")
    figures, targets = run(text, "vi", published="2025-09-05")
    assert brief(figures) == [(9, "count"), (85_000_000_000, "currency")]
    assert brief(targets, "year") == [(12, "count", None)]


def test_a_goal_governs_a_listed_series_of_numbers():
    text = ("Đến năm 2030, tỉnh đặt mục tiêu có ít nhất 40% lực lượng lao động tham gia BHXH, "
            "khoảng 30% tham gia bảo hiểm thất nghiệp và trên 96% dân số có thẻ BHYT.")
    figures, targets = run(text, "vi")
    assert figures == []
    assert brief(targets, "year", "comparator") == [
        (40, "percent", 2030, ">="), (30, "percent", 2030, "~"), (96, "percent", 2030, ">")]


@pytest.mark.parametrize("lang,text", [
    ("vi", "Huyện phấn đấu đạt 95% dân số có thẻ BHYT, hiện đạt 91,5%."),
    ("en", "The district aims to reach 95 per cent, up from 91.5 per cent last year."),
])
def test_a_comma_that_brings_the_present_back_ends_the_goal(lang, text):
    figures, targets = run(text, lang)
    assert [t.value for t in targets] == [95] and [f.value for f in figures] == [91.5]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Ces résultats restent en deçà des indicateurs assignés par le gouvernement pour 2025, à savoir "
           "94 % de couverture maladie et 20 % de la population active affiliée à l'assurance sociale."),
    ("en", "The results lag the targets assigned by the ministry for 2025, namely 94 per cent health "
           "insurance coverage and 20 per cent of the labour force in social insurance."),
])
def test_assigned_indicators_are_targets(lang, text):
    figures, targets = run(text, lang)
    assert figures == [] and brief(targets, "year") == [(94, "percent", 2025), (20, "percent", 2025)]


def test_during_this_year_is_a_report_during_a_later_year_a_plan():
    figures, targets = run("Mặt trận xã đã giúp 312 người tái tục thẻ BHYT trong năm 2025. "
                           "Huyện sẽ nhân rộng mô hình ra ít nhất 20 xã trong năm 2026.", "vi", published="2025-10-02")
    assert [f.value for f in figures] == [312]
    assert brief(targets, "year") == [(20, "count", 2026)]


def test_a_goal_list_goes_on_past_a_semicolon_and_must_reach_is_a_goal():
    text = ("Tỉnh phấn đấu đến năm 2030 có khoảng 40% lực lượng lao động tham gia BHXH; "
            "tỷ lệ tham gia bảo hiểm thất nghiệp đạt 30%. Năm 2024, tỷ lệ bao phủ BHYT đạt 93%.")
    figures, targets = run(text, "vi")
    assert brief(targets, "year") == [(40, "percent", 2030), (30, "percent", 2030)]
    assert [f.value for f in figures] == [93]
    _, targets = run("By the end of this year we must reach 94 per cent health insurance coverage.", "en")
    assert brief(targets, "metric") == [(94, "percent", "health_insurance_coverage")]


def test_an_amount_compared_with_the_assigned_plan_is_a_figure():
    figures, targets = run("Quỹ đã chi 1.284 tỷ đồng, vượt khoảng 96 tỷ đồng so với dự toán được giao đầu năm.", "vi")
    assert targets == [] and [f.value for f in figures] == [1_284_000_000_000, 96_000_000_000]


def test_a_subset_of_a_goal_is_a_goal_and_fixer_pour_introduces_goals():
    _, targets = run("Tỉnh phấn đấu đến năm 2030 có khoảng 40% lực lượng lao động tham gia BHXH, trong đó "
                     "nông dân tham gia BHXH tự nguyện chiếm khoảng 6%.", "vi")
    assert [t.value for t in targets] == [40, 6]
    _, targets = run("La résolution fixe pour 2025 un taux de participation à l'assurance sociale d'environ "
                     "45 % de la population active et de 35 % pour l'assurance chômage.", "fr")
    assert brief(targets, "year") == [(45, "percent", 2025), (35, "percent", 2025)]


def test_a_bracketed_value_after_a_goal_noun_is_the_goal():
    text = ("Tỷ lệ bao phủ BHYT đạt 88,1% dân số, thấp hơn chỉ tiêu được giao tại Quyết định số 12/QĐ-UBND "
            "của tỉnh (90,5%).")
    figures, targets = run(text, "vi")
    assert brief(targets) == [(90.5, "percent")]
    assert (88.1, "percent") in brief(figures)


def test_a_restated_goal_is_a_goal_too():
    text = ("La province s'efforce de porter le nombre d'assurés à 1,2 million, soit 96 % de la population, "
            "d'ici la fin de l'année.")
    figures, targets = run(text, "fr")
    assert brief(targets) == [(1_200_000, "count"), (96, "percent")]
    assert figures == []


def test_french_expected_numbers_are_goals():
    text = "Quelque 42 000 travailleurs, soit 31 % de la main-d'œuvre, devraient adhérer à l'assurance sociale."
    figures, targets = run(text, "fr")
    assert brief(targets) == [(42_000, "count"), (31, "percent")]


def test_a_past_as_of_date_or_a_running_total_is_no_goal():
    text = ("Tính đến hết năm 2024, toàn tỉnh có 1,2 triệu người tham gia BHYT, nâng tổng số người "
            "tham gia lên 1,25 triệu người.")
    figures, targets = run(text, "vi", published="2025-02-10")
    assert targets == []
    assert brief(figures) == [(1_200_000, "count"), (1_250_000, "count")]


def test_surpassing_a_goal_by_a_margin_is_a_figure():
    text = "The number of app users surpassed the target by 12% this year."
    figures, targets = run(text, "en")
    assert targets == [] and brief(figures) == [(12, "percent")]


def test_a_rate_beside_the_plan_is_a_figure():
    figures, targets = run("Coverage reached 91.2 per cent, below its annual target.", "en")
    assert targets == [] and brief(figures) == [(91.2, "percent")]


@pytest.mark.parametrize("lang,text,value", [
    ("vi", "Năm nay, huyện tiếp tục duy trì tỷ lệ tham gia BHYT đạt 95% dân số.", 95),
    ("fr", "Le nombre d'assurés devrait atteindre 1,3 million l'an prochain.", 1_300_000),
    ("en", "The number of insured people is expected to reach 1.2 million next year.", 1_200_000),
])
def test_expected_and_maintained_levels_are_goals(lang, text, value):
    _, targets = run(text, lang)
    assert [t.value for t in targets] == [value]


def test_french_future_tense_announces_a_goal():
    _, targets = run("La province portera l'aide à 20 % des cotisations et organisera 12 séances en 2026.", "fr")
    assert [t.value for t in targets] == [20, 12]


def test_a_contrast_after_a_goal_brings_back_the_present():
    text = ("Tỷ lệ tham gia BHXH đạt 38,1%, vượt chỉ tiêu đề ra (38%); tuy nhiên, tỷ lệ bao phủ BHYT "
            "mới đạt 86,3% dân số.")
    figures, targets = run(text, "vi")
    assert brief(targets) == [(38, "percent")]
    assert (86.3, "percent") in brief(figures)


def test_a_date_in_a_sentence_is_no_deadline_unless_a_deadline_word_leads_it():
    _, targets = run("Tính đến ngày 30/9/2025, tỉnh phấn đấu đạt 95% dân số tham gia BHYT.", "vi")
    assert [(t.value, t.year) for t in targets] == [(95, None)]
    _, targets = run("Tỉnh phấn đấu đạt 95% dân số tham gia BHYT đến ngày 31/12/2026.", "vi")
    assert [(t.value, t.year) for t in targets] == [(95, 2026)]


@pytest.mark.parametrize("lang,text,value", [
    ("vi", "Kế hoạch năm 2026 là 95,5% dân số tham gia BHYT, hiện đã đạt 93,1%.", 95.5),
    ("fr", "L'objectif fixé pour 2026 est de 420 000 assurés. La province en compte 401 000.", 420_000),
    ("en", "This year's target is 1.1 million participants, against 1.05 million now.", 1_100_000),
])
def test_a_plan_stated_as_the_number_to_reach_is_a_goal(lang, text, value):
    figures, targets = run(text, lang)
    assert [t.value for t in targets] == [value]
    assert len(figures) == 1


def test_english_share_of_an_assigned_target_is_a_figure_of_other():
    text = ("The number of voluntary social insurance participants is 46,586 people, reaching 92.3% of the target assigned "
            "by Vietnam Social Security.")
    figures, targets = run(text, "en")
    assert targets == []
    assert brief(figures, "metric") == [(46586, "count", "social_insurance_participants"), (92.3, "percent", "other")]


def test_vietnamese_result_over_its_goal_after_a_slash():
    text = ("So với chỉ tiêu huyện giao, xã A đạt 82,5%/91,2%, cần phát triển thêm 1.100 người "
            "để đạt tỷ lệ bao phủ năm 2025 là 93,8%.")
    figures, targets = run(text, "vi", published="2025-04-02")
    assert brief(figures) == [(82.5, "percent"), (1100, "count")]
    assert brief(targets, "year") == [(91.2, "percent", 2025), (93.8, "percent", 2025)]


def test_vietnamese_plan_of_the_city_is_and_its_restatement():
    text = ("Theo kế hoạch của thành phố về tỷ lệ bao phủ BHYT năm 2026 là 91,5% tương đương 820.000 người "
            "có thẻ BHYT.")
    figures, targets = run(text, "vi", published="2026-07-02")
    assert figures == []
    assert brief(targets, "year") == [(91.5, "percent", 2026), (820000, "count", 2026)]


def test_a_margin_over_the_goal_is_a_figure_and_starts_no_goal_list():
    text = ("Năm 2026, 1,9 triệu người tham gia BHXH tự nguyện, đạt 4,1% lực lượng lao động (vượt 1,5% mục tiêu "
            "đến năm 2030 tại Nghị quyết số 28-NQ/TW); 15,2 triệu người tham gia BHTN.")
    figures, targets = run(text, "vi", published="2027-03-01")
    assert [f.value for f in figures] == [1900000, 4.1, 1.5, 15200000] and targets == []
    text = ("Fin 2026, la couverture atteignait 94,1 % de la population, soit 0,3 % de plus que l'objectif "
            "fixé par le gouvernement.")
    figures, targets = run(text, "fr", published="2027-01-10")
    assert brief(figures) == [(94.1, "percent"), (0.3, "percent")] and targets == []


def test_a_goal_in_brackets_starts_no_goal_list():
    text = ("Đến 31/12/2026, BHTN có 190.000 người, đạt 32,5%, cao hơn 0,5% so với chỉ tiêu tỉnh giao (32%); "
            "BHYT có 1.010.000 người, đạt 86,5% dân số.")
    figures, targets = run(text, "vi", published="2027-02-01")
    assert brief(targets) == [(32, "percent")]
    assert 1010000 in [f.value for f in figures]


def test_french_subsidy_rates_in_the_future_are_rules_not_goals():
    text = ("Le budget provincial accordera une aide de 30 % sur les cotisations des ménages quasi pauvres. "
            "Le district prévoit également une subvention supplémentaire de 20 % pour les élèves. "
            "L'aide du district couvrira 40 % des primes mensuelles. "
            "La province portera le taux de couverture à 95 % d'ici 2030 et l'assurance maladie couvrira "
            "plus de 97 % de la population en 2035.")
    figures, targets = run(text, "fr", published="2026-05-01")
    assert brief(figures) == [(30, "percent"), (20, "percent"), (40, "percent")]
    assert brief(targets, "year") == [(95, "percent", 2030), (97, "percent", 2035)]


def test_goals_listed_under_a_lead_in_that_announces_them():
    text = ("Targets for health and social insurance until 2030 include:\n"
            "• 60% of the workforce participating in social insurance.\n"
            "• Over 95% of the population covered by health insurance.\n"
            "Last year 1,200 people joined.")
    figures, targets = run(text, "en", published="2026-02-01")
    assert brief(targets, "year") == [(60, "percent", 2030), (95, "percent", 2030)]
    assert brief(figures) == [(1200, "count")]


def test_a_restatement_carries_the_goal_across_a_few_words():
    text = ("Some 19.5 million people or 38.2% of the workforce are expected to join social insurance. "
            "D'ici 2030, la couverture devrait atteindre 45 % de la population active, soit près de "
            "22 millions de personnes.")
    _, targets = run(text, "en", published="2026-02-01")
    assert brief(targets) == [(19500000, "count"), (38.2, "percent")]
    _, targets = run(text.split(". ", 1)[1], "fr", published="2026-02-01")
    assert brief(targets, "year") == [(45, "percent", 2030), (22000000, "count", 2030)]


def test_a_share_of_the_goals_set_by_an_agency_is_a_figure():
    text = "Les recettes ont atteint 7 091 milliards de VND, soit 74,4 % des objectifs fixés par la Caisse nationale."
    figures, targets = run(text, "fr", published="2025-10-01")
    assert [f.value for f in figures] == [7091000000000, 74.4] and targets == []


def test_a_goal_restated_in_a_caption_is_one_goal_but_listed_goals_stay_apart():
    text = ("Tỉnh phấn đấu đến cuối năm 2026 tỷ lệ bao phủ BHYT đạt 93% dân số.\n"
            "Ngành BHXH tỉnh tuyên truyền, phấn đấu đạt 93% dân số tham gia BHYT.")
    _, targets = run(text, "vi", published="2026-06-01")
    assert brief(targets, "year") == [(93, "percent", 2026)]
    text = ("Targets until 2030 include:\n• 60% of the workforce joining social insurance.\n"
            "• 60% of retirees receiving pensions.")
    _, targets = run(text, "en", published="2026-06-01")
    assert brief(targets, "year") == [(60, "percent", 2030), (60, "percent", 2030)]


def test_a_quota_table_flattened_one_cell_to_a_line():
    text = ("Chỉ tiêu tỷ lệ bao phủ BHYT của các huyện được giao như sau:\n\nTT\n\nHuyện\n\nNăm 2027\n\n"
            "1\n\nHuyện A\n\n95.00%\n\n2\n\nHuyện B\n\n95.00%\n\n3\n\nHuyện C\n\n96.50%")
    figures, targets = run(text, "vi", published="2026-06-01")
    assert figures == []
    assert brief(targets) == [(95, "percent"), (95, "percent"), (96.5, "percent")]


def test_a_goal_list_carried_past_a_semicolon_goes_on_to_its_end():
    text = ("Nghị quyết đề ra mục tiêu năm 2027 phấn đấu có 36% lực lượng lao động tham gia BHXH, "
            "29% tham gia BHTN và 93% dân số tham gia BHYT; năm 2028 là 38%, 31% và 94%.")
    figures, targets = run(text, "vi", published="2026-06-01")
    assert figures == []
    assert brief(targets, "year") == [(36, "percent", 2027), (29, "percent", 2027), (93, "percent", 2027),
                                      (38, "percent", 2028), (31, "percent", 2028), (94, "percent", 2028)]


def test_margins_over_a_goal_and_a_quota_assigned_to_a_province():
    text = ("La couverture a été portée à 81 %, soit 1,2 % supérieur à l'objectif fixé par le gouvernement. "
            "Les recettes ont augmenté de 5,1 % par rapport à l'objectif fixé par le gouvernement.")
    figures, targets = run(text, "fr", published="2026-03-01")
    assert [f.value for f in figures] == [81, 1.2, 5.1] and targets == []
    text = "Tỉnh được giao chỉ tiêu cụ thể: năm 2027: 93,0%; năm 2028: 94,0%."
    figures, targets = run(text, "vi", published="2026-03-01")
    assert figures == [] and brief(targets, "year") == [(93, "percent", 2027), (94, "percent", 2028)]


def test_a_result_already_reached_and_subsidy_levels_are_no_goals():
    text = ("Regarding the targets, the number of participants has reached 552,000 by the end of September, "
            "equal to 92 per cent of the target set by VSS.")
    figures, targets = run(text, "en", published="2026-10-10")
    assert [f.value for f in figures] == [552000, 92] and targets == []
    text = "Hộ nghèo được hỗ trợ thêm, nâng tổng mức hỗ trợ lên 100% mức đóng BHXH tự nguyện."
    figures, targets = run(text, "vi", published="2026-10-10")
    assert brief(figures) == [(100, "percent")] and targets == []
    text = "Les élèves bénéficieront d'une prise en charge de 50 % de la prime d'assurance maladie."
    figures, targets = run(text, "fr", published="2026-10-10")
    assert brief(figures) == [(50, "percent")] and targets == []


def test_a_rate_that_passes_its_goal_is_a_figure():
    text = "Fin mai 2026, la province a connu un taux de couverture de 92,4 %, dépassant ainsi son objectif fixé pour 2027."
    figures, targets = run(text, "fr", published="2026-06-10")
    assert brief(figures) == [(92.4, "percent")] and targets == []


def test_quotas_assigned_and_results_over_their_quota():
    text = "Đến tháng 4/2026, huyện đã có 2.870 người tham gia BHXH tự nguyện/chỉ tiêu 3.335 người, đạt 86,05% kế hoạch."
    figures, targets = run(text, "vi", published="2026-04-20")
    assert brief(figures) == [(2870, "count"), (86.05, "percent")] and brief(targets) == [(3335, "count")]
    text = "Vượt chỉ tiêu Thủ tướng giao (năm 2027 Thủ tướng giao 93,2%; Quốc hội giao tỷ lệ bao phủ năm 2030 là trên 95%)."
    _, targets = run(text, "vi", published="2026-04-20")
    assert brief(targets, "year") == [(93.2, "percent", 2027), (95, "percent", 2030)]
    text = "As of September 30, 1,030/1,200 people joined voluntary social insurance, 85.8% of the assigned target."
    figures, targets = run(text, "en", published="2026-10-20")
    assert brief(figures) == [(1030, "count"), (85.8, "percent")] and brief(targets) == [(1200, "count")]


def test_vietnamese_results_so_far_and_quotas_wards_must_reach():
    text = "Thực hiện Đề án BHYT toàn dân đến năm 2027, đến nay thành phố có gần 45.900 người tham gia BHYT."
    figures, targets = run(text, "vi", published="2026-03-01")
    assert brief(figures) == [(45900, "count")] and targets == []
    text = "Một số phường phải vận động rất cao như: Phường A là 32.600 người; Phường B là 31.600 người."
    figures, targets = run(text, "vi", published="2026-03-01")
    assert figures == [] and brief(targets) == [(32600, "count"), (31600, "count")]


def test_french_goals_stated_as_commitments_unmet_plans_and_the_goal_of():
    text = ("La difficulté réside dans l'atteinte de l'objectif de 100 % de participation. "
            "Le taux de 98 % n'a pas été atteint comme prévu. "
            "Le secteur s'est engagé à examiner 90 % des habitants. "
            "La ville cherche actuellement à étendre la couverture à 97 % de sa population.")
    figures, targets = run(text, "fr", published="2026-03-01")
    assert figures == [] and brief(targets) == [(100, "percent"), (98, "percent"), (90, "percent"), (97, "percent")]


def test_vietnamese_numbers_assigned_to_a_province_are_goals():
    text = ("Theo đó, số người được giao trên toàn tỉnh đối với BHXH bắt buộc là 34.200, BHXH tự nguyện là "
            "22.400 người, BHYT là 621.400 người.")
    figures, targets = run(text, "vi", published="2026-03-20")
    assert figures == [] and brief(targets) == [(34200, "count"), (22400, "count"), (621400, "count")]


def test_both_ends_of_a_hyphen_range_share_the_goal_and_the_list_goes_on():
    text = ("Năm 2027, ngành phấn đấu hoàn thành các chỉ tiêu, cụ thể: số người tham gia BHXH, BHTN đạt "
            "khoảng 41-42% và 33% lực lượng lao động trong độ tuổi.")
    figures, targets = run(text, "vi", published="2026-12-01")
    assert figures == [] and brief(targets, "year") == [(41, "percent", 2027), (42, "percent", 2027),
                                                        (33, "percent", 2027)]


@pytest.mark.parametrize("lang, text, figure, goal", [
    ("vi", "Tỷ lệ đạt 3,4% lực lượng lao động, vượt so với mục tiêu 2,8% của tỉnh.", 3.4, 2.8),
    ("fr", "La couverture a atteint 91,3 % dans le district, en deçà de l'objectif de 93 % de la province.", 91.3, 93),
    ("en", "Coverage stood at 88.6 percent in the district, below the target of 90 percent.", 88.6, 90),
])
def test_a_value_a_goal_noun_names_right_before_it_is_the_goal(lang, text, figure, goal):
    figures, targets = run(text, lang, published="2026-03-01")
    assert brief(figures) == [(figure, "percent")] and brief(targets) == [(goal, "percent")]


def test_a_count_of_criteria_over_their_whole_is_no_goal():
    figures, targets = run("Đến nay huyện có 18/18 xã đạt chuẩn, bình quân 17,2 tiêu chí/xã.", "vi", published="2026-03-01")
    assert targets == [] and brief(figures) == [(18, "count"), (18, "count"), (17.2, "count")]


def test_a_goal_list_goes_on_past_a_range_and_keeps_equal_values_apart():
    text = ("Ten targets including: investment at 31-32 percent of GDP; the poverty rate to fall by 1-1.5 "
            "percent and the rate of poor districts to drop by 3 percent; urban unemployment below 3 percent.")
    figures, targets = run(text, "en", published="2026-11-10")
    assert [v for v, _ in brief(targets)] == [31, 32, 1, 1.5, 3, 3] and brief(figures) == [(10, "count")]


@pytest.mark.parametrize("text, goals", [
    ("Under the plan, compulsory coverage will reach 41% of the workforce, while unemployment insurance "
     "will be 36%.", [41, 36]),
    ("Each post office worker is expected to sign up three new voluntary participants.", [3]),
    ("Hospital beds per 10,000 residents will reach 31 by 2028.", [31]),
])
def test_english_future_statements_are_goals_and_a_rate_base_is_no_quantity(text, goals):
    figures, targets = run(text, "en", published="2026-11-10")
    assert [v for v, _ in brief(targets)] == goals and figures == []


def test_numbered_items_under_a_heading_line_and_its_sub_headings_are_goals():
    text = ("- Về kinh tế:\n(1) Thu nhập bình quân đầu người: 80 triệu đồng/năm.\n"
            "(2) Tỷ lệ hộ nghèo giảm bình quân/năm: trên 2%. Hộ khá: 40%.\n- Về xã hội:\n"
            "(3) Tỷ lệ dân số có thẻ bảo hiểm y tế: từ 96% trở lên.")
    figures, targets = run(text, "vi", published="2026-03-01", title="Các chỉ tiêu chủ yếu nhiệm kỳ 2026-2030")
    assert figures == [] and [v for v, _ in brief(targets)] == [80_000_000, 2, 40, 96]
    figures, targets = run(text, "vi", published="2026-03-01", title="Kết quả nổi bật của xã")
    assert targets == [] and [v for v, _ in brief(figures)] == [80_000_000, 2, 40, 96]


def test_a_goal_noun_that_announces_what_follows():
    text = ("Quốc hội đã thông qua Nghị quyết về Kế hoạch 5 năm 2026-2030 với những chỉ tiêu cụ thể. "
            "Theo đó, tăng trưởng bình quân khoảng 7-7,5%; thu nhập bình quân đạt khoảng 8.000-8.500 USD; "
            "tốc độ tăng năng suất lao động trên 6%/năm. "
            "Về các chỉ tiêu xã hội, tuổi thọ trung bình 76 tuổi; tỷ lệ lao động qua đào tạo là 75%, trong đó "
            "có bằng cấp, chứng chỉ đạt 35%; tỷ lệ tham gia BHYT đạt 95% dân số.")
    figures, targets = run(text, "vi", published="2026-03-01")
    assert figures == [] and [v for v, _ in brief(targets)] == [7, 7.5, 8000, 8500, 6, 75, 35, 95]


def test_a_goal_noun_mid_list_announces_nothing_and_results_follow_no_goal():
    text = ("Các nghị quyết: Nghị quyết 12 hỗ trợ 100% mức đóng; Nghị quyết 13 đặt ra các chỉ tiêu "
            "về bao phủ; Nghị quyết 14 nâng mức hỗ trợ từ 70% lên 90%.")
    _, targets = run(text, "vi", published="2026-03-01")
    assert targets == []
    text = "The targets assigned by the council have all achieved the set progress. Specifically, coverage is 93.1 percent."
    figures, targets = run(text, "en", published="2026-03-01")
    assert targets == [] and brief(figures) == [(93.1, "percent")]


def test_a_goal_restated_with_another_comparator_is_another_goal_and_rounds_are_no_quantity():
    text = ("Phấn đấu đến năm 2030 tỷ trọng công nghiệp đạt trên 30%. Tỷ lệ lao động nông nghiệp phấn đấu "
            "giảm còn khoảng 30% vào năm 2030. Phát động thi đua (đợt 2) với 150 người.")
    figures, targets = run(text, "vi", published="2026-03-01")
    assert brief(targets) == [(30, "percent"), (30, "percent")] and brief(figures) == [(150, "count")]


def test_each_cell_of_a_flattened_quota_table_takes_its_column_year():
    text = ("Chỉ tiêu bao phủ bảo hiểm y tế giao cho các tỉnh như sau:\n\nTỉnh\n\nNăm 2027\n\nNăm 2028\n\n"
            "Tỉnh A\n\n93,10%\n\n94,20%\n\nTỉnh B\n\n95,00%\n\n95,50%")
    _, targets = run(text, "vi", published="2026-12-01")
    assert brief(targets, "year") == [(93.1, "percent", 2027), (94.2, "percent", 2028),
                                      (95, "percent", 2027), (95.5, "percent", 2028)]


def test_signs_asides_plans_and_assurances_in_vietnamese_goals():
    text = ("Một số chỉ tiêu: tuổi thọ trung bình 76 (số năm sống khỏe ≥ 69); ≥ 96% dân số tham gia BHYT. "
            "Theo kế hoạch năm 2027, chương trình sẽ trao 2.500 thẻ BHYT. "
            "Huyện tiếp tục vận động đảm bảo 100% học sinh tham gia BHYT năm 2027.")
    figures, targets = run(text, "vi", published="2026-11-01")
    assert figures == [] and brief(targets, "comparator") == [
        (76, "count", "="), (69, "count", ">="), (96, "percent", ">="), (2500, "count", "="), (100, "percent", "=")]
    figures, targets = run("Tỷ lệ thất nghiệp < 4% và tuổi thọ 75 (cả nước có 9 bác sĩ).", "vi", published="2026-11-01")
    assert targets == [] and brief(figures, "qualifier") == [(4, "percent", "less_than"), (75, "count", "exact"),
                                                             (9, "count", "exact")]


def test_a_goal_list_rate_is_coverage_only_where_an_insurance_is_near():
    text = ("Tỉnh tập trung phát triển người tham gia bảo hiểm y tế.\n\nCác chỉ tiêu chủ yếu: tỷ lệ hộ dân dùng "
            "nước sạch đạt 98%; tỷ lệ đô thị hóa khoảng 45%.")
    _, targets = run(text, "vi", published="2026-03-01")
    assert [t.metric for t in targets] == ["other", "other"]


@pytest.mark.parametrize("lang, text, goal", [
    ("vi", "Kế hoạch năm 2027 giao cho huyện phát triển 1.500 người tham gia BHXH tự nguyện.", 1500),
    ("vi", "UBND tỉnh giao BHXH tỉnh phát triển 12.000 người tham gia BHXH tự nguyện năm 2027.", 12000),
    ("vi", "Tỉnh được Thủ tướng giao chỉ tiêu bao phủ BHYT năm 2027 là 93,5%.", 93.5),
    ("vi", "Chỉ tiêu giao năm 2027: 95,2% dân số tham gia BHYT.", 95.2),
    ("en", "The province was assigned to develop 12,000 voluntary social insurance participants in 2027.", 12000),
    ("fr", "La province a été chargée de développer 12 000 adhérents à l'assurance sociale en 2027.", 12000),
    ("fr", "La ville table sur un taux de couverture de 96 % cette année.", 96),
    ("en", "The province expects coverage to hit 93 percent this year.", 93),
    ("fr", "La ville espère atteindre 96 % de couverture l'an prochain, selon la caisse.", 96),
])
def test_quotas_assigned_and_expectations_are_goals(lang, text, goal):
    figures, targets = run(text, lang, published="2026-12-01")
    assert figures == [] and [t.value for t in targets] == [goal]


@pytest.mark.parametrize("lang, text, count", [
    ("en", "The plan strives to achieve 14 specific targets for the health sector by 2028.", 14),
    ("vi", "Nghị quyết đặt mục tiêu đến năm 2030 với 6 quan điểm chỉ đạo.", 6),
    ("fr", "La province vise d'ici 2030 12 objectifs prioritaires.", 12),
])
def test_a_count_of_goals_is_no_goal(lang, text, count):
    figures, targets = run(text, lang, published="2026-12-01")
    assert targets == [] and brief(figures) == [(count, "count")]


def test_french_computed_amounts_and_ranks_in_the_future_are_no_goals():
    text = ("Grâce à cette aide, le montant de la cotisation s'élèvera à 512 000 VND par an. "
            "Le pays se classera parmi les 15 économies les plus dynamiques.")
    figures, targets = run(text, "fr", published="2026-12-01")
    assert targets == [] and [f.value for f in figures] == [512000, 15]


@pytest.mark.parametrize("lang,text,targets,figures", [
    # reported speech in the conditional is a plan (future in the past); a hedged estimate is not
    ("fr", "L'association a annoncé qu'elle construirait 40 maisons et offrirait 500 bourses aux élèves.", [40, 500], []),
    ("fr", "Selon le service de l'emploi, la demande concernerait environ 5 200 postes.", [], [5200]),
    ("fr", "Le syndicat des médecins a promis de soigner gratuitement 2 000 habitants des villages.", [2000], []),
    ("vi", "Năm tới, BHXH huyện sẽ cố gắng phát triển thêm 1.500 người tham gia BHXH tự nguyện.", [1500], []),
    ("vi", "Nhờ sự cố gắng của cán bộ, huyện có 1.500 người tham gia BHXH tự nguyện.", [], [1500]),
    # a result as a share of a long-named target, and what follows it, are results
    ("en", "The town reached 91.2% of its annual health insurance coverage target, with 88,000 people covered.",
     [], [91.2, 88000]),
    ("en", "Coverage reached 95.1%, exceeding the assigned target by 0.5%.", [], [95.1, 0.5]),
])
def test_plans_in_reported_speech_and_results_against_a_named_target(lang, text, targets, figures):
    got_figures, got_targets = run(text, lang, published="2027-05-01")
    assert [t.value for t in got_targets] == targets
    assert [f.value for f in got_figures] == figures


def test_a_change_in_a_goal_list_after_a_semicolon_is_a_goal():
    text = ("Về các chỉ tiêu xã hội, tỷ lệ lao động qua đào tạo là 75%; tỷ lệ hộ nghèo giảm 1,2%/năm; "
            "tỷ lệ tham gia BHYT đạt 96% dân số.")
    figures, targets = run(text, "vi", published="2026-02-01")
    assert figures == [] and [t.value for t in targets] == [75, 1.2, 96]


@pytest.mark.parametrize("lang,text,goals", [
    ("en", "To reach 95% coverage by the end of 2027, the district needs to develop nearly 12 thousand more participants.",
     [95, 12_000]),
    ("en", "The commune is determined to mobilize at least 250 more people to join health insurance.", [250]),
    ("vi", "Mỗi thôn phải có ít nhất 02 tổ tự quản giúp nhau tham gia BHYT.", [2]),
])
def test_needs_to_develop_determined_to_and_must_have_state_goals(lang, text, goals):
    _, targets = run(text, lang, published="2027-03-01")
    assert [t.value for t in targets] == goals


@pytest.mark.parametrize("lang,text,targets,figures", [
    ("vi", "Kết quả có được nhờ sự nỗ lực phấn đấu của 12 tổ công tác ở các ấp.", [], [12]),
    ("vi", "Xã nỗ lực phấn đấu đạt 96% dân số tham gia BHYT vào cuối năm.", [96], []),
    ("vi", "Huyện đã đưa chỉ tiêu bao phủ BHYT vào xét thi đua của 15 xã.", [], [15]),
    ("fr", "L'association a pour sa part promis de soigner gratuitement 3 000 habitants.", [3000], []),
])
def test_striving_as_a_noun_and_putting_a_goal_into_a_contest_state_no_goal(lang, text, targets, figures):
    got_figures, got_targets = run(text, lang, published="2027-05-01")
    assert [t.value for t in got_targets] == targets and [f.value for f in got_figures] == figures


@pytest.mark.parametrize("text,targets,figures", [
    ("Huyện triển khai các giải pháp để đạt chỉ tiêu bao phủ BHYT năm 2027 từ 92% trở lên.", [92], []),
    ("Để đạt các chỉ tiêu trên, huyện đã vận động 1.200 người tham gia.", [], [1200]),
    ("Tỷ lệ bao phủ BHYT vẫn thấp so với chỉ tiêu cần đạt được vào cuối năm là 88% dân số.", [88], []),
])
def test_to_reach_a_goal_that_names_its_value_and_the_goal_to_reach_by_year_end(text, targets, figures):
    got_figures, got_targets = run(text, "vi", published="2027-05-01")
    assert [t.value for t in got_targets] == targets and [f.value for f in got_figures] == figures


def test_will_reach_in_vietnamese_is_a_goal_will_have_is_not():
    _, targets = run("Năm 2028, tỷ lệ bao phủ BHYT của thành phố sẽ đạt 95,5%.", "vi", published="2027-05-01")
    assert [t.value for t in targets] == [95.5]
    figures, targets = run("Người tham gia sẽ có thêm 2 quyền lợi mới.", "vi", published="2027-05-01")
    assert targets == [] and [f.value for f in figures] == [2]


def test_a_bracketed_goal_after_the_margin_over_it():
    figures, targets = run("In 2026, coverage reached 94.5%, exceeding the assigned target by 0.9% (93.6%).", "en",
                           published="2027-01-10")
    assert [t.value for t in targets] == [93.6] and [f.value for f in figures] == [94.5, 0.9]


@pytest.mark.parametrize("lang,text", [
    ("vi", "Năm 2018, toàn huyện chỉ có 100 người tham gia BHXH tự nguyện, đến năm 2020 đã tăng lên gần 500 người."),
    ("en", "Last year, despite efforts to raise awareness, only 68% of the pupils enrolled in health insurance."),
])
def test_a_past_result_after_a_deadline_phrase_or_awareness_raising_is_no_goal(lang, text):
    figures, targets = run(text, lang, published=None)
    assert targets == [] and len(figures) == 2 - (lang == "en")


@pytest.mark.parametrize("lang,text", [
    ("fr", "La résolution fixe 12 indicateurs majeurs, parmi lesquels une croissance d'au moins 7 % et une couverture "
           "maladie de 96 %."),
    ("en", "The resolution sets 12 key targets, including growth of at least 7% and health insurance coverage of 96%."),
    ("vi", "Nghị quyết đề ra 12 chỉ tiêu chủ yếu, trong đó tăng trưởng đạt ít nhất 7%, tỷ lệ bao phủ BHYT đạt 96%."),
])
def test_goals_listed_after_their_count(lang, text):
    figures, targets = run(text, lang, published="2026-11-20")
    assert brief(figures) == [(12, "count")] and brief(targets) == [(7, "percent"), (96, "percent")]


def test_a_numbered_list_under_a_short_sentence_announcing_goals():
    text = ("The Plan for 2027 was adopted on Friday.\n\nThe resolution sets out 3 key targets.\n"
            "1. GDP growth is about 7%.\n2. Health insurance coverage reaches 96%.\n3. Urban unemployment below 4%.")
    figures, targets = run(text, "en", published="2026-11-20")
    assert brief(targets, "year") == [(7, "percent", 2027), (96, "percent", 2027), (4, "percent", 2027)]


def test_goals_stated_one_to_a_sentence_after_a_goal_setting_sentence():
    text = ("Đảng bộ xã đặt mục tiêu đến năm 2030, thu ngân sách đạt trên 20 tỷ đồng. Thu nhập bình quân đạt 60 triệu "
            "đồng/năm. Tỷ lệ hộ nghèo giảm còn 2%.\n\nNăm 2025, tỷ lệ bao phủ BHYT đạt 94%.")
    figures, targets = run(text, "vi", published="2026-06-01")
    assert [(t.value, t.year) for t in targets] == [(20_000_000_000, 2030), (60_000_000, 2030), (2, 2030)]
    assert [f.value for f in figures] == [94]


def test_a_result_set_against_its_goal_carries_nothing_into_the_next_sentence():
    text = ("At the end of June, 213,400 people paid into social insurance, short of the 25 per cent set for 2027. "
            "Only 28,950 of them were in the voluntary scheme.")
    figures, targets = run(text, "en", published="2026-07-10")
    assert brief(targets) == [(25, "percent")] and 28950 in [f.value for f in figures]


@pytest.mark.parametrize("lang,text,value", [
    ("fr", "Le taux d'inflation est fixé à environ 4 %.", 4),
    ("fr", "Le taux de pauvreté devrait baisser de 1 point.", 1),
    ("fr", "En 2027, 95 % de la population seront couverts par l'assurance maladie.", 95),
    ("vi", "Mỗi cán bộ, đảng viên vận động được ít nhất 2 người tham gia BHXH tự nguyện.", 2),
    ("en", "Each official must persuade at least 2 relatives to join voluntary social insurance.", 2),
    ("en", "Pupils are a mandatory group, requiring schools to cover at least 98%.", 98),
])
def test_quotas_and_plans_in_real_phrasing(lang, text, value):
    _, targets = run(text, lang, published="2026-06-01")
    assert [t.value for t in targets] == [value]


def test_a_goal_noun_counted_before_it_governs_no_later_number():
    figures, targets = run("This is one among 12 targets of the Plan, approved on Monday with 88.20 percent of votes.",
                           "en", published="2026-11-20")
    assert targets == [] and [f.value for f in figures] == [12, 88.2]


@pytest.mark.parametrize("lang,text,targets_wanted", [
    ("en", "By the end of 2020, the number of people in social insurance was more than 16 million.", []),
    ("en", "The proportion will be gradually increased by 2 percent a year.", [2]),
    ("en", "Ten districts are expected to have a coverage rate of 98 percent.", [98]),
])
def test_english_results_and_plans_without_a_publication_date(lang, text, targets_wanted):
    _, targets = run(text, lang, published=None)
    assert [t.value for t in targets] == targets_wanted


def test_goals_stated_one_to_a_paragraph_go_on_across_a_paragraph_break():
    text = ("Tỉnh đặt mục tiêu đến năm 2030, thu ngân sách đạt trên 20 tỷ đồng.\n\n"
            "Tỷ lệ người dân tham gia BHYT đạt 95% trở lên.")
    _, targets = run(text, "vi", published="2026-06-01")
    assert [(t.value, t.year) for t in targets] == [(20_000_000_000, 2030), (95, 2030)]


@pytest.mark.parametrize("lang,text,targets_wanted", [
    ("vi", "Tỉnh đặt mục tiêu đến năm 2030 có ít nhất một huyện đạt chuẩn; 35 xã đạt chuẩn và 12-15 xã kiểu mẫu.",
     [35, 12, 15]),
    ("vi", "BHXH tỉnh được giao phát triển hơn 27.500 người tham gia BHXH tự nguyện.", [27500]),
    ("en", "The Government hoped to attract 42,000 new payers this year.", [42000]),
    ("en", "By the end of 2020, the whole province had 2,920,664 participants.", []),
    ("en", "The Government plans to insure everyone, although currently only 60 percent are insured.", []),
])
def test_goal_lists_past_a_semicolon_quotas_handed_down_and_results(lang, text, targets_wanted):
    _, targets = run(text, lang, published=None)
    assert [t.value for t in targets] == targets_wanted


@pytest.mark.parametrize("lang,text,targets_wanted", [
    ("en", "The province strives to have social insurance cover about 48.6% of the workforce, of which compulsory "
           "social insurance participants account for 42.6% and voluntary ones for 6%.", [48.6, 42.6, 6]),
    ("vi", "Mục tiêu nghiên cứu nhằm mô tả tỷ lệ bao phủ bảo hiểm y tế của 11 dân tộc.", []),
    ("en", "The study aims to describe health insurance coverage among 11 ethnic groups.", []),
])
def test_a_goals_parts_after_of_which_and_research_aims(lang, text, targets_wanted):
    _, targets = run(text, lang, published="2026-01-10")
    assert [t.value for t in targets] == targets_wanted


def test_raising_a_subsidy_level_is_a_rule_not_a_goal():
    figures, targets = run("Việc nâng hỗ trợ lên tối thiểu 50% mức đóng BHYT từ năm học mới giúp phụ huynh.", "vi",
                           published="2026-08-01")
    assert targets == [] and [f.value for f in figures] == [50]


def test_an_estimate_is_a_figure_even_after_a_deadline_phrase():
    figures, targets = run("By the end of 2027, social insurance coverage is estimated to reach 45.1% of the workforce. "
                           "The province aims to reach 50% by 2030.", "en", published=None)
    assert [f.value for f in figures] == [45.1] and [t.value for t in targets] == [50]


@pytest.mark.parametrize("lang,text", [
    ("en", "Over the next years the two ratios will climb to 92 percent and 85 percent by 2030 respectively."),
    ("fr", "Les deux taux passeront à 92 % et 85 % d'ici 2030."),
])
def test_a_deadline_after_two_coordinated_numbers_governs_both(lang, text):
    _, targets = run(text, lang)
    assert brief(targets, "year") == [(92, "percent", 2030), (85, "percent", 2030)]


def test_a_result_before_a_goal_phrase_stays_a_figure():
    text = "Coverage reached 91 percent last year and the province wants 94 percent by 2027."
    figures, targets = run(text, "en")
    assert brief(figures) == [(91, "percent")]
    assert brief(targets, "year") == [(94, "percent", 2027)]


def test_a_cut_is_a_change_not_a_coverage_rate():
    _, targets = run("By 2028, the district will cut at least 15 percent of its office staff.", "en")
    assert brief(targets, "metric", "comparator") == [(15, "percent", "other", ">=")]


@pytest.mark.parametrize("lang,text,goals", [
    ("en", "The upland provinces should reach the highest rates, for instance Bac Kan and Cao Bang (97 percent); "
           "Lang Son (96.5 percent).", [97, 96.5]),
    ("fr", "Le plan vise une couverture de 100 % pour les hautes terres, notamment Kon Tum (98,5 %) et Gia Lai "
           "(97,5 %).", [100, 98.5, 97.5]),
])
def test_values_in_brackets_after_names_go_on_with_a_goal(lang, text, goals):
    _, targets = run(text, lang)
    assert [t.value for t in targets] == goals


def test_a_result_in_brackets_after_a_goal_stays_a_figure():
    text = "The goal is a coverage rate of 96% of the population (93.4% in 2023)."
    figures, targets = run(text, "en", published="2024-03-01")
    assert [t.value for t in targets] == [96] and [f.value for f in figures] == [93.4]


@pytest.mark.parametrize("lang,text,value", [
    ("en", "The insurer's objective is to enrol 88% of dock workers in social insurance.", 88),
    ("en", "The new scheme envisages 97% of villagers holding health insurance cards in 2029.", 97),
    ("en", "The town is working to bring 12,500 traders into voluntary social insurance.", 12500),
    ("en", "The cooperative wants at least 640 members to buy health insurance.", 640),
    ("en", "Some 7,300 fishermen are expected to sign up for voluntary social insurance in 2027.", 7300),
    ("en", "In a bid to have 26,000 voluntary participants, the agency opened new collection points.", 26000),
    ("en", "With a view to covering 97% of pupils, schools met parents.", 97),
    ("en", "The commune pledged that all 1,150 near-poor residents will receive health insurance cards.", 1150),
    ("fr", "La caisse a pour ambition de couvrir 91 % des pêcheurs par l'assurance maladie.", 91),
    ("fr", "Le taux visé pour 2027 est de 96,4 % de la population assurée.", 96.4),
    ("fr", "Le district souhaite que 2 300 artisans adhèrent à l'assurance sociale volontaire.", 2300),
    ("fr", "La commune cherche à couvrir 98 % des écoliers par l'assurance maladie.", 98),
    ("fr", "L'assurance maladie devrait couvrir 95 % des habitants l'an prochain.", 95),
])
def test_goal_words_beyond_the_usual_verbs(lang, text, value):
    figures, targets = run(text, lang)
    assert [t.value for t in targets] == [value] and not [f for f in figures if f.value == value]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Les personnes visées à l'article 3 cotisent à hauteur de 4,5 % du salaire de base."),
    ("en", "Most drivers go to work to earn money to support two or more people."),
])
def test_goal_words_in_other_senses_set_no_goal(lang, text):
    assert run(text, lang)[1] == []


@pytest.mark.parametrize("lang,text,value", [
    ("fr", "La norme impose un taux d'affiliation à l'assurance maladie de 85 % ou plus.", 85),
    ("en", "The standard requires a health insurance coverage rate of 85% or more.", 85),
])
def test_a_required_level_is_a_goal(lang, text, value):
    _, targets = run(text, lang)
    assert [t.value for t in targets] == [value]


def test_a_numbered_list_run_into_one_paragraph_lists_goals():
    text = ("Bảo hiểm y tế.\n\nNghị quyết đề ra 4 chỉ tiêu chủ yếu, gồm: (1) Tăng trưởng kinh tế (giá so sánh "
            "2010) đạt 8%. (2) Thu ngân sách đạt 3.500 tỷ đồng. (3) Tỷ lệ dân số tham gia BHYT đạt 96,5%. "
            "(4) Tỷ lệ hộ nghèo dưới 2%.")
    figures, targets = run(text, "vi", published="2026-01-05")
    assert [t.value for t in targets] == [8, 3_500_000_000_000, 96.5, 2]
    assert [t.year for t in targets] == [None] * 4  # 2010 is a base year in the first item, no deadline
    assert [f.value for f in figures] == [4]  # the count of goals; "(2)", "(3)", "(4)" are item numbers


@pytest.mark.parametrize("lang,title,year", [
    ("vi", "Chỉ tiêu phát triển (nhiệm kỳ 2026-2030)", 2030),
    ("en", "Key targets for the period 2026-2030", 2030),
    ("fr", "Les objectifs de la période 2026 – 2030", 2030),
])
def test_a_term_named_in_the_headline_dates_its_goals(lang, title, year):
    text = {"vi": "Phấn đấu tỷ lệ bao phủ BHYT đạt 97%.",
            "en": "The province strives for health insurance coverage of 97%.",
            "fr": "La province vise une couverture maladie de 97 %."}[lang]
    _, targets = run(text, lang, published="2026-01-05", title=title)
    assert [(t.value, t.year) for t in targets] == [(97, year)]


def test_a_rate_of_population_growth_in_a_goal_list_is_no_coverage_rate():
    text = ("Chỉ tiêu đến năm 2030:\n(1) Tỷ lệ người dân tham gia bảo hiểm y tế: 98%.\n"
            "(2) Tỷ lệ tăng dân số tự nhiên hàng năm: 0,9%.")
    _, targets = run(text, "vi", published="2026-01-05")
    assert [(t.value, t.metric) for t in targets] == [(98, "health_insurance_coverage"), (0.9, "other")]


def test_a_head_count_over_its_whole_is_no_goal_beside_a_plan_word_with_its_own_value():
    text = ("Bảo hiểm y tế học sinh.\n\nNăm học này có 41.200/43.900 học sinh tham gia bảo hiểm y tế, đạt tỷ lệ "
            "93,8%, chưa đạt chỉ tiêu 100% thành phố giao.")
    figures, targets = run(text, "vi", published="2026-01-05")
    assert [t.value for t in targets] == [100] and 43900 in [f.value for f in figures]


@pytest.mark.parametrize("text,values", [
    ("Năm 2027, tỉnh được Chính phủ giao tỷ lệ bao phủ BHYT 95,4%.", [95.4]),
    ("Tỷ lệ bao phủ BHYT năm 2027 được giao là 95,8%.", [95.8]),
    ("Tỉnh giao chỉ tiêu cho các huyện: huyện Bắc Yên 96%, huyện Phù Yên 95%.", [96, 95]),
    ("Tỉnh quyết tâm năm 2027 có 97% dân số tham gia BHYT.", [97]),
    ("Các phường đẩy mạnh tuyên truyền nhằm đạt tỷ lệ bao phủ BHYT 96% vào cuối năm.", [96]),
    ("Kế hoạch thu năm 2027 là 1.600 tỷ đồng.", [1_600_000_000_000]),
])
def test_vietnamese_quotas_handed_down_resolve_purpose_and_activity_plans(text, values):
    _, targets = run(text, "vi", published="2026-11-05")
    assert [t.value for t in targets] == values


def test_resolve_as_a_noun_sets_no_goal():
    text = "Với quyết tâm của cả đơn vị, bưu điện đã phát triển được hơn 1.800 người tham gia BHXH tự nguyện."
    figures, targets = run(text, "vi", published="2026-11-05")
    assert targets == [] and [f.value for f in figures] == [1800]


@pytest.mark.parametrize("lang,text,target", [
    ("en", "By the end of 2025, over 2.3 million people in the province were covered by health insurance.", False),
    ("en", "By 2030, 60 per cent of workers will have joined social insurance.", True),
    ("fr", "Fin 2025, 2,3 millions de personnes étaient assurées dans la province.", False),
    ("vi", "Đến hết năm 2025, 2,3 triệu người đã tham gia BHYT.", False),
])
def test_a_deadline_before_a_past_result_is_its_date_not_a_goal(lang, text, target):
    figures, targets = run(text, lang, published=None)
    assert bool(targets) is target and bool(figures) is not target


@pytest.mark.parametrize("lang,text", [
    ("en", "The country needed to reduce the poverty rate by 1.5 per cent each year."),
    ("fr", "La province doit réduire le taux de pauvreté de 1,5 % par an."),
])
def test_a_reduction_the_text_says_is_needed_is_a_goal(lang, text):
    figures, targets = run(text, lang)
    assert [t.value for t in targets] == [1.5] and figures == []


def test_a_level_number_is_no_count():
    figures, _ = run("All 12 districts offer online public services at level 4.", "en")
    assert [f.value for f in figures] == [12]


@pytest.mark.parametrize("lang,text", [
    ("fr", "À l'horizon 2030, la province a déjà mis en œuvre 41 projets d'aide aux assurés."),
    ("en", "By 2030, the province has already issued 12,000 health insurance cards under the plan."),
    ("vi", "Đến năm 2030, tỉnh đã cấp 12.000 thẻ BHYT theo kế hoạch."),
])
def test_a_deadline_before_an_action_already_done_sets_no_goal(lang, text):
    figures, targets = run(text, lang, published=None)
    assert targets == [] and len(figures) == 1


@pytest.mark.parametrize("text,figures_,targets_", [
    ("Coverage reached 94.6%, higher than the assigned 94.1%.", [94.6], [94.1]),
    ("The rate is expected to climb to 96% next year.", [], [96]),
])
def test_an_assigned_level_and_an_expected_climb_are_goals(text, figures_, targets_):
    figures, targets = run(text, "en")
    assert [f.value for f in figures] == figures_ and [t.value for t in targets] == targets_


@pytest.mark.parametrize("text,figures_,targets_", [
    ("Toàn huyện có 41.000 người tham gia BHYT, đạt 103% KH năm.", [(41000, "health_insurance_participants"),
                                                                    (103, "other")], []),
    ("KH năm 2027 là 9.000 người tham gia BHXH tự nguyện.", [], [(9000, "social_insurance_participants")]),
    ("Nghị quyết HĐND tỉnh đề ra tỷ lệ tham gia BHYT năm 2027 là 95%.", [], [(95, "health_insurance_coverage")]),
    ("UBND huyện giao BHXH huyện năm 2027 phát triển mới 1.400 người tham gia BHXH tự nguyện.", [],
     [(1400, "social_insurance_participants")]),
])
def test_vietnamese_plan_abbreviations_and_quotas_with_their_year(text, figures_, targets_):
    figures, targets = run(text, "vi", published="2026-11-05")
    assert [(f.value, f.metric) for f in figures] == figures_ and [(t.value, t.metric) for t in targets] == targets_


def test_a_result_after_a_goal_in_the_same_sentence_stays_a_result():
    text = "Với chỉ tiêu 2.400 người, đến nay huyện đã phát triển được 1.700 người tham gia BHXH tự nguyện."
    figures, targets = run(text, "vi", published="2026-11-05")
    assert [t.value for t in targets] == [2400] and [f.value for f in figures] == [1700]


@pytest.mark.parametrize("text", [
    "La ville vise la couverture universelle ; à ce jour, 91 % des habitants sont assurés.",
    "Les salariés cotiseront 8 % de leur salaire à la caisse de retraite.",
])
def test_the_present_after_a_semicolon_and_future_contribution_rules_set_no_goal(text):
    assert run(text, "fr")[1] == []


@pytest.mark.parametrize("lang,text", [
    ("fr", "La commune a fixé 14 objectifs pour 2027, dont un taux de couverture de l'assurance maladie de 96 %."),
    ("en", "The district set 14 targets for 2027, including a health insurance coverage rate of 96%."),
    ("vi", "Huyện đề ra 14 chỉ tiêu đến năm 2027, trong đó tỷ lệ bao phủ BHYT đạt 96%."),
])
def test_a_count_of_goals_lists_them_after_its_deadline(lang, text):
    figures, targets = run(text, lang, published="2026-11-05")
    assert [f.value for f in figures] == [14]
    assert brief(targets, "metric", "year") == [(96, "percent", "health_insurance_coverage", 2027)]


def test_a_goal_in_an_aside_on_a_result_starts_no_list():
    text = ("Năm 2026, tỷ lệ chi bộ hoàn thành tốt nhiệm vụ đạt 100% (mục tiêu nhiệm kỳ là 92%); "
            "tỷ lệ dân số tham gia BHYT đạt 96,4%; tỷ lệ hộ dùng nước sạch đạt khoảng 97%.")
    figures, targets = run(text, "vi", published="2026-12-20")
    assert [t.value for t in targets] == [92] and [f.value for f in figures] == [100, 96.4, 97]


def test_an_aside_on_a_goal_lets_its_list_go_on():
    text = "Một số chỉ tiêu đến năm 2030: tuổi thọ trung bình 76 (số năm sống khỏe ≥ 69); 100% xã có trạm y tế đạt chuẩn."
    figures, targets = run(text, "vi", published="2026-11-05")
    assert [t.value for t in targets] == [76, 69, 100] and figures == []


def test_an_estimated_result_does_not_go_on_with_a_goal_list():
    text = ("Xã phấn đấu duy trì ổn định an ninh; tỷ lệ tham gia BHYT đạt 95,1%; "
            "thu nhập bình quân ước đạt 68 triệu đồng/người/năm.")
    figures, targets = run(text, "vi", published="2026-12-20")
    assert [f.value for f in figures] == [68_000_000]


def test_a_bracket_aside_after_a_deadline_keeps_the_goal_cue():
    text = "Phấn đấu đến năm 2028 không còn hộ đói (trừ hộ bảo trợ xã hội), 98% người dân tham gia BHYT."
    _, targets = run(text, "vi", published="2026-11-05")
    assert brief(targets, "year") == [(98, "percent", 2028)]


def test_a_count_of_goals_beside_the_goal_noun_still_announces_them():
    text = ("Các chỉ tiêu chủ yếu và 4 nhiệm vụ trọng tâm (nhiệm kỳ 2026 - 2031) Tốc độ tăng trưởng "
            "bình quân đạt 9-10%/năm.")
    figures, targets = run(text, "vi", published="2026-11-05")
    assert [t.value for t in targets] == [9, 10] and [f.value for f in figures] == [4]


def test_a_series_goes_on_after_a_deadline_and_a_coordinator():
    text = "The scheme would see 55 percent of near-poor people insured by 2027 and 80 percent in 2030."
    figures, targets = run(text, "en", published="2026-11-05")
    assert brief(targets, "year") == [(55, "percent", 2027), (80, "percent", 2030)] and figures == []


@pytest.mark.parametrize("lang,text,values", [
    ("vi", "Đến cuối năm 2026, số người tham gia BHXH tự nguyện ước đạt 46.000 người.", [46000]),
    ("fr", "D'ici la fin de 2026, le nombre d'assurés volontaires est estimé à 46 000 personnes.", [46000]),
    ("en", "By the end of 2026, the number of voluntary participants is estimated at 46,000.", [46000]),
    ("en", "Coverage reached 95.3%, exceeding the target set by the provincial Party Congress by 0.4 percentage points.",
     [95.3, 0.4]),
    ("fr", "La couverture a atteint 95,3 %, dépassant l'objectif fixé par le Congrès provincial de 0,4 point.",
     [95.3, 0.4]),
])
def test_an_estimate_under_a_deadline_and_a_margin_over_a_target_are_results(lang, text, values):
    figures, targets = run(text, lang, published="2026-12-10")
    assert [f.value for f in figures] == values and targets == []
