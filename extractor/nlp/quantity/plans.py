"""Goals stated across sentences: a sentence that opens on the parts or details of the goal
just stated, a plan written in prose, and list items under a lead-in that announces goals.
"""
from __future__ import annotations

from extractor.nlp.quantity.clauses import Item
from extractor.nlp.quantity.cues import cue_marks, present_after_semicolon
from extractor.nlp.quantity.deadlines import past_year
from extractor.nlp.quantity.rules import Rules


def subset_sentences(text: str, items: list[Item], r: Rules) -> set[int]:
    """A sentence that opens on the parts of the goal just stated ("… GRDP growth of 9-9.5%.
    In which, industry 11-12%, …", "… 95% dân số tham gia BHYT. Trong đó, …") or on its
    details ("In detail, …", "Cụ thể, …") goes on with it: its first number is a goal unless
    its own cue, a result or the present decided it. Returns its position in ``items``: the
    list goes on from there."""
    found: set[int] = set()
    if not r.subset_opener:
        return found
    for n, (a, b) in enumerate(zip(items, items[1:]), start=1):
        if not a.target or b.target is not None or a.sentence == b.sentence:
            continue
        opener = r.subset_opener.match(text, b.sentence[0]) or (r.follow and r.follow.match(text, b.sentence[0]))
        if not opener or a.sentence[1] > b.sentence[0] or text.count("\n", a.end, b.start) > 1:
            continue
        lead = text[opener.end():b.start]
        if (r.achieved and r.achieved.search(lead)) or (r.present and r.present.search(lead)):
            continue
        b.target = True
        found.add(n)
    return found


PLAN_SENTENCE_WORDS = 35  # a plan's goals stated one to a sentence (or to a clause up to ';') are short declaratives
PARAGRAPH_BREAK = 2  # line breaks between two sentences of one plan: at most one paragraph break


def prose_goals(text: str, items: list[Item], r: Rules, year_now: int | None,
                sentences: list[tuple[int, int]]) -> None:
    """A plan in prose: after a sentence whose numbers are all goals, the next sentences (in its
    paragraph or the next) go on with the goals while each opens with an indicator ("Tỷ lệ …",
    "The rate of …") or with its number ("30% lực lượng lao động …") and has no cue, result,
    present marker or past year of its own ("… đặt mục tiêu đến năm 2030, … đạt 8%/năm. Thu
    nhập bình quân đạt trên 58 triệu đồng/năm. Tỷ lệ hộ nghèo giảm còn 2-3%."); they take
    that sentence's deadline."""
    by_sentence: dict[tuple[int, int], list[Item]] = {}
    for it in items:
        by_sentence.setdefault(it.sentence, []).append(it)
    for prev, cur in _sentence_pairs(text, sentences, by_sentence):
        before, group = by_sentence.get(prev), by_sentence.get(cur)
        if not before or not group or not all(it.target for it in before):
            continue  # a sentence of goals only, not a result set against its goal
        chunk = text[cur[0]:cur[1]]
        opens = (r.indicator and r.indicator.match(chunk)) or (
            not text[cur[0]:group[0].start].strip("-•*–+▪· ") and not text.startswith((".", ")"), group[0].end))
        if not opens or any(it.target is not None for it in group) \
                or max(len(part.split()) for part in chunk.split(";")) > PLAN_SENTENCE_WORDS \
                or (r.achieved and r.achieved.search(chunk)) or present_after_semicolon(chunk, r) \
                or (year_now and past_year(chunk, year_now)):
            continue
        for it in group:
            it.target = True
            it.scope = (before[0].scope[0], it.sentence[1])  # its deadline is the goal-setting sentence's


CAPTION_WORDS = 12  # a line this short, with no number and no final stop, is a photo's caption


Span = tuple[int, int]


def _sentence_pairs(text: str, sentences: list[Span], numbered) -> list[tuple[Span, Span]]:
    """Neighbouring sentences at most a paragraph break apart; a caption line between two
    ("Farmers harvest coffee in the highlands") is stepped over."""
    def near(a: Span, b: Span) -> bool:
        return text.count("\n", a[1], b[0]) <= PARAGRAPH_BREAK

    pairs = []
    for n, cur in enumerate(sentences[1:], start=1):
        prev = sentences[n - 1]
        if n >= 2 and prev not in numbered and _caption(text, prev) and near(sentences[n - 2], prev) \
                and near(prev, cur):
            pairs.append((sentences[n - 2], cur))
        elif near(prev, cur):
            pairs.append((prev, cur))
    return pairs


def _caption(text: str, span: Span) -> bool:
    line = text[span[0]:span[1]].strip()
    return len(line.split()) <= CAPTION_WORDS and not line.endswith((".", "!", "?", ":"))


def listed_goals(text: str, items: list[Item], r: Rules, year_now: int | None, title: str = "") -> None:
    """List items under a lead-in that announces goals ("Targets until 2030 include:", "Mục
    tiêu đến năm 2030:") are goals, unless a cue of their own decided them. A list that opens
    the body has the headline above it as its lead-in too ("Chỉ tiêu phát triển …")."""
    leads: dict[int, bool] = {}
    for it in items:
        if it.target is not None or not it.listed:
            continue
        lo = it.scope[0]
        if lo not in leads:
            end = text.find("\n", lo, it.sentence[0])  # the lead-in's line ("Nghệ An : les objectifs pour 2026")
            if end == -1:
                end = text.find(":", lo, it.sentence[0]) + 1 or it.sentence[0]  # or up to its colon
            marks = cue_marks(text, lo, end, r, year_now)
            if not text[:lo].strip() and title:
                marks += cue_marks(title, 0, len(title), r, year_now)
            leads[lo] = any(kind == "target" for _, _, kind, _ in marks)
        if leads[lo]:
            it.target = True
