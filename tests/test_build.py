"""`barrierkb site`: every edition in one command, the later ones rendered ahead.

While MkDocs builds the first edition, a second process renders the pages of
the others (`site.ahead`). These tests hold it to the promise that makes that
safe: the same bytes as an edition's own build, and a build that renders for
itself whenever the second process has nothing right for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from browser import BUILD_EPOCH, REPO, build_log
from conftest import BARRIER_PATH

from barrierkb.site import render_pages, render_site
from barrierkb.site.ahead import Edition, RenderAhead, render_edition, rendered, second_core
from barrierkb.site.network import NETWORK_PAGE
from barrierkb.site.prepare import prepare


def edition_of(root: Path, lang: str = "sv") -> Edition:
    return Edition(
        root=str(root),
        audience="public",
        home="malmo-stad",
        edit_url="",
        commit_url="",
        site_url="",
        lang=lang,
    )


def test_editions_rendered_ahead_are_the_bytes_of_their_own_builds(site_dir, tmp_path):
    if not second_core():
        pytest.skip("one core: every edition renders its own pages")
    log = build_log(site_dir).read_text(encoding="utf-8")
    # The Swedish overview, then the Danish and English editions whole.
    assert log.count("rendered ahead in a second process") == 3
    for lang in ("da", "en"):
        alone = tmp_path / lang
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
            + ["-f", f"mkdocs.{lang}.yml", "-d", str(alone)],
            cwd=REPO,
            env={
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "BARRIERKB_AUDIENCE": "public",
                "SOURCE_DATE_EPOCH": BUILD_EPOCH,
            },
            check=True,
            capture_output=True,
            timeout=300,
        )
        ahead = site_dir / lang
        files = sorted(p.relative_to(alone) for p in alone.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(ahead) for p in ahead.rglob("*") if p.is_file())
        differ = [
            str(f)
            for f in files
            if not f.name.startswith("sitemap.xml")
            and (alone / f).read_bytes() != (ahead / f).read_bytes()
        ]
        assert differ == [], f"{lang}: {len(differ)} files differ"


def test_the_second_process_hands_over_what_the_edition_renders_itself(kb_root):
    edition = edition_of(kb_root, "en")
    version, files = render_edition(edition)
    with RenderAhead([(edition, "site")]) as ahead:
        taken = ahead.take(edition, version)
    assert taken is not None
    handed, seconds = taken
    assert handed == files and seconds > 0
    assert "barriers/funding-domestic-recipients.md" in handed


def test_overview_rendered_ahead_joins_the_pages_rendered_here_as_render_site_gives_them(
    kb_root,
):
    edition = edition_of(kb_root)
    state = prepare(kb_root)
    whole = render_site(state.kb, state.options, state.network, state.history)
    fresh = prepare(kb_root)
    with RenderAhead([(edition, "overview")]) as ahead:
        files, seconds = rendered(fresh, edition, ahead)
        assert ahead.seconds == {0: seconds} and seconds > 0  # the overview came from it
    assert list(files) == list(whole)
    assert files == whole
    assert NETWORK_PAGE in files and "data/granshinderbasen.json" in files
    # The network page came ready-made: this process never ran the whole-graph analyses.
    assert not {"brokers", "communities", "grid"} & set(vars(fresh.network))


def test_record_pages_run_no_analysis_of_the_whole_graph(kb_root):
    state = prepare(kb_root)
    pages = render_pages(state.kb, state.options, state.network, state.history)
    assert "stakeholders/malmo-stad.md" in pages and NETWORK_PAGE not in pages
    assert set(vars(state.network)) == {"graph", "home", "strategy", "second_circle"}


def test_records_changed_after_the_second_process_read_them_are_rendered_again(kb_root):
    edition = edition_of(kb_root)
    with RenderAhead([(edition, "site")]) as ahead:
        ahead.process.join(timeout=120)  # done with the records as they were
        record = kb_root / BARRIER_PATH
        record.write_text(record.read_text(encoding="utf-8") + "# ändrad\n", encoding="utf-8")
        version, _ = render_edition(edition)
        assert ahead.take(edition, version) is None


def test_an_edition_the_second_process_cannot_render_is_left_to_the_build(kb_root):
    (kb_root / "barriers" / "trasig.yml").write_text("id: trasig\ntitle: [\n", encoding="utf-8")
    broken, other = edition_of(kb_root), edition_of(kb_root, "da")
    with RenderAhead([(broken, "site"), (broken, "overview")]) as ahead:
        assert ahead.take(other, ()) is None  # not given: nothing to wait for
        assert ahead.take(broken, ()) is None
        assert ahead.take(broken, (), "overview") is None


def test_closing_stops_the_second_process_and_removes_its_files(kb_root):
    ahead = RenderAhead([(edition_of(kb_root, lang), "site") for lang in ("sv", "da", "en")])
    ahead.close()
    assert not ahead.process.is_alive()
    assert not ahead.folder.exists()
