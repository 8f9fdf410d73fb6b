"""Mentions of Vietnamese administrative units, resolved in the gazetteer.

A unit's name is a run of capitalised words ("Hà Tĩnh", "Ha Tinh", "Ha-Tinh", "Hatinh",
"Hô-Chi-Minh-Ville"); we look every stretch of such a run up in the gazetteer, longest
first. The words around it are the evidence: a type word ("huyện", "district of",
"la commune littorale de", "Chau Thanh district") tells the level; "cũ", "ancien",
"former" the era; an honorific or a family name in front says it is a person
("Mme Tran Thi Mai Lan", "Economist Do Thi Binh Minh"), a street or lake word that it is not a unit at all. A bare
single word counts only when it is a province or a known short form ("Huế", "Hatinh",
"HCMC"), and Vietnamese spelling must match the unit's own ("Bà Lê" is not "Ba Lế"), so
common words that happen to fold like unit names stay out.

A name several units share (Châu Thành, An Phú, Kim Sơn …) is resolved by scoring each
candidate on the article's context: the provinces named in the same sentence (including
"(tỉnh Quảng Bình cũ)"), the article's main provinces, a parent district named nearby
("An Phu ward, Tam Ky city"), the era of the article (``place_context.py``). A tie between
provinces leaves the province null rather than guessing. Every rule word lives in
``models/*/place_*.jsonl``.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer as gz
from extractor.nlp import doc as _doc  # noqa: F401  (registers the Doc extensions)
from extractor.nlp import people
from extractor.nlp.data import load_jsonl, phrases
from extractor.nlp.doc import PlaceMention
from extractor.nlp.place_context import Hit, has_marks, resolve
from extractor.record import Locality, Span
from extractor.textutil import fold

MAX_WORDS = 6          # the longest unit name, in words ("Thị trấn Nông trường Việt Trung" …)
WINDOW = 80            # characters before a name searched for its type word

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_JOIN = re.compile(r"[ \u00a0\u202f]?[-‐–—][ \u00a0\u202f]?|[ \u00a0\u202f]")
_ELISION = re.compile(r"[dlDL]['’](?=[^\W\d_])")
_CONNECTOR = r"(?:\s+(?:de|du|des|of|of\s+the)\s+|\s+d['’]|\s*d['’])"


@dataclass(frozen=True)
class Rules:
    """One language's place rules, compiled once per pipeline."""

    type_levels: dict[str, frozenset[str]]
    type_before: re.Pattern
    type_before_linked: re.Pattern
    type_after: re.Pattern
    former_before: re.Pattern
    former_after: re.Pattern
    honorific_before: re.Pattern
    honorifics: frozenset[str]
    honorific_words: frozenset[str]
    surnames: frozenset[str]
    middles: frozenset[str]
    stops: frozenset[str]
    not_before: re.Pattern
    not_after: re.Pattern
    bracket_parent: re.Pattern | None = None  # "xã Đa Phước (An Phú)": the bracketed name is the parent
    bracket_levels: frozenset[str] = frozenset()
    strict_spelling: bool = False   # every accent is Vietnamese (vi); else only non-Latin-1 ones count
    numbered: re.Pattern | None = None  # a type word and a number in lower case: "quận 12", "district 6"


def rules(lang: str) -> Rules:
    """Compile the place rules of ``models/common`` and ``models/LANG``."""
    types = load_jsonl("place_types", lang)
    stop = load_jsonl("place_stop", lang)
    levels: dict[str, set[str]] = defaultdict(set)
    before, after = [], []
    for row in types:
        if "word" in row:
            levels[fold(row["word"])].update(row["levels"])
            (after if row.get("where") == "after" else before).append(row["word"])
    former_b = [r["former"] for r in types if "former" in r and r.get("where") != "after"]
    former_a = [r["former"] for r in types if "former" in r and r.get("where") == "after"]
    honor = [r["honorific"] for r in stop if "honorific" in r]
    parents = [r for r in types if "bracket_parent" in r]
    tw_b, tw_a = phrases(before), phrases(after)
    between = phrases(r["between"] for r in types if "between" in r)
    return Rules(
        type_levels={k: frozenset(v) for k, v in levels.items()},
        type_before=re.compile(rf"(?<!\w)(?P<tw>(?i:{tw_b}))(?:\s+(?:{between}))?[\s\u00a0]+$"),
        type_before_linked=re.compile(rf"(?<!\w)(?P<tw>(?i:{tw_b}))(?P<mid>(?:\s+[^\W\d_]+){{0,2}}?){_CONNECTOR}$"),
        type_after=re.compile(rf"^[\s\u00a0]+(?P<tw>(?i:{tw_a}))(?!\w)"),
        former_before=re.compile(rf"(?<!\w)(?i:{phrases(former_b)})(?!\w)"),
        former_after=re.compile(rf"^[\s\u00a0]*(?:\)\s*)?(?i:{phrases(former_a)})(?!\w)"),
        honorific_before=re.compile(rf"(?<![\w.])(?:{phrases(honor)})[\s\u00a0]+$"),
        honorifics=frozenset(fold(h) for h in honor),
        honorific_words=frozenset(h for h in honor if h.isalpha()),
        surnames=frozenset(fold(r["surname"]) for r in stop if "surname" in r)
        - {fold(r["not_surname"]) for r in stop if "not_surname" in r},
        middles=frozenset(fold(r["middle"]) for r in stop if "middle" in r),
        stops=frozenset(fold(r["stop"]) for r in stop if "stop" in r),
        not_before=re.compile(rf"(?<!\w)(?:{phrases(r['not_before'] for r in stop if 'not_before' in r)})"
                              rf"(?:{_CONNECTOR}|[\s\u00a0]+)$"),
        not_after=re.compile(rf"^[\s\u00a0]+(?:{phrases(r['not_after'] for r in stop if 'not_after' in r)})"
                             rf"(?!\w)"),
        bracket_parent=re.compile(rf"(?<!\w)(?i:{phrases(w for r in parents for w in r['bracket_parent'])})[\s\u00a0]+"
                                  rf"[^\W\d_][^()\n,;.]{{0,40}}\($") if parents else None,
        bracket_levels=frozenset(level for r in parents for level in r["levels"]),
        strict_spelling=any(r.get("setting") == "strict_spelling" and r["value"] for r in types),
        numbered=re.compile(rf"(?<!\w)(?i:{tw_b})[\s\u00a0]+\d{{1,2}}(?![\d.,]\d|\d)"),
    )


def _runs(text: str, breaks: frozenset[str] = frozenset(),
          numbered: re.Pattern | None = None) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (trailing 1–2 digit numbers allowed) joined by a space or hyphen.

    A word in ``breaks`` (an honorific: "Mme", "bà") ends a run and starts none; a type word
    before a number (``numbered``: "quận 12") starts one in lower case too.
    """
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        el = _ELISION.match(text, s)
        if el and el.end() < e:
            s = el.end()
        if e - s > 3 and text[e - 2:e] in ("'s", "’s"):
            e -= 2  # "HCMC's District 8": the possessive ends the name, and its run
        word = text[s:e]
        capital = (word[0].isupper() or bool(numbered and numbered.match(text, s))) and word not in breaks
        number = word.isdigit() and len(word) <= 2
        if run and (capital or number) and _JOIN.fullmatch(text[run[-1][1]:s]):
            run.append((s, e))
            continue
        if run:
            runs.append(run)
        run = [(s, e)] if capital else []
    if run:
        runs.append(run)
    return runs


def find(text: str, rules: Rules, persons: list[tuple[int, int]] = ()) -> list[Hit]:
    """Every stretch of ``text`` that names an administrative unit (unresolved).

    ``persons`` are spans known to be people's names ("Do Thi Binh Minh"): a unit name
    inside one counts only with its own type word.
    """
    hits: list[Hit] = []
    # "…," Vinh said: a lone word of a person's name refers to the person, not a unit.
    person_words = {fold(w) for ps, pe in persons for w in text[ps:pe].split()}
    for run in _runs(text, rules.honorific_words, rules.numbered):
        if rules.honorific_before.search(text[max(0, run[0][0] - 20):run[0][0]]):
            continue  # a person's name after M., Mme, ông, bà …
        words = [fold(text[s:e]) for s, e in run[:2]]
        if len(run) > 2 and words[1] in rules.middles and words[0] not in rules.type_levels:
            continue  # "Lam Van Tam", "Ca Thi Nga"; not "Huyện Văn Giang"
        personal = len(run) > 2 and (words[0] in rules.surnames or words[0] in rules.honorifics)
        hits.extend(h for h in _best_matches(text, run, rules, personal)
                    if h.typed or not (any(ps <= h.start and h.end <= pe for ps, pe in persons)
                                       or (" " not in h.text and fold(h.text) in person_words
                                           and not any(u.level == "province" for u in h.candidates))))
    return hits


def _best_matches(text: str, run, rules: Rules, personal: bool) -> list[Hit]:
    """The non-overlapping matches of a run, longest first, then those naming a province.

    Taking the longest anywhere in the run (not left to right) keeps a capitalised word
    in front ("Tại", "In") from stealing the first syllable of the name after it.
    """
    found = []
    for i in range(len(run)):
        for size in range(min(MAX_WORDS, len(run) - i), 0, -1):
            outcome = _match(text, run, i, size, rules, personal)
            if outcome is not None:
                units, province = outcome
                found.append((-size, not province, i, size, units))
    taken: set[int] = set()
    hits = []
    for _neg, _prov, i, size, units in sorted(found, key=lambda f: f[:3]):
        span = set(range(i, i + size))
        if span & taken:
            continue
        taken |= span
        if units:
            s, e = run[i][0], run[i + size - 1][1]
            hit = _evidence(text, s, e, units, rules)
            if hit is not None and (size > 1 or hit.typed or _bare_ok(hit.text, units)):
                hits.append(hit)
    return sorted(hits, key=lambda h: h.start)


def _spelled_alike(mention: str, units: list[gz.Unit], strict: bool) -> bool:
    """A name written in Vietnamese spelling must carry the unit's own marks ("Bà Lê" is not "Ba Lế").

    Outside Vietnamese text only letters beyond Latin-1 (ă, đ, ơ, ư, ạ …) show Vietnamese
    spelling; "Hanoï" or "Hô Chi Minh" are exonyms and match on the folded key.
    """
    vietnamese = has_marks(mention) if strict else any(ord(c) > 0xFF for c in mention)
    if not vietnamese or fold(mention) in gz.alias_keys():
        return True
    want = gz.spelling_key(mention)
    return any(gz.spelling_key(u.name) == want for u in units)


def _match(text: str, run, i: int, size: int, rules: Rules, personal: bool):
    """(candidate units, or None when nothing may be reported there; names a province) for one stretch.

    None when the stretch names no unit at all.
    """
    s, e = run[i][0], run[i + size - 1][1]
    if text[e - 1].isdigit() and size == 1:
        return None
    if fold(text[s:e]) in rules.stops:
        return None, True
    units = gz.lookup(text[s:e])
    if not units or not _spelled_alike(text[s:e], units, rules.strict_spelling):
        return None
    province = any(u.level == "province" for u in units)
    if personal and i > 0:
        return None, province  # inside a person's name ("Phạm Hữu Lộc")
    return units, province


def _bare_ok(word: str, units: list[gz.Unit]) -> bool:
    """A single word without a type word names a unit only if it is a province, a known short
    form, or a district whose own name is one word (Pleiku, Kbang, M'Drắk).

    Run-together spellings of other units collide with ordinary words ("Maison" folds like
    Mai Sơn, "Chine" like Chi Nê); the usual ones (Dalat, Halong) are listed as aliases.
    """
    return (any(u.level == "province" or (u.level == "district" and " " not in u.name) for u in units)
            or fold(word) in gz.alias_keys())


def _evidence(text: str, s: int, e: int, units: list[gz.Unit], rules: Rules) -> Hit | None:
    """The hit with its type word and era marker, or None when the words around say it is no unit."""
    before, after = text[max(0, s - WINDOW):s], text[e:e + 40]
    typed = None
    m = rules.type_before.search(before)
    if not m:
        m = rules.type_before_linked.search(before)
        if m and m.group("mid") and not m.group("mid").islower():
            m = None
    if not m:
        m = rules.type_after.search(after)
    if m:
        typed = rules.type_levels.get(fold(m.group("tw")))
    elif rules.bracket_parent and rules.bracket_parent.search(before):
        typed = rules.bracket_levels
    elif rules.not_before.search(before) or rules.not_after.search(after):
        return None
    former = bool(rules.former_before.search(before[-35:]) or rules.former_after.search(after))
    return Hit(s, e, text[s:e], list(units), typed, former)


def localities(hits: list[Hit]) -> list[Locality]:
    """One locality per unit (name and today's province), with all its mentions, in text order."""
    groups: dict[tuple[str, str | None], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((fold(hit.unit.name), hit.province), []).append(hit)
    for (name, prov), members in list(groups.items()):
        if prov is None:
            resolved = [k for k in groups if k[0] == name and k[1] is not None]
            if len(resolved) == 1:
                groups[resolved[0]].extend(groups.pop((name, prov)))
    out = []
    for members in groups.values():
        members.sort(key=lambda h: h.start)
        typed = [h for h in members if h.typed] or members
        level = Counter(h.unit.level for h in typed).most_common(1)[0][0]
        unit = next(h.unit for h in typed if h.unit.level == level)
        prov = members[0].province
        out.append(Locality(
            name=unit.name, level=level, province=prov,
            province_before_2025=(unit.old if prov and unit.old and unit.old != prov else None),
            code=unit.code, lat=unit.lat, lon=unit.lon,
            mentions=[Span(text=h.text, start=h.start, end=h.end) for h in members]))
    out.sort(key=lambda loc: loc.mentions[0].start)
    return out


def mentions(hits: list[Hit]) -> list[PlaceMention]:
    return [PlaceMention(h.start, h.end, h.text, h.unit.name, h.unit.level, h.province,
                         h.unit.old if h.province and h.unit.old and h.unit.old != h.province else None)
            for h in hits]


MENU_RUN = 3  # lines in a row that hold nothing but a place's name: a site's menu of provinces


def _off_menus(text: str, hits: list[Hit]) -> list[Hit]:
    """Drop names that fill a line alone among other such lines ("xem thêm / An Giang /
    Bình Dương / Bình Phước …"): a menu names no place of the article."""
    starts = [m.start() for m in re.finditer(r"[^\n]+", text) if text[m.start():m.end()].strip()]
    row = {s: n for n, s in enumerate(starts)}  # a line's start → its rank among non-blank lines
    alone = {}
    for h in hits:
        ls, le = text.rfind("\n", 0, h.start) + 1, text.find("\n", h.end)
        if ls in row and text[ls:le if le != -1 else len(text)].strip() == h.text:
            alone[id(h)] = row[ls]
    rows = sorted(set(alone.values()))
    menu: set[int] = set()
    run: list[int] = []
    for n in rows + [None]:
        if run and (n is None or n != run[-1] + 1):
            if len(run) >= MENU_RUN:
                menu.update(run)
            run = []
        if n is not None:
            run.append(n)
    return [h for h in hits if alone.get(id(h)) not in menu]


@Language.factory("coverage_places", default_config={"lang": "xx"})
def make_places(nlp: Language, name: str, lang: str):
    compiled = rules(lang)

    def component(doc: Doc) -> Doc:
        hits = _off_menus(doc._.text, find(doc._.text, compiled, people.name_spans(doc._.text, lang)))
        title_hits = find(doc._.title or "", compiled)
        doc._.provinces = resolve(hits, doc, title_hits=title_hits)
        doc._.places = mentions(hits)
        doc._.localities = localities(hits)
        return doc

    return component
