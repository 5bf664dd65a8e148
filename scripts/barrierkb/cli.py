"""The `barrierkb` command: a thin layer over the library.

Each command parses its arguments, calls one library function and prints the
result. Exit codes: 0 clean (warnings allowed), 1 errors in the records, 2 bad
usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .records import diagnostics as diag
from .records.check import check
from .records.load import KnowledgeBase, load
from .site.prepare import RecordErrors, SiteState, prepare

COMMANDS: dict[str, tuple[Callable, str]] = {}


def command(name: str, help: str):
    """Register a command function `(args) -> exit code` under `name`."""

    def register(func: Callable) -> Callable:
        COMMANDS[name] = (func, help)
        return func

    return register


class UsageError(Exception):
    """Bad arguments: exit 2 with the message."""


def _root(args) -> Path:
    return Path(getattr(args, "root", None) or ".")


def prepared(root: Path, audience: str = "public", with_graph: bool = False) -> SiteState:
    """The checked records for `audience`; on errors print them and exit 1."""
    try:
        return prepare(root, audience, with_graph=with_graph)
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


@command("check", "check every record and report all problems")
def cmd_check(args) -> int:
    root = _root(args)
    if not root.is_dir():
        raise UsageError(f"{root} is not a folder")
    found = check(load(root))
    if args.format == "json":
        print(diag.format_json(found))
    else:
        print(diag.format_text(found))
    github = args.github or os.environ.get("GITHUB_ACTIONS") == "true"
    if github and args.format == "text":
        for d in sorted(found, key=diag.sort_key):
            print(d.github())
    return 1 if diag.errors(found) else 0


@command("schema", "print the JSON Schema of a record kind")
def cmd_schema(args) -> int:
    from .records.schema import schema_text

    _write(schema_text(args.kind), args.output)
    return 0


@command("new", "write a new barrier record from the template")
def cmd_new(args) -> int:
    from .workflow.new import new_barrier

    path, text = new_barrier(_root(args), args.title)
    if path.exists():
        raise UsageError(f"{path} exists already; choose another title or --id")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}; fill in the placeholders, then run: barrierkb check")
    return 0


@command("export", "export public barriers and stakeholders as json, csv or xlsx")
def cmd_export(args) -> int:
    from .site.exports import export

    kb = load_checked(_root(args))
    _write(export(kb, args.format, args.kind), args.output)
    return 0


@command("stats", "print counts by status, border and theme")
def cmd_stats(args) -> int:
    from .records.stats import format_stats

    print(format_stats(load_checked(_root(args))))
    return 0


@command("diff", "list the records that a change adds, changes or removes (git)")
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


@command("from-issue", "turn the body of a barrier issue (the issue form) into a record")
def cmd_from_issue(args) -> int:
    from .workflow.from_issue import FromIssueError, issue_record, output_path
    from .workflow.issue_form import form_text

    if args.form:
        _write(form_text(), args.output)
        return 0
    try:
        body = sys.stdin.read() if args.file in (None, "-") else Path(args.file).read_text("utf-8")
        record_id, text = issue_record(body)
    except (OSError, UnicodeDecodeError, FromIssueError) as err:
        raise UsageError(str(err)) from None
    output = output_path(args.output, record_id)
    if output and Path(output).exists():
        raise UsageError(f"{output} exists already; a record is never overwritten")
    _write(text, output)
    if output:
        print(f"wrote {output}; now run: barrierkb check", file=sys.stderr)
    return 0


@command("export-md", "write the generated pages and downloads to a folder (for another engine)")
def cmd_export_md(args) -> int:
    from .site import render_site

    state = prepared(_root(args), args.audience, with_graph=True)
    out = Path(args.output)
    for path, content in render_site(state.kb, state.options, state.graph).items():
        _write(content, str(out / path))
    print(f"wrote the generated pages to {out}")
    return 0


@command("brief", "print a briefing (or an ad-hoc pack for a forum) to PDF")
def cmd_brief(args) -> int:
    from .site.network import routes_html_for
    from .site.packs import EngineMissing, adhoc_briefing, briefing_html, print_pdf

    if bool(args.id) == bool(args.forum):
        raise UsageError("give a briefing ID or --forum FORUM, not both")
    state = prepared(_root(args), with_graph=True)
    kb = state.kb
    if args.forum:
        if args.forum not in kb.stakeholders:
            raise UsageError(f"there is no stakeholder {args.forum!r}")
        briefing = adhoc_briefing(kb, args.forum, args.status, state.options.today)
        if not briefing.barriers:
            raise UsageError(f"no open barriers are raised at {args.forum}")
    elif args.id not in kb.briefings:
        raise UsageError(f"there is no briefing {args.id!r} in briefings/")
    else:
        briefing = kb.briefings[args.id]
    html = briefing_html(
        kb, briefing, state.options, _root(args), routes_html_for(kb, state.graph, state.options)
    )
    try:
        print_pdf(html, Path(args.output))
    except EngineMissing as err:
        print(f"barrierkb brief: {err}", file=sys.stderr)
        return 2
    print(f"wrote {args.output}")
    return 0


@command("graph", "export the stakeholder graph as graphml, json or svg")
def cmd_graph(args) -> int:
    from .network.drawings import network_svg
    from .network.graph import build_graph, to_graphml, to_node_link_json

    graph = build_graph(load_checked(_root(args)))
    if args.format == "graphml":
        data = to_graphml(graph)
    elif args.format == "json":
        data = to_node_link_json(graph)
    else:
        data = network_svg(graph)
    _write(data, args.output)
    return 0


@command("route", "print the routes between two stakeholders in words")
def cmd_route(args) -> int:
    from .network.graph import build_graph
    from .network.routes import routes_in_words

    kb = load_checked(_root(args))
    for org in (args.source, args.target):
        if org not in kb.stakeholders:
            raise UsageError(f"there is no stakeholder {org!r}")
    print(routes_in_words(build_graph(kb), args.source, args.target, k=args.k))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="barrierkb", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    specs = {
        "check": [
            (["root"], {"nargs": "?", "help": "folder with barriers/, stakeholders/, briefings/"}),
            (["--format"], {"choices": ["text", "json"], "default": "text"}),
            (["--github"], {"action": "store_true", "help": "also print GitHub annotations"}),
        ],
        "schema": [
            (
                ["kind"],
                {
                    "nargs": "?",
                    "default": "barriers",
                    "choices": ["barriers", "stakeholders", "briefings"],
                },
            ),
            (["-o", "--output"], {}),
        ],
        "new": [
            (["--title"], {"required": True, "help": "the barrier's Swedish title"}),
            (["--root"], {"help": "repository folder (default: here)"}),
        ],
        "export": [
            (["--format"], {"choices": ["json", "csv", "xlsx"], "default": "json"}),
            (
                ["--kind"],
                {
                    "choices": ["barriers", "stakeholders"],
                    "default": "barriers",
                    "help": "for csv: which table (json and xlsx hold both)",
                },
            ),
            (["-o", "--output"], {}),
            (["--root"], {}),
        ],
        "export-md": [
            (["output"], {"help": "folder to write the pages to"}),
            (["--audience"], {"choices": ["public", "internal"], "default": "public"}),
            (["--root"], {}),
        ],
        "brief": [
            (["id"], {"nargs": "?", "help": "briefing id (briefings/<id>.yml)"}),
            (["--forum"], {"help": "an ad-hoc pack of the open barriers raised at this forum"}),
            (["--status"], {"action": "append", "help": "only barriers with this status"}),
            (["-o", "--output"], {"required": True, "help": "the PDF file to write"}),
            (["--root"], {}),
        ],
        "graph": [
            (["--format"], {"choices": ["graphml", "json", "svg"], "default": "graphml"}),
            (["-o", "--output"], {}),
            (["--root"], {}),
        ],
        "route": [
            (["source"], {"help": "stakeholder id to start from"}),
            (["target"], {"help": "stakeholder id to reach"}),
            (["-k"], {"type": int, "default": 3, "help": "how many routes at most"}),
            (["--root"], {}),
        ],
        "stats": [(["--root"], {})],
        "diff": [
            (["base"], {"help": "git revision to compare from, such as origin/main"}),
            (["head"], {"nargs": "?", "help": "git revision to compare to (default: the files)"}),
            (["--format"], {"choices": ["text", "markdown"], "default": "text"}),
            (
                ["--allow-removal"],
                {"action": "store_true", "help": "do not fail when a record file is removed"},
            ),
            (["--root"], {"help": "repository folder (default: here)"}),
        ],
        "from-issue": [
            (["file"], {"nargs": "?", "help": "the issue's body (Markdown); - for standard input"}),
            (["-o", "--output"], {"help": "file, or folder for <id>.yml (default: print it)"}),
            (
                ["--form"],
                {
                    "action": "store_true",
                    "help": "print the issue form that this command reads, instead",
                },
            ),
        ],
    }
    for name, (func, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        for flags, options in specs.get(name, []):
            p.add_argument(*flags, **options)
        p.set_defaults(func=func)
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
