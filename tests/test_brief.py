"""Briefings as PDF: one cover plus one page per agenda barrier, the asks in full."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_repo, write
from pypdf import PdfReader

from barrierkb.cli import main
from barrierkb.records import load
from barrierkb.records.lang import localized
from barrierkb.records.model import EXAMPLES
from barrierkb.site import pdf
from barrierkb.site.agenda import ordered

REPO = Path(__file__).resolve().parents[1]
HAVE_ENGINE = any(shutil.which(name) for name in pdf.ENGINES)
needs_engine = pytest.mark.skipif(
    not HAVE_ENGINE and not os.environ.get("BARRIERKB_REQUIRE_BROWSER"),
    reason="no Chromium to print with",
)
KB = load(REPO)
#: The banner an example briefing (no real meeting) carries, and a real one never does.
EXAMPLE_BANNER = "Exempel – inget verkligt möte."


def squash(value: str) -> str:
    """Text without white space or soft hyphens, to compare across line breaks."""
    return re.sub(r"[\s\u00ad]+", "", value)


def pdf_text(path: Path) -> tuple[int, list[str]]:
    reader = PdfReader(path)
    return len(reader.pages), [page.extract_text() or "" for page in reader.pages]


def with_real_briefing(tmp_path: Path, example_id: str) -> Path:
    """A copy of the repository where the example is a real briefing in briefings/.

    The repository ships no real briefing (a real one describes a sourced meeting),
    so the real case is made from a shipped example by dropping `example: true`.
    """
    root = copy_repo(tmp_path / "repo")
    example = root / EXAMPLES / f"{example_id}.yml"
    text = example.read_text(encoding="utf-8")
    assert "example: true\n" in text
    real = text.replace("example: true\n", "").replace("../../schema/", "../schema/")
    # the example's invented outcome stays with the example
    real = real.split("\n# What an outcome looks like", 1)[0].rstrip("\n") + "\n"
    write(root, f"briefings/{example_id}.yml", real)
    example.unlink()
    return root


@needs_engine
@pytest.mark.parametrize("kind", ["example", "real"])
@pytest.mark.parametrize("briefing_id", sorted(KB.examples))
def test_briefing_pdf_has_a_cover_and_one_page_per_barrier(
    briefing_id, kind, tmp_path, monkeypatch
):
    root = REPO if kind == "example" else with_real_briefing(tmp_path, briefing_id)
    monkeypatch.chdir(root)
    kb = load(root)
    briefing = (kb.examples if kind == "example" else kb.briefings)[briefing_id]
    out = tmp_path / f"{briefing_id}.pdf"
    assert main(["brief", briefing_id, "-o", str(out)]) == 0
    pages, texts = pdf_text(out)
    # a cover, a page per barrier and, after a meeting, a page for its outcome
    assert pages == 1 + len(briefing.barriers) + (briefing.outcome is not None)
    for number, (item, barrier) in enumerate(ordered(kb, briefing.barriers), start=1):
        page = squash(texts[number])
        assert squash(localized(barrier.title)) in page, (
            f"title of {barrier.id} on page {number + 1}"
        )
        ask = localized(item.ask) if item.ask else localized(barrier.ask)
        assert squash(ask) in page, f"ask of {barrier.id} on page {number + 1}"
    everything = " ".join(texts)
    for chrome in ("Sök", "Registret", "Nätverket", "Hoppa till innehåll"):
        assert chrome not in everything
    assert squash(localized(briefing.title)) in squash(texts[0])
    assert f"Sida 1 av {pages}" in texts[0]
    # an example says so on its cover; a real briefing does not
    assert (squash(EXAMPLE_BANNER) in squash(texts[0])) == (kind == "example")


@needs_engine
def test_adhoc_pack_lists_the_open_barriers_raised_at_a_forum(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    out = tmp_path / "firs.pdf"
    assert main(["brief", "--forum", "firs", "-o", str(out)]) == 0
    raised = [
        b
        for b in KB.barriers.values()
        if "firs" in b.forums and b.status not in ("solved", "written_off")
    ]
    pages, texts = pdf_text(out)
    assert pages == 1 + len(raised)
    for barrier in raised:
        assert squash(localized(barrier.title)) in squash(" ".join(texts))


def test_missing_engine_names_the_package_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    briefing_id = sorted(KB.examples)[0]
    assert main(["brief", briefing_id, "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "chromium" in err and "apt-get install" in err
    assert "Traceback" not in err


def test_unknown_briefing_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    assert main(["brief", "no-such-meeting", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "no-such-meeting" in capsys.readouterr().err
