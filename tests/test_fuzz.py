"""Property-based tests: whatever is written as a record, load and check report, never raise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import BARRIER, make_kb, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from barrierkb.records import vocab
from barrierkb.records.audience import for_audience
from barrierkb.records.check import check
from barrierkb.records.diagnostics import errors
from barrierkb.records.load import load
from barrierkb.records.model import Barrier
from barrierkb.records.rules import RULES
from barrierkb.site.exports import to_csv, to_json, to_xlsx

FUZZ_FILE = "barriers/fuzz.yml"
LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory) -> Path:
    return make_kb(tmp_path_factory.mktemp("fuzz"))


def assert_reported_not_raised(root: Path, content: str | bytes) -> None:
    """Write `content` as a barrier; load and check must only report problems."""
    write(root, FUZZ_FILE, content)
    kb = load(root)
    found = check(kb, today=dt.date(2026, 3, 23))
    data = content if isinstance(content, str) else content.decode("utf-8", "replace")
    last_line = 1 + sum(data.count(mark) for mark in LINE_BREAKS)
    for d in found:
        assert d.code in RULES, d
        assert d.path == FUZZ_FILE, d
        assert 1 <= d.line <= last_line + 1, d  # + 1: the end of a file without a newline
        assert d.col >= 1, d
        assert d.level in ("error", "warning"), d
        assert d.message, d
        d.format(), d.github()
    if not errors(found):
        public = for_audience(kb, "public")
        to_json(public), to_csv(public, "barriers"), to_xlsx(public)


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_are_reported_never_raised(fuzz_root, data):
    assert_reported_not_raised(fuzz_root, data)


YAML_ALPHABET = st.sampled_from(
    list(" \n\n\n  :-[]{},&*!|>'\"#%@`?~.\t\r")
    + list("abcNOyesnTRUE0123456789")
    + ["\ufeff", "\u202e", "ä", "\x00", "\x07", "\u2028", "\U0001f600", "\\"]
)


@FUZZ
@given(st.text(alphabet=YAML_ALPHABET, max_size=400))
def test_yaml_heavy_text_is_reported_never_raised(fuzz_root, text):
    assert_reported_not_raised(fuzz_root, text)


TOKENS = st.sampled_from(
    [
        "id: fuzz",
        "id: ",
        "title: ",
        "summary: ",
        "status: raised",
        "borders: ",
        "[SE-NO]",
        "country: NO",
        "- ",
        "  - ",
        "    ",
        "? ",
        ": ",
        "&a ",
        "*a",
        "!!str ",
        "!!python/name:x ",
        "---",
        "...",
        "{",
        "}",
        "[",
        "]",
        ", ",
        "'",
        '"',
        "|",
        ">-",
        "# x",
        "%YAML 1.2",
        "NO",
        "yes",
        "on",
        "2026-02-30",
        "2026-03-23",
        "TODO",
        "<script>",
        "[x](javascript:y)",
        "anna@malmo.se",
        "040-34 10 00",
        "\u202e",
        "\t",
        "responsible:",
        "{stakeholder: vinnova, role: rule_owner}",
        "sources: [{title: T}]",
        "owner: O",
        "last_reviewed: 2026-03-23",
        "themes: [funding]",
        "9" * 5000,
        "0x",
        "0o9",
        ".inf",
        "-.nan",
        "~",
        "null",
    ]
)


@FUZZ
@given(st.lists(st.lists(TOKENS, max_size=6).map("".join), max_size=25).map("\n".join))
def test_yaml_shaped_lines_are_reported_never_raised(fuzz_root, text):
    assert_reported_not_raised(fuzz_root, text)


FIELD_NAMES = sorted(
    set(Barrier.model_fields)
    | {
        "stakeholder",
        "role",
        "date",
        "note",
        "forum",
        "source",
        "type",
        "text",
        "url",
        "publisher",
        "people_affected",
        "confidence",
        "fmc_status",
        "resolved_in",
        "sv",
        "en",
        "da",
        "nb",
        "fi",
    }
)
VOCABULARY = sorted(
    set(vocab.STATUSES)
    | set(vocab.THEMES)
    | set(vocab.RESPONSIBLE_ROLES)
    | set(vocab.STAKEHOLDER_ROLES)
    | set(vocab.SOLUTION_TYPES)
    | set(vocab.FMC_STATUSES)
    | {
        "vinnova",
        "malmo-stad",
        "greater-copenhagen",
        "innovasjon-norge",
        "fuzz",
        "funding-domestic-recipients",
        "SE-NO",
        "SE-SE",
        "NO",
        "https://malmo.se/",
        "javascript:alert(1)",
        "2026-02-30",
        "2026-03-23",
        "TODO",
        "<b>x</b>",
        "\u202e",
        "[a](data:x)",
        "anna@malmo.se",
        "internal",
        "public",
    }
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.dates().map(dt.date.isoformat)
    | st.dates()
    | st.text(max_size=30)
    | st.sampled_from(VOCABULARY)
)
KEYS = st.sampled_from(FIELD_NAMES) | st.text(max_size=8)


def structures(leaves):
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5)
        ),
        max_leaves=25,
    )


@FUZZ
@given(structures(SCALARS))
def test_recursive_structures_dumped_as_yaml_are_reported_never_raised(fuzz_root, value):
    assert_reported_not_raised(fuzz_root, yaml.safe_dump(value, allow_unicode=True))


BASE = yaml.safe_load(BARRIER)


@FUZZ
@given(
    changes=st.dictionaries(st.sampled_from(FIELD_NAMES), structures(SCALARS), max_size=3),
    removed=st.sets(st.sampled_from(sorted(BASE))),
)
def test_barrier_with_fields_changed_is_reported_never_raised(fuzz_root, changes, removed):
    record = {k: v for k, v in BASE.items() if k not in removed} | changes
    record["id"] = changes.get("id", "fuzz")
    assert_reported_not_raised(fuzz_root, yaml.safe_dump(record, allow_unicode=True))


@FUZZ
@given(st.text(max_size=200))
def test_any_text_in_a_valid_barrier_is_reported_never_raised(fuzz_root, text):
    record = dict(BASE, id="fuzz", summary=text, ask={"sv": text or "x", "en": text or "y"})
    assert_reported_not_raised(fuzz_root, yaml.safe_dump(record, allow_unicode=True))
