"""Every rule the records must keep, declared once: code, level, summary, hint, documentation.

As in yamllint, a rule's declaration is data. The loader, the YAML reader and
the checker only say *where* a rule is broken and *what* they found; the level
and, unless a finding has a better one, the hint come from this table. The
rules page of the site and the contributor documentation are generated from
it, and the tests hold every code to a broken fixture.

>>> RULES["review-due"].level, RULES["yaml-tab"].level
('warning', 'error')
>>> print(problem("yaml-tab", "barriers/a.yml", 4, 1, "a tab in the indentation").format())
barriers/a.yml:4:1: error[yaml-tab]: a tab in the indentation
  hint: indent with spaces; YAML does not allow tabs
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Diagnostic, Level


@dataclass(frozen=True)
class Rule:
    """One rule: what breaking it means and what to do about it."""

    code: str
    level: Level
    #: One line: what is wrong.
    summary: str
    #: What to write instead, when the finding has no more precise hint.
    hint: str
    #: A paragraph for the rules page: why the rule exists.
    doc: str
    #: Where the rule is enforced: the file as text, the record's fields, or
    #: the record against the others.
    stage: str = "record"


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {rule.code: rule for rule in rules}


#: The rules, in the order a record is read: file, YAML, fields, references, text.
RULES: dict[str, Rule] = _rules(
    Rule(
        "encoding",
        "error",
        "The file is not UTF-8 text.",
        "save the file as UTF-8",
        "Records are read as UTF-8 (a byte-order mark is accepted). Another encoding would "
        "turn å, ä and ø into other letters without anyone noticing.",
        "file",
    ),
    Rule(
        "file-too-large",
        "error",
        "The file is larger than 256 KiB.",
        "split the text or move long material to a source document",
        "A record is a summary with sources, not the source itself. The limit also keeps a "
        "hostile file from slowing every build.",
        "file",
    ),
    Rule(
        "yaml-syntax",
        "error",
        "The file is not valid YAML.",
        "check indentation and quoting here",
        "The YAML parser could not read the file. The message says where it stopped; the "
        "mistake is often on the line before.",
        "file",
    ),
    Rule(
        "yaml-tab",
        "error",
        "A tab is used for indentation.",
        "indent with spaces; YAML does not allow tabs",
        "YAML forbids tabs in indentation, and editors show them at different widths.",
        "file",
    ),
    Rule(
        "yaml-alias",
        "error",
        "YAML anchors or aliases are used.",
        "write the value out in full",
        "Anchors (`&`) and aliases (`*`) make a value stand for another, which hides what a "
        "record says and allows files that expand without bound.",
        "file",
    ),
    Rule(
        "yaml-tag",
        "error",
        "A YAML tag such as !!python is used.",
        "remove the tag",
        "Tags ask the reader to build objects; records hold only text, numbers, lists and "
        "mappings.",
        "file",
    ),
    Rule(
        "yaml-key",
        "error",
        "A mapping key is not a plain word.",
        "write a field name followed by a colon, such as `title:`",
        "Field names are plain words. A list or mapping used as a key is almost always an "
        "indentation mistake.",
        "file",
    ),
    Rule(
        "yaml-documents",
        "error",
        "The file holds more than one YAML document.",
        "keep one record per file; remove the second '---'",
        "Each file is one record; a second document after `---` would be ignored.",
        "file",
    ),
    Rule(
        "yaml-depth",
        "error",
        "The file nests too deeply.",
        "records need only a few levels; the limit is 32",
        "No record needs more than a few levels of nesting; the limit protects the build.",
        "file",
    ),
    Rule(
        "duplicate-key",
        "error",
        "A key appears twice in the same mapping.",
        "keep one of them; YAML would silently keep only the last",
        "Most YAML readers keep the last of two equal keys and drop the first without a word.",
        "file",
    ),
    Rule(
        "empty-file",
        "error",
        "The file is empty.",
        "start from `barrierkb new` or a neighbouring record",
        "An empty file is no record; it would vanish from the site without a trace.",
        "file",
    ),
    Rule(
        "not-a-mapping",
        "error",
        "The file's top level is not a mapping of fields.",
        "write one `field: value` per line at the top level",
        "A record is a mapping of field names to values.",
        "file",
    ),
    Rule(
        "control-character",
        "error",
        "An invisible control or direction character in text.",
        "delete it; it can make text read differently from how it displays",
        "Control characters and text-direction marks are invisible, and can make a text read "
        "differently from how it is displayed.",
    ),
    Rule(
        "missing-field",
        "error",
        "A required field is missing.",
        "add the field (see the field reference)",
        "The field reference says which fields every record needs.",
        "fields",
    ),
    Rule(
        "unknown-field",
        "error",
        "A field that the model does not know.",
        "remove it, or check the field reference",
        "A misspelt field would otherwise be ignored, and its text lost from the site.",
        "fields",
    ),
    Rule(
        "bad-value",
        "error",
        "A value is not allowed for its field.",
        "see the field reference for the allowed values",
        "Statuses, themes, roles and the other vocabularies take one of their codes.",
        "fields",
    ),
    Rule(
        "bad-type",
        "error",
        "A value has the wrong type.",
        "see the field reference for the expected form",
        "A list where a text is expected, or a number where a text is expected, is usually a "
        "missing pair of quotes or a wrong indentation.",
        "fields",
    ),
    Rule(
        "bad-date",
        "error",
        "A date is not written YYYY-MM-DD or does not exist.",
        "write the date as YYYY-MM-DD, such as 2026-03-23",
        "Dates are ISO dates that exist in the calendar.",
        "fields",
    ),
    Rule(
        "bad-url",
        "error",
        "An address is not http or https.",
        "write the full address, starting with https://",
        "Sources and home pages are web addresses; other schemes can run code in a browser.",
        "fields",
    ),
    Rule(
        "bad-id",
        "error",
        "An id is not a lowercase slug.",
        "ids are lowercase letters, digits and hyphens, such as vinnova",
        "Ids are file names and parts of web addresses: lowercase letters, digits and hyphens.",
        "fields",
    ),
    Rule(
        "id-mismatch",
        "error",
        "The id differs from the file name.",
        "rename the file, or change the id to the file name",
        "A record's id equals its file name, so that a reference names a file.",
    ),
    Rule(
        "duplicate-id",
        "error",
        "Two records share an id.",
        "give each record its own id, equal to its file name",
        "An id names one record, for ever.",
    ),
    Rule(
        "unknown-reference",
        "error",
        "A reference to a record that does not exist.",
        "add the record, or correct the id",
        "Every organisation, forum and barrier a record names must have its own record.",
        "references",
    ),
    Rule(
        "wrong-reference-kind",
        "error",
        "A reference to a record of the wrong kind.",
        "name a record of the kind the field expects",
        "A field that names an organisation cannot name a barrier, and the other way round.",
        "references",
    ),
    Rule(
        "internal-reference",
        "error",
        "A public record names an internal one.",
        "make this record internal too, or remove the reference",
        "The public site would otherwise name an internal record.",
        "references",
    ),
    Rule(
        "self-reference",
        "error",
        "A record refers to itself.",
        "remove the reference",
        "A barrier related to itself, or an organisation related to itself, says nothing.",
        "references",
    ),
    Rule(
        "related-one-way",
        "warning",
        "A related barrier does not link back.",
        "add this barrier's id to the other barrier's `related`",
        "Related barriers are linked both ways, so a reader finds the link from either page.",
        "references",
    ),
    Rule(
        "not-a-forum",
        "warning",
        "A forum reference names an organisation that is not a forum.",
        "forums are stakeholders of type forum, intergovernmental, committee or parliament",
        "Barriers are raised at forums; an agency in `forums` is usually a role in "
        "`responsible` instead.",
        "references",
    ),
    Rule(
        "status-history-order",
        "error",
        "The status history is not in date order.",
        "list the history oldest first",
        "The history is read as a timeline, oldest first.",
    ),
    Rule(
        "status-history-mismatch",
        "error",
        "The last status in the history differs from `status`.",
        "add a status_history entry for the current status",
        "The history is the record of how the status came about; its last entry is the status.",
    ),
    Rule(
        "border-same-country",
        "error",
        "A border pairs a country with itself.",
        "write the two countries on either side, such as SE-DK",
        "A border lies between two countries.",
    ),
    Rule(
        "personal-data",
        "error",
        "An e-mail address or phone number in a public record.",
        "name the unit or role instead; keep functional mailboxes and numbers in the "
        "overlay's `channels`",
        "Public records name units and roles, never people or their contact details.",
    ),
    Rule(
        "raw-html",
        "error",
        "Raw HTML in a text field.",
        "write Markdown without HTML tags; use **bold** and [text](https://...)",
        "Record text is Markdown without HTML, so that no record can change the page it is "
        "shown on.",
    ),
    Rule(
        "unsafe-link",
        "error",
        "A link whose target is not http, https or a relative path.",
        "link only to http:// or https:// addresses",
        "The site drops any link target that is not http, https, relative or an anchor, "
        "including targets that hide another scheme behind invisible characters or HTML "
        "entities. This rule says so before the link silently disappears.",
    ),
    Rule(
        "uncited",
        "error",
        "A claim that must cite a source does not.",
        "add a citation such as [@source-id, s. 3] (the key of an entry in `sources`)",
        "Every paragraph and list item of a description, every status event, every role "
        "given to an organisation, impact, the official layer and every relation between "
        "organisations cite the source that says so. `ask`, `solutions`, `priority`, "
        "`power` and `interest` are the owner's position and need no citation.",
        "citations",
    ),
    Rule(
        "unknown-citation",
        "error",
        "A citation names a source key that the record does not have.",
        "add the source to `sources` with this id, or correct the key",
        "A key resolves to the record's own `sources` first, then to a shared source in "
        "`sources/<key>.yml`.",
        "citations",
    ),
    Rule(
        "unknown-source",
        "error",
        "A source entry names a shared source that does not exist.",
        "add sources/<id>.yml, or give the entry a title of its own",
        "A source entry with only an `id` stands for the shared source of that id.",
        "citations",
    ),
    Rule(
        "duplicate-source",
        "error",
        "Two source entries in one record share an id.",
        "give each source its own id",
        "Citations name a source by its id, so an id names one source.",
        "citations",
    ),
    Rule(
        "bad-citation",
        "error",
        "A citation is not written in Pandoc syntax.",
        "write [@key] or [@key, locator], several separated by semicolons: [@a; @b, s. 12]",
        "Citations follow Pandoc: `[@key]`, `[@key, locator]`, `[@a; @b, s. 12]`. The "
        "locator is a page, section or paragraph.",
        "citations",
    ),
    Rule(
        "unused-source",
        "warning",
        "A source that no claim cites.",
        "cite it where it backs a claim, or remove it",
        "A source that backs nothing in particular does not help a reader check a claim.",
        "citations",
    ),
    Rule(
        "no-responsible",
        "error",
        "A barrier raised or further along names no organisation that can act.",
        "add a `responsible` entry: an organisation a source names as owning the rule "
        "or the decision",
        "While a barrier is identified or analysed, `responsible` may be empty where no "
        "source names who can act (the page says 'ansvarig okänd'). From `raised` on, at "
        "least one sourced organisation is required.",
    ),
    Rule(
        "example-placement",
        "error",
        "An example briefing outside examples/briefings/, or a real one inside it.",
        "move examples to examples/briefings/ with `example: true`; real meetings stay in "
        "briefings/",
        "A briefing that describes no real, sourced meeting is an example: it is built "
        "apart, with a banner, and never counted as a meeting.",
    ),
    Rule(
        "outcome-before-meeting",
        "error",
        "A briefing has an outcome, but its meeting is after today.",
        "remove the outcome until the meeting has taken place",
        "An outcome records what a meeting said and promised; before the meeting there is none.",
    ),
    Rule(
        "outcome-not-on-agenda",
        "error",
        "An outcome item names a barrier that is not on the meeting's agenda.",
        "add the barrier to `barriers`, or correct the id",
        "The outcome answers the agenda: each item is one of the barriers the meeting took up.",
    ),
    Rule(
        "outcome-status-not-in-history",
        "error",
        "A status reached at a meeting is missing from the barrier's status_history.",
        "add a status_history entry with the meeting's date, the status and the forum",
        "One truth, two views: the barrier's history and the meeting's outcome say the same.",
    ),
    Rule(
        "commitment-done-date",
        "error",
        "A commitment is marked done before the meeting that made it, or after today.",
        "give the date a source says the commitment was met: on or after the meeting, "
        "not in the future",
        "A commitment is made at its meeting and met later; a date outside that span is a typo "
        "that would move it off the commitments page.",
    ),
    Rule(
        "dead-link",
        "warning",
        "A source address no longer answers (only with `check --links`).",
        "find where the document lives now (or an archived copy) and update the address",
        "A policy officer must be able to open the source a claim cites. `barrierkb check "
        "--links` asks every address: a 4xx or 5xx answer, no answer in time, or a redirect "
        "to another host is reported.",
        "links",
    ),
    Rule(
        "internal-field",
        "error",
        "Internal material in the public tree.",
        "move it to the overlay, the private folder named by BARRIERKB_OVERLAY or the plugin "
        "option `overlay` (barrierkb new overlay DIR writes one); see CONTRIBUTING",
        "Everything in this repository is public the moment it is pushed, and stays public in "
        "git history. `visibility: internal`, `internal_notes`, talking points and functional "
        "contact channels live in the overlay, which only the internal build reads.",
    ),
    Rule(
        "overlay-public-field",
        "error",
        "An overlay file sets a public field of a public record.",
        "change public fields in the public record; the overlay adds only internal fields "
        "(internal_notes, talking_points, channels)",
        "The public record is the single truth for its public fields; the overlay may only add "
        "internal material to it, or add whole internal records.",
    ),
    Rule(
        "overlay-orphan",
        "error",
        "An overlay file adds internal fields to a record that does not exist.",
        "use the id of a public record, or make the file a whole record with "
        "`visibility: internal`",
        "Internal fields attach to the public record with the same id.",
    ),
    Rule(
        "missing-translation",
        "warning",
        "A public barrier lacks its title or summary in English or Danish.",
        "add the text under `en:` and `da:` beside `sv:`",
        "The site has Swedish, Danish and English editions. A barrier without a Danish or "
        "English title or summary shows the Swedish text there, marked as Swedish.",
    ),
    Rule(
        "placeholder",
        "error",
        "A TODO placeholder from the template is left in.",
        "fill in the value, or delete the line if the field is optional",
        "`barrierkb new` writes TODO where a value is needed.",
    ),
    Rule(
        "review-due",
        "warning",
        "The record's review date has passed.",
        "review the record, then update last_reviewed and review_due",
        "A record past its review date is flagged, not rejected.",
    ),
)


def problem(
    code: str, path: str, line: int, col: int, message: str, hint: str | None = None
) -> Diagnostic:
    """A diagnostic for rule `code`, with the rule's level and (by default) its hint."""
    rule = RULES[code]
    return Diagnostic(
        path, line, col, code, message, rule.hint if hint is None else hint, rule.level
    )
