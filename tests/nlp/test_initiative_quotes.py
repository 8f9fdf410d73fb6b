"""Where a quoted or capitalised name's cue stands, on sentences of our own: a cue word that
ends the quote, a plural cue after a list of quotes, a cue in a bracket before the quote, a
propaganda session after its quoted name, and festivals named with their insurance."""
from __future__ import annotations

import pytest

from .test_initiatives import names, run


@pytest.mark.parametrize("text,want", [
    ("The Farmers' Union set up a 'Health Insurance Savings Club' in each hamlet.",
     ["Health Insurance Savings Club"]),
    ("Twelve \"Pension Neighbours\" groups meet monthly in the ward to remind members of premiums.",
     ["Pension Neighbours"]),
    ("Members of the “Rice Jar Insurance” and “Buffalo Savings” models received their social insurance books.",
     ["Rice Jar Insurance", "Buffalo Savings"]),
    ("A \"knock on every door\" propaganda session organised by the commune social insurance office signed up "
     "40 people.", ["knock on every door"]),
    ("Thanks to a sponsorship scheme (known as \"Warm Hands, Full Cards\"), 60 pupils received health insurance.",
     ["Warm Hands, Full Cards"]),
    ("The Social Insurance Open Day in the market town drew 500 residents.", ["Social Insurance Open Day"]),
])
def test_english_cues_around_a_name(text, want):
    assert names(run(text, "en")) == want


@pytest.mark.parametrize("text", [
    "A \"Zalo\" group shares market prices among members of the health insurance club.",
    "Vietnam Health Insurance Day falls on July 1, when social insurance offices open on Saturday.",
])
def test_english_groups_about_something_else_and_national_days_are_no_initiatives(text):
    assert names(run(text, "en")) == []


@pytest.mark.parametrize("text,want", [
    ("Quỹ “Thẻ ấm cho em” của Hội Chữ thập đỏ huyện đã tặng 1.200 thẻ BHYT cho học sinh.", ["Thẻ ấm cho em"]),
    ("Chị Hà là người lập nhóm “Góp lúa mua thẻ” ở bản Mường.", ["Góp lúa mua thẻ"]),
    ("Huyện có 9 tổ “Ngư dân với BHXH tự nguyện” với 210 thành viên.", ["Ngư dân với BHXH tự nguyện"]),
    ("CLB “Thanh niên với BHYT” của phường có 40 đoàn viên.", ["Thanh niên với BHYT"]),
    ("Các xã nhân rộng những cách làm hay như “Hũ gạo mua thẻ BHYT”, “Vườn chuối an sinh”.",
     ["Hũ gạo mua thẻ BHYT", "Vườn chuối an sinh"]),
    ("Mô hình dân vận khéo “Gõ cửa từng nhà vận động BHYT” của xã được tỉnh khen thưởng.",
     ["Gõ cửa từng nhà vận động BHYT"]),
    ("Hội viên quen gọi là “Tổ BHYT góp từng tuần” vì mỗi tuần góp 20.000 đồng.", ["Tổ BHYT góp từng tuần"]),
    ("“Tuần lễ vàng BHYT học sinh” diễn ra tại 12 trường.", ["Tuần lễ vàng BHYT học sinh"]),
])
def test_vietnamese_funds_groups_teams_and_ways_of_doing_named_in_quotes(text, want):
    assert names(run(text, "vi")) == want


@pytest.mark.parametrize("text", [
    "Băng rôn mang khẩu hiệu “Tham gia BHYT là quyền lợi của mỗi người” được treo khắp thị trấn.",
    "Nhóm “Bạn đọc yêu sách” của trường sinh hoạt mỗi tháng một lần.",
])
def test_vietnamese_slogans_and_groups_about_something_else_are_no_initiatives(text):
    assert names(run(text, "vi")) == []


@pytest.mark.parametrize("text,want", [
    ("La « Tirelire du quartier » de l'Union des femmes finance chaque année 80 cartes d'assurance maladie.",
     ["Tirelire du quartier"]),
    ("À Mộc Châu, la caisse d'épargne « Main amie » avance la cotisation aux membres en difficulté.", ["Main amie"]),
    ("Le groupe d'entraide « Ensemble vers la carte » aide 120 ménages à payer leur cotisation.",
     ["Ensemble vers la carte"]),
    ("Les séances « Thé de l'assurance » du jeudi attirent surtout des vendeurs du marché.", ["Thé de l'assurance"]),
    ("Parmi les modèles efficaces figurent « Cochon de l'épargne » et « Rizière de l'assurance ».",
     ["Cochon de l'épargne", "Rizière de l'assurance"]),
    ("Le mouvement « Jeunes, adhérez tôt » vise 1 500 nouveaux assurés volontaires.", ["Jeunes, adhérez tôt"]),
    ("Le concours Jeunes ambassadeurs de l'assurance sociale, ouvert aux lycéens, récompense les meilleures vidéos.",
     ["Jeunes ambassadeurs de l'assurance sociale"]),
    ("« Grâce au modèle “Chèvre de la sécurité sociale”, 30 familles ont souscrit l'assurance maladie », dit-elle.",
     ["Chèvre de la sécurité sociale"]),
])
def test_french_savings_boxes_groups_sessions_lists_and_names_inside_speech(text, want):
    assert names(run(text, "fr")) == want


@pytest.mark.parametrize("text", [
    "Le programme « Chaque commune, un produit » a permis de labelliser 140 produits agricoles.",
    "Le mouvement « Tout le peuple s'unit pour bâtir une vie culturelle » a été salué par le Front.",
])
def test_french_programmes_about_something_else_are_no_initiatives(text):
    assert names(run(text, "fr")) == []


@pytest.mark.parametrize("text,want", [
    ("The 'Handful of Rice for Social Insurance' savings model turns rice donations into premiums.",
     ["Handful of Rice for Social Insurance"]),
    ("On the ‘Blue Sunday for social security’ day, youth members visited 300 households.",
     ["Blue Sunday for social security"]),
    ("A mobile team known as 'Pensions on Foot' has visited 40 villages to explain voluntary social insurance.",
     ["Pensions on Foot"]),
    ("Pupils save through the piggy bank ‘Cards for my classmates’ and bought 90 health insurance cards.",
     ["Cards for my classmates"]),
    ("Collaborators run an online group named 'Ask about SI', which has persuaded 200 people to join.",
     ["Ask about SI"]),
    ("An initiative called Insurance at Your Gate lets elderly residents renew their health insurance cards.",
     ["Insurance at Your Gate"]),
    ("The agency rolled out the programme Safe Nets for Fishermen to enrol 900 fishermen in voluntary social "
     "insurance.", ["Safe Nets for Fishermen"]),
    ("The province opened its Month of Mobilising Voluntary Social Insurance on 1 October.",
     ["Month of Mobilising Voluntary Social Insurance"]),
])
def test_english_names_with_qualified_cues_links_and_short_forms(text, want):
    assert names(run(text, "en")) == want


@pytest.mark.parametrize("lang,text,want", [
    ("vi", "Các xã phát động phong trào tặng thẻ BHYT cho người cao tuổi trong dịp Tết.", ["tặng thẻ BHYT"]),
    ("vi", "Huyện duy trì phong trào mỗi hội viên góp tiền mua thẻ BHYT cho một người nghèo.",
     ["mỗi hội viên góp tiền mua thẻ BHYT"]),
    ("fr", "Le district a lancé le Mois national de l'assurance sociale le 2 octobre.",
     ["Mois national de l'assurance sociale"]),
])
def test_movements_named_by_what_they_do_and_national_months_before_a_date(lang, text, want):
    assert names(run(text, lang)) == want
