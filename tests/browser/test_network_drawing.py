"""The network drawing as Chromium renders it at 1280 px: labels whole, 11 px or more, apart."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

#: Each label's rendered box and font size, from getBBox() through the screen transform.
MEASURE = """
() => [...document.querySelectorAll('.bkb-network svg text.bkb-label')].map(t => {
  const b = t.getBBox(), m = t.getScreenCTM();
  const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
  return {text: t.textContent, size,
          left: b.x * m.a + m.e, top: b.y * m.d + m.f,
          right: (b.x + b.width) * m.a + m.e, bottom: (b.y + b.height) * m.d + m.f};
})
"""


def test_network_labels_are_at_least_11px_and_never_overlap(tab, site_url):
    page = tab.open(f"{site_url}network.html")
    labels = page.evaluate(MEASURE)
    assert len(labels) > 30
    small = [(label["text"], round(label["size"], 1)) for label in labels if label["size"] < 11]
    assert small == []
    overlaps = [
        (a["text"], b["text"])
        for i, a in enumerate(labels)
        for b in labels[i + 1 :]
        if a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and a["top"] < b["bottom"] - 0.5
        and b["top"] < a["bottom"] - 0.5
    ]
    assert overlaps == []
    assert not any(label["text"].endswith("…") for label in labels)
