"""Packs a policy officer hands out: the FIRS pack, for partners and for the city, read back.

The partner (public) version and the internal version of the same pack are
printed once each and read as text; the Word version is read back with
python-docx and, where LibreOffice is installed (CI installs it), opened and
converted to PDF by it, an independent program.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from barrierkb.cli import main
from barrierkb.records import load
from barrierkb.records.lang import localized
from barrierkb.site import pdf
from barrierkb.site.agenda import ordered
from barrierkb.site.printing import long_date

REPO = Path(__file__).resolve().parents[1]
KB = load(REPO)
EXAMPLE = "2026-05-20-firs-testbaddar"
MEETING = KB.examples[EXAMPLE]
OVERLAY = REPO / "examples" / "overlay"
#: Words only routes and allies use (their headings and the inferred step).
STRATEGY_WORDS = ("Väg in", "Vägar in", "Allierade", "antaget steg", "Budskap")
REQUIRED = bool(os.environ.get("BARRIERKB_CI") or os.environ.get("BARRIERKB_REQUIRE_BROWSER"))
HAVE_ENGINE = any(shutil.which(name) for name in pdf.ENGINES)
needs_engine = pytest.mark.skipif(not HAVE_ENGINE and not REQUIRED, reason="no Chromium")


def squash(value: str) -> str:
    return re.sub(r"[\s\u00ad]+", "", value)


def brief(tmp: Path, *args: str) -> Path:
    out = tmp / f"pack-{abs(hash(args))}{'.docx' if '--format' in args else '.pdf'}"
    assert main(["brief", *args, "-o", str(out)]) == 0
    return out


def texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    """The FIRS example pack for partners and for the city, and the forum's ad-hoc pack."""
    tmp = tmp_path_factory.mktemp("packs")
    with contextlib.chdir(REPO):
        return {
            "public": texts(brief(tmp, EXAMPLE)),
            "internal": texts(
                brief(tmp, EXAMPLE, "--audience", "internal", "--overlay", str(OVERLAY))
            ),
            "forum": texts(brief(tmp, "--forum", "FIRS", "--date", "2026-05-20")),
        }


def _cover_order(cover: str, barriers) -> list[int]:
    flat = squash(cover)
    return [flat.index(squash(str(localized(b.title)))) for b in barriers]


@needs_engine
@pytest.mark.parametrize("version", ["public", "internal"])
def test_cover_lists_every_barrier_in_priority_order(packs, version):
    pages = packs[version]
    agenda = [b for _, b in ordered(KB, MEETING.barriers)]
    positions = _cover_order(pages[0], agenda)  # every title is on the cover ...
    assert positions == sorted(positions)  # ... in the pack's order
    ranks = [("high", "medium", "low", None).index(b.priority) for b in agenda]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1  # by priority, and they differ
    # the cover is one page; then a page per barrier and, after a meeting, the outcome's
    assert len(pages) == 1 + len(agenda) + (MEETING.outcome is not None)


@needs_engine
@pytest.mark.parametrize("version", ["public", "internal", "forum"])
def test_the_meeting_date_is_printed_not_today(packs, version):
    cover = packs[version][0]
    assert long_date(dt.date(2026, 5, 20), "sv") in cover
    assert long_date(dt.date.today(), "sv") not in cover


@needs_engine
def test_partner_version_says_so_and_holds_no_strategy(packs):
    text = " ".join(packs["public"])
    assert "Version för partner" in packs["public"][0]
    assert [w for w in STRATEGY_WORDS if w in text] == []
    assert squash(load_overlay_point()) not in squash(text)


@needs_engine
def test_internal_version_carries_routes_and_talking_points(packs):
    text = " ".join(packs["internal"])
    assert "Intern version" in packs["internal"][0]
    assert "Väg in" in text and "Budskap" in text
    assert squash(load_overlay_point()) in squash(text)


@needs_engine
def test_forum_pack_matches_the_forum_whatever_its_case(packs):
    text = squash(" ".join(packs["forum"]))
    raised = [b for b in KB.barriers.values() if "firs" in b.forums and b.status != "solved"]
    assert raised and all(squash(str(localized(b.title))) in text for b in raised)


def load_overlay_point() -> str:
    """The words of the example overlay's second talking point, without its citation."""
    import yaml

    path = OVERLAY / "examples" / "briefings" / f"{EXAMPLE}.yml"
    points = yaml.safe_load(path.read_text("utf-8"))["talking_points"]
    return next(iter(points.values()))[1].split(" [@")[0]


# -- Word ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def word_pack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("word")
    with contextlib.chdir(REPO):
        return brief(tmp, EXAMPLE, "--format", "docx")


def test_word_pack_has_every_barrier_heading_and_the_cover_table(word_pack):
    doc = Document(str(word_pack))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for n, (_, barrier) in enumerate(ordered(KB, MEETING.barriers), start=1):
        assert f"{n}. {localized(barrier.title)}" in headings
    cover = doc.tables[0]
    assert len(cover.rows) == 1 + len(MEETING.barriers)
    assert _has_page_field(doc)


def _has_page_field(doc) -> bool:
    return any(
        "PAGE" in (f.get(f"{{{W}}}instr") or "")
        for f in doc.sections[0].footer._element.iter(f"{{{W}}}fldSimple")
    )


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_word_pack_is_the_same_bytes_twice(word_pack, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    assert brief(tmp_path, EXAMPLE, "--format", "docx").read_bytes() == word_pack.read_bytes()


def test_libreoffice_opens_the_word_pack(word_pack, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if REQUIRED:
            pytest.fail("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
        pytest.skip("LibreOffice is not installed")
    profile = tmp_path / "profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(word_pack)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    converted = tmp_path / (word_pack.stem + ".pdf")
    assert converted.is_file(), result.stderr
    text = squash(" ".join(texts(converted)))
    for _, barrier in ordered(KB, MEETING.barriers):
        assert squash(str(localized(barrier.title))) in text


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--forum", "firz"], "did you mean 'firs'?"),
        (["--forum", "firs", "--status", "lyfted"], "did you mean 'raised'?"),
        (["--forum", "firs", "--theme", "arbetsmarknd"], "did you mean"),
        (["--forum", "firs", "--priority", "hgh"], "did you mean 'high'?"),
        (["no-such-meeting"], "there is no briefing"),
        (["--forum", "firs", "--date", "20 maj"], "write YYYY-MM-DD"),
    ],
)
def test_unknown_values_exit_2_with_one_line_and_a_suggestion(
    args, expected, tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(REPO)
    assert main(["brief", *args, "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert expected in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_status_given_by_its_label_in_any_language_is_understood(tmp_path, monkeypatch):
    from barrierkb.site.packs import PackRequest, choose_briefing

    for label in ("Lyft", "raised", "Rejst", "RAISED"):
        briefing = choose_briefing(
            KB, PackRequest(forum="FIRS", statuses=(label,)), dt.date(2026, 5, 1)
        )
        assert {KB.barriers[i.barrier].status for i in briefing.barriers} == {"raised"}


def test_internal_pack_without_an_overlay_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("BARRIERKB_OVERLAY", raising=False)
    assert main(["brief", EXAMPLE, "--audience", "internal", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "overlay" in capsys.readouterr().err
