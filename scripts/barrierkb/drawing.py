"""Static SVG drawings of the stakeholder graph: the whole network and ego networks.

Pure functions from a graph to an SVG string, for inlining in a page or
writing to a file. They are built to the site's rules:

- deterministic: layouts use no randomness and numbers are written with one
  decimal, so the same graph gives the same bytes;
- self-contained: no script, no external files or fonts, no ``<style>`` (it
  would leak into the page around an inline SVG); ``font-family:
  sans-serif``;
- accessible: ``role="img"`` with ``aria-labelledby`` pointing at a
  ``<title>`` and a ``<desc>`` that says in words what the drawing shows;
  every node and edge has its own ``<title>``; node kinds differ by shape and
  edge types by dash pattern, with a legend, so nothing depends on colour;
- safe: all record text is XML-escaped, and ids used in the SVG are slugs.

Nodes link to their pages through a ``href(kind, id)`` callable; the
default gives relative addresses such as ``../stakeholders/<id>/``.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable

import networkx as nx

from . import vocab
from .graph import (
    BARRIER,
    EDGE_GROUPS,
    EDGE_TYPES,
    RAISED_AT,
    RELATION,
    STAKEHOLDER,
    node_key,
    split_key,
    xml_safe,
)

Href = Callable[[str, str], str]

#: Node shapes: one per group of stakeholder types, and one for barriers.
SHAPE_OF_TYPE: dict[str, str] = {
    "municipality": "circle",
    "region": "circle",
    "agency": "square",
    "ministry": "square",
    "government": "square",
    "parliament": "square",
    "forum": "diamond",
    "committee": "diamond",
    "intergovernmental": "diamond",
    "business": "triangle",
    "association": "triangle",
    "research": "triangle",
    "other": "triangle",
}
#: Legend text of each shape, in legend order.
SHAPE_LABELS: dict[str, str] = {
    "circle": "Kommun eller region",
    "square": "Myndighet, departement, regering eller parlament",
    "diamond": "Forum, gränskommitté eller mellanstatligt organ",
    "triangle": "Företag, förening, forskning eller övrigt",
    "hexagon": "Gränshinder",
}
# Light fills that also differ in grey value; the shape carries the meaning.
_FILLS = {
    "circle": "#dcebf7",
    "square": "#fde4c8",
    "diamond": "#d9efd4",
    "triangle": "#ece0f3",
    "hexagon": "#ffffff",
}
#: Dash pattern and stroke width of each edge type.
EDGE_STYLES: dict[str, tuple[str, float]] = {
    "member_of": ("", 1.5),
    "part_of": ("9 3", 1.5),
    "reports_to": ("3 3", 1.5),
    "funds": ("9 3 2 3", 1.5),
    "secretariat_of": ("9 3 2 3 2 3", 1.5),
    "cooperates_with": ("1 3", 2.0),
    "rule_owner": ("", 3.0),
    "decision_maker": ("9 3", 3.0),
    "advocate": ("6 2", 1.0),
    "ally": ("2 2", 1.0),
    "affected": ("6 2 2 2", 1.0),
    "opponent": ("12 2 2 2 2 2", 1.0),
    "informed": ("1 5", 1.0),
    RAISED_AT: ("4 2 1 2", 2.0),
}
#: How an edge reads as a Swedish sentence.
EDGE_SENTENCES: dict[str, str] = {
    "member_of": "{u} är medlem i {v}",
    "part_of": "{u} är del av {v}",
    "reports_to": "{u} rapporterar till {v}",
    "funds": "{u} finansierar {v}",
    "secretariat_of": "{u} är sekretariat för {v}",
    "cooperates_with": "{u} samarbetar med {v}",
    "rule_owner": "{u} äger regelverket bakom hindret {v}",
    "decision_maker": "{u} beslutar om hindret {v}",
    "advocate": "{u} driver hindret {v}",
    "ally": "{u} är allierad i hindret {v}",
    "affected": "{u} berörs av hindret {v}",
    "opponent": "{u} är motpart i hindret {v}",
    "informed": "{u} hålls informerad om hindret {v}",
    RAISED_AT: "Hindret {u} lyfts i {v}",
}
#: Legend text of each edge type.
EDGE_LEGEND: dict[str, str] = {
    **{t: label.capitalize() for t, label in vocab.RELATION_LABELS.items()},
    **{t: label for t, label in vocab.ROLE_LABELS.items()},
    RAISED_AT: "Lyfts i forum",
}
#: Bands of the network drawing, top to bottom.
LEVEL_ORDER: tuple[str, ...] = vocab.LEVELS
#: Longest label drawn in full; longer names are cut, whole in the node's title.
MAX_LABEL = 22
_UNDIRECTED = frozenset({"cooperates_with"})
_ID = re.compile(r"[^a-z0-9-]+")
_TYPE_ORDER = {t: i for i, t in enumerate(EDGE_TYPES)}
_STAKEHOLDER_TYPE_ORDER = {t: i for i, t in enumerate(vocab.STAKEHOLDER_TYPES)}
_SHAPE_ORDER = {s: i for i, s in enumerate(SHAPE_LABELS)}
_NODE_R = 11.0
#: Height of a row in a band of the network drawing.
ROW_HEIGHT = 58.0
# A white outline behind text, so labels stay legible over lines.
_HALO = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"'


def default_href(kind: str, record_id: str) -> str:
    """The relative address of a record's page, from a page one folder down.

    >>> default_href("stakeholder", "malmo-stad")
    '../stakeholders/malmo-stad/'
    """
    return f"../{kind}s/{record_id}/"


# -- small writers ------------------------------------------------------------------------


def _esc(value: object) -> str:
    """Text for XML content or a double-quoted attribute."""
    return html.escape(xml_safe(str(value)), quote=True)


def _n(x: float) -> str:
    """A coordinate with one decimal ("-0.0" written as "0.0")."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def _short(label: str, limit: int = MAX_LABEL) -> str:
    """`label`, cut to `limit` characters with an ellipsis.

    >>> _short("Forsknings- och innovationsrådet i Skåne", 20)
    'Forsknings- och inn…'
    """
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _prefix(value: str) -> str:
    """An id prefix made safe for XML ids and CSS selectors."""
    return _ID.sub("-", value.lower()).strip("-") or "graf"


def _kind(G: nx.Graph, n: str) -> str:
    return G.nodes[n].get("kind") or split_key(n)[0]


def _rid(G: nx.Graph, n: str) -> str:
    return G.nodes[n].get("record_id") or split_key(n)[1]


def _label(G: nx.Graph, n: str) -> str:
    return G.nodes[n].get("label") or _rid(G, n)


def _shape_of(G: nx.Graph, n: str) -> str:
    if _kind(G, n) == BARRIER:
        return "hexagon"
    return SHAPE_OF_TYPE.get(G.nodes[n].get("type", "other"), "triangle")


def _shape(shape: str, x: float, y: float, r: float, extra: str = "") -> str:
    """An SVG element for a node shape centred on (x, y), about `r` in radius."""
    fill = _FILLS[shape]
    common = f'fill="{fill}" stroke="#000000"{extra}'
    if shape == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" {common}/>'
    if shape == "square":
        s = r * 0.9
        size = _n(2 * s)
        return f'<rect x="{_n(x - s)}" y="{_n(y - s)}" width="{size}" height="{size}" {common}/>'
    if shape == "diamond":
        d = r * 1.25
        points = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
    elif shape == "triangle":
        d = r * 1.2
        points = [(x, y - d), (x + d * 0.95, y + d * 0.6), (x - d * 0.95, y + d * 0.6)]
    else:  # hexagon
        points = [
            (x + r * math.cos(math.radians(a)), y + r * math.sin(math.radians(a)))
            for a in range(0, 360, 60)
        ]
    joined = " ".join(f"{_n(px)},{_n(py)}" for px, py in points)
    return f'<polygon points="{joined}" {common}/>'


def _sentence(G: nx.Graph, u: str, v: str, kind: str) -> str:
    template = EDGE_SENTENCES.get(kind, "{u} " + kind + " {v}")
    return template.format(u=_quoted(G, u), v=_quoted(G, v))


def _quoted(G: nx.Graph, n: str) -> str:
    return f"”{_label(G, n)}”" if _kind(G, n) == BARRIER else _label(G, n)


def _node_title(G: nx.Graph, n: str) -> str:
    data = G.nodes[n]
    if _kind(G, n) == BARRIER:
        status = vocab.STATUS_LABELS.get(data.get("status", ""), data.get("status", ""))
        return f"Gränshinder: {_label(G, n)}" + (f" (status: {status})" if status else "")
    parts = [vocab.STAKEHOLDER_TYPE_LABELS.get(data.get("type", ""), "")]
    parts.append(data.get("country", ""))
    parts.append(vocab.LEVEL_LABELS.get(data.get("level", ""), ""))
    details = ", ".join(p for p in parts if p)
    return _label(G, n) + (f" ({details})" if details else "")


def _svg_open(prefix: str, width: float, height: float, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" role="img" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="sans-serif" '
        f'font-size="11">',
        f'<title id="{prefix}-title">{_esc(title)}</title>',
        f'<desc id="{prefix}-desc">{_esc(desc)}</desc>',
        "<defs>",
        f'<marker id="{prefix}-pil" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        'markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#000000"/></marker>',
        f'<marker id="{prefix}-pil-ljus" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#8c8c8c"/></marker>',
        "</defs>",
        f'<rect x="0" y="0" width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>',
    ]


def _edge(
    prefix: str,
    G: nx.Graph,
    u: str,
    v: str,
    kind: str,
    pos: dict[str, tuple[float, float]],
    bend: float,
    faint: bool = False,
    label_near: str | None = None,
) -> list[str]:
    """A curved edge from u to v, trimmed to the node outlines, with its title.

    A faint edge is grey and thinner (same dash pattern); with `label_near`,
    the edge type is written on the curve close to that end.
    """
    (x1, y1), (x2, y2) = pos[u], pos[v]
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    cx = (x1 + x2) / 2 - dy / length * bend * length
    cy = (y1 + y2) / 2 + dx / length * bend * length

    def toward(ax: float, ay: float, bx: float, by: float, d: float) -> tuple[float, float]:
        ex, ey = bx - ax, by - ay
        e = math.hypot(ex, ey) or 1.0
        return ax + ex / e * d, ay + ey / e * d

    sx, sy = toward(x1, y1, cx, cy, _NODE_R + 2)
    tx, ty = toward(x2, y2, cx, cy, _NODE_R + 4)
    dash, width = EDGE_STYLES.get(kind, ("", 1.0))
    colour = "#8c8c8c" if faint else "#000000"
    attrs = f'fill="none" stroke="{colour}" stroke-width="{_n(width * (0.7 if faint else 1))}"'
    if dash:
        attrs += f' stroke-dasharray="{dash}"'
    if kind not in _UNDIRECTED:
        attrs += f' marker-end="url(#{prefix}-{"pil-ljus" if faint else "pil"})"'
    out = [
        f'<g data-type="{_esc(kind)}"><title>{_esc(_sentence(G, u, v, kind))}</title>',
        f'<path d="M{_n(sx)},{_n(sy)} Q{_n(cx)},{_n(cy)} {_n(tx)},{_n(ty)}" {attrs}/>',
    ]
    if label_near is not None:
        t = 0.72 if label_near == v else 0.28
        mx = (1 - t) ** 2 * sx + 2 * (1 - t) * t * cx + t**2 * tx
        my = (1 - t) ** 2 * sy + 2 * (1 - t) * t * cy + t**2 * ty
        text = EDGE_LEGEND.get(kind, kind).lower()
        out.append(
            f'<text x="{_n(mx)}" y="{_n(my - 3)}" text-anchor="middle" font-size="9" '
            f"{_HALO}>{_esc(text)}</text>"
        )
    out.append("</g>")
    return out


def _edges(
    prefix: str,
    G: nx.Graph,
    edges: Iterable[tuple[str, str, str]],
    pos: dict[str, tuple[float, float]],
    focus: str | None = None,
) -> list[str]:
    """All edges, parallel ones between the same pair fanned out by bend.

    With a `focus` node, edges that touch it are drawn in black and labelled;
    the others are faint.
    """
    seen: dict[frozenset[str], int] = {}
    strong: list[str] = []
    faint: list[str] = []
    for u, v, kind in sorted(edges, key=lambda e: (e[0], e[1], _TYPE_ORDER.get(e[2], 99))):
        if u == v:
            continue
        pair = frozenset((u, v))
        i = seen.get(pair, 0)
        seen[pair] = i + 1
        side = 1 if u < v else -1
        bend = side * (0.08 + 0.12 * i) * (1 if i % 2 == 0 else -1)
        if focus is None:
            strong += _edge(prefix, G, u, v, kind, pos, bend)
        elif focus in (u, v):
            other = v if u == focus else u
            strong += _edge(prefix, G, u, v, kind, pos, bend, label_near=other)
        else:
            faint += _edge(prefix, G, u, v, kind, pos, bend, faint=True)
    return faint + strong


def _node(
    G: nx.Graph,
    n: str,
    x: float,
    y: float,
    href: Href,
    label_at: tuple[float, float, str],
    bold: bool = False,
    note: str = "",
) -> list[str]:
    """A node: a link to its page holding its title, shape and short label."""
    shape = _shape_of(G, n)
    extra = ' stroke-width="3.5"' if bold else ' stroke-width="1.2"'
    lx, ly, anchor = label_at
    weight = ' font-weight="bold"' if bold else ""
    title = _node_title(G, n) + note
    return [
        f'<a href="{_esc(href(_kind(G, n), _rid(G, n)))}">',
        f"<title>{_esc(title)}</title>",
        _shape(shape, x, y, _NODE_R, extra),
        f'<text x="{_n(lx)}" y="{_n(ly)}" text-anchor="{anchor}"{weight} {_HALO}>'
        f"{_esc(_short(_label(G, n)))}</text>",
        "</a>",
    ]


def _legend(
    prefix: str, x: float, y: float, width: float, shapes: list[str], kinds: list[str], home: bool
) -> tuple[list[str], float]:
    """The legend block at (x, y); returns its elements and height."""
    out = [
        f'<g id="{prefix}-legend"><text x="{_n(x)}" y="{_n(y + 12)}" font-weight="bold">'
        "Teckenförklaring</text>"
    ]
    row_y = y + 34
    col_w = 300.0
    per_row = max(1, int(width // col_w))
    items: list[tuple[str, str]] = [("shape", s) for s in shapes]
    if home:
        items.append(("home", ""))
    items += [("edge", k) for k in kinds]
    for i, (what, key) in enumerate(items):
        ix = x + (i % per_row) * col_w
        iy = row_y + (i // per_row) * 24
        if what == "shape":
            out.append(_shape(key, ix + 12, iy, 8, ' stroke-width="1.2"'))
            text = SHAPE_LABELS[key]
        elif what == "home":
            out.append(_shape("circle", ix + 12, iy, 8, ' stroke-width="3.5"'))
            text = "Hemorganisation (tjock kant)"
        else:
            dash, w = EDGE_STYLES.get(key, ("", 1.0))
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            arrow = "" if key in _UNDIRECTED else f' marker-end="url(#{prefix}-pil)"'
            out.append(
                f'<line x1="{_n(ix)}" y1="{_n(iy)}" x2="{_n(ix + 34)}" y2="{_n(iy)}" '
                f'stroke="#000000" stroke-width="{_n(w)}"{dash_attr}{arrow}/>'
            )
            text = EDGE_LEGEND.get(key, key)
        out.append(f'<text x="{_n(ix + 42)}" y="{_n(iy + 4)}">{_esc(text)}</text>')
    out.append("</g>")
    rows = (len(items) + per_row - 1) // per_row
    return out, 34 + rows * 24


def _count_words(counts: dict[str, int], labels: dict[str, str]) -> str:
    return ", ".join(f"{labels.get(k, k)} {c}" for k, c in counts.items() if c)


# -- the whole network --------------------------------------------------------------------


def network_layout(
    G: nx.Graph, per_row: int = 8, width: float = 1200.0, sweeps: int = 4
) -> dict[str, tuple[float, float]]:
    """Positions of the stakeholders in bands by level, ordered to cut crossings.

    Each level (local at the top, EU at the bottom) is a band of columns;
    nodes are ordered within their band by the mean position of their
    related nodes in the other bands (a few barycentre sweeps), ties by id.
    No randomness is involved.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    per_row : int
        At most this many columns in a band; more nodes make more rows.
    width : float
        Width of the drawing.
    sweeps : int
        Barycentre sweeps down and up the bands.

    Returns
    -------
    dict
        Node key to (x, y), for stakeholder nodes only.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("stakeholder:a", level="local")
    >>> G.add_node("stakeholder:b", level="eu")
    >>> pos = network_layout(G)
    >>> pos["stakeholder:a"][1] < pos["stakeholder:b"][1]
    True
    """
    left, right = 120.0, 30.0
    bands: dict[str, list[str]] = {level: [] for level in LEVEL_ORDER}
    for n in G:
        if _kind(G, n) == STAKEHOLDER:
            bands.setdefault(G.nodes[n].get("level", "local"), []).append(n)
    for nodes in bands.values():
        nodes.sort(
            key=lambda n: (_STAKEHOLDER_TYPE_ORDER.get(G.nodes[n].get("type", ""), 99), _rid(G, n))
        )
    neighbours: dict[str, set[str]] = {n: set() for ns in bands.values() for n in ns}
    for u, v, d in G.edges(data=True):
        if (
            u != v
            and u in neighbours
            and v in neighbours
            and ((d.get("group") or EDGE_GROUPS.get(d.get("type", ""))) == RELATION)
        ):
            neighbours[u].add(v)
            neighbours[v].add(u)

    def columns(nodes: list[str]) -> dict[str, tuple[int, int, int]]:
        count = len(nodes)
        rows = max(1, math.ceil(count / per_row))
        cols = math.ceil(count / rows) if count else 1
        return {n: (i // rows, i % rows, cols) for i, n in enumerate(nodes)}

    def x_of(col: int, cols: int) -> float:
        return left + (col + 0.5) * (width - left - right) / cols

    def xs() -> dict[str, float]:
        out = {}
        for nodes in bands.values():
            for n, (col, _, cols) in columns(nodes).items():
                out[n] = x_of(col, cols)
        return out

    order = [level for level in bands if bands[level]]
    for sweep in range(sweeps):
        for level in order if sweep % 2 == 0 else list(reversed(order)):
            current = xs()
            nodes = bands[level]

            def barycentre(n: str, current: dict = current, level: str = level) -> float:
                others = [
                    current[m] for m in neighbours[n] if G.nodes[m].get("level", "local") != level
                ]
                return sum(others) / len(others) if others else current[n]

            bands[level] = sorted(nodes, key=lambda n: (round(barycentre(n), 6), _rid(G, n)))

    pos: dict[str, tuple[float, float]] = {}
    y = 20.0
    for level in bands:
        nodes = bands[level]
        if not nodes:
            continue
        placed = columns(nodes)
        rows = max(row for _, row, _ in placed.values()) + 1
        for n, (col, row, cols) in placed.items():
            pos[n] = (x_of(col, cols), y + 30 + row * ROW_HEIGHT)
        y += 30 + rows * ROW_HEIGHT + 10
    return pos


def network_svg(
    G: nx.Graph,
    href: Href = default_href,
    home: str | None = "malmo-stad",
    title: str = "Aktörsnätverket",
    id_prefix: str = "natverk",
    per_row: int = 8,
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
    title : str
        The drawing's title.
    id_prefix : str
        Prefix of the ids inside the SVG; give each drawing on a page its own.
    per_row : int
        At most this many columns per band.

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
    >>> svg.startswith("<svg") and 'role="img"' in svg and "Malmö stad" in svg
    True
    """
    prefix = _prefix(id_prefix)
    width = 1200.0
    pos = network_layout(G, per_row=per_row, width=width)
    home_key = node_key(STAKEHOLDER, home) if home else None
    edges = [
        (u, v, d.get("type", ""))
        for u, v, d in G.edges(data=True)
        if u in pos
        and v in pos
        and (d.get("group") or EDGE_GROUPS.get(d.get("type", ""))) == RELATION
    ]
    levels: dict[str, int] = {level: 0 for level in LEVEL_ORDER}
    for n in pos:
        level = G.nodes[n].get("level", "local")
        levels[level] = levels.get(level, 0) + 1
    kinds: dict[str, int] = {t: 0 for t in vocab.RELATION_TYPES}
    for _, _, kind in edges:
        kinds[kind] = kinds.get(kind, 0) + 1
    desc = (
        f"{len(pos)} aktörer och {len(edges)} relationer mellan dem, i band efter nivå "
        f"uppifrån: {_count_words(levels, vocab.LEVEL_LABELS) or 'inga'}. "
        f"Relationer: {_count_words(kinds, vocab.RELATION_LABELS) or 'inga'}. "
        "Formen visar typ av aktör och linjens streckmönster typ av relation; pilen pekar "
        "från den som står i relationen till den den avser. Samma uppgifter finns i "
        "tabellen intill."
    )
    if home_key in pos:
        desc += f" Hemorganisationen {_label(G, home_key)} har tjock kant."

    bottom = max((y for _, y in pos.values()), default=20.0) + 40
    shapes = sorted({_shape_of(G, n) for n in pos}, key=_SHAPE_ORDER.__getitem__)
    present = [t for t in vocab.RELATION_TYPES if kinds.get(t)]
    legend, legend_h = _legend(prefix, 20, bottom, width - 40, shapes, present, home_key in pos)
    height = bottom + legend_h + 10
    out = _svg_open(prefix, width, height, title, desc)

    # band labels and separators
    band_y: dict[str, list[float]] = {}
    for n, (_, y) in pos.items():
        band_y.setdefault(G.nodes[n].get("level", "local"), []).append(y)
    for level in LEVEL_ORDER:
        if level not in band_y:
            continue
        top, low = min(band_y[level]) - 30, max(band_y[level]) + 28
        out.append(
            f'<line x1="10" y1="{_n(top)}" x2="{_n(width - 10)}" y2="{_n(top)}" '
            'stroke="#999999" stroke-width="0.8" stroke-dasharray="2 4"/>'
        )
        out.append(
            f'<text x="14" y="{_n((top + low) / 2 + 4)}" font-weight="bold" font-size="13">'
            f"{_esc(vocab.LEVEL_LABELS.get(level, level))}</text>"
        )
    out.append('<g id="' + prefix + '-edges">')
    out += _edges(prefix, G, edges, pos)
    out.append("</g>")
    out.append('<g id="' + prefix + '-nodes">')
    # labels alternate in height from column to column within a band
    band_xs: dict[str, list[float]] = {}
    for n, (x, _) in pos.items():
        band_xs.setdefault(G.nodes[n].get("level", "local"), []).append(x)
    band_cols = {level: sorted(set(xs)) for level, xs in band_xs.items()}
    column = {n: band_cols[G.nodes[n].get("level", "local")].index(x) for n, (x, _) in pos.items()}
    for n in sorted(pos, key=lambda n: _rid(G, n)):
        x, y = pos[n]
        out += _node(
            G,
            n,
            x,
            y,
            href,
            (x, y + _NODE_R + (13 if column[n] % 2 == 0 else 25), "middle"),
            bold=n == home_key,
            note=" – hemorganisation" if n == home_key else "",
        )
    out.append("</g>")
    out += legend
    out.append("</svg>")
    return "\n".join(out) + "\n"


# -- ego networks -------------------------------------------------------------------------


def ego_layout(
    G: nx.Graph, center: str, radius: int = 1, barriers: bool = True
) -> tuple[dict[str, tuple[float, float]], dict[str, int]]:
    """Positions of a node's neighbourhood in rings around it.

    The first ring holds direct neighbours by kind, type and id; the second
    ring holds the rest, each placed near the mean angle of the first-ring
    nodes it hangs from. No randomness is involved.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A stakeholder graph.
    center : str
        Node key at the centre.
    radius : int
        How many rings (steps out).
    barriers : bool
        Whether to walk through and show barriers.

    Returns
    -------
    tuple of dict
        Node key to (x, y), with the centre at (0, 0); and node key to its
        distance from the centre.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("stakeholder:a", "stakeholder:b", type="member_of")
    >>> pos, dist = ego_layout(G, "stakeholder:a")
    >>> pos["stakeholder:a"], dist["stakeholder:b"]
    ((0.0, 0.0), 1)
    """

    def ok(m: str, keyed: dict) -> bool:
        if barriers:
            return True
        return _kind(G, m) == STAKEHOLDER and any(
            (d.get("group") or EDGE_GROUPS.get(d.get("type", ""))) == RELATION
            for d in keyed.values()
        )

    distance = {center: 0}
    rings: list[list[str]] = [[center]]
    for step in range(1, radius + 1):
        ring = []
        for n in rings[-1]:
            for adjacency in (G.succ[n], G.pred[n]):
                for m, keyed in adjacency.items():
                    if m not in distance and ok(m, keyed):
                        distance[m] = step
                        ring.append(m)
        if not ring:
            break
        rings.append(ring)

    def sort_key(n: str) -> tuple:
        kind = 0 if _kind(G, n) == STAKEHOLDER else 1
        shape = _SHAPE_ORDER.get(_shape_of(G, n), 9)
        return (kind, shape, _rid(G, n))

    pos: dict[str, tuple[float, float]] = {center: (0.0, 0.0)}
    angle: dict[str, float] = {}
    ring_radius = 0.0
    for step, ring in enumerate(rings[1:], start=1):
        if step == 1:
            ordered = sorted(ring, key=sort_key)
        else:

            def parent_angle(n: str, step: int = step) -> float:
                parents = [
                    angle[m]
                    for m in (*G.succ[n], *G.pred[n])
                    if distance.get(m) == step - 1 and m in angle
                ]
                return sum(parents) / len(parents) if parents else 0.0

            ordered = sorted(ring, key=lambda n: (round(parent_angle(n), 6), sort_key(n)))
        ring_radius = max(ring_radius + 150.0, len(ordered) * 45.0 / math.pi, 150.0)
        for i, n in enumerate(ordered):
            a = 2 * math.pi * i / len(ordered)
            angle[n] = a
            pos[n] = (ring_radius * math.sin(a), -ring_radius * math.cos(a))
    return pos, distance


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
    center = node_key(STAKEHOLDER, stakeholder_id)
    if center not in G:
        raise nx.NodeNotFound(f"there is no stakeholder with the id {stakeholder_id!r}")
    prefix = _prefix(id_prefix or f"ego-{stakeholder_id}-{radius}")
    pos, distance = ego_layout(G, center, radius, barriers)
    edges = []
    for u in pos:
        for v, keyed in G.succ[u].items():
            if v in pos:
                for d in keyed.values():
                    group = d.get("group") or EDGE_GROUPS.get(d.get("type", ""))
                    if barriers or group == RELATION:
                        edges.append((u, v, d.get("type", "")))

    extent = max((max(abs(x), abs(y)) for x, y in pos.values()), default=0.0)
    half_w, half_h = extent + 170.0, extent + 45.0  # room for labels beside and below
    shapes = sorted({_shape_of(G, n) for n in pos}, key=_SHAPE_ORDER.__getitem__)
    present = sorted({k for _, _, k in edges}, key=lambda k: _TYPE_ORDER.get(k, 99))
    width = max(2 * half_w, 640.0)
    legend, legend_h = _legend(prefix, 20, 2 * half_h, width - 40, shapes, present, False)
    height = 2 * half_h + legend_h + 10
    shift_x, shift_y = width / 2, half_h
    placed = {n: (x + shift_x, y + shift_y) for n, (x, y) in pos.items()}

    name = _label(G, center)
    n_stake = sum(1 for n in pos if n != center and _kind(G, n) == STAKEHOLDER)
    n_barr = sum(1 for n in pos if _kind(G, n) == BARRIER)
    steps = "ett steg" if radius == 1 else f"{radius} steg"
    title = f"{name}: nätverket inom {steps}"
    direct = sorted(
        (e for e in edges if center in e[:2]),
        key=lambda e: (_TYPE_ORDER.get(e[2], 99), _rid(G, e[0]), _rid(G, e[1])),
    )
    sentences = [_sentence(G, u, v, k) for u, v, k in direct]
    shown = sentences[:40]
    if len(sentences) > len(shown):
        shown.append(f"och {len(sentences) - len(shown)} band till, se tabellen")
    desc = (
        f"{_node_title(G, center)} i mitten, med {n_stake} aktörer och {n_barr} gränshinder "
        f"inom {steps}. "
        + (f"Direkta band: {'; '.join(shown)}. " if shown else "Inga direkta band. ")
        + "Formen visar typ av aktör eller hinder och linjens streckmönster typ av band."
    )
    out = _svg_open(prefix, width, height, title, desc)
    for step in range(1, max(distance.values(), default=0) + 1):
        ring = [n for n in pos if distance[n] == step]
        if ring:
            r = math.hypot(*pos[ring[0]])
            out.append(
                f'<circle cx="{_n(shift_x)}" cy="{_n(shift_y)}" r="{_n(r)}" fill="none" '
                'stroke="#bbbbbb" stroke-width="0.8" stroke-dasharray="2 4"/>'
            )
    out.append(f'<g id="{prefix}-edges">')
    out += _edges(prefix, G, edges, placed, focus=center)
    out.append("</g>")
    out.append(f'<g id="{prefix}-nodes">')
    for n in sorted(pos, key=lambda n: (distance[n], _rid(G, n))):
        x, y = placed[n]
        if n == center:
            label_at = (x, y + _NODE_R + 15, "middle")
        else:
            ox, oy = pos[n]
            r = math.hypot(ox, oy) or 1.0
            ux, uy = ox / r, oy / r
            anchor = "start" if ux > 0.35 else "end" if ux < -0.35 else "middle"
            lx = x + ux * (_NODE_R + 6)
            ly = y + uy * (_NODE_R + 6) + (12 if uy > 0.35 else 4 if uy > -0.35 else -4)
            label_at = (lx, ly, anchor)
        out += _node(G, n, x, y, href, label_at, bold=n == center)
    out.append("</g>")
    out += legend
    out.append("</svg>")
    return "\n".join(out) + "\n"
