"""What the browser tests and the static-site test share: build, serve, launch.

The site is built with the same command as `make site` (`mkdocs build
--strict`), into a temporary folder, and served by a stdlib HTTP server on
127.0.0.1 so that the pages can be loaded over http and from file:// alike.
The browser is found as `barrierkb brief` finds it (`site.pdf.find_engine`: by name on
the PATH, or BARRIERKB_BROWSER); Playwright never downloads one.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from barrierkb.site.pdf import CHROMIUM_FLAGS, EngineMissing, find_engine

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "hostile"


def _browser() -> Path:
    """The browser the PDF engine would use (by name on the PATH, or BARRIERKB_BROWSER)."""
    try:
        return Path(find_engine())
    except EngineMissing:
        return Path("no-browser-found")  # `exists()` is False: the browser tests skip or fail


CHROMIUM = _browser()
#: The same quiet, sandbox-free flags the PDF engine uses; Playwright adds headless itself.
CHROMIUM_ARGS = [f for f in CHROMIUM_FLAGS if f not in ("--headless", "--no-pdf-header-footer")]
#: Set by .ci/run: a missing Chromium fails the browser tests instead of skipping them.
REQUIRE_BROWSER = os.environ.get("BARRIERKB_REQUIRE_BROWSER") == "1"

#: The pages every accessibility and privacy test visits.
#: The main pages of the Swedish edition, and those the Danish and English editions repeat.
SWEDISH_PAGES = [
    "index.html",
    "register/index.html",
    "barriers/funding-domestic-recipients-se.html",
    "stakeholders/vinnova.html",
    "stakeholders/greater-copenhagen.html",
    "network.html",
    "examples/2026-05-20-firs-testbaddar.html",
    "examples/2026-09-16-firs-uppfoljning.html",
    "briefings/ataganden.html",
    "data.html",
]
EDITION_PAGES = [
    "index.html",
    "register/index.html",
    "barriers/funding-domestic-recipients-se.html",
    "stakeholders/greater-copenhagen.html",
    "examples/2026-05-20-firs-testbaddar.html",
]
MAIN_PAGES = SWEDISH_PAGES + [f"{lang}/{page}" for lang in ("da", "en") for page in EDITION_PAGES]


#: The day the test sites are built for (today, fixed once): a single edition built
#: later in the run with the same day can be compared with them byte for byte.
BUILD_EPOCH = str(int(time.time()))


def build_site(dest: Path, root: Path = REPO) -> Path:
    """Every edition, as `make site` builds them (Swedish in `dest`, then da/ and en/).

    What the command printed is kept beside the site, in `build_log(dest)`.
    """
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BARRIERKB_AUDIENCE": "public",
        "SOURCE_DATE_EPOCH": BUILD_EPOCH,
    }
    result = subprocess.run(
        [sys.executable, "-m", "barrierkb.cli", "site", "--site-dir", str(dest)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise AssertionError(f"barrierkb site failed in {root}:\n{result.stderr[-4000:]}")
    build_log(dest).write_text(result.stderr, encoding="utf-8")
    return dest


def build_log(site: Path) -> Path:
    """Where `build_site` keeps what `barrierkb site` printed while it built `site`."""
    return site.with_name(site.name + ".log")


def run_check(root: Path) -> subprocess.CompletedProcess:
    """`barrierkb check --format json` in `root`."""
    return subprocess.run(
        [sys.executable, "-m", "barrierkb.cli", "check", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
    )


def copy_repo(target: Path) -> Path:
    """The records, docs and mkdocs.yml of the repository, for a build of its own."""
    shutil.copytree(
        REPO,
        target,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "node_modules",
            "site",
            "site-internal",
            "build",
            "screenshots",
            "__pycache__",
            ".pytest_cache",
            "tests",
            "benchmarks",
            "scripts",
            "seed",
            "research",
        ),
    )
    (target / "node_modules").symlink_to(REPO / "node_modules")
    return target


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - API name
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (an ephemeral port); yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- the hostile corpus ---------------------------------------------------------------


def hostile_payloads() -> list[dict]:
    """tests/hostile/payloads.yml, with `repeat` expanded into the text."""
    items = yaml.safe_load((HOSTILE / "payloads.yml").read_text(encoding="utf-8"))
    for item in items:
        item["text"] = item["text"] * item.get("repeat", 1)
    return items


def _templates() -> dict[str, str]:
    return {
        kind: (HOSTILE / f"{kind}.yml.in").read_text(encoding="utf-8")
        for kind in ("barrier", "stakeholder", "briefing")
    }


def hostile_records(item: dict) -> dict[str, str]:
    """The barrier, stakeholder and briefing that carry one payload in every text field.

    The payload goes in as a JSON string, which YAML reads as a double-quoted
    scalar, so it stays on the template's line whatever it holds. `@CITED@` is
    the payload after a citation of the template's source, for fields where
    every paragraph must cite (a barrier's description).
    """
    rid = f"hostile-{item['name']}"
    quoted = json.dumps(item["text"], ensure_ascii=True)
    cited = json.dumps(f"[@testkorpus] {item['text']}", ensure_ascii=True)
    folders = {"barrier": "barriers", "stakeholder": "stakeholders", "briefing": "briefings"}
    return {
        f"{folders[kind]}/{rid}.yml": template.replace("@ID@", rid)
        .replace("@TEXT@", quoted)
        .replace("@CITED@", cited)
        for kind, template in _templates().items()
    }


def hostile_fields(kind: str) -> dict[int, str]:
    """Line number -> field path of each `@TEXT@` or `@CITED@` in a template."""
    fields = {}
    for number, line in enumerate(_templates()[kind].splitlines(), start=1):
        if ("@TEXT@" in line or "@CITED@" in line) and not line.startswith("#"):
            fields[number] = line.split("#", 1)[1].strip()
    return fields


def write_records(root: Path, records: dict[str, str]) -> None:
    for rel, text in records.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
