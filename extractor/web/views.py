"""Route handlers for the analysts' pages; each also answers as JSON with a ``.json`` suffix.

Handlers only parse parameters, run a query from :mod:`extractor.web.queries` in
Datasette's read thread and render a template; templates escape everything they show.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import re
from typing import Any
from urllib.parse import unquote, urlencode

from datasette.utils.asgi import Response

from extractor import values
from extractor.store.league import COLUMNS as LEAGUE_COLUMNS
from extractor.store.league import sort_groups
from extractor.web import queries
from extractor.web.highlight import segments, sentence_around
from extractor.web.provmap import province_map

log = logging.getLogger("extractor.web")
SEARCH_PARAMS = ("q", "province", "kind", "metric", "lang", "year")
KIND_LABELS = {"figure": "Figure", "target": "Target", "initiative": "Initiative",
               "locality": "Locality", "person": "Person", "article": "Article"}
KIND_PLURALS = {"figure": "figures", "target": "targets", "initiative": "initiatives",
                "locality": "localities", "person": "people", "article": "articles"}
LANGUAGES = {"vi": "Vietnamese", "fr": "French", "en": "English"}


def db_name(datasette) -> str:
    return datasette.get_database().name


async def _query(datasette, fn, *args, **kwargs) -> Any:
    db = datasette.get_database()
    return await db.execute_fn(lambda conn: fn(conn, *args, **kwargs))


async def _page(datasette, request, template: str, data: dict[str, Any], **extra: Any) -> Response:
    if request.url_vars.get("format") == ".json":
        return Response.json(data, default=str)
    html = await datasette.render_template(template, {**data, **extra, "kind_labels": KIND_LABELS, "kind_plurals": KIND_PLURALS,
                                            "language_names": LANGUAGES},
                                           request=request)
    return Response.html(html)


async def error_page(datasette, request, message: str, status: int = 404) -> Response:
    """A 404 or 400 page (or JSON) rendered here rather than raised: a public site gets many
    bad links, and each should cost one log line, not a traceback."""
    log.warning("%s %s: %s", status, request.path, message)
    info = {"ok": False, "error": message, "status": status, "title": None}
    if request.url_vars.get("format") == ".json":
        return Response.json(info, status=status)
    return Response.html(await datasette.render_template("error.html", info, request=request), status=status)


async def not_found(datasette, request, message: str) -> Response:
    return await error_page(datasette, request, message, 404)


def league_sort(request) -> dict[str, Any] | None:
    """The league table's ``_sort`` / ``_desc`` parameters; None for a column it does not have."""
    column = request.args.get("_sort") or ""
    if column and column not in LEAGUE_COLUMNS:
        return None
    desc = bool(request.args.get("_desc"))
    query = urlencode({"_sort": column, **({"_desc": 1} if desc else {})}) if column else ""
    return {"column": column, "desc": desc, "query": query}


def _bad_sort(request) -> str:
    return (f"_sort={request.args.get('_sort')!r} is no column of the league table: "
            f"use one of {', '.join(LEAGUE_COLUMNS)}")


def _sorted_league(rows: list[dict[str, Any]], sort: dict[str, Any]) -> list[dict[str, Any]]:
    return sort_groups(rows, sort["column"], sort["desc"]) if sort["column"] else rows


async def home(datasette, request) -> Response:
    sort = league_sort(request)
    if sort is None:
        return await error_page(datasette, request, _bad_sort(request), 400)
    data = await _query(datasette, queries.home)
    data["league"] = _sorted_league(data["league"], sort)
    return await _page(datasette, request, "home.html", data, corpus=data, sort=sort,
                       province_map=province_map(data["league"]))


async def provinces(datasette, request) -> Response:
    """The league table alone, as a page, JSON or CSV (every column, in the order shown)."""
    sort = league_sort(request)
    if sort is None:
        return await error_page(datasette, request, _bad_sort(request), 400)
    rows = _sorted_league(await _query(datasette, queries.league_table), sort)
    fmt = request.url_vars.get("format")
    if fmt == ".csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=LEAGUE_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "languages": json.dumps(r["languages"])} for r in rows)  # as the export writes it
        return Response(out.getvalue(), content_type="text/csv; charset=utf-8")
    if fmt == ".json":
        return Response.json(rows, default=str)
    return await _page(datasette, request, "provinces.html", {"league": rows}, sort=sort)


async def province_map_page(datasette, request) -> Response:
    rows = await _query(datasette, queries.league_table)
    return await _page(datasette, request, "map.html", {"league": rows}, province_map=province_map(rows))


async def search(datasette, request) -> Response:
    args = {k: (request.args.get(k) or "").strip()[:200] for k in SEARCH_PARAMS}
    problem = _bad_search_args(args, request.args.get("page"))
    if problem:
        return await error_page(datasette, request, problem, 400)
    page = int(request.args.get("page") or 1)
    read_as = None
    if args["q"] and not args["province"] and not request.args.get("as_text"):
        # "Phu Yen" typed in the text box means the province (and its territory today).
        from extractor.store.places import known_province

        sc = known_province(args["q"])
        if sc is not None:
            read_as, args["province"], args["q"] = args["q"], args["q"], ""
    data = await _query(datasette, queries.search, page=page, **args)
    for row in data["results"]:
        row["evidence"] = evidence(row)
        row.pop("context", None)
        row.pop("context_start", None)
    data["params"] = args
    data["read_as_province"] = read_as
    base = {k: v for k, v in args.items() if v}
    links = {name: facet_links(base, "lang" if name == "language" else name, counts)
             for name, counts in data["facets"].items()}
    pages = {}
    if page > 1:
        pages["previous"] = "/search?" + urlencode({**base, "page": page - 1})
    if page * data["page_size"] < data["total"]:
        pages["next"] = "/search?" + urlencode({**base, "page": page + 1})
    as_text = "/search?" + urlencode({"q": read_as, "as_text": 1}) if read_as else None
    return await _page(datasette, request, "search.html", data, facet_links=links, pages=pages,
                       json_url="/search.json?" + urlencode(base), as_text_url=as_text)


def _bad_search_args(args: dict[str, str], page: str | None) -> str | None:
    """Why the search parameters cannot be answered, in one line; None when they can."""
    if args["kind"] and args["kind"] not in KIND_LABELS:
        return f"kind={args['kind']!r} is not a kind of item: use one of {', '.join(KIND_LABELS)}"
    if args["year"] and not re.fullmatch(r"\d{4}", args["year"]):
        return f"year={args['year']!r} is not a year: use four digits, e.g. 2025"
    if page is not None and not (page.isdigit() and int(page) >= 1):
        return f"page={page!r} is not a page number: use 1, 2, 3 …"
    return None


def facet_links(base: dict[str, str], param: str, values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each facet value with the URL that toggles it on (or off when it is already chosen)."""
    out = []
    for v in values:
        value = str(v["value"])
        chosen = base.get(param) == value
        params = {k: x for k, x in base.items() if k != param}
        if not chosen:
            params[param] = value
        out.append({"value": value, "n": v["n"], "chosen": chosen,
                    "url": "/search?" + urlencode(params)})
    return out


def evidence(row: dict[str, Any]) -> dict[str, str]:
    """The item's evidence sentence split around the item (before / item / after).

    The stored sentence is used when it contains the item's text; otherwise the sentence
    is cut from the window of article text around the item's offsets.
    """
    text, sentence = row.get("text") or "", row.get("sentence") or ""
    if text and text in sentence:
        i = sentence.index(text)
        return {"before": sentence[:i], "item": text, "after": sentence[i + len(text):]}
    context, offset = row.get("context") or "", row.get("context_start") or 0
    start, end = row.get("start"), row.get("end")
    if context and isinstance(start, int) and isinstance(end, int) and start >= offset:
        s, a, b = sentence_around(context, start - offset, end - offset)
        return {"before": s[:a], "item": s[a:b], "after": s[b:]}
    return {"before": sentence, "item": "", "after": ""}


async def province(datasette, request) -> Response:
    # Datasette routes on the raw path, so a name with diacritics arrives percent-encoded.
    name = unquote(request.url_vars["name"]).strip()
    data = await _query(datasette, queries.province, name)
    if data is None:
        return await not_found(datasette, request, f"Nothing in the corpus about a province called “{name}”.")
    return await _page(datasette, request, "province.html", data)


async def initiative(datasette, request) -> Response:
    data = await _query(datasette, queries.initiative, int(request.url_vars["id"]))
    if data is None:
        return await not_found(datasette, request, "No such initiative.")
    for row in data["mentions"]:
        row["evidence"] = evidence(row)
        row.pop("context", None)
        row.pop("context_start", None)
    return await _page(datasette, request, "initiative.html", data)


async def article(datasette, request) -> Response:
    rev = request.args.get("revision")
    if rev is not None and not (rev.isdigit() and int(rev) >= 1):
        return await error_page(datasette, request, f"revision={rev!r} is not a revision number: use 1, 2, 3 …", 400)
    data = await _query(datasette, queries.article, int(request.url_vars["id"]), int(rev) if rev else None)
    if data is None:
        return await not_found(datasette, request, "No such article.")
    if "missing_revision" in data:
        n = len(data["revisions"])
        return await not_found(datasette, request, f"Article {data['id']} has no revision {data['missing_revision']}: "
                               f"it has {n} ({', '.join(str(r['revision_no']) for r in data['revisions'])}).")
    if request.url_vars.get("format") == ".json":
        return await _page(datasette, request, "article.html", data)
    marks = [dict(i, anchor=f"item-{i['id']}") for i in data["items"]]
    for m in data["locality_mentions"]:
        # Every mention of a place is marked, not only the first one the item carries.
        item = next((i for i in data["items"] if i["id"] == m["item_id"]), None)
        if item and m["start"] != item["start"]:
            marks.append(dict(item, start=m["start"], end=m["end"], text=m["text"], anchor=""))
    return await _page(datasette, request, "article.html", data,
                       segments=segments(data["revision"]["text"], marks))


def quantity(item: dict[str, Any]) -> str:
    """A figure's or target's value as everywhere else: "93.9 %", "12,500", "1.1 billion VND"."""
    return values.quantity(item.get("value"), item.get("unit"), item.get("currency"))


def external_url(url: str | None) -> str:
    """``url`` when it is a web address, else "" — a stored ``javascript:`` URL (from an
    ingested JSONL record, say) must not become a link that runs code when clicked."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return ""
