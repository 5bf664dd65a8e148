"""What git knows about the record files: each file's commits, newest first.

One `git log` over the record folders gives every file's history; a checkout
without history (a tarball, or a shallow clone) gives none, and says so. The
same commit always gives the same answer, so pages built from it are
deterministic.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .model import FOLDERS


@dataclass(frozen=True)
class Commit:
    """One commit that changed a record file."""

    hash: str
    short: str
    date: str  # the committer date, YYYY-MM-DD
    subject: str


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def has_history(root: Path) -> bool:
    """Whether `root` is in a git checkout with its full history (not a shallow clone)."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    return shallow is not None and shallow.strip() == "false"


def file_history(root: str | Path) -> dict[str, list[Commit]] | None:
    """Every record file's commits, newest first, by path relative to `root`.

    None when there is no full git history to read.
    """
    root = Path(root)
    if not has_history(root):
        return None
    top = _git(root, "rev-parse", "--show-toplevel")
    prefix = (_git(root, "rev-parse", "--show-prefix") or "").strip()
    if top is None:
        return None
    out = _git(
        root,
        "log",
        "--format=%x1e%H%x1f%h%x1f%cs%x1f%s",
        "--name-only",
        "--no-renames",
        "--",
        *FOLDERS.values(),
    )
    if out is None:
        return None
    history: dict[str, list[Commit]] = {}
    for entry in out.split("\x1e")[1:]:
        head, _, names = entry.partition("\n")
        full, short, date, subject = head.split("\x1f", 3)
        commit = Commit(full, short, date, subject)
        for name in names.split("\n"):
            name = name.strip()
            if name and name.startswith(prefix):
                history.setdefault(name[len(prefix) :], []).append(commit)
    return history


def file_at(root: str | Path, commit: str, path: str) -> str | None:
    """The text of the record file `path` (relative to `root`) as it was at `commit`."""
    return _git(Path(root), "show", f"{commit}:./{path}")
