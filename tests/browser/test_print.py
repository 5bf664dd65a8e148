"""Print: a barrier page is one A4 sheet, a briefing is a cover plus a sheet per barrier.

Chromium prints with the print media type and the CSS page size (A4 from
print.css); pypdf reads the pages back. The site's chrome (header, tabs,
search, navigation, footer) must not be on paper.
"""

from __future__ import annotations

import io
import re

import pytest
import yaml

from barrierkb.records import load
from barrierkb.records.lang import localized
from barrierkb.site.agenda import ordered

from . import REPO

pytestmark = pytest.mark.browser

BARRIER = "funding-domestic-recipients-se"
BRIEFING = "2026-05-20-firs-testbaddar"
#: Labels of the navigation tabs and the sidebar that are not words of a record.
CHROME = [
    "Registret",
    "Aktörer",
    "Nätverket",
    "Årsrapporter",
    "Om basen",
    "Fältreferens",
    "Tillgänglighet",
    "Gå till innehållet",
]


def _pdf_pages(tab, url: str) -> list[str]:
    from pypdf import PdfReader

    page = tab.open(url)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842), "the pages are not A4"
    return [" ".join(p.extract_text().split()) for p in reader.pages]


def _title(kind: str, record_id: str) -> str:
    record = yaml.safe_load((REPO / kind / f"{record_id}.yml").read_text(encoding="utf-8"))
    title = record["title"]
    return " ".join((title["sv"] if isinstance(title, dict) else title).split())


def _assert_no_chrome(text: str) -> None:
    assert not re.search(r"\bSök\b", text), "the search box is printed"
    printed = [label for label in CHROME if label in text]
    assert not printed, f"site navigation is printed: {printed}"


def test_barrier_page_prints_on_one_a4_page(tab, site_url):
    pages = _pdf_pages(tab, f"{site_url}barriers/{BARRIER}.html")
    assert len(pages) == 1, f"the barrier prints on {len(pages)} pages"
    assert _title("barriers", BARRIER) in pages[0]
    _assert_no_chrome(pages[0])


def test_briefing_prints_a_cover_and_a_page_per_barrier(tab, site_url):
    kb = load(REPO)
    agenda = [
        " ".join(str(localized(b.title)).split())
        for _, b in ordered(kb, kb.examples[BRIEFING].barriers)
    ]
    pages = _pdf_pages(tab, f"{site_url}examples/{BRIEFING}.html")
    # the example has an outcome: it prints on a page of its own, after the agenda
    assert kb.examples[BRIEFING].outcome is not None
    assert len(pages) == 1 + len(agenda) + 1, (
        f"{len(pages)} pages for a cover, {len(agenda)} barriers and the outcome"
    )
    assert "Utfall" in pages[-1] and "påhittat åtagande" in pages[-1]
    assert " ".join(str(localized(kb.examples[BRIEFING].title)).split()) in pages[0]
    for number, (title, text) in enumerate(zip(agenda, pages[1:-1], strict=True), start=1):
        assert f"{number}. {title}" in text, f"page {number + 1} is not about {title!r}"
    for text in pages:
        _assert_no_chrome(text)


def test_commitments_and_the_follow_up_example_print_without_site_chrome(tab, site_url):
    commitments = _pdf_pages(tab, f"{site_url}briefings/ataganden.html")
    assert "Åtaganden" in commitments[0]
    follow_up = _pdf_pages(tab, f"{site_url}examples/2026-09-16-firs-uppfoljning.html")
    assert "Sedan förra mötet" in " ".join(follow_up)
    for text in commitments + follow_up:
        _assert_no_chrome(text)
