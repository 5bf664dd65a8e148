"""Sources that still answer: `barrierkb check --links` asks every source address.

An address is reported when it answers with a 4xx or 5xx status, does not
answer within the time limit, or redirects to another host (the page has
moved, and the new one may say something else). Addresses are asked once
each, a few at a time, with httpx.
"""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx

from ..records.diagnostics import Diagnostic
from ..records.load import KnowledgeBase
from ..records.model import FOLDERS
from ..records.rules import problem

#: Requests under way at once, and seconds allowed for each.
WORKERS = 8
TIMEOUT = 10.0
_HEADERS = {"User-Agent": "barrierkb-linkcheck (+https://github.com/malmostad/granshinderbasen)"}


def source_addresses(kb: KnowledgeBase) -> dict[str, list[tuple[str, tuple]]]:
    """Each source address, with every (record kind, id) and field path that gives it."""
    found: dict[str, list[tuple[str, tuple]]] = defaultdict(list)
    for kind in FOLDERS:
        for record_id, record in kb.records(kind).items():
            if kind == "sources" and record.url:
                found[record.url].append(((kind, record_id), ("url",)))
            for i, source in enumerate(getattr(record, "sources", [])):
                if source.url:
                    found[source.url].append(((kind, record_id), ("sources", i, "url")))
    return dict(sorted(found.items()))


def why_dead(client: httpx.Client, url: str, timeout: float = TIMEOUT) -> str | None:
    """Why an address no longer answers as it should, or None when it does."""
    host = urlsplit(url).hostname
    try:
        response = client.head(url)
        if response.status_code in (403, 405, 501):  # some servers refuse HEAD only
            response = client.get(url)
    except httpx.TimeoutException:
        return f"no answer within {timeout:g} s"
    except httpx.HTTPError as err:
        return f"no answer ({type(err).__name__})"
    for step in (*response.history, response):
        if step.url.host != host:
            return f"it redirects to another host, {step.url.host}"
    if response.status_code >= 400:
        return f"it answers {response.status_code} {response.reason_phrase}".rstrip()
    return None


def dead_links(
    kb: KnowledgeBase, timeout: float = TIMEOUT, workers: int = WORKERS
) -> list[Diagnostic]:
    """A `dead-link` diagnostic at every place that gives an address that no longer answers."""
    addresses = source_addresses(kb)
    with httpx.Client(timeout=timeout, follow_redirects=True, headers=_HEADERS) as client:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            answers = pool.map(lambda u: why_dead(client, u, timeout), addresses)
            reasons = dict(zip(addresses, answers, strict=True))
    found = []
    for url, places in addresses.items():
        if reasons[url] is None:
            continue
        for (kind, record_id), loc in places:
            where = kb.file(kind, record_id)
            line, col = where.positions.value(loc)
            found.append(problem("dead-link", where.path, line, col, f"{url}: {reasons[url]}"))
    return found
