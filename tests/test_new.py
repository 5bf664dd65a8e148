"""`barrierkb new`: a template that check refuses until every placeholder is filled."""

from __future__ import annotations

import datetime as dt
import re

from conftest import diagnose, run_cli

from barrierkb import cli
from barrierkb.records.model import PLACEHOLDER, Barrier
from barrierkb.records.slugs import make_id
from barrierkb.workflow.new import new_barrier

TITLE = "Tredjelandsmedborgare får inte arbeta i Danmark"
SLUG = "tredjelandsmedborgare-far-inte-arbeta-i-danmark"

#: What a partner writes over each placeholder line of the template.
FILLED = {
    r"^title: .*$": (
        "title: {sv: 'Tredjelandsmedborgare får inte arbeta i Danmark', "
        "en: 'Third-country nationals may not work in Denmark', "
        "da: 'Tredjelandsborgere må ikke arbejde i Danmark'}"
    ),
    r"^summary: .*$": (
        "summary: {sv: 'Tredjelandsmedborgare med uppehållstillstånd i Sverige "
        "får inte ta arbete i Danmark utan ett eget danskt arbetstillstånd.', "
        "en: 'Third-country nationals resident in Sweden may not work in Denmark.', "
        "da: 'Tredjelandsborgere bosat i Sverige må ikke arbejde i Danmark.'}"
    ),
    r"^themes: .*$": "themes: [labour_market, migration]",
    r"^  - stakeholder: TODO$": "  - stakeholder: vinnova",
    r"^    cite: .*TODO.*$": "    cite: '[@kalla-1, rubrik Arbetstillstånd]'",
    r"^    title: .*$": "    title: 'Gränshinder för tredjelandsmedborgare'",
    r"^    publisher: .*$": "    publisher: 'Øresunddirekt'",
    r"^    url: .*$": "    url: https://www.oresunddirekt.se/",
    r"^owner: .*$": "owner: 'Malmö stad, Stadskontoret, Omvärld och näringsliv'",
}


def fill(text: str) -> str:
    for pattern, line in FILLED.items():
        text, n = re.subn(pattern, line.replace("\\", "\\\\"), text, count=1, flags=re.M)
        assert n == 1, pattern
    return text


def test_id_is_ascii_lowercase_from_a_swedish_title():
    assert make_id(TITLE) == SLUG
    assert make_id("Åäö ÅÄÖ / ../etc") == "aao-aao-etc"
    assert make_id("!!!") == "hinder"
    assert len(make_id("x" * 200)) <= 50


def test_id_from_a_danish_title_keeps_its_letters_and_cuts_between_words():
    assert make_id("Grænsependlere får ikke MitID – Øresund") == (
        "graensependlere-far-ikke-mitid-oresund"
    )
    long_title = "Grænsependlere der bor i Sverige og arbejder i Danmark får ikke MitID"
    found = make_id(long_title)
    assert len(found) <= 50
    assert long_title.lower().replace("æ", "ae").startswith(found.replace("-", " ")[:10])
    assert found == "graensependlere-der-bor-i-sverige-og-arbejder-i"


def test_new_writes_a_template_with_the_schema_line_first(kb_root, capsys):
    assert cli.main(["new", "--title", TITLE, "--root", str(kb_root)]) == 0
    path = kb_root / "barriers" / f"{SLUG}.yml"
    assert f"wrote {path}" in capsys.readouterr().out
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/barrier.schema.json"


def test_template_names_every_field_of_the_model(tmp_path):
    _, text = new_barrier(tmp_path, TITLE, today=dt.date(2026, 3, 23))
    for name in Barrier.model_fields:
        assert re.search(rf"^(# )?{name}:", text, re.M), name
    assert "last_reviewed: 2026-03-23" in text


def test_new_template_fails_check_with_placeholder_errors(kb_root):
    run = run_cli("new", "--title", TITLE, "--root", str(kb_root))
    assert run.returncode == 0, run.stderr
    run = run_cli("check", str(kb_root))
    assert run.returncode == 1
    rel = f"barriers/{SLUG}.yml"
    found = [d for d in diagnose(kb_root) if d.path == rel]
    assert "placeholder" in {d.code for d in found}
    assert {d.path for d in diagnose(kb_root)} == {rel}
    # every required field left as TODO is named in the same run
    text = (kb_root / rel).read_text(encoding="utf-8")
    todo_lines = {
        n
        for n, line in enumerate(text.splitlines(), 1)
        if PLACEHOLDER in line and not line.startswith("#")
    }
    assert todo_lines <= {d.line for d in found}
    assert f"{rel}:" in run.stdout and "error[placeholder]" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_new_template_passes_check_once_the_placeholders_are_filled(kb_root):
    assert cli.main(["new", "--title", TITLE, "--root", str(kb_root)]) == 0
    path = kb_root / "barriers" / f"{SLUG}.yml"
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert [d.format() for d in diagnose(kb_root)] == []
    run = run_cli("check", str(kb_root))
    assert (run.returncode, run.stdout.strip()) == (0, "0 error(s), 0 warning(s)")


def test_new_never_overwrites_a_record(kb_root, capsys):
    assert cli.main(["new", "--title", TITLE, "--root", str(kb_root)]) == 0
    path = kb_root / "barriers" / f"{SLUG}.yml"
    path.write_text("# mitt arbete\n", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["new", "--title", TITLE, "--root", str(kb_root)]) == 2
    assert "exists already" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "# mitt arbete\n"


def test_new_without_a_title_is_bad_usage(kb_root):
    run = run_cli("new", "--root", str(kb_root))
    assert run.returncode == 2
    assert "--title" in run.stderr
    # nothing was written
    assert [p.name for p in (kb_root / "barriers").iterdir()] == ["funding-domestic-recipients.yml"]


def test_title_with_path_characters_stays_inside_barriers(tmp_path):
    path, _ = new_barrier(tmp_path, "../../etc/passwd")
    assert path.parent == tmp_path / "barriers"
    assert path.name == "etc-passwd.yml"
