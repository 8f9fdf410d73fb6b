"""Titles, outlets, source URLs and languages."""
from __future__ import annotations

import pytest

from extractor.read import read
from extractor.read.metadata import clean_title, detect_language, outlet_from, source_from_line


def test_banner_is_never_a_title():
    assert clean_title("Vietnam.vn - Nền tảng quảng bá Việt Nam") is None


def test_site_suffix_is_dropped():
    assert clean_title("Ky Tho reaches 96 per cent | Mekong Weekly", ["Mekong Weekly"]) == "Ky Tho reaches 96 per cent"
    assert clean_title("Ky Tho reaches 96 per cent - Báo Hà Tĩnh") == "Ky Tho reaches 96 per cent"
    assert clean_title("Hà Tĩnh - Ky Tho : 96 %", []) == "Hà Tĩnh - Ky Tho : 96 %"


def test_outlet_from_date_line_remainder():
    assert outlet_from("Báo Đắk LắkBáo Đắk Lắk") == "Báo Đắk Lắk"
    assert outlet_from("Society") is None


def test_source_lines():
    assert source_from_line("Source : https://baodaklak.vn/xa-hoi/a-1.html") == (True, "https://baodaklak.vn/xa-hoi/a-1.html")
    assert source_from_line("Nguồn: Báo Lạng Sơn") == (True, None)
    assert source_from_line("Selon la source, 90 % des foyers sont assurés.")[0] is False


def test_language_from_html_lang_and_from_text():
    body = "<p>" + "Les autorités de la province ont distribué des cartes d'assurance maladie aux familles. " * 3 + "</p>"
    assert read(f"<html lang='fr-FR'><body><article>{body}</article></body></html>").language == "fr"
    assert read(f"<html><body><article>{body}</article></body></html>").language == "fr"


def test_other_languages_are_reported_as_they_are():
    assert detect_language("El seguro médico cubre ya al noventa por ciento de la población de la provincia, según las autoridades.")[0] == "es"
    assert detect_language("Die Krankenversicherung deckt inzwischen neunzig Prozent der Bevölkerung der Provinz ab.")[0] == "de"
    assert detect_language("该省医疗保险覆盖率已达到百分之九十以上，社会保险参保人数继续增加。")[0] == "zh"


def test_lang_option_overrides_detection():
    text = "Title line here\n\n" + "The province handed out health insurance cards to many poor families this year. " * 3
    assert read(text, lang="vi").language == "vi"


def test_date_line_under_the_headline_whatever_its_class():
    page = ("<html lang='en'><body><section><h1>Binh Son lifts card renewals</h1>"
            "<p class='kicker-note'>Monday, 6 October 2025, 09:40 (GMT+7)</p>"
            "<p>" + "Health insurance coverage in Binh Son reached 95.2 per cent of residents. " * 4 + "</p>"
            "<p>The district says 2 March 2024 was the start of the campaign.</p></section></body></html>")
    assert read(page).published == "2025-10-06"


def test_text_dump_site_header_before_the_title_is_skipped():
    dump = ("Journal du Delta\nAccueil | Politique | Économie | Société\nSociété\n\n"
            "Ben Tre : les pêcheurs de Ba Tri rejoignent l'assurance sociale volontaire\n\n"
            "Publié le 12/09/2025 à 08:30\n\n"
            + "Plus de 1 200 pêcheurs de Ba Tri cotisent désormais à l'assurance sociale volontaire. " * 3)
    article = read(dump)
    assert article.title.startswith("Ben Tre : les pêcheurs")
    assert article.published == "2025-09-12"
    assert "Journal du Delta" not in article.text


def test_a_headline_stating_a_number_the_body_lacks_opens_the_text():
    body = ("UBND thành phố vừa giao chỉ tiêu bao phủ bảo hiểm y tế năm 2027 cho các phường, xã. "
            "Các phường trung tâm phải đạt từ 95% trở lên, các xã ven biển từ 92% trở lên.")
    article = read("Năm 2027, thành phố sẽ đạt 94,1% dân số tham gia BHYT\n\n" + body, lang="vi")
    assert article.title.startswith("Năm 2027") and article.text.startswith("Năm 2027, thành phố sẽ đạt 94,1%")
    same = read("Thành phố đạt 95% dân số tham gia BHYT năm 2027\n\n" + body, lang="vi")
    assert same.text.startswith("UBND thành phố")  # the body states it: the headline stays out
    part = read("Xã phấn đấu tăng trưởng trên 12% năm 2027\n\nXã đạt 112% kế hoạch thu ngân sách và "
                "có 93,1% dân số tham gia bảo hiểm y tế trong năm qua.", lang="vi")
    assert part.text.startswith("Xã phấn đấu")  # "112%" does not restate "12%"


def test_header_lines_that_are_never_a_headline():
    body = ("Trong năm 2027, huyện vận động thêm nhiều người dân tham gia bảo hiểm y tế hộ gia đình. "
            "Các xã đều tổ chức hội nghị tuyên truyền về chính sách bảo hiểm y tế cho người dân.")
    for header in ("• Văn hóa - Nghệ thuật", "Liên hệ Quảng cáo: (028) 3456 7890", "Ảnh minh họa. Nguồn: Internet",
                   "Độc lập - Tự do - Hạnh phúc", "Y tế Y tế"):
        article = read(f"{header}\n\nHuyện đẩy mạnh vận động người dân tham gia BHYT\n\n{body}", lang="vi")
        assert article.title == "Huyện đẩy mạnh vận động người dân tham gia BHYT", header


def test_a_lead_opening_with_an_agency_tag_is_no_headline_and_an_image_label_leaves_the_title():
    lead = "(TB-ĐN) Năm 2027, toàn huyện có 2.400 người tham gia bảo hiểm xã hội tự nguyện, vượt kế hoạch."
    more = "Việc tham gia giúp người lao động an tâm khi về già, được hưởng lương hưu hằng tháng theo quy định."
    assert read(f"{lead}\n\n{more}", lang="vi").title is None
    titled = read("Province helps poor families buy health insurance cards hinh anh 1Illustrative image\n\n"
                  "The province gave 1,200 health insurance cards to poor families this year, officials said. "
                  "Local social insurance offices will keep helping households renew their cards.", lang="en")
    assert titled.title == "Province helps poor families buy health insurance cards"


def test_a_french_title_with_guillemets_is_no_breadcrumb():
    text = ("Élargir les « piliers » de la sécurité sociale\n\n"
            "Dans les montagnes du Nord, la politique d'assurance sociale volontaire gagne les villages. "
            "Les agents de la Sécurité sociale provinciale vont de maison en maison pour l'expliquer.")
    assert read(text, lang="fr").title == "Élargir les « piliers » de la sécurité sociale"


BODY_VI = ("Trong năm 2027, huyện vận động thêm nhiều người dân tham gia bảo hiểm y tế hộ gia đình. "
           "Các xã đều tổ chức hội nghị tuyên truyền về chính sách bảo hiểm y tế cho người dân.")


def test_a_headline_over_its_date_line_under_a_long_menu():
    menu = "\n".join(f"• Mục {k}" for k in range(14))
    article = read(f"{menu}\nXã hội\nHuyện đẩy mạnh vận động người dân tham gia BHYT\nMinh Anh\n"
                   f"12/03/2027 08:15\n{BODY_VI}", lang="vi")
    assert article.title == "Huyện đẩy mạnh vận động người dân tham gia BHYT"
    assert article.published == "2027-03-12"


def test_a_site_name_printed_twice_a_greeting_and_an_email_line_are_no_headline():
    for header in ("Tuần báo Miền Núi\nTuần báo Miền Núi\nThứ ba, ngày 9 tháng 3 năm 2027",
                   "CHÀO MỪNG BẠN ĐẾN VỚI CỔNG THÔNG TIN ĐIỆN TỬ CỦA TRUNG TÂM VĂN HÓA THỂ THAO HUYỆN MIỀN NÚI",
                   "Email: toasoan@example.vn | Điện thoại: 0123 456 789"):
        article = read(f"{header}\n\nHuyện đẩy mạnh vận động người dân tham gia BHYT\n\n{BODY_VI}", lang="vi")
        assert article.title == "Huyện đẩy mạnh vận động người dân tham gia BHYT", header


def test_a_bracketed_keyword_label_glued_before_the_headline_is_cut():
    article = read(f"【kết quả bóng đá hôm nay】Huyện đẩy mạnh vận động người dân tham gia BHYT\n\n{BODY_VI}", lang="vi")
    assert article.title == "Huyện đẩy mạnh vận động người dân tham gia BHYT"


def test_dates_spelled_in_vietnamese_today_clocks_and_labelled_meta_fields():
    article = read(f"9 Tháng Ba 2027\nTin tức\n\nHUYỆN ĐẨY MẠNH VẬN ĐỘNG NGƯỜI DÂN THAM GIA BHYT\n\n"
                   f"Chuyên mục: Xã hội | Người đăng: Minh Anh | Ngày đăng: 02/03/2027 | Lượt xem: 120\n\n{BODY_VI}",
                   lang="vi")
    assert article.title == "HUYỆN ĐẨY MẠNH VẬN ĐỘNG NGƯỜI DÂN THAM GIA BHYT"
    assert article.published == "2027-03-02"
    clock = read(f"Hôm nay: 24/11/2030\n\nHuyện đẩy mạnh vận động người dân tham gia BHYT\n\n{BODY_VI}", lang="vi")
    assert clock.title == "Huyện đẩy mạnh vận động người dân tham gia BHYT" and clock.published is None


def test_a_lead_printed_twice_counts_once_and_is_no_headline():
    lead = "Năm 2027, tỷ lệ dân số tham gia bảo hiểm y tế của huyện đạt 93,4%."
    article = read(f"Huyện giữ vững tỷ lệ bao phủ bảo hiểm y tế\n{lead}\n\n{lead[:-1]}, cao hơn năm trước. {BODY_VI}",
                   lang="vi")
    assert article.title == "Huyện giữ vững tỷ lệ bao phủ bảo hiểm y tế"
    assert article.text.count("93,4%") == 1


def test_a_headline_over_its_date_line_may_hold_a_date_or_end_with_a_full_stop():
    body = ("The province reported 1.2 million people with social insurance at the end of the month. "
            "Officials said the drive to enrol farmers and traders would go on next year.")
    article = read(f"Coverage results by 30 November 2027\n04/12/2027 09:10 AM\n{body}", lang="en")
    assert article.title == "Coverage results by 30 November 2027" and article.published == "2027-12-04"
    stop = read(f"Portal.vn - Every story of the province\nA shared effort for everyone's health.\n"
                f"Provincial DailyProvincial Daily04/12/2027\n{body}", lang="en")
    assert stop.title == "A shared effort for everyone's health."
    lead = read(f"Farmers join social insurance\nMore than a thousand farmers joined social insurance this year.\n"
                f"By: | December 4, 2027\n{body}", lang="en")
    assert lead.title == "Farmers join social insurance"


def test_a_lead_opening_with_the_outlets_domain_is_article_text_not_a_banner():
    text = ("Huyện đẩy mạnh vận động người dân tham gia BHYT\n\n"
            "Baotinh.vn – Hiện nay, toàn huyện có khoảng 41.500 người tham gia BHXH tự nguyện. "
            "Các xã đang đẩy mạnh nhiều giải pháp nhằm thu hút người dân tham gia.\n\n" + BODY_VI)
    article = read(text, lang="vi")
    assert "41.500" in article.text
    assert read(f"Baotinh.vn - Cổng thông tin của tỉnh\n\n{text}", lang="vi").text.startswith("Baotinh.vn – Hiện nay")


def test_a_language_switcher_a_hotline_a_cut_line_and_spam_before_a_label_are_no_headline():
    for header in ("Tiếng việt | English", "Đường dây nóng hỗ trợ 1900 12 34 56", "an sinh cho mọi người dân",
                   "登录 - 注册 【tin tức 24h】Huyện đẩy mạnh vận động người dân tham gia BHYT"):
        article = read(f"{header}\n\nHuyện đẩy mạnh vận động người dân tham gia BHYT\n\n{BODY_VI}", lang="vi")
        assert article.title == "Huyện đẩy mạnh vận động người dân tham gia BHYT", header


BODY_EN = ("Over the past years, the district has persuaded many farmers to join voluntary social insurance. "
           "Communes held meetings with residents to explain the health insurance policy.")


def test_a_time_stamp_over_the_headline_dates_the_article_and_a_short_headline_under_it_is_the_title():
    article = read(f"08:15, 12/03/2027\n\nFarmers join up\n\n{BODY_EN}\n\n{BODY_EN}", lang="en")
    assert (article.title, article.published) == ("Farmers join up", "2027-03-12")


def test_a_site_clock_or_a_headline_holding_a_date_is_no_time_stamp():
    article = read(f"Thứ sáu, 24/05/2027\n\nHuyện đẩy mạnh vận động người dân tham gia BHYT\n\n{BODY_VI}", lang="vi")
    assert article.published is None
    article = read(f"District results by 31 October 2027\n\n13/11/2027 04:38 PM\n\n{BODY_EN}", lang="en")
    assert (article.title, article.published) == ("District results by 31 October 2027", "2027-11-13")


def test_links_to_other_articles_inside_a_dump_are_dropped():
    article = read(f"Un titre d'article assez long pour en être un\n\n{BODY_EN}\n\n>>Le pays ouvre cinq unités\n\n"
                   f"{BODY_EN}", lang="fr")
    assert ">>" not in article.text and article.text.count("Over the past years") == 2


@pytest.mark.parametrize("header,published", [
    ("| TP HỒ CHÍ MINH 34°C /57% weather\n\nChủ nhật, 19/11/2027, 11:47 AM", "2027-11-19"),
    ("Chủ Nhật, 14/04/2028\nNgày đăng: 11/10/2027 - Lượt xem: 109\nXem với cỡ chữ", "2027-10-11"),
    ("Chi tiết - Huyện Miền Núi\nChủ Nhật, 14/04/2028", None),
])
def test_widgets_meta_lines_and_breadcrumbs_above_the_headline(header, published):
    article = read(f"{header}\n\nHuyện đẩy mạnh vận động người dân tham gia BHYT\n\n{BODY_VI}", lang="vi")
    assert (article.title, article.published) == ("Huyện đẩy mạnh vận động người dân tham gia BHYT", published)


def test_an_image_label_and_caption_glued_to_the_first_line_leave_the_headline():
    article = read("Coverage to surpass 79 percent at year's end hinh anh 1People wait at a clinic (Photo: VNA)\n"
                   f"{BODY_EN}\n\n{BODY_EN}", lang="en")
    assert article.title == "Coverage to surpass 79 percent at year's end"


@pytest.mark.parametrize("header", [
    "CƠ QUAN CỦA HỘI NÔNG DÂN TỈNH MIỀN NÚI",
    "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TỈNH MIỀN NÚI",
    "Bài viết liên quan tới \"bảo hiểm y tế\":",
    "Hội viên góp gạo mua thẻ BHYT. Ảnh: Minh Anh",
])
def test_mastheads_related_labels_and_credited_captions_are_no_headline(header):
    article = read(f"{header}\n\nHuyện đẩy mạnh vận động người dân tham gia BHYT\n\n{BODY_VI}", lang="vi")
    assert article.title == "Huyện đẩy mạnh vận động người dân tham gia BHYT"


@pytest.mark.parametrize("header", ["Close this search box.", "Mountain Province Radio and Television",
                                    "Logo of Mountain Times newspaper Mountain Times -"])
def test_widget_labels_station_names_and_logo_captions_are_no_headline(header):
    title = "District steps up health insurance drive among farmers"
    glue = " " if header.endswith("-") else "\n\n"
    article = read(f"{header}{glue}{title}\n\n{BODY_EN}", lang="en")
    assert article.title == title
