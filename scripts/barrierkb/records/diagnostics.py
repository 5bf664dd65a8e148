"""One type for every problem found in the records, and its formatters.

Checks return lists of `Diagnostic`; the CLI, the MkDocs plugin and GitHub
Actions only format them. The codes, with their levels and hints, are
declared once in `rules.RULES`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

Level = Literal["error", "warning"]


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
