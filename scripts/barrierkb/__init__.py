"""Gränshinderbasen: cross-border barriers as records, checked and published.

The core is four plain functions over plain data: `load`, `check`,
`build_graph` and the renderers; the CLI, the MkDocs plugin and the macros
module are thin adapters over them.
"""

from .records.check import check
from .records.load import KnowledgeBase, load

__all__ = ["KnowledgeBase", "check", "load"]
