"""Our Datasette plugin: the analysts' pages, a fold() SQL function and shared template vars.

Registered on the Datasette plugin manager by :func:`extractor.web.build_datasette`.
"""
from __future__ import annotations

import logging

from datasette import hookimpl
from datasette.utils.asgi import Response

from extractor import values
from extractor.textutil import fold
from extractor.web import ASSETS_MOUNT, provmap, views

log = logging.getLogger("extractor.web")


@hookimpl
def register_routes(datasette):
    json = r"(?P<format>\.json)?$"
    return [
        (r"^/$", views.home),
        (r"^/summary" + json, views.home),
        (r"^/search" + json, views.search),
        (r"^/province/(?P<name>[^/]+?)" + json, views.province),
        (r"^/initiative/(?P<id>[0-9]+)" + json, views.initiative),
        (r"^/article/(?P<id>[0-9]+)" + json, views.article),
        (r"^/provinces" + r"(?P<format>\.json|\.csv)?$", views.provinces),
        (r"^/map$", views.province_map_page),
    ]


@hookimpl
def prepare_connection(conn):
    # fold(name) in SQL matches "Ha Tinh" to "Hà Tĩnh", for canned queries and --allow-sql.
    conn.create_function("fold", 1, fold, deterministic=True)


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["quantity"] = views.quantity
    env.filters["comparator"] = values.comparator
    env.filters["number"] = values.number
    env.filters["rate_colour"] = provmap.colour
    env.filters["external_url"] = views.external_url


@hookimpl
def extra_template_vars(datasette):
    return {
        "corpus_db": views.db_name(datasette),
        "assets": lambda name: f"/{ASSETS_MOUNT}/{name}",
    }


@hookimpl
def extra_css_urls():
    return [f"/{ASSETS_MOUNT}/extractor.css"]


@hookimpl
def menu_links(datasette):
    return [
        {"href": "/search", "label": "Search"},
        {"href": "/map", "label": "Map"},
        {"href": f"/{views.db_name(datasette)}", "label": "Tables"},
    ]



@hookimpl
def handle_exception(datasette, request, exception):
    """One log line per error instead of Datasette's traceback with every local variable,
    and a client's mistake (a bad ``_sort``, say) answers 400, not 500. Server errors keep
    Datasette's own page (and Python's traceback)."""
    from datasette.utils.asgi import Base400
    from datasette.views.base import DatasetteError

    status = getattr(exception, "status", 500)
    if isinstance(exception, DatasetteError) and status == 500 and str(exception).startswith("Cannot sort"):
        exception.status = status = 400
    if not isinstance(exception, (Base400, DatasetteError)) or status >= 500:
        log.error("%s %s: %s: %s", status, request.path, type(exception).__name__, exception)
        return None
    log.warning("%s %s: %s", status, request.path, exception)

    async def page():
        info = {"ok": False, "error": str(exception.args[0] if exception.args else exception), "status": status,
                "title": None}
        if request.path.endswith(".json"):
            return Response.json(info, status=status)
        return Response.html(await datasette.render_template("error.html", info, request=request), status=status)

    return page
