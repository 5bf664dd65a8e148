"""A briefing pack as an editable Word document, from the same HTML as the printed pack.

`pack_docx` renders the pack's HTML fragment (`packs.briefing_body`) and
walks it into python-docx: headings stay headings, tables stay tables, lists
stay lists, each barrier starts a new page and every page carries its
number. The bytes are the same for the same records (fixed document dates
and zip timestamps), like every other output.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import lxml.html
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..records.i18n import current
from ..records.lang import localized
from ..records.model import Briefing
from .packs import briefing_body, routes_for
from .prepare import SiteState

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
#: Elements that are for the screen only, or styles: never in the document.
SKIPPED = {"style", "script", "button", "template"}
BOLD = {"strong", "b", "th", "dt"}
ITALIC = {"em", "i"}


def _text(value: str) -> str:
    return re.sub(r"\s+", " ", value)


def _runs(paragraph, element, bold: bool = False, italic: bool = False) -> None:
    """The inline content of `element` as runs of `paragraph`, bold and italic kept."""
    bold = bold or element.tag in BOLD
    italic = italic or element.tag in ITALIC
    if element.text:
        run = paragraph.add_run(_text(element.text))
        run.bold, run.italic = bold or None, italic or None
    for child in element:
        if isinstance(child.tag, str) and child.tag not in SKIPPED:
            if child.tag == "br":
                paragraph.add_run().add_break()
            else:
                _runs(paragraph, child, bold, italic)
        if child.tail:
            run = paragraph.add_run(_text(child.tail))
            run.bold, run.italic = bold or None, italic or None


def _paragraph(doc, element, style: str | None = None):
    paragraph = doc.add_paragraph(style=style)
    _runs(paragraph, element)
    _trim(paragraph)
    return paragraph


def _trim(paragraph) -> None:
    if paragraph.runs:
        first, last = paragraph.runs[0], paragraph.runs[-1]
        first.text = first.text.lstrip()
        last.text = last.text.rstrip()


def _table(doc, element) -> None:
    rows = element.findall(".//tr")
    width = max((len(r.findall("./th")) + len(r.findall("./td")) for r in rows), default=0)
    if not rows or not width:
        return
    caption = element.find("./caption")
    if caption is not None:
        _paragraph(doc, caption, "Caption")
    table = doc.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for tr in rows:
        cells = table.add_row().cells
        for cell, td in zip(cells, [c for c in tr if c.tag in ("th", "td")], strict=False):
            paragraph = cell.paragraphs[0]
            _runs(paragraph, td)
            _trim(paragraph)


def _block(doc, element) -> None:
    """One block element of the pack, and what it holds, into `doc`."""
    tag = element.tag
    if not isinstance(tag, str) or tag in SKIPPED:
        return
    if tag == "section" and "bkb-brief-item" in element.get("class", ""):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if tag in HEADINGS:
        heading = doc.add_heading(level=HEADINGS[tag])
        _runs(heading, element)
        _trim(heading)
    elif tag == "p":
        if _text(element.text_content()).strip():
            _paragraph(doc, element)
    elif tag in ("ul", "ol"):
        style = "List Number" if tag == "ol" else "List Bullet"
        for li in element.findall("./li"):
            _paragraph(doc, li, style)
    elif tag == "table":
        _table(doc, element)
    elif tag == "dl":
        for dt_el in element.findall("./dt"):
            dd = dt_el.getnext()
            paragraph = doc.add_paragraph()
            _runs(paragraph, dt_el)
            paragraph.add_run(": ")
            if dd is not None and dd.tag == "dd":
                _runs(paragraph, dd)
            _trim(paragraph)
    else:  # div, section and other containers
        if element.text and element.text.strip():
            doc.add_paragraph(_text(element.text).strip())
        for child in element:
            _block(doc, child)


def _page_numbers(doc) -> None:
    """A centred page number in every page's footer (a PAGE field Word fills in)."""
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = 1
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so equal packs are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def pack_docx(state: SiteState, briefing: Briefing) -> bytes:
    """The pack of `briefing` for the state's audience as a Word document (.docx bytes)."""
    body = briefing_body(state.kb, briefing, state.options, routes_for(state), state.history)
    doc = Document()
    props = doc.core_properties
    props.title = str(localized(briefing.title))
    props.language = current()
    props.author = props.last_modified_by = "Gränshinderbasen"
    props.created = props.modified = dt.datetime.combine(briefing.date, dt.time())
    props.revision = 1
    for element in lxml.html.fragment_fromstring(body, create_parent="div"):
        _block(doc, element)
    _page_numbers(doc)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())


__all__ = ["pack_docx"]
