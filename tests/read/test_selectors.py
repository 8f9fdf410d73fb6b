"""A site profile's CSS selectors override the generic reader where its layout fools it."""
from __future__ import annotations

from extractor.crawl.sites import selectors_for
from extractor.read import read

# A layout the generic rules only half read: the headline is a <span>, not an <h1>, and
# the date sits in an element with no date-like class, after it; a sidebar of paragraphs
# stands beside a body made of <div>s.
PAGE = """<html lang="vi"><head><meta charset="utf-8"><title>Trang chủ | Báo Miền Núi</title></head><body>
<aside class="col-left"><p>Lạng Sơn tổ chức hội chợ hoa đào với hơn 200 gian hàng từ khắp các huyện trong tỉnh.</p>
<p>Cao Bằng khai trương tuyến du lịch mới qua thác Bản Giốc, đón 3.000 lượt khách trong tuần đầu.</p>
<p>Hà Giang cũ mở lớp dạy nghề dệt thổ cẩm cho 120 phụ nữ ở các xã vùng cao.</p></aside>
<div class="story"><span class="story-head">Bắc Sơn: 96% người dân có thẻ BHYT</span>
<span class="story-time">Thứ Sáu, 03/10/2025 07:30</span>
<div class="story-body"><div>Theo BHXH tỉnh Lạng Sơn, đến hết tháng 9/2025, tỷ lệ bao phủ BHYT tại xã Bắc Sơn đạt 96%.</div>
<div>Xã phấn đấu đến cuối năm 2025 có ít nhất 97% dân số tham gia BHYT.</div></div></div>
</body></html>"""

SELECTORS = {"title": ".story-head", "date": ".story-time", "body": ".story-body"}


def test_selectors_pick_title_date_and_body():
    article = read(PAGE, selectors=SELECTORS)
    assert article.title == "Bắc Sơn: 96% người dân có thẻ BHYT"
    assert article.published == "2025-10-03"
    assert "tỷ lệ bao phủ BHYT tại xã Bắc Sơn đạt 96%" in article.text
    assert "ít nhất 97%" in article.text
    assert "hội chợ hoa đào" not in article.text


def test_selectors_that_match_nothing_leave_the_generic_reading():
    generic = read(PAGE)
    assert read(PAGE, selectors={"body": ".no-such-thing"}).text == generic.text


def test_profiles_give_selectors_by_host():
    assert selectors_for("https://baodaklak.vn/xa-hoi/202510/bai-viet-0371234/")["title"] == "h1"
    assert selectors_for("https://example.org/a.html") is None
    assert selectors_for(None) is None
