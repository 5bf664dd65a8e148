"""The YAML mistakes partners make most, said in plain words at the line to change.

PyYAML reports where it gave up, in parser terms ("while scanning a simple
key: could not find expected ':'"), often a line after the mistake. `explain`
looks at the lines around that place for the common causes and names the line
to change and what to write:

- a line of a block text (`|`) less indented than the text above it;
- a quote that ends a text early (`'Denmark's'`);
- a key indented one space off;
- a list item outside its list;
- a colon followed by a space in unquoted text.

(A tab in the indentation is found before parsing: `yamlsafe` reports it.)
"""

from __future__ import annotations

import re

import yaml

_BLOCK_START = re.compile(r"^(\s*)(?:-\s+)?[^\s#][^:]*:\s*[|>][+-]?\d*\s*(?:#.*)?$")
_KEY_LINE = re.compile(r"^(\s*)(-\s+)?([^\s#'\"][^:]*?):(\s|$)")
_PLAIN_VALUE = re.compile(r"^(\s*)(?:-\s+)?[\w-]+:\s+(?P<value>[^'\"\s[{|>].*)$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(n: int) -> str:
    return "1 space" if n == 1 else f"{n} spaces"


def _problem(line: int, col: int, message: str, hint: str):
    from .yamlsafe import YamlProblem  # the reader raises what this module explains

    return YamlProblem(line, col, "yaml-syntax", message, hint)


def explain(text: str, err: yaml.MarkedYAMLError):
    """A `YamlProblem` in plain words for a common mistake, or None for the rest."""
    lines = text.split("\n")
    marks = [m.line for m in (err.context_mark, err.problem_mark) if m is not None]
    for finder in (
        _dedented_block_line,
        _early_quote,
        _colon_in_text,
        _key_off_by_one,
        _stray_item,
    ):
        for index in dict.fromkeys(marks):
            found = finder(lines, index, err)
            if found is not None:
                return found
    return None


def _dedented_block_line(lines: list[str], index: int, err) -> object:
    """A block text's line that is less indented than the text above it."""
    if index >= len(lines) or not lines[index].strip():
        return None
    for start in range(index - 1, -1, -1):
        match = _BLOCK_START.match(lines[start])
        if match:
            content = [i for i in range(start + 1, index) if lines[i].strip()]
            if not content:
                return None
            block = _indent(lines[content[0]])
            below = [i for i in range(start + 1, index + 1) if lines[i].strip()]
            culprit = next((i for i in below if _indent(lines[i]) < block), None)
            if culprit is None or _KEY_LINE.match(lines[culprit]):
                return None  # the text ended and a new field begins: not this mistake
            return _problem(
                culprit + 1,
                _indent(lines[culprit]) + 1,
                "this line is less indented than the text above it, so the text ends on the "
                "line before and YAML cannot read this one",
                f"indent it by {_spaces(block)}, like the lines of the text above it",
            )
        if lines[start].strip() and _KEY_LINE.match(lines[start]):
            return None
    return None


def _early_quote(lines: list[str], index: int, err) -> object:
    """A quote inside a quoted text, which ends the text before its end."""
    if index >= len(lines):
        return None
    line = lines[index]
    match = re.match(r"^(\s*(?:-\s+)?[\w-]+:\s*)(['\"])", line)
    if not match:
        return None
    quote, start = match.group(2), match.end()
    end = start
    while True:
        end = line.find(quote, end)
        if end < 0:
            return None
        if quote == "'" and line[end + 1 : end + 2] == "'":
            end += 2
            continue
        if quote == '"' and line[end - 1] == "\\":
            end += 1
            continue
        break
    rest = line[end + 1 :].strip()
    if not rest or rest[0] in ",]}#":
        return None
    if quote == "'":
        hint = "write an apostrophe inside single quotes twice ('Denmark''s'), or use double quotes"
    else:
        hint = 'write \\" for a quotation mark inside double quotes, or use single quotes'
    return _problem(
        index + 1,
        end + 1,
        "this quote ends the text early: what follows it is left outside the text",
        hint,
    )


def _colon_in_text(lines: list[str], index: int, err) -> object:
    """A colon and a space inside unquoted text, read as the start of a new field."""
    if index >= len(lines) or "mapping values are not allowed" not in str(err.problem):
        return None
    match = _PLAIN_VALUE.match(lines[index])
    if not match or ": " not in match.group("value") + " ":
        return None
    value = match.group("value")
    colon = match.start("value") + value.index(":")
    return _problem(
        index + 1,
        colon + 1,
        "a colon followed by a space in unquoted text starts a new field in YAML",
        'put the whole text in quotes, such as "' + value.replace('"', '\\"') + '"',
    )


def _siblings_indent(lines: list[str], index: int) -> int | None:
    """The indentation of the keys the key at `index` should line up with."""
    for i in range(index - 1, -1, -1):
        match = _KEY_LINE.match(lines[i])
        if not lines[i].strip() or lines[i].lstrip().startswith("#"):
            continue
        if match:
            return _indent(lines[i]) + (len(match.group(2)) if match.group(2) else 0)
        return None
    return None


def _key_off_by_one(lines: list[str], index: int, err) -> object:
    """A key one space off the keys around it."""
    for i in (index, index + 1):
        if i >= len(lines) or not _KEY_LINE.match(lines[i]) or lines[i].lstrip().startswith("-"):
            continue
        siblings = _siblings_indent(lines, i)
        if siblings is not None and abs(_indent(lines[i]) - siblings) == 1:
            return _problem(
                i + 1,
                _indent(lines[i]) + 1,
                f"this key is indented {_spaces(_indent(lines[i]))}, the keys it belongs with "
                f"{_spaces(siblings)}",
                f"indent it by {_spaces(siblings)}, exactly like the keys above it",
            )
    return None


def _stray_item(lines: list[str], index: int, err) -> object:
    """A list item (`- `) that does not line up with its list."""
    if index >= len(lines) or not lines[index].lstrip().startswith("- "):
        return None
    here = _indent(lines[index])
    for i in range(index - 1, -1, -1):
        if not lines[i].strip():
            continue
        if lines[i].lstrip().startswith("- ") and _indent(lines[i]) != here:
            other = _indent(lines[i])
            return _problem(
                index + 1,
                here + 1,
                f"this list item is indented {_spaces(here)}, "
                f"the items of its list {_spaces(other)}",
                f"indent it by {_spaces(other)} like the items above it",
            )
        if not lines[i].startswith(" ") and not lines[i].lstrip().startswith("- "):
            return None
    return None
