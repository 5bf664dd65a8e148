"""Shared fixtures: a small, clean knowledge base written into `tmp_path`.

The records read like ones a partner would write: Malmö stad, Greater
Copenhagen (a forum), Vinnova, Innovasjon Norge (`country: NO`), one barrier
about innovation funding and one briefing for a Greater Copenhagen meeting.
Tests add or overwrite one file to break exactly one thing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from barrierkb.records.check import check
from barrierkb.records.diagnostics import Diagnostic
from barrierkb.records.load import load
from barrierkb.records.overlay import apply_overlay

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

BARRIER_ID = "funding-domestic-recipients"
BARRIER_PATH = f"barriers/{BARRIER_ID}.yml"
BRIEFING_ID = "2026-05-20-greater-copenhagen"

MALMO = """\
# yaml-language-server: $schema=../schema/stakeholder.schema.json
id: malmo-stad
name: Malmö stad
type: municipality
country: SE
level: local
url: https://malmo.se/
description:
  sv: "Malmö kommun, hemorganisation för Gränshinderbasen."
  en: "The City of Malmö, home organisation of this knowledge base."
relations:
  - type: member_of
    target: greater-copenhagen
    note: "Malmö stad driver arbetsmarknadsintegration över Öresund inom Greater Copenhagen."
    cite: "[@gc-organisering]"
power: 2
interest: 5
sources:
  - id: gc-organisering
    title: "Organisering"
    publisher: "Greater Copenhagen"
    url: https://www.greatercph.se/komiteen/organisering
"""

GREATER_COPENHAGEN = """\
# yaml-language-server: $schema=../schema/stakeholder.schema.json
id: greater-copenhagen
name: Greater Copenhagen
type: forum
country: DK
level: regional
url: https://www.greatercph.com/
description: "Dansk-svenskt politiskt samarbete mellan kommuner och regioner."
power: 3
interest: 5
"""

VINNOVA = """\
# yaml-language-server: $schema=../schema/stakeholder.schema.json
id: vinnova
name: Vinnova
type: agency
country: SE
level: national
url: https://www.vinnova.se/
description: "Sveriges innovationsmyndighet."
power: 4
interest: 2
"""

INNOVASJON_NORGE = """\
# yaml-language-server: $schema=../schema/stakeholder.schema.json
id: innovasjon-norge
name: Innovasjon Norge
type: agency
country: NO
level: national
url: https://www.innovasjonnorge.no/
description:
  sv: "Norges statliga organ för innovation och näringsutveckling."
  nb: "Statens virkemiddelaktør for innovasjon og utvikling av norsk næringsliv."
power: 4
interest: 2
"""

BARRIER = """\
# yaml-language-server: $schema=../schema/barrier.schema.json
id: funding-domestic-recipients
title:
  sv: "Statliga innovationsmedel går bara till inhemska stödmottagare"
  en: "Public innovation funding is open only to domestic recipients"
  da: "Statslige innovationsmidler går kun til indenlandske modtagere"
summary:
  sv: "Vinnova och Innovasjon Norge ger bara stöd till företag i det egna landet."
  en: "Vinnova and Innovasjon Norge fund only firms in their own country."
  da: "Vinnova og Innovasjon Norge støtter kun virksomheder i eget land."
description: |
  Vinnova och Innovasjon Norge kräver att stödmottagarna finns i det egna landet
  [@ksau-2026-03-23, uppdrag 3].

  Det hämmar små och medelstora företag som vill använda testbäddar i grannlandet
  [@ksau-2026-03-23, uppdrag 3].
status: raised
status_history:
  - date: 2026-01-15
    status: identified
    date_basis: reported
    note: "Svinesundskommittén gör Gränshinderrådet uppmärksamt på frågan."
    cite: "[@ksau-2026-03-23, uppdrag 3]"
  - date: 2026-03-23
    status: raised
    date_basis: reported
    forum: greater-copenhagen
    cite: "[@ksau-2026-03-23, uppdrag 3]"
borders: [SE-DK, SE-NO]
themes: [research_innovation, funding]
obstacle_type: legal
responsible:
  - {stakeholder: vinnova, role: rule_owner, cite: "[@ksau-2026-03-23, uppdrag 3]"}
  - {stakeholder: innovasjon-norge, role: rule_owner, cite: "[@ksau-2026-03-23, uppdrag 3]"}
stakeholders:
  - {stakeholder: malmo-stad, role: advocate, cite: "[@ksau-2026-03-23, uppdrag 3]"}
forums: [greater-copenhagen]
ask: "Att Vinnova och Innovasjon Norge låter stöd användas för testbäddar i grannlandet."
sources:
  - id: ksau-2026-03-23
    title: "Återrapportering av uppdrag från kommunstyrelsen"
    publisher: "Malmö stad, Stadskontoret"
    url: https://malmo.se/
    date: 2026-03-23
contributors: [malmo-stad]
owner: "Malmö stad, Stadskontoret, Omvärld och näringsliv"
last_reviewed: 2026-03-23
review_due: 2099-03-23
"""

BRIEFING = """\
id: 2026-05-20-greater-copenhagen
title: "Greater Copenhagens arbetsmarknadsutskott, maj 2026"
date: 2026-05-20
forum: greater-copenhagen
attendees: [malmo-stad, vinnova]
purpose: "Få stöd för en gemensam nordisk hållning om stödmottagare."
barriers:
  - barrier: funding-domestic-recipients
    ask: "Att Greater Copenhagen tar upp frågan med Nordiska ministerrådet."
"""

CLEAN_KB: dict[str, str] = {
    "stakeholders/malmo-stad.yml": MALMO,
    "stakeholders/greater-copenhagen.yml": GREATER_COPENHAGEN,
    "stakeholders/vinnova.yml": VINNOVA,
    "stakeholders/innovasjon-norge.yml": INNOVASJON_NORGE,
    BARRIER_PATH: BARRIER,
    f"briefings/{BRIEFING_ID}.yml": BRIEFING,
}


def copy_repo(target: Path) -> Path:
    """A copy of the repository (records, docs, node_modules) where a test may change files."""
    shutil.copytree(
        REPO,
        target,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "site", "site-internal", "build", "screenshots", "__pycache__"
        ),
        symlinks=True,
    )
    return target


#: The overlay of internal material, as the city office would keep it beside the public tree:
#: notes on a public barrier, an internal stakeholder with a functional mailbox, and talking
#: points for the briefing. Each holds a marker that must never reach a public output.
OVERLAY_MARKER = "HEMLIGT-OVERLAY-7c1"
OVERLAY: dict[str, str] = {
    BARRIER_PATH: f"""\
id: {BARRIER_ID}
internal_notes: "Vinnova har muntligen sagt att villkoren ses över. {OVERLAY_MARKER}-anteckning"
""",
    "stakeholders/intern-arbetsgrupp.yml": f"""\
id: intern-arbetsgrupp
name: "Intern arbetsgrupp för testbäddar {OVERLAY_MARKER}-post"
type: other
country: SE
level: local
visibility: internal
channels:
  - {{kind: mailbox, value: "testbaddar@malmo.se", note: "{OVERLAY_MARKER}-kanal"}}
""",
    f"briefings/{BRIEFING_ID}.yml": f"""\
id: {BRIEFING_ID}
talking_points:
  {BARRIER_ID}:
    - "Vi vet att Vinnova ser över villkoren. {OVERLAY_MARKER}-budskap"
""",
}


def make_overlay(root: Path) -> Path:
    """Write the overlay into `root` and return `root`."""
    for rel, text in OVERLAY.items():
        write(root, rel, text)
    return root


def write(root: Path, rel: str, content: str | bytes) -> Path:
    """Write one record file under `root`, creating its folder."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def make_kb(root: Path) -> Path:
    """Write the clean knowledge base into `root` and return `root`."""
    for rel, text in CLEAN_KB.items():
        write(root, rel, text)
    return root


def git(root: Path, *args: str, date: str | None = None) -> str:
    """Run git in `root` as a test author; `date` (ISO) fixes the commit dates."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(
        ["git", "-C", str(root), *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def diagnose(root: Path, today=None, overlay: Path | None = None) -> list[Diagnostic]:
    """load (with the overlay, when given) + check, the library way."""
    kb = load(root)
    if overlay is not None:
        apply_overlay(kb, overlay)
    return check(kb, today=today)


def where(diagnostics: list[Diagnostic]) -> set[tuple[str, str, int, int]]:
    """(code, path, line, col) of each diagnostic, for exact comparisons."""
    return {(d.code, d.path, d.line, d.col) for d in diagnostics}


def line_of(text: str, snippet: str) -> int:
    """The 1-based line of the first line of `text` that contains `snippet`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if snippet in line:
            return number
    raise AssertionError(f"{snippet!r} is not in the text")


def run_cli(
    *args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """Run `barrierkb ARGS` in a fresh interpreter, as a partner would."""
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "barrierkb.cli", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def overlay_root(tmp_path: Path) -> Path:
    """A folder holding the overlay of internal material (beside the knowledge base)."""
    return make_overlay(tmp_path / "overlay")


@pytest.fixture
def kb_root(tmp_path: Path) -> Path:
    """A folder holding the clean knowledge base."""
    return make_kb(tmp_path / "kb")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The repository's site as `make site` builds it (every edition), once per test run:
    the browser tests, the file-level checks and the build tests all read this one."""
    from browser import build_site

    return build_site(tmp_path_factory.mktemp("site") / "site")
