"""Every claim traceable: citations in the records, on the pages, in the exports."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from conftest import BARRIER, BARRIER_ID, BARRIER_PATH, REPO, line_of, run_cli, write

from barrierkb.records import citations
from barrierkb.records.citations import CitationError
from barrierkb.site import render_site
from barrierkb.site.prepare import prepare


@pytest.fixture(scope="module")
def shipped():
    """The shipped records, rendered once for every test here."""
    state = prepare(REPO)
    return state, render_site(state.kb, state.options, state.network, state.history)


class Anchors(HTMLParser):
    """Ids and in-page links of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.cite_links: list[str] = []
        self._in_cite = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "sup" and attrs.get("class") == "bkb-cite":
            self._in_cite = True
        if tag == "a" and self._in_cite:
            self.cite_links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "sup":
            self._in_cite = False


def test_shipped_records_have_no_errors_and_no_warnings():
    done = run_cli("check", str(REPO))
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "0 error(s), 0 warning(s)")


def test_every_barrier_page_links_its_citations_to_its_numbered_sources(shipped):
    state, files = shipped
    for barrier_id in state.kb.barriers:
        page = files[f"barriers/{barrier_id}.md"]
        anchors = Anchors()
        anchors.feed(page)
        assert anchors.cite_links, f"{barrier_id} shows no citation"
        for href in anchors.cite_links:
            assert href.startswith("#kalla-") and href[1:] in anchors.ids, (barrier_id, href)
        assert '<ol class="bkb-sources">' in page
        assert "[@" not in page.split('<ol class="bkb-sources">')[0], barrier_id


def test_source_list_shows_the_locators_cited(shipped):
    _, files = shipped
    page = files["barriers/job-placement-malmo-copenhagen.md"]
    assert re.search(r'<li id="kalla-1"[^>]*>.*Hänvisat till: [^<]*uppdrag 4', page)


def test_reported_dates_read_as_known_by(shipped):
    state, files = shipped
    reported = [
        (b.id, e) for b in state.kb.barriers.values() for e in b.status_history
        if e.date_basis == "reported"
    ]  # fmt: skip
    assert reported
    for barrier_id, event in reported:
        page = files[f"barriers/{barrier_id}.md"]
        assert f'känt per <time datetime="{event.date.isoformat()}">' in page


def test_shared_source_page_lists_every_record_that_cites_it(shipped):
    state, files = shipped
    page = files["sources/ksau-2026-03-23.md"]
    citing = [b for b in state.kb.barriers.values() if "ksau-2026-03-23" in b.model_dump_json()]
    assert citing
    for b in citing:
        assert f"../barriers/{b.id}.html" in page


def test_json_export_carries_citations_and_how_to_cite_the_record(shipped):
    _, files = shipped
    data = json.loads(files["data/granshinderbasen.json"])
    barrier = next(b for b in data["barriers"] if b["id"] == "job-placement-malmo-copenhagen")
    assert {"at": "status_history[0].cite", "key": "ksau-2026-03-23", "locator": "uppdrag 4"} in (
        barrier["citations"]
    )
    assert set(barrier["cite_as"]) == {"title", "publisher", "url", "date", "commit"}
    assert barrier["cite_as"]["publisher"] == barrier["owner"]


def test_each_barrier_page_says_how_to_cite_it(shipped):
    state, files = shipped
    for barrier_id in state.kb.barriers:
        page = files[f"barriers/{barrier_id}.md"]
        assert "Så citerar du posten" in page
        if state.history is not None:  # a clone with history names the version shown
            assert re.search(r"commit <code>[0-9a-f]{7,}</code>", page), barrier_id


def test_removing_the_cite_of_a_status_event_fails_at_its_line(kb_root):
    text = BARRIER.replace(
        '    forum: greater-copenhagen\n    cite: "[@ksau-2026-03-23, uppdrag 3]"\n',
        "    forum: greater-copenhagen\n",
    )
    assert text != BARRIER
    write(kb_root, BARRIER_PATH, text)
    done = run_cli("check", str(kb_root))
    assert done.returncode == 1
    event_line = line_of(text, "  - date: 2026-03-23")
    assert f"{BARRIER_PATH}:{event_line}:5: error[uncited]: status_history[1]" in done.stdout


def test_an_unknown_citation_key_fails_at_its_place_with_a_suggestion(kb_root):
    text = BARRIER.replace(
        "[@ksau-2026-03-23, uppdrag 3].\n\n", "[@ksau-2026-03-32, uppdrag 3].\n\n"
    )
    assert text != BARRIER
    write(kb_root, BARRIER_PATH, text)
    done = run_cli("check", str(kb_root))
    assert done.returncode == 1
    line = line_of(text, "[@ksau-2026-03-32")
    assert f"{BARRIER_PATH}:{line}:" in done.stdout and "error[unknown-citation]" in done.stdout
    assert "did you mean 'ksau-2026-03-23'?" in done.stdout


def test_a_citation_in_jinja_or_html_looking_text_stays_inert(kb_root):
    text = BARRIER.replace(
        "Det hämmar små och medelstora företag",
        "Det {{ 7*7 }} hämmar [@ksau-2026-03-23, {% if x %}s. 3{% endif %}] om a < b & c",
    )
    write(kb_root, BARRIER_PATH, text)
    state = prepare(kb_root)
    page = render_site(state.kb, state.options)[f"barriers/{BARRIER_ID}.md"]
    assert "{{ 7*7 }}" in page and "49" not in page
    assert "a &lt; b &amp; c" in page
    assert "Hänvisat till: uppdrag 3; {% if x %}s. 3{% endif %}." in page  # the locator, as text


def test_examples_are_never_presented_as_meetings(shipped):
    state, files = shipped
    assert state.kb.examples and not state.kb.briefings
    index = files["briefings/index.md"]
    feed = files["feed.xml"].decode()
    for example in state.kb.examples.values():
        page = files[f"examples/{example.id}.md"]
        assert "Exempel – inget verkligt möte" in page
        assert example.id not in index and example.id not in feed
        for b in state.kb.barriers.values():
            assert example.id not in files[f"barriers/{b.id}.md"]
    assert "Exempel – inget verkligt möte" in files["examples/index.md"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[@a]", [("a", "")]),
        ("[@a, s. 3]", [("a", "s. 3")]),
        ("[@a; @b, kap. 4, s. 12]", [("a", ""), ("b", "kap. 4, s. 12")]),
        ("Se [länken](https://a.se) och [@a].", [("a", "")]),
    ],
)
def test_pandoc_citations_are_read_with_their_locators(text, expected):
    assert [(c.key, c.locator) for c in citations.parse(text)] == expected


@pytest.mark.parametrize("group", ["@a s. 3", "@A", "@a,; @b", "@"])
def test_malformed_citations_are_refused(group):
    with pytest.raises(CitationError):
        citations.parse_group(group)
