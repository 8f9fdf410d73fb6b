"""Figures and targets on sentences of our own, in the genre of the provincial press.

The component runs on a blank pipeline with the rule sentence splitter and a place
list we build ourselves, so these tests do not depend on the other components.
"""
import pytest

from extractor.nlp.quantities import rules
from tests.nlp.pipelines import brief, run


def test_french_qualifiers_ranges_changes_and_money():
    text = ("La cotisation varie de 30 000 à 45 000 dôngs par mois. Le fonds a réuni plus de 1,5 milliard "
            "de dôngs pour près de 2 000 ménages. Le taux de participation à l'assurance sociale est en "
            "hausse de 0,8 point de pourcentage, soit 1 150 cotisants de plus.")
    figures, targets = run(text, "fr")
    assert not targets
    assert brief(figures, "qualifier", "metric") == [
        (30000, "currency", "at_least", "other"), (45000, "currency", "at_most", "other"),
        (1_500_000_000, "currency", "more_than", "other"), (2000, "count", "approx", "other"),
        (0.8, "percentage_point", "exact", "other"), (1150, "count", "exact", "other")]
    assert figures[0].currency == "VND"


def test_french_not_quantities():
    text = ("Selon la Décision n° 205/QD-UBND du 1er juillet 2025, les personnes âgées de 60 à 75 ans "
            "reçoivent une aide pendant 6 mois, et les enfants de moins de 6 ans sont couverts.")
    figures, targets = run(text, "fr")
    assert figures == [] and targets == []


def test_english_money_and_exclusions():
    text = ("This year the provincial budget set aside VND12.5 billion (about US$490,000) for near-poor "
            "households. Children under six and villagers aged 80 and over get free cards under "
            "Decree 12/2020/ND-CP, which took effect on July 1.")
    figures, targets = run(text, "en")
    assert brief(figures, "currency") == [(12_500_000_000, "currency", "VND"), (490_000, "currency", "USD")]


def test_vietnamese_ranges_money_words_and_exclusions():
    text = ("Mỗi hộ đóng từ 3 đến 5 triệu đồng, hội đã trao hơn 2,3 tỷ đồng cho hai đợt vận động. "
            "Theo Nghị định số 75/2023/NĐ-CP, người từ đủ 70 tuổi được hỗ trợ trong 6 tháng.")
    figures, targets = run(text, "vi")
    assert brief(figures, "qualifier") == [
        (3_000_000, "currency", "at_least"), (5_000_000, "currency", "at_most"),
        (2_300_000_000, "currency", "more_than"), (2, "count", "exact")]


def test_locality_from_the_clause_and_the_main_province():
    text = "Tại huyện Krông Bơ, tỷ lệ bao phủ BHYT đạt 96,2%. Toàn tỉnh có 1.250 tổ tiết kiệm."
    figures, _ = run(text, "vi", places=[("Krông Bơ", "Krông Bơ", "district", "Đắk Lắk")],
                     provinces=["Đắk Lắk"])
    assert [f.locality for f in figures] == ["Krông Bơ", "Đắk Lắk"]


def test_numbers_inside_names_are_not_figures():
    from extractor.record import Initiative

    text = "Phong trào “Khu phố 100% có thẻ BHYT” đã giúp 84 hộ mua thẻ."
    start = text.index("“")
    end = text.index("”") + 1
    ini = Initiative(name="Khu phố 100% có thẻ BHYT", text=text[start:end], start=start, end=end)
    figures, _ = run(text, "vi", initiatives=[ini])
    assert brief(figures) == [(84, "count")]


@pytest.mark.parametrize("lang,text,values", [
    ("vi", "Bảo hiểm xã hội khu vực 22 cho biết có 480 đơn vị chậm đóng; Bệnh viện Quân y 175 khám cho 90 người.",
     [480, 90]),
    ("en", "Social Insurance Region 22 said 480 firms paid late; Military Hospital 175 treated 90 members of Group 8.",
     [480, 90]),
    ("en", "Cards for pupils of District 6 (Figure 1) reached 310 families in Block 4.", [310]),
    ("fr", "L'école du district 6 a reçu 310 cartes ; le quartier 5 compte 90 foyers et le bloc 4 aussi (Figure 1).", [310, 90]),
    ("fr", "Le parquet de la région 10 a aidé deux orphelins et l'hôpital général 115 a soigné 45 enfants.", [2, 45]),
])
def test_numbers_naming_an_agency_a_district_a_hospital_or_a_figure_are_no_quantities(lang, text, values):
    figures, _ = run(text, lang)
    assert [f.value for f in figures] == values


@pytest.mark.parametrize("lang", ["fr", "en", "vi", "xx"])
def test_every_language_compiles(lang):
    assert rules(lang).grammar is not None


def test_phone_numbers_and_age_brackets_are_not_quantities():
    text = ("Workers aged between 18 and 60 can call the hotline 1900 5566 or phone 02363 812 300. "
            "Farmers aged from 16 to 65 may join too.")
    figures, targets = run(text, "en")
    assert figures == [] and targets == []


def test_a_range_whose_unit_follows_the_upper_end():
    en, _ = run("Some districts add a further 10 to 25 per cent of the premium.", "en")
    assert brief(en, "qualifier") == [(10, "percent", "at_least"), (25, "percent", "at_most")]
    vi, _ = run("Mỗi sào chè mang lại 5 triệu đến 7 triệu đồng mỗi vụ.", "vi")
    assert brief(vi, "qualifier", "currency") == [(5_000_000, "currency", "at_least", "VND"),
                                                  (7_000_000, "currency", "at_most", "VND")]


def test_english_head_counts_described_by_a_verb():
    text = ("Health insurance is the main worry in the uplands. In Ta Ca commune, 860 people renewed "
            "their cards last month, and volunteers enrolled more than 300 people at the market. "
            "Voluntary contributors number 12,400. In another ward, 150 laid-off workers have enrolled "
            "in vocational courses, and 45 households joined the model. The State pays 30 per cent of "
            "contributions for fishermen.")
    figures, _ = run(text, "en")
    assert brief(figures, "metric") == [
        (860, "count", "health_insurance_participants"), (300, "count", "health_insurance_participants"),
        (12400, "count", "health_insurance_participants"), (150, "count", "other"),
        (45, "count", "other"), (30, "percent", "other")]


def test_french_card_holders_and_counted_things():
    text = ("Dans le district, 3 400 titulaires d'une carte d'assurance maladie vivent en altitude. "
            "Cette année, 1 150 personnes ont obtenu leur carte d'assurance maladie et 18 entreprises "
            "ont été contrôlées.")
    figures, _ = run(text, "fr")
    assert brief(figures, "metric") == [(3400, "count", "health_insurance_participants"),
                                        (1150, "count", "health_insurance_participants"),
                                        (18, "count", "other")]


def test_vietnamese_debtors_canvassed_people_subsets_and_shares_of_an_ethnic_group():
    text = ("Hiện còn 45 doanh nghiệp nợ đóng BHXH. Cán bộ xã vận động hơn 900 tiểu thương tham gia "
            "BHXH tự nguyện, và đã vận động được 300 người tham gia. Toàn xã hiện có số người đang tham "
            "gia bảo hiểm thất nghiệp (BHTN) ở mức 52.300 người. Xã có 8.100 người tham gia BHXH tự nguyện, 2.000 người "
            "trong số đó ở các thôn ven biển. Tỷ lệ bao phủ BHYT của xã đạt 94%. Xã có 9.000 người Dao, "
            "chiếm khoảng 60% dân số.")
    figures, _ = run(text, "vi")
    assert brief(figures, "metric") == [
        (45, "count", "other"), (900, "count", "other"), (300, "count", "social_insurance_participants"),
        (52300, "count", "unemployment_insurance_participants"),
        (8100, "count", "social_insurance_participants"), (2000, "count", "social_insurance_participants"),
        (94, "percent", "health_insurance_coverage"), (9000, "count", "other"), (60, "percent", "other")]


def test_a_year_next_to_a_number_does_not_make_a_range():
    _, targets = run("The province aims to reach 35 per cent by 2026 and 45 per cent by 2030 "
                     "in social insurance.", "en")
    assert brief(targets, "year") == [(35, "percent", 2026), (45, "percent", 2030)]


def test_scale_word_of_the_upper_end_only_scales_a_smaller_lower_end():
    figures, _ = run("Mỗi hộ đóng từ 500.000 đến 1 triệu đồng, tỉnh hỗ trợ từ 5 đến 10 triệu đồng.", "vi")
    assert [f.value for f in figures] == [500_000, 1_000_000, 5_000_000, 10_000_000]


def test_list_items_take_the_metric_of_their_lead_in_sentence():
    text = ("Theo báo cáo quý III, tỷ lệ người dân có thẻ BHYT ở các xã vùng cao như sau:\n"
            "- Xã Sơn Thủy: 96,3%\n- Xã Long Hà: 92,8%\n\nMột nửa số hộ trồng chè.")
    figures, _ = run(text, "vi")
    assert brief(figures, "metric") == [(96.3, "percent", "health_insurance_coverage"),
                                       (92.8, "percent", "health_insurance_coverage")]


def test_a_rate_reached_thanks_to_help_for_minorities_is_still_coverage():
    text = ("Toàn tỉnh có 880.000 người tham gia BHYT. Vùng núi phía tây đạt 97,4%, nhờ chính sách "
            "cấp thẻ cho đồng bào dân tộc thiểu số; gần 70% dân số xã Pà Cò là người Mông.")
    figures, _ = run(text, "vi")
    assert brief(figures, "metric")[1:] == [(97.4, "percent", "health_insurance_coverage"),
                                           (70, "percent", "other")]


def test_a_head_count_restated_as_a_coverage_rate_counts_the_insured():
    text = "Across the district, about 212,000 residents, or 94.1 per cent of the population, held health insurance cards."
    figures, _ = run(text, "en")
    assert brief(figures, "metric") == [(212000, "count", "health_insurance_participants"),
                                        (94.1, "percent", "health_insurance_coverage")]


def test_the_size_of_a_population_is_not_a_count_of_insured():
    text = "Nearly 96.2 per cent of the 38,400 pupils in the district now hold health insurance cards."
    figures, _ = run(text, "en")
    assert brief(figures, "metric")[1] == (38400, "count", "other")


def test_a_bare_amount_after_a_sum_of_money_on_the_same_scale_is_money():
    text = "Les arriérés atteignent 830 milliards de dôngs, dont près de 210 milliards dus depuis deux ans."
    figures, _ = run(text, "fr")
    assert brief(figures, "currency") == [(830_000_000_000, "currency", "VND"), (210_000_000_000, "currency", "VND")]


def test_satisfaction_after_an_agency_name_and_vietnamese_tens_in_words():
    text = ("Khảo sát cho thấy mức độ hài lòng của người dân đối với BHXH tỉnh Gia Lai đạt 88,4%. "
            "Xã đã mở hai mươi lớp tập huấn cho cán bộ thu.")
    figures, _ = run(text, "vi")
    assert brief(figures, "metric") == [(88.4, "percent", "satisfaction"), (20, "count", "other")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Au cours des huit premiers mois, 3 200 personnes ont adhéré ; le collecteur travaille depuis trois décennies."),
    ("en", "Over nearly three decades and two quarters of this year, 3,200 people joined the scheme."),
])
def test_periods_are_not_figures(lang, text):
    figures, _ = run(text, lang)
    assert [f.value for f in figures] == [3200]


@pytest.mark.parametrize("text,qualifier", [
    ("Chaque foyer reçoit jusqu'à 90 000 dôngs par mois.", "at_most"),
    ("Chaque foyer reçoit jusqu’à 90 000 dôngs par mois.", "at_most"),
    ("La commune a versé plus d'un million de dôngs.", "more_than"),
])
def test_phrases_with_either_apostrophe_match(text, qualifier):
    figures, _ = run(text, "fr")
    assert [f.qualifier for f in figures] == [qualifier]


@pytest.mark.parametrize("lang,text,metrics", [
    ("fr", "La province s'efforce d'atteindre, d'ici 2030, une couverture maladie de plus de 96 % et un "
           "part des actifs affiliés à l'assurance sociale de 35 %.",
     ["health_insurance_coverage", "social_insurance_coverage"]),
    ("en", "By 2030 the province targets social insurance coverage of about 50% of the labour force, "
           "unemployment insurance coverage of about 40%, and health insurance coverage of over 96%.",
     ["social_insurance_coverage", "unemployment_insurance_coverage", "health_insurance_coverage"]),
])
def test_each_listed_rate_keeps_the_insurance_named_with_it(lang, text, metrics):
    _, targets = run(text, lang)
    assert [t.metric for t in targets] == metrics


def test_en_people_who_join_or_pay_into_insurance_are_participants():
    figures, _ = run("The scheme helped 52 fishermen join voluntary social insurance, and 1,200 people "
                     "pay compulsory social insurance in the commune.", "en")
    assert brief(figures, "metric") == [(52, "count", "social_insurance_participants"),
                                        (1200, "count", "social_insurance_participants")]


def test_boats_are_no_insured_people_but_crew_members_can_be():
    figures, _ = run("Toàn tỉnh đã thành lập 30 tổ với 215 tàu cá tham gia, giúp 640 thuyền viên tham gia BHXH tự nguyện.", "vi")
    assert brief(figures, "metric") == [(30, "count", "other"), (215, "count", "other"),
                                        (640, "count", "social_insurance_participants")]


@pytest.mark.parametrize("lang,text,metrics", [
    ("vi", "Cả gia đình 6 người của chị đều có thẻ BHYT; toàn xã có 2.100 người tham gia BHYT.",
     ["other", "health_insurance_participants"]),
    ("en", "For a family of five the card costs more, yet 2,100 people hold health insurance cards.",
     ["other", "health_insurance_participants"]),
    ("fr", "Chaque équipage de 9 marins verse une part, et la province compte 2 100 assurés sociaux.",
     ["other", "social_insurance_participants"]),
])
def test_the_size_of_a_family_or_crew_is_no_insured_count(lang, text, metrics):
    figures, _ = run(text, lang)
    assert [f.metric for f in figures] == metrics


def test_buying_cards_counts_the_insured():
    figures, _ = run("Last year 3,400 farmers purchased health insurance cards through the union.", "en")
    assert brief(figures, "metric") == [(3400, "count", "health_insurance_participants")]


def test_a_share_of_ones_income_is_no_coverage_rate():
    figures, _ = run("Les familles versent 10 % de leurs revenus à la caisse d'assurance maladie.", "fr")
    assert brief(figures, "metric") == [(10, "percent", "other")]


def test_an_undated_article_reports_from_its_latest_full_date():
    text = ("Tính đến tháng 6/2021, tỷ lệ bao phủ BHYT là 92%, tăng 0,4% so với cuối năm 2020. "
            "Tỉnh phấn đấu đến cuối năm 2021 đạt 93%.")
    figures, targets = run(text, "vi", published=None)
    assert brief(targets) == [(93, "percent")]
    assert [f.value for f in figures] == [92, 0.4]


@pytest.mark.parametrize("lang,text", [
    ("en", "Health insurance. On November 30, 2026, coverage stood at 94%. Coverage rose to 93% by the end of 2025."),
    ("vi", "Bảo hiểm y tế. Ngày 30 tháng 11 năm 2026, tỷ lệ bao phủ là 94%. Tỷ lệ bao phủ tăng lên 93% trong năm 2025."),
])
def test_a_date_with_a_month_name_also_dates_an_undated_article(lang, text):
    figures, targets = run(text, lang, published=None)
    assert targets == [] and [f.value for f in figures] == [94, 93]


def test_a_sentence_printed_twice_states_its_numbers_once():
    text = "Tỉnh phấn đấu đạt 89% dân số tham gia BHYT.\nTỉnh phấn đấu đạt 89% dân số tham gia BHYT."
    _, targets = run(text, "vi")
    assert brief(targets) == [(89, "percent")]


def test_a_share_of_a_cost_is_no_coverage_rate():
    figures, _ = run("Le budget provincial prend en charge 30 % du coût de l'assurance maladie des élèves.", "fr")
    assert brief(figures, "metric") == [(30, "percent", "other")]


def test_a_rate_of_something_else_in_an_insurance_story_is_other():
    text = ("La couverture de l'assurance maladie atteint 93 %.\n\n"
            "Le taux de foyers ayant accès à l'eau potable est de 98 %.")
    figures, _ = run(text, "fr")
    assert brief(figures, "metric") == [(93, "percent", "health_insurance_coverage"), (98, "percent", "other")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "L'assurance maladie couvre 91 % des habitants.\n\nLe plan fixe les objectifs suivants d'ici 2030 : "
           "une croissance de 7 % par an ; des ménages pauvres sous 2 % ; une couverture forestière de 48 %."),
    ("en", "Health insurance covers 91% of residents.\n\nBy 2030 the plan aims at growth of 7% a year; "
           "poor households below 2%; and forest coverage of 48%."),
])
def test_goals_of_a_long_list_take_coverage_only_from_their_own_clause_or_the_lead(lang, text):
    _, targets = run(text, lang)
    assert [(t.value, t.metric) for t in targets if t.value != 48] == [(7, "other"), (2, "other")]


def test_a_goal_after_a_rate_in_the_lead_is_a_coverage_rate():
    text = "Health insurance in the city.\n\nThe city reported coverage of 92.5%, against its 2026 target of 94%."
    _, targets = run(text, "en", published="2026-05-01")
    assert [(t.value, t.metric) for t in targets] == [(94, "health_insurance_coverage")]


@pytest.mark.parametrize("lang,text", [
    ("en", "The rates of households using power and clean water are 95.9 and 76 percent, respectively."),
    ("fr", "Les taux d'accès à l'électricité et à l'eau atteignent 95,9 et 76 %."),
])
def test_coordinated_numbers_share_the_unit_written_once(lang, text):
    figures, _ = run(text, lang)
    assert brief(figures, "qualifier") == [(95.9, "percent", "exact"), (76, "percent", "exact")]


def test_french_billion_is_a_million_millions():
    figures, _ = run("Les recettes ont atteint 1,2 billion de dôngs.", "fr")
    assert brief(figures) == [(1_200_000_000_000, "currency")]


def test_vietnamese_short_bh_names_the_insurance():
    figures, _ = run("Số người tham gia BH thất nghiệp là 12.400 người, đạt 31,2% lực lượng lao động.", "vi")
    assert brief(figures, "metric") == [(12400, "count", "unemployment_insurance_participants"),
                                        (31.2, "percent", "unemployment_insurance_coverage")]


def test_a_margin_against_a_decision_is_other():
    figures, _ = run("Tỷ lệ bao phủ BHYT đạt 85,7%, so với Quyết định của UBND tỉnh thấp hơn 7,6%.", "vi")
    assert brief(figures, "metric") == [(85.7, "percent", "health_insurance_coverage"), (7.6, "percent", "other")]


def test_vietnamese_hamlet_and_item_numbers_are_names():
    figures, targets = run("Chi hội phụ nữ khóm 7 và ấp 3 có 25 thành viên tham gia, theo tiêu chí số 8.", "vi")
    assert brief(figures) == [(25, "count")] and targets == []


@pytest.mark.parametrize("lang,text", [
    ("fr", "Près de 20 % des assurés se soignent au dispensaire de leur commune."),
    ("en", "About 20 per cent of the insured use the commune clinic."),
])
def test_a_share_of_the_insured_is_no_coverage_rate(lang, text):
    figures, _ = run(text, lang)
    assert brief(figures, "metric") == [(20, "percent", "other")]


def test_a_rate_restated_as_a_head_count_counts_the_insured():
    text = "Health insurance coverage reaches 93.4% of the total population or 93.3 million people."
    figures, _ = run(text, "en")
    assert brief(figures, "metric") == [(93.4, "percent", "health_insurance_coverage"),
                                        (93_300_000, "count", "health_insurance_participants")]


def test_visits_are_no_insured_people_and_making_up_is_no_change():
    text = ("About 18.2 million people have joined social insurance, making up 39.2% of the workforce. "
            "Health insurance cardholders make 127 million visits to clinics each year.")
    figures, _ = run(text, "en")
    assert brief(figures, "metric") == [(18_200_000, "count", "social_insurance_participants"),
                                        (39.2, "percent", "social_insurance_coverage"),
                                        (127_000_000, "count", "other")]


@pytest.mark.parametrize("text, lang", [
    ("Theo Điều 214, 215 và 216 Bộ luật Hình sự, xã có 1.200 người tham gia BHXH.", "vi"),
    ("Selon les articles 12, 13 et 14 du décret, la commune compte 1 200 assurés.", "fr"),
    ("Under Articles 214, 215 and 216 of the Penal Code, the commune has 1,200 insured people.", "en"),
])
def test_numbers_listed_after_an_identifier_are_identifiers(text, lang):
    figures, _ = run(text, lang)
    assert brief(figures) == [(1200, "count")]


def test_english_pct_and_participants_who_will_join():
    text = ("The city targets 93 pct health insurance coverage by 2027. Some 1.2 million people "
            "(31% of the workforce) will participate in unemployment insurance.")
    figures, targets = run(text, "en", published="2026-02-01")
    assert figures == []
    assert brief(targets) == [(93, "percent"), (1200000, "count"), (31, "percent")]


def test_lists_share_the_unit_or_the_exclusion_of_their_last_member():
    text = "The firms owed respectively 4.5 billion, 2.3 billion and 2.4 billion VND."
    figures, _ = run(text, "en", published="2026-03-01")
    assert brief(figures) == [(4.5e9, "currency"), (2.3e9, "currency"), (2.4e9, "currency")]
    text = "L'auditeur nous a écoutés les 17, 18 et 24 avril, avec 1 200 autres auditeurs."
    figures, _ = run(text, "fr", published="2026-03-01")
    assert brief(figures) == [(1200, "count")]
    text = "Vẫn còn một tỉ lệ lớn lao động chưa tham gia BHXH, trong khi tỉnh đã chi 2 tỷ đồng."
    figures, _ = run(text, "vi", published="2026-03-01")
    assert brief(figures) == [(2e9, "currency")]


@pytest.mark.parametrize("text, lang", [
    ("TP.HCM tặng 820 thẻ BHYT - Ảnh 1.\nBài viết có 0 lượt xem.\nBước 1: mở ứng dụng.", "vi"),
    ("M. Hien et Mme Ly, tous deux assurés, vivent ici. Étape 2 : ouvrez l'application.\n3.\n"
     "Selon la clause 1 de l'article 7, 820 cartes ont été remises.", "fr"),
    ("Step 2: open the app. HCMC gives 820 cards ảnh 1 to workers.", "en"),
])
def test_captions_steps_list_numbers_and_both_are_no_figures(text, lang):
    figures, targets = run(text, lang, published="2026-03-01")
    assert [f.value for f in figures] == [820] and targets == []


def test_labour_days_are_counted_other_days_are_durations():
    figures, _ = run("Hội viên đóng góp 1.200 ngày công, tập huấn trong 3 ngày.", "vi")
    assert brief(figures) == [(1200, "count")]


def test_an_insurance_named_right_before_a_head_count_counts_its_insured():
    text = ("Năm 2027, BHYT 1.120.400 người, đạt tỷ lệ bao phủ 95,1% dân số; BHXH, BHYT lần lượt là 300.000 "
            "và 900.000 người.")
    figures, _ = run(text, "vi", published="2027-12-30")
    assert [f.metric for f in figures][:2] == ["health_insurance_participants", "health_insurance_coverage"]
    text = "The number of residents participating in health insurance is 2,150,000, achieving 97.1% of the plan."
    figures, _ = run(text, "en", published="2027-12-30")
    assert figures[0].metric == "health_insurance_participants"


def test_giao_inside_another_word_assigns_nothing():
    figures, targets = run("Giao thông nông thôn phát triển 120 km đường mới.", "vi", published="2026-12-01")
    assert targets == []


def test_english_abbreviations_name_their_insurance_but_not_inside_words():
    text = "Some 120 patients with HIV got help, while 41,250 students joined HI and 80,000 workers joined UI."
    figures, _ = run(text, "en", published="2026-12-01")
    assert [f.metric for f in figures] == ["other", "health_insurance_participants", "unemployment_insurance_participants"]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Treatment costing VND100 - 200 million was paid for 1,435 pupils.",
     [(100_000_000, "currency", "at_least"), (200_000_000, "currency", "at_most"), (1435, "count", "exact")]),
    ("vi", "Anh có thu nhập khoảng 4-5 triệu/tháng; gọi 1900 54 54 81 để được hỗ trợ.",
     [(4_000_000, "currency", "at_least"), (5_000_000, "currency", "at_most")]),
    ("en", "On Teachers' Day 20.11 the school gave 60 cards; Road 435 links both communes.", [(60, "count", "exact")]),
])
def test_scale_on_the_upper_end_money_per_month_hotlines_days_and_roads(lang, text, expected):
    figures, _ = run(text, lang)
    assert brief(figures, "qualifier") == expected


@pytest.mark.parametrize("lang,text,values", [
    ("vi", "Suốt từ đó tới nay, đã 26 năm cuộc sống gắn với bệnh viện; năm cuộc họp đã diễn ra.", [5]),
    ("vi", "Công tác giảm nghèo giai đoạn 20212023 giúp 1.200 hộ thoát nghèo.", [1200]),
    ("fr", "Depuis une dizaine d’années, il a aidé 30 familles de la zone 2, retraitées sous le régime 176.", [30]),
])
def test_units_in_words_glued_years_and_regime_or_zone_numbers_are_no_quantities(lang, text, values):
    figures, _ = run(text, lang)
    assert [f.value for f in figures] == values


def test_vietnamese_day_month_after_a_time_of_day_and_street_numbers_are_no_quantities():
    figures, _ = run("Chiều 23.8, UBND huyện họp tại 150 Phố Vọng; sáng 20.11, 45 người đăng ký tham gia.", "vi")
    assert [f.value for f in figures] == [45]


def test_english_margins_over_a_target_and_annual_increases_measure_a_change():
    figures, _ = run("Coverage reached 94.5%, exceeding the assigned target by 0.9%; 17.2 million people joined health insurance, "
                     "a 0.3% annual increase.", "en")
    assert [(f.value, f.metric) for f in figures] == [
        (94.5, "health_insurance_coverage"), (0.9, "other"), (17_200_000, "health_insurance_participants"),
        (0.3, "other")]


def test_french_subscribers_beneficiaries_of_an_insurance_and_the_voluntary_scheme():
    figures, _ = run("Plus de 15,8 millions bénéficient de l'assurance sociale obligatoire, 71,1 millions de personnes "
                     "ont souscrit à l'assurance-santé et l'assurance volontaire a attiré près de 300.000 personnes.",
                     "fr")
    assert [(f.value, f.metric) for f in figures] == [
        (15_800_000, "social_insurance_participants"), (71_100_000, "health_insurance_participants"),
        (300_000, "social_insurance_participants")]


def test_vietnamese_subsidy_shares_of_the_premium_are_other():
    figures, _ = run("Hộ nông nghiệp được hỗ trợ 50% đóng BHYT, hộ cận nghèo với mức hỗ trợ 70%; có 1.000 người đóng BHXH.",
                     "vi")
    assert [(f.value, f.metric) for f in figures] == [
        (50, "other"), (70, "other"), (1000, "social_insurance_participants")]


@pytest.mark.parametrize("lang,text,metrics", [
    ("vi", "Phấn đấu 96% người dân tham gia BHYT; tỷ lệ hộ dân nông thôn sử dụng nước sạch trên 92%.",
     ["health_insurance_coverage", "other"]),
    ("en", "The health insurance coverage rate in the province reached 94.5% in 2026.", ["health_insurance_coverage"]),
    ("fr", "Le taux atteignait 32,1 % de la population active, alors que l'objectif du Parti pour 2027 est de 35 %.",
     ["social_insurance_coverage", "social_insurance_coverage"]),
])
def test_a_rate_whose_own_subject_is_something_else_is_other(lang, text, metrics):
    figures, targets = run("L'assurance sociale volontaire progresse. " * (lang == "fr") + text, lang, published="2026-06-01")
    assert [i.metric for i in sorted(figures + targets, key=lambda i: i.start)] == metrics


@pytest.mark.parametrize("lang,tag,text,words", [
    ("fr", "rate", "La part des assurés progresse, selon le Parti et ses partenaires ; les parts restent.",
     ["part", "parts"]),
    ("en", "reach", "Attending were 30 leaders; coverage stood at 90%, the rate at 91%.", ["stood at", "at"]),
])
def test_short_metric_words_are_whole_words(lang, tag, text, words):
    """A short row ('part', 'at') tags the word itself, never the start of a longer one
    ('Parti', 'partenaires', 'Attending')."""
    pattern = next(pat for pat, t in rules(lang).metric_tags if t == tag)
    assert [m.group(0) for m in pattern.finditer(text)] == words


@pytest.mark.parametrize("lang,text", [
    ("en", "By the end of May, 73,796 people joined compulsory social insurance, down 409 people (0.5%) from April."),
    ("vi", "Đến hết tháng 5, có 73.796 người tham gia BHXH bắt buộc, giảm 409 người (0,5%) so với tháng 4."),
    ("fr", "Fin mai, 73 796 personnes cotisaient à l'assurance sociale, soit 409 personnes de moins (0,5 %) qu'en avril."),
])
def test_a_bracketed_share_of_a_change_is_other(lang, text):
    figures, _ = run(text, lang)
    assert [(f.value, f.metric) for f in figures][1:] == [(409, "other"), (0.5, "other")]


def test_a_bracketed_split_of_a_head_count_shares_its_metric():
    figures, _ = run("Social insurance participation reached 8,014 people (5,553 in the province and 2,461 from "
                     "other provinces).", "en")
    assert [f.metric for f in figures] == ["social_insurance_participants"] * 3


def test_a_share_of_the_contributions_is_other():
    figures, _ = run("From July, pupils will have at least 50% of their health insurance contributions paid by the "
                     "state budget.", "en")
    assert [(f.value, f.metric) for f in figures] == [(50, "other")]


@pytest.mark.parametrize("lang,text,values", [
    ("vi", "Thành phố hỗ trợ 100% mức đóng BHYT cho người từ 70 đến dưới 80 tuổi.", [100]),
    ("vi", "Đợt 1 từ ngày 1.4 đến hết 30.6; có 120 người tham gia BHXH tự nguyện.", [120]),
    ("fr", "Les personnes de 70 à moins de 80 ans, soit 1 200 personnes, sont aidées.", [1200]),
    ("fr", "Elle peinait à joindre les deux bouts ; l'hôpital situé au 13 rue Exemple compte 40 lits.", [40]),
    ("en", "Her shop in lane 58 Hoa Binh street now has 3 workers with social insurance.", [3]),
    ("en", "The office at 106 Tran Phu Street enrolled 25 traders.", [25]),
    ("fr", "Le long de la route provinciale 633, 12 familles ont acheté leur carte.", [12]),
    ("vi", "Cửa hàng ở ngõ 45 phố Hòa Bình có 3 lao động tham gia BHXH.", [3]),
    ("en", "Under Project 06, the agency verified 4,100 records.", [4100]),
    ("vi", "Thực hiện Đề án 06, tỉnh đã xác thực 4.100 hồ sơ.", [4100]),
])
def test_age_brackets_date_ranges_addresses_and_idioms_are_no_quantity(lang, text, values):
    figures, targets = run(text, lang)
    assert [i.value for i in figures + targets] == values


@pytest.mark.parametrize("lang,text,values", [
    ("fr", "Les deux gouvernements ont signé ; des six millions de pauvres, 2 000 sont assurés avec leurs deux enfants.",
     [6_000_000, 2000, 2]),
    ("en", "The two countries signed the deal; these three provinces count two thousand insured people.", [2000]),
])
def test_a_spelled_number_after_a_definite_word_refers_back(lang, text, values):
    figures, targets = run(text, lang)
    assert [i.value for i in figures + targets] == values


def test_a_number_word_inside_the_unit_before_it_is_no_number():
    figures, _ = run("Les femmes représentent 71,5 pour cent des travailleurs indépendants assurés.", "fr")
    assert brief(figures) == [(71.5, "percent")]


def test_members_with_insurance_cards_are_participants():
    figures, _ = run("Some 41,000 members with health insurance cards now get free annual check-ups.", "en")
    assert brief(figures, "metric") == [(41000, "count", "health_insurance_participants")]


@pytest.mark.parametrize("text", [
    "The fund reimburses at most 70 percent of the hospital bills of each insured person.",
    "Veterans get 100% coverage for medical costs within the health insurance list.",
])
def test_a_share_of_a_bill_is_a_benefit_level_not_coverage(text):
    figures, _ = run(text, "en")
    assert brief(figures, "metric") == [(figures[0].value, "percent", "other")]


@pytest.mark.parametrize("lang,text,values", [
    ("fr", "La commune compte 12 médecins pour 10 000 habitants et a remis des cartes pour 1 000 élèves.", [12, 1000]),
    ("en", "The district has 9 doctors per 10,000 people.", [9]),
    ("vi", "Tỉnh có 11 bác sĩ/10.000 dân, trên 10.000 dân tham gia BHYT.", [11, 10000]),
])
def test_the_base_of_a_ratio_is_no_quantity(lang, text, values):
    figures, targets = run(text, lang)
    assert [i.value for i in figures + targets] == values


def test_two_percentages_joined_by_a_bare_range_word_are_a_range():
    figures, _ = run("Les exportations représentent 30 % à 40 % du PIB de la province.", "fr")
    assert brief(figures, "qualifier") == [(30, "percent", "at_least"), (40, "percent", "at_most")]


@pytest.mark.parametrize("text,values", [
    ("Like many others, Tran Thi Hoa, 41, of Long An province, paid 20 percent of the bill.", [20]),
    ("Mr. Binh, 68, a retired teacher, was treated at the 108 Military Hospital.", []),
    ("In Long An, 35, 40 and 50 households joined.", [35, 40, 50]),
])
def test_an_age_set_off_by_commas_after_a_name_is_no_quantity(text, values):
    figures, targets = run(text, "en")
    assert [i.value for i in figures + targets] == values


def test_phone_and_fax_numbers_with_their_area_code_are_no_quantities():
    figures, _ = run("Tel: 028 3822 1100 Fax: (028) 38221101. The fund paid 1,300 workers.", "en")
    assert [f.value for f in figures] == [1300]


def test_a_total_after_tong_so_is_a_quantity_not_an_identifier():
    figures, _ = run("Trong quý I, toàn tỉnh đã cấp tổng số 41.210 thẻ BHYT theo Quyết định số 12.", "vi")
    assert [f.value for f in figures] == [41210]


def test_a_share_of_all_visits_is_no_coverage_rate():
    figures, _ = run("Số lượt khám chữa bệnh BHYT bằng căn cước mới đạt khoảng 3,8% trên tổng số 95 triệu lượt.", "vi")
    assert brief(figures, "metric")[0] == (3.8, "percent", "other")


def test_the_share_that_has_not_joined_is_no_coverage_rate():
    figures, _ = run("About 31 percent of farmers have not purchased health insurance cards.", "en")
    assert brief(figures, "metric") == [(31, "percent", "other")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Parents pay 30% of the card's price, and the commune supports 70%."),
    ("fr", "Les élèves ne paient que 30 % et la commune prend en charge 70 %."),
    ("vi", "Học sinh chỉ đóng 30%, ngân sách xã hỗ trợ 70%."),
])
def test_a_share_that_someone_pays_is_no_coverage_rate(lang, text):
    figures, _ = run(text + (" Health insurance matters." if lang == "en" else ""), lang)
    assert [(f.value, f.metric) for f in figures] == [(30, "other"), (70, "other")]


def test_a_percentage_beside_a_sum_of_money_in_brackets_is_a_share_of_it():
    text = ("The health insurance premium is VND 80,000 a month, of which pupils pay VND 56,000 (70%); "
            "the second member pays 70% (VND 56,000).")
    figures, _ = run(text, "en")
    assert [(f.value, f.metric) for f in figures if f.unit == "percent"] == [(70, "other"), (70, "other")]


def test_an_aside_on_the_subject_keeps_the_subject():
    text = "The number of people joining health insurance (not counting soldiers) is 2,175,900 people."
    figures, _ = run(text, "en")
    assert [(f.value, f.metric) for f in figures] == [(2_175_900, "health_insurance_participants")]


def test_a_bracket_after_a_number_still_speaks_of_that_number_only():
    text = "Tỷ lệ lao động tham gia BHTN đạt 12,5% (cao hơn kế hoạch của huyện)."
    figures, _ = run(text, "vi")
    assert [(f.value, f.metric) for f in figures] == [(12.5, "unemployment_insurance_coverage")]


@pytest.mark.parametrize("lang,text", [
    ("en", "The district has 41,250/42,800 pupils participating in health insurance."),
    ("fr", "Le district compte 41 250/42 800 élèves participant à l'assurance maladie."),
])
def test_the_part_over_its_whole_is_the_insured_count(lang, text):
    figures, _ = run(text, lang)
    assert [(f.value, f.metric) for f in figures] == [(41_250, "health_insurance_participants"), (42_800, "other")]


def test_participating_in_a_vote_is_no_insurance_participation():
    figures, _ = run("The health insurance law passed with 451/466 deputies participating in the vote.", "en")
    assert [f.metric for f in figures] == ["other", "other"]


@pytest.mark.parametrize("lang,text,metric", [
    ("en", "The province has 2,400 social insurance participants, including: Tan Lap (800), Hoa Binh (950).",
     "social_insurance_participants"),
    ("vi", "Toàn tỉnh có 2.400 người tham gia BHXH tự nguyện, gồm: huyện A (800), huyện B (950).",
     "social_insurance_participants"),
])
def test_counts_in_brackets_after_names_share_the_head_count_they_list(lang, text, metric):
    figures, _ = run(text, lang)
    assert [(f.value, f.metric) for f in figures] == [(2400, metric), (800, metric), (950, metric)]


def test_people_with_an_insurance_and_its_buyers_are_participants():
    text = "Some 251,000 people with voluntary social insurance and 19,700 voluntary insurance buyers."
    figures, _ = run(text, "en")
    assert [f.metric for f in figures] == ["social_insurance_participants"] * 2


@pytest.mark.parametrize("lang,text", [
    ("vi", "Tỷ lệ bao phủ BHYT toàn tỉnh đạt 93,1% (1.204.500 người)."),
    ("vi", "Tỷ lệ học sinh tham gia BHYT đạt 97,2%, tương ứng với 84.310 học sinh."),
    ("en", "Health insurance coverage reached 93.1% (1,204,500 people)."),
])
def test_a_head_count_restating_a_coverage_rate_counts_the_insured(lang, text):
    figures, _ = run(text, lang)
    assert [f.metric for f in figures] == ["health_insurance_coverage", "health_insurance_participants"]


def test_a_margin_over_a_resolution_or_a_quota_is_no_coverage_rate():
    text = ("Tỷ lệ bao phủ BHYT đạt 92,4%, vượt 0,4% so với Nghị quyết của HĐND tỉnh; số người tham gia "
            "BHXH tự nguyện vượt 6,5% chỉ tiêu.")
    figures, _ = run(text, "vi")
    assert [(f.value, f.metric) for f in figures] == [
        (92.4, "health_insurance_coverage"), (0.4, "other"), (6.5, "other")]


def test_french_shares_funded_at_a_level_are_no_coverage_rate():
    text = ("Le budget de l'État finance au moins 70 % de la prime ; les élèves bénéficient d'une prise en "
            "charge de 50 % et les primes sont subventionnées à hauteur de 30 %.")
    figures, _ = run(text + " L'assurance maladie progresse.", "fr")
    assert [(f.value, f.metric) for f in figures] == [(70, "other"), (50, "other"), (30, "other")]


@pytest.mark.parametrize("text,value", [
    ("Social insurance participants rose by 1.2 million (equivalent to 6.1%) on the year.", 6.1),
    ("Voluntary contributors make up 5% of the total number of social insurance participants in the district.", 5),
    ("Employers contribute 17.5% to the social insurance fund.", 17.5),
])
def test_english_shares_of_a_change_a_total_or_a_salary_are_no_coverage_rate(text, value):
    figures, _ = run(text, "en")
    assert [f.metric for f in figures if f.value == value] == ["other"]


def test_vietnamese_people_not_yet_insured_are_no_participants():
    figures, _ = run("Toàn huyện còn 12.300 người chưa có bảo hiểm y tế và 4.100 học sinh chưa được tham gia BHYT.", "vi")
    assert [f.metric for f in figures] == ["other", "other"]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le ministère propose de porter à 60 % le niveau de soutien à l'assurance maladie des agriculteurs."),
    ("en", "The ministry plans to raise the support level for farmers' health insurance to 60%."),
])
def test_a_support_level_is_no_coverage_rate(lang, text):
    figures, targets = run(text, lang)
    assert [(q.value, q.metric) for q in figures + targets] == [(60, "other")]


def test_goals_named_before_a_coverage_goal_are_no_share_of_a_plan():
    text = ("Health insurance reached 94% of the population. The figure completes the goals of the "
            "national plan, which aims for 97 per cent coverage by 2030.")
    _, targets = run(text, "en")
    assert brief(targets, "metric") == [(97, "percent", "health_insurance_coverage")]


def test_a_compound_currency_is_money():
    figures, _ = run("The fund had a 412,500 million-dong revenue from health insurance last year.", "en")
    assert brief(figures) == [(412_500_000_000, "currency")]


def test_a_plan_word_before_its_goals_is_no_share_of_the_plan():
    text = "Kế hoạch đề ra 60% người cận nghèo có thẻ BHYT vào năm 2027 và 85% vào năm 2030."
    _, targets = run(text, "vi", published="2026-11-05")
    assert [(t.value, t.metric) for t in targets] == [(60, "health_insurance_coverage"), (85, "health_insurance_coverage")]


@pytest.mark.parametrize("text", [
    "Số người tham gia BHYT là 1.200.000 người, đạt 101,5% so với số kế hoạch giao.",
    "Huyện có 900 người tham gia BHXH tự nguyện, đạt 41,5% dự toán giao.",
])
def test_a_share_of_the_plan_after_its_number_is_other(text):
    figures, _ = run(text, "vi", published="2026-11-05")
    assert figures[-1].metric == "other"


@pytest.mark.parametrize("lang,text", [
    ("en", "The province ranked fifth among 63 provinces in health insurance coverage."),
    ("fr", "La province est cinquième parmi 63 provinces pour la couverture de l'assurance maladie."),
    ("vi", "Tỉnh đứng thứ năm trong 63 tỉnh, thành phố về tỷ lệ tham gia BHYT."),
])
def test_places_counted_are_no_insured_people(lang, text):
    figures, _ = run(text, lang)
    assert [(f.value, f.metric) for f in figures] == [(63, "other")]


def test_a_school_grade_is_no_count():
    figures, _ = run("Trường THPT số 3 vận động 100% học sinh lớp 10 tham gia BHYT.", "vi")
    assert [f.value for f in figures] == [100]


@pytest.mark.parametrize("lang,text", [
    ("vi", "Do ảnh hưởng của dịch Covid - 19, có 500 người dừng đóng BHXH tự nguyện."),
    ("en", "Because of the Covid - 19 epidemic, 500 people stopped paying voluntary social insurance."),
])
def test_a_disease_name_with_a_spaced_number_is_no_quantity(lang, text):
    figures, _ = run(text, lang)
    assert [f.value for f in figures] == [500]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The district aims to encourage 4,500 residents to buy health insurance this year.",
     "health_insurance_participants"),
    ("vi", "Năm 2027, huyện phấn đấu vận động 2.000 người tham gia BHXH tự nguyện.", "social_insurance_participants"),
])
def test_people_to_mobilise_in_a_goal_are_the_insured_to_be(lang, text, expected):
    _, targets = run(text, lang, published="2026-11-05")
    assert [t.metric for t in targets] == [expected]


def test_bare_decimals_listed_after_a_rate_and_a_colon_are_percentages():
    text = ("Các địa bàn có tỷ lệ tham gia cao nhất là: xã Tân Phú (99,81), phường An Lạc 99,12; "
            "năm nay có 1.250 người tham gia mới.")
    figures, _ = run(text, "vi")
    assert brief(figures) == [(99.81, "percent"), (99.12, "percent"), (1250, "count")]


def test_billions_with_nothing_after_them_are_dong():
    figures, _ = run("Có 540 đơn vị nợ 6,4 tỷ; 2 doanh nghiệp nợ 11,2 tỷ. Dân số thế giới là 8 tỷ người.", "vi")
    assert brief(figures) == [(540, "count"), (6_400_000_000, "currency"), (2, "count"),
                              (11_200_000_000, "currency"), (8_000_000_000, "count")]


@pytest.mark.parametrize("lang,text", [
    ("vi", "Năm 2027, xã phấn đấu tốc độ tăng trưởng đạt 13% trở lên; tỷ lệ dân số tham gia BHYT đạt 96%."),
    ("fr", "En 2027, la commune vise une croissance d'au moins 13 % ; une couverture de l'assurance maladie de 96 %."),
])
def test_a_growth_goal_beside_a_coverage_goal_is_other(lang, text):
    _, targets = run(text, lang, published="2026-11-05")
    assert [(t.value, t.metric) for t in targets] == [(13, "other"), (96, "health_insurance_coverage")]


def test_a_bare_decimal_a_rate_leads_up_to_in_its_sentence_is_a_percentage():
    figures, _ = run("Tỷ lệ bao phủ BHYT tính đến 30/9/2026 toàn huyện đạt được 91,42. Nguyên nhân là do dân số tăng.", "vi")
    assert brief(figures) == [(91.42, "percent")]


@pytest.mark.parametrize("lang,text", [
    ("vi", "Năm 2026 phấn đấu có 36% lực lượng lao động tham gia BHXH, 30% tham gia bảo hiểm thất nghiệp và "
           "95% dân số tham gia BHYT. Năm 2027, chỉ tiêu lần lượt là 38%, 31% và 96%."),
    ("en", "In 2026 the province aims for 36% of workers in social insurance, 30% in unemployment insurance and "
           "95% of people in health insurance. For 2027 the targets are 38%, 31% and 96% respectively."),
])
def test_numbers_given_respectively_take_the_measures_of_the_series_before(lang, text):
    _, targets = run(text, lang, published="2025-11-05")
    assert [t.metric for t in targets][3:] == ["social_insurance_coverage", "unemployment_insurance_coverage",
                                               "health_insurance_coverage"]
