"""A synthetic corpus of any size, for benchmarks (store search, web pages).

``build_synthetic_corpus(path, n_items=100_000)`` stores records through the normal
``save_record`` path, so the database has exactly the shape a real corpus has: articles
in fr/en/vi over 2019–2025, each with figures, targets, localities, an initiative and a
person, spread over provinces including merged ones (Sông Hinh in Đắk Lắk, formerly Phú Yên).
"""
from __future__ import annotations

import random
import time
from pathlib import Path

from extractor.record import Figure, Initiative, Locality, Person, Record, Span, Target

# (locality, level, today's province, province before 2025 where different)
PLACES = [
    ("Sông Hinh", "district", "Đắk Lắk", "Phú Yên"), ("Tuy Hòa", "district", "Đắk Lắk", "Phú Yên"),
    ("Buôn Ma Thuột", "district", "Đắk Lắk", None), ("Kỳ Anh", "district", "Hà Tĩnh", None),
    ("Hương Khê", "district", "Hà Tĩnh", None), ("Đồng Hới", "district", "Quảng Trị", "Quảng Bình"),
    ("Hội An", "district", "Đà Nẵng", "Quảng Nam"), ("Pleiku", "district", "Gia Lai", None),
    ("Quy Nhơn", "district", "Gia Lai", "Bình Định"), ("Cà Mau", "province", "Cà Mau", None),
    ("Bạc Liêu", "province", "Cà Mau", "Bạc Liêu"), ("Sơn La", "province", "Sơn La", None),
    ("Lạng Sơn", "province", "Lạng Sơn", None), ("Thái Bình", "province", "Hưng Yên", "Thái Bình"),
    ("Cần Thơ", "province", "Cần Thơ", None), ("Hậu Giang", "province", "Cần Thơ", "Hậu Giang"),
    ("Lai Châu", "province", "Lai Châu", None), ("Cao Bằng", "province", "Cao Bằng", None),
    ("Bến Tre", "province", "Vĩnh Long", "Bến Tre"), ("Long Xuyên", "district", "An Giang", None),
]

SENTENCES = {
    "fr": ("À {place}, le taux de couverture de l'assurance maladie atteint {v} %. ",
           "Les autorités de {place} visent au moins {t} % d'ici {y}. ",
           "Le modèle « {ini} » aide les foyers modestes à cotiser. ",
           "M. {who}, directeur de la caisse locale, salue les progrès. "),
    "en": ("In {place}, health insurance coverage reached {v} per cent. ",
           "Authorities in {place} aim for at least {t} per cent by {y}. ",
           "The {ini} model helps poor households pay their premiums. ",
           "Mr {who}, director of the local social insurance office, welcomed the progress. "),
    "vi": ("Tại {place}, tỷ lệ bao phủ bảo hiểm y tế đạt {v} %. ",
           "{place} phấn đấu đạt ít nhất {t} % vào năm {y}. ",
           "Mô hình “{ini}” giúp hộ nghèo đóng bảo hiểm. ",
           "Ông {who}, giám đốc bảo hiểm xã hội, ghi nhận kết quả. "),
}
INITIATIVES = ["Heo đất nghĩa tình", "Tirelire solidaire", "Mango Tree of Care", "Cây mai an sinh",
               "Quỹ tương trợ dòng họ", "Carte pour tous", "Neighbour Pays Neighbour", "Lúa vàng an sinh"]
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Quốc Cường", "Phạm Thu Dung", "Hoàng Minh Đức"]


def synthetic_records(n_items: int = 100_000, seed: int = 7):
    """Records whose items add up to ``n_items`` (each record holds 10: 4 figures, 2 targets,
    2 localities, 1 initiative, 1 person)."""
    rng = random.Random(seed)
    for i in range(max(1, n_items // 10)):
        lang = ("fr", "en", "vi")[i % 3]
        s = SENTENCES[lang]
        places = rng.sample(PLACES, 2)
        ini, who, year = rng.choice(INITIATIVES), rng.choice(NAMES), rng.randint(2019, 2025)
        text, figures, targets = "", [], []
        for k in range(4):
            place = places[k % 2]
            v = round(rng.uniform(70, 99.5), 1)
            chunk = s[0].format(place=place[0], v=v)
            num = f"{v}"
            start = len(text) + chunk.index(num)
            figures.append(Figure(text=num, start=start, end=start + len(num), value=v, unit="percent",
                                  metric=rng.choice(("health_insurance_coverage", "social_insurance_coverage")),
                                  locality=place[0], as_of=f"{year}-{rng.randint(1, 12):02d}"))
            text += chunk
        for k in range(2):
            t = rng.choice((90, 93, 95, 97))
            chunk = s[1].format(place=places[k][0], t=t, y=year + 1)
            start = len(text) + chunk.index(str(t))
            targets.append(Target(text=str(t), start=start, end=start + len(str(t)), value=t, unit="percent",
                                  comparator=">=", year=year + 1, metric="health_insurance_coverage",
                                  locality=places[k][0]))
            text += chunk
        localities = []
        for place in places:
            start = text.index(place[0])
            localities.append(Locality(name=place[0], level=place[1], province=place[2],
                                       province_before_2025=place[3],
                                       mentions=[Span(text=place[0], start=start, end=start + len(place[0]))]))
        chunk = s[2].format(ini=ini)
        istart = len(text) + chunk.index(ini)
        text += chunk
        chunk = s[3].format(who=who)
        pstart = len(text) + chunk.index(who)
        text += chunk
        yield Record(
            url=f"https://synthetic.example/{lang}/{i}", language=lang, title=f"{places[0][0]}: {ini} ({i})",
            published=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", text=text,
            extractor_version="0.1.0", relevant=True, provinces=[places[0][2]], figures=figures, targets=targets,
            localities=localities,
            initiatives=[Initiative(text=ini, start=istart, end=istart + len(ini), name=ini, locality=places[0][0],
                                    province=places[0][2])],
            people=[Person(text=who, start=pstart, end=pstart + len(who), name=who, role="director")])


def build_synthetic_corpus(path: str | Path, n_items: int = 100_000, *, seed: int = 7) -> dict:
    """(Re)build a corpus of ``n_items`` synthetic items at ``path``; returns timings."""
    from extractor.store import open_store
    from extractor.store.registry import refresh

    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = open_store(path)
    started = time.perf_counter()
    records = items = 0
    for record in synthetic_records(n_items, seed):
        store.save_record(record)
        records += 1
        items += 10
    ingest_s = time.perf_counter() - started
    started = time.perf_counter()
    registry = refresh(store.conn)
    registry_s = time.perf_counter() - started
    store.conn.execute("ANALYZE")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return {"records": records, "items": items, "ingest_s": ingest_s, "registry_s": registry_s, **registry}
