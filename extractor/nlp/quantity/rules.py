"""One language's quantity vocabulary, compiled once from ``models/*/quantity_*.jsonl``.

The code of the other modules only knows positions and distances; every word it looks
for comes from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractor.nlp.data import load_jsonl, phrases
from extractor.nlp.numbers import SPACES, grammar


COMPARATOR = {"exact": "=", "approx": "~", "more_than": ">", "at_least": ">=",
              "less_than": "<", "at_most": "<="}


# a year, "end-2025" and "quý IV/2025" too, not a range's end ("2020-2025") or a date's ("30/6/2025")
YEAR = re.compile(r"(?:(?<![\d.,/])(?<!\d-)|(?<=[IV]/))((?:19|20)\d\d)(?![\d/]|-\w)")


QUOTED = re.compile(r"«([^«»]{1,120})»|“([^“”]{1,120})”|\"([^\"\n]{1,120})\"")


WS = f"[\\s{SPACES}]"


def _patterns(rows, key="pattern") -> str:
    """An alternation of the rows' regex fragments, longest first; never-matching when empty."""
    if not rows:
        return "(?!)"
    return "|".join(f"(?:{r[key]})" for r in sorted(rows, key=lambda r: len(r[key]), reverse=True))


def _keyed(rows, key: str) -> str:
    """``_patterns`` of the rows that carry ``key`` (one data file holds several kinds of row)."""
    return _patterns([r for r in rows if key in r], key)


@dataclass
class Rules:
    """One language's compiled quantity vocabulary."""

    grammar: object
    units_after: list[tuple[re.Pattern, str, str | None]]
    units_before: re.Pattern | None
    prefix_currency: dict[str, str]
    qual_before: re.Pattern | None
    qual_before_map: dict[str, str]
    qual_after: re.Pattern | None
    qual_after_map: dict[str, str]
    change_before: re.Pattern | None
    change_after: re.Pattern | None
    no_change: re.Pattern | None
    not_before: re.Pattern | None
    not_after: re.Pattern | None
    not_around: list[tuple[re.Pattern, re.Pattern]]  # the words either side of a ratio's base: "pour # habitants"
    range_open: re.Pattern | None
    range_join: re.Pattern | None
    range_move: re.Pattern | None   # a verb of change before "from": "raise coverage from 90% to 95%"
    move_join: re.Pattern | None    # what joins the two levels of a move ("to", "lên", "à")
    range_bare: re.Pattern | None
    cues: list[tuple[re.Pattern, str, str, bool]]  # pattern, kind, position, future years only
    bracket_cue: re.Pattern | None  # a goal noun whose value follows in brackets: "chỉ tiêu … (91,5%)"
    named_cue: re.Pattern | None    # a goal noun that names its value: "mục tiêu 2,5%", "82,5%/91,2% … kế hoạch"
    plan_year: re.Pattern | None    # the year of a plan the article reports on: "the Plan for 2025", "kế hoạch … năm 2026"
    counted: re.Pattern | None      # what a count of goals counts: "18 specific targets", "5 quan điểm"
    including: re.Pattern | None    # after counted goals, the words that list them: "…, parmi lesquels", "including"
    subset_opener: re.Pattern | None  # a sentence that opens on the parts of what came before: "In which, …", "Trong đó, …"
    achieved: re.Pattern | None     # a result already reached: "has reached", "a atteint", "đã đạt"
    reported: re.Pattern | None     # a past verb after the subject: "… people were covered", "đã tham gia"
    speaker: re.Pattern | None      # a first-person word that makes a quote speech, not a name ("« Nous visons … »")
    now: re.Pattern | None          # a word right after a number that dates it to the present ("91% hiện nay")
    respectively: re.Pattern | None  # "lần lượt là 35%, 29,5% và 92%": numbers in the order of a series before
    apposition: re.Pattern | None   # a restatement of the number before: ", soit 92 %", ", or 95 per cent"
    clause_break: re.Pattern | None
    coordinator: re.Pattern | None
    list_sep: re.Pattern | None
    indicator: re.Pattern | None    # what a goal stated as a sentence of its own opens with: "Tỷ lệ …", "The rate of …"
    present: re.Pattern | None
    follow: re.Pattern | None       # a sentence opener that takes up a goal just announced: "Theo đó,"
    relative_years: list[tuple[re.Pattern, int]]
    metric_tags: list[tuple[re.Pattern, str]]
    columns: list[tuple[re.Pattern, str]]  # table header words and the role of their column: index, goal, result
    months: dict[str, int]
    date_re: re.Pattern | None
    ends: re.Pattern | None
    asof_cue: re.Pattern | None
    year_prefix: re.Pattern | None
    deadline_date: re.Pattern | None  # "đến ngày 31/12/2025", "đến tháng 12/2025", "by 31/12/2025": a date as a deadline
    deadline_word: re.Pattern | None  # a deadline phrase's opening word: "by", "d'ici", "đến"
    term_word: re.Pattern | None  # a term or period before a range of years: "nhiệm kỳ", "period"
    baseline: re.Pattern | None     # what a year compared against follows: "so với năm 2024", "compared to 2024"
    scope: re.Pattern | None
    fields: dict = field(default_factory=dict)


def _by_tag(rows) -> list[tuple[re.Pattern, str]]:
    """One pattern per metric tag (its rows' alternation, longest first): a scan per tag,
    not per row."""
    tags: dict[str, list] = {}
    for r in rows:
        tags.setdefault(r["tag"], []).append(r)
    return [(re.compile(f"(?<!\\w)(?:{_patterns(group)})", re.I), tag) for tag, group in tags.items()]


def _rx(pattern: str, flags=re.I) -> re.Pattern | None:
    return re.compile(pattern, flags) if pattern else None


@lru_cache(maxsize=None)
def rules(lang: str) -> Rules:
    """Compile ``models/common`` + ``models/LANG`` quantity data once per language."""
    units = load_jsonl("quantity_units", lang)
    after = [r for r in units if r.get("position", "after") == "after"]
    before = [r for r in units if r.get("position") == "before"]
    fraction = "|".join(f"{WS}*(?:{r['pattern']})" for r in after if r["unit"] in ("percent", "percentage_point"))
    prefix = "|".join(r["pattern"] for r in before)
    g = grammar(lang, fraction, prefix, "|".join(f"{WS}*(?:{r['pattern']})(?!\\w)" for r in after))
    quals = load_jsonl("quantity_qualifiers", lang)
    qb = {r["text"].lower(): r["qualifier"] for r in quals if r.get("position", "before") == "before"}
    qa = {r["text"].lower(): r["qualifier"] for r in quals if r.get("position") == "after"}
    changes = load_jsonl("quantity_changes", lang)
    nots = load_jsonl("quantity_not", lang)
    ranges = load_jsonl("quantity_ranges", lang)
    cues = load_jsonl("quantity_cues", lang)
    including = _patterns([r for r in cues if r.get("position") == "including"])
    dates = load_jsonl("quantity_dates", lang)
    clauses = load_jsonl("quantity_clauses", lang)
    months = {r["month"].lower(): int(r["n"]) for r in dates if "month" in r}
    ends = [r["end"] for r in dates if "end" in r]
    links = [r["year_link"] for r in dates if "year_link" in r]
    year_link = f"(?:(?:{phrases(links)}){WS}+)?" if links else ""
    month_alt = phrases(months)
    date_re = None
    if months:
        date_re = re.compile(
            rf"(?:(?P<end>{phrases(ends)}){WS}+(?:(?:de|of|du){WS}+)?)?"
            rf"(?:(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?{WS}+)?(?P<m>{month_alt})(?!\w)"
            rf"(?:{WS}+(?P<d2>\d{{1,2}})(?!\d))?(?:,?{WS}+{year_link}(?P<y>(?:19|20)\d\d))?", re.I)
    return Rules(
        grammar=g,
        # "5 billion dong", and the compound "a 412,500 million-dong revenue"
        units_after=[(re.compile(f"(?:{WS}*|-)(?:{r['pattern']})(?!\\w)", re.I), r["unit"], r.get("currency"))
                     for r in sorted(after, key=lambda r: len(r["pattern"]), reverse=True)],
        units_before=_rx(f"(?<!\\w)({prefix}){WS}?$") if prefix else None,
        prefix_currency={r["pattern"]: r.get("currency") for r in before},
        qual_before=_rx(f"(?<!\\w)({phrases(qb)}){WS}*$") if qb else None,
        qual_before_map=qb,
        qual_after=_rx(f"{WS}*({phrases(qa)})(?!\\w)") if qa else None,
        qual_after_map=qa,
        change_before=_rx(f"(?<!\\w)({_patterns([r for r in changes if r.get('position', 'before') == 'before'])}){WS}*$"),
        no_change=_rx(f"(?:{_patterns([r for r in changes if r.get('change') is False])})"),
        change_after=_rx(f"{WS}*({_patterns([r for r in changes if r.get('position') == 'after'])})(?!\\w)"),
        not_before=_rx(f"(?<!\\w)(?:{_patterns([r for r in nots if r.get('position') == 'before'])}){WS}*$"),
        not_after=_rx(f"^{WS}*(?:{_patterns([r for r in nots if r.get('position', 'after') == 'after'])})(?!\\w)"),
        not_around=[(re.compile(f"(?<!\\w)(?:{before.strip()}){WS}*$", re.I),
                     re.compile(f"^{WS}*(?:{after.strip()})(?!\\w)", re.I))
                    for before, after in (row["pattern"].split("#") for row in nots if row.get("position") == "around")],
        range_open=_rx(f"(?<!\\w)(?:{_keyed(ranges, 'open')}){WS}*$"),
        range_join=_rx(f"^{WS}*(?:{_keyed(ranges, 'join')}){WS}*$"),
        range_move=_rx(f"(?<!\\w)(?:{_keyed(ranges, 'move')})(?!\\w)[^.;:!?\\d]{{0,100}}$") if any("move" in x for x in ranges) else None,
        move_join=_rx(f"^{WS}*(?:{_keyed(ranges, 'move_join')}){WS}*$") if any("move_join" in x for x in ranges) else None,
        range_bare=_rx(f"^{WS}*(?:{_patterns([r for r in ranges if r.get('bare')], 'join')}){WS}*$"),
        cues=[(re.compile(f"(?<!\\w)(?:{r['pattern']})(?!\\w)", re.I), r.get("kind", "target"),
               r.get("position", "before"), bool(r.get("future"))) for r in cues
              if r.get("position") not in ("bracket", "named", "counted", "including")],
        bracket_cue=_rx(f"(?<!\\w)(?:{_patterns([r for r in cues if r.get('position') == 'bracket'])})(?!\\w)"),
        named_cue=_rx(f"(?<!\\w)(?:{_patterns([r for r in cues if r.get('position') == 'named'])})(?!\\w)"),
        counted=_rx(f"{WS}+(?:{_patterns([r for r in cues if r.get('position') == 'counted'])})(?!\\w)"),
        subset_opener=_rx(f"\\s*(?:{including})\\s*,"),
        including=_rx(f"[^.;:\\d]{{0,40}}?(?<!\\w)(?:{including})(?!\\w)"),
        # ", soit près de 22 millions", "people or 37.7%", "(tương đương 820.000": the restating word,
        # after a comma or at most two words and a bracket, then at most five words (", soit un taux de couverture de")
        apposition=_rx(f"^(?:[^;.!?\\d]{{0,80}}?,\\s*|\\s*(?:[^\\W\\d]+\\s+){{0,2}}\\(?)(?:{_keyed(clauses, 'apposition')})"
                       f"(?:\\s+[^\\W\\d]+){{0,2}}[\\s(]*$"),
        clause_break=_rx(_keyed(clauses, "pattern")),
        coordinator=_rx(f"(?<!\\w)(?:{_keyed(clauses, 'and')})(?!\\w)"),
        list_sep=_rx(_keyed(clauses, "list")),
        # "Tỷ lệ …", "The rate of …", after a list mark or a topic ("As for schooling, the rate …")
        indicator=_rx(f"(?:[-•*–+▪·]\\s*|\\(?\\d{{1,2}}[.)]\\s*)?(?:(?:{_keyed(clauses, 'topic')})[^,.;:\\d]{{1,60}},\\s*)?"
                      f"(?:{_keyed(clauses, 'indicator')})(?!\\w)"),
        present=_rx(f"(?<!\\w)(?:{_keyed(clauses, 'present')})(?!\\w)"),
        achieved=_rx(f"(?<!\\w)(?:{_keyed(clauses, 'achieved')})(?!\\w)"),
        reported=_rx(f"(?<!\\w)(?:{_keyed(clauses, 'reported')})(?!\\w)") if any("reported" in c for c in clauses) else None,
        respectively=_rx(f"(?<!\\w)(?:{_keyed(clauses, 'respectively')})(?!\\w)") if any("respectively" in c for c in clauses) else None,
        now=_rx(f"\\s(?:{_keyed(clauses, 'now')})(?!\\w)") if any("now" in c for c in clauses) else None,
        speaker=_rx(f"(?<!\\w)(?:{_keyed(clauses, 'speaker')})(?!\\w)") if any("speaker" in c for c in clauses) else None,
        follow=_rx(f"\\s*(?:{_keyed(clauses, 'follow')})(?!\\w)"),
        relative_years=[(re.compile(f"(?<!\\w)(?:{r['pattern']})(?!\\w)", re.I), int(r["offset"]))
                        for r in load_jsonl("quantity_years", lang)],
        metric_tags=_by_tag(load_jsonl("quantity_metrics", lang)),
        columns=[(re.compile(row["pattern"], re.I), row["role"]) for row in load_jsonl("quantity_columns", lang)],
        months=months,
        date_re=date_re,
        ends=_rx(f"(?:{phrases(ends)}){WS}*$") if ends else None,
        asof_cue=_rx(phrases([r["asof"] for r in dates if "asof" in r])),
        plan_year=_rx(f"(?<!\\w)(?:{_keyed(dates, 'plan_year')})(?!\\d)") if any("plan_year" in r for r in dates) else None,
        deadline_date=_rx(f"(?<!\\w)(?:{_keyed(dates, 'deadline')}){WS}+(?:\\d{{1,2}}[/.])?\\d{{1,2}}[/.]((?:19|20)\\d\\d)")
        if any("deadline" in r for r in dates) else None,
        deadline_word=_rx(f"(?<!\\w)(?:{_keyed(dates, 'deadline')})(?!\\w)") if any("deadline" in r for r in dates) else None,
        term_word=_rx(f"(?<!\\w)(?:{_keyed(dates, 'term')})\\s*$") if any("term" in r for r in dates) else None,
        baseline=_rx(f"(?<!\\w)(?:{_keyed(dates, 'baseline')}){WS}*$") if any("baseline" in r for r in dates) else None,
        year_prefix=_rx(f"(?<!\\w)(?:{phrases([r['year_prefix'] for r in dates if 'year_prefix' in r])})"
                        f"{WS}+((?:19|20)\\d\\d)(?![\\d/])"),
        scope=_rx(_patterns(load_jsonl("quantity_scope", lang))),
    )
