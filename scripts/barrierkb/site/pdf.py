"""Printing HTML to PDF with a real engine: headless Chromium.

The briefing packs (`packs`) and the tests use it. The engine is the one the
environment variable `BARRIERKB_BROWSER` names (a path or a command), else the
first of `ENGINES` found by name on the PATH: Debian's chromium, Ubuntu's
chromium-browser or the google-chrome that GitHub's hosted runners carry.
Never a fixed path, and never Ubuntu's snap stub, which nothing here installs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ENGINES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: The environment variable that names the browser, when it is not on the PATH by name.
BROWSER_VARIABLE = "BARRIERKB_BROWSER"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


class EngineMissing(Exception):
    """No PDF engine on this machine."""


def find_engine() -> str:
    """The browser to print with: `BARRIERKB_BROWSER`, else the first of `ENGINES` on the PATH."""
    named = os.environ.get(BROWSER_VARIABLE)
    if named:
        found = shutil.which(named)
        if found:
            return found
        raise EngineMissing(f"{BROWSER_VARIABLE}={named} is not a browser that can be run")
    for name in ENGINES:
        found = shutil.which(name)
        if found:
            return found
    raise EngineMissing(
        "no PDF engine found: install Debian's package chromium "
        "(sudo apt-get install chromium), then run the command again"
    )


def print_pdf(html: str, output: Path, timeout: int = 120) -> None:
    """Print an HTML document to `output` with headless Chromium."""
    engine = find_engine()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "brief.html"
        source.write_text(html, encoding="utf-8")
        output.parent.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [
                engine,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={output.resolve()}",
                source.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    if result.returncode != 0 or not output.is_file():
        raise RuntimeError(f"{engine} could not print the PDF:\n{result.stderr[-2000:]}")
