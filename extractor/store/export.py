"""Exports for researchers: articles and items as JSONL, CSV or Parquet.

Reproducible on purpose: rows in a stable order (article identity, then kind and
position), stable ids (``uid``: hashes of the article identity, revision and position,
the same in every corpus built from the same records), no export timestamps, so two
exports of one corpus are byte-identical. Only current revisions are exported.
"""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

ARTICLE_COLUMNS = {  # name → (parquet type, meaning); the README's data dictionary
    "article_uid": ("string", "stable article id (hash of its URL, else its input path)"),
    "url": ("string", "canonical URL of the article"),
    "input": ("string", "file path or URL it was ingested from"),
    "language": ("string", "ISO 639-1 code: fr, en, vi …"),
    "title": ("string", "headline"),
    "published": ("string", "publication date (ISO 8601)"),
    "source_url": ("string", "URL the article cites as its source (translations)"),
    "outlet": ("string", "newspaper or agency"),
    "relevant": ("bool", "about social/health/unemployment insurance"),
    "provinces": ("list", "provinces the article is mainly about (today's names)"),
    "story_uid": ("string", "articles sharing it tell one story (a translation and its source)"),
    "revision_no": ("int64", "1 for the first version stored, +1 for each change"),
    "extractor_version": ("string", "version of the extractor that made this record"),
    "content_sha256": ("string", "SHA-256 of the article text"),
    "n_figures": ("int64", "number of figures"),
    "n_targets": ("int64", "number of targets"),
    "n_localities": ("int64", "number of localities"),
    "n_initiatives": ("int64", "number of initiatives"),
    "n_people": ("int64", "number of people"),
    "text": ("string", "clean article text; item offsets index into it"),
}

ITEM_COLUMNS = {
    "uid": ("string", "stable item id"),
    "article_uid": ("string", "the article it was extracted from"),
    "url": ("string", "the article's canonical URL (else empty: see input in the articles export)"),
    "title": ("string", "the article's headline"),
    "published": ("string", "the article's publication date"),
    "language": ("string", "the article's language"),
    "kind": ("string", "figure | target | locality | initiative | person"),
    "name": ("string", "locality, initiative or person name"),
    "value": ("double", "figures/targets: the number, normalised (93,9 % → 93.9)"),
    "unit": ("string", "percent | percentage_point | count | currency"),
    "currency": ("string", "VND, USD … for currency amounts"),
    "metric": ("string", "health_insurance_coverage, social_insurance_participants, … or other"),
    "qualifier": ("string", "figures: exact | approx | more_than | at_least | less_than | at_most"),
    "comparator": ("string", "targets: >= > ~ = <= <"),
    "as_of": ("string", "figures: date the figure describes"),
    "year": ("int64", "targets: deadline year"),
    "level": ("string", "localities: province | district | commune"),
    "code": ("string", "localities: administrative code"),
    "lat": ("double", "localities: latitude"),
    "lon": ("double", "localities: longitude"),
    "role": ("string", "people: role"),
    "organization": ("string", "people: organisation"),
    "locality": ("string", "the place the item is about, as extracted"),
    "province": ("string", "today's province (after the 1 July 2025 mergers)"),
    "province_before_2025": ("string", "the province before the mergers, where different"),
    "initiative_uid": ("string", "initiatives: registry entry grouping mentions across articles"),
    "text": ("string", "evidence: the words the item was read from"),
    "start": ("int64", "evidence start offset in the article text"),
    "end": ("int64", "evidence end offset (exclusive)"),
    "sentence": ("string", "the sentence holding the evidence"),
    "extractor_version": ("string", "version of the extractor that made this item"),
}

_KIND_ORDER = "CASE i.kind WHEN 'figure' THEN 0 WHEN 'target' THEN 1 WHEN 'locality' THEN 2" \
              " WHEN 'initiative' THEN 3 ELSE 4 END"


def articles(conn: sqlite3.Connection) -> Iterator[dict]:
    """Every article's current revision, with its item counts, in identity order."""
    counts = ", ".join(
        f"(SELECT count(*) FROM items i WHERE i.revision_id = r.id AND i.kind = '{k}') AS n_{p}"
        for k, p in (("figure", "figures"), ("target", "targets"), ("locality", "localities"),
                     ("initiative", "initiatives"), ("person", "people")))
    sql = ("SELECT a.uid AS article_uid, a.url, a.input, r.language, r.title, r.published, r.source_url,"
           " r.outlet, r.relevant, r.provinces, s.uid AS story_uid, r.revision_no, r.extractor_version,"
           f" r.content_sha256, {counts}, r.text FROM articles a"
           " JOIN revisions r ON r.id = a.current_revision_id LEFT JOIN stories s ON s.id = a.story_id"
           " ORDER BY a.identity")
    for row in conn.execute(sql):
        out = dict(row)
        out["relevant"] = bool(out["relevant"])
        out["provinces"] = json.loads(out["provinces"] or "[]")
        yield out


def items(conn: sqlite3.Connection) -> Iterator[dict]:
    """Every current item with its article (id, URL, title, date, language) and registry entry,
    in a stable order: each row can be used alone."""
    own = ("article_uid", "url", "title", "initiative_uid", "extractor_version")
    cols = [c for c in ITEM_COLUMNS if c not in own]
    sql = (f"SELECT {', '.join('i.' + (chr(34) + c + chr(34) if c == 'end' else c) for c in cols)},"
           " a.uid AS article_uid, a.url, r.title, g.uid AS initiative_uid, r.extractor_version"
           " FROM items i JOIN articles a ON a.id = i.article_id JOIN revisions r ON r.id = i.revision_id"
           " LEFT JOIN initiative_mentions m ON m.item_id = i.id"
           " LEFT JOIN initiative_registry g ON g.id = m.registry_id"
           f" WHERE i.current = 1 ORDER BY a.identity, {_KIND_ORDER}, i.n")
    for row in conn.execute(sql):
        yield {c: row[c] for c in ITEM_COLUMNS}


def export(conn: sqlite3.Connection, what: str, fmt: str, out: str | Path | None) -> int:
    """Write ``what`` (articles | items) as ``fmt`` to ``out`` (stdout when None); returns rows."""
    columns = ARTICLE_COLUMNS if what == "articles" else ITEM_COLUMNS
    return write_rows(list(articles(conn) if what == "articles" else items(conn)), columns, fmt, out)


def write_rows(rows: list[dict], columns: dict, fmt: str, out: str | Path | None) -> int:
    """Write ``rows`` (dicts keyed by ``columns``, name → (parquet type, meaning)) as ``fmt``
    (jsonl | csv | parquet) to ``out`` (stdout when None), byte-identical for the same rows;
    returns how many. Every export goes through here, so all formats behave alike."""
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet needs --out FILE")
        _parquet(rows, columns, Path(out))
        return len(rows)
    buf = io.StringIO(newline="")
    if fmt == "jsonl":
        for row in rows:
            buf.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                             for k, v in row.items()})
    if out is None:
        sys.stdout.write(buf.getvalue())
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(buf.getvalue(), encoding="utf-8", newline="")
    return len(rows)


def _parquet(rows: list[dict], columns: dict, out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "bool": pa.bool_(), "int64": pa.int64(), "double": pa.float64(),
             "list": pa.list_(pa.string())}
    schema = pa.schema([pa.field(name, types[t]) for name, (t, _) in columns.items()])
    table = pa.Table.from_pylist(rows, schema=schema)
    out.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out, compression="zstd")
