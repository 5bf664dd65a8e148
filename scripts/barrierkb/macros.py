"""The mkdocs-macros adapter: variables and macros for the hand-written pages.

Only pages that opt in with `render_macros: true` are rendered (mkdocs.yml
sets `render_by_default: false`), so generated pages and record text never
pass through Jinja. Every macro returns escaped HTML from the pure renderers.
"""

from __future__ import annotations

from pathlib import Path

from .records.stats import counts
from .site.pages import barrier_facets, barrier_table
from .site.prepare import prepare
from .site.start import (
    barrier_list,
    briefing_list,
    charts,
    last_change,
    next_briefings,
    recently_changed,
    reviews_due,
)


def define_env(env) -> None:
    # The barrierkb plugin prepared the records for this build; without it
    # (a site that uses only the macros), prepare them here.
    plugin = env.conf.plugins.get("barrierkb")
    state = getattr(plugin, "state", None) or prepare(Path(env.conf.config_file_path).parent)
    kb, options = state.kb, state.options

    def here() -> str:
        return env.page.file.src_uri if env.page else "index.md"

    env.variables["n_barriers"] = len(kb.barriers)
    env.variables["n_stakeholders"] = len(kb.stakeholders)
    env.variables["n_briefings"] = len(kb.briefings)
    env.variables["counts"] = counts(kb)

    @env.macro
    def barriers_table(status: str = "", theme: str = "", border: str = "", forum: str = ""):
        """A register table of the barriers matching every filter given."""
        wanted = {"status": status, "tema": theme, "grans": border, "forum": forum}
        chosen = [
            b
            for b in kb.barriers.values()
            if all(not v or v in barrier_facets(b)[k] for k, v in wanted.items())
        ]
        return barrier_table(kb, chosen, here(), interactive=False)

    @env.macro
    def status_charts():
        return charts(kb)

    @env.macro
    def recent_barriers(n: int = 5):
        history = state.history
        return barrier_list(
            kb,
            recently_changed(kb, n, history),
            here(),
            when=lambda b: last_change(kb, b, history),
        )

    @env.macro
    def due_reviews(n: int = 5):
        return barrier_list(
            kb, reviews_due(kb, options.today, n), here(), when=lambda b: b.review_due
        )

    @env.macro
    def next_meetings(n: int = 3):
        return briefing_list(next_briefings(kb, options.today, n), here())
