"""Vietnamese administrative units before and after the reform of 1 July 2025.

One table (``models/gazetteer/units.tsv``, built from ``vietnamadminunits`` by
``extractor.gazetteer_build``) holds the 63 pre-2025 provinces with their districts and
communes and today's 34 provinces with their communes and wards, each with today's
province, the pre-2025 province, code and coordinates. Names are matched on their
folded key (``textutil.fold``: "Hà Tĩnh", "Ha Tinh", "Ha-Tinh", "Hatinh" → "hatinh"),
plus the usual short forms and exonyms of ``models/common/place_aliases.jsonl``.
The table and its index load on first use and are cached; nothing happens at import.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from extractor.paths import load_jsonl, model_path
from extractor.textutil import fold

__all__ = ["Unit", "ProvinceScope", "units", "lookup", "province_scope", "provinces_today",
           "key", "spelling_key", "alias_keys"]

LEVELS = ("province", "district", "commune")


@dataclass(frozen=True)
class Unit:
    """One administrative unit of one era."""

    level: str            # province | district | commune
    era: str              # "L" before the 2025 reform, "N" since, "LN" both (provinces)
    kind: str             # Vietnamese type word: Tỉnh, Huyện, Thị xã, Xã, Phường, Đặc khu …
    name: str             # canonical short name with diacritics
    province: str         # today's province
    old: str | None       # the pre-2025 province it belonged to (None: formed from several)
    parent: str | None    # pre-2025 district of a pre-2025 commune
    code: str | None
    lat: float | None
    lon: float | None

    @property
    def province_before_2025(self) -> str | None:
        """The pre-2025 province, only where it differs from today's one."""
        return self.old if self.old and self.old != self.province else None

    @property
    def legacy(self) -> bool:
        return "L" in self.era

    @property
    def current(self) -> bool:
        return "N" in self.era


@dataclass(frozen=True)
class ProvinceScope:
    """A province name resolved: today's province and the pre-2025 provinces it covers."""

    name: str                 # the canonical name of the province the query named
    today: str                # today's province (after 1 July 2025)
    before_2025: list[str]    # a pre-2025 province: [itself]; today's: those merged into it


def _float(s: str) -> float | None:
    return float(s) if s else None


@lru_cache(maxsize=1)
def units() -> tuple[Unit, ...]:
    """Every unit of both eras, in table order (provinces first)."""
    rows = []
    with model_path("gazetteer", "units.tsv").open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            level, era, kind, name, prov, old, parent, code, lat, lon = line.rstrip("\n").split("\t")
            rows.append(Unit(level, era, kind, name, prov, old or None, parent or None, code or None,
                             _float(lat), _float(lon)))
    return tuple(rows)


def key(name: str | None) -> str:
    """The matching key of a name: folded (no case, diacritics, spaces or hyphens)."""
    return fold(name)


_OLD_TONES = re.compile(r"([oOuU])([àáảãạÀÁẢÃẠ])|([uU])([ỳýỷỹỵỲÝỶỸỴ])")


def _modern_tone(m: re.Match) -> str:
    if m.group(1):
        base = unicodedata.normalize("NFD", m.group(2))
        return unicodedata.normalize("NFC", m.group(1) + base[1:]) + base[0]
    base = unicodedata.normalize("NFD", m.group(4))
    return unicodedata.normalize("NFC", m.group(3) + base[1:]) + base[0]


def spelling_key(name: str) -> str:
    """A key that keeps diacritics but ignores case, spacing and old/new tone placement.

    "Thanh Hoá" and "Thanh Hóa" agree; "Phú Yên" and "Phù Yên" do not.
    """
    s = unicodedata.normalize("NFC", name).lower()
    s = _OLD_TONES.sub(_modern_tone, s)
    return re.sub(r"[\W_]+", "", s)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Unit, ...]]:
    idx: dict[str, list[Unit]] = defaultdict(list)
    for unit in units():
        k = key(unit.name)
        if k and not k.isdigit():
            idx[k].append(unit)
    provinces = {u.name: u for u in units() if u.level == "province"}
    for row in load_jsonl("place_aliases"):
        target = [u for u in idx.get(key(row["name"]), ()) if u.level == row.get("level", u.level)]
        if not target and row["name"] in provinces:
            target = [provinces[row["name"]]]
        for u in target:
            if u not in idx[key(row["alias"])]:
                idx[key(row["alias"])].append(u)
    return {k: tuple(v) for k, v in idx.items()}


@lru_cache(maxsize=1)
def alias_keys() -> frozenset[str]:
    """Folded short forms and exonyms (their spelling need not match the canonical name's)."""
    return frozenset(key(row["alias"]) for row in load_jsonl("place_aliases"))


def lookup(name: str, level: str | None = None) -> list[Unit]:
    """Every unit (of both eras) whose name or known short form folds like ``name``."""
    found = list(_index().get(key(name), ()))
    return [u for u in found if u.level == level] if level else found


_LEAD = frozenset({"tinh", "thanhpho", "tp", "province", "provincede", "provinceof", "theprovinceof",
                   "city", "cityof", "ville", "villede"})
_TRAIL = frozenset({"province", "city", "ville", "cu", "tinh"})


@lru_cache(maxsize=512)
def province_scope(name: str) -> ProvinceScope | None:
    """Resolve a province typed any way: old or new, with or without diacritics or type word.

    "Phu Yen" → today "Đắk Lắk", before ["Phú Yên"]; "dak lak" → today "Đắk Lắk",
    before ["Đắk Lắk", "Phú Yên"]; an unknown name → None.
    """
    words = (name or "").split()
    for i in range(min(3, len(words))):
        if i and key(" ".join(words[:i])) not in _LEAD:
            continue
        for j in range(min(2, len(words) - i)):
            if j and key(" ".join(words[len(words) - j:])) not in _TRAIL:
                continue
            found = lookup(" ".join(words[i:len(words) - j]), "province")
            if found:
                return _scope(found[0])
    return None


def _scope(unit: Unit) -> ProvinceScope:
    before = [unit.name]
    if unit.current:
        before += [u.name for u in units() if u.level == "province" and u.province == unit.name
                   and u.name != unit.name]
    return ProvinceScope(name=unit.name, today=unit.province, before_2025=before)


@lru_cache(maxsize=1)
def provinces_today() -> tuple[str, ...]:
    """The 34 provinces and centrally-run cities since 1 July 2025."""
    return tuple(u.name for u in units() if u.level == "province" and u.current)
