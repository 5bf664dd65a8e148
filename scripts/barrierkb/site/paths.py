"""Where each generated page lives, and relative links between pages.

Pages are written for `use_directory_urls: false`: a page `barriers/x.md` is
served as `barriers/x.html`, and links between pages are relative, so they
work from a web server and from `file://` alike. Templates reach these
functions as Jinja globals.
"""

from __future__ import annotations

from functools import lru_cache

REGISTER = "register/index.md"
STAKEHOLDER_INDEX = "stakeholders/index.md"
BRIEFING_INDEX = "briefings/index.md"
SOURCE_INDEX = "sources/index.md"
EXAMPLE_INDEX = "examples/index.md"
#: Every open commitment made at a meeting, by due date.
COMMITMENTS = "briefings/ataganden.md"


def barrier_page(record_id: str) -> str:
    return f"barriers/{record_id}.md"


def stakeholder_page(record_id: str) -> str:
    return f"stakeholders/{record_id}.md"


def briefing_page(record_id: str) -> str:
    return f"briefings/{record_id}.md"


def source_page(record_id: str) -> str:
    return f"sources/{record_id}.md"


def example_page(record_id: str) -> str:
    return f"examples/{record_id}.md"


def facet_page(facet: str, value: str) -> str:
    return f"register/{facet}/{value.lower()}.md"


def html_path(src: str) -> str:
    """Where MkDocs writes a page: `a/b.md` -> `a/b.html`, `a/index.md` -> `a/index.html`."""
    return src[:-3] + ".html" if src.endswith(".md") else src


def relative(from_src: str, to_src: str) -> str:
    """A link from one page (or file) to another, relative, as served.

    >>> relative("barriers/a.md", "stakeholders/b.md")
    '../stakeholders/b.html'
    >>> relative("index.md", "data/barriers.json")
    'data/barriers.json'
    >>> relative("register/status/raised.md", "register/index.md")
    '../index.html'
    """
    return _relative_from(from_src.rpartition("/")[0], to_src)


@lru_cache(maxsize=32768)
def _relative_from(folder: str, to_src: str) -> str:
    """`relative` from any page in `folder`: pages of one folder link to the same pages, so
    this is kept once per folder, not once per page (which grew with the pages squared)."""
    start = folder.split("/") if folder else []
    target = html_path(to_src).split("/")
    common = 0
    while common < min(len(start), len(target) - 1) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])
