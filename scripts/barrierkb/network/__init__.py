"""The network layer: the stakeholder graph and what is computed from it.

`build_graph(kb)` makes a `networkx.MultiDiGraph`; the other modules take
that graph and plain ids and return plain lists, dicts and SVG text.
"""
