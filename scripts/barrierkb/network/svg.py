"""The pieces the stakeholder drawings are made of: shapes, edges, legend, the SVG element.

`drawing` lays out the network and the ego networks; this module writes what
it places, to the site's rules (see `drawing`): every number with one
decimal (`num`), all record text XML-escaped (`escape`), ids made safe
(`safe_prefix`), node kinds told apart by shape and edge types by dash
pattern, each with a ``<title>`` and a line in the legend, so nothing
depends on colour.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Callable, Iterable
from functools import lru_cache

import networkx as nx

from ..records import vocab
from ..records.i18n import N_, _
from .graph import BARRIER, RAISED_AT, TYPE_ORDER, id_of, label_of, node_kind, xml_safe

#: ``href(kind, id)``: the address a node links to.
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
#: Legend text of each shape, in legend order (translated where drawn).
SHAPE_LABELS: dict[str, str] = {
    "circle": N_("Kommun eller region"),
    "square": N_("Myndighet, departement, regering eller parlament"),
    "diamond": N_("Forum, gränskommitté eller mellanstatligt organ"),
    "triangle": N_("Företag, förening, forskning eller övrigt"),
    "hexagon": N_("Gränshinder"),
}
# Light fills that also differ in grey value; the shape carries the meaning.
_FILLS = {
    "circle": "#dcebf7",
    "square": "#fde4c8",
    "diamond": "#d9efd4",
    "triangle": "#ece0f3",
    "hexagon": "#ffffff",
}
#: The five line styles of the drawings: dash pattern, stroke width and legend text.
#: Edge types share them by kind (`STYLE_OF`); each edge's own title names its type.
LINE_STYLES: dict[str, tuple[str, float, str]] = {
    "membership": ("", 1.5, N_("Medlem i, del av eller sekretariat för")),
    "reporting": ("8 4", 1.5, N_("Rapporterar till eller finansierar")),
    "cooperation": ("2 3", 2.0, N_("Samarbetar med")),
    "responsible": ("", 3.2, N_("Kan lösa hindret: äger regelverket eller beslutar")),
    "stake": ("5 3", 1.0, N_("Annan roll i hindret, eller forum där det lyfts")),
}
#: The line style of each edge type.
STYLE_OF: dict[str, str] = {
    "member_of": "membership",
    "part_of": "membership",
    "secretariat_of": "membership",
    "reports_to": "reporting",
    "funds": "reporting",
    "cooperates_with": "cooperation",
    "rule_owner": "responsible",
    "decision_maker": "responsible",
    "advocate": "stake",
    "ally": "stake",
    "affected": "stake",
    "opponent": "stake",
    "informed": "stake",
    RAISED_AT: "stake",
}
#: Dash pattern and stroke width of each edge type.
EDGE_STYLES: dict[str, tuple[str, float]] = {t: LINE_STYLES[g][:2] for t, g in STYLE_OF.items()}
#: How an edge reads as a sentence (in Swedish; translated where used).
EDGE_SENTENCES: dict[str, str] = {
    "member_of": N_("{u} är medlem i {v}"),
    "part_of": N_("{u} är del av {v}"),
    "reports_to": N_("{u} rapporterar till {v}"),
    "funds": N_("{u} finansierar {v}"),
    "secretariat_of": N_("{u} är sekretariat för {v}"),
    "cooperates_with": N_("{u} samarbetar med {v}"),
    "rule_owner": N_("{u} äger regelverket bakom hindret {v}"),
    "decision_maker": N_("{u} beslutar om hindret {v}"),
    "advocate": N_("{u} driver hindret {v}"),
    "ally": N_("{u} är allierad i hindret {v}"),
    "affected": N_("{u} berörs av hindret {v}"),
    "opponent": N_("{u} är motpart i hindret {v}"),
    "informed": N_("{u} hålls informerad om hindret {v}"),
    RAISED_AT: N_("Hindret {u} lyfts i {v}"),
}
#: Legend text of each edge type: the vocabulary's labels, and the forum
#: where a barrier is raised (an interface string, translated by `edge_legend`).
EDGE_LEGEND: dict[str, str] = {
    **{t: label.capitalize() for t, label in vocab.RELATION_LABELS.items()},
    **{t: label for t, label in vocab.ROLE_LABELS.items()},
    RAISED_AT: N_("Lyfts i forum"),
}
#: Labels wrap at this many characters a line (a longer word keeps its line); never cut.
WRAP = 16
#: Font size and line height of node labels, in user units (pixels at the natural size).
FONT = 13.0
LINE = 15.0
#: A generous mean glyph width, in ems, for sans-serif (DejaVu Sans, the widest common
#: one, averages about 0.6): label boxes are estimated with it, so they are not too small.
CHAR_EM = 0.64
_UNDIRECTED = frozenset({"cooperates_with"})
_ID = re.compile(r"[^a-z0-9-]+")
#: Position of each shape in the legend.
SHAPE_ORDER = {s: i for i, s in enumerate(SHAPE_LABELS)}
#: About the radius of a node's shape.
NODE_R = 11.0
# A white outline behind text, so labels stay legible over lines.
_HALO = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"'


def escape(value: object) -> str:
    """Text for XML content or a double-quoted attribute."""
    return html.escape(xml_safe(str(value)), quote=True)


def num(x: float) -> str:
    """A coordinate with one decimal ("-0.0" written as "0.0")."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def wrap_label(label: str, width: int = WRAP) -> list[str]:
    """`label` in lines of about `width` characters, broken between words, never cut.

    >>> wrap_label("Forsknings- och innovationsrådet i Skåne (FIRS)")
    ['Forsknings- och', 'innovationsrådet', 'i Skåne (FIRS)']
    """
    return list(_wrapped(" ".join(str(label).split()), width))


@lru_cache(maxsize=4096)
def _wrapped(words: str, width: int) -> tuple[str, ...]:
    """`wrap_label`, once per label: a barrier is drawn in the drawing of each of its
    organisations, in every edition."""
    return tuple(
        textwrap.wrap(words, width, break_long_words=False, break_on_hyphens=False) or [""]
    )


def label_box(
    x: float, y: float, lines: list[str], anchor: str = "middle"
) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) a label of `lines` takes, first baseline at `y`.

    >>> label_box(100, 50, ["Malmö stad"])
    (58.4, 38.3, 141.6, 53.9)
    """
    width = max(len(line) for line in lines) * CHAR_EM * FONT
    left = {"middle": x - width / 2, "start": x, "end": x - width}[anchor]
    top, bottom = y - 0.9 * FONT, y + (len(lines) - 1) * LINE + 0.3 * FONT
    return (round(left, 1), round(top, 1), round(left + width, 1), round(bottom, 1))


def safe_prefix(value: str) -> str:
    """An id prefix made safe for XML ids and CSS selectors."""
    return _ID.sub("-", value.lower()).strip("-") or "graf"


def shape_of(G: nx.Graph, n: str) -> str:
    """The shape node `n` is drawn with: by stakeholder type, a hexagon for a barrier."""
    if node_kind(G, n) == BARRIER:
        return "hexagon"
    return SHAPE_OF_TYPE.get(G.nodes[n].get("type", "other"), "triangle")


def _shape(shape: str, x: float, y: float, r: float, extra: str = "") -> str:
    """An SVG element for a node shape centred on (x, y), about `r` in radius."""
    fill = _FILLS[shape]
    common = f'fill="{fill}" stroke="#000000"{extra}'
    if shape == "circle":
        return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" {common}/>'
    if shape == "square":
        s = r * 0.9
        size = num(2 * s)
        return f'<rect x="{num(x - s)}" y="{num(y - s)}" width="{size}" height="{size}" {common}/>'
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
    joined = " ".join(f"{num(px)},{num(py)}" for px, py in points)
    return f'<polygon points="{joined}" {common}/>'


def edge_legend(kind: str) -> str:
    """The words for an edge type, written on an edge beside its node."""
    if kind == RAISED_AT:
        return _(EDGE_LEGEND[RAISED_AT])
    return EDGE_LEGEND.get(kind, kind)


def styles_of(kinds: Iterable[str]) -> list[str]:
    """The line styles that `kinds` of edges use, in legend order."""
    used = {STYLE_OF.get(k, "stake") for k in kinds}
    return [style for style in LINE_STYLES if style in used]


def edge_sentence(G: nx.Graph, u: str, v: str, kind: str) -> str:
    """An edge in words, for its title and the description."""
    template = _(EDGE_SENTENCES[kind]) if kind in EDGE_SENTENCES else "{u} " + kind + " {v}"
    return template.format(u=_quoted(G, u), v=_quoted(G, v))


def _quoted(G: nx.Graph, n: str) -> str:
    return f"”{label_of(G, n)}”" if node_kind(G, n) == BARRIER else label_of(G, n)


def node_title(G: nx.Graph, n: str) -> str:
    """A node's name with its kind and details, for its title and the description."""
    data = G.nodes[n]
    if node_kind(G, n) == BARRIER:
        status = vocab.STATUS_LABELS.get(data.get("status", ""), data.get("status", ""))
        if status:
            return _("Gränshinder: %(name)s (status: %(status)s)") % {
                "name": label_of(G, n),
                "status": status,
            }
        return _("Gränshinder: %(name)s") % {"name": label_of(G, n)}
    parts = [vocab.STAKEHOLDER_TYPE_LABELS.get(data.get("type", ""), "")]
    parts.append(data.get("country", ""))
    parts.append(vocab.LEVEL_LABELS.get(data.get("level", ""), ""))
    details = ", ".join(p for p in parts if p)
    return label_of(G, n) + (f" ({details})" if details else "")


def svg_open(prefix: str, width: float, height: float, title: str, desc: str) -> list[str]:
    """The opening tag, title, description, arrow markers and white background.

    The role is ``group``, not ``img``: the nodes are links, and an image role
    would hide them from screen readers while keyboards still reach them
    (axe: nested-interactive). The title and description still name it.
    """
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{num(width)}" height="{num(height)}" role="group" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="sans-serif" '
        f'font-size="11">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(desc)}</desc>',
        "<defs>",
        f'<marker id="{prefix}-pil" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        'markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#000000"/></marker>',
        f'<marker id="{prefix}-pil-ljus" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#8c8c8c"/></marker>',
        "</defs>",
        f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" fill="#ffffff"/>',
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

    sx, sy = toward(x1, y1, cx, cy, NODE_R + 2)
    tx, ty = toward(x2, y2, cx, cy, NODE_R + 4)
    dash, width = EDGE_STYLES.get(kind, ("", 1.0))
    colour = "#8c8c8c" if faint else "#000000"
    attrs = f'fill="none" stroke="{colour}" stroke-width="{num(width * (0.7 if faint else 1))}"'
    if dash:
        attrs += f' stroke-dasharray="{dash}"'
    if kind not in _UNDIRECTED:
        attrs += f' marker-end="url(#{prefix}-{"pil-ljus" if faint else "pil"})"'
    out = [
        f'<g data-type="{escape(kind)}"><title>{escape(edge_sentence(G, u, v, kind))}</title>',
        f'<path d="M{num(sx)},{num(sy)} Q{num(cx)},{num(cy)} {num(tx)},{num(ty)}" {attrs}/>',
    ]
    if label_near is not None:
        t = 0.72 if label_near == v else 0.28
        mx = (1 - t) ** 2 * sx + 2 * (1 - t) * t * cx + t**2 * tx
        my = (1 - t) ** 2 * sy + 2 * (1 - t) * t * cy + t**2 * ty
        text = edge_legend(kind).lower()
        out.append(
            f'<text x="{num(mx)}" y="{num(my - 3)}" text-anchor="middle" font-size="11" '
            f"{_HALO}>{escape(text)}</text>"
        )
    out.append("</g>")
    return out


def draw_edges(
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
    for u, v, kind in sorted(edges, key=lambda e: (e[0], e[1], TYPE_ORDER.get(e[2], 99))):
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


def draw_node(
    G: nx.Graph,
    n: str,
    x: float,
    y: float,
    href: Href,
    label_at: tuple[float, float, str],
    bold: bool = False,
    note: str = "",
) -> list[str]:
    """A node: a link to its page holding its title, shape and whole label, wrapped."""
    shape = shape_of(G, n)
    extra = ' stroke-width="3.5"' if bold else ' stroke-width="1.2"'
    lx, ly, anchor = label_at
    weight = ' font-weight="bold"' if bold else ""
    title = node_title(G, n) + note
    lines = "".join(
        f'<tspan x="{num(lx)}" dy="{0 if i == 0 else num(LINE)}">{escape(line)}</tspan>'
        for i, line in enumerate(wrap_label(label_of(G, n)))
    )
    return [
        f'<a href="{escape(href(node_kind(G, n), id_of(G, n)))}">',
        f"<title>{escape(title)}</title>",
        _shape(shape, x, y, NODE_R, extra),
        f'<text class="bkb-label" x="{num(lx)}" y="{num(ly)}" text-anchor="{anchor}"'
        f' font-size="{num(FONT)}"{weight} {_HALO}>{lines}</text>',
        "</a>",
    ]


def draw_legend(
    prefix: str, x: float, y: float, width: float, shapes: list[str], kinds: list[str], home: bool
) -> tuple[list[str], float]:
    """The legend block at (x, y); returns its elements and height."""
    heading = _("Teckenförklaring")
    out = [
        f'<g id="{prefix}-legend"><text x="{num(x)}" y="{num(y + 12)}" font-weight="bold">'
        f"{escape(heading)}</text>"
    ]
    row_y = y + 34
    col_w = 400.0
    per_row = max(1, int(width // col_w))
    items: list[tuple[str, str]] = [("shape", s) for s in shapes]
    if home:
        items.append(("home", ""))
    items += [("edge", style) for style in styles_of(kinds)]
    for i, (what, key) in enumerate(items):
        ix = x + (i % per_row) * col_w
        iy = row_y + (i // per_row) * 24
        if what == "shape":
            out.append(_shape(key, ix + 12, iy, 8, ' stroke-width="1.2"'))
            text = _(SHAPE_LABELS[key])
        elif what == "home":
            out.append(_shape("circle", ix + 12, iy, 8, ' stroke-width="3.5"'))
            text = _("Hemorganisation (tjock kant)")
        else:
            dash, w, words = LINE_STYLES[key]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            arrow = "" if key == "cooperation" else f' marker-end="url(#{prefix}-pil)"'
            out.append(
                f'<line x1="{num(ix)}" y1="{num(iy)}" x2="{num(ix + 34)}" y2="{num(iy)}" '
                f'stroke="#000000" stroke-width="{num(w)}"{dash_attr}{arrow}/>'
            )
            text = _(words)
        out.append(f'<text x="{num(ix + 42)}" y="{num(iy + 4)}">{escape(text)}</text>')
    out.append("</g>")
    rows = (len(items) + per_row - 1) // per_row
    return out, 34 + rows * 24
