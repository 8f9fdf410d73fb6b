"""One initiative across articles and languages, and articles that tell one story.

Rebuilt from the current items in one transaction (cheap, deterministic, idempotent):
- a *story* groups articles linked by URL: an article and the translation that cites it
  as its source, or several articles citing the same source URL (vietnam.vn publishes
  the French version of a Vietnamese article with "Source: <that article>");
- an *initiative* entry groups mentions whose folded names are alike within one
  province, plus the mentions that translations of one story make in the same order
  (the Vietnamese and French names of one model rarely look alike).
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from extractor.store.backend import restart_ids
from extractor.store.db import transaction
from extractor.store.ingest import uid
from extractor.textutil import fold

SIMILAR = 0.85  # SequenceMatcher ratio over folded names above which two names are one
MAX_FUZZY_BUCKET = 3000  # beyond this, a province bucket matches on exact folded names only


def url_key(url: str | None) -> str:
    """Scheme-, www- and trailing-slash-insensitive form of a URL, for linking articles."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


class _Union:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=str)] = min(ra, rb, key=str)

    def groups(self, items) -> list[list]:
        out = defaultdict(list)
        for x in items:
            out[self.find(x)].append(x)
        return list(out.values())


def refresh(conn: sqlite3.Connection) -> dict:
    """Rebuild stories and the initiative registry; returns counts."""
    with transaction(conn):
        stories = _stories(conn)
        entries = _initiatives(conn)
    return {"stories": stories, "initiatives": entries}


def _stories(conn: sqlite3.Connection) -> int:
    rows = conn.execute(
        "SELECT a.id, a.uid, a.url, a.identity, r.source_url, r.language FROM articles a"
        " JOIN revisions r ON r.id = a.current_revision_id ORDER BY a.id").fetchall()
    u = _Union()
    for row in rows:
        node = ("a", row["id"])
        u.find(node)
        for key in (url_key(row["url"] or row["identity"]), url_key(row["source_url"])):
            if key:
                u.union(node, ("u", key))
    conn.execute("UPDATE articles SET story_id = NULL")
    conn.execute("DELETE FROM stories")
    restart_ids(conn, "stories")
    by_id = {row["id"]: row for row in rows}
    groups = []
    for group in u.groups([("a", row["id"]) for row in rows]):
        members = sorted((by_id[i] for _, i in group), key=lambda r: r["id"])
        groups.append(members)
    groups.sort(key=lambda g: g[0]["id"])
    for members in groups:
        key = min(url_key(m["source_url"]) or url_key(m["url"] or m["identity"]) for m in members)
        story_id = conn.execute(
            "INSERT INTO stories(uid, source_key, n_articles, languages) VALUES (?, ?, ?, ?)",
            (uid("story", key), key, len(members),
             json.dumps(sorted({m["language"] or "" for m in members} - {""})))).lastrowid
        conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(story_id, m["id"]) for m in members])
    return len(groups)


def _initiatives(conn: sqlite3.Connection) -> int:
    rows = conn.execute(
        "SELECT i.id, i.uid, i.name, i.locality, i.province, i.province_key, i.province_before_key,"
        " i.published, i.language, i.article_id, i.start, a.story_id FROM items i"
        " JOIN articles a ON a.id = i.article_id"
        " WHERE i.current = 1 AND i.kind = 'initiative' AND coalesce(i.name, '') != ''"
        " ORDER BY i.id").fetchall()
    u = _Union()
    for row in rows:
        u.find(row["id"])
    _link_similar_names(rows, u)
    _link_translations(rows, u)
    conn.execute("DELETE FROM initiative_mentions")
    conn.execute("DELETE FROM initiative_registry")
    restart_ids(conn, "initiative_registry")
    by_id = {row["id"]: row for row in rows}
    clusters = [[by_id[i] for i in g] for g in u.groups([row["id"] for row in rows])]
    for members in clusters:
        members.sort(key=lambda r: (r["published"] or "9999", r["uid"]))
    clusters.sort(key=lambda m: (m[0]["published"] or "9999", m[0]["uid"]))
    for members in clusters:
        names = Counter(m["name"] for m in members)
        name = min(names, key=lambda n: (-names[n], [m["name"] for m in members].index(n)))
        province = _most_common(m["province"] for m in members)
        dates = sorted(m["published"] for m in members if m["published"])
        registry_id = conn.execute(
            "INSERT INTO initiative_registry(uid, name, names, name_key, province, province_key,"
            " province_before_key, locality, first_seen, last_seen, n_articles, n_mentions, languages)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (members[0]["uid"], name, json.dumps(sorted(names), ensure_ascii=False), fold(name), province,
             fold(province), _most_common(m["province_before_key"] for m in members) or "",
             _most_common(m["locality"] for m in members), dates[0] if dates else None,
             dates[-1] if dates else None, len({m["article_id"] for m in members}), len(members),
             json.dumps(sorted({m["language"] or "" for m in members} - {""})))).lastrowid
        conn.executemany("INSERT INTO initiative_mentions(registry_id, item_id) VALUES (?, ?)",
                         [(registry_id, m["id"]) for m in members])
    return len(clusters)


def _most_common(values) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _link_similar_names(rows: list[sqlite3.Row], u: _Union) -> None:
    """Same folded name anywhere (a mention without province joins its namesake), and
    alike names within one province."""
    by_key: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        by_key[fold(row["name"])][row["province_key"]].append(row)
    buckets: dict[str, list] = defaultdict(list)
    for key, by_province in by_key.items():
        placed = sorted(p for p in by_province if p)
        for p, group in by_province.items():
            for row in group[1:]:
                u.union(row["id"], group[0]["id"])
        if "" in by_province and placed:
            u.union(by_province[""][0]["id"], by_province[placed[0]][0]["id"])
        for p, group in by_province.items():
            buckets[p].append((key, group[0]))
    for keys in buckets.values():
        if len(keys) > MAX_FUZZY_BUCKET:
            continue
        for i, (ka, ra) in enumerate(keys):
            for kb, rb in keys[i + 1:]:
                if _alike(ka, kb):
                    u.union(ra["id"], rb["id"])


def _alike(a: str, b: str) -> bool:
    if min(len(a), len(b)) >= 8 and (a in b or b in a):
        return True
    return SequenceMatcher(None, a, b).ratio() >= SIMILAR


def _link_translations(rows: list[sqlite3.Row], u: _Union) -> None:
    """Within one story, articles in different languages naming as many initiatives
    name the same ones, in the same order."""
    by_story: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if row["story_id"] is not None:
            by_story[row["story_id"]][row["article_id"]].append(row)
    for articles in by_story.values():
        if len(articles) < 2:
            continue
        lists = [sorted(v, key=lambda r: r["start"] or 0) for _, v in sorted(articles.items())]
        first = lists[0]
        for other in lists[1:]:
            if len(other) == len(first) and other[0]["language"] != first[0]["language"]:
                for a, b in zip(first, other):
                    u.union(a["id"], b["id"])


def is_stale(conn: sqlite3.Connection) -> bool:
    """Whether current initiative mentions and the registry's disagree (records stored since)."""
    current = conn.execute("SELECT count(*) FROM items WHERE current = 1 AND kind = 'initiative'"
                           " AND coalesce(name, '') != ''").fetchone()[0]
    linked = conn.execute("SELECT count(*) FROM initiative_mentions m JOIN items i ON i.id = m.item_id"
                          " WHERE i.current = 1").fetchone()[0]
    total = conn.execute("SELECT count(*) FROM initiative_mentions").fetchone()[0]
    return not (current == linked == total)


def ensure_fresh(conn: sqlite3.Connection) -> None:
    """Refresh the registry when records were stored without one (e.g. by a crawl)."""
    if is_stale(conn):
        refresh(conn)


def _figure_key(row: dict) -> tuple:
    """What makes two figures (or targets) of one story the same figure, ``as_of`` aside."""
    story = ("s", row["story_id"]) if row.get("story_id") is not None else ("a", row.get("article_id"))
    value = round(row["value"], 4) if row.get("value") is not None else None
    return (story, row.get("kind"), row.get("metric"), row.get("unit"), row.get("currency"), value,
            row.get("comparator"), row.get("year"), fold(row.get("locality") or row.get("province") or ""))


def one_per_story(rows: list[dict]) -> list[dict]:
    """Each figure or target once per story (an article and its translations report the
    same numbers), with ``languages`` (where it appeared), ``n_reports`` (how many items) and
    ``item_ids`` (their ``item_id``, else ``id``).

    Rows need ``story_id`` (else ``article_id``), ``kind``, ``metric``, ``unit``, ``value``,
    ``as_of``, ``year``, ``locality``, ``language``. The first row of a group, in the order
    given, stands for it. One version may miss the date the other states ("9 groups" vs "9
    groups in 2024"): a missing ``as_of`` joins the group and the date stated is kept.
    """
    groups: dict[tuple, list[dict]] = defaultdict(list)
    out: list[dict] = []
    for row in rows:
        clusters = groups[_figure_key(row)]
        as_of = row.get("as_of")
        found = next((c for c in clusters if as_of is None or c["as_of"] is None or c["as_of"] == as_of), None)
        if found is None:
            found = dict(row, languages=[], n_reports=0, item_ids=[])
            clusters.append(found)
            out.append(found)
        elif found["as_of"] is None and as_of is not None:
            found["as_of"] = as_of
        found["n_reports"] += 1
        if row.get("item_id", row.get("id")) is not None:
            found["item_ids"].append(row.get("item_id", row.get("id")))
        if row.get("language") and row["language"] not in found["languages"]:
            found["languages"] = sorted([*found["languages"], row["language"]])
    return out
