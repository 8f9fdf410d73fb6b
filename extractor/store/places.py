"""Province names as analysts type them → the folded keys items are stored under.

The gazetteer (``extractor.gazetteer.province_scope``) knows the 1 July 2025 mergers;
without it a name matches itself only (folded), which still finds items whose today's
or pre-2025 province carries that name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from extractor.textutil import fold


@dataclass(frozen=True)
class Scope:
    """A province name resolved: today's province and the pre-2025 provinces it covers."""

    name: str
    today: str
    before_2025: tuple[str, ...] = field(default_factory=tuple)

    @property
    def merged_away(self) -> bool:
        """True for a pre-2025 province that is now part of another one (Phú Yên → Đắk Lắk)."""
        return fold(self.name) != fold(self.today)

    def keys(self) -> list[str]:
        """Folded names to match against items' ``province_key`` and ``province_before_key``."""
        if self.merged_away:
            return [fold(self.name)]
        return sorted({fold(self.today), *(fold(b) for b in self.before_2025)} - {""})

    def describe(self) -> str:
        if self.merged_away:
            return f"{self.name} (before 2025; today part of {self.today})"
        return self.today


@lru_cache(maxsize=1)
def _gazetteer_scope():
    try:
        from extractor.gazetteer import province_scope
    except ImportError:
        return None
    return province_scope


def scope(name: str) -> Scope:
    """Resolve a province name typed any way (with or without diacritics, old or new)."""
    lookup = _gazetteer_scope()
    found = lookup(name) if lookup else None
    if found is None:
        return Scope(name=name.strip(), today=name.strip(), before_2025=(name.strip(),))
    before = tuple(found.before_2025 or ())
    typed = getattr(found, "name", None) or next((b for b in before if fold(b) == fold(name)), found.today)
    return Scope(name=typed, today=found.today, before_2025=before)


def known_province(name: str | None) -> Scope | None:
    """The scope of ``name`` when the gazetteer knows it as a province, else None."""
    lookup = _gazetteer_scope()
    if not name or lookup is None:
        return None
    return scope(name) if lookup(name) is not None else None


def gazetteer_knows(name: str) -> bool | None:
    """Whether the gazetteer knows ``name`` as a province (None: no gazetteer installed)."""
    lookup = _gazetteer_scope()
    return None if lookup is None else lookup(name) is not None
