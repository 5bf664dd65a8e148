"""The advocacy loop: a meeting's outcome, its commitments, and the next meeting of the forum.

The fixture is a knowledge base in a git repository, as a partner's clone
would be: Greater Copenhagen met on 23 March 2026, where the barrier was
raised and Vinnova and Malmö stad promised things; Vinnova then entered a
dialogue; the forum met again on 20 May 2026, and meets twice more in the autumn.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import vobject
from conftest import (
    BARRIER,
    BARRIER_PATH,
    BRIEFING_ID,
    FIXTURES,
    git,
    make_kb,
    run_cli,
    write,
)

from barrierkb.records.check import check
from barrierkb.records.history import file_history
from barrierkb.records.load import load
from barrierkb.records.outcomes import open_commitments
from barrierkb.site import SiteOptions, render_site
from barrierkb.site.calendars import MEETINGS_PATH, REVIEWS_PATH

TODAY = dt.date(2026, 6, 1)
LATER = "2026-06-02T10:00:00Z"
MARCH = "2026-03-23-greater-copenhagen"

#: The barrier after the March meeting: raised there, then in dialogue with Vinnova.
BARRIER_IN_DIALOGUE = (
    BARRIER.replace("\nstatus: raised\n", "\nstatus: in_dialogue\n")
    .replace(
        """    forum: greater-copenhagen
    cite: "[@ksau-2026-03-23, uppdrag 3]"
borders""",
        """    forum: greater-copenhagen
    cite: "[@ksau-2026-03-23, uppdrag 3]"
  - date: 2026-04-15
    status: in_dialogue
    date_basis: reported
    cite: "[@vinnova-svar-2026-04-15]"
borders""",
    )
    .replace(
        'ask: "Att Vinnova och Innovasjon Norge låter stöd användas för testbäddar i grannlandet."',
        'ask: "Att Vinnova och Innovasjon Norge ändrar villkoren senast 2027."',
    )
    .replace(
        """sources:
  - id: ksau-2026-03-23""",
        """sources:
  - id: vinnova-svar-2026-04-15
    title: "Svar till Greater Copenhagen om stödvillkoren"
    publisher: "Vinnova"
    url: https://www.vinnova.se/
    date: 2026-04-15
  - id: ksau-2026-03-23""",
    )
)

MARCH_MEETING = """\
id: 2026-03-23-greater-copenhagen
title: "Greater Copenhagens arbetsmarknadsutskott, mars 2026"
date: 2026-03-23
forum: greater-copenhagen
attendees: [malmo-stad, vinnova]
barriers:
  - barrier: funding-domestic-recipients
outcome:
  summary: "Utskottet ställde sig bakom att frågan drivs vidare."
  cite: "[@gc-protokoll-2026-03-23, § 4]"
  items:
    - barrier: funding-domestic-recipients
      result: "Frågan togs upp och Vinnova lovade att redovisa villkoren."
      status: raised
      commitments:
        - by: vinnova
          what: "Redovisa villkoren för stöd till testbäddar i grannlandet."
          due: 2026-04-30
        - by: malmo-stad
          what: "Ta fram exempel på företag som berörs, {{ 7*7 }} {% if true %}."
          due: 2099-01-31
sources:
  - id: gc-protokoll-2026-03-23
    title: "Protokoll, arbetsmarknadsutskottet"
    publisher: "Greater Copenhagen"
    url: https://www.greatercph.se/
"""

AUTUMN = """\
id: {id}
title: "Greater Copenhagens arbetsmarknadsutskott, {month} 2026"
date: {date}
forum: greater-copenhagen
barriers:
  - barrier: funding-domestic-recipients
"""


def loop_kb(root: Path) -> Path:
    """The knowledge base of the loop in git: as it stood at the March meeting, then
    the barrier's dialogue with Vinnova, with a new source and a sharper ask, in April."""
    make_kb(root)
    write(root, f"briefings/{MARCH}.yml", MARCH_MEETING)
    # a second barrier, reviewed on its own date
    second = FIXTURES / "invalid" / "outcome-not-on-agenda" / "barriers" / "testbed-vat-refund.yml"
    write(root, "barriers/testbed-vat-refund.yml", second.read_text(encoding="utf-8"))
    for rid, month, date in (
        ("2026-09-15-greater-copenhagen", "september", "2026-09-15"),
        ("2026-11-10-greater-copenhagen", "november", "2026-11-10"),
    ):
        write(root, f"briefings/{rid}.yml", AUTUMN.format(id=rid, month=month, date=date))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    message = "Records: the loop of the Greater Copenhagen meetings"
    git(root, "commit", "-q", "-m", message, date="2026-03-20T10:00:00Z")
    write(root, BARRIER_PATH, BARRIER_IN_DIALOGUE)
    git(root, "commit", "-q", "-am", "Records: Vinnova in dialogue", date="2026-04-16T10:00:00Z")
    return root


@pytest.fixture(scope="module")
def loop(tmp_path_factory) -> tuple[Path, dict]:
    root = loop_kb(tmp_path_factory.mktemp("loop") / "kb")
    kb = load(root)
    assert check(kb, today=TODAY) == []
    site = render_site(kb, SiteOptions(today=TODAY), None, file_history(root))
    return root, site


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_meeting_shows_its_outcome_after_the_agenda(loop):
    _, site = loop
    page = site[f"briefings/{MARCH}.md"]
    assert page.index('id="utfall"') > page.index('id="hinder-1"')
    outcome = text_of(page[page.index('id="utfall"') :])
    assert "Utskottet ställde sig bakom" in outcome
    assert "Status som nåddes vid mötet: Lyft" in outcome
    assert "Redovisa villkoren för stöd till testbäddar" in outcome
    # Jinja in a commitment stays text
    assert "{{ 7*7 }} {% if true %}" in page and "berörs, 49" not in page


def test_markup_in_a_commitment_stays_text_even_unchecked(tmp_path):
    root = loop_kb(tmp_path / "kb")
    text = MARCH_MEETING.replace("som berörs,", "som <script>alert(1)</script> berörs,")
    write(root, f"briefings/{MARCH}.yml", text)
    site = render_site(load(root), SiteOptions(today=TODAY), None, None)
    for page in (f"briefings/{MARCH}.md", "briefings/ataganden.md", "stakeholders/malmo-stad.md"):
        assert "<script>alert" not in site[page] and "&lt;script&gt;" in site[page], page


def test_the_next_meeting_shows_what_changed_since_the_last(loop):
    _, site = loop
    since = text_of(site[f"briefings/{BRIEFING_ID}.md"])
    assert "Sedan förra mötet" in since
    assert re.search(
        r"förra möte \( ?Greater Copenhagens arbetsmarknadsutskott, mars 2026 ?, 2026-03-23", since
    )
    assert "känt per 2026-04-15 I dialog" in since
    # Vinnova's commitment fell due before this meeting and is not met
    assert re.search(
        r"Åtagande av Vinnova, senast 2026-04-30: Redovisa villkoren .*Försenat", since
    )
    # from git: the record's own commit on 2026-04-16, its new source and its new ask
    assert "Ändring i posten 2026-04-16: Records: Vinnova in dialogue" in since
    assert "Ny källa: Svar till Greater Copenhagen om stödvillkoren" in since
    assert "Begäran i posten har ändrats." in since
    assert "Källa borttagen" not in since and "Records: the loop of" not in since


def test_the_first_meeting_of_a_forum_has_nothing_to_compare_with(loop):
    _, site = loop
    assert "Sedan förra mötet" not in site[f"briefings/{MARCH}.md"]


def test_commitments_page_lists_open_commitments_overdue_first(loop):
    root, site = loop
    page = site["briefings/ataganden.md"]
    rows = re.findall(r"<tr><td>.*?</tr>", page)
    assert [re.search(r'datetime="([\d-]+)"', r).group(1) for r in rows] == [
        "2026-04-30",
        "2099-01-31",
    ]
    assert "Försenat" in rows[0] and "Försenat" not in rows[1]
    assert [p.due.isoformat() for p in open_commitments(load(root), TODAY)] == [
        "2026-04-30",
        "2099-01-31",
    ]


def test_barrier_and_stakeholder_pages_list_their_commitments(loop):
    _, site = loop
    barrier = text_of(site["barriers/funding-domestic-recipients.md"])
    assert "Åtaganden om hindret vid möten" in barrier and "2026-04-30" in barrier
    vinnova = text_of(site["stakeholders/vinnova.md"])
    assert "Redovisa villkoren för stöd till testbäddar" in vinnova
    assert "Ta fram exempel" not in vinnova  # Malmö's promise, not Vinnova's


def test_feed_carries_the_outcome(loop):
    _, site = loop
    feed = site["feed.xml"].decode()
    assert "urn:granshinderbasen:briefing:2026-03-23-greater-copenhagen:outcome" in feed
    assert "Utfall: Greater Copenhagens arbetsmarknadsutskott, mars 2026" in feed


def events(ics: bytes) -> list:
    calendar = vobject.readOne(ics.decode("utf-8"))
    return list(calendar.vevent_list)


def test_calendars_hold_the_coming_meetings_and_the_review_dates(loop):
    _, site = loop
    meetings = events(site[MEETINGS_PATH])
    assert [e.dtstart.value.isoformat() for e in meetings] == ["2026-09-15", "2026-11-10"]
    assert {e.uid.value for e in meetings} == {
        "meeting-2026-09-15-greater-copenhagen@granshinderbasen",
        "meeting-2026-11-10-greater-copenhagen@granshinderbasen",
    }
    reviews = {e.uid.value: e.dtstart.value for e in events(site[REVIEWS_PATH])}
    assert reviews == {
        "review-funding-domestic-recipients@granshinderbasen": dt.date(2099, 3, 23),
        "review-testbed-vat-refund@granshinderbasen": dt.date(2099, 6, 30),
    }


def test_a_second_review_date_and_a_moved_meeting_update_the_same_events(loop, tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(loop[0], root)

    def build() -> dict:
        return render_site(load(root), SiteOptions(today=TODAY), None, file_history(root))

    first = build()
    assert build()[MEETINGS_PATH] == first[MEETINGS_PATH]  # same records, same bytes
    path = root / "briefings" / "2026-09-15-greater-copenhagen.yml"
    path.write_text(path.read_text("utf-8").replace("2026-09-15\n", "2026-09-22\n"), "utf-8")
    git(root, "commit", "-q", "-am", "Records: the September meeting moves a week", date=LATER)
    before = {e.uid.value: e for e in events(first[MEETINGS_PATH])}
    after = {e.uid.value: e for e in events(build()[MEETINGS_PATH])}
    assert before.keys() == after.keys()  # re-importing updates, it does not duplicate
    uid = "meeting-2026-09-15-greater-copenhagen@granshinderbasen"
    assert after[uid].dtstart.value == dt.date(2026, 9, 22)
    assert int(after[uid].sequence.value) > int(before[uid].sequence.value)


def test_barrier_page_shows_its_git_history_or_says_there_is_none(loop, tmp_path):
    root, site = loop
    page = site["barriers/funding-domestic-recipients.md"]
    history = page[page.index('id="historik"') :]
    assert history.index("Records: Vinnova in dialogue") < history.index("Records: the loop of")
    assert "2026-04-16" in history and "2026-03-20" in history
    tarball = tmp_path / "kb"
    shutil.copytree(root, tarball, ignore=shutil.ignore_patterns(".git"))
    without = render_site(load(tarball), SiteOptions(today=TODAY), None, file_history(tarball))
    assert file_history(tarball) is None
    page = without["barriers/funding-domestic-recipients.md"]
    assert "Historiken är inte tillgänglig" in page
    assert "Postens egna ändringar visas inte" in without[f"briefings/{BRIEFING_ID}.md"]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [("by: vinnova", "by: vinova", "unknown-reference"), ("2099-01-31", "2099-02-30", "bad-date")],
)
def test_a_wrong_commitment_points_at_its_line(tmp_path, old, new, code):
    root = loop_kb(tmp_path / "kb")
    text = MARCH_MEETING.replace(old, new)
    write(root, f"briefings/{MARCH}.yml", text)
    found = [d for d in check(load(root), today=TODAY) if d.level == "error"]
    line = next(i for i, row in enumerate(text.splitlines(), 1) if new in row)
    assert [(d.code, d.path, d.line) for d in found] == [(code, f"briefings/{MARCH}.yml", line)]
    assert found[0].hint
    if code == "unknown-reference":
        assert "vinnova" in found[0].hint  # did you mean


def test_new_briefing_is_prefilled_with_the_forums_open_barriers(tmp_path):
    root = loop_kb(tmp_path / "kb")
    done = run_cli(
        "new", "briefing", "--forum", "greater-copenhagen", "--date", "2026-12-08", cwd=root
    )
    assert done.returncode == 0, done.stderr
    written = root / "briefings" / "2026-12-08-greater-copenhagen.yml"
    text = written.read_text("utf-8")
    assert "forum: greater-copenhagen" in text and "date: 2026-12-08" in text
    assert "barrier: funding-domestic-recipients" in text
    assert "Att Vinnova och Innovasjon Norge ändrar villkoren senast 2027." in text  # its ask


def test_start_page_recently_changed_uses_the_same_git_history(loop):
    from barrierkb.site.start import last_change, recently_changed

    root, _ = loop
    kb, history = load(root), file_history(root)
    barrier = kb.barriers["funding-domestic-recipients"]
    assert last_change(kb, barrier, history) == dt.date(2026, 4, 16)  # the commit
    assert last_change(kb, barrier, None) == dt.date(2026, 4, 15)  # the newest record date
    assert recently_changed(kb, 1, history) == [barrier]


@pytest.mark.parametrize(
    ("done", "said"),
    [("2026-03-01", "before the meeting (2026-03-23)"), ("2026-07-01", "after today")],
)
def test_a_commitment_is_done_between_its_meeting_and_today(tmp_path, done, said):
    root = loop_kb(tmp_path / "kb")
    text = MARCH_MEETING.replace("due: 2026-04-30", f"due: 2026-04-30\n          done: {done}")
    write(root, f"briefings/{MARCH}.yml", text)
    found = [d for d in check(load(root), today=TODAY) if d.level == "error"]
    line = next(i for i, row in enumerate(text.splitlines(), 1) if f"done: {done}" in row)
    assert [(d.code, d.line, d.col) for d in found] == [("commitment-done-date", line, 17)]
    assert said in found[0].message and found[0].hint


def test_a_commitment_done_after_its_meeting_is_no_longer_open(tmp_path):
    root = loop_kb(tmp_path / "kb")
    text = MARCH_MEETING.replace("due: 2026-04-30", "due: 2026-04-30\n          done: 2026-04-28")
    write(root, f"briefings/{MARCH}.yml", text)
    kb = load(root)
    assert [d for d in check(kb, today=TODAY) if d.level == "error"] == []
    assert [p.commitment.by for p in open_commitments(kb, TODAY)] == ["malmo-stad"]
