"""What every site adapter starts from: the records loaded, checked and filtered.

The MkDocs plugin, the macros module, `barrierkb export-md` and `barrierkb
brief` all call `prepare()`, so they agree on what the public sees.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path

from ..network.graph import build_graph
from ..records.audience import for_audience
from ..records.check import check
from ..records.diagnostics import Diagnostic, errors
from ..records.history import file_history
from ..records.load import KnowledgeBase, load, record_files
from ..records.model import FOLDERS
from ..records.overlay import OVERLAY_VARIABLE, OverlayError, apply_overlay, overlay_root
from .context import NetworkView, network_view
from .templating import SiteOptions


class RecordErrors(Exception):
    """The records have errors; `diagnostics` says which."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(errors(diagnostics))} error(s) in the records")
        self.diagnostics = diagnostics


@dataclass
class SiteState:
    """The records as a build sees them: checked, filtered for its audience, analysed."""

    kb: KnowledgeBase
    options: SiteOptions
    diagnostics: list[Diagnostic]
    #: The graph and its analyses; None when the caller did not ask for them.
    network: NetworkView | None = None
    #: Each record file's commits (`records.history`); None without git history.
    history: dict | None = None
    #: What the records were read from (root, audience, overlay, day, every file's size and
    #: time): two states of one version hold the same records.
    version: tuple = ()


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def prepare(
    root: str | Path,
    audience: str = "public",
    home: str = "malmo-stad",
    edit_url: str = "",
    with_graph: bool = True,
    site_url: str = "",
    lang: str = "sv",
    overlay: str | Path | None = None,
    commit_url: str = "",
) -> SiteState:
    """Load, check and filter the records for `audience`; raise RecordErrors on errors.

    The internal audience reads the overlay too (internal records and fields);
    without one it raises `OverlayError`. The public audience never reads it.
    """
    today = build_date()
    if audience == "internal" and not overlay:
        raise OverlayError(
            "the internal build needs the overlay of internal material: name its folder in "
            f"{OVERLAY_VARIABLE} or in the barrierkb plugin option `overlay`"
        )
    extra = overlay_root(overlay, Path(root).resolve()) if audience == "internal" else None
    version, (visible, found) = _checked(Path(root), audience, extra, today)
    options = SiteOptions(
        home=home,
        audience=audience,
        edit_url=edit_url,
        today=today,
        site_url=site_url,
        lang=lang,
        commit_url=commit_url,
    )
    network = None
    if with_graph:
        graph = build_graph(visible, lang=lang, audience=audience)
        network = network_view(graph, home, strategy=audience == "internal")
    return SiteState(visible, options, found, network, file_history(root), version)


#: The last records checked, by what they were checked from: the editions of one
#: site, built in one process (`barrierkb site`), load and check them once.
_last_checked: dict[tuple, tuple[KnowledgeBase, list[Diagnostic]]] = {}


def _checked(
    root: Path, audience: str, overlay: Path | None, today: dt.date
) -> tuple[tuple, tuple[KnowledgeBase, list[Diagnostic]]]:
    """The records under `root` (and the overlay) loaded, checked and filtered for `audience`,
    with the version they were read from.

    Kept while no record file changes (same paths, sizes and modification times).
    """
    key = (root.resolve(), audience, overlay, today, _fingerprint(root, overlay))
    if key not in _last_checked:
        _last_checked.clear()
        kb = load(root)
        if overlay is not None:
            apply_overlay(kb, overlay)
        found = check(kb, today=today)
        if errors(found):
            raise RecordErrors(found)
        # Where each value stood in its file is for the checker's messages, which are made:
        # a site of thousands of records need not keep it (a quarter of the records' memory).
        kb.files = {k: replace(f, positions=None) for k, f in kb.files.items()}
        _last_checked[key] = (for_audience(kb, audience), found)
    return key, _last_checked[key]


def _fingerprint(*roots: Path | None) -> tuple:
    """Every record file under `roots`, with its size and modification time."""
    stats = []
    for root in filter(None, roots):
        for kind in FOLDERS:
            for path in record_files(root, kind):
                st = path.stat()
                stats.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(stats)
