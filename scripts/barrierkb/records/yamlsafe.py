"""A YAML reader made safe for hand-written records.

PyYAML's own loaders follow YAML 1.1 (`NO` is false), keep the last of two
duplicate keys, expand aliases and forget where a value stood. This module
builds plain Python values straight from PyYAML's event stream instead, so
that:

- scalars follow the YAML 1.2 core schema: `NO`, `yes`, `on` stay strings,
  and dates stay strings for the model to parse;
- duplicate keys, anchors, aliases, tags and multiple documents are errors;
- every value's line and column is recorded under its field path;
- nothing is recursive, so deep nesting cannot blow the stack.

>>> value, positions = parse_yaml("country: NO\\nborders: [SE-NO]\\n")
>>> value
{'country': 'NO', 'borders': ['SE-NO']}
>>> positions.value(("borders", 0))
(2, 11)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .yamlhelp import explain

try:  # the C parser is several times faster; the pure one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32

Path_ = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF_NAN = {
    ".inf": float("inf"),
    ".Inf": float("inf"),
    ".INF": float("inf"),
    "+.inf": float("inf"),
    "-.inf": float("-inf"),
    "-.Inf": float("-inf"),
    ".nan": float("nan"),
    ".NaN": float("nan"),
    ".NAN": float("nan"),
}
#: What a typed plain scalar can start with (numbers, .inf, ~, empty); other text is a
#: string unless it is one of the words below.
_MAY_BE_TYPED = frozenset("0123456789+-.~") | {""}
_WORDS = frozenset(_BOOL) | {"null", "Null", "NULL"}
_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:map": "map",
    "tag:yaml.org,2002:seq": "seq",
}


class YamlProblem(Exception):
    """A file that cannot be read as a record, with a 1-based position.

    `code` names a rule in `rules.RULES`; `hint` is None when the rule's own
    hint fits.
    """

    def __init__(
        self, line: int, col: int, code: str, message: str, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.line, self.col, self.code, self.message, self.hint = line, col, code, message, hint


@dataclass
class Positions:
    """Line and column (1-based) of every key and value, by field path."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    #: Literal block texts (`|`): the line of their first content line and
    #: their indentation, so a problem inside the text can be placed exactly.
    blocks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    _texts: dict[Path_, str] = field(default_factory=dict, repr=False)

    def value(self, path: Path_) -> tuple[int, int]:
        """Where the value at `path` stands, or its nearest known ancestor."""
        return _nearest(self.values, tuple(path))

    def text_position(self, path: Path_, offset: int = 0) -> tuple[int, int]:
        """Where character `offset` of the text at `path` stands.

        Exact inside a literal block (`|`); elsewhere, where the value starts.

        >>> _, positions = parse_yaml("ask: |\\n  Läs detta.\\n  Och [a](x).\\n")
        >>> positions.text_position(("ask",), 15)
        (3, 7)
        """
        path = tuple(path)
        if path not in self.blocks:
            return self.value(path)
        first, indent = self.blocks[path]
        text_before = self._texts[path][:offset]
        line = first + text_before.count("\n")
        return line, indent + offset - (text_before.rfind("\n") + 1) + 1

    def key(self, path: Path_) -> tuple[int, int]:
        """Where the key of `path` stands (else its value, or an ancestor)."""
        path = tuple(path)
        while path:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


def _nearest(table: dict[Path_, tuple[int, int]], path: Path_) -> tuple[int, int]:
    while path and path not in table:
        path = path[:-1]
    return table.get(path, (1, 1))


def resolve_plain(text: str) -> object:
    """Type of an unquoted scalar under the YAML 1.2 core schema.

    >>> [resolve_plain(s) for s in ["NO", "yes", "true", "12", "1.5", "2026-03-23", ""]]
    ['NO', 'yes', True, 12, 1.5, '2026-03-23', None]
    """
    if text[:1] not in _MAY_BE_TYPED and text not in _WORDS:  # most scalars: ids and words
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        try:
            return int(text)
        except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
            return text
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if text in _INF_NAN:
        return _INF_NAN[text]
    return text


def _scalar(event: yaml.ScalarEvent) -> object:
    line, col = event.start_mark.line + 1, event.start_mark.column + 1
    tag = event.tag
    if tag and tag != "!" and tag not in _TAGS:
        raise YamlProblem(line, col, "yaml-tag", f"the tag {tag} is not allowed")
    kind = _TAGS.get(tag or "", None)
    if kind == "str" or (kind is None and not event.implicit[0]):
        return event.value
    value = resolve_plain(event.value)
    if kind and kind not in ("map", "seq"):
        expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[kind]
        if not isinstance(value, expected) or (kind == "int" and isinstance(value, bool)):
            raise YamlProblem(line, col, "yaml-tag", f"{event.value!r} is not a valid {kind}")
    return value


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        raise YamlProblem(
            line, col, "encoding", f"the file is not UTF-8 (byte 0x{data[err.start]:02x})"
        ) from None


def _check_tabs(text: str) -> None:
    if "\t" not in text:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            raise YamlProblem(number, line.index("\t") + 1, "yaml-tab", "a tab in the indentation")


def _yaml_error(err: yaml.YAMLError, text: str) -> YamlProblem:
    if isinstance(err, yaml.MarkedYAMLError):
        plain = explain(text, err)
        if plain is not None:
            return plain
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(err, "problem", None) or getattr(err, "reason", None) or str(err)
    context = getattr(err, "context", None)
    message = f"{context}: {problem}" if context else str(problem)
    return YamlProblem(line, col, "yaml-syntax", f"YAML syntax: {message}")


def parse_yaml(source: bytes | str) -> tuple[object, Positions]:
    """Parse one YAML document into plain values and their positions.

    Raises YamlProblem for anything that is not a plain, single, safe document.
    """
    data = source.encode("utf-8") if isinstance(source, str) else source
    if len(data) > MAX_BYTES:
        raise YamlProblem(
            1,
            1,
            "file-too-large",
            f"the file is {len(data) // 1024} KiB; records are at most {MAX_BYTES // 1024} KiB",
        )
    text = _decode(data)
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise YamlProblem(line, 1, "encoding", "the file contains a NUL byte", "save it as text")
    _check_tabs(text)
    try:
        return _build(_Loader(text), text)
    except yaml.reader.ReaderError as err:  # no mark; its offset is in bytes for libyaml
        offset = max(text.find(chr(err.character)), 0)
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise YamlProblem(
            line,
            col,
            "control-character",
            f"the character U+{err.character:04X} is not allowed in YAML",
            "delete it; it is invisible",
        ) from None
    except yaml.YAMLError as err:
        raise _yaml_error(err, text) from None
    except RecursionError:  # pragma: no cover - the builder is iterative
        raise YamlProblem(1, 1, "yaml-syntax", "the file nests too deeply", "") from None


def _place_block(positions: Positions, path: Path_, event: yaml.ScalarEvent, text: str) -> None:
    """Note where a literal block's text begins, and how far it is indented."""
    lines = text.split("\n")
    first = event.start_mark.line + 1  # 0-based index of the line after `|`
    content = next((i for i in range(first, len(lines)) if lines[i].strip()), first)
    indent = len(lines[content]) - len(lines[content].lstrip(" ")) if content < len(lines) else 0
    positions.blocks[path] = (first + 1, indent)
    positions._texts[path] = event.value


@dataclass(slots=True)
class _Frame:
    """An open mapping or sequence while its events are read."""

    container: dict | list
    path: Path_
    #: In a mapping: the key read whose value comes next (None: a key comes next), and where
    #: it stood; every key read so far, with where it stood.
    key: str | None = None
    key_at: tuple[int, int] = (1, 1)
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)

    def wants_key(self) -> bool:
        return self.key is None and self.container.__class__ is dict

    def take_key(self, key: str, where: tuple[int, int]) -> None:
        """Note `key` as the mapping's next key; a second use of it is an error."""
        if key in self.seen:
            first = self.seen[key][0]
            raise YamlProblem(
                *where, "duplicate-key", f"the key '{key}' appears twice (first on line {first})"
            )
        self.seen[key] = where
        self.key, self.key_at = key, where


def _build(loader: yaml.BaseLoader, text: str) -> tuple[object, Positions]:
    """Plain values from the loader's events, one at a time, with their positions."""
    positions = Positions()
    values, keys = positions.values, positions.keys
    stack: list[_Frame] = []
    root: object = None
    documents = 0
    next_event = loader.get_event
    try:
        while (event := next_event()).__class__ is not yaml.StreamEndEvent:
            kind = event.__class__
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            mark = event.start_mark
            where = (mark.line + 1, mark.column + 1)
            if kind is yaml.AliasEvent or getattr(event, "anchor", None):
                raise YamlProblem(
                    *where, "yaml-alias", "anchors and aliases (& and *) are not allowed"
                )
            frame = stack[-1] if stack else None
            is_key = frame is not None and frame.wants_key()
            if kind is yaml.ScalarEvent:
                if is_key:
                    frame.take_key(event.value, where)
                    continue
                value = _scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(*where, "yaml-depth", "the file nests too deeply")
                if is_key:
                    raise YamlProblem(*where, "yaml-key", "keys must be plain words")
                core = "map" if kind is yaml.MappingStartEvent else "seq"
                if event.tag and event.tag != f"tag:yaml.org,2002:{core}":
                    raise YamlProblem(*where, "yaml-tag", f"the tag {event.tag} is not allowed")
                value = {} if core == "map" else []
            else:
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise YamlProblem(
                            *where, "yaml-documents", "more than one YAML document in the file"
                        )
                continue
            # Place the value in its container (or at the root), under its path.
            if frame is None:
                root, path = value, ()
            elif frame.key is None:  # a sequence
                path = frame.path + (len(frame.container),)
                frame.container.append(value)
            else:
                path = frame.path + (frame.key,)
                frame.container[frame.key] = value
                keys[path] = frame.key_at
                frame.key = None
            values[path] = where
            if kind is not yaml.ScalarEvent:
                stack.append(_Frame(value, path))
            elif event.style == "|":
                _place_block(positions, path, event, text)
    finally:
        loader.dispose()
    return root, positions
