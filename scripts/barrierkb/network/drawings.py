"""Static SVG drawings of the stakeholder graph: the whole network and ego networks.

Pure functions from a graph to an SVG string, for inlining in a page or
writing to a file. They are built to the site's rules:

- deterministic: layouts use no randomness and numbers are written with one
  decimal, so the same graph gives the same bytes;
- self-contained: no script, no external files or fonts, no ``<style>`` (it
  would leak into the page around an inline SVG); ``font-family:
  sans-serif``;
- accessible: ``role="group"`` (its nodes are links) with ``aria-labelledby`` pointing at a
  ``<title>`` and a ``<desc>`` that says in words what the drawing shows;
  every node and edge has its own ``<title>``; node kinds differ by shape and
  edge types by dash pattern, with a legend, so nothing depends on colour;
- safe: all record text is XML-escaped, and ids used in the SVG are slugs.

Nodes link to their pages through a ``href(kind, id)`` callable; the
default gives relative addresses such as ``../stakeholders/<id>/``.

`layout` places the nodes; `svg` writes the shapes, edges and legend the
drawings are made of.
"""

from __future__ import annotations

import math

import networkx as nx

from ..records import vocab
from ..records.i18n import _
from .analytics import ego_network
from .graph import (
    BARRIER,
    RELATION,
    STAKEHOLDER,
    TYPE_ORDER,
    group_of,
    id_of,
    label_of,
    node_key,
    node_kind,
)
from .layout import LABEL_DROP, LEVEL_ORDER, network_layout, ring_positions
from .svg import (
    NODE_R,
    SHAPE_ORDER,
    Href,
    draw_edges,
    draw_legend,
    draw_node,
    edge_sentence,
    escape,
    node_title,
    num,
    safe_prefix,
    shape_of,
    svg_open,
)


def default_href(kind: str, record_id: str) -> str:
    """The relative address of a record's page, from a page one folder down.

    >>> default_href("stakeholder", "malmo-stad")
    '../stakeholders/malmo-stad/'
    """
    return f"../{kind}s/{record_id}/"


def _count_words(counts: dict[str, int], labels: dict[str, str]) -> str:
    return ", ".join(f"{labels.get(k, k)} {c}" for k, c in counts.items() if c)


# -- the whole network --------------------------------------------------------------------


def network_svg(
    G: nx.Graph,
    href: Href = default_href,
    home: str | None = "malmo-stad",
    title: str | None = None,
    id_prefix: str = "natverk",
    per_row: int | None = None,
) -> str:
    """The stakeholders and their relations as an SVG, in bands by level.

    Barriers are left out (each has its own page and ego drawings); every
    stakeholder and relation is drawn. Bands run from local at the top to EU
    at the bottom; shapes show the kind of organisation and dash patterns the
    kind of relation, with a legend; the home organisation has a thick
    outline.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    href : callable
        ``href(kind, id)`` gives the address a node links to.
    home : str or None
        Plain id of the home organisation, drawn with a thick outline.
    title : str or None
        The drawing's title; "Aktörsnätverket", translated, by default.
    id_prefix : str
        Prefix of the ids inside the SVG; give each drawing on a page its own.
    per_row : int or None
        At most this many columns per band (by default, as many as fit).

    Returns
    -------
    str
        An SVG document (without an XML declaration), ending in a newline.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("stakeholder:gc", label="Greater Copenhagen", type="forum", level="regional")
    >>> G.add_node("stakeholder:malmo", label="Malmö stad", type="municipality", level="local")
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> svg = network_svg(G, home="malmo")
    >>> svg.startswith("<svg") and 'role="group"' in svg and "Malmö stad" in svg
    True
    """
    prefix = safe_prefix(id_prefix)
    title = _("Aktörsnätverket") if title is None else title
    width = 1200.0
    pos = network_layout(G, per_row=per_row, width=width)
    home_key = node_key(STAKEHOLDER, home) if home else None
    edges = [
        (u, v, d.get("type", ""))
        for u, v, d in G.edges(data=True)
        if u in pos and v in pos and group_of(d) == RELATION
    ]
    levels: dict[str, int] = {level: 0 for level in LEVEL_ORDER}
    for n in pos:
        level = G.nodes[n].get("level", "local")
        levels[level] = levels.get(level, 0) + 1
    kinds: dict[str, int] = {t: 0 for t in vocab.RELATION_TYPES}
    for _u, _v, kind in edges:
        kinds[kind] = kinds.get(kind, 0) + 1
    sentences = [
        _(
            "%(stakeholders)s aktörer och %(relations)s relationer mellan dem, i band efter "
            "nivå uppifrån: %(levels)s."
        )
        % {
            "stakeholders": len(pos),
            "relations": len(edges),
            "levels": _count_words(levels, vocab.LEVEL_LABELS) or _("inga"),
        },
        _("Relationer: %(relations)s.")
        % {"relations": _count_words(kinds, vocab.RELATION_LABELS) or _("inga")},
        _(
            "Formen visar typ av aktör och linjens streckmönster typ av relation; pilen pekar "
            "från den som står i relationen till den den avser."
        ),
        _("Samma uppgifter finns i tabellen intill."),
    ]
    if home_key in pos:
        sentences.append(
            _("Hemorganisationen %(name)s har tjock kant.") % {"name": label_of(G, home_key)}
        )
    desc = " ".join(sentences)

    bottom = max((y for _, y in pos.values()), default=20.0) + 40
    shapes = sorted({shape_of(G, n) for n in pos}, key=SHAPE_ORDER.__getitem__)
    present = [t for t in vocab.RELATION_TYPES if kinds.get(t)]
    legend, legend_h = draw_legend(prefix, 20, bottom, width - 40, shapes, present, home_key in pos)
    height = bottom + legend_h + 10
    out = svg_open(prefix, width, height, title, desc)

    # band labels and separators
    band_y: dict[str, list[float]] = {}
    for n, (_x, y) in pos.items():
        band_y.setdefault(G.nodes[n].get("level", "local"), []).append(y)
    for level in LEVEL_ORDER:
        if level not in band_y:
            continue
        top, low = min(band_y[level]) - 30, max(band_y[level]) + 40
        out.append(
            f'<line x1="10" y1="{num(top)}" x2="{num(width - 10)}" y2="{num(top)}" '
            'stroke="#999999" stroke-width="0.8" stroke-dasharray="2 4"/>'
        )
        out.append(
            f'<text x="14" y="{num((top + low) / 2 + 4)}" font-weight="bold" font-size="13">'
            f"{escape(vocab.LEVEL_LABELS.get(level, level))}</text>"
        )
    out.append('<g id="' + prefix + '-edges">')
    out += draw_edges(prefix, G, edges, pos)
    out.append("</g>")
    out.append('<g id="' + prefix + '-nodes">')
    for n in sorted(pos, key=lambda n: id_of(G, n)):
        x, y = pos[n]
        out += draw_node(
            G,
            n,
            x,
            y,
            href,
            (x, y + LABEL_DROP, "middle"),
            bold=n == home_key,
            note=" – " + _("hemorganisation") if n == home_key else "",
        )
    out.append("</g>")
    out += legend
    out.append("</svg>")
    return "\n".join(out) + "\n"


# -- ego networks -------------------------------------------------------------------------


def ego_svg(
    G: nx.Graph,
    stakeholder_id: str,
    radius: int = 1,
    href: Href = default_href,
    barriers: bool = True,
    id_prefix: str | None = None,
) -> str:
    """A stakeholder's neighbourhood as an SVG: the stakeholder in the middle, rings out.

    Edges touching the stakeholder carry a text label as well as their dash
    pattern; all nodes link to their pages.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    stakeholder_id : str
        Plain id of the stakeholder at the centre.
    radius : int
        How many steps out (1 or 2).
    href : callable
        ``href(kind, id)`` gives the address a node links to.
    barriers : bool
        Whether barriers are part of the neighbourhood.
    id_prefix : str or None
        Prefix of the ids inside the SVG; ``ego-<id>-<radius>`` by default.

    Returns
    -------
    str
        An SVG document (without an XML declaration), ending in a newline.

    Raises
    ------
    networkx.NodeNotFound
        When the stakeholder is not in `G`.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("stakeholder:gc", label="Greater Copenhagen", type="forum")
    >>> _ = G.add_edge("stakeholder:malmo", "stakeholder:gc", type="member_of")
    >>> svg = ego_svg(G, "malmo")
    >>> 'aria-labelledby="ego-malmo-1-title ego-malmo-1-desc"' in svg
    True
    """
    ego = ego_network(G, stakeholder_id, radius, barriers)
    center = node_key(STAKEHOLDER, stakeholder_id)
    prefix = safe_prefix(id_prefix or f"ego-{stakeholder_id}-{radius}")
    distance = {n["key"]: n["distance"] for n in ego["nodes"]}
    pos = ring_positions(G, center, distance)
    edges = [(e["source"], e["target"], e["type"]) for e in ego["edges"]]

    extent = max((max(abs(x), abs(y)) for x, y in pos.values()), default=0.0)
    half_w, half_h = extent + 170.0, extent + 45.0  # room for labels beside and below
    shapes = sorted({shape_of(G, n) for n in pos}, key=SHAPE_ORDER.__getitem__)
    present = sorted({k for _, _, k in edges}, key=lambda k: TYPE_ORDER.get(k, 99))
    width = max(2 * half_w, 640.0)
    legend, legend_h = draw_legend(prefix, 20, 2 * half_h, width - 40, shapes, present, False)
    height = 2 * half_h + legend_h + 10
    shift_x, shift_y = width / 2, half_h
    placed = {n: (x + shift_x, y + shift_y) for n, (x, y) in pos.items()}

    name = label_of(G, center)
    n_stake = sum(1 for n in pos if n != center and node_kind(G, n) == STAKEHOLDER)
    n_barr = sum(1 for n in pos if node_kind(G, n) == BARRIER)
    steps = _("ett steg") if radius == 1 else _("%(n)s steg") % {"n": radius}
    title = _("%(name)s: nätverket inom %(steps)s") % {"name": name, "steps": steps}
    direct = sorted(
        (e for e in edges if center in e[:2]),
        key=lambda e: (TYPE_ORDER.get(e[2], 99), id_of(G, e[0]), id_of(G, e[1])),
    )
    sentences = [edge_sentence(G, u, v, k) for u, v, k in direct]
    shown = sentences[:40]
    if len(sentences) > len(shown):
        shown.append(_("och %(n)s band till, se tabellen") % {"n": len(sentences) - len(shown)})
    desc = " ".join(
        [
            _(
                "%(center)s i mitten, med %(stakeholders)s aktörer och %(barriers)s gränshinder "
                "inom %(steps)s."
            )
            % {
                "center": node_title(G, center),
                "stakeholders": n_stake,
                "barriers": n_barr,
                "steps": steps,
            },
            _("Direkta band: %(ties)s.") % {"ties": "; ".join(shown)}
            if shown
            else _("Inga direkta band."),
            _("Formen visar typ av aktör eller hinder och linjens streckmönster typ av band."),
        ]
    )
    out = svg_open(prefix, width, height, title, desc)
    for step in range(1, max(distance.values(), default=0) + 1):
        ring = [n for n in pos if distance[n] == step]
        if ring:
            r = math.hypot(*pos[ring[0]])
            out.append(
                f'<circle cx="{num(shift_x)}" cy="{num(shift_y)}" r="{num(r)}" fill="none" '
                'stroke="#bbbbbb" stroke-width="0.8" stroke-dasharray="2 4"/>'
            )
    out.append(f'<g id="{prefix}-edges">')
    out += draw_edges(prefix, G, edges, placed, focus=center)
    out.append("</g>")
    out.append(f'<g id="{prefix}-nodes">')
    for n in sorted(pos, key=lambda n: (distance[n], id_of(G, n))):
        x, y = placed[n]
        if n == center:
            label_at = (x, y + NODE_R + 15, "middle")
        else:
            ox, oy = pos[n]
            r = math.hypot(ox, oy) or 1.0
            ux, uy = ox / r, oy / r
            anchor = "start" if ux > 0.35 else "end" if ux < -0.35 else "middle"
            lx = x + ux * (NODE_R + 6)
            ly = y + uy * (NODE_R + 6) + (12 if uy > 0.35 else 4 if uy > -0.35 else -4)
            label_at = (lx, ly, anchor)
        out += draw_node(G, n, x, y, href, label_at, bold=n == center)
    out.append("</g>")
    out += legend
    out.append("</svg>")
    return "\n".join(out) + "\n"
