"""Route handlers for the analysts' pages; each also answers as JSON with a ``.json`` suffix.

Handlers only parse parameters, run a query from :mod:`extractor.store.web_queries` in
Datasette's read thread and render a template; templates escape everything they show.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlencode

from datasette.utils.asgi import Response

from extractor.store import web_queries
from extractor.web.highlight import segments, sentence_around

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


async def not_found(datasette, request, message: str) -> Response:
    """A 404 page (or JSON) rendered here rather than raised: Datasette prints every raised
    error with a full traceback on the server console, and a public site gets many 404s."""
    info = {"ok": False, "error": message, "status": 404, "title": None}
    if request.url_vars.get("format") == ".json":
        return Response.json(info, status=404)
    return Response.html(await datasette.render_template("error.html", info, request=request), status=404)


async def home(datasette, request) -> Response:
    data = await _query(datasette, web_queries.home)
    return await _page(datasette, request, "home.html", data, corpus=data)


async def search(datasette, request) -> Response:
    args = {k: (request.args.get(k) or "").strip()[:200] for k in SEARCH_PARAMS}
    if not re.fullmatch(r"\d{4}", args["year"]):
        args["year"] = ""
    page = int(request.args.get("page")) if (request.args.get("page") or "").isdigit() else 1
    data = await _query(datasette, web_queries.search, page=page, **args)
    for row in data["results"]:
        row["evidence"] = evidence(row)
        row.pop("context", None)
        row.pop("context_start", None)
    data["params"] = args
    base = {k: v for k, v in args.items() if v}
    links = {name: facet_links(base, "lang" if name == "language" else name, values)
             for name, values in data["facets"].items()}
    pages = {}
    if page > 1:
        pages["previous"] = "/search?" + urlencode({**base, "page": page - 1})
    if page * data["page_size"] < data["total"]:
        pages["next"] = "/search?" + urlencode({**base, "page": page + 1})
    return await _page(datasette, request, "search.html", data, facet_links=links, pages=pages,
                       json_url="/search.json?" + urlencode(base))


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
    data = await _query(datasette, web_queries.province, name)
    if data is None:
        return await not_found(datasette, request, f"Nothing in the corpus about a province called “{name}”.")
    return await _page(datasette, request, "province.html", data)


async def initiative(datasette, request) -> Response:
    data = await _query(datasette, web_queries.initiative, int(request.url_vars["id"]))
    if data is None:
        return await not_found(datasette, request, "No such initiative.")
    for row in data["mentions"]:
        row["evidence"] = evidence(row)
        row.pop("context", None)
        row.pop("context_start", None)
    return await _page(datasette, request, "initiative.html", data)


async def article(datasette, request) -> Response:
    rev = request.args.get("revision") or ""
    data = await _query(datasette, web_queries.article, int(request.url_vars["id"]),
                        int(rev) if rev.isdigit() else None)
    if data is None:
        return await not_found(datasette, request, "No such article.")
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


async def map_redirect(datasette, request) -> Response:
    """The map is the canned query "places" (metadata.json), drawn by datasette-cluster-map."""
    return Response.redirect(f"/{db_name(datasette)}/places")


_UNITS = {"percent": " %", "percentage_point": " pts", "count": "", "currency": ""}


def quantity(item: dict[str, Any]) -> str:
    """A figure's or target's value as an analyst reads it: "93.9 %", "12,500", "1,200,000,000 VND"."""
    value = item.get("value")
    if value is None:
        return ""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    unit = _UNITS.get(item.get("unit") or "", "")
    if item.get("unit") == "currency" and item.get("currency"):
        unit = " " + item["currency"]
    return number + unit


def external_url(url: str | None) -> str:
    """``url`` when it is a web address, else "" — a stored ``javascript:`` URL (from an
    ingested JSONL record, say) must not become a link that runs code when clicked."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return ""
