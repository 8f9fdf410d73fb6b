"""The browser face on the corpus: Datasette with our metadata, plugin, templates and assets.

Datasette gives analysts table browsing, facets, CSV and a JSON API for free; our plugin
(:mod:`extractor.web.plugin`) adds the pages an analyst starts from: home, search,
province, initiative and article. Everything here is read-only by construction.
"""
from __future__ import annotations

import json
import logging
from importlib import resources
from pathlib import Path
from typing import Any

WEB = Path(str(resources.files("extractor.web")))
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"
ASSETS_MOUNT = "assets"


def metadata(db_name: str, *, allow_sql: bool = False) -> dict[str, Any]:
    """Datasette metadata (descriptions, units, licence note) for a corpus named ``db_name``.

    The descriptions live in ``metadata.json`` beside this module, keyed by table; the
    database key is only known once we know the file's name, so it is filled in here.
    """
    data = json.loads((WEB / "metadata.json").read_text(encoding="utf-8"))
    database = data.pop("database")
    data["databases"] = {db_name: database}
    if not allow_sql:
        # Canned queries stay available; arbitrary SQL (and ?_where=) does not.
        data["allow_sql"] = False
    return data


def build_datasette(db_path: str | Path, *, allow_sql: bool = False, immutable: bool = False):
    """A Datasette serving the corpus at ``db_path`` read-only, with our pages registered.

    ``immutable`` opens the file with ``immutable=1`` (fastest, for a published snapshot
    that nothing writes to any more); otherwise it is opened ``mode=ro`` so that pages see
    what a running ``extractor update`` adds.
    """
    import datasette.handle_exception
    from datasette.app import Datasette
    from datasette.plugins import pm

    from extractor.web import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="coverage-news-extractor")
    # Datasette prints every error with rich's traceback and all local variables (pages of
    # it for a mistyped URL); our handle_exception hook logs one line instead. Real server
    # errors still get Python's plain traceback.
    datasette.handle_exception.rich = None
    log = logging.getLogger("extractor.web")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("extractor serve: %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    path = str(Path(db_path))
    ds = Datasette(
        files=[] if immutable else [path],
        immutables=[path] if immutable else [],
        metadata=metadata(Path(db_path).stem, allow_sql=allow_sql),
        template_dir=str(TEMPLATES),
        static_mounts=[(ASSETS_MOUNT, str(STATIC))],
        settings={
            "default_allow_sql": allow_sql,
            "allow_download": False,
            "sql_time_limit_ms": 2000,
            "max_returned_rows": 1000,
            # Suggesting facets runs a GROUP BY per column on every table page: seconds on a
            # large corpus. Facets stay one click away (?_facet=column).
            "suggest_facets": False,
        },
    )
    return ds
