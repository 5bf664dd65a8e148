"""The built site: every record has its page, nothing internal leaks, builds repeat."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_repo
from pypdf import PdfReader

from barrierkb.records import load
from barrierkb.records.lang import localized
from barrierkb.site.pdf import EngineMissing, find_engine

REPO = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).parent / "mkdocs"
SECRET = "HEMLIGT-7f3a"  # a marker that only the overlay's internal records and notes contain

INTERNAL_BARRIER = f"""\
id: intern-forhandling
title: "Intern förhandlingsposition {SECRET}"
summary: "Ett hinder som bara syns internt {SECRET}."
status: identified
borders: [SE-DK]
themes: [labour_market]
forums: [firs]
responsible:
  - {{stakeholder: arbetsformedlingen, role: rule_owner, cite: "[@internt-underlag]"}}
sources:
  - {{id: internt-underlag, title: "Internt underlag", publisher: "Malmö stad, Stadskontoret"}}
owner: "Malmö stad, Stadskontoret"
last_reviewed: 2026-03-23
visibility: internal
internal_notes: "Anteckning {SECRET}"
"""

INTERNAL_STAKEHOLDER = f"""\
id: intern-kontakt
name: "Intern arbetsgrupp {SECRET}"
type: other
country: SE
level: local
visibility: internal
"""

#: An internal meeting with an outcome, and a coming one: never in the public build, feed or
#: calendars.
INTERNAL_MEETING = f"""\
id: 2026-04-01-intern-avstamning
title: "Intern avstämning {SECRET}"
date: 2026-04-01
forum: firs
visibility: internal
barriers:
  - barrier: funding-domestic-recipients-se
outcome:
  summary: "Avstämningen enades om nästa steg {SECRET} [@internt-protokoll]."
  cite: "[@internt-protokoll]"
  items:
    - barrier: funding-domestic-recipients-se
      result: "Stadskontoret tar frågan vidare."
      commitments:
        - {{by: malmo-stad, what: "Skriva ett internt underlag {SECRET}.", due: 2099-01-31}}
sources:
  - {{id: internt-protokoll, title: "Internt protokoll", publisher: "Malmö stad, Stadskontoret"}}
"""
INTERNAL_COMING = f"""\
id: 2099-01-15-intern-forberedelse
title: "Intern förberedelse {SECRET}"
date: 2099-01-15
forum: firs
visibility: internal
barriers:
  - barrier: funding-domestic-recipients-se
"""

#: A functional channel of a public forum, kept in the overlay.
CHANNEL = f"""\
id: firs
channels:
  - {{kind: mailbox, value: "kansli-{SECRET}@example.org", note: "Kansliet"}}
"""

#: An internal note on a public record of the repository, kept in the overlay.
INTERNAL_NOTES = f"""\
id: funding-domestic-recipients-se
internal_notes: "Taktik {SECRET}"
"""


#: A talking point for an example briefing, kept in the overlay: strategy, internal only.
TALK = "BUDSKAP-91c2"
TALKING_POINTS = f"""id: 2026-05-20-firs-testbaddar
talking_points:
  funding-domestic-recipients-se:
    - "Stödvillkoren hindrar testbäddar över gränsen, {TALK} [@ksau-2026-03-23, uppdrag 3]."
"""


def build(
    repo: Path,
    out: Path,
    audience: str = "public",
    epoch: str = "1790000000",
    log: list | None = None,
    overlay: Path | None = None,
) -> Path:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BARRIERKB_AUDIENCE": audience,
        "SOURCE_DATE_EPOCH": epoch,
    }
    if overlay is not None:
        env["BARRIERKB_OVERLAY"] = str(overlay)
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-d", str(out), *(() if log is not None else ("-q",))],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    if log is not None:
        log.append(result.stderr)
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(REPO, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="module")
def repo_with_internal(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the repository and, beside it, an overlay of internal records and notes."""
    folder = tmp_path_factory.mktemp("repo")
    repo = copy_repo(folder / "repo")
    overlay = folder / "overlay"
    for rel, text in {
        "barriers/intern-forhandling.yml": INTERNAL_BARRIER,
        "stakeholders/intern-kontakt.yml": INTERNAL_STAKEHOLDER,
        "barriers/funding-domestic-recipients-se.yml": INTERNAL_NOTES,
        "stakeholders/firs.yml": CHANNEL,
        "briefings/2026-04-01-intern-avstamning.yml": INTERNAL_MEETING,
        "briefings/2099-01-15-intern-forberedelse.yml": INTERNAL_COMING,
        "examples/briefings/2026-05-20-firs-testbaddar.yml": TALKING_POINTS,
    }.items():
        (overlay / rel).parent.mkdir(parents=True, exist_ok=True)
        (overlay / rel).write_text(text, encoding="utf-8")
    assert (repo / "barriers" / "funding-domestic-recipients-se.yml").is_file()
    return repo, overlay


def all_text(folder: Path) -> dict[Path, str]:
    out = {}
    for path in folder.rglob("*"):
        if path.is_file():
            out[path] = path.read_bytes().decode("utf-8", "replace")
    return out


def test_every_public_record_has_its_page(site):
    kb = load(REPO)
    for kind in ("barriers", "stakeholders", "briefings"):
        for record_id, record in kb.records(kind).items():
            if record.visibility == "public":
                assert (site / kind / f"{record_id}.html").is_file(), f"{kind}/{record_id}"
    for facet in ("status", "tema", "grans", "forum"):
        assert any((site / "register" / facet).iterdir())


def test_downloads_and_feed_are_built(site):
    for path in (
        "data/granshinderbasen.json",
        "data/hinder.csv",
        "data/aktorer.csv",
        "data/granshinderbasen.xlsx",
        "data/natverk.graphml",
        "data/natverk.json",
        "feed.xml",
        "schema/barrier.schema.json",
        "search/search_index.js",
    ):
        assert (site / path).is_file(), path


def test_data_page_lists_each_download_at_its_size_on_disk(site):
    """A file with characters beyond ASCII must not be listed by its length in characters."""
    listed = re.findall(
        r'<a href="([^"]+)" download>[^<]*</a></td><td>[^<]*</td><td>[^<]*</td><td>([\d.]+) KiB',
        (site / "data.html").read_text(encoding="utf-8"),
    )
    assert len(listed) >= 10
    for href, kib in listed:
        assert float(kib) == round((site / href).stat().st_size / 1024, 1), href


def test_feed_is_valid_atom(site):
    import xml.etree.ElementTree as ET

    root = ET.parse(site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("a:id", "a:title", "a:updated"):
        assert root.find(required, ns) is not None
    entries = root.findall("a:entry", ns)
    assert entries
    for entry in entries:
        for required in ("a:id", "a:title", "a:updated", "a:link"):
            assert entry.find(required, ns) is not None


@pytest.fixture(scope="module")
def public_site(repo_with_internal, tmp_path_factory) -> Path:
    """The public build of the copy, with the overlay named as on the city office's machine."""
    repo, overlay = repo_with_internal
    return build(repo, tmp_path_factory.mktemp("public") / "site", overlay=overlay)


@pytest.fixture(scope="module")
def internal_site(repo_with_internal, tmp_path_factory) -> Path:
    repo, overlay = repo_with_internal
    out = tmp_path_factory.mktemp("internal") / "site"
    return build(repo, out, audience="internal", overlay=overlay)


def test_public_build_holds_nothing_internal(public_site):
    # the overlay is named, as on the city office's machine: the public build never reads it
    out = public_site
    leaks = [str(p.relative_to(out)) for p, text in all_text(out).items() if SECRET in text]
    assert leaks == []
    assert not (out / "barriers" / "intern-forhandling.html").exists()
    assert not (out / "stakeholders" / "intern-kontakt.html").exists()
    assert "intern-forhandling" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    # neither internal meeting, nor the outcome and commitment of one, reach a calendar or feed
    for download in ("data/meetings.ics", "data/reviews.ics", "feed.xml"):
        text = (out / download).read_text(encoding="utf-8")
        assert "intern-avstamning" not in text and "intern-forberedelse" not in text, download


def test_internal_build_shows_internal_records_and_notes(internal_site):
    out = internal_site
    page = (out / "barriers" / "intern-forhandling.html").read_text(encoding="utf-8")
    assert SECRET in page
    notes = (out / "barriers" / "funding-domestic-recipients-se.html").read_text(encoding="utf-8")
    assert f"Taktik {SECRET}" in notes
    channel = (out / "stakeholders" / "firs.html").read_text(encoding="utf-8")
    assert f"kansli-{SECRET}@example.org" in channel
    assert SECRET in (out / "data" / "meetings.ics").read_text(encoding="utf-8")
    assert f"Skriva ett internt underlag {SECRET}" in (
        out / "briefings" / "ataganden.html"
    ).read_text(encoding="utf-8")


def _has_browser() -> bool:
    try:
        find_engine()
    except EngineMissing:
        return False
    return True


@pytest.mark.skipif(
    not _has_browser() and not os.environ.get("BARRIERKB_CI"), reason="no Chromium or Chrome"
)
def test_overlay_reaches_the_internal_pack_and_never_the_public_one(repo_with_internal, tmp_path):
    repo, overlay = repo_with_internal
    texts = {}
    for audience in ("public", "internal"):
        out = tmp_path / f"{audience}.pdf"
        result = subprocess.run(
            [str(MKDOCS.parent / "barrierkb"), "brief", "--forum", "firs", "--audience", audience,
             "--overlay", str(overlay), "-o", str(out)],
            cwd=repo, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        texts[audience] = " ".join(p.extract_text() or "" for p in PdfReader(out).pages)
    flat = {k: re.sub(r"\s+", "", v) for k, v in texts.items()}
    for marker in (
        "Intern förhandlingsposition",
        f"Taktik{SECRET}",
        f"kansli-{SECRET}@example.org",
    ):
        assert marker.replace(" ", "") in flat["internal"], marker
    assert SECRET not in flat["public"]


#: What only the home organisation's strategy shows: routes, allies and their words.
STRATEGY_MARKS = ("bkb-routes", "bkb-allies", "antaget steg", 'id="vagar-in"', 'id="allierade"')


def test_public_site_shows_no_route_ally_or_talking_point(public_site):
    shown = {
        str(p.relative_to(public_site)): [m for m in (*STRATEGY_MARKS, TALK) if m in text]
        for p, text in all_text(public_site).items()
        if p.relative_to(public_site).parts[0] != "assets"  # the stylesheets name the classes
    }
    assert {page: marks for page, marks in shown.items() if marks} == {}
    network = (public_site / "network.html").read_text(encoding="utf-8")
    assert "Allierade till" not in network and 'id="vem-hemorganisationen-nar"' in network


def test_internal_site_shows_routes_allies_and_talking_points(internal_site):
    barrier = (internal_site / "barriers" / "funding-domestic-recipients-se.html").read_text(
        encoding="utf-8"
    )
    assert 'id="vagar-in"' in barrier and 'class="bkb-routes"' in barrier
    assert 'id="allierade"' in barrier and 'class="bkb-allies"' in barrier
    example = (internal_site / "examples" / "2026-05-20-firs-testbaddar.html").read_text(
        encoding="utf-8"
    )
    assert TALK in example and "bkb-routes" in example
    assert "Allierade till" in (internal_site / "network.html").read_text(encoding="utf-8")


def test_two_builds_are_identical(site, tmp_path):
    again = build(REPO, tmp_path / "again")
    first, second = all_text(site), all_text(again)
    assert sorted(p.relative_to(site) for p in first) == sorted(
        p.relative_to(again) for p in second
    )
    differ = [
        str(p.relative_to(site))
        for p in first
        if p.name not in ("sitemap.xml", "sitemap.xml.gz")
        and (site / p.relative_to(site)).read_bytes() != (again / p.relative_to(site)).read_bytes()
    ]
    assert differ == []


def test_jinja_in_record_text_is_shown_as_text(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    record = (
        INTERNAL_BARRIER.replace("intern-forhandling", "jinja-i-text")
        .replace("visibility: internal\n", "")
        .replace(f'internal_notes: "Anteckning {SECRET}"\n', "")
    )
    record += 'ask: "Vi ber om {{ 7*7 }} och {% if true %}ja{% endif %}."\n'
    (repo / "barriers" / "jinja-i-text.yml").write_text(record, encoding="utf-8")
    out = build(repo, tmp_path / "site")
    page = (out / "barriers" / "jinja-i-text.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page and "{% if true %}" in page
    assert "Vi ber om 49" not in page


def test_broken_record_fails_the_build_and_removes_the_old_site(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    out = build(repo, tmp_path / "site")
    assert (out / "index.html").is_file()
    (repo / "barriers" / "trasig.yml").write_text("id: trasig\ntitle: [\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-d", str(out)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "barriers/trasig.yml:" in result.stderr and "error[yaml-syntax]" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_search_indexes_record_text_but_not_links_to_other_records(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    barrier = load(REPO).barriers["funding-domestic-recipients-se"]
    page = f"barriers/{barrier.id}.html"
    sections = [d for d in index["docs"] if d["location"].split("#")[0] == page]
    # The summary sits in the page's first section, under the title.
    first = next(d for d in sections if d["location"] == page)
    assert max(localized(barrier.summary).split(), key=len) in first["text"]
    titles = {d["title"] for d in sections}
    assert {"Beskrivning", "Vem kan lösa det"} <= titles
    assert not titles & {"Andra aktörer", "Forum", "Källor", "Om posten"}
    # What search did not see is still on the page, and no placeholder is left.
    html = (site / page).read_text(encoding="utf-8")
    assert 'id="andra-aktorer"' in html and 'id="forum"' in html and 'id="kallor"' in html
    assert not [p for p, t in all_text(site).items() if "bkb:held" in t]


def test_build_reports_the_time_spent_in_barrierkb(tmp_path):
    log: list[str] = []
    start = time.perf_counter()
    build(REPO, tmp_path / "site", log=log)
    # A build is quiet (MkDocs' own "Documentation built in" line is not printed), so the
    # whole run of `mkdocs build` is the clock the plugin's time is measured against.
    total = time.perf_counter() - start
    ours = re.search(
        r"barrierkb: ([0-9.]+) s in this plugin \(load and check ([0-9.]+) s, "
        r"render ([0-9.]+) s, page events ([0-9.]+) s\)",
        log[0],
    )
    assert ours, log[0][-2000:]
    own, *parts = (float(x) for x in ours.groups())
    # Rendering pages always takes measurable time; the other parts may round to 0.00.
    assert parts[1] > 0 and all(p >= 0 for p in parts)
    assert abs(sum(parts) - own) <= 0.02
    # Loading, rendering and the page events all happen within the run of the build.
    assert own <= total + 0.01


def test_the_shipped_examples_show_the_loop_only_on_their_own_pages(site):
    first = (site / "examples" / "2026-05-20-firs-testbaddar.html").read_text(encoding="utf-8")
    assert 'id="utfall"' in first and "påhittat åtagande" in first
    later = (site / "examples" / "2026-09-16-firs-uppfoljning.html").read_text(encoding="utf-8")
    assert "Sedan förra mötet" in later and "Ta reda på vad kravet" in later
    assert 'class="bkb-example-banner"' in first and 'class="bkb-example-banner"' in later
    # an example's commitments reach no real page, feed or calendar (search indexes the
    # example's own page, so its index holds them too)
    for path, text in all_text(site).items():
        if path.relative_to(site).parts[0] not in ("examples", "search"):
            assert "påhittat åtagande" not in text, path
    assert "Inga öppna åtaganden." in (site / "briefings" / "ataganden.html").read_text("utf-8")


def test_reviews_calendar_holds_every_public_barriers_review_date(site):
    import vobject

    kb = load(REPO)
    calendar = vobject.readOne((site / "data" / "reviews.ics").read_text(encoding="utf-8"))
    dates = {e.uid.value.split("@")[0]: e.dtstart.value for e in calendar.vevent_list}
    public = {
        f"review-{b.id}": b.review_due for b in kb.barriers.values() if b.visibility == "public"
    }
    assert dates == public
    assert None not in public.values()
