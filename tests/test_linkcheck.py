"""`barrierkb check --links`: source addresses that no longer answer, against a local server."""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import BARRIER, BARRIER_PATH, line_of, run_cli, write

from barrierkb.records.load import load
from barrierkb.workflow.linkcheck import dead_links


class Handler(BaseHTTPRequestHandler):
    def _answer(self, body: bool) -> None:
        port = self.server.server_address[1]
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/gone":
            self.send_response(404)
        elif self.path == "/broken":
            self.send_response(500)
        elif self.path == "/slow":
            time.sleep(3)
            self.send_response(200)
        elif self.path == "/moved-here":
            self.send_response(301)
            self.send_header("Location", f"http://127.0.0.1:{port}/ok")
        elif self.path == "/moved-away":
            self.send_response(302)
            self.send_header("Location", f"http://localhost:{port}/ok")
        elif self.path == "/no-head" and not body:
            self.send_response(405)
        elif self.path == "/no-head":
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802 - the handler API
        self._answer(body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(body=True)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


PATHS = ["ok", "gone", "broken", "slow", "moved-here", "moved-away", "no-head"]


def with_sources(base: str) -> str:
    sources = "".join(
        f"  - id: s-{p}\n    title: 'Källa {p}'\n    url: {base}/{p}\n" for p in PATHS
    )
    cites = " ".join(f"[@s-{p}]" for p in PATHS)
    text = BARRIER.replace("sources:\n", f"sources:\n{sources}", 1)
    return text.replace("i grannlandet\n  [@ksau", f"i grannlandet {cites}\n  [@ksau", 1)


def only_local(root, base: str) -> None:
    """Point every address at the local server: nothing leaves the machine."""
    for path in root.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"url: https?://(?!127\.0\.0\.1)\S+", f"url: {base}/ok", text)
        path.write_text(text, encoding="utf-8")


def test_dead_links_are_reported_where_the_address_stands(kb_root, server):
    write(kb_root, BARRIER_PATH, with_sources(server))
    only_local(kb_root, server)
    text = (kb_root / BARRIER_PATH).read_text(encoding="utf-8")
    found = dead_links(load(kb_root), timeout=1.0)
    reported = {d.message.split(": ", 1)[0].rsplit("/", 1)[1]: d for d in found}
    assert set(reported) == {"gone", "broken", "slow", "moved-away"}
    assert "404" in reported["gone"].message and "500" in reported["broken"].message
    assert "no answer within 1 s" in reported["slow"].message
    assert "another host, localhost" in reported["moved-away"].message
    for name, d in reported.items():
        assert (d.code, d.level, d.path) == ("dead-link", "warning", BARRIER_PATH)
        assert d.line == line_of(text, f"url: {server}/{name}")


def test_check_links_from_the_command_line(kb_root, server):
    write(kb_root, BARRIER_PATH, with_sources(server))
    only_local(kb_root, server)
    done = run_cli("check", str(kb_root), "--links", "--link-timeout", "1", "--format", "json")
    assert done.returncode == 0  # a dead link is a warning: the record is not wrong
    codes = [d["code"] for d in json.loads(done.stdout)]
    assert codes.count("dead-link") == 4


def test_check_without_links_asks_nothing(kb_root):
    write(kb_root, BARRIER_PATH, with_sources("http://127.0.0.1:9"))
    done = run_cli("check", str(kb_root), "--format", "json")
    assert "dead-link" not in done.stdout
