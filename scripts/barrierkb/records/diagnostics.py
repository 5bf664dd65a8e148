"""One type for every problem found in the records, and its formatters.

Checks return lists of `Diagnostic`; the CLI, the MkDocs plugin and GitHub
Actions only format them. Codes are declared once in `CODES`, which the
contributor documentation and the tests read.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

Level = Literal["error", "warning"]

#: Every diagnostic code, with what it means. Tests check each has a fixture.
CODES: dict[str, str] = {
    "encoding": "The file is not UTF-8 text.",
    "file-too-large": "The file is larger than 256 KiB.",
    "yaml-syntax": "The file is not valid YAML.",
    "yaml-tab": "A tab is used for indentation.",
    "yaml-alias": "YAML anchors or aliases are used.",
    "yaml-tag": "A YAML tag such as !!python is used.",
    "yaml-key": "A mapping key is not a plain word.",
    "yaml-documents": "The file holds more than one YAML document.",
    "yaml-depth": "The file nests too deeply.",
    "duplicate-key": "A key appears twice in the same mapping.",
    "empty-file": "The file is empty.",
    "not-a-mapping": "The file's top level is not a mapping of fields.",
    "missing-field": "A required field is missing.",
    "unknown-field": "A field that the model does not know.",
    "bad-value": "A value is not allowed for its field.",
    "bad-type": "A value has the wrong type.",
    "bad-date": "A date is not written YYYY-MM-DD or does not exist.",
    "bad-url": "An address is not http or https.",
    "bad-id": "An id is not a lowercase slug.",
    "id-mismatch": "The id differs from the file name.",
    "duplicate-id": "Two records share an id.",
    "unknown-reference": "A reference to a record that does not exist.",
    "wrong-reference-kind": "A reference to a record of the wrong kind.",
    "internal-reference": "A public record names an internal one.",
    "self-reference": "A record refers to itself.",
    "status-history-order": "The status history is not in date order.",
    "status-history-mismatch": "The last status in the history differs from `status`.",
    "border-same-country": "A border pairs a country with itself.",
    "personal-data": "An e-mail address or phone number in a public record.",
    "raw-html": "Raw HTML in a text field.",
    "unsafe-link": "A link whose target is not http, https or a relative path.",
    "control-character": "An invisible control or direction character in text.",
    "placeholder": "A TODO placeholder from the template is left in.",
    "review-due": "The record's review date has passed.",
    "not-a-forum": "A forum reference names an organisation that is not a forum.",
}

WARNING_CODES = frozenset({"review-due", "not-a-forum"})


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in a record, at a 1-based line and column of its file."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    level: Level = "error"

    def format(self) -> str:
        """The compiler-style line: `path:line:col: error[code]: message`."""
        text = f"{self.path}:{self.line}:{self.col}: {self.level}[{self.code}]: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the line in a PR."""
        message = f"[{self.code}] {self.message}" + (f" ({self.hint})" if self.hint else "")
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.level} file={self.path},line={self.line},col={self.col}::{message}"


def sort_key(diagnostic: Diagnostic) -> tuple:
    return (diagnostic.path, diagnostic.line, diagnostic.col, diagnostic.code, diagnostic.message)


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.level == "error"]


def format_text(diagnostics: list[Diagnostic]) -> str:
    """All diagnostics, sorted, then a one-line summary."""
    lines = [d.format() for d in sorted(diagnostics, key=sort_key)]
    n_err = len(errors(diagnostics))
    n_warn = len(diagnostics) - n_err
    lines.append(f"{n_err} error(s), {n_warn} warning(s)")
    return "\n".join(lines)


def format_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([asdict(d) for d in sorted(diagnostics, key=sort_key)], ensure_ascii=False)
