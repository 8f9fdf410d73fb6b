"""Layouts of real-world sites that used to lose the article or keep the wrong block, one
test per kind, on small pages written for the purpose."""
from __future__ import annotations

import pytest

from extractor.read import read

P1 = ("The district social security office opened a second counter in Cam Xuyen market, where "
      "traders can now renew their health insurance cards on Saturday mornings.")
P2 = ("Since March, 2,140 traders and their families have renewed their cards there, the office said, "
      "and the province wants 95 per cent of its people insured by the end of the year.")
P3 = ("Officers also visit the fishing wharf every second Sunday, bringing forms and a card printer "
      "so that crews who sail for weeks at a time do not let their cover lapse.")
ARTICLE = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"


def page(body: str, head: str = "") -> bytes:
    return (f"<html lang='en'><head><meta charset='utf-8'><title>Cam Xuyen traders renew cards</title>{head}</head>"
            f"<body>{body}</body></html>").encode()


def assert_article(text: str) -> None:
    for paragraph in (P1, P2, P3):
        assert paragraph in text


# 1. class words that site builders also put on the article's own wrappers
@pytest.mark.parametrize("wrapper", [
    "<div class='elementor-widget-wrap'><div class='elementor-widget-container'>{}</div></div>",
    "<div class='field field--name-body field--label-hidden'>{}</div>",
    "<span id='hs_cos_wrapper_post_body' class='hs_cos_wrapper hs_cos_wrapper_meta_field'>{}</span>",
    "<div class='article-body pagination-first'>{}</div>",
    "<div class='and-w-sidebar'><div class='main'>{}</div><div class='side'><a href='/a'>Events</a></div></div>",
    "<article class='post type-post tag-health tag-insurance category-news'>{}</article>",
])
def test_article_wrappers_named_like_furniture_are_kept(wrapper):
    html = page("<header><a href='/'>Coast News</a></header><h1>Cam Xuyen traders renew cards</h1>"
                + wrapper.format(ARTICLE) + "<footer>Coast News, 4 Tran Phu street</footer>")
    assert_article(read(html).text)


# 2. a whole page inside one ASP.NET <form>
def test_page_built_inside_one_form_is_read():
    html = page("<form id='aspnetForm' method='post' action='./news.aspx'><input type='hidden' name='__VIEWSTATE'>"
                "<div id='menu'><a href='/'>Home</a> <a href='/n'>News</a></div>"
                f"<div class='news-detail'><h1>Cam Xuyen traders renew cards</h1>{ARTICLE}</div></form>")
    assert_article(read(html).text)


def test_newsletter_form_inside_the_article_goes():
    form = "<form action='/subscribe'><p>Get the morning briefing in your inbox every day</p><input name='mail'></form>"
    html = page(f"<article><h1>Cam Xuyen traders renew cards</h1><p>{P1}</p>{form}<p>{P2}</p><p>{P3}</p></article>")
    text = read(html).text
    assert_article(text)
    assert "morning briefing" not in text


# 3. end markers high up in the article only lose their own line
@pytest.mark.parametrize("marker", [
    "<p>© Photo: Coast News</p>",
    "<p><strong>READ MORE:</strong> <a href='/x'>Fishing crews get cards at sea</a></p>",
])
def test_end_marker_high_up_does_not_cut_the_article(marker):
    html = page(f"<article><h1>Cam Xuyen traders renew cards</h1><p>{P1}</p>{marker}<p>{P2}</p><p>{P3}</p></article>")
    text = read(html).text
    assert_article(text)
    assert "Fishing crews" not in text


def test_read_more_heading_keeps_the_paragraphs_after_it():
    html = page(f"<article><h1>Cam Xuyen traders renew cards</h1><div class='content'><p>{P1}</p>"
                f"<h3>Read more</h3><p>{P2}</p><p>{P3}</p></div></article>")
    assert_article(read(html).text)


# 4. the right block: tables, text outside <p>, a short story under a list of headlines
def test_article_that_is_mostly_a_table_beats_a_cookie_box():
    rows = "".join(f"<tr><td>Commune {n}</td><td>{90 + n % 7} per cent of residents hold a health insurance card</td>"
                   f"<td>{1200 + 37 * n} cards renewed this year</td></tr>" for n in range(12))
    cookie = ("<div class='cookie-notice'><p>We use cookies to improve your experience on our website and to show "
              "you relevant content. By continuing to browse you accept their use.</p></div>")
    html = page(f"{cookie}<div class='content'><h1>Coverage by commune</h1><p>{P1}</p><table>{rows}</table></div>")
    text = read(html).text
    assert "Commune 11 | 94 per cent of residents" in text
    assert "cookies" not in text


def test_text_outside_paragraphs_beats_the_footer():
    body = "<br><br>".join((P1, P2, P3))
    footer = ("<footer><p>Coast News is published by the provincial press association. Licence 12/GP-BTTTT "
              "issued in 2021.</p><p>Editor in chief: Nguyen Van A. Address: 4 Tran Phu street, Ha Tinh.</p></footer>")
    html = page(f"<div class='wrap'><h1>Cam Xuyen traders renew cards</h1><div class='detail'>{body}</div></div>{footer}")
    text = read(html).text
    assert_article(text)
    assert "Licence" not in text


def test_short_story_beats_a_list_of_other_headlines():
    others = "".join(f"<li><a href='/n/{n}'>Another province opens a new health insurance counter in its market number {n}</a></li>"
                     for n in range(15))
    html = page(f"<div class='main'><h1>Cam Xuyen traders renew cards</h1><div class='story'><p>{P1}</p><p>{P2}</p></div>"
                f"<div class='more'><ul>{others}</ul></div></div>")
    text = read(html).text
    assert P1 in text and P2 in text
    assert "market number" not in text


def test_table_rows_are_not_taken_for_menus():
    rows = "".join(f"<tr><td>Ward {n}</td><td>{n}0 cards</td><td>May</td><td>done</td></tr>" for n in range(1, 5))
    html = page(f"<article><h1>Cam Xuyen traders renew cards</h1>{ARTICLE}<table>{rows}</table></article>")
    assert "Ward 3 | 30 cards | May | done" in read(html).text


# 5. where our choice is weak, trafilatura reads the page as it came
def test_weak_choice_is_read_by_trafilatura_on_the_original_page():
    menu = " ".join(f"<a href='/s/{n}'>Section number {n} of the site</a>" for n in range(60))
    promo = ("<div class='box'><p>Our office in Cam Xuyen is open from Monday to Saturday, from seven in the "
             "morning to five in the afternoon, and answers the hotline all day.</p></div>")
    html = page(f"<div id='links'>{menu}</div>{promo}<article><div class='print-version'>"
                f"<h1>Cam Xuyen traders renew cards</h1>{ARTICLE}</div></article>")
    assert_article(read(html).text)


# 6. precision inside the chosen block
@pytest.mark.parametrize("furniture,leak", [
    ("<div class='related'><h3>Related</h3><ul><li><a href='/a'>Ky Anh hands out 900 cards</a></li>"
     "<li><a href='/b'>Nghi Xuan opens a counter</a></li></ul></div>", "Ky Anh"),
    ("<div class='teaser'><a href='/c'><h4>Hong Linh</h4><p>Ward clinics stay open late.</p></a></div>", "Hong Linh"),
    ("<div class='newsletter-box'><p>Sign up for our weekly newsletter</p></div>", "newsletter"),
    ("<p>Image 1 of 5</p>", "Image 1 of 5"),
    ("<p>Published 12 May 2025 | 10:32</p>", "Published"),
    ("<p><a href='/1'>Thach Ha</a> · <a href='/2'>Can Loc</a> · <a href='/3'>Duc Tho</a></p>", "Can Loc"),
    ("<p>Foto: Minh Tuan</p>", "Minh Tuan"),
    ("<p>(Bild: Ngoc Anh)</p>", "Ngoc Anh"),
    ("<p>Quelle: Le Van / Fotolia.com</p>", "Fotolia"),
    ("<p>Hoang Long/Getty Images</p>", "Getty"),
    ("<div><h4>About the author</h4><p>Nguyen Thu Ha writes on health and welfare for the paper.</p></div>",
     "writes on health"),
    ("<p>Advertisement</p>", "Advertisement"),
    ("<p>4 min read</p>", "min read"),
])
def test_furniture_inside_the_article_goes(furniture, leak):
    html = page(f"<article><h1>Cam Xuyen traders renew cards</h1><div class='body'><p>{P1}</p><p>{P2}</p>"
                f"{furniture}<p>{P3}</p></div></article>")
    text = read(html).text
    assert_article(text)
    assert leak not in text


@pytest.mark.parametrize("credit", ["Photo: Thu Ha", "(Foto: Thu Ha)", "Imagen: Thu Ha"])
def test_caption_stays_and_its_credit_goes(credit):
    figure = f"<figure><img src='a.jpg'><figcaption>Traders queue at the new counter. {credit}</figcaption></figure>"
    html = page(f"<article><h1>Cam Xuyen traders renew cards</h1><p>{P1}</p>{figure}<p>{P2}</p><p>{P3}</p></article>")
    text = read(html).text
    assert "Traders queue at the new counter." in text
    assert "Thu Ha" not in text


def test_page_opening_with_a_long_style_block_is_read_as_html():
    style = "<style>" + " ".join(f".box-{n} {{ margin: {n}px; }}" for n in range(400)) + "</style>"
    html = style.encode() + page(f"<article><h1>Cam Xuyen traders renew cards</h1>{ARTICLE}</article>")
    text = read(html).text
    assert_article(text)
    assert "margin" not in text
