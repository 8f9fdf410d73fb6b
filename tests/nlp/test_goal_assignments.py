"""Goals handed down and restated, on sentences of our own: quotas a unit "is assigned"
("được giao", "le quota attribué à"), plan lead-ins with their owner, restatements in
brackets, levels to bring a number down or up to, deadlines a later report restates,
and completion or achievement of a quota, which are results."""
import pytest

from tests.nlp.pipelines import brief, run


@pytest.mark.parametrize("text,want", [
    ("Năm 2026, xã Tân Lập được giao 3.100 người tham gia BHYT và 260 người tham gia BHXH tự nguyện.",
     [(3100, "count", 2026), (260, "count", 2026)]),
    ("Giao chỉ tiêu cho các xã, thị trấn: Tân Lập 1.200 người, Hòa Bình 950 người tham gia BHXH "
     "tự nguyện trong năm 2026.", [(1200, "count", 2026), (950, "count", 2026)]),
    ("Kế hoạch 2026 của BHXH huyện: thu 410 tỷ đồng; bao phủ BHYT 95,4% dân số.",
     [(410e9, "currency", 2026), (95.4, "percent", 2026)]),
    ("Tỷ lệ bao phủ BHYT giao cho huyện Mường La năm 2026 là 96,1%.", [(96.1, "percent", 2026)]),
    ("UBND tỉnh giao năm 2026 đạt tỷ lệ tham gia BHXH 40% lực lượng lao động.", [(40, "percent", 2026)]),
    ("Kế hoạch năm 2027, BHXH tỉnh giao cho BHXH thành phố Vinh thu 1.900 tỷ đồng.", [(1900e9, "currency", 2027)]),
    ("Để hoàn thành chỉ tiêu về tỷ lệ bao phủ BHYT đạt trên 96%, huyện mở đợt cao điểm.", [(96, "percent", None)]),
])
def test_vietnamese_quotas_assigned_and_plan_lead_ins_are_goals(text, want):
    figures, targets = run(text, "vi", published="2026-03-02")
    assert brief(targets, "year") == want and figures == []


def test_a_plan_drawn_up_is_a_goal():
    figures, targets = run("BHXH huyện đặt ra kế hoạch đến cuối năm có 96% dân số có thẻ BHYT.", "vi")
    assert [t.value for t in targets] == [96] and figures == []


@pytest.mark.parametrize("text,goal,result", [
    ("Chỉ tiêu giao năm 2026 của huyện là 52.000 người tham gia BHYT; đến hết tháng 9 mới có 47.300 người.",
     52000, 47300),
    ("Năm 2026, huyện được giao thu 640 tỷ đồng; 9 tháng đã thu 480 tỷ đồng.", 640e9, 480e9),
])
def test_what_was_done_so_far_after_a_quota_is_a_result(text, goal, result):
    figures, targets = run(text, "vi", published="2026-10-02")
    assert [t.value for t in targets] == [goal] and [f.value for f in figures] == [result]


def test_cards_handed_to_a_commune_are_no_quota():
    figures, targets = run("Xã được giao 300 thẻ BHYT để cấp cho người cao tuổi.", "vi")
    assert targets == [] and [f.value for f in figures] == [300]


@pytest.mark.parametrize("lang,text,want", [
    ("vi", "Tỉnh phấn đấu tỷ lệ bao phủ BHYT đạt 95,5% dân số (tương đương 1,2 triệu người).", [95.5, 1_200_000]),
    ("vi", "Huyện đặt mục tiêu thu đạt 800 tỷ đồng, giảm tỷ lệ nợ xuống dưới 1,5%.", [800e9, 1.5]),
])
def test_a_restatement_in_brackets_and_a_level_to_bring_down_to_are_goals(lang, text, want):
    figures, targets = run(text, lang)
    assert [t.value for t in targets] == want and figures == []


def test_an_estimate_up_to_a_year_end_is_a_result():
    figures, targets = run("Ước đến hết năm 2026, toàn huyện có 12.400 người tham gia BHXH tự nguyện.", "vi",
                           published="2026-11-20")
    assert targets == [] and [f.value for f in figures] == [12400]


@pytest.mark.parametrize("lang,text", [
    ("fr", "D'ici fin 2025, la couverture de l'assurance sociale devrait atteindre 45 % des actifs."),
    ("vi", "Đến hết năm 2025, tỉnh phấn đấu đạt 93% dân số tham gia BHYT."),
    ("en", "By the end of 2025, the province aimed to cover 93 percent of its population."),
])
def test_a_deadline_a_later_report_restates_is_still_the_goals_year(lang, text):
    _, targets = run(text, lang, published="2026-02-10")
    assert [t.year for t in targets] == [2025]


@pytest.mark.parametrize("lang,text", [
    ("vi", "Năm 2025, tỷ lệ bao phủ BHYT của tỉnh đạt 92%; phấn đấu đạt 94% dân số tham gia BHYT."),
    ("en", "In 2025, coverage reached 92 percent; the province aims for 94 percent."),
])
def test_a_past_year_of_a_result_lends_no_deadline(lang, text):
    _, targets = run(text, lang, published="2026-02-10")
    assert brief(targets, "year") == [(94, "percent", None)]


def test_a_constant_price_base_year_is_no_deadline():
    text = "Phấn đấu đến năm 2030, thu nhập bình quân tăng 7%/năm (giá so sánh 2010)."
    _, targets = run(text, "vi", published="2026-02-10")
    assert brief(targets, "year") == [(7, "percent", 2030)]


@pytest.mark.parametrize("text,want", [
    ("Le quota attribué au district de Cam Lộ pour 2026 est de 2 400 nouveaux assurés.", [(2400, 2026, "=")]),
    ("Le nombre d'assurés devra dépasser 300 000 d'ici 2027.", [(300000, 2027, ">")]),
    ("La caisse veut ramener les dettes sous la barre des 40 milliards de dongs d'ici 2027.", [(40e9, 2027, "<")]),
    ("La résolution fixe entre 35 et 38 % la part des actifs couverts par l'assurance sociale en 2027.",
     [(35, 2027, ">="), (38, 2027, "<=")]),
])
def test_french_quotas_and_bounds_to_reach(text, want):
    figures, targets = run(text, "fr", published="2026-03-02")
    assert [(t.value, t.year, t.comparator) for t in targets] == want and figures == []


@pytest.mark.parametrize("text,values", [
    ("Le district a rempli 104 % du quota qui lui était assigné pour 2026.", [104]),
    ("La commune a largement dépassé les objectifs qui lui étaient assignés, avec 860 nouvelles adhésions.", [860]),
    ("Au 31 décembre 2025, la province comptait 1,1 million d'assurés, soit 94 % de la population, "
     "dépassant l'objectif fixé par le Conseil populaire.", [1_100_000, 94]),
])
def test_french_quotas_fulfilled_and_goals_exceeded_are_results(text, values):
    figures, targets = run(text, "fr", published="2026-03-02")
    assert [f.value for f in figures] == values and targets == []


@pytest.mark.parametrize("text,want", [
    ("Pour 2027, la caisse de Quảng Bình s'est vu assigner un quota de 8 200 nouveaux assurés volontaires.",
     [(8200, 2027, "=")]),
    ("Le plan de recouvrement assigné à la province pour 2027 s'élève à 4 100 milliards de dongs.",
     [(4.1e12, 2027, "=")]),
    ("Le Comité populaire a réparti le quota pour 2027 : 1 400 adhérents pour Hương Sơn et 900 pour Vũ Quang.",
     [(1400, 2027, "="), (900, 2027, "=")]),
    ("« Nous visons au moins 2 000 nouveaux assurés cette année », a déclaré la directrice.", [(2000, 2026, ">=")]),
    ("Le district doit recruter environ 700 adhérents à l'assurance sociale volontaire d'ici décembre.",
     [(700, None, "~")]),
    ("Le plan limite à 2 % au plus la part des entreprises en retard de paiement d'ici 2027.", [(2, 2027, "<=")]),
    ("L'indicateur assigné pour 2027 à la province — 97 % de couverture — reste à sa portée.", [(97, 2027, "=")]),
    ("Atteindre 100 % des élèves assurés d'ici la rentrée 2027 : tel est l'engagement du Service de l'éducation.",
     [(100, 2027, "=")]),
])
def test_french_quotas_spread_and_goals_of_the_first_person(text, want):
    figures, targets = run(text, "fr", published="2026-03-02")
    assert [(t.value, t.year, t.comparator) for t in targets] == want and figures == []


@pytest.mark.parametrize("text,values", [
    ("Ces aides visent les 8 400 travailleurs licenciés depuis janvier.", [8400]),
    ("Objectif atteint pour la province : 96,4 % de sa population est assurée.", [96.4]),
    ("Le pays compte 20 millions d'assurés sociaux, soit 41 % de la main-d'œuvre, encore loin de l'objectif "
     "fixé pour 2030.", [20_000_000, 41]),
    ("Le ministère prévoit que le nombre de chômeurs indemnisés pourrait dépasser 900 000 en 2027.", [900_000]),
    ("Les dépenses représentent déjà 86 % du budget alloué pour 2027.", [86]),
])
def test_french_people_aimed_at_goals_met_forecasts_and_budget_shares_are_results(text, values):
    figures, targets = run(text, "fr", published="2026-03-02")
    assert [f.value for f in figures] == values and targets == []


@pytest.mark.parametrize("text,want", [
    ("Under the 2027 plan, revenue from voluntary social insurance is set at VND410 billion.",
     [(410e9, "currency", 2027)]),
    ("Each ward has been given a quota of 120 new voluntary participants this year.", [(120, "count", 2026)]),
    ("About 55% of workers are to take part in social insurance by 2030.", [(55, "percent", 2030)]),
    ("The plan sets three targets for 2027: coverage of 96%, 42% of the workforce in social insurance and 33% "
     "in unemployment insurance.", [(96, "percent", 2027), (42, "percent", 2027), (33, "percent", 2027)]),
])
def test_english_amounts_set_quotas_given_and_targets_listed_after_a_colon(text, want):
    _, targets = run(text, "en", published="2026-03-02")
    assert brief(targets, "year") == want


@pytest.mark.parametrize("text,want", [
    ("Under the plan, the province will add 3,100 voluntary social insurance participants in 2027.",
     [(3100, "count", 2027)]),
    ("In 2027, the district must collect VND 75 billion in contributions.", [(75e9, "currency", 2027)]),
    ("Having exceeded its 2025 plan, the province now targets 95.2% coverage for 2026.", [(95.2, "percent", 2026)]),
])
def test_english_goals_to_add_or_collect(text, want):
    _, targets = run(text, "en", published="2026-03-02")
    assert brief(targets, "year") == want


@pytest.mark.parametrize("text,values", [
    ("Projections show the pension fund balance could rise to VND 1,100 trillion by 2032.", [1.1e15]),
    ("The number of people aged 65 and above is forecast to reach 15 million by 2035.", [15_000_000]),
    ("The province met its 2025 target for voluntary social insurance early, with 48,300 participants by October.",
     [48300]),
    ("Four years after it set the goal of universal coverage, the province now has 95.4% of its people insured.",
     [95.4]),
])
def test_english_forecasts_targets_met_and_what_a_place_now_has_are_results(text, values):
    figures, targets = run(text, "en", published="2026-03-02")
    assert [f.value for f in figures] == values and targets == []


@pytest.mark.parametrize("text,want", [
    ("The province targets 97pc health insurance coverage by 2027.", [(97, "percent", 2027, "=")]),
    ("The district is to reach 95 per cent coverage and bring 700 more people into social insurance by end-2027.",
     [(95, "percent", 2027, "="), (700, "count", 2027, "=")]),
    ("Coverage in the district must not fall below 96 percent in 2027.", [(96, "percent", 2027, ">=")]),
    ("Some 6,000 self-employed workers are to be persuaded to join voluntary social insurance by 2027.",
     [(6000, "count", 2027, "~")]),
    ("Officials want roughly 30 percent of the workforce to be covered by social insurance by 2028.",
     [(30, "percent", 2028, "~")]),
    ("Social insurance coverage of 40 percent of the workforce: that is the target the province has set for 2030.",
     [(40, "percent", 2030, "=")]),
    ("Under the 2027 plan, the province is to have 41,000 people on voluntary social insurance.",
     [(41000, "count", 2027, "=")]),
])
def test_english_goals_of_more_shapes(text, want):
    _, targets = run(text, "en", published="2026-03-02")
    assert [(t.value, t.unit, t.year, t.comparator) for t in targets] == want


@pytest.mark.parametrize("text,values", [
    ("Two districts (target 95%) are lagging behind, both below 90% as of October.", [2, 90]),
    ("Full-fledged co-operatives should have at least seven members.", [7]),
    ("Students will have at least 50% of their health insurance contributions covered by the state budget.", [50]),
])
def test_english_a_dated_level_and_a_rule_on_members_or_support_are_no_goals(text, values):
    figures, targets = run(text, "en", published="2026-03-02")
    assert [f.value for f in figures] == values and [t.value for t in targets] == ([95] if "target" in text else [])


@pytest.mark.parametrize("text,want", [
    ("Huyện ủy giao chỉ tiêu bao phủ BHYT năm 2026 cho các xã ở mức 95%.", [(95, "percent", 2026)]),
    ("Huyện giao chỉ tiêu năm 2026 cho xã Tân An 96% và xã Bình Minh 95,5%.",
     [(96, "percent", 2026), (95.5, "percent", 2026)]),
    ("Kế hoạch năm 2026 đặt ra thu 2.100 tỷ đồng.", [(2100e9, "currency", 2026)]),
    ("Trong quý IV, huyện phải thu thêm 320 tỷ đồng để hoàn thành kế hoạch năm 2026.", [(320e9, "currency", 2026)]),
    ("Đến tháng 12/2026, thành phố phấn đấu có hơn 6.000 người tham gia BHXH tự nguyện.", [(6000, "count", 2026)]),
])
def test_vietnamese_quotas_handed_to_each_place_and_month_deadlines(text, want):
    _, targets = run(text, "vi", published="2026-03-02")
    assert brief(targets, "year") == want


def test_a_decision_handing_quotas_to_communes_counts_communes():
    figures, targets = run("Quyết định giao chỉ tiêu năm 2026 cho 45 xã, phường.", "vi", published="2026-03-02")
    assert targets == [] and [f.value for f in figures] == [45]


@pytest.mark.parametrize("lang,text,goal,now", [
    ("vi", "Tỉnh phấn đấu nâng tỷ lệ bao phủ BHYT từ 92% hiện nay lên 95% vào năm 2027.", 95, 92),
    ("vi", "Hiện tỷ lệ bao phủ đạt 92,6%, Huyện ủy yêu cầu đến hết năm 2027 nâng tỷ lệ này lên không dưới 95%.",
     95, 92.6),
    ("en", "The province aims to raise coverage from 91 percent now to 95 percent by 2027.", 95, 91),
])
def test_the_level_a_goal_starts_from_is_a_result(lang, text, goal, now):
    figures, targets = run(text, lang, published="2026-03-02")
    assert [t.value for t in targets] == [goal] and [f.value for f in figures] == [now]


@pytest.mark.parametrize("lang,text,goal,start", [
    ("vi", "Tỉnh phấn đấu nâng tỷ lệ bao phủ BHYT từ 90% lên 95% vào năm 2027.", (95, 2027, "="), 90),
    ("en", "The province aims to raise coverage from 90 percent to 95 percent by 2027.", (95, 2027, "="), 90),
    ("fr", "La province veut porter le taux de couverture de 90 % à 95 % d'ici 2027.", (95, 2027, "="), 90),
    ("fr", "D'ici 2028, le district veut faire passer le nombre d'assurés volontaires de 2 100 à 4 800.",
     (4800, 2028, "="), 2100),
])
def test_a_move_from_one_level_to_another_is_no_range(lang, text, goal, start):
    figures, targets = run(text, lang, published="2026-03-02")
    assert [(t.value, t.year, t.comparator) for t in targets] == [goal] and [f.value for f in figures] == [start]


@pytest.mark.parametrize("lang,text,want", [
    ("vi", "Năm 2027, số người tham gia phấn đấu tăng từ 5 đến 10%.", [(5, ">="), (10, "<=")]),
    ("fr", "Le taux de pauvreté devrait baisser de 1 à 1,5 point en 2027.", [(1, ">="), (1.5, "<=")]),
])
def test_a_rise_or_fall_by_a_range_stays_a_range(lang, text, want):
    _, targets = run(text, lang, published="2026-03-02")
    assert [(t.value, t.comparator) for t in targets] == want


@pytest.mark.parametrize("text,want", [
    ("Le secteur de l'éducation doit faire en sorte qu'au minimum 99 % des élèves soient assurés en 2027.",
     [(99, 2027, ">=")]),
    ("Chaque commune s'est vu attribuer un quota d'au moins 150 nouveaux assurés volontaires pour 2027.",
     [(150, 2027, ">=")]),
    ("La province veut que la part des travailleurs informels assurés atteigne 15 % en 2027.", [(15, 2027, "=")]),
    ("Pour 2027, le taux de cotisations impayées ne devra pas dépasser 1,8 %.", [(1.8, 2027, "<=")]),
    ("Le district espère recruter entre 300 et 450 adhérents volontaires en 2027.",
     [(300, 2027, ">="), (450, 2027, "<=")]),
    ("Le taux de couverture visé pour 2027 par la province est de 95,2 %, a-t-on appris.", [(95.2, 2027, "=")]),
])
def test_french_goals_wished_for_or_capped(text, want):
    _, targets = run(text, "fr", published="2026-03-02")
    assert [(t.value, t.year, t.comparator) for t in targets] == want


@pytest.mark.parametrize("text,values", [
    ("D'ici la fin décembre, la province aura délivré environ 18 000 cartes d'assurance maladie gratuites.", [18000]),
    ("Le nombre d'assurés a progressé de 6,8 % sur un an, pour atteindre 412 500 personnes.", [6.8, 412500]),
    ("La loi prévoit une allocation de maternité de 2 millions de dongs par enfant.", [2_000_000]),
])
def test_french_future_perfect_rises_reaching_a_level_and_benefits_are_results(text, values):
    figures, targets = run(text, "fr", published="2026-03-02")
    assert [f.value for f in figures] == values and targets == []


@pytest.mark.parametrize("text,want", [
    ("Trong quý IV/2026, BHXH tỉnh quyết tâm thu thêm khoảng 500 tỷ đồng.", [(500e9, "currency", 2026)]),
    ("Cụ thể, UBND tỉnh giao: huyện Trạm Tấu 310 người, huyện Bắc Yên 350 người tham gia BHXH tự nguyện trong năm 2026.",
     [(310, "count", 2026), (350, "count", 2026)]),
    ("Kế hoạch năm 2026 của BHXH tỉnh yêu cầu tỷ lệ nợ tối đa 1,8% tổng số phải thu.", [(1.8, "percent", 2026)]),
    ("Tỉnh phấn đấu giữ tỷ lệ bao phủ BHYT trên ngưỡng 96% đến hết năm 2026.", [(96, "percent", 2026)]),
    ("Quý IV/2026, thị xã phấn đấu thu thêm 198 tỷ đồng.", [(198e9, "currency", 2026)]),
    ("Mỗi nhân viên thu được giao bình quân 15 người tham gia BHXH tự nguyện mỗi tháng.", [(15, "count", None)]),
    ("Trong năm 2026, BHXH huyện thực hiện các giải pháp để tỷ lệ bao phủ BHYT đạt 96%.", [(96, "percent", 2026)]),
    ("Kế hoạch đề ra năm 2026: phát triển mới 3.500 người tham gia BHXH tự nguyện.", [(3500, "count", 2026)]),
])
def test_vietnamese_quarter_deadlines_handed_lists_and_plans_that_require(text, want):
    _, targets = run(text, "vi", published="2026-03-02")
    assert brief(targets, "year") == want


@pytest.mark.parametrize("text,goals,results", [
    ("Thị xã thu được 38,6 tỷ đồng (kế hoạch năm 2026 là 81 tỷ đồng), đạt 47,6%.", [81e9], [38.6e9, 47.6]),
    ("BHYT hộ gia đình: 213.540 người (KH: 220.000 người).", [220000], [213540]),
    ("Kế hoạch thu năm 2026 của BHXH huyện: 312,08 tỷ đồng; 9 tháng mới thu được 201,4 tỷ đồng.",
     [312.08e9], [201.4e9]),
    ("Thành phố cần phát triển thêm 21.000 người để đạt tỷ lệ bao phủ BHYT năm 2026 là 93,8%.", [93.8], [21000]),
])
def test_vietnamese_plans_beside_results(text, goals, results):
    figures, targets = run(text, "vi", published="2026-10-02")
    assert [t.value for t in targets] == goals and [f.value for f in figures] == results


def test_paragraphs_under_a_lead_in_ending_its_line_with_a_colon_are_its_goals():
    text = ("Năm 2027, BHXH tỉnh đặt mục tiêu:\n\nTỷ lệ bao phủ BHYT đạt 95,6% dân số; khoảng 42% lực lượng "
            "lao động tham gia BHXH.\n\nSố người tham gia BHTN vượt 410.000 người.")
    figures, targets = run(text, "vi", published="2026-12-02")
    assert brief(targets, "year") == [(95.6, "percent", 2027), (42, "percent", 2027), (410000, "count", 2027)]
    assert figures == []


def test_a_paragraph_after_a_bulleted_list_is_not_one_of_its_goals():
    text = ("Mục tiêu năm 2027:\n\n- Tỷ lệ bao phủ BHYT đạt 96%;\n- Thu 1.200 tỷ đồng.\n\n"
            "Năm 2026, toàn tỉnh có 930.000 người tham gia BHYT.")
    figures, targets = run(text, "vi", published="2026-12-02")
    assert [t.value for t in targets] == [96, 1200e9] and [f.value for f in figures] == [930000]


def test_a_heading_with_a_colon_inside_heads_its_bullets():
    text = ("Nghệ An : les principaux objectifs de la sécurité sociale pour 2027\n\n"
            "- Couverture de l'assurance maladie : 96 % de la population.\n- Assurance chômage : 340 000 personnes.")
    figures, targets = run(text, "fr", published="2026-12-02")
    assert [t.value for t in targets] == [96, 340000] and figures == []


def test_a_move_whose_object_is_long_is_still_a_move():
    text = ("La province s'efforce de faire passer le nombre de personnes affiliées à l'assurance sociale "
            "volontaire de 7 900 à 10 500 d'ici fin 2027.")
    figures, targets = run(text, "fr", published="2026-03-02")
    assert [(t.value, t.comparator) for t in targets] == [(10500, "=")] and [f.value for f in figures] == [7900]


@pytest.mark.parametrize("text,want", [
    ("« Nous devons absolument atteindre un taux de couverture d'au moins 96 % avant la fin de 2027 », a-t-elle dit.",
     [(96, 2027, ">=")]),
    ("Pour la commune, le quota annuel assigné est de 430 nouveaux adhérents à l'assurance sociale volontaire.",
     [(430, None, "=")]),
    ("Le Comité populaire a réparti entre les communes un quota total de 16 800 nouveaux adhérents pour 2027.",
     [(16800, 2027, "=")]),
    ("Les entreprises se sont engagées à ramener leurs arriérés sous la barre des 300 millions de dôngs d'ici 2027.",
     [(300e6, 2027, "<")]),
    ("Les autorités se donnent jusqu'à 2028 pour qu'au moins 98 % des salariés soient affiliés.", [(98, 2028, ">=")]),
    ("Le plan prévoit de limiter le taux de dettes de cotisations à 1,8 % au maximum en 2027.", [(1.8, 2027, "<=")]),
    ("D'ici 2027, la ville veut que le nombre d'assurés sociaux dépasse les 330 000.", [(330000, 2027, ">")]),
    ("Le nombre de cotisants volontaires devrait dépasser les 1,8 million d'ici fin 2027.", [(1_800_000, 2027, ">")]),
])
def test_french_goals_in_the_first_person_quotas_with_adjectives_and_bounds(text, want):
    _, targets = run(text, "fr", published="2026-03-02")
    assert [(t.value, t.year, t.comparator) for t in targets] == want


@pytest.mark.parametrize("text,values", [
    ("Si la tendance se maintient, la province aura atteint 94,8 % d'ici la fin de l'année.", [94.8]),
    ("Le district compte désormais 29 870 titulaires de carte d'assurance maladie.", [29870]),
    ("La campagne, qui visait les travailleurs indépendants, a permis d'enregistrer 1 320 nouveaux adhérents.", [1320]),
    ("La dette portant intérêts s'élève à 227 milliards de VND.", [227e9]),
])
def test_french_results_beside_goal_words(text, values):
    figures, targets = run(text, "fr", published="2026-03-02")
    assert [f.value for f in figures] == values and targets == []


def test_a_quarter_plan_is_a_goal():
    text = "Cơ quan BHXH đã phát hiện 37 doanh nghiệp chậm đóng; kế hoạch quý IV/2026 là thu hồi ít nhất 10 tỷ đồng."
    figures, targets = run(text, "vi", published="2026-10-02")
    assert brief(targets, "year", "comparator") == [(10e9, "currency", 2026, ">=")] and [f.value for f in figures] == [37]


def test_a_report_section_naming_tasks_and_goals_heads_its_bullets():
    text = ("I. Kết quả năm 2026\n\nToàn tỉnh có 1.150.000 người tham gia BHYT, tỷ lệ bao phủ đạt 94,1%.\n\n"
            "II. Nhiệm vụ, chỉ tiêu năm 2027\n\n- Tỷ lệ bao phủ BHYT đạt 95,3%;\n\n- Tỷ lệ lao động tham gia BHXH 37%.")
    figures, targets = run(text, "vi", published="2026-12-20")
    assert brief(targets, "year") == [(95.3, "percent", 2027), (37, "percent", 2027)]
    assert [f.value for f in figures] == [1_150_000, 94.1]


def test_items_numbered_with_a_bracket_and_a_stop_are_goals_of_their_lead_in():
    text = ("Các chỉ tiêu chủ yếu đến năm 2027:\n(1). Thu ngân sách tăng bình quân 4%/năm.\n"
            "(2). Tỷ lệ người dân tham gia BHYT đạt 95%.")
    figures, targets = run(text, "vi", published="2026-03-02")
    assert brief(targets, "year") == [(4, "percent", 2027), (95, "percent", 2027)] and figures == []
