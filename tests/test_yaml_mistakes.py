"""The YAML mistakes partners make most, each reported in plain words at the line to change."""

from __future__ import annotations

import pytest
from conftest import diagnose, write

PATH = "barriers/mitid-grensependlere.yml"
HEAD = 'id: mitid-grensependlere\ntitle: "Gränspendlare får inte MitID"\n'

#: name -> (the file, the line the partner must change, its column, words the message uses)
MISTAKES: dict[str, tuple[str, int, int, str]] = {
    "block text line less indented": (
        HEAD + "description: |\n  Den som bor i Sverige får inte MitID.\n"
        "Det gäller också dem som pendlar.\n  Källan säger det.\nstatus: identified\n",
        5, 1, "less indented than the text above it",
    ),
    "quote that ends a text early": (
        HEAD + "summary: 'Denmark's rules exclude commuters.'\nstatus: identified\n",
        3, 18, "ends the text early",
    ),
    "tab": (HEAD + "summary:\n\tsv: Pendlare\n", 4, 1, "a tab in the indentation"),
    "key indented one space off": (
        HEAD + "summary: Pendlare får inte MitID.\n status: identified\nborders: [SE-DK]\n",
        4, 2, "indented 1 space, the keys it belongs with 0 spaces",
    ),
    "nested key one space off": (
        HEAD + "responsible:\n  - stakeholder: digitaliseringsstyrelsen\n   role: rule_owner\n",
        5, 4, "indented 3 spaces, the keys it belongs with 4 spaces",
    ),
    "list item outside its list": (
        HEAD + "themes:\n  - digital\n- labour_market\nstatus: identified\n",
        5, 1, "this list item is indented 0 spaces, the items of its list 2 spaces",
    ),
    "colon in unquoted text": (
        HEAD + "summary: Hinder: pendlare får inte MitID\nstatus: identified\n",
        3, 16, "a colon followed by a space in unquoted text",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_common_yaml_mistake_is_said_in_plain_words_at_its_line(kb_root, name):
    text, line, col, words = MISTAKES[name]
    write(kb_root, PATH, text)
    (found,) = [d for d in diagnose(kb_root) if d.path == PATH]
    assert (found.line, found.col) == (line, col), found.format()
    assert words in found.message, found.message
    assert "could not find expected" not in found.message + found.hint
    assert found.hint and "check indentation and quoting" not in found.hint
