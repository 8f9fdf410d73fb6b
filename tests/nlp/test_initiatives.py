"""Initiative names on sentences we write ourselves, per language."""
from __future__ import annotations

import pytest

from extractor.nlp.doc import PlaceMention

from .pipelines import component_pipeline


def place(text: str, word: str, name: str, province: str) -> PlaceMention:
    start = text.index(word)
    return PlaceMention(start, start + len(word), word, name, "commune", province)


def run(text: str, lang: str, places=(), provinces=("Nghệ An",), title="BHYT"):
    """The component on ``text``; the default title names an insurance, as a real story's would."""
    nlp = component_pipeline(lang, "coverage_initiatives")
    doc = nlp.make_doc(text)
    doc._.places, doc._.provinces, doc._.title = list(places), list(provinces), title
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    for item in doc._.initiatives:
        assert item.in_title or doc.text[item.start:item.end] == item.text
    return doc._.initiatives


def names(items) -> list[str]:
    return [i.name for i in items]


def test_fr_quoted_after_cue_with_locality():
    text = ("Dans la commune de Ky Son, l'Union des femmes a lancé en 2023 le modèle "
            "« Le cochon d'épargne pour la santé ». Chaque membre y glisse 3 000 dôngs.")
    items = run(text, "fr", [place(text, "Ky Son", "Kỳ Sơn", "Nghệ An")])
    assert names(items) == ["Le cochon d'épargne pour la santé"]
    assert items[0].locality == "Kỳ Sơn" and items[0].province == "Nghệ An"
    assert items[0].text.startswith("modèle") and items[0].text.endswith("»")


def test_fr_list_after_plural_cue_takes_place_after_each_group():
    text = ("Les associations développent des modèles d'adhésion tels que : « Le puits de la solidarité » "
            "à Cam Xuyen ; « Le riz de l'entraide », « La chèvre de la sécurité sociale » à Loc Ha ; "
            "« Le poisson solidaire » à Nghi Xuan.")
    places = [place(text, w, w, "Hà Tĩnh") for w in ("Cam Xuyen", "Loc Ha", "Nghi Xuan")]
    items = run(text, "fr", places)
    assert names(items) == ["Le puits de la solidarité", "Le riz de l'entraide",
                            "La chèvre de la sécurité sociale", "Le poisson solidaire"]
    assert [i.locality for i in items] == ["Cam Xuyen", "Loc Ha", "Loc Ha", "Nghi Xuan"]


def test_fr_descriptive_name_without_cue_or_article():
    text = ("Pour garder les cartes actives, la caisse du district applique le modèle d'épargne collective "
            "entre familles voisines, qui réunit dix foyers par hameau.")
    assert names(run(text, "fr")) == ["épargne collective entre familles voisines"]


@pytest.mark.parametrize("text", [
    "La commune a organisé une campagne de sensibilisation et des conférences dans les villages.",
    "Les services appliqueront le modèle de gouvernement à deux niveaux dès juillet.",
    "« Maintenant, toute ma famille a sa carte. Je suis rassurée », dit-elle en souriant.",
    "Ce modèle aide les familles pauvres ; selon ce modèle, chaque hameau désigne un responsable.",
])
def test_fr_generic_activities_and_speech_are_not_initiatives(text):
    assert run(text, "fr") == []


def test_article_naming_no_insurance_has_no_initiative():
    text = 'The province launched its "Visit the Highlands 2026" campaign with cheaper tickets.'
    assert run(text, "en", title="Highland tourism") == []


def test_en_link_words_cue_after_and_straight_single_quotes():
    text = ('The scheme, known as "Coconuts for Cards", was started by the commune Farmers\' Association. '
            "Nearby, the Women's Union runs the 'Rice Jar for Health' model for older residents.")
    assert names(run(text, "en")) == ["Coconuts for Cards", "Rice Jar for Health"]


def test_en_descriptive_model_name_and_later_mentions_fold_into_the_first():
    text = ('In Vinh Hai ward, boat owners run a different model, the neighbourhood insurance savings model: '
            "each crew sets aside part of the catch. Officials want the savings model copied elsewhere.")
    items = run(text, "en", [place(text, "Vinh Hai", "Vĩnh Hải", "Khánh Hòa")])
    assert names(items) == ["neighbourhood insurance savings"]
    assert items[0].province == "Khánh Hòa"


def test_vi_quoted_descriptive_nested_quote_and_number_inside_name():
    text = ("Tại xã Nghĩa Hưng, Hội Nông dân triển khai mô hình “Con gà an sinh” từ năm 2024. "
            "Xã còn duy trì mô hình tổ tiết kiệm tương trợ mua thẻ BHYT: mỗi tháng các hộ góp tiền. "
            "Hội Phụ nữ phát động phong trào “Thôn 100% người dân có thẻ BHYT”. "
            "“‘Con gà an sinh’ là cách làm hay”, ông nói.")
    items = run(text, "vi", [place(text, "Nghĩa Hưng", "Nghĩa Hưng", "Ninh Bình")], provinces=["Ninh Bình"])
    assert names(items) == ["Con gà an sinh", "tổ tiết kiệm tương trợ mua thẻ BHYT",
                            "Thôn 100% người dân có thẻ BHYT"]
    hundred = text.index("100%")
    assert items[2].start < hundred < items[2].end  # the quantities component skips numbers inside it
    assert items[2].province == "Ninh Bình"         # falls back to the main province


def test_other_language_gets_quoted_names_next_to_a_cue():
    text = "La provincia lanzó el programa «Salud para todos» para los trabajadores informales."
    assert names(run(text, "xx")) == ["Salud para todos"]


def test_fr_model_of_a_place_is_no_name_and_place_inside_name_gives_locality():
    text = ("La directrice estime que le modèle de Quy Hop fait de la carte une affaire collective. "
            "Cela doit beaucoup au programme « Jeunesse de Quy Hop et assurance sociale », lancé en 2024.")
    items = run(text, "fr", [place(text, "Quy Hop", "Quỳ Hợp", "Nghệ An")]
                + [PlaceMention(m, m + 7, "Quy Hop", "Quỳ Hợp", "commune", "Nghệ An")
                   for m in [text.rindex("Quy Hop")]])
    assert names(items) == ["Jeunesse de Quy Hop et assurance sociale"]
    assert items[0].locality == "Quỳ Hợp"


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The commune has piloted the model of boat owners paying voluntary social insurance for their crews, "
           "which has helped dozens of fishermen.",
     ["boat owners paying voluntary social insurance for their crews"]),
    ("fr", "L'Union des jeunes a lancé le modèle de parrainage des familles pauvres par les enseignants, "
           "grâce auquel chaque foyer garde sa carte.",
     ["parrainage des familles pauvres par les enseignants"]),
    ("vi", "Hội Nông dân duy trì mô hình quỹ tiết kiệm của hội viên nuôi ong, giúp nhiều hộ mua thẻ BHYT.",
     ["quỹ tiết kiệm của hội viên nuôi ong"]),
    ("vi", "Xã nhân rộng mô hình tổ tiết kiệm mua thẻ BHYT tại xã Kỳ Sơn từ đầu năm.",
     ["tổ tiết kiệm mua thẻ BHYT"]),
])
def test_descriptive_names_keep_their_complements_but_not_the_place(lang, text, expected):
    assert names(run(text, lang)) == expected


def test_en_collection_models_are_enrolment_mechanisms():
    text = ("The district copied the model of collection teams at river ports from the former province, "
            "and fishermen now pay their contributions on the quay.")
    assert names(run(text, "en")) == ["collection teams at river ports"]


@pytest.mark.parametrize("lang,text", [
    ("vi", "Huyện đã triển khai nhiều mô hình tiết kiệm mua BHYT, giúp người dân chủ động tham gia."),
    ("en", "The district runs many savings models for health insurance in its communes."),
])
def test_a_plural_before_the_cue_names_a_kind_not_an_initiative(lang, text):
    assert run(text, lang) == []


def test_a_cue_followed_by_nothing_but_the_topic_is_no_name():
    assert run("Xã đã có mô hình an sinh, giúp nhiều hộ tham gia.", "vi") == []


def test_a_quoted_name_wins_over_an_earlier_descriptive_mention_it_contains():
    text = ("Tỉnh đã có mô hình tiết kiệm mua thẻ BHYT. "
            "Hội Phụ nữ xã Yên Lạc xây dựng mô hình “Hũ gạo tiết kiệm mua thẻ BHYT” cho hội viên.")
    assert names(run(text, "vi")) == ["Hũ gạo tiết kiệm mua thẻ BHYT"]


def test_en_capitalised_programme_name_after_like():
    text = "She praised programmes like Spring Warmth for Fishing Families, which bought 300 cards."
    assert names(run(text, "en")) == ["Spring Warmth for Fishing Families"]


def test_en_quoted_name_after_a_plan_for():
    text = 'The district drew up a plan for "Month of enrolling farmers in voluntary social insurance".'
    assert names(run(text, "en")) == ["Month of enrolling farmers in voluntary social insurance"]


def test_vi_self_help_group_named_by_what_it_does():
    text = "Hội thành lập mới 05 tổ góp vốn mua BHYT với 60 thành viên."
    assert names(run(text, "vi")) == ["tổ góp vốn mua BHYT"]


def test_vi_campaign_month_named_with_its_cue():
    text = "UBND tỉnh phát động tháng vận động tham gia BHXH tự nguyện, BHYT hộ gia đình năm 2026 trên toàn tỉnh."
    assert names(run(text, "vi")) == ["tháng vận động tham gia BHXH tự nguyện, BHYT hộ gia đình"]


@pytest.mark.parametrize("lang, text, expected", [
    ("vi", "“Chương trình tặng thẻ BHYT cho người cao tuổi neo đơn” được phát động từ đầu năm.",
     "Chương trình tặng thẻ BHYT cho người cao tuổi neo đơn"),
    ("fr", "Le « Programme de parrainage des cartes d'assurance maladie pour les élèves » a été lancé en mars.",
     "Programme de parrainage des cartes d'assurance maladie pour les élèves"),
    ("en", "The “Campaign for health insurance cards for every fisher” started in March.",
     "Campaign for health insurance cards for every fisher"),
])
def test_a_quoted_name_that_opens_with_its_cue(lang, text, expected):
    assert names(run(text, lang)) == [expected]


def test_a_quote_that_opens_with_a_cue_but_names_no_insurance_is_no_initiative():
    assert names(run("Le « Programme de rénovation des routes communales » a été lancé.", "fr")) == []


def test_a_long_project_title_announced_by_its_cue():
    text = ("The city approved the project “Raising the number of workers with social insurance and "
            "unemployment insurance in the districts of the city in the period from 2026 to 2030”.")
    assert names(run(text, "en")) == [
        "Raising the number of workers with social insurance and unemployment insurance in the districts "
        "of the city in the period from 2026 to 2030"]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The Month of encouraging farmers to join voluntary social insurance was launched in May.",
     "Month of encouraging farmers to join voluntary social insurance"),
    ("fr", "Le Mois de promotion de l'assurance sociale volontaire a été lancé dans la province en mai.",
     "Mois de promotion de l'assurance sociale volontaire"),
    ("en", "Communes joined the National Social Insurance Month with door-to-door visits.",
     "National Social Insurance Month"),
])
def test_a_capitalised_campaign_month(lang, text, expected):
    assert names(run(text, lang)) == [expected]


def test_a_month_of_the_calendar_is_no_campaign():
    assert names(run("The Month of May saw 1,200 new members join health insurance.", "en")) == []


@pytest.mark.parametrize("lang, text, expected", [
    ("vi", "BHXH tỉnh tổ chức lễ ra quân hưởng ứng “Tháng vận động người dân tham gia BHYT” năm 2026.",
     ["Tháng vận động người dân tham gia BHYT"]),
    ("vi", "Hưởng ứng Tháng vận động tham gia BHXH tự nguyện, xã đã vận động thêm người tham gia.",
     ["Tháng vận động tham gia BHXH tự nguyện"]),
    ("vi", "Ngày hội “Thanh niên với BHYT” thu hút đông đảo đoàn viên.", ["Thanh niên với BHYT"]),
    ("vi", "Hội Nông dân xã ra mắt Câu lạc bộ hội viên tham gia BHXH tự nguyện với nhiều thành viên.",
     ["Câu lạc bộ hội viên tham gia BHXH tự nguyện"]),
    ("en", "Pupils joined a contest, entitled “Young ambassadors of health insurance”, in the city.",
     ["Young ambassadors of health insurance"]),
    ("en", "The agency launched the Month of encouraging traders to join social insurance.",
     ["Month of encouraging traders to join social insurance"]),
    ("fr", "Le club des pêcheurs adhérents à l'assurance sociale volontaire compte de nombreux membres.",
     ["pêcheurs adhérents à l'assurance sociale volontaire"]),
])
def test_campaign_days_clubs_and_contests(lang, text, expected):
    assert names(run(text, lang)) == expected


def test_a_contest_about_something_else_is_no_initiative():
    text = "Le lycée a remporté le concours « Jeunes reporters de la province » l'an dernier."
    assert names(run(text, "fr")) == []


def test_a_later_mention_in_another_inflection_folds_into_the_first():
    text = ('The agency launched the program "Leave no poor family behind" to give health insurance cards. '
            'Overview of the program "Leaving no poor family behind" in the province.')
    assert names(run(text, "en")) == ["Leave no poor family behind"]


def test_a_quoted_title_in_capitals_is_a_document_heading_not_a_name():
    text = "KẾ HOẠCH THỰC HIỆN ĐỀ ÁN “TIẾN TỚI BẢO HIỂM Y TẾ TOÀN DÂN GIAI ĐOẠN 2026 - 2030”"
    assert names(run(text, "vi")) == []


def test_a_typographic_opening_quote_closed_by_a_straight_one():
    items = run('Hội Phụ nữ xã phát động phong trào “Góp heo đất mua thẻ BHYT" từ đầu năm.', "vi")
    assert names(items) == ["Góp heo đất mua thẻ BHYT"]


@pytest.mark.parametrize("text, lang, expected", [
    ('The post office launched a drive under the theme "Voluntary social insurance, a pillar for old age".', "en",
     ["Voluntary social insurance, a pillar for old age"]),
    ("Xã phát động thi đua với chủ đề: “Mỗi hộ một thẻ BHYT”.", "vi", ["Mỗi hộ một thẻ BHYT"]),
    ('The fair ran under the theme "Green streets, clean rivers".', "en", []),
])
def test_a_campaign_theme_about_insurance_is_its_name(text, lang, expected):
    assert names(run(text, lang)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Huyện đoàn triển khai mô hình Thanh niên với BHXH tự nguyện tại 10 xã.", ["Thanh niên với BHXH tự nguyện"]),
    ("Xã duy trì mô hình tiết kiệm mua thẻ BHYT với 25 thành viên.", ["tiết kiệm mua thẻ BHYT"]),
])
def test_a_vietnamese_name_ends_before_a_count_not_at_every_preposition(text, expected):
    assert names(run(text, "vi")) == expected


@pytest.mark.parametrize("text, expected", [
    ("Xã nhân rộng mô hình các hộ giúp nhau tham gia BHYT với mục tiêu không để ai bị bỏ lại.",
     ["các hộ giúp nhau tham gia BHYT"]),
    ("Hội viên thành lập tổ nông dân tiết kiệm mua thẻ BHYT cho cả nhà.", ["tổ nông dân tiết kiệm mua thẻ BHYT"]),
    ("Mô hình tham gia BHYT giúp người dân yên tâm khi ốm đau.", ["tham gia BHYT"]),
])
def test_helping_each_other_and_members_before_savings_stay_in_the_name(text, expected):
    assert names(run(text, "vi")) == expected


def test_a_lowercase_campaign_month_with_a_long_title():
    text = ("La ville a lancé la Journée de l'assurance maladie, mois de sensibilisation et de mobilisation pour "
            "l'adhésion à l'assurance sociale volontaire et à l'assurance maladie familiale dans tous les quartiers.")
    assert names(run(text, "fr")) == [
        "mois de sensibilisation et de mobilisation pour l'adhésion à l'assurance sociale volontaire et à "
        "l'assurance maladie familiale"]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The district has carried out the programme “Health insurance cards for pupils in need – A warm Tet for "
           "every family.”", ["Health insurance cards for pupils in need – A warm Tet for every family"]),
    ("vi", "BHXH tỉnh phát động phong trào thi đua phát triển người tham gia BHXH tự nguyện năm 2027.",
     ["thi đua phát triển người tham gia BHXH tự nguyện"]),
    ("vi", "Huyện tiếp tục triển khai “đợt cao điểm vận động người dân tham gia BHYT hộ gia đình” năm 2027.",
     ["đợt cao điểm vận động người dân tham gia BHYT hộ gia đình"]),
])
def test_campaign_names_in_real_phrasing(lang, text, expected):
    assert names(run(text, lang, provinces=())) == expected


def test_reported_speech_ending_inside_its_quote_is_no_initiative():
    assert names(run("He said at the programme: “We will give cards to every pupil.”", "en", provinces=())) == []


@pytest.mark.parametrize("lang,text", [
    ("en", "A modern social insurance management model is expected to be in place by 2030."),
    ("fr", "Le modèle de gestion moderne de l'assurance sociale sera achevé en 2030."),
    ("vi", "Ngành sẽ hoàn thiện mô hình quản lý BHXH hiện đại vào năm 2030."),
])
def test_a_way_of_managing_insurance_is_no_initiative(lang, text):
    assert run(text, lang) == []


@pytest.mark.parametrize("text,expected", [
    ("The commune's pilot model of door-to-door collection of health insurance premiums proved effective.",
     "door-to-door collection of health insurance premiums"),
    ("A model of monthly savings for social insurance helped 40 women join the scheme.",
     "monthly savings for social insurance"),
])
def test_an_english_descriptive_name_ends_where_its_verb_starts(text, expected):
    assert names(run(text, "en")) == [expected]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The ward replicated the savings group model for buying health insurance.", "savings group"),
    ("en", "The union started a campaign called Insurance Cards for Farmers to widen coverage.",
     "Insurance Cards for Farmers"),
    ("vi", "Dự án \"Góp gạo mua BHYT\" giúp 300 hộ có thẻ BHYT.", "Góp gạo mua BHYT"),
    # a pilot model is named after its qualifier
    ("vi", "Huyện thực hiện mô hình điểm “Tổ góp vốn mua BHYT” tại 3 xã.", "Tổ góp vốn mua BHYT"),
    ("vi", "Xã triển khai mô hình thí điểm \"Hũ tiết kiệm mua BHXH\" từ tháng 5.", "Hũ tiết kiệm mua BHXH"),
    ("fr", "La commune a lancé le modèle pilote « Épargner pour l'assurance maladie ».",
     "Épargner pour l'assurance maladie"),
    ("en", "The ward tested the pilot model \"Savings for health insurance\" last year.", "Savings for health insurance"),
])
def test_a_name_starts_after_its_last_determiner_ends_on_a_capital_and_follows_a_pilot_qualifier(lang, text, expected):
    assert names(run(text, lang)) == [expected]


def test_a_vietnamese_project_needs_an_insurance_in_its_name():
    assert run("Dự án \"Đường hoa ven sông\" hoàn thành sau 6 tháng.", "vi") == []


def test_a_quoted_phrase_after_per_month_is_no_campaign_month():
    assert run("She now draws 2.1 million VND per month – the \"golden harvest\" of her thrift.", "en") == []


@pytest.mark.parametrize("text,expected", [
    ("Under the Warm Shelter initiative, firms sponsor health insurance cards for orphans.", ["Warm Shelter"]),
    ("The union launched the Insurance for Every Farmer campaign in May.", ["Insurance for Every Farmer"]),
    ("The scheme, Health Cards for Fishing Families, has handed out 900 cards.", ["Health Cards for Fishing Families"]),
    ("Women set up a model called rice jar savings for health insurance to help members.",
     ["rice jar savings for health insurance"]),
    ("Pupils joined the Blue Summer campaign to paint schools.", []),
    ("The Provincial Youth Union campaign mobilised people to buy health insurance.", []),
    ("The commune opened a campaign themed \"Insurance for every fishing crew\" in June.",
     ["Insurance for every fishing crew"]),
    ("The Red Cross began a drive called Cards for Highland Children to buy health insurance.",
     ["Cards for Highland Children"]),
    ("The city held the \"Insurance on every street\" festival to enrol traders in health insurance.",
     ["Insurance on every street"]),
])
def test_english_names_without_quotes_around_their_cue(text, expected):
    assert names(run(text, "en")) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("vi", "Xã phát động phong trào Mỗi gia đình một thẻ BHYT từ tháng 3.", ["Mỗi gia đình một thẻ BHYT"]),
    ("vi", "Huyện triển khai chương trình Nông thôn mới kiểu mẫu trong năm nay.", []),
    ("fr", "La commune a lancé la campagne Une carte d'assurance par foyer en avril.", ["Une carte d'assurance par foyer"]),
    ("fr", "La province poursuit le programme Nouvelle ruralité dans 40 communes.", []),
])
def test_capitalised_names_without_quotes_after_their_cue(lang, text, expected):
    assert names(run(text, lang)) == expected


def test_an_initiative_named_only_in_the_headline_keeps_the_headline_as_evidence():
    title = "Hội Phụ nữ xã ra mắt mô hình “Hũ gạo mua thẻ BHYT”"
    items = run("Mô hình có 25 thành viên, mỗi tháng góp 2 kg gạo để mua thẻ BHYT.", "vi", title=title)
    assert [(i.name, i.in_title, i.text, i.start, i.end) for i in items] == [
        ("Hũ gạo mua thẻ BHYT", True, "mô hình “Hũ gạo mua thẻ BHYT”", 0, 0)]


def test_an_initiative_in_the_headline_and_the_body_is_reported_once_from_the_body():
    title = "Ra mắt mô hình “Hũ gạo mua thẻ BHYT”"
    items = run("Xã ra mắt mô hình “Hũ gạo mua thẻ BHYT” với 25 thành viên.", "vi", title=title)
    assert [(i.name, i.in_title) for i in items] == [("Hũ gạo mua thẻ BHYT", False)]


def test_a_government_scheme_document_is_no_initiative():
    text = "UBND tỉnh phê duyệt Đề án “Phát triển BHYT toàn dân giai đoạn 2026 - 2030” trên địa bàn tỉnh."
    assert names(run(text, "vi")) == []


@pytest.mark.parametrize("text,expected", [
    ("Xã thành lập tổ tiết kiệm mua BHYT gồm 20 hội viên.", ["tổ tiết kiệm mua BHYT"]),
    ("Nhiều gia đình tham gia tổ tiết kiệm mua BHYT do Hội Phụ nữ xã thành lập.", ["tổ tiết kiệm mua BHYT"]),
    ("Câu lạc bộ phụ nữ với BHXH tự nguyện ra mắt tại xã Tân Lập.", ["Câu lạc bộ phụ nữ với BHXH tự nguyện"]),
    ("Đoàn viên thanh niên ra quân Ngày hội BHYT toàn dân tại xã Tân Lập.", ["Ngày hội BHYT toàn dân"]),
    ("Xã tổ chức Ngày hội đại đoàn kết toàn dân tộc tại thôn 3.", []),
])
def test_vietnamese_descriptive_names_end_before_their_members_or_founder(text, expected):
    assert names(run(text, "vi")) == expected
