"""The three editions in a real browser: the switcher, and search in each edition's language."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from . import REPO

pytestmark = pytest.mark.browser

BARRIER = "funding-domestic-recipients-se"
EDITION_ROOTS = {"sv": "", "da": "da/", "en": "en/"}


@pytest.mark.parametrize("start", ["sv", "da", "en"])
def test_switcher_leads_to_the_same_barrier_in_each_other_edition(tab, site_url, start):
    for target, prefix in EDITION_ROOTS.items():
        if target == start:
            continue
        page = tab.open(f"{site_url}{EDITION_ROOTS[start]}barriers/{BARRIER}.html")
        link = page.locator(f"a.md-select__link[hreflang='{target}']")
        assert link.count() == 1
        page.goto(link.evaluate("a => a.href"))  # the menu opens on hover; follow its address
        page.wait_for_load_state()
        assert page.url == f"{site_url}{prefix}barriers/{BARRIER}.html"
        assert page.evaluate("document.documentElement.lang") == target
        assert page.locator("h1").first.is_visible()


def _summary_words(lang: str) -> set[str]:
    record = yaml.safe_load((REPO / "barriers" / f"{BARRIER}.yml").read_text("utf-8"))
    return {w.lower() for w in re.findall(r"[^\W\d_]{8,}", record["summary"][lang])}


def _search(tab, url: str, word: str):
    page = tab.open(url)
    page.locator(".md-search__input").click()
    page.wait_for_function("document.querySelector('[data-md-toggle=search]').checked")
    page.keyboard.type(word)
    return page


def _danish_only_word(site_dir) -> str:
    """The rarest word of the Danish summary that is plainly Danish (æ or ø) and in no other
    text: rare, so the barrier is among the first results the search shows."""
    words = _summary_words("da") - _summary_words("sv") - _summary_words("en")
    index = json.loads((site_dir / "da" / "search" / "search_index.json").read_text("utf-8"))
    texts = [(doc["title"] + " " + doc["text"]).lower() for doc in index["docs"]]
    danish = sorted(w for w in words if "æ" in w or "ø" in w)
    return min(danish, key=lambda w: sum(w in text for text in texts))


def test_danish_search_from_file_finds_the_barrier_by_a_danish_word(tab, site_dir):
    word = _danish_only_word(site_dir)
    page = _search(tab, (site_dir / "da" / "index.html").as_uri(), word)
    link = page.locator(f".md-search-result__item a[href*='barriers/{BARRIER}.html']").first
    link.wait_for(timeout=15_000)
    assert not tab.foreign_requests()


def test_swedish_search_does_not_find_a_word_that_only_the_danish_text_has(tab, site_dir):
    page = _search(tab, (site_dir / "index.html").as_uri(), _danish_only_word(site_dir))
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta') &&"
        " document.querySelector('.md-search-result__meta').textContent.trim() !== ''",
        timeout=15_000,
    )
    assert page.locator(f".md-search-result__item a[href*='barriers/{BARRIER}.html']").count() == 0
