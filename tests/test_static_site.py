"""File-level checks of the built site: what every HTML and CSS file may contain.

No page loads anything from another host (DESIGN: no third-party requests);
no page carries an inline event handler or a `javascript:` address; every
relative address points at a file of the site, so it works from file://; every
page says it is in its edition's language (sv, da/ or en/), has a title, one h1 and unique
ids. The browser tests
(tests/browser/) prove the same things at run time; these need no browser.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

#: <link rel> values that make the browser fetch or connect.
LOADING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "prerender",
    "icon",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
    "dns-prefetch",
    "preconnect",
    "import",
}
#: Attributes that load what they name, on any element but <a> and <link>.
LOADING_ATTRS = {
    "src",
    "srcset",
    "poster",
    "data",
    "background",
    "href",
    "xlink:href",
    "action",
    "formaction",
    "codebase",
    "archive",
    "ping",
}
EXTERNAL = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
REFRESH = re.compile(r"url\s*=\s*(\S+)", re.I)
#: Material's table of contents has <label for="__toc"> on every page, but the
#: checkbox only on pages in the navigation (the label is the TOC's title).
MATERIAL_TOGGLES = {"__toc"}


class Page(HTMLParser):
    """The tags of one HTML file, as (tag, attributes), and the text of its <style>s."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self.title = ""
        self._in = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k.lower(): v or "" for k, v in attrs}))
        self._in = tag

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._in = ""

    def handle_data(self, data):
        if self._in == "style":
            self.styles.append(data)
        elif self._in == "title":
            self.title += data


@pytest.fixture(scope="module")
def site(site_dir) -> Path:
    return site_dir


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    return {
        path.relative_to(site).as_posix(): Page(path.read_text(encoding="utf-8"))
        for path in sorted(site.rglob("*.html"))
    }


def is_external(url: str) -> bool:
    """A URL with a scheme or a host: anything but a relative address or data:."""
    return bool(EXTERNAL.match(url)) and not url.strip().lower().startswith("data:")


def loads_from(tag: str, attrs: dict[str, str]) -> list[str]:
    """The addresses an element makes the browser fetch as it loads."""
    if tag == "a":
        return []
    if tag == "link":
        rels = set(attrs.get("rel", "").lower().split())
        return [attrs.get("href", "")] if rels & LOADING_RELS else []
    if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
        return REFRESH.findall(attrs.get("content", ""))
    found = []
    for name, value in attrs.items():
        if name in LOADING_ATTRS:
            found += (
                [part.split()[0] for part in value.split(",") if part.strip()]
                if name == "srcset"
                else [value]
            )
        elif name == "style":
            found += [a or b for a, b in CSS_URL.findall(value)]
    return found


def test_site_has_pages(pages):
    assert "index.html" in pages and "register/index.html" in pages
    assert any(p.startswith("barriers/") for p in pages)


def test_no_html_file_loads_from_another_host(pages):
    bad = [
        f"{path}: <{tag}> {url}"
        for path, page in pages.items()
        for tag, attrs in page.tags
        for url in loads_from(tag, attrs)
        if is_external(url)
    ]
    bad += [
        f"{path}: <style> {a or b}"
        for path, page in pages.items()
        for style in page.styles
        for a, b in CSS_URL.findall(style)
        if is_external(a or b)
    ]
    assert not bad, "\n".join(bad[:20])


def test_no_css_file_loads_from_another_host(site):
    bad = [
        f"{css.relative_to(site)}: {a or b}"
        for css in sorted(site.rglob("*.css"))
        for a, b in CSS_URL.findall(css.read_text(encoding="utf-8"))
        if is_external(a or b)
    ]
    assert not bad, "\n".join(bad)


def test_links_to_sources_are_ordinary_links(pages):
    """Links to other hosts are <a href>, and open nothing on their own."""
    external = [
        attrs["href"]
        for page in pages.values()
        for tag, attrs in page.tags
        if tag == "a" and is_external(attrs.get("href", ""))
    ]
    assert any(url.startswith("https://") for url in external)


def test_no_inline_event_handlers_or_script_addresses(pages):
    bad = []
    for path, page in pages.items():
        for tag, attrs in page.tags:
            bad += [f"{path}: <{tag} {name}>" for name in attrs if name.startswith("on")]
            bad += [
                f"{path}: <{tag} {name}={value[:40]}>"
                for name, value in attrs.items()
                if name in ("href", "src", "action", "formaction", "xlink:href")
                and re.match(r"^\s*(javascript|vbscript|data):", value, re.I)
                and not (tag == "link" and value.startswith("data:image/"))
            ]
    assert not bad, "\n".join(bad[:20])


def _target(page_path: str, url: str) -> str | None:
    """The site file a relative address points at, or None for others."""
    if not url or is_external(url) or url.startswith(("#", "data:")):
        return None
    path = unquote(urlsplit(url).path)
    if not path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    return target + "index.html" if path.endswith("/") else target


def test_every_relative_address_points_at_a_file(site, pages):
    missing = []
    for path, page in pages.items():
        if path.endswith("404.html"):  # served for any path, so its links are absolute
            continue
        for tag, attrs in page.tags:
            for name in ("href", "src"):
                target = _target(path, attrs.get(name, ""))
                if target is not None and not (site / target).is_file():
                    missing.append(f"{path}: <{tag} {name}={attrs[name]}>")
    assert not missing, "\n".join(sorted(set(missing))[:30])


def test_every_page_is_in_its_editions_language_with_a_title_and_one_h1(pages):
    bad = []
    for path, page in pages.items():
        html = [attrs for tag, attrs in page.tags if tag == "html"]
        edition = path.split("/", 1)[0] if path.startswith(("da/", "en/")) else "sv"
        if not html or html[0].get("lang") != edition:
            bad.append(f"{path}: <html> has no lang={edition}")
        if not page.title.strip():
            bad.append(f"{path}: empty <title>")
        h1 = sum(tag == "h1" for tag, _ in page.tags)
        if h1 != 1:
            bad.append(f"{path}: {h1} <h1> elements")
    assert not bad, "\n".join(bad[:30])


def test_ids_are_unique_and_references_resolve(pages):
    bad = []
    for path, page in pages.items():
        ids = Counter(attrs["id"] for _, attrs in page.tags if attrs.get("id"))
        bad += [f"{path}: id {i!r} used {n} times" for i, n in ids.items() if n > 1]
        for tag, attrs in page.tags:
            for name in ("aria-labelledby", "aria-describedby", "for"):
                bad += [
                    f"{path}: <{tag} {name}={ref}> names no element"
                    for ref in attrs.get(name, "").split()
                    if ref not in ids and ref not in MATERIAL_TOGGLES
                ]
    assert not bad, "\n".join(bad[:30])


def test_images_and_drawings_have_text_alternatives(pages):
    bad = []
    for path, page in pages.items():
        for tag, attrs in page.tags:
            if tag == "img" and "alt" not in attrs:
                bad.append(f"{path}: <img src={attrs.get('src')}> without alt")
            if (
                tag == "svg"
                and attrs.get("role") in ("img", "group", "figure")
                and not (attrs.get("aria-label") or attrs.get("aria-labelledby"))
            ):
                bad.append(f"{path}: <svg role={attrs['role']}> without a name")
    assert not bad, "\n".join(bad[:30])
