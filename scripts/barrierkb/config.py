"""Options of the `barrierkb` MkDocs plugin, declared once."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class BarrierKBConfig(Config):
    #: Folder holding barriers/, stakeholders/ and briefings/, relative to mkdocs.yml.
    root = opt.Type(str, default=".")
    #: The organisation whose advocacy routes and allies the site shows.
    home = opt.Type(str, default="malmo-stad")
    #: public or internal; the environment variable BARRIERKB_AUDIENCE overrides it.
    audience = opt.Choice(("public", "internal"), default="public")
    #: Link to edit a record; `{path}` becomes e.g. barriers/x.yml. Empty: no link.
    edit_url = opt.Type(str, default="")
    #: Where the Web Worker shim for offline search is installed (npm ci).
    worker_shim = opt.Type(str, default="node_modules/iframe-worker/shim/index.js")
