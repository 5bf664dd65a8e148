"""The Jinja environment of the generated pages: filters, globals, `render_template`.

Templates live in `barrierkb/site/templates/`; autoescaping is on for all of
them, so record text is escaped unless it went through `markdown.to_html`
first. Templates hold presentation only: labels come from filters, page
addresses from the globals of `paths` (`link(barrier_page(id))`), and
repeated markup from the macros in `_parts.html.j2`.

A generated page is a `.md` file whose body is plain HTML (front matter, then
HTML blocks, which every Markdown engine passes through), so the MkDocs
adapter can skip the Markdown parser for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import jinja2
from markupsafe import Markup, escape

from ..records import vocab
from ..records.i18n import current, translations
from ..records.lang import localized, translation
from ..records.slugs import ascii_words
from . import paths
from .markdown import to_html, to_inline_html
from .printing import long_date

#: Short names of the other registers, for the register table.
REGISTER_SHORT = {
    "nordic_fmc": "Norden",
    "oresunddirekt": "Øresunddirekt",
    "b_solutions": "b-solutions",
}


@dataclass(frozen=True)
class SiteOptions:
    """What the renderer needs to know beyond the records."""

    home: str = "malmo-stad"
    audience: str = "public"
    #: `{path}` is replaced with the record's path in the repository.
    edit_url: str = ""
    today: date = field(default_factory=lambda: date(2026, 1, 1))
    #: The site's address (mkdocs.yml `site_url`), for addresses that must be absolute.
    site_url: str = ""
    #: The edition's language: record text is shown in it where a record has it.
    lang: str = "sv"
    #: Link to one commit; `{commit}` becomes its full hash. Empty: commits are not linked.
    commit_url: str = ""


def heading(level: int, title: str, anchor: str | None = None) -> Markup:
    """An HTML heading with a stable id made from its text, or with the id `anchor`.

    A translated heading passes the anchor of its Swedish text, so the id is
    the same in every edition: `h(2, _("Vägar in"), "vagar-in")` in a template,
    `anchor("Gränshinder " ~ year)` for one with values.

    >>> str(heading(2, "Vägar in"))
    '<h2 id="vagar-in">Vägar in</h2>'
    >>> str(heading(2, "Ways in", "vagar-in"))
    '<h2 id="vagar-in">Ways in</h2>'
    """
    level = int(level)
    return Markup(f'<h{level} id="{escape(anchor or anchor_of(title))}">{escape(title)}</h{level}>')


def anchor_of(title: str) -> str:
    """An HTML id from a heading's text: its ASCII words, cut at 60 characters.

    >>> anchor_of("Vägar in")
    'vagar-in'
    """
    return "-".join(ascii_words(title))[:60].rstrip("-") or "hinder"


#: Comments around the parts of a page that search leaves out: links to other
#: records, drawings and sources, which only repeat what other pages say. In
#: any engine they are plain comments; the MkDocs adapter holds these parts
#: back from the search plugin, whose HTML parsing was most of the build time.
UNINDEXED_START = "<!-- bkb:unindexed -->"
UNINDEXED_END = "<!-- /bkb:unindexed -->"


def unindexed(caller) -> Markup:
    """`{% call unindexed() %}...{% endcall %}`: mark a part of a page as not indexed."""
    return Markup(UNINDEXED_START) + caller() + Markup(UNINDEXED_END)


#: Front matter that keeps a page out of the search index: pages that only
#: repeat what the barrier pages say (the register, facets, annual reports).
NOT_INDEXED = {"exclude": True}


def front_matter(**fields: object) -> str:
    """YAML front matter; values as JSON, which YAML reads as plain strings."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, shared by every edition's environment."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


@cache
def environment(lang: str) -> jinja2.Environment:
    """The environment of an edition: its templates translate into `lang`.

    Templates write interface strings in Swedish, `{{ _("Vägar in") }}`, with
    values by name (`_("Till %(name)s", name=x)`, `ngettext` for counts): the
    translation is markup, the values are escaped.
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("barrierkb.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        # The templates are part of the package: they change with the code, never during
        # a build, so neither a check of their files' times on every use nor a compilation
        # per edition.
        auto_reload=False,
        bytecode_cache=_COMPILED,
    )
    catalogue = translations(lang)
    env.install_gettext_translations(catalogue, newstyle=True)
    # `_()` straight to the catalogue, as the extension's newstyle gettext does it but
    # without its two further context calls per string (a page has dozens of strings).
    env.globals["_"] = markup_gettext(catalogue.gettext)
    env.filters.update(
        localized=localized,
        # the English translation beside the Swedish text, on the Swedish edition only
        en=lambda v: translation(v, "en") if lang == "sv" else "",
        md=to_html,
        md_inline=to_inline_html,
        status=lambda s: vocab.STATUS.label(s, lang),
        theme=lambda s: vocab.THEME.label(s, lang),
        role=lambda s: vocab.ROLE.label(s, lang),
        solution_type=lambda s: vocab.SOLUTION_TYPE.label(s, lang),
        obstacle_type=lambda s: vocab.OBSTACLE_TYPE.label(s, lang),
        fmc=lambda s: vocab.FMC_STATUS.label(s, lang),
        priority=lambda s: vocab.PRIORITY.label(s, lang) if s else "",
        stype=lambda s: vocab.STAKEHOLDER_TYPE.label(s, lang),
        level=lambda s: vocab.LEVEL.label(s, lang),
        relation=lambda s: vocab.RELATION.label(s, lang),
        country=lambda s: vocab.country_label(s, lang),
        border=lambda s: vocab.border_label(s, lang),
        isodate=lambda d: d.isoformat() if d else "",
        longdate=lambda d: long_date(d, lang),
        roles=lambda roles: roles_in_words(roles, lang),
        register=lambda s: vocab.REGISTER.label(s, lang),
        register_short=lambda s: REGISTER_SHORT.get(s, s),
        source_kind=lambda s: vocab.SOURCE_KIND.label(s, lang),
        language=lambda s: vocab.LANGUAGE.label(s, lang),
        thousands=lambda n: f"{n:,}".replace(",", " "),
        first_sentence=first_sentence,
        channel=lambda s: vocab.CHANNEL_KIND.label(s, lang),
    )
    env.globals.update(
        vocab=vocab,
        h=heading,
        anchor=anchor_of,
        # A record's Swedish text, for the anchor of a heading that names it.
        swedish=lambda v: localized(v, "sv"),
        unindexed=unindexed,
        link=link,
        register=paths.REGISTER,
        barrier_page=paths.barrier_page,
        stakeholder_page=paths.stakeholder_page,
        briefing_page=paths.briefing_page,
        facet_page=paths.facet_page,
        source_page=paths.source_page,
        example_page=paths.example_page,
    )
    return env


def markup_gettext(gettext: Callable[[str], str]) -> Callable[..., Markup]:
    """`_("Till %(name)s", name=x)` in a template: the translation as markup, the values
    escaped into it; always formatted, so `%%` is a percent sign with or without values.

    >>> str(markup_gettext(lambda s: s)("Till %(name)s", name="<b>"))
    'Till &lt;b&gt;'
    """

    def _(string: str, **variables: object) -> Markup:
        return Markup(gettext(string)) % variables

    return _


#: Where a sentence ends: a full stop, question or exclamation mark before a capital.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÆØ])")


def first_sentence(text: str) -> str:
    """The first sentence of `text`, with an ellipsis when there is more (for overviews).

    >>> first_sentence("Ändra reglerna. Sedan mer."), first_sentence("Bara en.")
    ('Ändra reglerna. …', 'Bara en.')
    """
    parts = SENTENCE_END.split(str(text).strip(), maxsplit=1)
    return f"{parts[0]} …" if len(parts) > 1 else parts[0]


def roles_in_words(roles: list[str], lang: str = "sv") -> str:
    """Roles as a lowercase list; `forum` (a forum where a barrier is raised) as it is.

    >>> roles_in_words(["rule_owner", "forum"])
    'äger regelverket, forum'
    """
    return ", ".join(vocab.ROLE.label(r, lang).lower() for r in roles)


@jinja2.pass_context
def link(context: jinja2.runtime.Context, to: str) -> str:
    """`link(page)` in a template: the relative address of `page` from the page rendered."""
    return paths.relative(context["here"], to)


def render_template(name: str, here: str, **context: object) -> str:
    """Render `templates/<name>` for the page at `here` (which `link` is relative to)."""
    return environment(current()).get_template(name).render(here=here, **context)
