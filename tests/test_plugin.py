"""The MkDocs adapter: `mkdocs serve` rebuilds the site when a record changes, and search
never reads the parts of a page marked unindexed, which the finished page still has."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import copy_repo

MKDOCS = Path(sys.executable).parent / "mkdocs"
RECORD = "barriers/research-infrastructure-nordic-use.yml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, wanted: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if wanted in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{wanted!r} did not appear at {url} within {seconds} s")


def test_serve_rebuilds_when_a_record_changes(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    port = free_port()
    url = f"http://127.0.0.1:{port}/granshinderbasen/{RECORD[:-4]}.html"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=repo,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(url, "<h1", 120)
        path = repo / RECORD
        text = path.read_text(encoding="utf-8")
        changed = text.replace('  sv: "', '  sv: "Ändrad rubrik 4711 ', 1)
        assert changed != text
        path.write_text(changed, encoding="utf-8")
        page = wait_for(url, "Ändrad rubrik 4711", 120)
        assert "<h1" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_search_is_kept_from_each_unindexed_part_and_the_page_is_restored_after():
    from barrierkb.plugin import hold_back, put_back
    from barrierkb.site.templating import UNINDEXED_END, UNINDEXED_START

    page = (
        f"<h1>Hinder</h1><p>Text</p>{UNINDEXED_START}<ul><li>Region Skåne</li></ul>"
        f"{UNINDEXED_END}<p>Mer text</p>{UNINDEXED_START}<svg/>{UNINDEXED_END}"
        f"<p>Slut</p>{UNINDEXED_START}<p>aldrig stängd</p>"
    )
    light, parts = hold_back(page)
    assert light == (
        "<h1>Hinder</h1><p>Text</p><!-- bkb:held 0 --><p>Mer text</p><!-- bkb:held 1 -->"
        f"<p>Slut</p>{UNINDEXED_START}<p>aldrig stängd</p>"
    )
    assert parts == [
        f"{UNINDEXED_START}<ul><li>Region Skåne</li></ul>{UNINDEXED_END}",
        f"{UNINDEXED_START}<svg/>{UNINDEXED_END}",
    ]
    assert put_back(light, parts) == page
