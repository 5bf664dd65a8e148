"""Options of the `barrierkb` MkDocs plugin, declared once."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from .records.vocab import EDITIONS


class BarrierKBConfig(Config):
    #: Folder holding barriers/, stakeholders/ and briefings/, relative to mkdocs.yml.
    root = opt.Type(str, default=".")
    #: The organisation whose advocacy routes and allies the site shows.
    home = opt.Type(str, default="malmo-stad")
    #: public or internal; the environment variable BARRIERKB_AUDIENCE overrides it.
    audience = opt.Choice(("public", "internal"), default="public")
    #: Link to edit a record; `{path}` becomes e.g. barriers/x.yml. Empty: no link.
    edit_url = opt.Type(str, default="")
    #: Link to one commit, for a record's history; `{commit}` becomes the hash. Empty: no link.
    commit_url = opt.Type(str, default="")
    #: Where the Web Worker shim for offline search is installed (npm ci).
    worker_shim = opt.Type(str, default="node_modules/iframe-worker/shim/index.js")
    #: The edition this build makes: its language for record text and the interface.
    lang = opt.Choice(EDITIONS, default="sv")
    #: Where each edition lives, relative to the Swedish edition's root: the
    #: switcher in the header links each page to the same page in the others.
    editions = opt.Type(dict, default={"sv": "", "da": "da/", "en": "en/"})
    #: Folders (relative to mkdocs.yml) whose files are added to this build as they
    #: are: the Danish and English editions take the stylesheets and scripts from docs/assets.
    assets = opt.ListOfItems(opt.Type(str), default=[])
    #: The overlay of internal material (a private folder with the records' layout), read
    #: only by the internal build; the environment variable BARRIERKB_OVERLAY wins.
    overlay = opt.Type(str, default="")
