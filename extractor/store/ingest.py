"""Records into the store: one transaction per record, idempotent, history kept.

An article is identified by its canonical URL (else the input path). The same text
extracted by the same extractor version is "unchanged" and writes nothing; a changed
text or a newer extractor gives a new revision, and the previous revision's items stay
as history (``items.current = 0``).
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from typing import TYPE_CHECKING

from extractor.errors import ExtractorError
from extractor.record import Record
from extractor.store.backend import fts_insert
from extractor.store.db import now_iso, transaction
from extractor.store.places import known_province
from extractor.textutil import fold, strip_accents

if TYPE_CHECKING:
    from extractor.store import SaveResult

_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


def uid(*parts: object) -> str:
    """A stable short id: the same parts give the same id in every corpus and export."""
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def fts_fold(s: str | None) -> str:
    """Text as the FTS indexes hold it: lower case, no diacritics (đ → d), words kept apart."""
    return strip_accents(s or "").lower()


def identity_of(record: Record) -> str:
    """What makes two records one article: its canonical URL, else the input it came from."""
    identity = record.url or record.input
    if not identity:
        raise ExtractorError("record has neither url nor input: cannot tell which article it is")
    return identity


def save_record(conn: sqlite3.Connection, record: Record, *, fetched_at: str | None = None,
                warc_file: str | None = None, warc_offset: int | None = None,
                http_status: int | None = None, raw: bytes | None = None,
                content_type: str | None = None) -> SaveResult:
    """Store ``record``; see :meth:`extractor.store.Store.save_record`."""
    from extractor.store import SaveResult

    identity = identity_of(record)
    sha = record.content_sha256 or hashlib.sha256(record.text.encode("utf-8")).hexdigest()
    with transaction(conn):
        row = conn.execute(
            "SELECT a.id, a.uid, r.id AS rid, r.content_sha256, r.extractor_version, r.revision_no"
            " FROM articles a LEFT JOIN revisions r ON r.id = a.current_revision_id"
            " WHERE a.identity = ?", (identity,)).fetchone()
        if row and row["content_sha256"] == sha and row["extractor_version"] == record.extractor_version:
            return SaveResult("unchanged", row["id"], row["rid"])
        now = now_iso()
        if row is None:
            article_uid = uid(identity)
            article_id = conn.execute(
                "INSERT INTO articles(uid, identity, url, input, first_seen, last_seen)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (article_uid, identity, record.url, record.input, now, now)).lastrowid
            status, revision_no = "new", 1
        else:
            article_id, article_uid = row["id"], row["uid"]
            status, revision_no = "changed", (row["revision_no"] or 0) + 1
        raw_sha = None
        if raw is not None:
            raw_sha = hashlib.sha256(raw).hexdigest()
            conn.execute("INSERT OR IGNORE INTO raw_pages(sha256, content_type, data) VALUES (?, ?, ?)",
                         (raw_sha, content_type, raw))
        revision_id = conn.execute(
            "INSERT INTO revisions(article_id, revision_no, created_at, fetched_at, extractor_version,"
            " schema_version, content_sha256, language, title, published, source_url, outlet, relevant,"
            " provinces, error, text, http_status, warc_file, warc_offset, raw_sha256)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, revision_no, now, fetched_at, record.extractor_version, record.schema_version,
             sha, record.language, record.title, record.published, record.source_url, record.outlet,
             int(record.relevant), json.dumps(record.provinces, ensure_ascii=False), record.error,
             record.text, http_status, warc_file, warc_offset, raw_sha)).lastrowid
        fts_insert(conn, "revisions_fts", revision_id, {"title": record.title, "text": record.text})
        conn.executemany("INSERT OR IGNORE INTO revision_provinces(revision_id, province, province_key)"
                         " VALUES (?, ?, ?)",
                         [(revision_id, p, fold(p)) for p in record.provinces if fold(p)])
        conn.execute("UPDATE items SET current = 0 WHERE article_id = ? AND current = 1", (article_id,))
        _insert_items(conn, record, article_id, article_uid, revision_id, revision_no)
        conn.execute("UPDATE articles SET current_revision_id = ?, last_seen = ?, url = coalesce(?, url),"
                     " input = coalesce(input, ?) WHERE id = ?",
                     (revision_id, now, record.url, record.input, article_id))
    return SaveResult(status, article_id, revision_id)


def _insert_items(conn: sqlite3.Connection, record: Record, article_id: int, article_uid: str,
                  revision_id: int, revision_no: int) -> None:
    places = _Places(record)
    common = {"revision_id": revision_id, "article_id": article_id, "published": record.published,
              "language": record.language}

    def add(kind: str, n: int, fields: dict, mentions: list | None = None) -> None:
        row = {**common, **fields, "kind": kind, "n": n, "uid": uid(article_uid, revision_no, kind, n)}
        row["province_key"] = fold(row.get("province"))
        row["province_before_key"] = fold(row.get("province_before_2025"))
        if row.get("start") is not None and not row.get("sentence"):
            row["sentence"] = sentence_at(record.text, row["start"], row["end"])
        cols = list(row)
        item_id = conn.execute(
            f"INSERT INTO items({', '.join(_q(c) for c in cols)}) VALUES ({', '.join('?' * len(cols))})",
            [row[c] for c in cols]).lastrowid
        fts_insert(conn, "items_fts", item_id,
                   {"name": row.get("name"),
                    "evidence": " ".join(filter(None, (row.get("text"), row.get("sentence"))))})
        for i, m in enumerate(mentions or []):
            conn.execute('INSERT INTO locality_mentions(item_id, n, text, start, "end", sentence)'
                         " VALUES (?, ?, ?, ?, ?, ?)",
                         (item_id, i, m.text, m.start, m.end, sentence_at(record.text, m.start, m.end)))

    for n, f in enumerate(record.figures):
        add("figure", n, {**_quantity(f), "qualifier": f.qualifier, "as_of": f.as_of,
                          **places.of(f.locality)})
    for n, t in enumerate(record.targets):
        add("target", n, {**_quantity(t), "comparator": t.comparator, "year": t.year,
                          **places.of(t.locality)})
    for n, loc in enumerate(record.localities):
        first = loc.mentions[0] if loc.mentions else None
        province = loc.province or (loc.name if loc.level == "province" else None)
        add("locality", n, {"name": loc.name, "level": loc.level, "code": loc.code, "lat": loc.lat,
                            "lon": loc.lon, "locality": loc.name, "province": province,
                            "province_before_2025": loc.province_before_2025,
                            "text": first.text if first else None, "start": first.start if first else None,
                            "end": first.end if first else None}, loc.mentions)
    for n, ini in enumerate(record.initiatives):
        place = places.of(ini.locality or ini.province)
        if ini.province:
            place["province"] = ini.province
        add("initiative", n, {"name": ini.name, "locality": ini.locality, **place, **_span(ini)})
    for n, p in enumerate(record.people):
        add("person", n, {"name": p.name, "role": p.role, "organization": p.organization,
                          **places.of(None), **_span(p)})


def _q(col: str) -> str:
    return '"end"' if col == "end" else col


def _span(s) -> dict:
    return {"text": s.text, "start": s.start, "end": s.end}


def _quantity(q) -> dict:
    return {**_span(q), "value": q.value, "unit": q.unit, "currency": q.currency, "metric": q.metric,
            "locality": q.locality, "sentence": q.sentence}


class _Places:
    """Which province an item is about: its locality resolved through the record's own
    localities (which carry today's and the pre-2025 province), else through the
    gazetteer, else the article's province when it names exactly one."""

    def __init__(self, record: Record):
        self.by_key = {}
        for loc in record.localities:
            province = loc.province or (loc.name if loc.level == "province" else None)
            self.by_key.setdefault(fold(loc.name), (province, loc.province_before_2025))
        self.default = (record.provinces[0], None) if len(record.provinces) == 1 else (None, None)

    def of(self, locality: str | None) -> dict:
        province, before = self.by_key.get(fold(locality), (None, None)) if locality else (None, None)
        if province is None and locality:
            sc = known_province(locality)
            if sc is not None:
                province, before = sc.today, (sc.name if sc.merged_away else None)
        if province is None:
            province, before = self.default
        return {"province": province, "province_before_2025": before}


def sentence_at(text: str, start: int, end: int) -> str | None:
    """The sentence around ``text[start:end]`` (evidence for readers, not for scoring)."""
    if not text or start is None or end is None or start > len(text):
        return None
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, max(end, start))
    right = m.start() + 1 if m else len(text)
    return text[left:right].strip() or None
