"""Hostile record text is refused by `barrierkb check` or shown as inert text.

The corpus is tests/hostile/payloads.yml. Each payload is put in every text
field of a barrier, a forum and a briefing (the `*.yml.in` templates):

- `refused` payloads must give their diagnostic code at every field's line;
- `inert` payloads must pass the check, build with `mkdocs build --strict`,
  and in Chromium open no dialog, add no element or attribute that runs
  script or loads anything, request nothing from another host, and show as
  the text that was written (`{{ 7*7 }}` stays `{{ 7*7 }}`, never `49`).
"""

from __future__ import annotations

import json
import shutil

import pytest

from barrierkb.records.model import FOLDERS

from . import (
    REPO,
    hostile_fields,
    hostile_payloads,
    hostile_records,
    run_check,
    write_records,
)

CORPUS = hostile_payloads()
REFUSED = [item for item in CORPUS if item["verdict"] == "refused"]
INERT = [item for item in CORPUS if item["verdict"] == "inert"]
KINDS = {"barrier": "barriers", "stakeholder": "stakeholders", "briefing": "briefings"}

#: Everything in a page that could run script, load something or navigate,
#: listed by a script run in the page. The site's own scripts are files under
#: assets/ and search/ on the same origin, and inline scripts without `alert(`
#: (every script payload calls alert). Checked against a page with the title
#: printed unescaped: it reports `img[onerror]` and `meta[onclick]`.
FIND_ACTIVE = """() => {
  const found = [];
  const own = s => new URL(s, location.href).origin === location.origin &&
                   /\\/(assets|search)\\//.test(new URL(s, location.href).pathname);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`${el.tagName.toLowerCase()}[${a.name}]`);
      if (/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) &&
          /^\\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\\s\\u0000-\\u001f]/g, '')))
        found.push(`${el.tagName.toLowerCase()}[${a.name}=${a.value.slice(0, 40)}]`);
    }
  }
  for (const el of document.querySelectorAll(
      'img, iframe, frame, object, embed, video, audio, source, base, image, ' +
      'meta[http-equiv], link[rel=import]')) {
    // The offline-search shim runs its worker in an empty hidden iframe (file://).
    const shim = el.tagName === 'IFRAME' && el.hidden && !el.src && !el.srcdoc;
    if (!shim) found.push(el.outerHTML.slice(0, 120));
  }
  for (const s of document.querySelectorAll('script')) {
    if (s.src ? !own(s.src) : /alert\\(|msgbox/.test(s.textContent))
      found.push('script ' + (s.src || s.textContent.slice(0, 80)));
  }
  for (const s of document.querySelectorAll('style')) {
    if (/evil\\.example|alert\\(/.test(s.textContent))
      found.push('style ' + s.textContent.slice(0, 80));
  }
  return found;
}"""

SETTLE = "() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"


# --- the check ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def refused_diagnostics(tmp_path_factory) -> tuple[int, list[dict]]:
    """`barrierkb check` on the repository's records plus every refused record."""
    root = tmp_path_factory.mktemp("refused")
    for folder in FOLDERS.values():  # every record folder the repository has
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    for item in REFUSED:
        write_records(root, hostile_records(item))
    result = run_check(root)
    return result.returncode, json.loads(result.stdout)


def _refusals(diagnostics: list[dict], item: dict) -> dict[tuple[str, str], set[str]]:
    """(file, field) -> the error codes found at that field's line."""
    found = {}
    for kind, folder in KINDS.items():
        path = f"{folder}/hostile-{item['name']}.yml"
        for line, field in hostile_fields(kind).items():
            found[(path, field)] = {
                d["code"]
                for d in diagnostics
                if d["path"].endswith(path) and d["line"] == line and d["level"] == "error"
            }
    return found


def test_refused_payloads_are_refused_in_every_field(refused_diagnostics):
    returncode, diagnostics = refused_diagnostics
    assert returncode == 1
    missing = [
        f"{path} {field}: {item['name']} expected error[{item['code']}], got {codes or 'none'}"
        for item in REFUSED
        for (path, field), codes in _refusals(diagnostics, item).items()
        if item["code"] not in codes
    ]
    assert not missing, "\n".join(missing)


def test_refusals_name_the_field_and_say_what_to_do(refused_diagnostics):
    """`path:line:col: error[code]: <field>: what is wrong`, with a hint on what to write."""
    _, diagnostics = refused_diagnostics
    unclear = []
    for item in REFUSED:
        for kind, folder in KINDS.items():
            path = f"{folder}/hostile-{item['name']}.yml"
            for line, field in hostile_fields(kind).items():
                ours = [
                    d
                    for d in diagnostics
                    if d["path"].endswith(path) and d["line"] == line and d["code"] == item["code"]
                ]
                unclear += [
                    f"{path}:{line}: {d['message']!r} (hint {d['hint']!r})"
                    for d in ours
                    if not d["message"].startswith(f"{field}: ") or not d["hint"] or d["col"] < 1
                ]
    assert not unclear, "\n".join(unclear[:20])


def test_inert_payloads_pass_the_check(hostile_check):
    diagnostics = json.loads(hostile_check.stdout)
    errors = [d for d in diagnostics if d["level"] == "error"]
    assert hostile_check.returncode == 0 and not errors, json.dumps(errors, indent=1)[:4000]


def test_each_corpus_item_is_refused_or_inert(refused_diagnostics, hostile_check):
    """The verdict on each item, as a table (shown with -rP or -s)."""
    _, refused = refused_diagnostics
    inert = json.loads(hostile_check.stdout)
    rows, wrong = [], []
    for item in CORPUS:
        if item["verdict"] == "refused":
            codes = set().union(*_refusals(refused, item).values())
            observed = "refused" if item["code"] in codes else "NOT REFUSED"
            detail = ", ".join(sorted(codes))
        else:
            errors = [
                d["code"]
                for d in inert
                if d["level"] == "error" and f"hostile-{item['name']}." in d["path"]
            ]
            observed = "refused" if errors else "inert"
            detail = ", ".join(sorted(set(errors))) or "passes check; pages show it as text"
        rows.append(f"{item['name']:<28} {observed:<12} {detail}")
        if observed != item["verdict"]:
            wrong.append(rows[-1])
    print("\nhostile corpus: item, verdict, detail\n" + "\n".join(rows))
    assert not wrong, "items whose verdict differs from payloads.yml:\n" + "\n".join(wrong)


# --- the built site in a browser ----------------------------------------------------


def _assert_inert(tab, url: str) -> object:
    page = tab.open(url)
    page.evaluate(SETTLE)
    active = page.evaluate(FIND_ACTIVE)
    assert not active, f"{url}: record text became markup: {active[:10]}"
    assert not tab.dialogs, f"dialogs opened: {tab.dialogs}"
    assert not tab.foreign_requests(), f"{url} asked another host: {tab.foreign_requests()}"
    return page


def _plain(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.browser
@pytest.mark.parametrize("item", INERT, ids=[item["name"] for item in INERT])
def test_inert_payload_stays_text_in_the_browser(tab, hostile_url, item):
    rid = f"hostile-{item['name']}"
    for url in (f"barriers/{rid}.html", f"stakeholders/{rid}.html", f"briefings/{rid}.html"):
        page = _assert_inert(tab, hostile_url + url)
        content = page.inner_text(".md-content")
        if "shows" in item:
            assert item["shows"] in content, f"{url}: {item['shows']!r} is not shown as written"
        if "absent" in item:
            assert item["absent"] not in content, f"{url}: {item['absent']!r} is on the page"
        if len(item["text"]) < 300:
            # The page title is the record's text as written: escaped once, not twice.
            assert _plain(item["text"]) in _plain(page.title()), url


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "register/index.html",
        "stakeholders/greater-copenhagen.html",
        "stakeholders/index.html",
        "briefings/index.html",
        "network.html",
        "data.html",
    ],
)
def test_pages_listing_hostile_records_stay_inert(tab, hostile_url, path):
    _assert_inert(tab, hostile_url + path)


@pytest.mark.browser
@pytest.mark.parametrize("query", ["onerror", "javascript", "Summan", "onclick"])
def test_search_results_for_hostile_records_stay_inert(tab, hostile_url, query):
    page = _assert_inert(tab, hostile_url + "index.html")
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.evaluate(SETTLE)
    assert not page.evaluate(FIND_ACTIVE)
    assert not tab.dialogs, f"dialogs opened: {tab.dialogs}"
