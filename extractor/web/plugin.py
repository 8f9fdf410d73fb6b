"""Our Datasette plugin: the analysts' pages, a fold() SQL function and shared template vars.

Registered on the Datasette plugin manager by :func:`extractor.web.build_datasette`.
"""
from __future__ import annotations

from datasette import hookimpl

from extractor.textutil import fold
from extractor.web import ASSETS_MOUNT, views


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
        (r"^/map$", views.map_redirect),
    ]


@hookimpl
def prepare_connection(conn):
    # fold(name) in SQL matches "Ha Tinh" to "Hà Tĩnh", for canned queries and --allow-sql.
    conn.create_function("fold", 1, fold, deterministic=True)


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["quantity"] = views.quantity
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

