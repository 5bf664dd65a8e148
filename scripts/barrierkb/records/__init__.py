"""The records layer: the model, its vocabularies, safe YAML, loading and checking.

Everything here works on plain data and imports nothing from the layers above
(`network`, `site`, `workflow`) nor from MkDocs.
"""

from .check import check
from .load import KnowledgeBase, load

__all__ = ["KnowledgeBase", "check", "load"]
