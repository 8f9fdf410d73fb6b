"""Province names as analysts type them → the folded keys items are stored under.

The gazetteer (``extractor.gazetteer.province_scope``) knows the 1 July 2025 mergers;
a name it does not know matches itself only (folded), which still finds items whose
today's or pre-2025 province carries that name.
"""
from __future__ import annotations

from dataclasses import dataclass, field

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


def _resolve(name: str):
    """The gazetteer's reading of ``name`` (imported here: it is only needed once a name is typed)."""
    from extractor.gazetteer import province_scope

    return province_scope(name)


def _scope_of(found) -> Scope:
    return Scope(name=found.name, today=found.today, before_2025=tuple(found.before_2025 or ()))


def scope(name: str) -> Scope:
    """Resolve a province name typed any way (with or without diacritics, old or new);
    a name the gazetteer does not know stands for itself."""
    found = _resolve(name)
    if found is None:
        return Scope(name=name.strip(), today=name.strip(), before_2025=(name.strip(),))
    return _scope_of(found)


def known_province(name: str | None) -> Scope | None:
    """The scope of ``name`` when the gazetteer knows it as a province, else None."""
    found = _resolve(name) if name else None
    return _scope_of(found) if found is not None else None


def gazetteer_knows(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a province."""
    return _resolve(name) is not None
