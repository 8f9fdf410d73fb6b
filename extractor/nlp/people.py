"""Named persons with their role and organisation, from appositions.

Four cues find a name, all data under ``models/``:

* a title (``person_honorifics.jsonl``: M., Mme, Ms, ông, bà, chị …) followed by
  capitalised words: "Mme Tran Thi Mai Lan", "bà H'Linh Niê";
* capitalised words followed by a comma (an age may come first) and a role word
  (``person_roles.jsonl``): "Vo Minh Khoa, deputy director of …", "Lam Van Tam, 47, a
  rice farmer";
* a role word right before a Vietnamese full name: "Economist Do Thi Binh Minh said",
  "Deputy general director Vu Quoc Trung";
* a Vietnamese full name on its own: a family name and a middle name ("Văn", "Thị"; rows
  ``surname``/``middle`` of ``place_stop.jsonl``) and one to three given names ("Lam Van
  Tam's family", "le vieux Ha Van Sau"), unless a street or school word around it says the
  name was given to a thing (``person_stopwords.jsonl``, ``named_after``).

The last two also tell the places component which capitalised words are a person's name,
so "Do Thi Binh Minh" yields no locality Bình Minh (see ``name_spans``).

The apposition after the comma gives the role, split from the organisation where an
organisation starts (``person_orgs.jsonl``: "… of the", "… de la Sécurité", "BHXH …"); a
Vietnamese apposition may put the organisation in a second comma segment. Titles are
not part of the name; capitalised sentence openers (``person_stopwords.jsonl``) and
place names are not people; a later short mention ("chị H'Lan") folds into the first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp import doc as _doc  # noqa: F401  (registers the Doc extensions)
from extractor.nlp.data import load_jsonl, phrases
from extractor.record import Person
from extractor.textutil import fold, strip_accents

MAX_NAME_TOKENS = 6
ROLE_BEFORE = 90  # characters before a name where its role and organisation may stand
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_SEGMENT_END = re.compile(r"[,;:()«»“”\"\n]|\s[–—-]\s|[.!?](?:\s|$)")
_NAME_TAIL = re.compile(r"-$|['’]s$")  # a dash glued to a name, or a possessive: no part of it
_ARTICLE = re.compile(r"(?:a|an|the|un|une|le|la|l['’])\s+", re.I)



@dataclass(frozen=True)
class Rules:
    honorific: re.Pattern | None
    role_after_comma: re.Pattern | None
    role_start: re.Pattern | None
    role_before: re.Pattern | None      # a role word right before a name: "Economist X", "farmer X"
    relative: re.Pattern | None         # "who …", "qui …": finds a name, is no role
    orgs: tuple[re.Pattern, ...]
    stopwords: frozenset[str]           # capitalised openers that are never part of a name
    before: frozenset[str]              # words that, before capitalised words, make them no person
    surname: re.Pattern | None          # a Vietnamese family name, with or without its marks
    middles: frozenset[str]             # folded middle names ("van", "thi") that make a full name
    thing_before: frozenset[str]        # "đường", "rue", "street": a full name given to a thing (lower case:
    thing_after: frozenset[str]         # "Street", "School"   "trường" is no "Trưởng", so no folding)


def _surname_pattern(rows) -> re.Pattern | None:
    """Family names written with or without their marks, capitalised, as whole words."""
    drop = {fold(r["not_surname"]) for r in rows if "not_surname" in r}
    names = {v for r in rows if "surname" in r and fold(r["surname"]) not in drop
             for v in (r["surname"], strip_accents(r["surname"]))}
    names = {n for n in names if len(n) > 1 and n[-1].isalpha()}
    return re.compile(rf"(?<![\w'’-])(?:{phrases(names)})(?=\s)") if names else None


@lru_cache(maxsize=None)
def rules(lang: str) -> Rules:
    """Compile a language's person rules once."""
    hons = phrases(r["text"] for r in load_jsonl("person_honorifics", lang))
    role_rows = load_jsonl("person_roles", lang)
    roles = phrases(r["text"] for r in role_rows)
    heads = phrases(r["text"] for r in role_rows if not r.get("relative"))
    relative = phrases(r["text"] for r in role_rows if r.get("relative"))
    # "Vice Chairman of the Kon Tum Provincial People's Committee Ngo Quang Bao": link words
    link_rows = load_jsonl("person_links", lang)
    links = phrases(r["text"] for r in link_rows if not r.get("word"))
    words = phrases(r["text"] for r in link_rows if r.get("word"))  # "sociale", "populaire": lower-case words of a name
    stop_rows = load_jsonl("person_stopwords", lang)
    place_rows = load_jsonl("place_stop", lang)
    return Rules(
        honorific=re.compile(rf"(?<![\w.])(?:{hons})\s+", re.I) if hons else None,
        role_after_comma=re.compile(
            rf"(?:,|\s?[-–—])\s+(?:\d{{1,3}},\s+)?(?:(?:a|an|the|un|une|le|la|l['’])\s+)?"
            rf"(?:[^\W\d_][\w'’-]*\s+){{0,2}}?(?:{roles})(?!\w)", re.I)
        if roles else None,
        role_start=re.compile(rf"(?:[^\W\d_][\w'’-]*\s+){{0,2}}?(?:{roles})(?!\w)", re.I) if roles else None,
        # "Economist X", "Phó Tổng Giám đốc BHXH Việt Nam X", "Le directeur de la Sécurité sociale, X, …":
        # the role, then up to nine words of its organisation (capitalised, or lower-case words of a
        # name, each maybe after a link word), maybe an acronym in brackets, then a space or a comma
        role_before=re.compile(rf"(?<![\w'’-])(?:{heads})"
                               rf"(?:,?\s+(?:(?:{links})\s*)?(?:(?-i:[A-ZĐ])[\w'’.-]*|{words})){{0,9}}"
                               rf"(?:\s*\([^()]{{1,15}}\))?(?:,\s*|\s+)$", re.I)
        if heads else None,
        relative=re.compile(rf"(?:{relative})(?!\w)", re.I) if relative else None,
        orgs=tuple(re.compile(r["pattern"]) for r in load_jsonl("person_orgs", lang)),
        stopwords=frozenset(r["text"] for r in stop_rows if not (r.get("before") or r.get("named_after"))),
        before=frozenset(r["text"].lower() for r in stop_rows if r.get("before")),
        surname=_surname_pattern(place_rows),
        middles=frozenset(fold(r["middle"]) for r in place_rows if "middle" in r),
        thing_before=frozenset(r["text"].lower() for r in stop_rows if r.get("named_after") == "before"),
        thing_after=frozenset(r["text"].lower() for r in stop_rows if r.get("named_after") == "after"),
    )


def _capitalised(token: str) -> bool:
    return token[0].isupper() and not (len(token) > 1 and token.isupper())


def name_after(text: str, pos: int) -> tuple[int, int] | None:
    """The run of capitalised words starting at ``pos`` (one space apart), as a span; a dash
    glued to a word ("Lò Minh Quý- Giám đốc") or a possessive ("Ngo Van Tien’s family")
    ends it and is no part of it."""
    cursor, last, count = pos, None, 0
    while count < MAX_NAME_TOKENS:
        m = _TOKEN.match(text, cursor)
        if not m or not _capitalised(m.group()):
            break
        last, count = m.end(), count + 1
        tail = _NAME_TAIL.search(m.group())
        if tail:
            last -= len(tail.group())
            break
        if text[last:last + 1] != " ":
            break
        cursor = last + 1
    return (pos, last) if last else None


def name_before(text: str, pos: int, r: Rules) -> tuple[int, int] | None:
    """The run of capitalised words ending at ``pos``, without a title or a sentence opener.

    None when a determiner stands right before the run ("the Employment Law, a …").
    """
    tokens = []
    cursor = pos
    while len(tokens) < MAX_NAME_TOKENS:
        m = re.search(r"([^\W\d_][\w'’-]*)$", text[max(0, cursor - 40):cursor])
        if not m or not _capitalised(m.group(1)):
            break
        start = cursor - len(m.group(1))
        tokens.insert(0, (start, cursor, m.group(1)))
        if start < 1 or text[start - 1] != " ":
            break
        cursor = start - 1
    if not tokens:
        return None
    prev = re.search(r"(\S+)\s+$", text[max(0, tokens[0][0] - 20):tokens[0][0]])
    if prev and prev.group(1).lower() in r.before:
        return None
    while tokens and (tokens[0][2] in r.stopwords
                      or (r.honorific and r.honorific.fullmatch(tokens[0][2] + " "))):
        tokens.pop(0)
    return (tokens[0][0], tokens[-1][1]) if tokens else None


def full_names(text: str, r: Rules) -> list[tuple[int, int, bool]]:
    """Vietnamese full names: (start, end, certain).

    A family name, then one to three more capitalised words. Certain when the second is a
    middle name ("Lam Van Tam", "Do Thi Binh Minh's"); otherwise the caller needs another
    cue (a role word right before it). None when a street or school word around the name
    says it was given to a thing ("đường Lam Van Tam", "Lam Van Tam Street").
    """
    if r.surname is None:
        return []
    out = []
    for m in r.surname.finditer(text):
        span = name_after(text, m.start())
        if not span:
            continue
        s, e = span
        words = text[s:e].split()
        poss = text.startswith(("'s", "’s"), e)
        if not 3 <= len(words) <= 4 or any(w.isupper() and len(w) > 1 for w in words):
            continue
        if any(w.lower() in r.thing_after for w in words):
            continue  # "Le Van Tam Street" read as one capitalised run
        prev = re.search(r"(\S+)\s+$", text[max(0, s - 25):s])
        nxt = re.match(r"\s+(\S+)", text[e:e + 25]) if not poss else None
        if (prev and prev.group(1).lower() in r.thing_before) or (nxt and nxt.group(1).lower() in r.thing_after):
            continue
        out.append((s, e, fold(words[1]) in r.middles))
    return out


def name_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans that are certainly a person's name: full names with a middle name, after a role
    word, or of three words or more before ", <role>".

    The places component skips unit names inside them ("Do Thi Binh Minh" holds Bình Minh).
    """
    r = rules(lang)
    out = []
    for s, e, certain in full_names(text, r):
        if certain or (r.role_before and r.role_before.search(text, max(0, s - ROLE_BEFORE), s)):
            out.append((s, e))
    if r.role_after_comma:  # "Le Quang Vinh, deputy director of …"
        for m in r.role_after_comma.finditer(text):
            span = name_before(text, m.start(), r)
            if span and len(text[span[0]:span[1]].split()) >= 3:
                out.append(span)
    return out


_OPENER = re.compile(r",|\s?[-–—]\s")  # "X, director …", "X - director …", "X- Giám đốc …"
_COMMA = re.compile(",")


def _segments(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """Up to two comma-separated segments of the apposition that starts at ``pos`` (the first
    may open with a dash)."""
    segs = []
    for n in range(2):
        opener = (_OPENER if n == 0 else _COMMA).match(text, pos)
        if not opener:
            break
        start = opener.end()
        while start < limit and text[start] == " ":
            start += 1
        m = _SEGMENT_END.search(text, start, limit)
        end = m.start() if m else limit
        segs.append((start, end))
        pos = end
    return segs


def apposition(text: str, pos: int, limit: int, r: Rules,
               places: list[tuple[int, int]] = ()) -> tuple[str | None, str | None]:
    """(role, organisation) of the apposition after a name ending at ``pos``.

    An "organisation" that is only a place ("pêcheur de Hoai Nhon") stays in the role.
    """
    segs = _segments(text, pos, limit)
    if len(segs) > 1 and text[segs[0][0]:segs[0][1]].isdigit():
        segs = _segments(text, segs[0][1], limit) + segs[2:]  # "X, 47, a farmer": an age first
    if not segs or not r.role_start:
        return None, None
    s, e = segs[0]
    art = _ARTICLE.match(text, s, e)
    if art:
        s = art.end()
    if not r.role_start.match(text, s, e) or (r.relative and r.relative.match(text, s, e)):
        return None, None
    org = None
    for pattern in r.orgs:
        m = pattern.search(text, s, e)
        if m and (org is None or m.start() < org.start()):
            org = m
    if org is not None and not any(ps <= org.end() and e <= pe for ps, pe in places):
        return text[s:org.start()].strip() or None, text[org.end():e].strip() or None
    if org is not None:
        return text[s:e].strip() or None, None
    role = text[s:e].strip() or None
    if len(segs) > 1:
        s2, e2 = segs[1]
        if any(o.match(text, s2 - 1, e2) for o in r.orgs):
            return role, text[s2:e2].strip() or None
    return role, None


def _lower_first(role: str) -> str:
    """"Economist" opening a sentence is the role "economist"."""
    return role[:1].lower() + role[1:] if role[1:2].islower() else role


def _people(doc: Doc, r: Rules) -> list[Person]:
    text = doc._.text
    places = [(p.start, p.end) for p in doc._.places or []]
    spans: dict[tuple[int, int], bool] = {}
    before_roles: dict[tuple[int, int], str] = {}
    if r.honorific:
        for m in r.honorific.finditer(text):
            span = name_after(text, m.end())
            if span:
                spans.setdefault(span, True)
    if r.role_after_comma:
        for m in r.role_after_comma.finditer(text):
            span = name_before(text, m.start(), r)
            if span and not any(s < span[1] and span[0] < e for s, e in spans):
                spans.setdefault(span, False)
    for s, e, certain in full_names(text, r):
        role_before = r.role_before.search(text, max(0, s - ROLE_BEFORE), s) if r.role_before else None
        if not (certain or role_before):
            continue
        wider = [k for k, titled in spans.items() if not titled and k[0] < s and k[1] == e]
        for k in wider:  # "Economist Do Thi Binh Minh, …": the role word is no part of the name
            del spans[k]
        if not any(ps < e and s < pe for ps, pe in spans):
            spans[(s, e)] = False
            if role_before:
                before_roles[(s, e)] = role_before.group().strip(" ,")
    people: list[Person] = []
    keys: list[frozenset[str]] = []
    for (s, e) in sorted(spans):
        if e == len(text.rstrip()):
            continue  # a name the excerpt cuts off ("… selon M. Tran Van Thi")
        name = text[s:e]
        words = name.split()
        if len(words) < 2 or any(ps <= s and e <= pe for ps, pe in places):
            continue
        key = frozenset(fold(w) for w in words)
        sent_end = next((se for ss, se in doc._.sentences or [] if ss <= s < se), len(text))
        role, org = apposition(text, e, sent_end, r, places)
        if (s, e) in before_roles and not role:
            role = _lower_first(before_roles[(s, e)])
        dup = next((p for p, k in zip(people, keys) if key <= k or k <= key), None)
        if dup is not None:
            dup.role = dup.role or role
            dup.organization = dup.organization or org
            continue
        people.append(Person(name=name, role=role, organization=org, text=name, start=s, end=e))
        keys.append(key)
    return people


@Language.factory("coverage_people", default_config={"lang": "xx"})
def make_people(nlp: Language, name: str, lang: str):
    r = rules(lang)

    def component(doc: Doc) -> Doc:
        doc._.people = _people(doc, r)
        return doc

    return component
