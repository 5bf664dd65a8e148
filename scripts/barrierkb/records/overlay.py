"""Internal material in an overlay: a second folder, outside the public repository.

The overlay has the layout of the records (`barriers/`, `stakeholders/`,
`briefings/`, `sources/`). A file in it either adds a whole internal record,
or adds internal fields (`INTERNAL_FIELDS`) to the public record with the same
id. It is read with the same safe loader, checked with the same rules and
reported with its own paths; only the internal build reads it. In the public
tree, internal fields are errors (`check` says so, and names the overlay).
"""

from __future__ import annotations

from pathlib import Path

from .findings import field_path
from .load import KnowledgeBase, RecordFile, load_record, record_files
from .model import FOLDERS, INTERNAL_FIELDS, Record, model_of
from .rules import problem
from .validation import Partial, field_adapter
from .yamlsafe import YamlProblem, parse_yaml

#: The environment variable that names the overlay; it wins over the plugin option.
OVERLAY_VARIABLE = "BARRIERKB_OVERLAY"


class OverlayError(Exception):
    """The overlay cannot be used: it does not exist, or it lies inside a built site."""


def overlay_root(given: str | Path, project: Path) -> Path:
    """The overlay folder, checked: it must exist and must not be inside a built site."""
    path = (project / given).resolve() if not Path(given).is_absolute() else Path(given)
    if not path.is_dir():
        raise OverlayError(
            f"the overlay {given} does not exist: name a folder with barriers/, stakeholders/ "
            f"and briefings/ in {OVERLAY_VARIABLE} or the plugin option `overlay` "
            "(barrierkb new overlay DIR writes an empty one)"
        )
    for site in ("site", "site-internal"):
        if path.is_relative_to((project / site).resolve()):
            raise OverlayError(f"the overlay {given} is inside {site}/, which a build replaces")
    return path


def apply_overlay(kb: KnowledgeBase, overlay: Path) -> KnowledgeBase:
    """Add the overlay's internal records and internal fields to `kb`, in place."""
    label = overlay.name
    for kind in FOLDERS:
        for path in record_files(overlay, kind):
            rel = f"{label}/{path.relative_to(overlay).as_posix()}"
            data = path.read_bytes()
            try:
                raw, positions = parse_yaml(data)
            except YamlProblem:
                raw = None
            record_id = raw.get("id") if isinstance(raw, dict) else None
            public = kb.records(kind).get(record_id) if isinstance(record_id, str) else None
            if public is not None:
                _add_fields(kb, kind, public, raw, positions, rel)
            else:
                _add_record(kb, kind, data, rel, raw)
    return kb


def _add_fields(kb, kind: str, public: Record, raw: dict, positions, rel: str) -> None:
    """Internal fields for a public record: nothing public may change."""
    model = model_of(kind)
    update = {}
    for key, value in raw.items():
        loc = (key,)
        if key == "id":
            continue
        if key not in INTERNAL_FIELDS or key not in model.model_fields:
            kb.diagnostics.append(
                problem(
                    "overlay-public-field",
                    rel,
                    *positions.key(loc),
                    f"{field_path(loc)}: the overlay may not set a public field of "
                    f"{kind}/{public.id}.yml",
                )
            )
            continue
        try:
            update[key] = field_adapter(model, key).validate_python(value)
        except ValueError as err:
            line, col = positions.value(loc)
            message = f"{field_path(loc)}: {str(err).splitlines()[-1].strip()}"
            kb.diagnostics.append(problem("bad-value", rel, line, col, message))
    if update:
        kb.records(kind)[public.id] = public.model_copy(update=update)
        kb.overlay_parts[(kind, public.id)] = RecordFile(kind, public.id, rel, positions, True)


def _add_record(kb, kind: str, data: bytes, rel: str, raw) -> None:
    """A whole internal record; an overlay file that is not whole names what is missing."""
    record, positions, problems = load_record(data, rel, model_of(kind))
    if isinstance(raw, dict) and set(raw) <= INTERNAL_FIELDS | {"id"} and raw.get("id"):
        kb.diagnostics.append(
            problem(
                "overlay-orphan",
                rel,
                *positions.value(("id",)),
                f"there is no public {kind}/{raw['id']}.yml for these internal fields",
            )
        )
        return
    kb.diagnostics.extend(problems)
    if not isinstance(record, Record):
        if isinstance(record, Partial):
            kb.broken.add((kind, record.record.id if "id" in raw else ""))
        return
    if record.visibility != "internal":
        kb.diagnostics.append(
            problem(
                "overlay-public-field",
                rel,
                *positions.value(("visibility",)),
                "a whole record in the overlay is internal: write `visibility: internal`",
            )
        )
        return
    kb.records(kind)[record.id] = record
    kb.files[(kind, record.id)] = RecordFile(kind, record.id, rel, positions, True)
