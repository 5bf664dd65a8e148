"""The MkDocs adapter: it watches the records while serving."""

from __future__ import annotations

from pathlib import Path

from barrierkb.plugin import BarrierKBPlugin

REPO = Path(__file__).resolve().parents[1]


class FakeServer:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_rebuilds_when_a_record_changes():
    plugin = BarrierKBPlugin()
    plugin.root = REPO
    server = FakeServer()
    assert plugin.on_serve(server, config=None, builder=None) is server
    kinds = ("barriers", "stakeholders", "briefings")
    assert server.watched == [str(REPO / kind) for kind in kinds]
