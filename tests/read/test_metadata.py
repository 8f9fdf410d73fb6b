"""Titles, outlets, source URLs and languages."""
from __future__ import annotations

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
