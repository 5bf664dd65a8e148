"""The rules that span a record's fields or several records.

`check(kb)` returns the loader's diagnostics plus one per broken rule, sorted.
Each rule is a small function over one record; codes live in
`diagnostics.CODES`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
from collections.abc import Iterator

from . import vocab
from .diagnostics import Diagnostic, sort_key
from .load import KnowledgeBase, RecordFile, field_path
from .model import KINDS, Barrier, Record
from .refs import references

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
PHONE = re.compile(
    r"(?:\+\d{1,3}[ -]?\(?\d{1,4}\)?(?:[ -]?\d{2,4}){2,5})"  # +46 40 34 10 00
    r"|(?:\b0\d{1,3}[ /-]\d{2,3}[ -]?\d{2}[ -]?\d{2,3}\b)"  # 040-34 10 00
    r"|(?:\b\d{2} \d{2} \d{2} \d{2}\b)"  # 33 66 33 66
)
RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][\w:-]*(?:[\s/][^>]*)?/?\s*>|<!--|<\?|<!\[CDATA", re.S)
AUTOLINK = re.compile(r"<https?://[^\s<>]+>")
MD_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.M)
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
NOT_TEXT_FIELDS = frozenset({"url", "id"})


def check(kb: KnowledgeBase, today: dt.date | None = None) -> list[Diagnostic]:
    """Every problem in the knowledge base: the loader's, then each rule's."""
    found = list(kb.diagnostics)
    for kind in ("barriers", "stakeholders", "briefings"):
        for record_id, record in kb.records(kind).items():
            where = kb.file(kind, record_id)
            for loc, code, message, hint, level in _record_problems(kb, kind, record, today):
                line, col = where.positions.value(loc)
                found.append(Diagnostic(where.path, line, col, code, message, hint, level))
    return sorted(set(found), key=sort_key)


def _record_problems(kb: KnowledgeBase, kind: str, record: Record, today) -> Iterator[tuple]:
    where = kb.file(kind, record.id)
    yield from _id_matches_file(where)
    yield from _references_resolve(kb, record)
    yield from _text_is_safe(record, personal=record.visibility == "public")
    if isinstance(record, Barrier):
        yield from _status_history(record)
        yield from _borders(record)
        yield from _review_due(record, today)


def _id_matches_file(where: RecordFile) -> Iterator[tuple]:
    stem = where.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if where.id != stem:
        yield (
            ("id",),
            "id-mismatch",
            f"the id '{where.id}' differs from the file name '{stem}'",
            f"rename the file to {where.id}.yml or set `id: {stem}`",
            "error",
        )


def _references_resolve(kb: KnowledgeBase, record: Record) -> Iterator[tuple]:
    for loc, target_kind, target in references(record):
        name = field_path(loc)
        if target == record.id and target_kind == _kind_of(record):
            yield (
                loc,
                "self-reference",
                f"{name}: the record refers to itself",
                "remove the reference",
                "error",
            )
            continue
        found = kb.records(target_kind).get(target)
        if found is None:
            if (target_kind, target) in kb.broken:
                continue  # that file has its own errors
            other = [k for k in ("barriers", "stakeholders") if target in kb.records(k)]
            if other:
                yield (
                    loc,
                    "wrong-reference-kind",
                    f"{name}: '{target}' is a record in {other[0]}/, not in {target_kind}/",
                    f"name a record in {target_kind}/",
                    "error",
                )
            else:
                yield (
                    loc,
                    "unknown-reference",
                    f"{name}: there is no {target_kind}/{target}.yml",
                    _suggest(target, kb.records(target_kind)),
                    "error",
                )
            continue
        if record.visibility == "public" and found.visibility == "internal":
            yield (
                loc,
                "internal-reference",
                f"{name}: '{target}' is internal and would be named on the public site",
                "make this record internal too, or remove the reference",
                "error",
            )
        if loc[0] == "forums" or loc[-1] == "forum":
            if found.type not in vocab.FORUM_TYPES:
                yield (
                    loc,
                    "not-a-forum",
                    f"{name}: '{target}' is of type {found.type}, not a forum",
                    "forums are stakeholders of type forum, intergovernmental, committee "
                    "or parliament",
                    "warning",
                )


def _kind_of(record: Record) -> str:
    return next(k for k, model in KINDS.items() if isinstance(record, model))


def _suggest(target: str, records: dict) -> str:
    close = difflib.get_close_matches(target, list(records), n=1)
    return f"did you mean '{close[0]}'?" if close else "add the record, or correct the id"


def text_leaves(
    value: object, loc: tuple = (), skip: frozenset[str] = NOT_TEXT_FIELDS
) -> Iterator[tuple[tuple, str]]:
    """Every string in a dumped record, with its field path (urls and ids aside).

    >>> list(text_leaves({"title": {"sv": "A"}, "url": "https://x", "tags": ["b"]}))
    [(('title', 'sv'), 'A'), (('tags', 0), 'b')]
    """
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from text_leaves(item, loc + (key,), skip)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from text_leaves(item, loc + (i,), skip)


def unsafe_link_targets(text: str) -> list[str]:
    """Markdown link and image targets that are neither http(s) nor relative.

    >>> unsafe_link_targets("[a](javascript:alert(1)) [b](https://x.se) ![c](data:x)")
    ['javascript:alert(1', 'data:x']
    """
    bad = []
    for match in MD_LINK_TARGET.finditer(text):
        target = match.group(1) or match.group(2) or ""
        # browsers drop tabs and newlines anywhere in a URL: java&#9;script: is javascript:
        plain = re.sub(r"[\t\n]", "", UNSAFE_CHARS.sub("", html.unescape(target))).strip()
        scheme = SCHEME.match(plain)
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            bad.append(target)
    return bad


def _text_is_safe(record: Record, personal: bool) -> Iterator[tuple]:
    for loc, text in text_leaves(record.model_dump(mode="json")):
        name = field_path(loc)
        if personal and EMAIL.search(text):
            yield (
                loc,
                "personal-data",
                f"{name}: an e-mail address in a public record",
                "name the unit or role instead, without contact details",
                "error",
            )
        if personal and PHONE.search(text):
            yield (
                loc,
                "personal-data",
                f"{name}: a phone number in a public record",
                "name the unit or role instead, without contact details",
                "error",
            )
        if RAW_HTML.search(AUTOLINK.sub("", text)):
            yield (
                loc,
                "raw-html",
                f"{name}: raw HTML in text",
                "write Markdown without HTML tags; use **bold** and [text](https://...)",
                "error",
            )
        for target in unsafe_link_targets(text):
            yield (
                loc,
                "unsafe-link",
                f"{name}: the link target '{target[:40]}' is not allowed",
                "link only to http:// or https:// addresses",
                "error",
            )
        if UNSAFE_CHARS.search(text):
            yield (
                loc,
                "control-character",
                f"{name}: an invisible control or text-direction character",
                "delete it; it can make text read differently from how it displays",
                "error",
            )


def _status_history(barrier: Barrier) -> Iterator[tuple]:
    history = barrier.status_history
    for i in range(1, len(history)):
        if history[i].date < history[i - 1].date:
            yield (
                ("status_history", i, "date"),
                "status-history-order",
                f"status_history[{i}] ({history[i].date}) is earlier than the entry before it",
                "list the history oldest first",
                "error",
            )
    if history and history[-1].status != barrier.status:
        yield (
            ("status",),
            "status-history-mismatch",
            f"status is '{barrier.status}' but the history ends with '{history[-1].status}'",
            "add a status_history entry for the current status",
            "error",
        )


def _borders(barrier: Barrier) -> Iterator[tuple]:
    for i, border in enumerate(barrier.borders):
        a, b = border.split("-")
        if a == b:
            yield (
                ("borders", i),
                "border-same-country",
                f"borders[{i}]: '{border}' pairs a country with itself",
                "write the two countries on either side, such as SE-DK",
                "error",
            )


def _review_due(barrier: Barrier, today: dt.date | None) -> Iterator[tuple]:
    today = today or dt.date.today()
    if barrier.review_due and barrier.review_due < today:
        yield (
            ("review_due",),
            "review-due",
            f"the review was due on {barrier.review_due}",
            "review the record, then update last_reviewed and review_due",
            "warning",
        )
