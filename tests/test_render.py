"""`render_site` and `export-md` on the fixture records, without a MkDocs build."""

from __future__ import annotations

from pathlib import Path

from conftest import BARRIER_ID, BRIEFING_ID, OVERLAY_MARKER, run_cli

from barrierkb.records.lang import localized
from barrierkb.site import render_site
from barrierkb.site.prepare import prepare


def test_render_site_gives_every_record_its_page_and_every_download(kb_root):
    state = prepare(kb_root)
    files = render_site(state.kb, state.options, state.network)
    for kind in ("barriers", "stakeholders", "briefings"):
        for record_id in state.kb.records(kind):
            assert f"{kind}/{record_id}.md" in files
    for path in ("register/index.md", "network.md", "data.md", "feed.xml", "data/hinder.csv"):
        assert path in files, path
    page = files[f"barriers/{BARRIER_ID}.md"]
    assert page.startswith("---\ntitle: ")
    assert localized(state.kb.barriers[BARRIER_ID].title) in page
    assert "Vem kan lösa det" in page
    assert "Vägar in" not in page  # routes are the home organisation's strategy: internal only
    assert list(files) == sorted(files)


def test_internal_render_has_routes_and_allies_from_the_network_view(kb_root, overlay_root):
    state = prepare(kb_root, audience="internal", overlay=overlay_root)
    page = render_site(state.kb, state.options, state.network)[f"barriers/{BARRIER_ID}.md"]
    assert "Vägar in" in page and "Allierade" in page


def test_render_site_without_the_graph_has_no_network_parts(kb_root):
    state = prepare(kb_root, with_graph=False)
    files = render_site(state.kb, state.options)
    assert "network.md" not in files and "data/natverk.graphml" not in files
    assert "Vägar in" not in files[f"barriers/{BARRIER_ID}.md"]
    assert f"briefings/{BRIEFING_ID}.md" in files


def test_public_render_holds_nothing_of_the_overlay(kb_root, overlay_root):
    public = prepare(kb_root)
    rendered = render_site(public.kb, public.options, public.network)
    assert not [p for p, c in rendered.items() if isinstance(c, str) and OVERLAY_MARKER in c]
    internal = prepare(kb_root, audience="internal", overlay=overlay_root)
    pages = render_site(internal.kb, internal.options, internal.network)
    assert f"{OVERLAY_MARKER}-anteckning" in pages[f"barriers/{BARRIER_ID}.md"]
    assert f"{OVERLAY_MARKER}-post" in pages["stakeholders/intern-arbetsgrupp.md"]


def test_export_md_writes_exactly_what_render_site_renders(kb_root, tmp_path: Path):
    out = tmp_path / "pages"
    done = run_cli("export-md", str(out), "--root", str(kb_root))
    assert done.returncode == 0, done.stderr
    state = prepare(kb_root)
    expected = render_site(state.kb, state.options, state.network)
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert set(written) == set(expected)
    for path, content in expected.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert written[path] == data, path
