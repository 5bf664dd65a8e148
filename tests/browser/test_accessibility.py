"""WCAG 2.1 AA in a real browser: axe-core on the main pages, and the register by keyboard."""

from __future__ import annotations

import pytest

from . import MAIN_PAGES

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:8]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')[:300]!r}")
        if len(v["nodes"]) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_page_has_no_wcag_violations(tab, site_url, axe, path):
    page = tab.open(site_url + path)
    result = axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = result.response["violations"]
    assert not violations, f"axe found violations on {path}:\n{describe(violations)}"


def _tab_to(page, selector: str, limit: int = 250) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def _titles(page) -> list[str]:
    return page.eval_on_selector_all(
        "table[data-bkb-sortable] tbody tr:not([hidden]) td:first-child",
        "cells => cells.map(c => c.getAttribute('data-sort'))",
    )


def test_register_sorts_by_keyboard_with_visible_focus(tab, site_url):
    page = tab.open(site_url + "register/index.html")
    before = _titles(page)
    assert len(before) > 3
    _tab_to(page, "button[data-sort-key='title']")
    outline = page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, s.outlineWidth];
    }""")
    assert outline[0] != "none" and outline[1] != "0px", f"no visible focus: {outline}"
    page.keyboard.press("Enter")
    header = page.locator("th:has(button[data-sort-key='title'])")
    assert header.get_attribute("aria-sort") == "ascending"
    ascending = _titles(page)
    assert ascending == page.evaluate(
        "titles => [...titles].sort((a, b) => a.localeCompare(b, 'sv'))", before
    )
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert _titles(page) == list(reversed(ascending))


def test_register_filters_by_keyboard(tab, site_url):
    page = tab.open(site_url + "register/index.html")
    total = len(_titles(page))
    _tab_to(page, "input[data-filter='text']")
    page.keyboard.type("finansiering")
    shown = page.eval_on_selector_all(
        "table[data-bkb-sortable] tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.text)"
    )
    assert 0 < len(shown) < total
    assert all("finansiering" in text for text in shown)
    assert page.locator("[data-bkb-count]").inner_text().startswith(f"{len(shown)} av {total}")
    for _ in range(len("finansiering")):
        page.keyboard.press("Backspace")
    assert len(_titles(page)) == total
    _tab_to(page, "select[data-filter='status']")
    page.keyboard.press("ArrowDown")
    status = page.eval_on_selector("select[data-filter='status']", "s => s.value")
    assert status
    statuses = page.eval_on_selector_all(
        "table[data-bkb-sortable] tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.status)"
    )
    assert statuses and set(statuses) == {status}


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_page_reflows_at_320_css_pixels(tab, site_url, path):
    """WCAG 1.4.10: no sideways scrolling of the page at 320 px; wide tables scroll alone."""
    tab.page.set_viewport_size({"width": 320, "height": 640})
    page = tab.open(site_url + path)
    overflow = page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width + 1) return [];
        return Array.from(document.querySelectorAll('.md-content *'))
            .filter(el => el.getBoundingClientRect().right > width + 1)
            .filter(el => !el.parentElement.closest('.bkb-table-wrap, .bkb-network, .bkb-figure'))
            .slice(0, 5).map(el => el.outerHTML.slice(0, 100));
    }""")
    assert not overflow, f"{path} is wider than 320 px: {overflow}"
