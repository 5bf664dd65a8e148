"""Briefing packs as PDF, printed by a real engine (headless Chromium).

The PDF comes from the same Markdown as the briefing's page on the site, turned
into one standalone HTML document with the site's own print stylesheet, and
printed by Chromium from Debian's package.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import markdown
from markupsafe import Markup

from ..records import vocab
from ..records.load import KnowledgeBase
from ..records.model import AgendaItem, Briefing
from .briefings import render_briefing
from .templating import SiteOptions, environment
from ..records.lang import text

ENGINES = ("chromium", "chromium-browser", "google-chrome")
STYLESHEETS = ("docs/assets/stylesheets/barrierkb.css", "docs/assets/stylesheets/print.css")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


class EngineMissing(Exception):
    """No PDF engine on this machine."""


def adhoc_briefing(
    kb: KnowledgeBase, forum: str, statuses: list[str] | None = None, today=None
) -> Briefing:
    """A pack of the open barriers raised at `forum`, without a briefing record."""
    wanted = set(statuses or [s for s in vocab.STATUSES if s not in vocab.CLOSED_STATUSES])
    items = [
        AgendaItem(barrier=b.id)
        for b in kb.barriers.values()
        if forum in b.forums and b.status in wanted
    ]
    name = text(kb.stakeholders[forum].name) if forum in kb.stakeholders else forum
    return Briefing.model_construct(
        id=f"{forum}-pack",
        title=f"Öppna gränshinder i {name}",
        date=today,
        forum=forum,
        attendees=[],
        purpose=None,
        barriers=items,
        visibility="public",
        internal_notes=None,
    )


def briefing_html(
    kb: KnowledgeBase, briefing: Briefing, options: SiteOptions, root: Path, routes_html=None
) -> str:
    """The briefing as one standalone HTML document, styles inlined."""
    page = render_briefing(kb, briefing, options, routes_html)
    body_md = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.S)
    body = markdown.markdown(body_md, extensions=["tables"])
    css = "\n".join(
        (root / p).read_text(encoding="utf-8") for p in STYLESHEETS if (root / p).is_file()
    )
    template = environment().get_template("print.html.j2")
    return template.render(title=text(briefing.title), body=Markup(body), css=Markup(css))


def find_engine() -> str:
    for name in ENGINES:
        found = shutil.which(name)
        if found:
            return found
    raise EngineMissing(
        "no PDF engine found: install Debian's package chromium "
        "(sudo apt-get install chromium), then run the command again"
    )


def print_pdf(html: str, output: Path, timeout: int = 120) -> None:
    """Print an HTML document to `output` with headless Chromium."""
    engine = find_engine()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "brief.html"
        source.write_text(html, encoding="utf-8")
        output.parent.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [
                engine,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={output.resolve()}",
                source.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    if result.returncode != 0 or not output.is_file():
        raise RuntimeError(f"{engine} could not print the PDF:\n{result.stderr[-2000:]}")
