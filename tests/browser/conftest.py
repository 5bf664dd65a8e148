"""Fixtures of the browser tests: the site built once, served, and one Chromium.

- `site_url`: the repository's site (`site_dir`, in tests/conftest.py), served
  on 127.0.0.1 (an ephemeral port).
- `hostile_repo` / `hostile_site` / `hostile_url`: a copy of the repository with
  the inert half of tests/hostile/ added, checked and built the same way.
- `browser`: Debian's Chromium through Playwright. Without a browser (see `__init__`) the
  tests that need it skip, unless BARRIERKB_REQUIRE_BROWSER=1 (set by .ci/run).
- `tab`: one page, reused by every test, that records each request it makes and
  each dialog (`alert`) that opens; requests to other hosts are aborted.
"""

from __future__ import annotations

import pytest

from . import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REQUIRE_BROWSER,
    build_site,
    copy_repo,
    hostile_payloads,
    hostile_records,
    run_check,
    serve,
    write_records,
)

ALLOWED_SCHEMES = ("file://", "data:", "blob:", "about:")


def is_local(url: str) -> bool:
    """Whether a request stays on this machine: the test servers, files, in-page data."""
    return url.startswith(("http://127.0.0.1:", *ALLOWED_SCHEMES))


def _unavailable(reason: str):
    if REQUIRE_BROWSER:
        pytest.fail(f"BARRIERKB_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_url(site_dir):
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def inert_items():
    return [item for item in hostile_payloads() if item["verdict"] == "inert"]


@pytest.fixture(scope="session")
def hostile_repo(tmp_path_factory, inert_items):
    repo = copy_repo(tmp_path_factory.mktemp("hostile") / "repo")
    for item in inert_items:
        write_records(repo, hostile_records(item))
    return repo


@pytest.fixture(scope="session")
def hostile_check(hostile_repo):
    """`barrierkb check` on the copy with the inert records: what `make site` runs first."""
    return run_check(hostile_repo)


@pytest.fixture(scope="session")
def hostile_site(hostile_repo, hostile_check, tmp_path_factory):
    assert hostile_check.returncode == 0, (
        "barrierkb check refused records of the inert corpus:\n" + hostile_check.stdout[-4000:]
    )
    return build_site(tmp_path_factory.mktemp("hostile-site") / "site", root=hostile_repo)


@pytest.fixture(scope="session")
def hostile_url(hostile_site):
    with serve(hostile_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
    except Exception as err:  # a broken Chromium install: say so, once
        playwright.stop()
        _unavailable(f"Chromium did not start: {err}")
    yield browser
    browser.close()
    playwright.stop()


class Tab:
    """One page, reused across tests, with a log of its requests and dialogs."""

    def __init__(self, page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._on_dialog)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message} on {self.page.url}")
        dialog.dismiss()

    def open(self, url: str, wait_until: str = "load"):
        """Go to `url` with fresh logs; return the Playwright page."""
        self.requests.clear()
        self.dialogs.clear()
        self.page.goto(url, wait_until=wait_until)
        return self.page

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]


@pytest.fixture(scope="session")
def _session_tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    # Nothing may leave the machine; the request log still sees each attempt.
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    tab = Tab(context.new_page())
    yield tab
    context.close()


@pytest.fixture
def tab(_session_tab):
    page = _session_tab.page
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 900})
    return _session_tab
