"""No third-party requests: every request a page makes stays on this machine.

The pages are loaded from the local server and from file://, and left until
the network is idle (Material's search worker and anything lazy has started).
Requests to other hosts are aborted by the `tab` fixture, so a failure here
never depends on being online. Material's bundle holds an unpkg address for
mermaid diagrams; this proves it is never fetched, since the site has none.
"""

from __future__ import annotations

import pytest

from . import MAIN_PAGES

pytestmark = pytest.mark.browser


def _assert_stays_local(tab, url: str, allowed: str) -> None:
    page = tab.open(url, wait_until="networkidle")
    # Search too: a query runs the worker, which loads the index on demand.
    page.locator(".md-search__input").click()
    page.keyboard.type("gräns")
    page.wait_for_load_state("networkidle")
    foreign = [u for u in tab.requests if not u.startswith((allowed, "data:", "blob:", "about:"))]
    assert not foreign, f"{url} asked another host for {foreign[0]} (all: {foreign})"
    assert tab.requests, "the request log is empty: the listener is not attached"


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_page_over_http_requests_nothing_from_another_host(tab, site_url, path):
    _assert_stays_local(tab, site_url + path, allowed=site_url)


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_page_from_file_requests_nothing_from_another_host(tab, site_dir, path):
    _assert_stays_local(tab, (site_dir / path).as_uri(), allowed="file://")
