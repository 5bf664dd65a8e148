"""The MkDocs adapter: `mkdocs serve` rebuilds the site when a record changes."""

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
