"""`make screenshots`: PNGs of the main pages at desktop and phone widths.

Run from the repository root as `python -m tests.screenshots`. It builds
site/ first, as `make site` does, when site/index.html is missing, then opens
each page from file:// in Debian's Chromium and saves a full-page PNG per
width into screenshots/, named `<page>-<width name>.png`:

    screenshots/register-desktop.png   1280 px wide
    screenshots/register-phone.png      390 px wide

Options: `--site DIR` (default site), `--out DIR` (default screenshots).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

#: Name in the file name -> page of the site.
PAGES = {
    "start": "index.html",
    "register": "register/index.html",
    "barrier": "barriers/funding-domestic-recipients-se.html",
    "stakeholder": "stakeholders/vinnova.html",
    "forum": "stakeholders/greater-copenhagen.html",
    "briefing": "briefings/2026-05-20-firs-testbaddar.html",
    "network": "network.html",
    "data": "data.html",
}
#: Width name -> viewport (CSS pixels).
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}


def ensure_site(site: Path) -> None:
    """Check the records and build `site` unless it has been built already."""
    from tests.browser import REPO, build_site

    if (site / "index.html").is_file():
        return
    print(f"{site} is missing: checking the records and building it", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "barrierkb.cli", "check"], cwd=REPO, check=True)
    build_site(site)


def take(site: Path, out: Path) -> list[Path]:
    """Save a PNG per page and width; return their paths."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        for width_name, viewport in VIEWPORTS.items():
            context = browser.new_context(
                viewport=viewport, locale="sv-SE", is_mobile=width_name == "phone"
            )
            # The site is offline by design; make sure a screenshot never says otherwise.
            context.route(
                lambda url: not url.startswith(("file:", "data:", "blob:", "about:")),
                lambda route: route.abort(),
            )
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto((site / path).as_uri(), wait_until="networkidle")
                target = out / f"{name}-{width_name}.png"
                page.screenshot(path=str(target), full_page=True)
                saved.append(target)
            context.close()
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    from tests.browser import CHROMIUM, REPO

    parser = argparse.ArgumentParser(
        prog="python -m tests.screenshots",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(
            f"screenshots need Chromium at {CHROMIUM} (apt-get install chromium)", file=sys.stderr
        )
        return 1
    site = args.site.resolve()
    ensure_site(site)
    for path in take(site, args.out.resolve()):
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
