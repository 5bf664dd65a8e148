"""What a change does to the records: added, changed and removed records, over git.

`diff_records(root, base, head)` compares the record folders of two git
revisions (or a revision and the working tree), parses both sides with the
same loader as `check`, and says in words what changed: which fields, status
changes such as "raised → in_dialogue", and references to records that the
record did not name before. A pull request's summary is this, as Markdown.

Records are never deleted: a solved or written-off barrier keeps its file and
its history. `removed` lists files that are gone, so the CLI can refuse them.

Examples
--------
>>> change = RecordChange("barriers/a.yml", "barriers", "changed", "A",
...                       fields=("status",), status=("raised", "in_dialogue"))
>>> print(format_text(RecordDiff("main", None, [change])))
main → working tree: 0 added, 1 changed, 0 removed
<BLANKLINE>
changed  barriers/a.yml  A
         fields: status
         status: raised → in_dialogue (Lyft → I dialog)
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from ..records import vocab
from ..records.lang import localized
from ..records.load import field_path, load_record, record_files
from ..records.model import KINDS, Record
from ..records.refs import Reference, references
from ..records.yamlsafe import YamlProblem, parse_yaml

Change = Literal["added", "changed", "removed"]
_ORDER = {"added": 0, "changed": 1, "removed": 2}


class DiffError(Exception):
    """git could not answer: not a repository, or an unknown revision."""


@dataclass(frozen=True)
class RecordChange:
    """One record file that differs between the two sides."""

    path: str
    kind: str
    change: Change
    title: str = ""
    #: Top-level fields whose values differ (for an added record: every field).
    fields: tuple[str, ...] = ()
    #: (before, after) when the status changed; (None, status) for a new record.
    status: tuple[str | None, str] | None = None
    #: References the record makes now and did not make before.
    new_references: tuple[Reference, ...] = ()
    #: False when the new side does not load: `barrierkb check` says why.
    loads: bool = True
    #: For a status change: whether the new status has a cited status_history entry.
    status_cited: bool | None = None


@dataclass
class RecordDiff:
    """Every record change from `base` to `head` (None: the working tree)."""

    base: str
    head: str | None
    changes: list[RecordChange] = field(default_factory=list)

    def of(self, change: Change) -> list[RecordChange]:
        return [c for c in self.changes if c.change == change]

    @property
    def removed(self) -> list[RecordChange]:
        return self.of("removed")


# -- reading the two sides ---------------------------------------------------------------------


def _git(root: Path, *args: str, failure: str = "") -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise DiffError("git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(message[-1] if message else failure or f"git {args[0]} failed")
    return done.stdout


def _is_record_path(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return len(parts) == 2 and parts[0] in KINDS and PurePosixPath(path).suffix in (".yml", ".yaml")


def _object_format(root: Path) -> str:
    try:
        return _git(root, "rev-parse", "--show-object-format").decode().strip() or "sha1"
    except DiffError:
        return "sha1"


def blob_id(data: bytes, object_format: str = "sha1") -> str:
    """The id git gives a file with this content.

    >>> blob_id(b"")
    'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'
    """
    digest = hashlib.new(object_format)
    digest.update(b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


def _tree(root: Path, rev: str) -> dict[str, str]:
    """Record path -> blob id at `rev`."""
    _git(
        root,
        "rev-parse",
        "--verify",
        "--quiet",
        f"{rev}^{{commit}}",
        failure=f"unknown revision '{rev}': name a branch, tag or commit, such as origin/main",
    )
    out = _git(root, "ls-tree", "-r", "-z", rev, "--", *KINDS)
    files = {}
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.decode("utf-8", "replace").partition("\t")
        _mode, kind, blob = meta.split()
        if kind == "blob" and _is_record_path(path):
            files[path] = blob
    return files


class _Side:
    """One side of the comparison: a git revision, or the working tree."""

    def __init__(self, root: Path, rev: str | None, object_format: str) -> None:
        self.root, self.rev = root, rev
        if rev is None:
            self._data = {
                p.relative_to(root).as_posix(): p.read_bytes()
                for kind in KINDS
                for p in record_files(root, kind)
            }
            self.files = {path: blob_id(data, object_format) for path, data in self._data.items()}
        else:
            self._data = {}
            self.files = _tree(root, rev)

    def read(self, path: str) -> bytes:
        if path not in self._data:
            self._data[path] = _git(self.root, "show", f"{self.rev}:./{path}")
        return self._data[path]


@dataclass
class _Parsed:
    raw: dict | None
    record: object | None


def _parse(data: bytes, path: str) -> _Parsed:
    model = KINDS[path.split("/", 1)[0]]
    try:
        raw, _ = parse_yaml(data)
    except YamlProblem:
        raw = None
    record, _, _ = load_record(data, path, model)
    record = record if isinstance(record, Record) else None  # a partial record is not compared
    return _Parsed(raw if isinstance(raw, dict) else None, record)


def _title(parsed: _Parsed) -> str:
    raw = parsed.raw or {}
    value = raw.get("title", raw.get("name"))
    found = localized(value) if isinstance(value, (str, dict)) else ""
    return found if isinstance(found, str) else ""


def _status(parsed: _Parsed) -> str | None:
    value = (parsed.raw or {}).get("status")
    return value if isinstance(value, str) else None


def _targets(parsed: _Parsed) -> set[tuple[str, str]]:
    if parsed.record is None:
        return set()
    return {(kind, target) for _, kind, target in references(parsed.record)}


def _new_references(before: _Parsed | None, after: _Parsed) -> tuple[Reference, ...]:
    if after.record is None:
        return ()
    known = _targets(before) if before else set()
    return tuple(r for r in references(after.record) if (r[1], r[2]) not in known)


def _status_cited(after: _Parsed, status: str) -> bool:
    """Whether the record's history ends with `status`, and that entry cites a source."""
    history = (after.raw or {}).get("status_history")
    if not isinstance(history, list) or not history or not isinstance(history[-1], dict):
        return False
    return history[-1].get("status") == status and bool(history[-1].get("cite"))


def _changed_fields(before: _Parsed, after: _Parsed) -> tuple[str, ...]:
    if before.raw is None or after.raw is None:
        return ()  # one side is not a mapping of fields: nothing to compare field by field
    old, new = before.raw, after.raw
    names = list(new) + [k for k in old if k not in new]
    return tuple(n for n in names if old.get(n, _MISSING) != new.get(n, _MISSING))


_MISSING = object()


def _compare(path: str, base: _Side, head: _Side) -> RecordChange | None:
    kind = path.split("/", 1)[0]
    if path not in head.files:
        return RecordChange(path, kind, "removed", _title(_parse(base.read(path), path)))
    after = _parse(head.read(path), path)
    loads = after.record is not None
    if path not in base.files:
        status = _status(after)
        return RecordChange(
            path,
            kind,
            "added",
            _title(after),
            tuple(after.raw or ()),
            (None, status) if status else None,
            _new_references(None, after),
            loads,
        )
    old_bytes = base.read(path)
    if old_bytes.replace(b"\r\n", b"\n") == head.read(path).replace(b"\r\n", b"\n"):
        return None  # only line endings differ
    before = _parse(old_bytes, path)
    old_status, new_status = _status(before), _status(after)
    status = (old_status, new_status) if new_status and old_status != new_status else None
    return RecordChange(
        path,
        kind,
        "changed",
        _title(after) or _title(before),
        _changed_fields(before, after),
        status,
        _new_references(before, after),
        loads,
        _status_cited(after, new_status) if status else None,
    )


def diff_records(root: str | Path, base: str, head: str | None = None) -> RecordDiff:
    """The record changes from git revision `base` to `head`, or to the working tree.

    Raises `DiffError` when `root` is not in a git repository or a revision is unknown.
    """
    root = Path(root)
    object_format = _object_format(root)
    before = _Side(root, base, object_format)
    after = _Side(root, head, object_format)
    changes = []
    for path in sorted(set(before.files) | set(after.files)):
        if before.files.get(path) == after.files.get(path):
            continue
        change = _compare(path, before, after)
        if change is not None:
            changes.append(change)
    changes.sort(key=lambda c: (_ORDER[c.change], list(KINDS).index(c.kind), c.path))
    return RecordDiff(base, head, changes)


# -- presenting it -----------------------------------------------------------------------------


def status_words(status: tuple[str | None, str]) -> str:
    """A status change in words, with the Swedish labels.

    >>> status_words(("raised", "in_dialogue"))
    'raised → in_dialogue (Lyft → I dialog)'
    >>> status_words((None, "identified"))
    'identified (Identifierat)'
    """
    old, new = status
    label = vocab.STATUS_LABELS.get
    if old is None:
        return f"{new} ({label(new, new)})"
    return f"{old} → {new} ({label(old, old)} → {label(new, new)})"


def removal_message(change: RecordChange) -> str:
    """Why a removed record is refused, and what to do instead."""
    instead = {
        "barriers": "Keep the file and set `status: written_off` (or `solved`) with a "
        "status_history entry that says why",
        "stakeholders": "Keep the file: an organisation that is gone stays in the history "
        "of the barriers that name it",
        "briefings": "Keep the file: a past meeting stays as a record of what was asked",
    }[change.kind]
    return (
        f"{change.path} was removed: records are never deleted. {instead}; pass "
        "--allow-removal if the removal is intended (a record that was never published)."
    )


def _cited_words(change: RecordChange) -> str:
    if change.status_cited is None:
        return ""
    if change.status_cited:
        return ", with a cited status_history entry"
    return ", WITHOUT a cited status_history entry: add one (date, status, cite)"


def _heading(d: RecordDiff) -> str:
    head = d.head or "working tree"
    counts = ", ".join(f"{len(d.of(c))} {c}" for c in ("added", "changed", "removed"))
    return f"{d.base} → {head}: {counts}"


def _reference(ref: Reference) -> str:
    loc, kind, target = ref
    return f"{field_path(loc)} → {kind}/{target}"


def format_text(d: RecordDiff) -> str:
    """Plain text for a terminal: one block per changed record."""
    if not d.changes:
        return f"{_heading(d)}\nno record changed"
    lines = [_heading(d), ""]
    for c in d.changes:
        lines.append(f"{c.change:<8} {c.path}" + (f"  {c.title}" if c.title else ""))
        pad = " " * 9
        if c.change == "changed" and c.fields:
            lines.append(f"{pad}fields: {', '.join(c.fields)}")
        if c.status:
            lines.append(f"{pad}status: {status_words(c.status)}{_cited_words(c)}")
        lines.extend(f"{pad}new reference: {_reference(r)}" for r in c.new_references)
        if not c.loads and c.change != "removed":
            lines.append(f"{pad}does not load: run barrierkb check")
    return "\n".join(lines)


def _md(value: str) -> str:
    """Record text made safe for a Markdown table cell: no HTML, pipes or links."""
    value = " ".join(value.split())
    for char, escaped in (
        ("\\", "\\\\"),
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("|", "\\|"),
        ("`", "\\`"),
        ("[", "\\["),
        ("]", "\\]"),
        ("*", "\\*"),
        ("_", "\\_"),
        ("@", "@\u200b"),
    ):
        value = value.replace(char, escaped)
    return value


def format_markdown(d: RecordDiff) -> str:
    """GitHub-flavoured Markdown for a pull request's job summary."""
    lines = [f"### Records: {_heading(d)}", ""]
    if not d.changes:
        return "\n".join(lines + ["No record changed.", ""])
    lines += ["| change | record | what changed |", "|---|---|---|"]
    for c in d.changes:
        record = f"`{c.path}`" + (f" {_md(c.title)}" if c.title else "")
        details = []
        if c.status:
            details.append(f"status: {status_words(c.status)}{_cited_words(c)}")
        if c.change == "changed" and c.fields:
            details.append("fields: " + ", ".join(f"`{f}`" for f in c.fields))
        if c.new_references:
            details.append(f"{len(c.new_references)} new reference(s)")
        if not c.loads and c.change != "removed":
            details.append("**does not load**: see the check step")
        if c.change == "removed":
            details.append("**removed**: records are never deleted")
        lines.append(f"| {c.change} | {record} | {'; '.join(details)} |")
    refs = [(c, r) for c in d.changes for r in c.new_references]
    if refs:
        lines += ["", "#### New references", ""]
        lines += [f"- `{c.path}`: `{field_path(r[0])}` → `{r[1]}/{r[2]}`" for c, r in refs]
    if d.removed:
        lines += ["", "> [!CAUTION]"]
        lines += [f"> {removal_message(c)}" for c in d.removed]
    return "\n".join(lines) + "\n"
