"""One test per kind of page furniture, on small pages written for the purpose."""
from __future__ import annotations

import pytest

from extractor.read import read

BODY = ("<p>Au 30 juin 2025, la commune de Ky Tho comptait 4 120 affiliés à l'assurance maladie, "
        "un taux de couverture de 96,1 % de la population, selon la Sécurité sociale du district.</p>"
        "<p>La commune veut atteindre 97 % d'ici fin 2025 en rendant visite à chaque foyer concerné.</p>")


def page(extra_inside: str = "", extra_outside: str = "", caption: str = "") -> bytes:
    fig = f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>" if caption else ""
    return (f"<html lang='fr'><head><meta charset='utf-8'><title>Ky Tho relève sa couverture - Journal</title></head>"
            f"<body><article><h1>Ky Tho relève sa couverture</h1><div class='contenu'>{BODY}{fig}</div>"
            f"{extra_inside}</article>{extra_outside}</body></html>").encode()


FURNITURE = {
    "navigation": ("", "<nav><a href='/'>Accueil</a> <a href='/s'>Société Hanoi 2024</a></nav>", "Société Hanoi"),
    "breadcrumb": ("<div class='breadcrumb'><a href='/'>Accueil</a> › <a href='/s'>Société</a></div>", "", "› Société"),
    "related headlines (Même sujet)": ("<div><h3>Même sujet</h3><ul><li><a href='/x'>Hue : 88 % de couverture</a></li></ul></div>", "", "88 %"),
    "related news": ("", "<section><h2>Related news</h2><a href='/y'>Dong Nai reaches 91 per cent</a></section>", "Dong Nai"),
    "tin liên quan": ("<div class='box'><b>Tin liên quan</b><a href='/z'>Sơn La: 12.000 thẻ BHYT</a></div>", "", "Sơn La"),
    "tin cùng chuyên mục": ("", "<div class='col'><h4>Tin cùng chuyên mục</h4><a href='/w'>Lai Châu 98%</a></div>", "Lai Châu"),
    "comment box": ("", "<div class='comment-area'><h3>Commentaires (2)</h3><p>Nous sommes 300 à Cam Xuyen sans carte, que faire ?</p></div>", "Cam Xuyen"),
    "footer": ("", "<footer>© 2025 Journal du Centre, 12 rue Tran Phu, Vinh</footer>", "Tran Phu"),
    "category menu": ("", "<ul class='menu-categories'><li>Économie</li><li>Patrimoine</li></ul>", "Patrimoine"),
    "tags": ("<div class='tags'>Mots-clés : <a>Ha Tinh</a> <a>assurance</a></div>", "", "Mots-clés"),
    "share buttons": ("<div class='share-tools'><a>Facebook</a> <a>Zalo</a></div>", "", "Zalo"),
    "byline": ("<p class='author'>Nguyen Thu Ha</p>", "", "Nguyen Thu Ha"),
}


@pytest.mark.parametrize("name", FURNITURE)
def test_furniture_is_dropped(name):
    inside, outside, leak = FURNITURE[name]
    article = read(page(inside, outside))
    assert leak not in article.text
    assert "4 120 affiliés" in article.text and article.text.endswith("concerné.")


@pytest.mark.parametrize("caption,kept,credit", [
    ("Des agents rendent visite aux familles de Ky Tho. Photo : Thu Ha", "Des agents rendent visite aux familles de Ky Tho.", "Thu Ha"),
    ("Des agents à Ky Tho (Ảnh: Minh Anh)", "Des agents à Ky Tho", "Minh Anh"),
    ("Agents visit families in Ky Tho. VNA Photo", "Agents visit families in Ky Tho.", "VNA Photo"),
])
def test_caption_kept_and_credit_dropped(caption, kept, credit):
    article = read(page(caption=caption))
    assert kept in article.text
    assert credit not in article.text


def test_lead_is_kept_and_title_is_not_text():
    html = page().replace(b"<div class='contenu'>", b"<p class='chapo'>Une commune de montagne mise sur les visites \xc3\xa0 domicile pour assurer chacun.</p><div class='contenu'>")
    article = read(html)
    assert article.text.startswith("Une commune de montagne")
    assert "Ky Tho relève sa couverture" not in article.text
    assert article.title == "Ky Tho relève sa couverture"


def test_source_line_is_metadata_not_text():
    extra = "<p>Source : <a href='https://baohatinh.vn/ky-tho-bhyt-post1.html'>Báo Hà Tĩnh</a></p>"
    article = read(page().replace(b"</div></article>", extra.encode() + b"</div></article>"))
    assert article.source_url == "https://baohatinh.vn/ky-tho-bhyt-post1.html"
    assert "Source" not in article.text


def test_own_canonical_url_is_not_a_source():
    html = page().replace(b"</head>", b"<link rel='canonical' href='https://journal.vn/a/ky-tho.html'></head>")
    html = html.replace(b"</div></article>", b"<p>Source : https://journal.vn/a/ky-tho.html</p></div></article>")
    assert read(html, url="https://journal.vn/a/ky-tho.html").source_url is None


def test_page_without_article_structure_falls_back_to_trafilatura():
    text = " ".join(["La Sécurité sociale de Nghe An a recensé 3 200 nouveaux affiliés volontaires."] * 4)
    html = f"<html><body><span>{text}</span><span>{text}</span></body></html>".encode()
    assert "3 200 nouveaux affiliés" in read(html).text


DUMP_BODY = ("Ky Tho relève sa couverture\n\nJournal du Centre – 12/09/2025\n\n"
             "Au 30 juin 2025, la commune de Ky Tho comptait 4 120 affiliés à l'assurance maladie, soit 96,1 % "
             "de la population, selon la Sécurité sociale du district.\n\n"
             "La commune veut atteindre 97 % d'ici fin 2025 en rendant visite à chaque foyer concerné.\n\n")


@pytest.mark.parametrize("tail,leak", [
    ("Voir aussi :\nHue : 88 % de couverture\nDong Nai : 3 000 cartes", "Dong Nai"),
    ("Related headlines\nQuang Ngai hands out 2,000 cards to Ly Son fishermen", "Ly Son"),
    ("Tin liên quan:\n- Sơn La: 12.000 thẻ BHYT\n- Lai Châu đạt 98%", "Lai Châu"),
    ("Bình luận (0) | Chia sẻ\nTin khác: Kon Tum cũ: 1.200 thẻ • Gia Lai: 93,7%", "Kon Tum"),
    ("Sur le même sujet : Cam Xuyen distribue 300 cartes", "Cam Xuyen"),
    ("Articles similaires\n- Nghi Xuan : 1 500 cartes pour les pêcheurs", "Nghi Xuan"),
    ("You have 500/500 characters left\n\nPlease enter 5 or more characters!!!\n\nRecent news\nThanh Hoa: 2,000 cards",
     "Thanh Hoa"),
    ("Recent news\nThanh Hoa hands out 2,000 cards", "Thanh Hoa"),
    ("Trở thành người đầu tiên tặng sao cho bài viết 0 0 0\nBến Tre: 1.500 thẻ BHYT", "Bến Tre"),
    ("Thống kê truy cập\n• Đang online: 3\n• Hôm nay: 51\nSóc Trăng: 96%", "Sóc Trăng"),
])
def test_text_dump_related_blocks_end_the_article_with_or_without_colon(tail, leak):
    article = read(DUMP_BODY + tail)
    assert "97 %" in article.text
    assert leak not in article.text


def test_a_masthead_footer_ends_a_text_dump():
    from extractor.read.textdump import read_dump
    dump = read_dump("Un titre d'article assez long pour en être un\n\nLe corps de l'article, avec 12 communes.\n\n"
                     "Rédactrice en chef : Nom Prénom\n\nAdresse : 79, rue Exemple\n\nTél : (+84) 24 38 25 20 96")
    assert dump.text == "Le corps de l'article, avec 12 communes."


def test_a_hard_wrapped_dump_is_joined_back_into_paragraphs():
    from extractor.read.textdump import read_dump
    wrapped = ("A headline that is long enough for a news story here\n\n"
               "The villagers gave money and days of labour to pave the hamlet lanes; they\n"
               "also spent nearly 14 billion VND on houses, household economy and new\n"
               "machines for the cooperative.\nA second paragraph starts here.")
    dump = read_dump(wrapped)
    assert "they also spent nearly 14 billion VND on houses, household economy and new machines" in dump.text
    assert "\n\nA second paragraph starts here." in dump.text


def test_a_single_wrapped_pair_in_a_header_stays_as_it_is():
    from extractor.read.textdump import unwrap
    lines = ["Chương trình nâng cao chất lượng dịch vụ công trực tuyến trên địa bàn toàn tỉnh",
             "giai đoạn 2021-2030", "Tiêu đề bài báo đủ dài để làm tiêu đề"]
    assert unwrap(lines) == lines
