"""Named persons with their role and organisation, from appositions.

Two cues find a name, both data under ``models/LANG/``:

* a title (``person_honorifics.jsonl``: M., Mme, Ms, ông, bà, chị …) followed by
  capitalised words: "Mme Dang Thi Anh Hoa", "bà H'Nguyệt Êban";
* capitalised words followed by a comma and a role word (``person_roles.jsonl``):
  "Le Quang Vinh, deputy director of …", "Tran Van Be, a rice farmer".

The apposition after the comma gives the role, split from the organisation where an
organisation starts (``person_orgs.jsonl``: "… of the", "… de la Sécurité", "BHXH …"); a
Vietnamese apposition may put the organisation in a second comma segment. Titles are
not part of the name; capitalised sentence openers (``person_stopwords.jsonl``) and
place names are not people; a later short mention ("chị H'Lan") folds into the first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp import doc as _doc  # noqa: F401  (registers the Doc extensions)
from extractor.nlp.data import load_jsonl
from extractor.record import Person
from extractor.textutil import fold

MAX_NAME_TOKENS = 6
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_SEGMENT_END = re.compile(r"[,;:()«»“”\"\n]|\s[–—-]\s|[.!?](?:\s|$)")
_ARTICLE = re.compile(r"(?:a|an|the|un|une|le|la|l['’])\s+", re.I)


def _alternation(words) -> str:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@dataclass(frozen=True)
class Rules:
    honorific: re.Pattern | None
    role_after_comma: re.Pattern | None
    role_start: re.Pattern | None
    relative: re.Pattern | None         # "who …", "qui …": finds a name, is no role
    orgs: tuple[re.Pattern, ...]
    stopwords: frozenset[str]           # capitalised openers that are never part of a name
    before: frozenset[str]              # words that, before capitalised words, make them no person


def rules(lang: str) -> Rules:
    """Compile a language's person rules once."""
    hons = _alternation(r["text"] for r in load_jsonl("person_honorifics", lang))
    roles = _alternation(r["text"] for r in load_jsonl("person_roles", lang))
    relative = _alternation(r["text"] for r in load_jsonl("person_roles", lang) if r.get("relative"))
    stop_rows = load_jsonl("person_stopwords", lang)
    return Rules(
        honorific=re.compile(rf"(?<![\w.])(?:{hons})\s+", re.I) if hons else None,
        role_after_comma=re.compile(
            rf",\s+(?:(?:a|an|the|un|une|le|la|l['’])\s+)?(?:[^\W\d_][\w'’-]*\s+){{0,2}}?(?:{roles})(?!\w)", re.I)
        if roles else None,
        role_start=re.compile(rf"(?:[^\W\d_][\w'’-]*\s+){{0,2}}?(?:{roles})(?!\w)", re.I) if roles else None,
        relative=re.compile(rf"(?:{relative})(?!\w)", re.I) if relative else None,
        orgs=tuple(re.compile(r["pattern"]) for r in load_jsonl("person_orgs", lang)),
        stopwords=frozenset(r["text"] for r in stop_rows if not r.get("before")),
        before=frozenset(r["text"].lower() for r in stop_rows if r.get("before")),
    )


def _capitalised(token: str) -> bool:
    return token[0].isupper() and not (len(token) > 1 and token.isupper())


def name_after(text: str, pos: int) -> tuple[int, int] | None:
    """The run of capitalised words starting at ``pos`` (one space apart), as a span."""
    cursor, last, count = pos, None, 0
    while count < MAX_NAME_TOKENS:
        m = _TOKEN.match(text, cursor)
        if not m or not _capitalised(m.group()):
            break
        last, count = m.end(), count + 1
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


def _segments(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """Up to two comma-separated segments of the apposition that starts at ``pos``."""
    segs = []
    for _ in range(2):
        if not text.startswith(",", pos):
            break
        start = pos + 1
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


def _people(doc: Doc, r: Rules) -> list[Person]:
    text = doc.text
    places = [(p.start, p.end) for p in doc._.places or []]
    spans: dict[tuple[int, int], bool] = {}
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
    people: list[Person] = []
    keys: list[frozenset[str]] = []
    for (s, e) in sorted(spans):
        name = text[s:e]
        words = name.split()
        if len(words) < 2 or any(ps <= s and e <= pe for ps, pe in places):
            continue
        key = frozenset(fold(w) for w in words)
        sent_end = next((se for ss, se in doc._.sentences or [] if ss <= s < se), len(text))
        role, org = apposition(text, e, sent_end, r, places)
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
