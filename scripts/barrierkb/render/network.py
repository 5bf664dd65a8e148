"""Network sections of the site: filled in from the graph analytics."""

from __future__ import annotations


def network_files(kb, graph, options) -> dict:
    return {"pages": {"network.md": "# Nätverket\n"}}
