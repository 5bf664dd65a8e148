"""What a user typed on the command line, matched to a record id or a vocabulary code.

Ids match whatever their case, and a record's name matches too; codes match
by code or by their label in any edition's language (`Vocabulary.code_for`).
When nothing matches, `Unknown` carries one line that names what was
expected and the closest match, for the CLI to print.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from .lang import localized
from .vocab import Vocabulary, _fold


class Unknown(LookupError):
    """A value that matches no record or code; its message is one line for the user."""


def _did_you_mean(given: str, candidates: Mapping[str, str]) -> str:
    """' (did you mean 'x'?)' for the closest of `candidates` (folded text -> what to say)."""
    close = difflib.get_close_matches(_fold(given), list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{candidates[close[0]]}'?" if close else ""


def record_id(records: Mapping[str, object], given: str, what: str) -> str:
    """The id of the record `given` names: its id in any case, or its name.

    >>> class Org:
    ...     def __init__(self, name): self.name = name
    >>> orgs = {"firs": Org("FIRS"), "greater-copenhagen": Org("Greater Copenhagen")}
    >>> record_id(orgs, "FIRS", "forum"), record_id(orgs, "greater copenhagen", "forum")
    ('firs', 'greater-copenhagen')
    >>> try:
    ...     record_id(orgs, "greater-copenhagn", "forum")
    ... except Unknown as err:
    ...     print(err)
    there is no forum 'greater-copenhagn'; did you mean 'greater-copenhagen'?
    """
    if given in records:
        return given
    folded = _fold(given)
    names: dict[str, str] = {}
    for rid, record in records.items():
        names[_fold(rid)] = rid
        name = getattr(record, "name", None) or getattr(record, "title", None)
        if name is not None:
            names.setdefault(_fold(str(localized(name))), rid)
    if folded in names:
        return names[folded]
    raise Unknown(f"there is no {what} {given!r}{_did_you_mean(given, names)}")


def code(vocabulary: Vocabulary, given: str) -> str:
    """The code `given` names, by code or by label in Swedish, Danish or English.

    >>> from .vocab import STATUS
    >>> code(STATUS, "Lyft"), code(STATUS, "in dialogue"), code(STATUS, "raised")
    ('raised', 'in_dialogue', 'raised')
    >>> try:
    ...     code(STATUS, "lyfted")
    ... except Unknown as err:
    ...     print(str(err).replace(", ", ",\\n"))
    there is no status 'lyfted' (one of identified,
    analysed,
    raised,
    in_dialogue,
    solution_proposed,
    decided,
    solved,
    partly_solved,
    written_off); did you mean 'raised'?
    """
    found = vocabulary.code_for(given)
    if found is not None:
        return found
    labels = {_fold(c): c for c in vocabulary.codes}
    for c, texts in vocabulary.labels.items():
        labels.update({_fold(t): c for t in texts})
    expected = ", ".join(vocabulary.codes)
    raise Unknown(
        f"there is no {vocabulary.name} {given!r} (one of {expected}){_did_you_mean(given, labels)}"
    )


__all__ = ["Unknown", "code", "record_id"]
