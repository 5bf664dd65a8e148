"""Exports of the public records: JSON (everything), CSV and XLSX (tables).

Every export filters the knowledge base for the public itself
(`records.audience.for_audience`, the one visibility filter), whatever it is
given, so no internal record or note can reach a download. Output is
deterministic.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from ..records.audience import for_audience
from ..records.lang import translation
from ..records.load import KnowledgeBase, field_path
from ..records.memo import per_kb
from ..records.model import KINDS, Record
from ..records.sourcing import source_list
from ..records.vocab import EDITIONS

EXCLUDE = {"internal_notes", "visibility"}


def _public(kb: KnowledgeBase, kind: str) -> list[Record]:
    return [r for _, r in sorted(for_audience(kb, "public").records(kind).items())]


def record_data(kb: KnowledgeBase, record: Record, cite_as: dict | None = None) -> dict:
    """A record as plain JSON data, without internal fields or empty values.

    Its citations are added as data (`citations`: where each stands, the key
    and the locator) and, for a barrier, how to cite the record (`cite_as`).
    """
    data = record.model_dump(mode="json", exclude=EXCLUDE, exclude_none=True)
    found = source_list(kb, record).citations
    if found:
        data["citations"] = [
            {"at": field_path(loc), "key": c.key, "locator": c.locator} for loc, c in found
        ]
    if cite_as is not None:
        data["cite_as"] = cite_as
    return data


def to_json(kb: KnowledgeBase, cite_as: dict[str, dict] | None = None) -> bytes:
    """All public records of every kind, with every public field, as UTF-8.

    `cite_as` maps a barrier id to how to cite its record (see `pages.cite_as`).
    The bytes are what `json.dumps(..., indent=2, sort_keys=True)` gives for the
    whole document, encoded; they are assembled from each record's own encoded
    text, made once per knowledge base (only `cite_as` differs between editions),
    and joined once, so a large register is never held as text and bytes at once.
    """
    cite_as = cite_as or {}
    public = for_audience(kb, "public")
    sections = []
    for kind in sorted(KINDS):  # sort_keys: the kinds in alphabetical order
        records = _public(public, kind)
        if not records and kind == "sources":
            continue
        how = cite_as if kind == "barriers" else {}
        items = [
            _indented(_with_key(_record_json(public, r), "cite_as", how.get(r.id)), 2)
            for r in records
        ]
        head = f"  {json.dumps(kind)}: ".encode()
        sections.append([head, b"[\n", b",\n".join(items), b"\n  ]"] if items else [head, b"[]"])
    return b"{\n" + b",\n".join(b"".join(parts) for parts in sections) + b"\n}\n"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


@per_kb
def _record_json(kb: KnowledgeBase, record: Record) -> bytes:
    """One record's JSON (without `cite_as`) as a document of its own, in UTF-8: kept for
    every edition, it takes half the memory of text, and `to_json` joins it as it is."""
    return _dumps(record_data(kb, record)).encode()


def _with_key(text: bytes, key: str, value) -> bytes:
    """`text` (an object's JSON from `_dumps`, encoded) with `key: value` added in sorted place.

    >>> a_c, b = _dumps({"a": 1, "c": 3}).encode(), {"x": 2}
    >>> _with_key(a_c, "b", b) == _dumps({"a": 1, "b": b, "c": 3}).encode()
    True
    >>> _with_key(a_c, "d", b) == _dumps({"a": 1, "c": 3, "d": b}).encode()
    True
    """
    if value is None:
        return text
    if text == b"{}":
        return _dumps({key: value}).encode()
    lines = text.split(b"\n")
    entry = f"  {json.dumps(key)}: ".encode() + _indented(_dumps(value).encode(), 1).lstrip()
    # The object's own keys are the lines indented by exactly two spaces, in sorted order:
    # the entry goes before the first that sorts after it, or last.
    for i, line in enumerate(lines):
        if i and line.startswith(b'  "') and json.loads(line.partition(b": ")[0]) > key:
            lines.insert(i, entry + b",")
            return b"\n".join(lines)
    lines[-2] += b","  # the last key: the line before the closing brace gains a comma
    lines.insert(len(lines) - 1, entry)
    return b"\n".join(lines)


def _indented(text: bytes, levels: int) -> bytes:
    """JSON moved `levels` indentation steps (two spaces each) to the right."""
    pad = b"  " * levels
    return pad + text.replace(b"\n", b"\n" + pad)


def _source_titles(kb: KnowledgeBase, record: Record) -> str:
    return _join(f"{e.title} <{e.url}>" if e.url else e.title for e in source_list(kb, record))


def per_language(column: str, value) -> dict[str, str]:
    """A text in one column per language of the editions, such as `titel_sv`, `titel_da`.

    >>> per_language("titel", {"sv": "Hinder", "en": "Barrier"})
    {'titel_sv': 'Hinder', 'titel_da': '', 'titel_en': 'Barrier'}
    """
    return {f"{column}_{lang}": translation(value, lang) for lang in EDITIONS}


def _join(values) -> str:
    return "; ".join(str(v) for v in values)


def barrier_rows(kb: KnowledgeBase) -> list[dict[str, object]]:
    """One flat row per public barrier, for spreadsheets."""
    rows = []
    for b in _public(kb, "barriers"):
        rows.append(
            {
                "id": b.id,
                **per_language("titel", b.title),
                **per_language("sammanfattning", b.summary),
                "status": b.status,
                "gränser": _join(b.borders),
                "teman": _join(b.themes),
                "typ": b.obstacle_type or "",
                "ansvariga": _join(f"{r.stakeholder} ({r.role})" for r in b.responsible),
                "aktörer": _join(f"{r.stakeholder} ({r.role})" for r in b.stakeholders),
                "forum": _join(b.forums),
                **per_language("önskemål", b.ask),
                "prioritet": b.priority or "",
                "nordisk_status": b.official.fmc_status if b.official else "",
                "relaterade": _join(b.related),
                "referenser": _join(
                    f"{r.register}: {r.id or ''} {r.url or ''}".strip() for r in b.references
                ),
                "källor": _source_titles(kb, b),
                "ägare": b.owner,
                "senast_granskad": b.last_reviewed.isoformat(),
                "granskas_senast": b.review_due.isoformat() if b.review_due else "",
            }
        )
    return rows


def stakeholder_rows(kb: KnowledgeBase) -> list[dict[str, object]]:
    """One flat row per public stakeholder."""
    return [
        {
            "id": s.id,
            **per_language("namn", s.name),
            "typ": s.type,
            "land": s.country,
            "nivå": s.level,
            "webbplats": s.url or "",
            "relationer": _join(f"{r.type} {r.target}" for r in s.relations),
            "makt": s.power if s.power is not None else "",
            "intresse": s.interest if s.interest is not None else "",
        }
        for s in _public(kb, "stakeholders")
    ]


TABLES = {"barriers": barrier_rows, "stakeholders": stakeholder_rows}
SHEET_NAMES = {"barriers": "Hinder", "stakeholders": "Aktörer"}


@per_kb
def to_csv(kb: KnowledgeBase, kind: str = "barriers") -> bytes:
    """CSV for Swedish Excel: UTF-8 with BOM, semicolons, CRLF line ends."""
    rows = TABLES[kind](kb)
    out = io.StringIO()
    fields = list(rows[0]) if rows else []
    writer = csv.DictWriter(out, fieldnames=fields, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def spreadsheet_safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("Lyft"), spreadsheet_safe(3)
    ("'=HYPERLINK(1)", 'Lyft', 3)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@per_kb
def to_xlsx(kb: KnowledgeBase) -> bytes:
    """An XLSX workbook with a sheet of barriers and one of stakeholders.

    The document date is the newest `last_reviewed`, so the bytes depend only
    on the records.
    """
    import xlsxwriter

    stamp = max((b.last_reviewed for b in kb.barriers.values()), default=dt.date(2026, 1, 1))
    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_urls": False,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
        },
    )
    book.set_properties(
        {"title": "Gränshinderbasen", "created": dt.datetime(stamp.year, stamp.month, stamp.day)}
    )
    bold = book.add_format({"bold": True})
    for kind, rows_of in TABLES.items():
        sheet = book.add_worksheet(SHEET_NAMES[kind])
        rows = rows_of(kb)
        headers = list(rows[0]) if rows else []
        for col, name in enumerate(headers):
            sheet.write_string(0, col, name, bold)
        for r, row in enumerate(rows, start=1):
            for col, name in enumerate(headers):
                value = row[name]
                if isinstance(value, int):
                    sheet.write_number(r, col, value)
                else:
                    sheet.write_string(r, col, str(value))
        sheet.freeze_panes(1, 0)
    book.close()
    return out.getvalue()


def export(kb: KnowledgeBase, fmt: str, kind: str = "barriers") -> str | bytes:
    """The export in `fmt` (json, csv or xlsx)."""
    if fmt == "json":
        return to_json(kb)
    if fmt == "csv":
        return to_csv(kb, kind)
    return to_xlsx(kb)
