"""The rules that span a record's fields or several records.

`check(kb)` returns the loader's diagnostics plus one per broken rule, sorted.
Each rule is a small generator over one record that yields `Finding`s: where
(a field path), which rule (a code of `rules.RULES`) and what was found. The
level and the default hint come from the rule table.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator

from . import vocab
from .citing import citation_findings
from .diagnostics import Diagnostic, sort_key
from .findings import Finding, record_texts
from .lang import translation
from .links import may_link, unsafe_links
from .load import KnowledgeBase, RecordFile, field_path
from .model import FOLDERS, INTERNAL_FIELDS, KINDS, Barrier, Briefing, Record, kind_of
from .outcomes import outcome_findings
from .refs import references
from .rules import problem

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
#: The part of an address from the @ on: starting with a fixed character, it is quick to rule
#: out, where EMAIL tries every word before every @ of every citation key.
EMAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
#: The written forms of a phone number, each searched on its own, with a quick test where
#: it helps. Together in one pattern, every position of every text was tried; alone, each
#: skips ahead to its first character. `(?<!\w0)` and `(?<!\w\d)` stand for a word
#: boundary before the number.
PHONE_FORMS = (
    (re.compile(r"\+\d{1,3}[ -]?\(?\d{1,4}\)?(?:[ -]?\d{2,4}){2,5}"), None),  # +46 40 34 10 00
    (re.compile(r"0(?<!\w0)\d{1,3}[ /-]\d{2,3}[ -]?\d{2}[ -]?\d{2,3}\b"), None),  # 040-34 10 00
    (re.compile(r"\d(?<!\w\d)\d \d{2} \d{2} \d{2}\b"), re.compile(r" \d\d \d\d\b")),  # 33 66 33 66
)


def phone_number(text: str) -> re.Match | None:
    """The first phone number in `text`, in any of its written forms.

    >>> phone_number("Ring 040-34 10 00 eller +45 33 66 33 66.").group()
    '040-34 10 00'
    >>> phone_number("Beslut 2026-03-23, s. 12") is None
    True
    """
    found = [
        match
        for form, quick in PHONE_FORMS
        if (quick is None or quick.search(text)) and (match := form.search(text))
    ]
    return min(found, key=re.Match.start, default=None)


def email_address(text: str) -> re.Match | None:
    """The first e-mail address in `text`: searched for only where a domain follows an @.

    >>> email_address("Skriv till info@malmo.se.").group()
    'info@malmo.se'
    >>> email_address("Se [@sfs-2010, s. 3].") is None
    True
    """
    return EMAIL.search(text) if EMAIL_DOMAIN.search(text) else None


RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][\w:-]*(?:[\s/][^>]*)?/?\s*>|<!--|<\?|<!\[CDATA", re.S)
AUTOLINK = re.compile(r"<https?://[^\s<>]+>")
#: Control and text-direction characters, which text may not hold (tabs and line
#: breaks may stay; zero-width spaces may too, outside a link target).
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def check(kb: KnowledgeBase, today: dt.date | None = None) -> list[Diagnostic]:
    """Every problem in the knowledge base: the loader's, then each rule's."""
    found = list(kb.diagnostics)
    checked = [
        (kind, record_id, record, frozenset())
        for kind in FOLDERS
        for record_id, record in kb.records(kind).items()
    ]
    # Records whose fields failed in part: every rule runs on what did validate.
    checked += [(k, i, part.record, part.failed) for (k, i), part in sorted(kb.partial.items())]
    for kind, record_id, record, failed in checked:
        where = kb.file(kind, record_id)
        for f in _record_findings(kb, where, record, today, failed):
            line, col = where.positions.text_position(f.loc, f.offset)
            found.append(problem(f.code, where.path, line, col, f.message, f.hint))
    return sorted(set(found), key=sort_key)


def _valid(record: Record, failed: frozenset[str], *names: str) -> bool:
    """Whether the fields a rule reads loaded (a partial record may lack them)."""
    return all(hasattr(record, n) and n not in failed for n in names)


def _internal_in_public(where: RecordFile, record: Record) -> Iterator[Finding]:
    """Internal fields, or `visibility: internal`, written in a file of the public tree."""
    if where.in_overlay:
        return
    internal = [path for path in where.positions.keys if path and path[-1] in INTERNAL_FIELDS]
    for path in sorted(internal, key=str):
        yield Finding(path, "internal-field", f"{field_path(path)}: internal material")
    if getattr(record, "visibility", "public") == "internal":
        yield Finding(("visibility",), "internal-field", "visibility: an internal record")


def _record_findings(
    kb: KnowledgeBase, where: RecordFile, record: Record, today, failed: frozenset[str]
) -> Iterator:
    yield from _id_matches_file(where)
    yield from _internal_in_public(where, record)
    yield from _references_resolve(kb, record)
    texts = record_texts(record)
    yield from _text_is_safe(texts, personal=getattr(record, "visibility", "public") == "public")
    if _valid(record, failed, "sources"):
        yield from citation_findings(kb, record, texts, partial=bool(failed))
    if isinstance(record, Barrier):
        if _valid(record, failed, "status", "status_history"):
            yield from _status_history(record)
        if _valid(record, failed, "status", "responsible"):
            yield from _responsible(record)
        if _valid(record, failed, "borders"):
            yield from _borders(record)
        yield from _review_due(record, today)
        yield from _translations(record)
    if isinstance(record, Briefing):
        yield from _example_placement(where, record)
        yield from outcome_findings(kb, record, today)


def _id_matches_file(where: RecordFile) -> Iterator[Finding]:
    stem = where.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if where.id != stem:
        yield Finding(
            ("id",),
            "id-mismatch",
            f"the id '{where.id}' differs from the file name '{stem}'",
            f"rename the file to {where.id}.yml or set `id: {stem}`",
        )


def _references_resolve(kb: KnowledgeBase, record: Record) -> Iterator[Finding]:
    for loc, target_kind, target in references(record):
        name = field_path(loc)
        if target == record.id and target_kind == kind_of(record):
            yield Finding(loc, "self-reference", f"{name}: the record refers to itself")
            continue
        found = kb.records(target_kind).get(target)
        if found is None:
            if (target_kind, target) in kb.broken:
                continue  # that file has its own errors
            other = [k for k in KINDS if k != target_kind and target in kb.records(k)]
            if other:
                yield Finding(
                    loc,
                    "wrong-reference-kind",
                    f"{name}: '{target}' is a record in {other[0]}/, not in {target_kind}/",
                    f"name a record in {target_kind}/",
                )
            else:
                yield Finding(
                    loc,
                    "unknown-reference",
                    f"{name}: there is no {target_kind}/{target}.yml",
                    _suggest(target, kb.records(target_kind)),
                )
            continue
        if record.visibility == "public" and found.visibility == "internal":
            yield Finding(
                loc,
                "internal-reference",
                f"{name}: '{target}' is internal and would be named on the public site",
            )
        if loc[0] == "related" and record.id not in getattr(found, "related", [record.id]):
            message = f"{name}: '{target}' does not list '{record.id}' among its related"
            yield Finding(loc, "related-one-way", message, f"add `{record.id}` to its `related`")
        if (loc[0] == "forums" or loc[-1] == "forum") and found.type not in vocab.FORUM_TYPES:
            yield Finding(
                loc, "not-a-forum", f"{name}: '{target}' is of type {found.type}, not a forum"
            )


def _suggest(target: str, records: dict) -> str:
    close = difflib.get_close_matches(target, list(records), n=1)
    return f"did you mean '{close[0]}'?" if close else "add the record, or correct the id"


def _text_is_safe(texts: list[tuple[tuple, str]], personal: bool) -> Iterator[Finding]:
    """Personal data, raw HTML, unsafe links and control characters in a record's text."""
    public = [(loc, text) for loc, text in texts if personal and INTERNAL_FIELDS.isdisjoint(loc)]
    everything = _joined(texts)
    public_text = everything if len(public) == len(texts) else _joined(public)
    for find, what in ((email_address, "an e-mail address"), (phone_number, "a phone number")):
        for loc, text in public if find(public_text) else ():
            if match := find(text):
                message = f"{field_path(loc)}: {what} in a public record"
                yield Finding(loc, "personal-data", message, None, match.start())
    for loc, text in texts if "<" in everything else ():
        # autolinks blanked out, not removed, so that offsets stay true
        blanked = AUTOLINK.sub(lambda m: " " * len(m.group(0)), text)
        if "<" in text and (match := RAW_HTML.search(blanked)):
            yield Finding(
                loc, "raw-html", f"{field_path(loc)}: raw HTML in text", None, match.start()
            )
    for loc, text in texts if may_link(everything) else ():
        for target, reason in unsafe_links(text):
            message = (
                f"{field_path(loc)}: the link target '{target[:40]}' would be dropped: {reason}"
            )
            yield Finding(loc, "unsafe-link", message, None, max(text.find(target), 0))
    for loc, text in texts if UNSAFE_CHARS.search(everything) else ():
        if match := UNSAFE_CHARS.search(text):
            message = f"{field_path(loc)}: an invisible control or text-direction character"
            yield Finding(loc, "control-character", message, None, match.start())


def _joined(texts: list[tuple[tuple, str]]) -> str:
    """A record's texts as one, joined once, so that one search can rule the whole record
    out: most records hold no address, no `<` and no link. A blank line is part of no
    match, so the joined text holds every match that a search of each text would find."""
    return "\n\n".join(text for _, text in texts)


def _status_history(barrier: Barrier) -> Iterator[Finding]:
    history = barrier.status_history
    for i in range(1, len(history)):
        if history[i].date < history[i - 1].date:
            yield Finding(
                ("status_history", i, "date"),
                "status-history-order",
                f"status_history[{i}] ({history[i].date}) is earlier than the entry before it",
            )
    if history and history[-1].status != barrier.status:
        yield Finding(
            ("status",),
            "status-history-mismatch",
            f"status is '{barrier.status}' but the history ends with '{history[-1].status}'",
        )
    elif not history and barrier.status != vocab.STATUSES[0]:
        yield Finding(
            ("status",),
            "status-history-mismatch",
            f"status is '{barrier.status}' but status_history does not say when or how it came "
            "about",
            "add a status_history entry with the date, the status and the source (cite); use "
            "date_basis: reported when the date is only the source's",
        )


def _responsible(barrier: Barrier) -> Iterator[Finding]:
    if barrier.status in vocab.NEEDS_RESPONSIBLE and not barrier.responsible:
        yield Finding(
            ("responsible",),
            "no-responsible",
            f"status is '{barrier.status}' but no organisation that can act is named",
        )


def _example_placement(where: RecordFile, briefing: Briefing) -> Iterator[Finding]:
    in_examples = where.kind == "examples"
    if briefing.example != in_examples:
        place = "examples/briefings/" if in_examples else "briefings/"
        what = "a real meeting" if in_examples else "an example (`example: true`)"
        yield Finding(("example",), "example-placement", f"{what} in {place}")


def _translations(barrier: Barrier) -> Iterator[Finding]:
    if getattr(barrier, "visibility", "public") != "public":
        return
    for field in ("title", "summary"):
        value = getattr(barrier, field, None)
        if value is None:
            continue
        missing = [lang for lang in ("en", "da") if not translation(value, lang)]
        if missing:
            message = f"{field}: no text in {' or '.join(missing)}"
            yield Finding((field,), "missing-translation", message)


def _borders(barrier: Barrier) -> Iterator[Finding]:
    for i, border in enumerate(barrier.borders):
        a, b = border.split("-")
        if a == b:
            yield Finding(
                ("borders", i),
                "border-same-country",
                f"borders[{i}]: '{border}' pairs a country with itself",
            )


def _review_due(barrier: Barrier, today: dt.date | None) -> Iterator[Finding]:
    today = today or dt.date.today()
    if barrier.review_due and barrier.review_due < today:
        yield Finding(("review_due",), "review-due", f"the review was due on {barrier.review_due}")
