"""Small horizontal bar charts as static SVG, with the numbers written out.

The numbers stand as text beside each bar and in `<desc>`, so the chart reads
without colour and without sight; a table alternative is rendered beside it.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..records.i18n import _

BAR_HEIGHT = 22
LABEL_WIDTH = 190
BAR_WIDTH = 260


def bar_chart(chart_id: str, title: str, data: dict[str, int]) -> Markup:
    """An SVG bar chart of `data` (label -> count), deterministic.

    >>> svg = bar_chart("c", "Status", {"Lyft": 3, "Löst": 1})
    >>> 'role="img"' in svg and "Lyft: 3" in svg
    True
    """
    top = max(data.values(), default=0) or 1
    height = BAR_HEIGHT * max(len(data), 1) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 40
    desc = "; ".join(f"{label}: {n}" for label, n in data.items()) or _("Inga uppgifter")
    parts = [
        f'<svg class="bkb-chart" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]
    for i, (label, n) in enumerate(data.items()):
        y = 4 + i * BAR_HEIGHT
        length = round(BAR_WIDTH * n / top, 1)
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" '
            f'class="bkb-chart-label">{escape(label)}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{BAR_HEIGHT - 8}" '
            f'class="bkb-chart-bar"/>',
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 15}" class="bkb-chart-value">{n}</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))


def chart_with_table(chart_id: str, title: str, data: dict[str, int]) -> Markup:
    """The chart and, in a disclosure, the same numbers as a table."""
    rows = "".join(f"<tr><td>{escape(k)}</td><td>{v}</td></tr>" for k, v in data.items())
    as_table = _("%(title)s som tabell") % {"title": title}
    category, count = _("Kategori"), _("Antal")
    return Markup(
        f'<figure class="bkb-figure">{bar_chart(chart_id, title, data)}'
        f"<figcaption>{escape(title)}</figcaption></figure>"
        f'<details class="bkb-alt"><summary>{escape(as_table)}</summary>'
        f'<table><caption>{escape(title)}</caption><thead><tr><th scope="col">'
        f'{escape(category)}</th><th scope="col">{escape(count)}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )
