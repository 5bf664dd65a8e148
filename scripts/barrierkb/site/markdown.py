"""Record text to HTML that cannot carry markup, script or a third-party load.

Record text is Markdown without raw HTML. It is turned into HTML here, by
Python-Markdown with no extensions, after escaping `&`, `<` and `>`, so any
HTML in it shows as text; a tree processor then drops every link target that
`records.links.link_problem` refuses (the same function `barrierkb check`
reports them with), and turns images into their alt text (an image would
load from another host). The site's own Markdown extensions (attr_list and
friends) never see record text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..records.citations import GROUP
from ..records.i18n import _, current
from ..records.lang import Localized
from ..records.links import escape_markup, link_problem
from ..records.vocab import LANGUAGE


class _Defang(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = ET.Element("span")
                    span.text = child.get("alt", "")
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(i, span)
                elif child.tag == "a":
                    if link_problem(child.get("href", "")):
                        child.attrib.pop("href", None)
                    for name in list(child.attrib):
                        if name not in ("href", "title"):
                            del child.attrib[name]
                    if child.get("href", "").startswith(("http://", "https://")):
                        child.set("rel", "noopener noreferrer")


class _SafeExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - API name
        md.treeprocessors.register(_Defang(md), "barrierkb-defang", 0)


_md = markdown.Markdown(extensions=[_SafeExtension()], output_format="html")


@lru_cache(maxsize=16384)
def _convert(escaped: str) -> str:
    """Python-Markdown's HTML for escaped record text: the same text, converted once.

    Records repeat text (copies of a paragraph, the same note in every
    edition), and the conversion is a pure function of its input.
    """
    _md.reset()
    return _md.convert(escaped)


#: Replaces a citation group (its inside, such as `@a, s. 3`) with HTML, or None to keep it.
Markers = Callable[[str], Markup | None]
_TOKEN = re.compile(r"<bkbcite(\d+)>")


def to_html(text: str | None, markers: Markers | None = None) -> Markup:
    """Record Markdown as safe HTML; with `markers`, citations become their HTML.

    A citation is swapped for a token that only this function can write (a
    `<`, which escaping removes from record text), so Markdown leaves it alone;
    the token becomes the marker after conversion.

    >>> str(to_html("Se [källan](https://a.se) <script>x</script> {{ 7*7 }}"))
    '<p>Se <a href="https://a.se" rel="noopener noreferrer">källan</a> \
&lt;script&gt;x&lt;/script&gt; {{ 7*7 }}</p>'
    >>> str(to_html("Hindret finns [@a, s. 3].", lambda inner: Markup("<sup>1</sup>")))
    '<p>Hindret finns <sup>1</sup>.</p>'
    """
    if not text:
        return Markup("")
    escaped = escape_markup(text)
    parts: list[Markup] = []
    if markers is not None:

        def swap(match: re.Match) -> str:
            marker = markers(match.group(1))
            if marker is None:
                return match.group(0)
            parts.append(marker)
            return f"<bkbcite{len(parts) - 1}>"

        escaped = GROUP.sub(swap, escaped)
    html = _convert(escaped)
    if parts:
        html = _TOKEN.sub(lambda m: str(parts[int(m.group(1))]), html)
    if isinstance(text, Localized) and text.is_fallback:
        return fallback_block(text.lang, Markup(html))
    return Markup(html)


def fallback_note(lang: str) -> str:
    """ "Only in Swedish", in the edition's language, for text that falls back to `lang`."""
    language = LANGUAGE.label(lang, current())
    return _("Finns bara på %(language)s.") % {"language": language}


def fallback_block(lang: str, html: Markup) -> Markup:
    """Text in another language than the page's: its `lang`, and a visible note."""
    return Markup(
        '<div class="bkb-fallback"><p class="bkb-fallback-note">{}</p><div lang="{}">{}</div></div>'
    ).format(fallback_note(lang), lang, html)


def to_inline_html(text: str | None, markers: Markers | None = None) -> Markup:
    """Like `to_html`, without the surrounding paragraph, for table cells."""
    plain = str(text) if isinstance(text, Localized) else text  # marked below, not as a block
    result = str(to_html(plain, markers))
    if result.startswith("<p>") and result.endswith("</p>") and result.count("<p>") == 1:
        result = result[3:-4]
    if isinstance(text, Localized) and text.is_fallback:
        return Markup('<span lang="{}">{}</span>').format(text.lang, Markup(result))
    return Markup(result)
