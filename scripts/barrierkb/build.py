"""Every edition of the site in one command: what `make site` runs.

Each edition is still its own MkDocs build (its own language and search
index), but one process builds them all, so the records are loaded and
checked once (`site.prepare` keeps the last checked records while their
files are unchanged) and what no language changes is computed once. Where
there is a second core, a second process renders the first edition's
overview (network page and downloads) beside its record pages, then the
later editions while MkDocs builds the first (`site.ahead`). Running
`mkdocs build` once per configuration gives the same bytes.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from pathlib import Path

from mkdocs import utils
from mkdocs.__main__ import ColorFormatter
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .site.ahead import RenderAhead, second_core

#: Each edition's configuration and its folder inside the site folder, Swedish first:
#: its build cleans the whole folder, the others' builds go into subfolders of it.
EDITIONS: tuple[tuple[str, str], ...] = (
    ("mkdocs.yml", ""),
    ("mkdocs.da.yml", "da"),
    ("mkdocs.en.yml", "en"),
)


def _log_like_mkdocs() -> None:
    """Print MkDocs' log lines as `mkdocs build` does (level, dash, message)."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "name", "") == "MkDocsStreamHandler" for h in logger.handlers):
        stream = logging.StreamHandler()
        stream.setFormatter(ColorFormatter())
        stream.name = "MkDocsStreamHandler"
        logger.addHandler(stream)
        mkdocs_build.log.addFilter(utils.DuplicateFilter())
    logger.setLevel(logging.INFO)
    logger.propagate = False


def _settle_memory() -> None:
    """Free the last edition's garbage, and keep what survives (the checked records)
    out of the collector's way: otherwise every full collection during the next
    build walks the records again, and a later edition builds slower than the first."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def build_editions(project: str | Path = ".", site_dir: str | Path = "site") -> None:
    """Build every edition of the project in `project` into `site_dir`, strictly.

    Raises `mkdocs.exceptions.Abort` (with MkDocs' message) when a build fails.
    """
    _log_like_mkdocs()
    project, site_dir = Path(project), Path(site_dir)
    with _render_ahead(project, site_dir) as ahead:
        for config_file, folder in EDITIONS:
            config = _config(project / config_file, site_dir / folder)
            config.plugins["barrierkb"].ahead = ahead
            config.plugins.on_startup(command="build", dirty=False)
            _settle_memory()
            try:
                mkdocs_build.build(config)
            finally:
                config.plugins.on_shutdown()


def _config(config_file: Path, site_dir: Path):
    """An edition's configuration, loaded afresh for its build: MkDocs keeps one instance
    of each plugin for all configurations, so it holds the options of the last one loaded."""
    try:
        return load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    except ConfigurationError as err:
        raise Abort(f"{config_file.name}: {err}") from None


def _render_ahead(project: Path, site_dir: Path) -> RenderAhead | contextlib.nullcontext[None]:
    """A second process, when there is a core for it, that renders the first edition's
    overview while that edition renders its record pages, then the later editions whole."""
    if len(EDITIONS) < 2 or not second_core():
        return contextlib.nullcontext()
    editions = []
    for config_file, folder in EDITIONS:
        config = _config(project / config_file, site_dir / folder)
        try:
            editions.append(config.plugins["barrierkb"].edition_of(config))
        except PluginError:  # the edition's own build reports it
            return contextlib.nullcontext()
    first, *later = editions
    return RenderAhead([(first, "overview"), *((edition, "site") for edition in later)])
