"""Named local initiatives: quoted names next to a cue word, and descriptive names after one.

Three ways an article names an initiative, all driven by data under ``models/``:

* a quoted name right after a cue (``initiative_cues.jsonl``), with only link words
  between them (``initiative_links.jsonl``: "le modèle « X »", "The model, called "X"",
  "mô hình “X”"), or right before one where the language allows it ("the "X" model");
* a list of quoted names after a cue and a list word ("des modèles tels que : « A » à X ;
  « B », « C » à Y"): each further quote joined to the previous by a comma, semicolon
  or list word continues the list;
* an unquoted descriptive name (``initiative_patterns.jsonl``: "le modèle d'entraide
  entre les clans", "the piglet savings model", "mô hình nhóm hộ tương trợ …"),
  kept only when it describes an insurance, savings or mutual-aid mechanism
  (``initiative_topics.jsonl``) and cut at the first word that ends it
  (``initiative_stops.jsonl``).

Only articles that name an insurance have initiatives (a tourism campaign is not one);
the relevance verdict, which counts initiatives, comes later and removes nothing. Later mentions
of the same initiative ("the lotus model") fold into the first. Each is attached to the
place its sentence names, else the nearest place before it, else the article's main
province.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp import doc as _doc  # noqa: F401  (registers the Doc extensions)
from extractor.nlp.data import load_jsonl, phrases
from extractor.nlp.relevance import scorer
from extractor.record import Initiative
from extractor.textutil import strip_accents

MAX_NAME_WORDS = 14
CUED_NAME_WORDS = 26   # a quoted name that a cue announces may be a project's whole title
LIST_GAP = 60          # characters allowed between two quoted names of one list
CUE_GAP = 40           # characters looked at before a quote for its cue
LIST_REACH = 220       # how far back a list word may find its (plural) cue
PLACE_AFTER = 90       # how far after a name a place still belongs to it
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+\S")
# a lower-case word that may qualify a cue after a quoted name: "the "X" savings model"
_MODIFIER = r"(?-i:(?!(?:and|or|of|in|to|at|on|by|for|the|a|an|is|are|was|were|has|have)\s)[a-z][a-z-]+)"
_WORD = re.compile(r"[0-9a-z]+")



@dataclass(frozen=True)
class Rules:
    quote: re.Pattern
    cue_before: re.Pattern | None       # a cue ending the text before a quote
    cue_after: re.Pattern | None        # a cue starting the text after a quote
    cue_any: re.Pattern | None          # any cue, for list words
    cue_lead: re.Pattern | None         # a quoted name that opens with its cue ("“Chương trình tặng …”")
    cue_tail: re.Pattern | None         # a quoted name that ends with its cue ("'Health Insurance Day'")
    topical: re.Pattern | None          # cues whose quoted name must name an insurance ("a contest, "…"")
    list_end: re.Pattern | None         # a list word ending the text before a quote
    list_glue: re.Pattern               # what may join two quoted names of one list
    descriptive: tuple[tuple[re.Pattern, re.Pattern | None, bool, bool, bool], ...]  # pattern, prefix to
    #   strip, lower-case start, a proper name (no topic word needed), topic word anywhere in the sentence
    stops: re.Pattern | None
    topics: re.Pattern | None
    unlike: re.Pattern | None           # a word that makes a model a way of managing, not a scheme to enrol ("management")
    plural: re.Pattern | None           # "nhiều mô hình", "many models": a kind of thing, not a name


def rules(lang: str) -> Rules:
    """Compile a language's initiative rules once."""
    quotes = []
    for i, row in enumerate(load_jsonl("initiative_quotes", lang)):
        o, c = re.escape(row["open"]), re.escape(row["close"])
        if row.get("apostrophe"):
            body = rf"(?:[^{c}\n]|{c}(?=\w))+?"
            quotes.append(rf"(?<!\w){o}(?P<q{i}>(?=\S){body}(?<=\S)){c}(?!\w)")
        else:
            quotes.append(rf"{o}\s*(?P<q{i}>[^{c}\n]+?)\s*{c}")
    cues = load_jsonl("initiative_cues", lang)
    links = load_jsonl("initiative_links", lang)
    all_cues = phrases([r["text"] for r in cues])
    after_cues = phrases([r["text"] for r in cues if r.get("after")])
    topical = phrases([r["text"] for r in cues if r.get("topical")])
    link_words = phrases([r["text"] for r in links])
    list_words = phrases([r["text"] for r in links if r.get("list")])
    gap = rf"(?:[\s,:(–—-]|(?<!\w)(?:{link_words})(?!\w))*" if link_words else r"[\s,:(–—-]*"
    descriptive = tuple(
        (re.compile(row["pattern"], re.I), re.compile(row["strip"], re.I) if row.get("strip") else None,
         bool(row.get("lowercase")), bool(row.get("proper")), bool(row.get("nearby")))
        for row in load_jsonl("initiative_patterns", lang))
    stop_rows = load_jsonl("initiative_stops", lang)
    stops = "|".join(filter(None, [phrases([r["text"] for r in stop_rows if "text" in r]),
                                   *(r["pattern"] for r in stop_rows if "pattern" in r)]))
    topic_rows = load_jsonl("initiative_topics", lang)
    topics = "|".join(filter(None, [phrases([r["text"] for r in topic_rows if "text" in r and not r.get("not")]),
                                    *(r["pattern"] for r in topic_rows if "pattern" in r)]))
    unlike = phrases([r["text"] for r in topic_rows if "text" in r and r.get("not")])
    plurals = phrases([r["text"] for r in load_jsonl("initiative_plurals", lang)])
    return Rules(
        quote=re.compile("|".join(quotes)),
        cue_before=re.compile(rf"(?<!\w)(?P<cue>{all_cues}){gap}$", re.I) if all_cues else None,
        cue_after=re.compile(rf"\s*(?:{_MODIFIER}\s+){{0,2}}?(?P<cue>{after_cues})(?!\w)", re.I) if after_cues else None,
        cue_any=re.compile(rf"(?<!\w)(?:{all_cues})(?!\w)", re.I) if all_cues else None,
        cue_lead=re.compile(rf"(?:{all_cues})\s+\S", re.I) if all_cues else None,
        cue_tail=re.compile(rf"\S\s+(?:{after_cues})$", re.I) if after_cues else None,
        topical=re.compile(rf"(?:{topical})$", re.I) if topical else None,
        list_end=re.compile(rf"(?<!\w)(?:{list_words})[\s:,–—-]*$", re.I) if list_words else None,
        list_glue=re.compile(rf"^(?=.*[,;]|\s*(?:{list_words})\s*$)[^.!?«»“”\"]*$" if list_words
                             else r"^(?=.*[,;])[^.!?«»“”\"]*$", re.I | re.S),
        descriptive=descriptive,
        stops=re.compile(rf"\s(?:{stops})(?!\w)", re.I) if stops else None,
        topics=re.compile(rf"(?<!\w)(?:{topics})", re.I) if topics else None,
        unlike=re.compile(rf"(?<!\w)(?:{unlike})(?!\w)", re.I) if unlike else None,
        plural=re.compile(rf"(?<!\w)(?:{plurals})\s+$", re.I) if plurals else None,
    )


@dataclass
class Candidate:
    name: str
    start: int             # evidence span: cue (when it comes first) through the name's end
    end: int
    name_start: int
    name_end: int


def _is_name(name: str, most: int = MAX_NAME_WORDS) -> bool:
    """A quoted stretch that reads like a name, not like reported speech."""
    words = name.split()
    return 0 < len(words) <= most and not _SENTENCE_INSIDE.search(name) and not name.endswith((".", "!", "?", ","))


def _cue_start(text: str, r: Rules, m: re.Match, name: str, s0: int, s1: int) -> tuple[int | None, int, bool]:
    """Where a quoted name's evidence starts when a cue marks it (None when none does or a
    topical cue's name is about something else), how many words it may hold, and whether
    the cue follows it."""
    before = text[max(s0, m.start() - CUE_GAP):m.start()]
    if r.cue_before and (c := r.cue_before.search(before)):
        if r.topical and r.topical.match(c.group("cue")) and not (r.topics and r.topics.search(name)):
            return None, 0, False  # "le concours « Jeunes reporters »": a contest about something else
        return m.start() - len(before) + c.start("cue"), CUED_NAME_WORDS, False
    topical_name = bool(r.topics and r.topics.search(name))
    if r.cue_lead and r.cue_lead.match(name) and topical_name:
        return m.start(), CUED_NAME_WORDS, False  # the cue opens the quote: "« Programme d'aide … »"
    if r.cue_tail and r.cue_tail.search(name) and topical_name:
        return m.start(), MAX_NAME_WORDS, False  # the cue ends the quote: "'Health Insurance Savings Club'"
    if r.cue_after and (c := r.cue_after.match(text, m.end(), min(s1, m.end() + 30))):
        if r.topical and r.topical.match(c.group("cue")) and not topical_name:
            return None, 0, False  # "the "Zalo" group": a group about something else
        return m.start(), MAX_NAME_WORDS, True
    return None, MAX_NAME_WORDS, False


def quoted(text: str, r: Rules, bounds: tuple[int, int]) -> list[Candidate]:
    """Quoted names in one sentence that a cue (or a running list) marks as initiatives."""
    s0, s1 = bounds
    found: list[Candidate] = []
    prev_end = None
    waiting: Candidate | None = None  # an uncued name that a cue after the next one may take up
    for m in r.quote.finditer(text, s0, s1):
        group = next(g for g in m.groupdict() if m.group(g) is not None)
        ns, ne = m.start(group), m.end(group)
        if text[ne - 1:ne] == "." and text[ne - 2:ne] != ".." and not text[m.end():m.end() + 1].strip() \
                and not text[max(s0, m.start() - 3):m.start()].rstrip().endswith(":"):
            ne -= 1  # the sentence's stop inside the closing quote: "the program “… Lunar New Year.”" (not speech after ':')
        name = text[ns:ne]
        start, most, cue_after = _cue_start(text, r, m, name, s0, s1)  # most 0: a topical cue refused it
        if start is None and most:
            before = text[max(s0, m.start() - CUE_GAP):m.start()]
            if prev_end is not None and m.start() - prev_end <= LIST_GAP and r.list_glue.match(text[prev_end:m.start()]):
                start = m.start()
            elif r.list_end and r.cue_any and r.list_end.search(before) \
                    and r.cue_any.search(text, max(s0, m.start() - LIST_REACH), m.start()):
                start = m.start()
        if start is None:
            found += quoted(text, r, (ns, ne))  # speech may name one: "« Grâce au modèle “X”, … »"
        if start is None or not _is_name(name, most) or name.isupper():  # capitals: a document's title
            prev_end = None
            waiting = Candidate(name.strip(), m.start(), m.end(), ns, ne) if most and _is_name(name) else None
            continue
        end = m.end()
        if cue_after:
            c = r.cue_after.match(text, m.end(), min(s1, m.end() + 30))
            end = m.end() + c.end("cue") - c.start()
            if waiting and m.start() - waiting.end <= LIST_GAP and r.list_glue.match(text[waiting.end:m.start()]):
                found.append(waiting)  # "the “A” and “B” models": the cue after the last names them all
        found.append(Candidate(name.strip(), start, end, ns, ne))
        prev_end, waiting = m.end(), None
    return found


def descriptive(text: str, r: Rules, bounds: tuple[int, int]) -> list[Candidate]:
    """Unquoted names built around a cue, kept when they describe an insurance mechanism."""
    s0, s1 = bounds
    found = []
    for pattern, strip, lowercase, proper, nearby in r.descriptive:
        for m in pattern.finditer(text, s0, s1):
            ns, ne = m.span("name")
            if strip and (p := strip.match(text, ns, ne)):
                ns = p.end()
            if r.stops and (stop := r.stops.search(text, ns - 1, ne)):
                ne = stop.start()
            while ne > ns and not text[ne - 1].isalnum():
                ne -= 1
            name = text[ns:ne]
            if lowercase and name[:1].isupper():
                continue  # "le modèle de Huong Khe …" is a place's model, not a name
            most = CUED_NAME_WORDS if m.start("cue") >= ns else MAX_NAME_WORDS  # a campaign's title holds its cue
            if len(name.split()) < 2 or any(ch.isdigit() for ch in name) or len(name.split()) > most \
                    or proper and sum(w[:1].isupper() for w in name.split()) < 2:
                continue
            if nearby and not (r.topics and r.topics.search(text, s0, s1)):
                continue  # "the Green Summer campaign to repair roads": a capitalised name, no insurance near
            if not proper and not nearby and (not (r.topics and r.topics.search(name))
                                              or not r.topics.sub("", name).strip(" ,-")):
                continue  # no insurance mechanism described, or nothing but the topic ("mô hình an sinh")
            if r.unlike and r.unlike.search(name):
                continue  # "a digital social insurance management model": a way of managing
            if r.plural and r.plural.search(text, max(s0, m.start("cue") - 20), m.start("cue")):
                continue  # "nhiều mô hình …", "many … models": a kind of scheme, not one named
            start, end = min(m.start("cue"), ns), max(m.end("cue"), ne)
            found.append(Candidate(name, start, end, ns, ne))
    return found


STEM_CHARS = 4  # "Leave no one behind" and "Leaving no one behind" are one name


def _tokens(name: str) -> frozenset[str]:
    return frozenset(w[:STEM_CHARS] for w in _WORD.findall(strip_accents(name).lower()))


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


def _place_for(doc: Doc, c: Candidate, sent: tuple[int, int]):
    """The place an initiative runs in: named right after it in its clause, else before it."""
    places = sorted(doc._.places or [], key=lambda p: p.start)
    clause_end = sent[1]
    semi = doc._.text.find(";", c.end, sent[1])
    if semi != -1:
        clause_end = semi
    after = [p for p in places if c.end <= p.start < min(clause_end, c.end + PLACE_AFTER)]
    if after:
        return after[0]
    inside = [p for p in places if c.name_start <= p.start and p.end <= c.name_end]
    if inside:
        return inside[0]
    before = [p for p in places if p.end <= c.start]
    return before[-1] if before else None


def _initiatives(doc: Doc, r: Rules) -> list[Initiative]:
    text = doc._.text
    items: list[Initiative] = []
    keys: list[frozenset[str]] = []
    taken: list[tuple[int, int]] = []
    main = (doc._.provinces or [None])[0]
    quotes, described = [], []
    for sent in doc._.sentences or [(0, len(text))]:
        cands = quoted(text, r, sent)
        quotes += [(c, sent) for c in cands]
        described += [(d, sent) for d in descriptive(text, r, sent)
                      if not any(q.start <= d.name_start < q.end or d.start <= q.name_start < d.end for q in cands)]
    # A quoted name is the surest: it goes first, and a descriptive mention it contains folds into it.
    for c, sent in sorted(quotes, key=lambda cs: cs[0].start) + sorted(described, key=lambda cs: cs[0].start):
        key = _tokens(c.name)
        if any(_same(key, k) for k in keys) or any(s <= c.start < e for s, e in taken):
            continue
        place = _place_for(doc, c, sent)
        items.append(Initiative(
            name=c.name, text=text[c.start:c.end], start=c.start, end=c.end,
            locality=place.name if place else None,
            province=(place.province if place and place.province else main),
        ))
        keys.append(key)
        taken.append((c.start, c.end))
    items.sort(key=lambda i: i.start)
    return items + _headline_only(doc._.title or "", r, keys, main)


def _headline_only(title: str, r: Rules, keys: list[frozenset[str]], province: str | None) -> list[Initiative]:
    """An initiative the headline names and the body only refers to ("Phát động chương trình “X”"
    over "Chương trình được triển khai …"): kept with the headline's words as its evidence."""
    found = []
    bounds = (0, len(title))
    for c in quoted(title, r, bounds) + descriptive(title, r, bounds):
        key = _tokens(c.name)
        if any(_same(key, k) for k in keys):
            continue
        keys.append(key)
        found.append(Initiative(name=c.name, text=title[c.start:c.end], start=0, end=0, in_title=True,
                                province=province))
    return found


@Language.factory("coverage_initiatives", default_config={"lang": "xx"})
def make_initiatives(nlp: Language, name: str, lang: str):
    r = rules(lang)
    topic = scorer(lang).terms

    def component(doc: Doc) -> Doc:
        named = topic is not None and (topic.search(doc._.text) or topic.search(doc._.title or ""))
        doc._.initiatives = _initiatives(doc, r) if named else []
        return doc

    return component

