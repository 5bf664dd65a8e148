"""Exports: complete for the public, nothing internal, `NO` stays Norway, deterministic."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import BARRIER, BARRIER_ID, BARRIER_PATH, BRIEFING_ID, run_cli, write

from barrierkb.records.audience import for_audience
from barrierkb.records.check import check
from barrierkb.records.load import KnowledgeBase, load
from barrierkb.records.model import INTERNAL_FIELDS, KINDS
from barrierkb.records.overlay import apply_overlay
from barrierkb.site.exports import EXCLUDE, record_data, to_csv, to_json, to_xlsx

SECRET = "HEMLIGT-7Q"  # appears only in the overlay: internal records, notes, talking points
#: Keys the JSON export adds to a record: where each citation stands, how to cite the record.
DERIVED = {"citations", "cite_as"}

INTERNAL_STAKEHOLDER = f"""\
id: malmo-naringslivsnatverk
name: "Malmö stads nätverk av innovationsföretag {SECRET}"
type: business
country: NO
level: local
visibility: internal
internal_notes: "Medlemslistan delas inte utanför stadskontoret. {SECRET}"
"""

INTERNAL_BARRIER = f"""\
id: testbed-procurement
title: "Testbäddar kan inte upphandlas över gränsen {SECRET}"
summary: "Upphandlingsreglerna gör det svårt att köpa testbäddstjänster i Danmark."
status: identified
borders: [SE-DK]
themes: [business]
responsible:
  - {{stakeholder: vinnova, role: rule_owner, cite: "[@samtal-natverket]"}}
stakeholders:
  - {{stakeholder: malmo-naringslivsnatverk, role: affected, cite: "[@samtal-natverket]"}}
sources:
  - id: samtal-natverket
    title: "Samtal med nätverket {SECRET}"
owner: "Malmö stad, Stadskontoret"
last_reviewed: 2026-03-30
visibility: internal
internal_notes: "Ska inte publiceras. {SECRET}"
"""

PUBLIC_SOURCE = """\
id: fmc-annual-2024
title: "Gränshinderrådets årsrapport 2024"
publisher: "Nordiska ministerrådet"
date: 2025-02-01
url: https://www.norden.org/
kind: report
language: sv
"""

INTERNAL_SOURCE = f"""\
id: natverksmote-2026
title: "Anteckningar från nätverksmötet {SECRET}"
kind: minutes
visibility: internal
"""

INTERNAL_BRIEFING = f"""\
id: 2026-06-01-internt
title: "Intern förberedelse {SECRET}"
date: 2026-06-01
forum: greater-copenhagen
barriers:
  - barrier: testbed-procurement
visibility: internal
"""


#: Internal fields for public records: a note on the barrier, talking points for the briefing.
INTERNAL_NOTES = f"""\
id: {BARRIER_ID}
internal_notes: "{SECRET} Vinnova har muntligen bekräftat att villkoren ses över."
"""

INTERNAL_TALKING_POINTS = f"""\
id: {BRIEFING_ID}
talking_points:
  {BARRIER_ID}:
    - "Vi vet att Vinnova ser över villkoren. {SECRET}"
"""


@pytest.fixture
def mixed_root(kb_root: Path) -> Path:
    """The clean knowledge base (the public tree) with a shared source."""
    write(kb_root, "sources/fmc-annual-2024.yml", PUBLIC_SOURCE)
    return kb_root


@pytest.fixture
def internal_overlay(tmp_path: Path) -> Path:
    """The overlay beside it: internal records, a secret note and secret talking points."""
    overlay = tmp_path / "overlay"
    write(overlay, BARRIER_PATH, INTERNAL_NOTES)
    write(overlay, f"briefings/{BRIEFING_ID}.yml", INTERNAL_TALKING_POINTS)
    write(overlay, "stakeholders/malmo-naringslivsnatverk.yml", INTERNAL_STAKEHOLDER)
    write(overlay, "barriers/testbed-procurement.yml", INTERNAL_BARRIER)
    write(overlay, "briefings/2026-06-01-internt.yml", INTERNAL_BRIEFING)
    write(overlay, "sources/natverksmote-2026.yml", INTERNAL_SOURCE)
    return overlay


@pytest.fixture
def mixed_kb(mixed_root: Path, internal_overlay: Path) -> KnowledgeBase:
    """Everything the internal build sees: the public tree and the overlay."""
    kb = apply_overlay(load(mixed_root), internal_overlay)
    assert check(kb) == [], "the mixed knowledge base must itself be clean"
    assert kb.barriers[BARRIER_ID].internal_notes and kb.briefings[BRIEFING_ID].talking_points
    assert "testbed-procurement" in kb.barriers and "natverksmote-2026" in kb.sources
    return kb


def public_copy(record):
    """A record with every internal field back at its default, as the public sees it."""
    fields = type(record).model_fields
    internal = INTERNAL_FIELDS & set(fields)
    return record.model_copy(
        update={f: fields[f].get_default(call_default_factory=True) for f in internal}
    )


def xlsx_text(data: bytes) -> str:
    """Every XML part of a workbook, as one text, to search for leaks."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return "".join(book.read(name).decode("utf-8") for name in book.namelist())


def xlsx_rows(data: bytes) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def without_derived(item: dict) -> dict:
    """An exported record without the data the export derives from it (its citations)."""
    return {k: v for k, v in item.items() if k not in DERIVED}


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


# --- completeness ------------------------------------------------------------


def test_json_export_round_trips_every_public_record_and_field(mixed_kb):
    public = for_audience(mixed_kb, "public")
    data = json.loads(to_json(public))
    assert set(data) == {"barriers", "stakeholders", "briefings", "sources"}
    for kind, model in KINDS.items():
        expected = {
            rid: public_copy(r)
            for rid, r in mixed_kb.records(kind).items()
            if r.visibility == "public"
        }
        exported = {item["id"]: model.model_validate(without_derived(item)) for item in data[kind]}
        assert exported == expected, kind
        for item in data[kind]:
            assert not set(item) & EXCLUDE
            assert not [f for f in INTERNAL_FIELDS if item.get(f)], item["id"]
    assert BARRIER_ID in {b["id"] for b in data["barriers"]}
    assert BRIEFING_ID in {b["id"] for b in data["briefings"]}
    assert [s["id"] for s in data["sources"]] == ["fmc-annual-2024"]


def test_json_export_keeps_every_field_written_in_the_record(mixed_kb):
    data = json.loads(to_json(for_audience(mixed_kb, "public")))
    (barrier,) = [b for b in data["barriers"] if b["id"] == BARRIER_ID]
    written = {line.split(":")[0] for line in BARRIER.splitlines() if line and line[0].isalpha()}
    assert written - EXCLUDE <= set(barrier)
    extras = set(barrier) - written - DERIVED
    assert all(barrier[extra] == [] for extra in extras), "only empty defaults"
    assert barrier["status_history"][1] == {
        "date": "2026-03-23",
        "status": "raised",
        "date_basis": "reported",
        "forum": "greater-copenhagen",
        "cite": "[@ksau-2026-03-23, uppdrag 3]",
    }
    cited = {"key": "ksau-2026-03-23", "locator": "uppdrag 3"}
    assert {"at": "description", **cited} in barrier["citations"]
    assert {"at": "status_history[1].cite", **cited} in barrier["citations"]
    assert {"at": "responsible[1].cite", **cited} in barrier["citations"]


def test_csv_has_a_row_per_public_record(mixed_kb):
    public = for_audience(mixed_kb, "public")
    assert [row["id"] for row in csv_rows(to_csv(public, "barriers"))] == [BARRIER_ID]
    assert [row["id"] for row in csv_rows(to_csv(public, "stakeholders"))] == [
        "greater-copenhagen",
        "innovasjon-norge",
        "malmo-stad",
        "vinnova",
    ]


def test_xlsx_has_a_sheet_per_table_with_every_public_record(mixed_kb):
    sheets = xlsx_rows(to_xlsx(for_audience(mixed_kb, "public")))
    assert list(sheets) == ["Hinder", "Aktörer"]
    assert [row[0] for row in sheets["Hinder"]] == ["id", BARRIER_ID]
    assert [row[0] for row in sheets["Aktörer"]][1:] == [
        "greater-copenhagen",
        "innovasjon-norge",
        "malmo-stad",
        "vinnova",
    ]


# --- nothing internal --------------------------------------------------------


@pytest.mark.parametrize("audience_filter", [True, False], ids=["public-kb", "unfiltered-kb"])
def test_internal_records_and_notes_never_appear_in_any_export(mixed_kb, audience_filter):
    kb = for_audience(mixed_kb, "public") if audience_filter else mixed_kb
    outputs = {
        "json": to_json(kb).decode(),
        "csv-barriers": to_csv(kb, "barriers").decode("utf-8-sig"),
        "csv-stakeholders": to_csv(kb, "stakeholders").decode("utf-8-sig"),
        "xlsx": xlsx_text(to_xlsx(kb)),
    }
    for name, text in outputs.items():
        assert SECRET not in text, name
        assert "testbed-procurement" not in text, name
        assert "malmo-naringslivsnatverk" not in text, name
        assert "natverksmote-2026" not in text, name
        assert "internal_notes" not in text, name
        assert "Vinnova har muntligen" not in text, name


def test_export_command_leaves_internal_records_out(
    mixed_kb, mixed_root, internal_overlay, tmp_path
):
    # even where an overlay is configured (the city office's machine), an export is public
    overlay = {"BARRIERKB_OVERLAY": str(internal_overlay)}
    for fmt, kind in [
        ("json", "barriers"),
        ("csv", "barriers"),
        ("csv", "stakeholders"),
        ("xlsx", "barriers"),
    ]:
        out = tmp_path / f"{kind}.{fmt}"
        run = run_cli(
            *("export", "--root", str(mixed_root), "--format", fmt, "--kind", kind, "-o", str(out)),
            env=overlay,
        )
        assert run.returncode == 0, run.stderr
        data = out.read_bytes()
        text = xlsx_text(data) if fmt == "xlsx" else data.decode("utf-8-sig")
        assert SECRET not in text
        assert "testbed-procurement" not in text
        assert BARRIER_ID in text or kind == "stakeholders"


# --- Norway and other YAML 1.1 traps -----------------------------------------


def test_norway_exports_as_no_in_json(mixed_kb):
    data = json.loads(to_json(for_audience(mixed_kb, "public")))
    (norway,) = [s for s in data["stakeholders"] if s["id"] == "innovasjon-norge"]
    assert norway["country"] == "NO"
    assert data["barriers"][0]["borders"] == ["SE-DK", "SE-NO"]
    # the only boolean field of the model is a briefing's `example` flag
    assert {key for key, _ in booleans(data)} == {"example"}
    assert [b["example"] for b in data["briefings"]] == [False]


def booleans(value, key=None):
    """(key, value) of every boolean in the data, with the key that holds it."""
    if isinstance(value, bool):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from booleans(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from booleans(item, key)


def test_norway_exports_as_no_in_csv(mixed_kb):
    public = for_audience(mixed_kb, "public")
    (norway,) = [
        r for r in csv_rows(to_csv(public, "stakeholders")) if r["id"] == "innovasjon-norge"
    ]
    assert norway["land"] == "NO"
    (barrier,) = csv_rows(to_csv(public, "barriers"))
    assert barrier["gränser"] == "SE-DK; SE-NO"


def test_norway_exports_as_no_in_xlsx(mixed_kb):
    sheets = xlsx_rows(to_xlsx(for_audience(mixed_kb, "public")))
    header, *rows = sheets["Aktörer"]
    land = header.index("land")
    (norway,) = [r for r in rows if r[0] == "innovasjon-norge"]
    assert norway[land] == "NO"
    assert isinstance(norway[land], str)
    header, barrier = sheets["Hinder"]
    assert barrier[header.index("gränser")] == "SE-DK; SE-NO"


def test_text_that_looks_like_a_formula_or_number_stays_text_in_xlsx(kb_root):
    write(
        kb_root,
        BARRIER_PATH,
        BARRIER.replace('title:\n  sv: "Statliga', 'title:\n  sv: "=1+1 Statliga'),
    )
    write(
        kb_root,
        "stakeholders/vinnova.yml",
        (kb_root / "stakeholders/vinnova.yml")
        .read_text(encoding="utf-8")
        .replace("name: Vinnova", "name: '0046'"),
    )
    kb = load(kb_root)
    assert check(kb) == []
    sheets = xlsx_rows(to_xlsx(kb))
    header, barrier = sheets["Hinder"]
    assert barrier[header.index("titel_sv")].startswith("=1+1 ")
    header, *rows = sheets["Aktörer"]
    assert [r[header.index("namn_sv")] for r in rows if r[0] == "vinnova"] == ["0046"]


# --- format and determinism --------------------------------------------------


def test_csv_starts_with_a_byte_order_mark_and_uses_semicolons(mixed_kb):
    data = to_csv(for_audience(mixed_kb, "public"), "barriers")
    assert data.startswith(b"\xef\xbb\xbf")
    header = data[3:].split(b"\r\n")[0].decode("utf-8")
    assert header.split(";")[:4] == ["id", "titel_sv", "titel_da", "titel_en"]
    assert "," not in header


def test_csv_quotes_values_that_hold_semicolons(mixed_kb):
    data = to_csv(for_audience(mixed_kb, "public"), "barriers").decode("utf-8-sig")
    assert '"SE-DK; SE-NO"' in data
    (row,) = csv_rows(data.encode("utf-8"))
    assert row["ansvariga"] == "vinnova (rule_owner); innovasjon-norge (rule_owner)"


@pytest.mark.parametrize(
    ("fmt", "kind"),
    [("json", "barriers"), ("csv", "barriers"), ("csv", "stakeholders"), ("xlsx", "barriers")],
)
def test_exports_from_two_processes_are_byte_identical(
    mixed_root, internal_overlay, tmp_path, fmt, kind
):
    outputs = []
    for seed in ("1", "2"):  # another hash seed: set and dict order may not leak into output
        out = tmp_path / f"export-{seed}.{fmt}"
        done = run_cli(
            *("export", "--root", str(mixed_root), "--format", fmt, "--kind", kind, "-o", str(out)),
            env={"PYTHONHASHSEED": seed, "BARRIERKB_OVERLAY": str(internal_overlay)},
        )
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_export_of_an_empty_knowledge_base_is_valid(tmp_path):
    kb = load(tmp_path)
    assert json.loads(to_json(kb)) == {"barriers": [], "stakeholders": [], "briefings": []}
    assert to_csv(kb, "barriers") == b"\xef\xbb\xbf\r\n"
    assert list(xlsx_rows(to_xlsx(kb))) == ["Hinder", "Aktörer"]


def test_json_export_is_the_plain_encoding_of_every_record_with_how_to_cite_it():
    """to_json assembles the document from each record's text; it must be the same bytes
    as encoding the whole document at once."""
    kb = for_audience(load(Path(__file__).resolve().parents[1]), "public")
    cite_as = {
        b: {"title": f"Titel {i}", "url": f"https://example.org/{b}.html", "commit": ""}
        for i, b in enumerate(sorted(kb.barriers))
        if i % 3  # some barriers have none
    }
    data = {
        kind: [
            record_data(kb, r, cite_as.get(r.id) if kind == "barriers" else None)
            for _, r in sorted(kb.records(kind).items())
        ]
        for kind in KINDS
        if kb.records(kind) or kind != "sources"
    }
    expected = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert to_json(kb, cite_as) == expected.encode()
