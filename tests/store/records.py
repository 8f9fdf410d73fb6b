"""Our own articles (fr/vi/en, provincial-press style) as records with items, so the
store is tested apart from the NLP stage."""
from __future__ import annotations

from extractor.record import Figure, Initiative, Locality, Person, Record, Span, Target

VERSION = "0.1.0"


def at(text: str, needle: str, nth: int = 0) -> dict:
    """Evidence span of the nth occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"text": needle, "start": start, "end": start + len(needle)}


def song_hinh_vi() -> Record:
    text = ("Huyện Sông Hinh cũ nay thuộc tỉnh Đắk Lắk đã đạt tỷ lệ bao phủ bảo hiểm y tế 94,2 %. "
            "Mô hình “Heo đất tương trợ” giúp hộ nghèo mua thẻ bảo hiểm y tế cho cả gia đình. "
            "Mục tiêu đến năm 2026 đạt ít nhất 96 % người dân tham gia.")
    return Record(
        url="https://vi.example.vn/song-hinh-heo-dat-tuong-tro", language="vi", published="2025-09-10",
        title="Sông Hinh: heo đất tương trợ cho thẻ bảo hiểm y tế", text=text, extractor_version=VERSION,
        relevant=True, provinces=["Đắk Lắk"],
        figures=[Figure(**at(text, "94,2 %"), value=94.2, unit="percent", metric="health_insurance_coverage",
                        locality="Sông Hinh")],
        targets=[Target(**at(text, "96 %"), value=96, unit="percent", comparator=">=", year=2026,
                        metric="health_insurance_coverage", locality="Sông Hinh")],
        localities=[Locality(name="Sông Hinh", level="district", province="Đắk Lắk",
                             province_before_2025="Phú Yên", mentions=[Span(**at(text, "Sông Hinh"))])],
        initiatives=[Initiative(**at(text, "Heo đất tương trợ"), name="Heo đất tương trợ", locality="Sông Hinh",
                                province="Đắk Lắk")],
    )


def song_hinh_fr() -> Record:
    text = ("L'ancien district de Song Hinh, rattaché aujourd'hui à la province de Dak Lak, affiche un taux "
            "de couverture de l'assurance maladie de 94,2 %. La « tirelire d'entraide » permet aux foyers "
            "pauvres d'acheter leur carte. La province vise au moins 96 % d'ici 2026.")
    return Record(
        url="https://fr.example.vn/song-hinh-la-tirelire-d-entraide", language="fr", published="2025-09-12",
        title="Song Hinh : la tirelire d'entraide au service de l'assurance maladie", text=text,
        source_url="https://vi.example.vn/song-hinh-heo-dat-tuong-tro/", extractor_version=VERSION,
        relevant=True, provinces=["Đắk Lắk"],
        figures=[Figure(**at(text, "94,2 %"), value=94.2, unit="percent", metric="health_insurance_coverage",
                        locality="Sông Hinh")],
        targets=[Target(**at(text, "96 %"), value=96, unit="percent", comparator=">=", year=2026,
                        metric="health_insurance_coverage", locality="Đắk Lắk")],
        localities=[Locality(name="Sông Hinh", level="district", province="Đắk Lắk", province_before_2025="Phú Yên",
                             mentions=[Span(**at(text, "Song Hinh"))]),
                    Locality(name="Đắk Lắk", level="province", province="Đắk Lắk",
                             mentions=[Span(**at(text, "Dak Lak"))])],
        initiatives=[Initiative(**at(text, "tirelire d'entraide"), name="tirelire d'entraide",
                                locality="Sông Hinh", province="Đắk Lắk")],
    )


def buon_ma_thuot_vi() -> Record:
    text = ("Thành phố Buôn Ma Thuột có 87 % lao động tham gia bảo hiểm xã hội. "
            "Ông Y Nguyên, Giám đốc Bảo hiểm xã hội tỉnh, cho biết sẽ tiếp tục vận động người dân.")
    return Record(
        url="https://vi.example.vn/buon-ma-thuot-bhxh", language="vi", published="2024-11-02",
        title="Buôn Ma Thuột mở rộng bảo hiểm xã hội", text=text, extractor_version=VERSION, relevant=True,
        provinces=["Đắk Lắk"],
        figures=[Figure(**at(text, "87 %"), value=87, unit="percent", metric="social_insurance_coverage",
                        locality="Buôn Ma Thuột")],
        localities=[Locality(name="Buôn Ma Thuột", level="district", province="Đắk Lắk",
                             mentions=[Span(**at(text, "Buôn Ma Thuột"))])],
        people=[Person(**at(text, "Y Nguyên"), name="Y Nguyên", role="Giám đốc",
                       organization="Bảo hiểm xã hội tỉnh")],
    )


def ha_tinh_en(n: int = 1) -> Record:
    year = {1: ("2024-05-03", 91.5), 2: ("2025-06-01", 93.9)}[n]
    text = (f"Ha Tinh province reported health insurance coverage of {year[1]} per cent. "
            "The Apricot Tree of Social Security model, launched by the provincial social insurance "
            "agency, pays premiums for poor households. The province aims for at least 95 per cent by 2025.")
    number = f"{year[1]} per cent"
    return Record(
        url=f"https://en.example.vn/ha-tinh-apricot-tree-{n}", language="en", published=year[0],
        title=f"Ha Tinh health insurance update {n}", text=text, extractor_version=VERSION, relevant=True,
        provinces=["Hà Tĩnh"],
        figures=[Figure(**at(text, number), value=year[1], unit="percent", metric="health_insurance_coverage",
                        locality="Hà Tĩnh", as_of=year[0])],
        targets=[Target(**at(text, "95 per cent"), value=95, unit="percent", comparator=">=", year=2025,
                        metric="health_insurance_coverage", locality="Hà Tĩnh")],
        localities=[Locality(name="Hà Tĩnh", level="province", province="Hà Tĩnh",
                             mentions=[Span(**at(text, "Ha Tinh"))])],
        initiatives=[Initiative(**at(text, "Apricot Tree of Social Security"),
                                name="Apricot Tree of Social Security" if n == 1 else "apricot tree of social security",
                                province="Hà Tĩnh")],
    )


def all_records() -> list[Record]:
    return [song_hinh_vi(), song_hinh_fr(), buon_ma_thuot_vi(), ha_tinh_en(1), ha_tinh_en(2)]


def ninh_binh_records() -> list[Record]:
    """Ninh Bình took in two former provinces, Hà Nam and Nam Định, on 1 July 2025: a
    Vietnamese article about Nam Định and its French translation (one story, the same
    figure and target) before the merger; an English one about the merged province after it,
    also giving Hà Nam's former rate; and an old one about the former Ninh Bình."""
    vi = ("Đến ngày 31/12/2024, tỷ lệ bao phủ bảo hiểm y tế của tỉnh Nam Định đạt 94,2 %. "
          "Tỉnh phấn đấu đạt ít nhất 95 % vào năm 2025.")
    fr = ("Au 31 décembre 2024, la couverture de l'assurance maladie de la province de Nam Dinh atteignait "
          "94,2 %. La province vise au moins 95 % en 2025.")
    en = ("By 30 September 2025, 93.8 per cent of the residents of the enlarged Ninh Binh province held a "
          "health insurance card, and 41.5 per cent of its workers paid social insurance. In former Ha Nam "
          "the rate was 92.5 per cent at the end of 2024. The province aims for 95 per cent by 2026.")
    old = "Ninh Bình đạt tỷ lệ bao phủ bảo hiểm y tế 91 % vào cuối năm 2023."

    def story(text: str, lang: str, url: str, published: str, source: str | None = None) -> Record:
        return Record(
            url=url, language=lang, published=published, title=text[:40], text=text, extractor_version=VERSION,
            relevant=True, provinces=["Ninh Bình"], source_url=source,
            figures=[Figure(**at(text, "94,2 %"), value=94.2, unit="percent", as_of="2024-12-31",
                            metric="health_insurance_coverage", locality="Nam Định")],
            targets=[Target(**at(text, "95 %"), value=95, unit="percent", comparator=">=", year=2025,
                            metric="health_insurance_coverage", locality="Nam Định")],
            localities=[Locality(name="Nam Định", level="province", province="Ninh Bình",
                                 province_before_2025="Nam Định",
                                 mentions=[Span(**at(text, "Nam Định" if lang == "vi" else "Nam Dinh"))])])

    return [
        story(vi, "vi", "https://vi.example.vn/nam-dinh-bhyt", "2025-01-20"),
        story(fr, "fr", "https://fr.example.vn/nam-dinh-assurance", "2025-01-22", "https://vi.example.vn/nam-dinh-bhyt"),
        Record(
            url="https://en.example.vn/ninh-binh-enlarged", language="en", published="2025-10-12",
            title="Enlarged Ninh Binh keeps health insurance on track", text=en, extractor_version=VERSION,
            relevant=True, provinces=["Ninh Bình"],
            figures=[Figure(**at(en, "93.8 per cent"), value=93.8, unit="percent", as_of="2025-09-30",
                            metric="health_insurance_coverage", locality="Ninh Bình"),
                     Figure(**at(en, "41.5 per cent"), value=41.5, unit="percent", as_of="2025-09-30",
                            metric="social_insurance_coverage", locality="Ninh Bình"),
                     Figure(**at(en, "92.5 per cent"), value=92.5, unit="percent", as_of="2024-12-31",
                            metric="health_insurance_coverage", locality="Hà Nam")],
            targets=[Target(**at(en, "95 per cent"), value=95, unit="percent", comparator="=", year=2026,
                            metric="health_insurance_coverage", locality="Ninh Bình")],
            localities=[Locality(name="Ninh Bình", level="province", province="Ninh Bình",
                                 mentions=[Span(**at(en, "Ninh Binh"))]),
                        Locality(name="Hà Nam", level="province", province="Ninh Bình", province_before_2025="Hà Nam",
                                 mentions=[Span(**at(en, "Ha Nam"))])],
        ),
        Record(
            url="https://vi.example.vn/ninh-binh-2023", language="vi", published="2024-01-05",
            title="Ninh Bình 2023", text=old, extractor_version=VERSION, relevant=True, provinces=["Ninh Bình"],
            figures=[Figure(**at(old, "91 %"), value=91, unit="percent", as_of="2023-12-31",
                            metric="health_insurance_coverage", locality="Ninh Bình")],
            localities=[Locality(name="Ninh Bình", level="province", province="Ninh Bình",
                                 mentions=[Span(**at(old, "Ninh Bình"))])],
        ),
    ]
