"""Which link targets record text may carry: one answer for the checker and the renderer.

Record text is Markdown. The site turns it into HTML and drops every link
target that `link_problem` objects to; `barrierkb check` reports exactly those
targets, found by the same Markdown parser, so a partner learns about a link
before it silently disappears from the page.

>>> [link_problem(t) for t in ["https://a.se", "../x.html", "#top"]]
[None, None, None]
>>> link_problem("javascript&#58;alert(1)")
'it uses the scheme javascript:, not http or https'
>>> link_problem("java\\u200bscript:alert(1)")
'it hides an invisible character'
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import cache, lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor

#: Characters a reader cannot see: C0 and C1 controls, zero-width and
#: direction marks, word joiners and the byte-order mark.
INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_MAYBE_LINK = re.compile(r"\]\s*[(:\[]")
SAFE_SCHEMES = ("http", "https")


def link_problem(target: str) -> str | None:
    """Why a link target may not be shown, or None when it is http(s), relative or a fragment.

    The target is read as suspiciously as a browser could read it: HTML
    entities decoded until none is left (so an escaped `&amp;#58;` counts as a
    colon), and surrounding spaces and angle brackets removed. A target that
    holds an invisible character is refused whatever its scheme, since it does
    not read as it displays.
    """
    plain = target
    for _ in range(4):
        decoded = html.unescape(plain)
        if decoded == plain:
            break
        plain = decoded
    plain = plain.strip().strip("<>").strip()
    if INVISIBLE.search(plain):
        return "it hides an invisible character"
    scheme = _SCHEME.match(plain)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return f"it uses the scheme {scheme.group(1).lower()}:, not http or https"
    return None


def escape_markup(text: str) -> str:
    """Escape what HTML would read as markup; keep what Markdown reads.

    Record text never carries HTML: the renderer and the checker both parse it
    after this step.

    >>> escape_markup("<b>&amp;</b>")
    '&lt;b&gt;&amp;amp;&lt;/b&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Collect(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        self.md.found = [
            el.get("href" if el.tag == "a" else "src", "")
            for el in root.iter()
            if el.tag in ("a", "img")
        ]


class _CollectExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - API name
        md.treeprocessors.register(_Collect(md), "barrierkb-collect", 0)


@cache
def _parser() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_CollectExtension()])


def link_targets(text: str) -> list[str]:
    """The link and image targets of record Markdown, as the renderer will see them.

    >>> link_targets("Se [a](https://a.se) och ![b](bild.png), inte [c] eller [@key].")
    ['https://a.se', 'bild.png']
    """
    if not may_link(text):
        return []
    return list(_parsed_targets(text))


def may_link(text: str) -> bool:
    """A quick test: False means `text` holds no link (`]` before `(`, `:` or `[`).

    >>> may_link("Se [a](https://a.se)."), may_link("Hindret finns [@a, s. 3].")
    (True, False)
    """
    return _MAYBE_LINK.search(text) is not None


@lru_cache(maxsize=16384)
def _parsed_targets(text: str) -> tuple[str, ...]:
    """The targets Python-Markdown finds in `text`, once per distinct text."""
    md = _parser()
    md.reset()
    md.convert(escape_markup(text))
    return tuple(md.found)


def unsafe_links(text: str) -> list[tuple[str, str]]:
    """Each target in `text` that the site would drop, with the reason.

    >>> unsafe_links("[a](javascript:alert(1)) [b](https://x.se) ![c](data:x)")
    [('javascript:alert(1)', 'it uses the scheme javascript:, not http or https'), \
('data:x', 'it uses the scheme data:, not http or https')]
    """
    found = []
    for target in link_targets(text):
        reason = link_problem(target)
        if reason:
            found.append((html.unescape(target), reason))  # as the partner wrote it
    return found
