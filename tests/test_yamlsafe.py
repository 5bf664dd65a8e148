"""The safe YAML reader: YAML 1.2 scalars, positions, and every refused construct."""

from __future__ import annotations

import time

import pytest

from barrierkb.records.yamlsafe import MAX_BYTES, MAX_DEPTH, YamlProblem, parse_yaml


def problem(source: str | bytes) -> YamlProblem:
    with pytest.raises(YamlProblem) as info:
        parse_yaml(source)
    return info.value


def at(p: YamlProblem) -> tuple[str, int, int]:
    return p.code, p.line, p.col


# --- scalars -----------------------------------------------------------------


def test_norway_country_code_stays_a_string():
    value, _ = parse_yaml("country: NO\nborders: [SE-NO, NO-SE]\nlanguage: no\n")
    assert value == {"country": "NO", "borders": ["SE-NO", "NO-SE"], "language": "no"}


@pytest.mark.parametrize(
    "word", ["yes", "Yes", "YES", "no", "No", "on", "On", "ON", "off", "Off", "OFF", "y", "n"]
)
def test_yaml_11_booleans_stay_strings(word):
    value, _ = parse_yaml(f"a: {word}\nb: [{word}]\n")
    assert value == {"a": word, "b": [word]}


def test_yaml_12_core_scalars_keep_their_types():
    value, _ = parse_yaml(
        "t: true\nf: False\nn: ~\ne:\ni: 12\nneg: -3\no: 0o17\nx: 0x1F\nfl: 1.5\n"
        "d: 2026-03-23\nq: '12'\ns: \"true\"\n"
    )
    assert value == {
        "t": True,
        "f": False,
        "n": None,
        "e": None,
        "i": 12,
        "neg": -3,
        "o": 15,
        "x": 31,
        "fl": 1.5,
        "d": "2026-03-23",
        "q": "12",
        "s": "true",
    }


def test_dates_stay_text_for_the_model_to_check():
    value, _ = parse_yaml("last_reviewed: 2026-02-30\n")
    assert value == {"last_reviewed": "2026-02-30"}


def test_sexagesimal_and_underscored_numbers_stay_strings():
    value, _ = parse_yaml("a: 1:30\nb: 1_000\n")
    assert value == {"a": "1:30", "b": "1_000"}


def test_integer_with_thousands_of_digits_does_not_crash():
    value, _ = parse_yaml("people_affected: " + "9" * 5000 + "\n")
    assert isinstance(value, dict)


def test_explicit_str_tag_is_allowed():
    value, _ = parse_yaml("a: !!str 12\nb: !!str NO\n")
    assert value == {"a": "12", "b": "NO"}


def test_keys_are_kept_as_written():
    value, _ = parse_yaml("1: a\ntrue: b\nNO: c\n")
    assert value == {"1": "a", "true": "b", "NO": "c"}


# --- positions ---------------------------------------------------------------


def test_positions_are_one_based_by_field_path():
    text = (
        "id: vinnova\n"
        "relations:\n"
        "  - type: reports_to\n"
        "    target: regeringen-se\n"
        "borders: [SE-DK, SE-NO]\n"
    )
    _, positions = parse_yaml(text)
    assert positions.value(()) == (1, 1)
    assert positions.value(("id",)) == (1, 5)
    assert positions.key(("id",)) == (1, 1)
    assert positions.value(("relations", 0)) == (3, 5)
    assert positions.value(("relations", 0, "target")) == (4, 13)
    assert positions.key(("relations", 0, "target")) == (4, 5)
    assert positions.value(("borders", 1)) == (5, 18)


def test_position_of_an_unknown_path_falls_back_to_the_nearest_ancestor():
    _, positions = parse_yaml("relations:\n  - type: funds\n")
    assert positions.value(("relations", 0, "target")) == (2, 5)
    assert positions.value(("nothing", 3)) == (1, 1)


def test_windows_line_ends_give_the_same_positions():
    text = "id: vinnova\nname:\n  sv: Vinnova\n"
    _, unix = parse_yaml(text)
    _, windows = parse_yaml(text.replace("\n", "\r\n"))
    assert unix == windows


def test_byte_order_mark_is_accepted_and_does_not_shift_columns():
    value, positions = parse_yaml(b"\xef\xbb\xbfcountry: NO\n")
    assert value == {"country": "NO"}
    assert positions.value(("country",)) == (1, 10)


# --- refused constructs ------------------------------------------------------


def test_duplicate_key_is_refused_at_the_second_occurrence():
    p = problem("id: vinnova\nname: Vinnova\nid: formas\n")
    assert at(p) == ("duplicate-key", 3, 1)
    assert "line 1" in p.message


def test_duplicate_key_in_a_nested_mapping_is_refused():
    p = problem("relations:\n  - type: funds\n    target: a\n    type: part_of\n")
    assert at(p) == ("duplicate-key", 4, 5)


def test_same_key_in_two_list_items_is_allowed():
    value, _ = parse_yaml("r:\n  - type: funds\n  - type: part_of\n")
    assert value == {"r": [{"type": "funds"}, {"type": "part_of"}]}


def test_anchor_is_refused():
    assert at(problem("a: &x 1\n")) == ("yaml-alias", 1, 4)


def test_alias_is_refused():
    assert at(problem("a: 1\nb: *x\n"))[0] in {"yaml-alias", "yaml-syntax"}


def test_merge_key_with_alias_is_refused():
    assert at(problem("base: &b {x: 1}\nother:\n  <<: *b\n")) == ("yaml-alias", 1, 7)


def test_billion_laughs_alias_bomb_is_refused_at_once():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    start = time.perf_counter()
    p = problem("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 5
    assert at(p) == ("yaml-alias", 1, 5)


@pytest.mark.parametrize(
    ("source", "col"),
    [
        ("a: !!python/object/apply:os.system ['echo hej']\n", 4),
        ("a: !!python/object:os.system {x: 1}\n", 4),
        ("a: !!python/str x\n", 4),
        ("a: !!binary aGVq\n", 4),
        ("a: !eget x\n", 4),
        ("a: !!int tolv\n", 4),
        ("a: !!map [1]\n", 4),
    ],
)
def test_tags_are_refused_on_scalars_and_collections(source, col):
    assert at(problem(source)) == ("yaml-tag", 1, col)


def test_tab_in_indentation_is_refused_where_it_stands():
    assert at(problem("title:\n  sv: Hinder\n \ten: Barrier\n")) == ("yaml-tab", 3, 2)


def test_tab_inside_a_value_is_allowed():
    value, _ = parse_yaml('a: "x\ty"\n')
    assert value == {"a": "x\ty"}


def test_non_utf8_byte_is_refused_at_its_line_and_column():
    p = problem("id: x\ntitle: Gränshinder\n".encode("latin-1"))
    assert at(p) == ("encoding", 2, 10)
    assert "0xe4" in p.message


def test_non_utf8_column_counts_characters_not_bytes():
    p = problem("title: Öresundsgräns ".encode() + b"\xe4r\n")
    assert at(p) == ("encoding", 1, 22)


def test_utf16_file_is_refused_as_not_utf8():
    assert problem("id: x\n".encode("utf-16")).code == "encoding"


def test_nul_byte_is_refused():
    assert at(problem(b"id: x\ntitle: a\x00b\n"))[:2] == ("encoding", 2)


def test_control_character_is_refused_where_it_stands():
    p = problem('id: x\ntitle: "Öresund\x07"\n')
    assert at(p) == ("control-character", 2, 16)


def test_file_over_the_size_cap_is_refused_before_parsing():
    data = b"a: " + b"x" * MAX_BYTES + b"\n"
    start = time.perf_counter()
    assert at(problem(data)) == ("file-too-large", 1, 1)
    assert time.perf_counter() - start < 5


def test_file_at_the_size_cap_is_read():
    data = b"a: " + b"x" * (MAX_BYTES - 4) + b"\n"
    assert len(data) == MAX_BYTES
    value, _ = parse_yaml(data)
    assert len(value["a"]) == MAX_BYTES - 4


def test_second_document_is_refused():
    assert at(problem("a: 1\n---\nb: 2\n")) == ("yaml-documents", 2, 1)


def test_single_document_with_markers_is_read():
    value, _ = parse_yaml("---\na: 1\n...\n")
    assert value == {"a": 1}


def test_nesting_up_to_the_limit_is_read():
    value, _ = parse_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    depth = 0
    while isinstance(value, list) and value:
        value, depth = value[0], depth + 1
    assert depth == MAX_DEPTH - 1


def test_nesting_beyond_the_limit_is_refused():
    assert at(problem("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))) == (
        "yaml-depth",
        1,
        MAX_DEPTH + 1,
    )


@pytest.mark.parametrize(
    "source",
    [
        "[" * 100_000 + "]" * 100_000,
        "{a: " * 50_000 + "b" + "}" * 50_000,
        "".join("  " * i + f"k{i}:\n" for i in range(2_000)),
        "- " * 10_000 + "x\n",
    ],
    ids=["flow-lists", "flow-maps", "block-maps", "block-lists"],
)
def test_very_deep_nesting_is_refused_without_recursion(source):
    start = time.perf_counter()
    p = problem(source)
    assert time.perf_counter() - start < 5
    assert p.code in {"yaml-depth", "yaml-syntax", "file-too-large"}
    assert p.line >= 1 and p.col >= 1


def test_complex_key_is_refused():
    assert at(problem("? [sv, en]\n: Hinder\n")) == ("yaml-key", 1, 3)


def test_flow_mapping_as_key_is_refused():
    assert at(problem("{a: 1}: x\n"))[0] == "yaml-key"


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ('title: "Hinder\n', 2),
        ("borders: [SE-DK\n", 2),
        ("title:\n  sv: a\n en: b\n", 3),
        ("a: b: c\n", 1),
        ("- a\nb: c\n", 2),
    ],
)
def test_syntax_error_gives_a_position(source, line):
    p = problem(source)
    assert p.code == "yaml-syntax"
    assert p.line == line and p.col >= 1
    assert p.message  # in plain words where the mistake is a common one, else the parser's


def test_empty_document_is_none():
    assert parse_yaml("")[0] is None
    assert parse_yaml("# bara en kommentar\n")[0] is None
