"""The `barrierkb` command: a thin layer over the library.

Each command declares its arguments beside itself (`@command(..., arg(...))`),
parses them, calls one library function and prints the result. Exit codes:
0 clean (warnings allowed), 1 errors in the records, 2 bad usage.

argparse rather than click: it is the standard library, its exit code 2 for
bad usage is what the partner documentation promises, and with `arg` beside
each command the arguments are declared where they are used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .records import diagnostics as diag
from .records.check import check
from .records.load import KnowledgeBase, load
from .records.model import KINDS
from .records.vocab import EDITIONS
from .site.prepare import RecordErrors, SiteState, prepare


@dataclass(frozen=True)
class Command:
    """A subcommand: the function that runs it, its help line and its arguments."""

    run: Callable[[argparse.Namespace], int]
    help: str
    args: tuple[tuple[tuple[str, ...], dict], ...] = field(default_factory=tuple)


COMMANDS: dict[str, Command] = {}
ROOT_ARG = (
    ("--root",),
    {"help": "folder with barriers/, stakeholders/, briefings/ (default: here)"},
)


def arg(*flags: str, **options) -> tuple[tuple[str, ...], dict]:
    """One argument of a command, as `argparse.ArgumentParser.add_argument` takes it."""
    return flags, options


def command(name: str, help: str, *args: tuple[tuple[str, ...], dict]):
    """Register a command function `(args) -> exit code` under `name`, with its arguments."""

    def register(func: Callable[[argparse.Namespace], int]) -> Callable:
        COMMANDS[name] = Command(func, help, args)
        return func

    return register


class UsageError(Exception):
    """Bad arguments: exit 2 with the message."""


def _root(args) -> Path:
    return Path(getattr(args, "root", None) or ".")


def prepared(
    root: Path,
    audience: str = "public",
    with_graph: bool = False,
    lang: str = "sv",
    overlay: str | None = None,
) -> SiteState:
    """The checked records for `audience`; on errors print them and exit 1.

    The internal audience reads the overlay named by `overlay` or by the
    environment variable; without one it is a usage error (exit 2).
    """
    from .records.overlay import OVERLAY_VARIABLE, OverlayError

    if audience == "internal":
        overlay = overlay or os.environ.get(OVERLAY_VARIABLE)
    try:
        return prepare(root, audience, with_graph=with_graph, lang=lang, overlay=overlay)
    except OverlayError as err:
        raise UsageError(str(err)) from None
    except RecordErrors as err:
        print(diag.format_text(err.diagnostics), file=sys.stderr)
        raise SystemExit(1) from None


def load_checked(root: Path, audience: str = "public") -> KnowledgeBase:
    """Only the records (no graph), checked and filtered for `audience`."""
    return prepared(root, audience).kb


def _write(data: str | bytes, output: str | None) -> None:
    if output is None or output == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        Path(output).write_bytes(data)
    else:
        Path(output).write_text(data, encoding="utf-8")


@command(
    "check",
    "check every record and report all problems",
    arg("root", nargs="?", help="folder with barriers/, stakeholders/, briefings/"),
    arg("--format", choices=["text", "json"], default="text"),
    arg("--github", action="store_true", help="also print GitHub annotations"),
    arg("--links", action="store_true", help="also ask every source address (network)"),
    arg("--link-timeout", type=float, default=10.0, help="seconds to wait for each address"),
    arg("--overlay", help="also check this overlay of internal material (or BARRIERKB_OVERLAY)"),
)
def cmd_check(args) -> int:
    from .records.overlay import OVERLAY_VARIABLE, OverlayError, apply_overlay, overlay_root

    root = _root(args)
    if not root.is_dir():
        raise UsageError(f"{root} is not a folder")
    kb = load(root)
    overlay = args.overlay or os.environ.get(OVERLAY_VARIABLE)
    if overlay:
        try:
            apply_overlay(kb, overlay_root(overlay, root.resolve()))
        except OverlayError as err:
            raise UsageError(str(err)) from None
    found = check(kb)
    if args.links:
        from .workflow.linkcheck import dead_links

        found = sorted(found + dead_links(kb, args.link_timeout), key=diag.sort_key)
    print(diag.format_json(found) if args.format == "json" else diag.format_text(found))
    github = args.github or os.environ.get("GITHUB_ACTIONS") == "true"
    if github and args.format == "text":
        for d in sorted(found, key=diag.sort_key):
            print(d.github())
    return 1 if diag.errors(found) else 0


@command(
    "schema",
    "print the JSON Schema of a record kind",
    arg("kind", nargs="?", default="barriers", choices=list(KINDS)),
    arg("-o", "--output"),
)
def cmd_schema(args) -> int:
    from .records.schema import schema_text

    _write(schema_text(args.kind), args.output)
    return 0


@command(
    "new",
    "write a new barrier, stakeholder or briefing from its template (`new --title` is a barrier)",
    arg(
        "kind",
        nargs="?",
        default="barrier",
        choices=["barrier", "stakeholder", "briefing", "overlay"],
    ),
    arg("folder", nargs="?", help="for `new overlay`: the folder to write"),
    arg("--title", help="the Swedish title (a stakeholder's name)"),
    arg("--id", help="the id to use instead of one made from the title; ids are permanent"),
    arg("--date", help="a briefing's meeting date, YYYY-MM-DD"),
    arg("--forum", help="a briefing's forum (id or name): its open barriers fill the agenda"),
    ROOT_ARG,
)
def cmd_new(args) -> int:
    import datetime as dt

    from .records.model import SLUG_PATTERN
    from .workflow.new import new_overlay, new_record
    from .workflow.writer import RecordExists, write_new

    if args.kind == "overlay":
        if not args.folder:
            raise UsageError("name the folder: barrierkb new overlay DIR")
        new_overlay(Path(args.folder))
        print(f"wrote an empty overlay in {args.folder}; read its README.md")
        return 0
    if args.forum and args.kind != "briefing":
        raise UsageError("--forum is for `new briefing`")
    if not args.title and not args.forum:
        raise UsageError("give --title (for a briefing, --forum and --date will do)")
    if args.id is not None and not re.fullmatch(SLUG_PATTERN, args.id):
        raise UsageError(f"{args.id!r} is not an id: lowercase letters, digits and hyphens")
    try:
        date = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise UsageError(f"{args.date!r} is not a date written YYYY-MM-DD") from None
    kind = {"barrier": "barriers", "stakeholder": "stakeholders", "briefing": "briefings"}
    if args.forum:
        from .records.lookup import Unknown, record_id
        from .workflow.new import new_briefing_for_forum

        kb = load(_root(args))
        try:
            forum = record_id(kb.stakeholders, args.forum, "forum")
        except Unknown as err:
            raise UsageError(str(err)) from None
        path, text = new_briefing_for_forum(kb, forum, date or dt.date.today(), args.id)
    else:
        path, text = new_record(_root(args), kind[args.kind], args.title, args.id, date=date)
    try:
        write_new(path, text)
    except RecordExists:
        raise UsageError(f"{path} exists already; choose another title or --id") from None
    print(f"wrote {path}; the id {path.stem} is permanent.")
    print("Fill in the placeholders, then run: barrierkb check")
    return 0


@command(
    "export",
    "export public barriers and stakeholders as json, csv or xlsx",
    arg("--format", choices=["json", "csv", "xlsx"], default="json"),
    arg(
        "--kind",
        choices=["barriers", "stakeholders"],
        default="barriers",
        help="for csv: which table (json and xlsx hold both)",
    ),
    arg("-o", "--output"),
    ROOT_ARG,
)
def cmd_export(args) -> int:
    from .site.exports import export

    _write(export(load_checked(_root(args)), args.format, args.kind), args.output)
    return 0


@command("stats", "print counts by status, border and theme", ROOT_ARG)
def cmd_stats(args) -> int:
    from .records.stats import format_stats

    print(format_stats(load_checked(_root(args))))
    return 0


@command(
    "diff",
    "list the records that a change adds, changes or removes (git)",
    arg("base", help="git revision to compare from, such as origin/main"),
    arg("head", nargs="?", help="git revision to compare to (default: the files)"),
    arg("--format", choices=["text", "markdown"], default="text"),
    arg(
        "--allow-removal",
        action="store_true",
        help="do not fail when a record file is removed",
    ),
    ROOT_ARG,
)
def cmd_diff(args) -> int:
    from .workflow.diff import (
        DiffError,
        diff_records,
        format_markdown,
        format_text,
        removal_message,
    )

    try:
        found = diff_records(_root(args), args.base, args.head)
    except DiffError as err:
        raise UsageError(str(err)) from None
    print(format_markdown(found) if args.format == "markdown" else format_text(found))
    if found.removed and not args.allow_removal:
        for change in found.removed:
            print(f"error: {removal_message(change)}", file=sys.stderr)
        return 1
    return 0


@command(
    "from-issue",
    "turn the body of a barrier issue (the issue form) into a record",
    arg("file", nargs="?", help="the issue's body (Markdown); - for standard input"),
    arg("-o", "--output", help="file, or folder for <id>.yml (default: print it)"),
    arg("--form", action="store_true", help="print the issue form that this command reads"),
    ROOT_ARG,
)
def cmd_from_issue(args) -> int:
    from .workflow.from_issue import FromIssueError, issue_record, output_path
    from .workflow.issue_form import form_text
    from .workflow.writer import RecordExists, write_new

    if args.form:
        _write(form_text(), args.output)
        return 0
    try:
        body = sys.stdin.read() if args.file in (None, "-") else Path(args.file).read_text("utf-8")
        known = {p.stem for p in (_root(args) / "stakeholders").glob("*.y*ml")}
        record_id, text, warnings = issue_record(body, known=known or None)
    except (OSError, UnicodeDecodeError, FromIssueError) as err:
        raise UsageError(str(err)) from None
    where = args.file if args.file not in (None, "-") else "issue"
    for warning in warnings:
        print(f"{where}: warning: {warning}", file=sys.stderr)
    output = output_path(args.output, record_id)
    if output is None:
        _write(text, None)
        return 0
    try:
        write_new(Path(output), text)
    except RecordExists as err:
        raise UsageError(str(err)) from None
    print(f"wrote {output}; now run: barrierkb check", file=sys.stderr)
    return 0


@command(
    "site",
    "build every edition of the site, as `make site` does (one process, one check)",
    arg("--site-dir", default="site", help="folder to build into (default: site)"),
    arg("--project", default=".", help="folder with mkdocs.yml and the editions' configurations"),
)
def cmd_site(args) -> int:
    from mkdocs.exceptions import Abort

    from .build import build_editions

    try:
        build_editions(args.project, args.site_dir)
    except Abort as err:
        print(f"barrierkb site: {err}", file=sys.stderr)
        return 1
    return 0


@command(
    "export-md",
    "write the generated pages and downloads to a folder (for another engine)",
    arg("output", help="folder to write the pages to"),
    arg("--audience", choices=["public", "internal"], default="public"),
    ROOT_ARG,
)
def cmd_export_md(args) -> int:
    from .site import render_site

    state = prepared(_root(args), args.audience, with_graph=True)
    out = Path(args.output)
    for path, content in render_site(state.kb, state.options, state.network, state.history).items():
        _write(content, str(out / path))
    print(f"wrote the generated pages to {out}")
    return 0


@command(
    "brief",
    "print a briefing, or an ad-hoc pack for a forum, to PDF or Word",
    arg("id", nargs="?", help="briefing id (briefings/<id>.yml or examples/briefings/<id>.yml)"),
    arg("--forum", help="a pack of the open barriers raised at this forum (id or name)"),
    arg("--date", help="the meeting's date, YYYY-MM-DD (default: the briefing's, else the "
        "forum's next meeting, else today)"),
    arg("--audience", choices=["public", "internal"], default="public",
        help="public: the version for partners; internal: with routes, allies and talking "
        "points (needs the overlay)"),
    arg("--status", action="append", default=[], help="only barriers with this status (code "
        "or label, any language; repeatable)"),
    arg("--theme", action="append", default=[], help="only barriers with this theme"),
    arg("--priority", action="append", default=[], help="only barriers with this priority"),
    arg("--lang", choices=list(EDITIONS), default="sv", help="the pack's language"),
    arg("--format", choices=["pdf", "docx"], default="pdf", help="PDF, or an editable Word file"),
    arg("--overlay", help="the overlay of internal material (or BARRIERKB_OVERLAY)"),
    arg("-o", "--output", required=True, help="the file to write"),
    ROOT_ARG,
)  # fmt: skip
def cmd_brief(args) -> int:
    from .records.i18n import edition
    from .site.docx import pack_docx
    from .site.packs import PackError, PackRequest, choose_briefing, pack_pdf
    from .site.pdf import EngineMissing

    request = PackRequest(
        briefing=args.id,
        forum=args.forum,
        date=_date_arg(args.date),
        statuses=tuple(args.status),
        themes=tuple(args.theme),
        priorities=tuple(args.priority),
    )
    with edition(args.lang):
        state = prepared(
            _root(args), args.audience, with_graph=True, lang=args.lang, overlay=args.overlay
        )
        try:
            briefing = choose_briefing(state.kb, request, state.options.today)
            if args.format == "docx":
                _write(pack_docx(state, briefing), args.output)
            else:
                pack_pdf(state, briefing, _root(args), Path(args.output))
        except PackError as err:
            raise UsageError(str(err)) from None
        except EngineMissing as err:
            print(f"barrierkb brief: {err}", file=sys.stderr)
            return 2
    print(f"wrote {args.output}")
    return 0


def _date_arg(value: str | None):
    """A YYYY-MM-DD argument as a date; a usage error otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date: write YYYY-MM-DD") from None


@command(
    "graph",
    "export the stakeholder graph as graphml, json or svg",
    arg("--format", choices=["graphml", "json", "svg"], default="graphml"),
    arg("-o", "--output"),
    ROOT_ARG,
)
def cmd_graph(args) -> int:
    from .network.exports import export_graph
    from .network.graph import build_graph

    _write(export_graph(build_graph(load_checked(_root(args))), args.format), args.output)
    return 0


@command(
    "route",
    "print the routes from a stakeholder to another, or to everyone who can act on a barrier",
    arg("source", help="stakeholder id to start from (the home organisation)"),
    arg("target", help="stakeholder id to reach, or a barrier id"),
    arg("-k", type=int, default=3, help="how many routes at least (equals of the last are shown)"),
    ROOT_ARG,
)
def cmd_route(args) -> int:
    from .network.graph import build_graph
    from .network.routes import barrier_routes_in_words, routes_in_words
    from .records.lookup import Unknown, record_id

    kb = load_checked(_root(args))
    try:
        source = record_id(kb.stakeholders, args.source, "stakeholder")
        targets = {**kb.barriers, **kb.stakeholders}  # an organisation before a barrier
        target = record_id(targets, args.target, "stakeholder or barrier")
    except Unknown as err:
        raise UsageError(str(err)) from None
    if target not in kb.stakeholders:
        print(barrier_routes_in_words(build_graph(kb), source, target, k=args.k))
    else:
        print(routes_in_words(build_graph(kb), source, target, k=args.k))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="barrierkb", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, spec in COMMANDS.items():
        p = sub.add_parser(name, help=spec.help, description=spec.help)
        for flags, options in spec.args:
            p.add_argument(*flags, **options)
        p.set_defaults(func=spec.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as err:
        print(f"barrierkb {args.command}: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
