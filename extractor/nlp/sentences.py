"""Sentence boundaries by rule, on characters, so every language gets the same spans.

Blank spaCy pipelines (en, vi) have no reliable sentence splitter and Vietnamese
tokenisation without a segmenter leaves punctuation glued to words, so we split on
the text itself: paragraph breaks always end a sentence, and so does a line break, unless the line
goes on in lower case after a word (a hard-wrapped page); ``. ! ? …`` end one when an
upper-case letter, digit or opening quote follows, unless the word before the stop is
a known abbreviation (``M.``, ``TP.``, ``No.`` … from ``models/*/abbreviations.jsonl``)
or a list item's number ("1. …");
a stop glued to a capitalised word ("Têt.Pour", "93,8%.Nguyên", "người).Để") ends one
after a lower-case word, a per-cent sign or a closing bracket, not inside "TP.HCM" or "U.S.".
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp import doc as _doc  # noqa: F401  (registers the Doc extensions)
from extractor.nlp.data import load_jsonl

_STOP = re.compile(r"[.!?…]+[\"”»’)]*(?=\s+[\"“«‘(]?[\w\d])|[.!?…]+[\"”»’)]*\s*$|\n\s*\n|\n"
                   # "… au Têt.Pour le financer": pages that lost the space after a stop
                   r"|(?:(?<=[^\W\d_][^\W\d_A-ZĐ])|(?<=[)%”]))[.!?](?=[A-ZĐ][^\W\d_A-Z])", re.M)


# a list item's or a section's number: "1.", "(2).", "II.", "Điều 3.", "Article 4."
_ITEM_NUMBER = re.compile(r"\s*(?:\(?\d{1,2}\)?|[IVX]{1,4}|[A-ZĐ][^\W\d]*\s+\d{1,3})")


def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(row["text"].lower() for row in load_jsonl("abbreviations", lang))


def split(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sentence (start, end) spans over ``text``, whitespace trimmed, none empty."""
    spans, start = [], 0
    for m in _STOP.finditer(text):
        end = m.end()
        if m.group(0) == "\n" and _wrapped(text, m.start()):
            continue
        if m.group(0).startswith(".") and "\n" not in m.group(0):
            word = re.search(r"(\S+)$", text[start:m.start()])
            prev = word.group(1).lower() if word else ""
            initial = len(prev) == 1 and text[m.start() - 1].isupper()
            if prev + "." in abbreviations or initial:
                continue
            if _ITEM_NUMBER.fullmatch(text, start, m.start()):
                continue  # "1. Gross domestic product …", "II. Nhiệm vụ …": an item's or section's number opens its sentence
            nxt = text[end:end + 3].lstrip()
            if nxt[:1].islower():
                continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _wrapped(text: str, pos: int) -> bool:
    """A line break inside a sentence of a hard-wrapped page: the line ends on no stop or
    colon and the next one goes on in lower case ("spent nearly 14\\nbillion VND")."""
    before, after = text[pos - 1:pos], text[pos + 1:pos + 2]
    return before.isalnum() and after.islower()


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    if not chunk.strip():
        return
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    spans.append((start + lead, end - trail))


@Language.factory("coverage_sentences", default_config={"lang": "xx"})
def make_sentences(nlp: Language, name: str, lang: str):
    abbreviations = _abbreviations(lang)

    def component(doc: Doc) -> Doc:
        doc._.sentences = split(doc._.text, abbreviations)
        return doc

    return component
