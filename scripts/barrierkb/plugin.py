"""The MkDocs adapter: load and check the records, add the generated pages.

Events hand off to the pure core (`site.prepare`, `site.ahead.rendered`); this
class only wires them to MkDocs.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from time import perf_counter

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from .config import BarrierKBConfig
from .records.diagnostics import format_text
from .records.i18n import reset_edition, set_edition
from .records.model import FOLDERS
from .records.overlay import OVERLAY_VARIABLE, OverlayError
from .records.vocab import LANGUAGE
from .site.ahead import Edition, RenderAhead, rendered
from .site.prepare import RecordErrors, SiteState, prepare
from .site.printing import page_footer_css
from .site.templating import UNINDEXED_END, UNINDEXED_START

log = logging.getLogger("mkdocs.plugins.barrierkb")
SHIM_PATH = "assets/vendor/iframe-worker-shim.js"
#: The printed page footer in the edition's language (mkdocs.yml lists it in extra_css).
EDITION_CSS = "assets/stylesheets/edition.css"
#: A file only a barrierkb build writes: its presence marks site_dir as ours.
BUILD_MARKER = "data/granshinderbasen.json"


def _timed(event):
    """Add the seconds an event handler takes to `self.seconds`, for the build report."""

    @functools.wraps(event)
    def timed(self, *args, **kwargs):
        start = perf_counter()
        try:
            return event(self, *args, **kwargs)
        finally:
            self.seconds[event.__name__] += perf_counter() - start

    return timed


#: Loggers whose INFO lines a build does not need: a build prints its warnings and
#: barrierkb's timing line, nothing else (`mkdocs serve` keeps them).
QUIET_IN_BUILD = ("mkdocs_macros", "mkdocs.plugins.mkdocs_macros", "mkdocs.commands.build")


class BarrierKBPlugin(BasePlugin[BarrierKBConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        if command == "build":
            for name in QUIET_IN_BUILD:
                logging.getLogger(name).setLevel(logging.WARNING)

    def __init__(self) -> None:
        super().__init__()
        #: Seconds spent in each event handler of this plugin, over one build.
        self.seconds: Counter[str] = Counter()
        #: Seconds the second process spent on this edition's files (0: it did none).
        self.seconds_ahead = 0.0
        #: What `barrierkb site` renders in a second process, if it does.
        self.ahead: RenderAhead | None = None

    def edition_of(self, config) -> Edition:
        """What `prepare` is given for this edition, from its configuration and environment."""
        audience = os.environ.get("BARRIERKB_AUDIENCE") or self.config.audience
        if audience not in ("public", "internal"):
            raise PluginError(f"BARRIERKB_AUDIENCE must be public or internal, not {audience!r}")
        base = Path(config.config_file_path).parent
        return Edition(
            root=str((base / self.config.root).resolve()),
            audience=audience,
            home=self.config.home,
            edit_url=self.config.edit_url,
            commit_url=self.config.commit_url,
            site_url=config.site_url or "",
            lang=self.config.lang,
            overlay=os.environ.get(OVERLAY_VARIABLE) or self.config.overlay or None,
        )

    @_timed
    def on_config(self, config):
        self.seconds.clear()  # a new build (`mkdocs serve` builds again and again)
        #: What this edition is rendered from (a second process may have rendered it already).
        self.edition = self.edition_of(config)
        self.root = Path(self.edition.root)
        # Every page of this build, generated or hand-written, is in the edition's language.
        self._edition = set_edition(self.config.lang)
        try:
            state = prepare(**asdict(self.edition))
        except OverlayError as err:
            _remove_old_build(config.site_dir)
            raise PluginError(str(err)) from None
        except RecordErrors as err:
            _remove_old_build(config.site_dir)
            raise PluginError("the records have errors:\n" + format_text(err.diagnostics)) from None
        for d in state.diagnostics:
            log.info(d.format())
        #: The checked records and the graph for this build; the macros module reads it.
        self.state: SiteState = state
        config.extra["polyfills"] = [
            SHIM_PATH if "iframe-worker" in str(p) else p for p in config.extra.get("polyfills", [])
        ]
        return config

    @_timed
    def on_files(self, files: Files, config) -> Files:
        #: Generated pages by source path; their HTML body, once MkDocs has read it.
        self.generated: dict[str, str] = {}
        #: The unindexed parts of each generated page, held back from search.
        self.held_back: dict[str, list[str]] = {}
        generated, self.seconds_ahead = rendered(self.state, self.edition, self.ahead)
        for path, content in generated.items():
            if path.endswith(".md"):
                self.generated[path] = ""
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} clashes with a generated page; rename it")
            files.append(File.generated(config, path, content=content))
        shim = Path(config.config_file_path).parent / self.config.worker_shim
        if not shim.is_file():
            raise PluginError(
                f"{self.config.worker_shim} is missing: run `npm ci` (make site does) "
                "to install the offline-search shim"
            )
        files.append(File.generated(config, SHIM_PATH, abs_src_path=str(shim)))
        files.append(File.generated(config, EDITION_CSS, content=page_footer_css()))
        base = Path(config.config_file_path).parent
        for folder in self.config.assets:
            for path in sorted((base / folder).rglob("*")):
                if path.is_file():
                    dest = "assets/" + path.relative_to(base / folder).as_posix()
                    files.append(File.generated(config, dest, abs_src_path=str(path)))
        return files

    def on_page_context(self, context, page, config, nav):
        """The switcher's links: this same page in each edition, relative (works from file://)."""
        context["bkb_alternates"] = alternates(
            page.file.dest_uri, self.config.lang, self.config.editions
        )
        return context

    @_timed
    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """Generated pages are HTML already: keep them from the Markdown parser."""
        # Material prints page.meta.title and .description unescaped (in <title>,
        # <meta content="..."> and the header), and they hold record text.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        if page.file.src_uri in self.generated:
            self.generated[page.file.src_uri] = markdown
            page.file.content_string = ""  # read; the body is kept above until it is rendered
            return ""
        return markdown

    @_timed
    def on_page_content(self, html: str, page, config, files) -> str:
        body = self.generated.get(page.file.src_uri)
        if body is None:
            return html
        page.toc = get_toc(toc_tokens(body))
        light, self.held_back[page.file.src_uri] = hold_back(body)
        # Rendered: a build of thousands of pages keeps no second copy of each body.
        self.generated[page.file.src_uri] = ""
        return light

    @_timed
    def on_post_page(self, output: str, page, config) -> str:
        """Put back what `on_page_content` held back, now that search has read the page."""
        parts = self.held_back.pop(page.file.src_uri, None)
        if page.file.src_uri in self.generated:
            # Written once this returns: MkDocs would keep every page's HTML to the build's end.
            page.content = ""
        return put_back(output, parts) if parts else output

    def on_post_build(self, config) -> None:
        """Say how much of the build was ours (`make bench` reads this line)."""
        reset_edition(self._edition)
        log.info(
            "barrierkb: %.2f s in this plugin (load and check %.2f s, render %.2f s, "
            "page events %.2f s)%s",
            sum(self.seconds.values()),
            self.seconds["on_config"],
            self.seconds["on_files"],
            sum(v for k, v in self.seconds.items() if k.startswith(("on_page", "on_post"))),
            f"; rendered ahead in a second process: {self.seconds_ahead:.2f} s"
            if self.seconds_ahead
            else "",
        )

    def on_serve(self, server, config, builder):
        for folder in FOLDERS.values():
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server


def alternates(dest: str, lang: str, editions: dict[str, str]) -> list[dict]:
    """The same page in each edition, as a link relative to the page `dest` of edition `lang`.

    >>> [a["link"] for a in alternates("barriers/x.html", "da", {"sv": "", "da": "da/"})]
    ['../../barriers/x.html', 'x.html']
    """
    up = "../" * dest.count("/")
    to_root = up + "../" * editions.get(lang, "").count("/")
    links = []
    for code, prefix in editions.items():
        link = dest.rsplit("/", 1)[-1] if code == lang else to_root + prefix + dest
        links.append({"name": LANGUAGE.label(code, code).capitalize(), "link": link, "lang": code})
    return links


_HEADING = re.compile(r'<h([1-3]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def toc_tokens(html: str) -> list[dict]:
    """The table of contents of an HTML body, nested by heading level.

    >>> toc_tokens('<h1 id="a">A</h1><h2 id="b">B</h2><h2 id="c">C</h2>')[0]["children"][1]["id"]
    'c'
    """
    root: list[dict] = []
    stack: list[dict] = []
    for level, anchor, title in _HEADING.findall(html):
        token = {"level": int(level), "id": anchor, "name": title, "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


_HELD = re.compile(r"<!-- bkb:held (\d+) -->")


def hold_back(html: str) -> tuple[str, list[str]]:
    """Replace each unindexed part of `html` with a numbered placeholder comment.

    Found with `str.find`: a lazy regular expression across a large page (a
    hub's, with hundreds of barriers) tries the end marker at every character.

    >>> hold_back("<p>a</p><!-- bkb:unindexed --><svg/><!-- /bkb:unindexed -->")
    ('<p>a</p><!-- bkb:held 0 -->', ['<!-- bkb:unindexed --><svg/><!-- /bkb:unindexed -->'])
    """
    parts: list[str] = []
    kept: list[str] = []
    done = 0
    while (start := html.find(UNINDEXED_START, done)) != -1:
        end = html.find(UNINDEXED_END, start + len(UNINDEXED_START))
        if end == -1:
            break
        end += len(UNINDEXED_END)
        kept += (html[done:start], f"<!-- bkb:held {len(parts)} -->")
        parts.append(html[start:end])
        done = end
    kept.append(html[done:])
    return "".join(kept), parts


def put_back(html: str, parts: list[str]) -> str:
    """The inverse of `hold_back`, on the finished page.

    >>> put_back("<main><!-- bkb:held 0 --></main>", ["<svg/>"])
    '<main><svg/></main>'
    """
    return _HELD.sub(lambda m: parts[int(m.group(1))], html)


def _remove_old_build(site_dir: str) -> None:
    """A failed build must not leave an older site looking like a good one."""
    if (Path(site_dir) / BUILD_MARKER).is_file():
        shutil.rmtree(site_dir)
        log.error("removed %s: it no longer matches the records", site_dir)
