"""The records outlive the engine: the generated pages build with Zensical as well.

Material for MkDocs stays the engine; this proves the path to its successor.
`barrierkb export-md` writes every generated page and download, and Zensical
(the `[engines]` extra) builds them with a configuration of four lines. The
test skips, with the reason, where Zensical is not installed; under CI
(`BARRIERKB_CI=1`, set by `.ci/run`, which installs the extra) it fails instead.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import REPO

ZENSICAL = Path(sys.executable).parent / "zensical"
REQUIRED = os.environ.get("BARRIERKB_CI") == "1"

#: What another engine needs beside the exported pages: a name, flat URLs, the language.
CONFIG = """\
site_name: Gränshinderbasen
use_directory_urls: false
theme:
  language: sv
"""

_LINK = re.compile(r'(?:href|src)="([^"]+)"')


def local_links(html: str) -> list[str]:
    """The paths of the links and sources in `html` that stay inside the site.

    >>> local_links('<a href="../x.html#a">x</a> <a href="https://e.org">e</a> <a href="#b">b</a>')
    ['../x.html']
    """
    found = []
    for url in _LINK.findall(html):
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        found.append(unquote(parts.path))
    return found


def broken_links(site: Path) -> dict[str, list[str]]:
    """Each internal link of the built `site` that leads to no file, with the pages it is on.

    A link starting with `/` is read from the site's root (404.html has those).
    """
    broken: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        for path in local_links(page.read_text(encoding="utf-8")):
            base = site if path.startswith("/") else page.parent
            if not (base / path.lstrip("/")).resolve().exists():
                broken.setdefault(path, []).append(page.relative_to(site).as_posix())
    return broken


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> tuple[Path, Path]:
    if not ZENSICAL.is_file():
        message = "Zensical is not installed: pip install -e '.[engines]' (.ci/run does)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    project = tmp_path_factory.mktemp("zensical")
    docs = project / "docs"
    export = subprocess.run(
        [sys.executable, "-m", "barrierkb.cli", "export-md", str(docs)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert export.returncode == 0, export.stderr[-3000:]
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    build = subprocess.run(
        [str(ZENSICAL), "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, (build.stdout + build.stderr)[-3000:]
    return docs, project / "site"


def test_zensical_builds_a_page_for_every_exported_page(zensical_site):
    docs, site = zensical_site
    pages = sorted(p.relative_to(docs).with_suffix(".html") for p in docs.rglob("*.md"))
    assert len(pages) > 100  # every barrier, stakeholder, source and meeting
    missing = [str(p) for p in pages if not (site / p).is_file()]
    assert missing == []
    barrier = (site / "barriers" / "funding-domestic-recipients-se.html").read_text("utf-8")
    assert "Vinnova" in barrier and "<h1" in barrier


def test_zensical_build_has_no_broken_internal_link(zensical_site):
    _, site = zensical_site
    assert local_links((site / "register" / "index.html").read_text("utf-8"))
    assert broken_links(site) == {}


def test_downloads_are_copied_as_they_are(zensical_site):
    docs, site = zensical_site
    for path in ("data/granshinderbasen.json", "data/hinder.csv", "feed.xml"):
        assert (site / path).read_bytes() == (docs / path).read_bytes(), path
