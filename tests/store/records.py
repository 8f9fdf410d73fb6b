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
