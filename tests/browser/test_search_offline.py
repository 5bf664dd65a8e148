"""Search works offline: from file://, with no server, a word finds its barrier.

Material's search runs in a Web Worker, which browsers refuse to start from
file://; the site ships the iframe-worker shim for that (`npm ci`). This opens
the start page from disk, types a word from a barrier's summary and follows
the result.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from . import REPO

pytestmark = pytest.mark.browser

BARRIER = "funding-domestic-recipients-se"


def rare_summary_word(barrier_id: str) -> str:
    """The word of the barrier's summary that the fewest barrier files contain."""

    def words(text: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[^\W\d_]{7,}", text)}

    record = yaml.safe_load((REPO / "barriers" / f"{barrier_id}.yml").read_text("utf-8"))
    summary = record["summary"]["sv"] if isinstance(record["summary"], dict) else record["summary"]
    seen = Counter()
    for path in (REPO / "barriers").glob("*.yml"):
        seen.update(words(path.read_text(encoding="utf-8")))
    return min(sorted(words(summary)), key=lambda w: seen[w])


def test_search_from_file_finds_the_barrier(tab, site_dir):
    word = rare_summary_word(BARRIER)
    page = tab.open((site_dir / "index.html").as_uri())
    page.locator(".md-search__input").click()
    # Material opens the search dialog by checking its toggle once the input has focus.
    page.wait_for_function("document.querySelector('[data-md-toggle=search]').checked")
    page.keyboard.type(word)
    link = page.locator(f".md-search-result__item a[href*='barriers/{BARRIER}.html']").first
    link.wait_for(timeout=15_000)
    link.click()
    page.wait_for_load_state()
    assert re.split("[?#]", page.url)[0] == (site_dir / "barriers" / f"{BARRIER}.html").as_uri()
    assert page.locator("h1").first.is_visible()
    assert not tab.foreign_requests()
