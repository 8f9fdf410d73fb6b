"""A small corpus of our own fixture articles, stored through the store API.

Records are built by hand (items located in the text with ``span()``), so the web tests
do not depend on the NLP stage. The places mimic the 2025 merger: Sông Hinh and Tuy Hòa
were in Phú Yên, today in Đắk Lắk; Buôn Đôn was in Đắk Lắk already. Ninh Bình took in
two former provinces, Hà Nam and Nam Định: a Vietnamese article about Nam Định and its
French translation (one story, the same figures) report its rate before the merger, and
an English article the merged province's rate after it.
"""
from __future__ import annotations

from pathlib import Path

from extractor.record import Figure, Initiative, Locality, Person, Record, Span, Target
from extractor.store import open_store
from extractor.store.registry import refresh

VERSION = "0.1.0-test"

HA_TINH_FR = (
    "Hà Tĩnh : la couverture santé progresse encore\n"
    "Au 30 septembre 2024, la province de Hà Tĩnh comptait 1 210 000 personnes inscrites à "
    "l'assurance santé, ce qui donne une couverture de 93,4 %. Les autorités provinciales "
    "visent au moins 95 % d'ici fin 2025. Dans le district de Cẩm Xuyên, le modèle "
    "« Tirelire solidaire » permet aux voisins de cotiser ensemble pour les foyers pauvres. "
    "M. Trần Quốc Huy, directeur adjoint de la Caisse provinciale, a salué ces efforts."
)
HA_TINH_VI = (
    "Hà Tĩnh: độ bao phủ bảo hiểm y tế tiếp tục tăng\n"
    "Đến cuối năm 2023, tỷ lệ bao phủ bảo hiểm y tế của tỉnh Hà Tĩnh đạt 91,2%. "
    "Tại huyện Cẩm Xuyên, mô hình Heo đất nghĩa tình giúp các hộ nghèo đóng bảo hiểm."
)
SONG_HINH_EN = (
    "Song Hinh pushes health insurance among ethnic minority households\n"
    "By the end of June 2025, 88.5 per cent of residents of Song Hinh district held a health "
    "insurance card, against 84 per cent two years earlier. The district aims for 92 per cent "
    "by 2026. Its Family Insurance Circle brings neighbours together every month to explain "
    "the benefits. Tuy Hoa city reported 96.1 per cent coverage."
)
BUON_DON_FR = (
    "Đắk Lắk : Buôn Đôn mobilise les jeunes\n"
    "Dans le district de Buôn Đôn, 90,1 % des habitants avaient une carte d'assurance maladie "
    "au 31 décembre 2024. Les clubs de jeunes « Ambassadeurs de la protection sociale » "
    "font du porte-à-porte dans les villages."
)
NAM_DINH_VI = (
    "Nam Định: bảo hiểm y tế bao phủ 94,2% dân số\n"
    "Đến ngày 31/12/2024, tỷ lệ bao phủ bảo hiểm y tế của tỉnh Nam Định đạt 94,2%. "
    "Tỉnh phấn đấu đạt ít nhất 95% vào năm 2025."
)
NAM_DINH_FR = (
    "Nam Định : l'assurance maladie couvre 94,2 % de la population\n"
    "Au 31 décembre 2024, la couverture de l'assurance maladie de la province de Nam Định "
    "atteignait 94,2 %. La province vise au moins 95 % en 2025."
)
NINH_BINH_EN = (
    "Enlarged Ninh Binh keeps health insurance on track\n"
    "By 30 September 2025, 93.8 per cent of the residents of the new Ninh Binh province held a "
    "health insurance card. In the former Ha Nam province the rate had been 92.5 per cent at the "
    "end of 2024. The province aims for 95 per cent by 2026."
)
HOSTILE_EN = (
    "Notes <script>alert('x')</script> from the desk\n"
    "A reader wrote <img src=x onerror=alert(1)> and '; DROP TABLE items; -- in a comment. "
    "Insurance coverage reached 77.7 per cent in Hanoi."
)


def span(text: str, snippet: str, nth: int = 0) -> dict:
    """Evidence fields for the ``nth`` occurrence of ``snippet`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(snippet, start + 1)
    return {"text": snippet, "start": start, "end": start + len(snippet)}


def mention(text: str, snippet: str, nth: int = 0) -> Span:
    return Span(**span(text, snippet, nth))


def ha_tinh_localities(text: str) -> list[Locality]:
    """Hà Tĩnh and its district Cẩm Xuyên, as both Hà Tĩnh articles name them."""
    return [Locality(name="Hà Tĩnh", level="province", province="Hà Tĩnh", lat=18.34, lon=105.9,
                     mentions=[mention(text, "Hà Tĩnh", 1)]),
            Locality(name="Cẩm Xuyên", level="district", province="Hà Tĩnh", lat=18.25, lon=106.0,
                     mentions=[mention(text, "Cẩm Xuyên")])]


def records() -> list[Record]:
    t1, t2, t3, t4, t5 = HA_TINH_FR, HA_TINH_VI, SONG_HINH_EN, BUON_DON_FR, HOSTILE_EN
    return [
        Record(
            url="https://news.example.vn/vi/ha-tinh-bhyt-2023", language="vi", extractor_version=VERSION,
            title=t2.split("\n")[0], published="2024-01-15", text=t2, relevant=True, provinces=["Hà Tĩnh"],
            figures=[Figure(**span(t2, "91,2%"), value=91.2, unit="percent", as_of="2023-12-31",
                            metric="health_insurance_coverage", locality="Hà Tĩnh")],
            localities=ha_tinh_localities(t2),
            initiatives=[Initiative(**span(t2, "Heo đất nghĩa tình"), name="Heo đất nghĩa tình",
                                    locality="Cẩm Xuyên", province="Hà Tĩnh")],
        ),
        Record(
            url="https://news.example.vn/fr/ha-tinh-couverture", language="fr", extractor_version=VERSION,
            title=t1.split("\n")[0], published="2024-10-20", text=t1, relevant=True, provinces=["Hà Tĩnh"],
            source_url="https://news.example.vn/vi/ha-tinh-bhyt-2023",
            figures=[Figure(**span(t1, "1 210 000"), value=1210000, unit="count", as_of="2024-09-30",
                            metric="health_insurance_participants", locality="Hà Tĩnh"),
                     Figure(**span(t1, "93,4 %"), value=93.4, unit="percent", as_of="2024-09-30",
                            metric="health_insurance_coverage", locality="Hà Tĩnh")],
            targets=[Target(**span(t1, "95 %"), value=95, unit="percent", comparator=">=", year=2025,
                            metric="health_insurance_coverage", locality="Hà Tĩnh")],
            localities=ha_tinh_localities(t1),
            initiatives=[Initiative(**span(t1, "Tirelire solidaire"), name="Tirelire solidaire",
                                    locality="Cẩm Xuyên", province="Hà Tĩnh")],
            people=[Person(**span(t1, "Trần Quốc Huy"), name="Trần Quốc Huy", role="directeur adjoint",
                           organization="Caisse provinciale")],
        ),
        Record(
            url="https://news.example.vn/en/song-hinh-insurance", language="en", extractor_version=VERSION,
            title=t3.split("\n")[0], published="2025-07-10", text=t3, relevant=True, provinces=["Đắk Lắk"],
            figures=[Figure(**span(t3, "88.5 per cent"), value=88.5, unit="percent", as_of="2025-06-30",
                            metric="health_insurance_coverage", locality="Sông Hinh"),
                     Figure(**span(t3, "84 per cent"), value=84, unit="percent", as_of="2023",
                            metric="health_insurance_coverage", locality="Sông Hinh"),
                     Figure(**span(t3, "96.1 per cent"), value=96.1, unit="percent",
                            metric="health_insurance_coverage", locality="Tuy Hòa")],
            targets=[Target(**span(t3, "92 per cent"), value=92, unit="percent", comparator="=", year=2026,
                            metric="health_insurance_coverage", locality="Sông Hinh")],
            localities=[Locality(name="Sông Hinh", province="Đắk Lắk", province_before_2025="Phú Yên",
                                 level="district", lat=12.95, lon=108.95,
                                 mentions=[mention(t3, "Song Hinh"), mention(t3, "Song Hinh", 1)]),
                        Locality(name="Tuy Hòa", province="Đắk Lắk", province_before_2025="Phú Yên",
                                 level="district", lat=13.09, lon=109.3,
                                 mentions=[mention(t3, "Tuy Hoa")])],
            initiatives=[Initiative(**span(t3, "Family Insurance Circle"), name="Family Insurance Circle",
                                    locality="Sông Hinh", province="Đắk Lắk")],
        ),
        Record(
            url="https://news.example.vn/fr/buon-don-jeunes", language="fr", extractor_version=VERSION,
            title=t4.split("\n")[0], published="2025-02-03", text=t4, relevant=True, provinces=["Đắk Lắk"],
            figures=[Figure(**span(t4, "90,1 %"), value=90.1, unit="percent", as_of="2024-12-31",
                            metric="health_insurance_coverage", locality="Buôn Đôn")],
            localities=[Locality(name="Buôn Đôn", level="district", province="Đắk Lắk", lat=12.88, lon=107.78,
                                 mentions=[mention(t4, "Buôn Đôn", 1)])],
            initiatives=[Initiative(**span(t4, "Ambassadeurs de la protection sociale"),
                                    name="Ambassadeurs de la protection sociale", locality="Buôn Đôn",
                                    province="Đắk Lắk")],
        ),
        Record(
            url="https://news.example.vn/vi/nam-dinh-bhyt", language="vi", extractor_version=VERSION,
            title=NAM_DINH_VI.split("\n")[0], published="2025-01-20", text=NAM_DINH_VI, relevant=True,
            provinces=["Ninh Bình"],
            figures=[Figure(**span(NAM_DINH_VI, "94,2%", 1), value=94.2, unit="percent", as_of="2024-12-31",
                            metric="health_insurance_coverage", locality="Nam Định")],
            targets=[Target(**span(NAM_DINH_VI, "95%"), value=95, unit="percent", comparator=">=", year=2025,
                            metric="health_insurance_coverage", locality="Nam Định")],
            localities=[Locality(name="Nam Định", level="province", province="Ninh Bình",
                                 province_before_2025="Nam Định", lat=20.42, lon=106.17,
                                 mentions=[mention(NAM_DINH_VI, "Nam Định", 1)])],
        ),
        Record(
            url="https://news.example.vn/fr/nam-dinh-assurance", language="fr", extractor_version=VERSION,
            title=NAM_DINH_FR.split("\n")[0], published="2025-01-22", text=NAM_DINH_FR, relevant=True,
            provinces=["Ninh Bình"], source_url="https://news.example.vn/vi/nam-dinh-bhyt",
            figures=[Figure(**span(NAM_DINH_FR, "94,2 %", 1), value=94.2, unit="percent", as_of="2024-12-31",
                            metric="health_insurance_coverage", locality="Nam Định")],
            targets=[Target(**span(NAM_DINH_FR, "95 %"), value=95, unit="percent", comparator=">=", year=2025,
                            metric="health_insurance_coverage", locality="Nam Định")],
            localities=[Locality(name="Nam Định", level="province", province="Ninh Bình",
                                 province_before_2025="Nam Định", lat=20.42, lon=106.17,
                                 mentions=[mention(NAM_DINH_FR, "Nam Định", 1)])],
        ),
        Record(
            url="https://news.example.vn/en/ninh-binh-enlarged", language="en", extractor_version=VERSION,
            title=NINH_BINH_EN.split("\n")[0], published="2025-10-12", text=NINH_BINH_EN, relevant=True,
            provinces=["Ninh Bình"],
            figures=[Figure(**span(NINH_BINH_EN, "93.8 per cent"), value=93.8, unit="percent", as_of="2025-09-30",
                            metric="health_insurance_coverage", locality="Ninh Bình"),
                     Figure(**span(NINH_BINH_EN, "92.5 per cent"), value=92.5, unit="percent", as_of="2024-12-31",
                            metric="health_insurance_coverage", locality="Hà Nam")],
            targets=[Target(**span(NINH_BINH_EN, "95 per cent"), value=95, unit="percent", comparator="=",
                            year=2026, metric="health_insurance_coverage", locality="Ninh Bình")],
            localities=[Locality(name="Ninh Bình", level="province", province="Ninh Bình", lat=20.25, lon=105.97,
                                 mentions=[mention(NINH_BINH_EN, "Ninh Binh", 1)]),
                        Locality(name="Hà Nam", level="province", province="Ninh Bình",
                                 province_before_2025="Hà Nam", lat=20.54, lon=105.91,
                                 mentions=[mention(NINH_BINH_EN, "Ha Nam")])],
        ),
        Record(
            url="https://news.example.vn/en/desk-notes", language="en", extractor_version=VERSION,
            title=t5.split("\n")[0], published="2025-03-01", text=t5, relevant=False, provinces=["Hà Nội"],
            figures=[Figure(**span(t5, "77.7 per cent"), value=77.7, unit="percent",
                            metric="health_insurance_coverage", locality="Hà Nội")],
            localities=[Locality(name="Hà Nội", level="province", province="Hà Nội", lat=21.03, lon=105.85,
                                 mentions=[mention(t5, "Hanoi")])],
            initiatives=[Initiative(**span(t5, "<img src=x onerror=alert(1)>"),
                                    name="<img src=x onerror=alert(1)>", province="Hà Nội")],
        ),
    ]


def first_version(record: Record) -> Record:
    """The Buôn Đôn article as first published, before the paper corrected its figure."""
    text = record.text.replace("90,1 %", "89,5 %")
    figure = record.figures[0].model_copy(update={"value": 89.5, "text": "89,5 %"})
    return record.model_copy(update={"text": text, "figures": [figure]})


def build(path: Path) -> Path:
    """Store the fixture records in a new corpus at ``path`` (and link the initiative registry).

    The Buôn Đôn article is stored twice, so it has a revision history."""
    with open_store(path) as store:
        buon_don = next(r for r in records() if "Buôn Đôn" in r.text)
        store.save_record(first_version(buon_don), fetched_at="2025-07-01T00:00:00Z")
        for record in records():
            store.save_record(record, fetched_at="2025-08-01T00:00:00Z")
        refresh(store.conn)
    return path
