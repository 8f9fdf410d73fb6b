"""Figure or target: which quantities the text presents as goals, and by which year.

Goal cues govern the numbers after them in their clause; deadline and plan phrases the
number just before them; a goal noun its value in brackets; a restatement shares its
neighbour's reading. Goals stated across sentences (plans in prose, lists under a
lead-in, a sentence on the parts of the goal before) are read by ``plans.py``.
"""
from __future__ import annotations

import re

from extractor.nlp.quantity.clauses import ANY_YEAR, Item, bracket_after, clauses
from extractor.nlp.quantity.cues import cue_marks, present_after_semicolon
from extractor.nlp.quantity.deadlines import past_year
from extractor.nlp.quantity.plans import listed_goals, prose_goals, subset_sentences
from extractor.nlp.quantity.rules import Rules


REPORTED_REACH = 60  # characters after a number in which a past verb makes it a result, not a goal
PRESENT_AFTER = 40   # … and in which, after a ';', a word of the present ("aujourd'hui") makes it one


def decide_targets(text: str, items: list[Item], r: Rules, year_now: int | None, title: str = "",
                   sentences: list[tuple[int, int]] = ()) -> None:
    """Mark the goals among the clause's numbers.

    A cue after a number ("… the province wants to reach", "d'ici 2030", "kế hoạch
    năm") decides the number just before it; the closest such cue wins. A target cue
    before numbers ("objectif", "aims to", "phấn đấu") governs the first number after
    it, and the next ones while they are joined to it by a coordinator ("… 93,5% và
    … 17%"), so "chỉ tiêu 95,3% … khoảng 1,1 điểm" leaves the gap a figure.

    A goal phrase that opens a new coordinated verb phrase with its own number ("stood
    at 99.1% and aims to reach 100 per cent") governs that number, not the one before
    it; a cue that completes the number before it ("76,3% kế hoạch giao") governs
    nothing after it.
    """
    # "striving to achieve 18 specific targets", "đề ra 5 quan điểm": counts of goals, by item
    counted = {id(it): m for it in items if it.unit == "count" and r.counted and (m := r.counted.match(text, it.end))}
    by_clause: dict[tuple[int, int], list[Item]] = {}
    for it in items:
        by_clause.setdefault(it.clause, []).append(it)
    for (cs, ce), group in by_clause.items():
        marks = cue_marks(text, cs, ce, r, year_now)
        fixed: set[int] = set()   # decided by a deadline/goal phrase right after them
        weak: set[int] = set()    # "76,3% kế hoạch năm": a figure unless a goal verb governs it
        attached: set[int] = set()  # where a cue completing the number before it starts
        for s, e, kind, pos in marks:
            if pos != "after":
                continue
            prev = [i for i, it in enumerate(group) if it.end <= s]
            if prev and s - group[prev[-1]].end <= 60 and prev[-1] not in fixed | weak:
                gap = text[group[prev[-1]].end:s]
                nxt = [it for it in group if e <= it.start <= e + 40]
                if nxt and (r.coordinator and r.coordinator.search(gap) or "," in gap and ANY_YEAR.search(text, s, e)):
                    continue  # "92,6%, … đến hết năm 2025 nâng … lên 95%": the deadline opens the next one's phrase
                if nxt and r.achieved and r.achieved.search(text, e, nxt[0].start):
                    continue  # "…, đến năm 2020 đã tăng lên 500 người": the phrase dates the next result
                if kind == "target" and _figure_cue_before(group, prev[-1], marks):
                    continue  # "could rise to VND 1,300 trillion by 2030": a forecast, whatever its deadline
                group[prev[-1]].target = kind == "target"
                (fixed if kind == "target" else weak).add(prev[-1])
                attached.add(s)
                if kind == "target":  # "will rise to 95% and 90% by 2030": the pair's deadline
                    fixed |= _coordinated_before(text, group, prev[-1], r)
                    fixed |= _series_after(text, group, e, ce, fixed | weak, r)
        counted_ends = [counted[id(it)].end() for it in group if id(it) in counted]
        for s, e, kind, pos in marks:
            if pos == "after" or kind == "none" or s in attached:
                continue
            if any(s < end and e <= end for end in counted_ends):
                continue  # "one among 12 targets of the Resolution …": goals counted, none stated
            following = [i for i, it in enumerate(group) if it.num.start >= e]  # its qualifier may end the cue
            for n, i in enumerate(following):
                joined = n and group[i].range_with is group[following[n - 1]]  # "37-38%"
                gap = text[group[following[n - 1]].end:group[i].start] if n else ""
                if n and not joined and (not _continues_goal(gap, r) or (r.achieved and r.achieved.search(gap))):
                    break  # "Với chỉ tiêu 2.000 người, đến nay đã phát triển được 1.500 người": a result
                if not n and r.achieved and r.achieved.search(text, e, group[i].end):
                    break  # "as for the targets, participants have reached 512,300": a result
                if not n and r.reported and r.reported.search(text, group[i].end, min(ce, group[i].end + REPORTED_REACH)):
                    break  # "By the end of 2013, over 1.16 million people were covered": a past result
                if not n and any(p2 == "before" and k2 == "figure" and e <= s2 < group[i].start
                                 for s2, _, k2, p2 in marks):
                    break  # "By the end of 2025, coverage is estimated to reach 45.1%": the nearer cue decides
                if n and i in weak:
                    break  # "… chỉ tiêu 3.335 người, đạt 86% kế hoạch": a share of the plan ends the list
                if i not in fixed:
                    group[i].target = kind == "target"
                    fixed.add(i)
    carried = _announced_goals(text, items, r, year_now, sentences, set(counted)) \
        | _goals_past_semicolon(text, items, r, year_now) | subset_sentences(text, items, r)
    for i, (a, b) in enumerate(zip(items, items[1:])):
        gap = text[a.end:b.start]
        if not a.target or b.target is not None or a.sentence != b.sentence:
            continue
        # a bound in an aside on the goal: "75,5 (số năm sống khỏe mạnh ≥ 68)", not "(the country has 9)"
        aside = re.fullmatch(r"\s*\([^()]*", gap) and r.qual_before and r.qual_before.search(text, a.end, b.num.start)
        if a.clause != b.clause and (";" in gap or aside) and len(gap) <= 120 \
                and not _aside_on_result(text, items, i, gap) and not present_after_semicolon(gap, r) \
                and not (year_now and past_year(gap, year_now)):
            b.target = True  # a goal's list goes on past ";": "… có 40% …; tỷ lệ tham gia BHTN đạt 30%"
            carried.add(i + 1)
        elif i in carried and a.clause == b.clause and (b.range_with is a or _continues_goal(gap, r)):
            b.target = True  # "…; năm 2023 là 38%, 31,5% và 93%", "…; 33-34 percent": the whole carried list
            carried.add(i + 1)
    listed_goals(text, items, r, year_now, title)
    _apposed_goals(text, items, r)  # a goal's conversion in brackets is a goal before prose goes on from it
    prose_goals(text, items, r, year_now, sentences)  # after the list: a plan's list may go on in prose
    # after the list: a goal in brackets or after a slash sits beside its result and starts no list
    _bracketed_goals(text, items, r)
    _named_bracket_goals(text, items, r, year_now)
    _named_goals(text, items, r)
    _slashed_goals(text, items, r)
    _apposed_goals(text, items, r)
    for n, it in enumerate(items):  # "nâng tỷ lệ từ 91% (hiện nay) lên 95%": a level said to stand now is where a move starts
        if it.target and (it.moved_from or r.now and r.now.match(text, it.end)):
            it.target = False
            if it.moved_from and n + 1 < len(items) and items[n + 1].target is None:
                items[n + 1].target = True  # the cue that took the start governs the level it moves to
    for it in items:  # "phấn đấu đạt 37–38%": both ends of a range are the goal
        if it.range_with is not None and it.range_with.target and not it.target:
            it.target = True
    for n, it in enumerate(items):  # how many goals is no goal
        count = counted.get(id(it))
        if count:
            it.target = False
            if _lists_them(text, count.end(), r):
                # "15 indicateurs, parmi lesquels une croissance d'au moins 10 %"
                _included_goals(items[n + 1:], it.sentence)


def _series_after(text: str, group: list[Item], end: int, clause_end: int, decided: set[int], r: Rules) -> set[int]:
    """"55 percent … by 2027 and 80 percent in 2030": the number a coordinator joins right after a
    goal's deadline phrase (ending at ``end``) goes on with the series, unless the present follows
    it. Marks it a goal; returns its position in ``group``."""
    after = next((i for i, it in enumerate(group) if it.start >= end), None)
    if after is None or after in decided or not r.coordinator \
            or not r.coordinator.fullmatch(text[end:group[after].start].strip(" ,")):
        return set()
    nxt = group[after]
    if r.present and r.present.search(text, nxt.end, min(clause_end, nxt.end + PRESENT_AFTER)):
        return set()
    nxt.target = True
    return {after}


def _aside_on_result(text: str, items: list[Item], i: int, gap: str) -> bool:
    """Is ``items[i]`` a goal in an aside that closes before the ';' and speaks of a result
    ("đạt 100% (mục tiêu nhiệm kỳ là 92%); tỷ lệ …")? The list after the ';' is then of results;
    an aside on a goal ("tuổi thọ 76 (… ≥ 69); 100% …") goes on with the goals."""
    if ")" not in gap.split(";", 1)[0]:
        return False
    a = items[i]
    opened = text.rfind("(", a.sentence[0], a.start)
    before = [it for it in items[:i] if it.sentence == a.sentence and it.end <= opened]
    return not (before and before[-1].target)


def _coordinated_before(text: str, group: list[Item], last: int, r: Rules) -> set[int]:
    """The numbers joined to ``group[last]`` by nothing but a coordinator or a comma ("95
    percent and 90 percent", "45 %, 35 % et 30 %"), which a goal phrase after the last one
    governs as well. Returns their positions."""
    found = set()
    for i in range(last - 1, -1, -1):
        gap = text[group[i].end:group[i + 1].start].strip(" ,")
        if group[i].target is not None or group[i].unit != group[last].unit \
                or not (not gap or (r.coordinator and r.coordinator.fullmatch(gap))):
            break
        group[i].target = True
        found.add(i)
    return found


INCLUDING_GAP = 30  # characters from a count of goals to the word that lists them ("12 targets for 2025, including")
_DEADLINE_ONLY = re.compile(r"[^\d.;:!?]*?(?:(?:19|20)\d\d[^\d.;:!?]*?)?")


def _figure_cue_before(group: list[Item], i: int, marks: list[tuple[int, int, str, str]]) -> bool:
    """Is the last cue between number ``i`` and the number before it a figure cue ("is
    projected to", "est estimé à"), not a goal cue ("now targets")?"""
    lo = group[i - 1].end if i else group[i].clause[0]
    before = [kind for s, _, kind, pos in marks if pos == "before" and lo <= s < group[i].start]
    return bool(before) and before[-1] == "figure"


def _lists_them(text: str, end: int, r: Rules) -> bool:
    """A count of goals ends at ``end``; its listing word or a colon follows at once or after a
    deadline ("12 objectifs pour 2025, dont …", "12 chỉ tiêu đến năm 2025, trong đó …",
    "three targets for 2026: …")."""
    m = r.including.search(text, end, end + INCLUDING_GAP) if r.including else None
    if m and _DEADLINE_ONLY.fullmatch(text, end, m.start()):
        return True
    colon = text.find(":", end, end + INCLUDING_GAP)
    return colon != -1 and bool(_DEADLINE_ONLY.fullmatch(text, end, colon))


def _included_goals(later: list[Item], sentence: tuple[int, int]) -> None:
    """The numbers that a count of goals goes on to list, in its sentence, are those goals
    unless a cue of their own decided them."""
    for it in later:
        if it.sentence != sentence:
            return
        if it.target is None:
            it.target = True


def _goals_past_semicolon(text: str, items: list[Item], r: Rules, year_now: int | None) -> set[int]:
    """A goal cue whose clause ends at ';' without a number (its goal was spelled in words or
    was an age: "đặt mục tiêu … có ít nhất một huyện …; 35 xã …") governs the first number
    of the next clause. Returns its position in ``items``: the list goes on from there."""
    found: set[int] = set()
    for n, it in enumerate(items):
        if it.target is not None or it.clause[0] == it.sentence[0]:
            continue
        if n and items[n - 1].sentence == it.sentence:
            continue  # not the sentence's first number
        head = text[it.sentence[0]:it.clause[0]].rstrip()
        if not (head.endswith(";") or text[it.clause[0]:it.start].lstrip().startswith(";")):
            continue
        marks = cue_marks(text, it.sentence[0], it.clause[0], r, year_now)
        if any(kind == "target" and pos == "before" for _, _, kind, pos in marks) \
                and not (r.achieved and r.achieved.search(head)) \
                and not present_after_semicolon(text[it.clause[0]:min(it.clause[1], it.end + PRESENT_AFTER)], r):
            it.target = True
            found.add(n)
    return found


def _announced_goals(text: str, items: list[Item], r: Rules, year_now: int | None,
                     sentences: list[tuple[int, int]], counted: set[int]) -> set[int]:
    """A goal noun ("chỉ tiêu", "targets", not a deadline) with no number after it in its clause
    announces the goals that follow: from the sentence's opening clause, the first number
    later in the sentence ("Về các chỉ tiêu xã hội, tuổi thọ … 74,5 tuổi; tỷ trọng … 25%;
    …"); from its closing clause, the first number of the next sentence when that one takes
    it up ("… với những chỉ tiêu cụ thể. Theo đó, …"). The list after it is carried on past
    ';' as usual. Returns the positions in ``items`` of the numbers it made goals: their
    lists go on as a carried list's do."""
    found: set[int] = set()
    position = {id(it): i for i, it in enumerate(items)}
    for n, sent in enumerate(sentences):
        later = [it for it in items if sent[0] <= it.start < sent[1]]
        for cs, ce in clauses(text, sent, r):
            if not (r.named_cue and r.named_cue.search(text, cs, ce)):
                continue  # no goal noun here: nothing to announce (and no cue scan to pay for)
            goal_ends = [e for s, e, kind, pos in cue_marks(text, cs, ce, r, year_now) if kind == "target"
                         and pos == "before" and r.named_cue and r.named_cue.fullmatch(text, s, e)]
            if not goal_ends or any(goal_ends[-1] <= it.start < ce and id(it) not in counted for it in later):
                continue  # (a count of goals beside the noun, "chỉ tiêu chủ yếu và 4 nhiệm vụ trọng tâm", states none)
            nxt = next((it for it in later if it.start >= ce), None) if cs == sent[0] else None
            taken_up = n + 1 < len(sentences) and r.follow and r.follow.match(text, sentences[n + 1][0])
            if nxt is None and ce == sent[1] and taken_up:
                nxt = next((it for it in items if sentences[n + 1][0] <= it.start < sentences[n + 1][1]), None)
            reached = nxt is not None and r.achieved and r.achieved.search(text, goal_ends[-1], nxt.start)
            if nxt is not None and nxt.target is None and not reached:
                nxt.target = True
                found.add(position[id(nxt)])
    return found


BRACKET_REACH = 160  # characters from a goal noun to the bracketed value it names


def _bracketed_goals(text: str, items: list[Item], r: Rules) -> None:
    """"thấp hơn chỉ tiêu giao tại Quyết định số 12 … (90,5%)", "l'objectif fixé par le plan (95 %)": a
    bracketed number that follows a goal noun, with no other number between (but a margin over
    it: "exceeding the target by 0.6% (92.5%)"), is the goal."""
    if not r.bracket_cue:
        return
    for i, it in enumerate(items):
        if it.target or text[max(0, it.start - 2):it.start].strip() != "(":
            continue
        before = i - 1
        if before >= 0 and items[before].change and items[before].sentence == it.sentence:
            before -= 1  # "exceeding the assigned target by 0.6% (92.5%)": the margin, then the goal
        elif it.target is not None:
            continue
        lo = max(it.sentence[0], it.start - BRACKET_REACH, items[before].end if before >= 0 else 0)
        if r.bracket_cue.search(text, lo, it.start):
            it.target = True


_NAMED_BRACKET = re.compile(r"(?-i:[A-ZĐ])[^\W\d]*\s*\(\s*$")  # a name, then its value: "… Hoa Binh ("


def _named_bracket_goals(text: str, items: list[Item], r: Rules, year_now: int | None) -> None:
    """"The upland provinces should reach the highest rates, for instance Bac Kan and Cao Bang (97
    percent); Lang Son (96.5 percent)", "Le plan vise 100 % pour les hautes terres, notamment Kon Tum
    (98,5 %) …": values in brackets after names are goals when a goal cue before them in
    their sentence governs nothing else, or when they go on from a goal of that list."""
    for n, it in enumerate(items):
        if it.target is not None:
            continue
        lo = items[n - 1].end if n and items[n - 1].sentence == it.sentence else it.sentence[0]
        gap = text[lo:it.start]
        if not _NAMED_BRACKET.search(gap) or (r.achieved and r.achieved.search(gap)) \
                or (r.present and r.present.search(gap)):
            continue
        if lo != it.sentence[0]:
            if items[n - 1].target:
                it.target = True  # the list goes on from a goal
            continue
        marks = cue_marks(text, lo, it.start, r, year_now)
        if any(kind == "target" and pos == "before" for _, _, kind, pos in marks):
            it.target = True


# What may stand between a goal noun and the value it names: "de", "of", "là", a colon.
_NAMING_WORD = re.compile(r"\s*(?:(?:de|d['’]|of|là|:)\s*)?")


def _named_goals(text: str, items: list[Item], r: Rules) -> None:
    """"vượt so với mục tiêu 2,5%", "en deçà de l'objectif de 94 %", "the target of 94%": a
    number a goal noun names right before it (a qualifier may stand between) is the goal,
    even where a longer phrase ("so với mục tiêu", "en deçà de l'objectif") made the noun
    the comparison of a result."""
    if not r.named_cue:
        return
    for it in items:
        if it.target is not None:
            continue
        lo = max(it.sentence[0], it.start - 40)
        nouns = list(r.named_cue.finditer(text, lo, it.start))
        if not nouns:
            continue
        gap = text[nouns[-1].end():it.start]
        qual = r.qual_before.search(gap) if r.qual_before else None
        if _NAMING_WORD.fullmatch(gap[:qual.start()] if qual else gap):
            it.target = True


SLASH_CUE_REACH = 100  # characters around a head-count "X/Y" in which a plan or quota word makes Y the goal
OWN_VALUE_GAP = 15     # a plan word with a number this close after it names a goal of its own ("the target of 100%")


def _plan_word_near(text: str, a: Item, b: Item, r: Rules) -> bool:
    """Is "a/b" a result over its goal? For rates, a plan word anywhere in the sentence says so
    ("Phường A đạt 82,5%/91,2%, phường B …" after "so với chỉ tiêu giao"); a head-count is as
    often a part over its whole, so its plan word must be near and must not name a goal of its
    own ("41,200/43,900 pupils …, not reaching the target of 100%")."""
    if a.unit == "percent":
        return bool(r.named_cue.search(text, *a.sentence))
    lo, hi = max(a.sentence[0], a.start - SLASH_CUE_REACH), min(a.sentence[1], b.end + SLASH_CUE_REACH)
    return any(not re.search(r"\d", text[m.end():m.end() + OWN_VALUE_GAP]) for m in r.named_cue.finditer(text, lo, hi))


def _slashed_goals(text: str, items: list[Item], r: Rules) -> None:
    """"đạt 82,5%/91,2%", "1,030/1,200 people … of the assigned target" beside a word for a plan
    or quota: the result over its goal, so the number after the slash is the goal (but not
    "41,200/43,900 pupils", a part of its whole, in a sentence that names a plan further on)."""
    if not r.named_cue:
        return
    for a, b in zip(items, items[1:]):
        if a.unit == b.unit and a.unit in ("percent", "count") and b.target is None \
                and text[a.end:b.start].strip() == "/" and _plan_word_near(text, a, b, r):
            b.target = True


def _apposed_goals(text: str, items: list[Item], r: Rules) -> None:
    """A number restating its neighbour (", soit 92 %", ", or 95 per cent", "(30 % …)") is a
    goal when its neighbour is one, and the other way round."""
    if not r.apposition:
        return
    for a, b in zip(items, items[1:]):
        if a.sentence != b.sentence or not r.apposition.match(text[a.end:b.start]) \
                and not bracket_after(text[a.end:b.start], 2):
            continue
        if a.target and b.target is None:
            b.target = True
        elif b.target and a.target is None:
            a.target = True


SUBSET_GAP = 160  # characters from a goal to the first of its parts after "of which", "trong đó", "dont"


def _continues_goal(gap: str, r: Rules) -> bool:
    """Does a goal still govern the next number after ``gap``? Yes when a coordinator joins
    them ("… 93,5% và … 17%") or a list comma does ("ít nhất 45% …, khoảng 35% … và …"),
    unless the gap brings the present back ("…, hiện đạt 92%", ", up from 90 per cent")."""
    if r.present and r.present.search(gap):
        return False
    if ")" in gap and "(" not in gap:
        return False  # "(kế hoạch năm 2026 là 81 tỷ đồng), đạt 47,6%": the bracket held the goal
    if r.coordinator and r.coordinator.search(gap):
        return True
    if r.including and r.including.search(gap) and len(gap) <= SUBSET_GAP:
        return True  # "… about 48.6% of the workforce, of which compulsory … 42.6%": the goal's parts
    return bool(r.list_sep and r.list_sep.search(gap)) and len(gap) <= 90
