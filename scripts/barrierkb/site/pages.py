"""The generated pages: one function per kind of page, each returning Markdown.

Every function is pure: records and options in, text out, sorted iteration.
"""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from ..records import citations, vocab
from ..records.i18n import _
from ..records.lang import localized
from ..records.load import KnowledgeBase
from ..records.model import Barrier, Stakeholder
from ..records.outcomes import Promise, commitments
from .citing import Cites
from .paths import (
    REGISTER,
    STAKEHOLDER_INDEX,
    barrier_page,
    facet_page,
    html_path,
    stakeholder_page,
)
from .templating import NOT_INDEXED, SiteOptions, front_matter, render_template

FACETS = ("status", "tema", "grans", "forum")


def barrier_facets(b: Barrier) -> dict[str, list[str]]:
    """The facet values a barrier is listed under, by facet."""
    return {
        "status": [b.status],
        "tema": list(b.themes),
        "grans": list(b.borders),
        "forum": list(b.forums),
    }


def facet_label(kb: KnowledgeBase, facet: str, value: str) -> str:
    """The Swedish heading of a facet page."""
    if facet == "status":
        return vocab.STATUS_LABELS[value]
    if facet == "tema":
        return vocab.THEME_LABELS[value]
    if facet == "grans":
        return vocab.border_label(value)
    org = kb.stakeholders.get(value)
    return localized(org.name) if org else value


def facet_values(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Every facet value in use, in vocabulary or sorted order."""
    used: dict[str, set[str]] = defaultdict(set)
    for b in kb.barriers.values():
        for facet, values in barrier_facets(b).items():
            used[facet].update(values)
    order = {"status": vocab.STATUSES, "tema": vocab.THEMES}
    return {
        facet: [v for v in order[facet] if v in used[facet]]
        if facet in order
        else sorted(used[facet])
        for facet in FACETS
    }


def barrier_rows(kb: KnowledgeBase, barriers: list[Barrier], here: str) -> dict[str, Markup]:
    """Each barrier's register row (HTML) by id, with links relative to `here`.

    A row depends only on the barrier and the folder of `here`, so pages in
    one folder can share the rows instead of rendering them again.
    """
    return {
        b.id: Markup(
            render_template(
                "barrier_row.html.j2",
                here,
                b=b,
                kb=kb,
            )
        )
        for b in barriers
    }


def barrier_table(
    kb: KnowledgeBase,
    barriers: list[Barrier],
    here: str,
    interactive: bool = True,
    rows: dict[str, Markup] | None = None,
) -> Markup:
    """The register table (HTML) of `barriers`, sortable and filterable when interactive.

    `rows` are rows from `barrier_rows` for a page in the same folder as `here`.
    """
    rows = rows if rows is not None else barrier_rows(kb, barriers, here)
    return Markup(
        render_template(
            "barrier_table.html.j2",
            here,
            rows=[rows[b.id] for b in barriers],
            interactive=interactive,
            facets=facet_values(kb) if interactive else {},
            facet_label=lambda f, v: facet_label(kb, f, v),
        )
    )


def register_page(kb: KnowledgeBase) -> str:
    barriers = list(kb.barriers.values())
    return front_matter(
        title=_("Registret"),
        description=_("Alla gränshinder i en tabell"),
        search=NOT_INDEXED,
        hide=["navigation", "toc"],
    ) + render_template(
        "register.md.j2",
        REGISTER,
        kb=kb,
        facets=facet_values(kb),
        facet_label=lambda f, v: facet_label(kb, f, v),
        table=barrier_table(kb, barriers, REGISTER),
    )


def facet_pages(kb: KnowledgeBase) -> dict[str, str]:
    """A page per status, theme, border and forum in use."""
    listed: dict[tuple[str, str], list[Barrier]] = defaultdict(list)
    for b in kb.barriers.values():
        for facet, values in barrier_facets(b).items():
            for value in values:
                listed[facet, value].append(b)
    values_by_facet = facet_values(kb)
    # Facet pages all sit two folders deep (register/<facet>/), so their rows,
    # which link only to barrier and stakeholder pages, are the same: share them.
    rows = barrier_rows(kb, list(kb.barriers.values()), facet_page("status", "all"))
    pages = {}
    for facet, values in values_by_facet.items():
        for value in values:
            src = facet_page(facet, value)
            barriers = listed[facet, value]
            label = facet_label(kb, facet, value)
            pages[src] = front_matter(
                title=label, search=NOT_INDEXED, hide=["navigation", "toc"]
            ) + render_template(
                "facet.md.j2",
                src,
                facet=facet,
                value=value,
                label=label,
                table=barrier_table(kb, barriers, src, interactive=False, rows=rows),
            )
    return pages


def cite_as(kb: KnowledgeBase, b: Barrier, options: SiteOptions, history: dict | None) -> dict:
    """How to cite a barrier's record: title, publisher, address and the version shown."""
    commits = (history or {}).get(kb.file("barriers", b.id).path, [])
    site = options.site_url.rstrip("/")
    return {
        "title": localized(b.title),
        "publisher": b.owner,
        "url": f"{site}/{html_path(barrier_page(b.id))}" if site else "",
        "date": commits[0].date if commits else "",
        "commit": commits[0].short if commits else "",
    }


def barrier_pages(
    kb: KnowledgeBase,
    options: SiteOptions,
    sections: dict | None = None,
    history: dict | None = None,
) -> dict:
    """A page per barrier. `sections` maps a barrier id to extra context (routes, allies)."""
    pages = {}
    sections = sections or {}
    promised = by_barrier(commitments(kb))
    for b in kb.barriers.values():
        src = barrier_page(b.id)
        path = kb.file("barriers", b.id).path
        pages[src] = front_matter(
            title=citations.strip(localized(b.title)),
            description=_plain(citations.strip(localized(b.summary))),
        ) + render_template(
            "barrier.md.j2",
            src,
            b=b,
            kb=kb,
            options=options,
            edit_url=options.edit_url.format(path=path) if options.edit_url else "",
            briefings=_briefings_of(kb, b.id),
            cites=Cites(kb, b),
            cite_as=cite_as(kb, b, options, history),
            promises=promised.get(b.id, []),
            today=options.today,
            # None: no git history in this copy; the page says so.
            commits=None if history is None else history.get(path, []),
            commit_url=options.commit_url,
            **sections.get(b.id, {}),
        )
    return pages


def by_barrier(promises: list[Promise]) -> dict[str, list[Promise]]:
    """Commitments grouped by the barrier they concern, in the order given."""
    grouped: dict[str, list[Promise]] = defaultdict(list)
    for promise in promises:
        grouped[promise.barrier].append(promise)
    return grouped


def _briefings_of(kb: KnowledgeBase, barrier_id: str) -> list:
    return [br for br in kb.briefings.values() if any(i.barrier == barrier_id for i in br.barriers)]


def stakes(kb: KnowledgeBase) -> dict[str, list[tuple[str, Barrier]]]:
    """For each organisation, every (role, barrier) that ties it to a barrier.

    A forum where a barrier is raised has the role ``forum``. One pass over the
    barriers, so pages for every stakeholder cost what the barriers cost.
    """
    ties: dict[str, list[tuple[str, Barrier]]] = defaultdict(list)
    for b in kb.barriers.values():
        for ref in (*b.responsible, *b.stakeholders):
            ties[ref.stakeholder].append((ref.role, b))
        for forum in b.forums:
            ties[forum].append(("forum", b))
    return ties


def stakeholder_pages(
    kb: KnowledgeBase, sections: dict | None = None, options: SiteOptions | None = None
) -> dict:
    """A page per stakeholder; a forum's page also lists what is raised there."""
    sections = sections or {}
    today = (options or SiteOptions()).today
    promised: dict[str, list[Promise]] = defaultdict(list)
    for promise in commitments(kb):
        promised[promise.commitment.by].append(promise)
    incoming: dict[str, list] = defaultdict(list)
    for s in kb.stakeholders.values():
        for rel in s.relations:
            incoming[rel.target].append((s, rel))
    all_ties = stakes(kb)
    # Each stakeholder's briefings and contributions, gathered in one pass over the
    # records (in record order), not by a pass over all of them per stakeholder.
    met: dict[str, list] = defaultdict(list)
    for br in kb.briefings.values():
        for who in dict.fromkeys((br.forum, *br.attendees)):
            met[who].append(br)
    contributed: dict[str, list[Barrier]] = defaultdict(list)
    for b in kb.barriers.values():
        for who in b.contributors:
            contributed[who].append(b)
    pages = {}
    for s in kb.stakeholders.values():
        src = stakeholder_page(s.id)
        ties = all_ties.get(s.id, [])
        by_role: dict[str, list] = defaultdict(list)
        for role, b in ties:
            by_role[role].append(b)
        pages[src] = front_matter(title=localized(s.name)) + render_template(
            "stakeholder.md.j2",
            src,
            s=s,
            cites=Cites(kb, s),
            kb=kb,
            by_role=dict(by_role),
            incoming=incoming.get(s.id, []),
            is_forum=s.type in vocab.FORUM_TYPES,
            briefings=met.get(s.id, []),
            contributed=contributed.get(s.id, []),
            promises=promised.get(s.id, []),
            today=today,
            **sections.get(s.id, {}),
        )
    return pages


def stakeholder_index(kb: KnowledgeBase) -> str:
    by_level: dict[str, list[Stakeholder]] = defaultdict(list)
    for s in kb.stakeholders.values():
        by_level[s.level].append(s)
    all_ties = stakes(kb)
    return front_matter(title=_("Aktörer")) + render_template(
        "stakeholders.md.j2",
        STAKEHOLDER_INDEX,
        by_level=by_level,
        ties=lambda org: len(all_ties.get(org, [])),
    )


def _plain(value: str) -> str:
    return " ".join(value.split())[:300]
