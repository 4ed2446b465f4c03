"""The words `lea fmt` replaces are listed in one place, docs/formatter.md, and that list is
what fmt does; the other pages link there instead of naming some of them (language.md used
to say that only `ten minste` changes, while `ten opzichte van` becomes `t.o.v.` too)."""

from __future__ import annotations

import re
from pathlib import Path

from lea_rules.formatter import CANONICAL_TEXT, format_text

ROOT = Path(__file__).resolve().parent.parent
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
AGENDA = ('gemeente: "Woordstad"\ntitel: "LEA Woordstad 2024-2027"\nperiode: 2024-2027\n\n'
          'indicator thuiszitters "Aantal thuiszitters"\n  eenheid: aantal\n  beter: lager\n\n'
          'thema 1 "Woorden"\n  resultaat "Gedaald"\n    doel: thuiszitters gedaald in 2027 {tov} 2024\n'
          '  resultaat "Ten minste zes"\n    doel: thuiszitters {tenminste} 6 in 2027\n')


def listed() -> dict[str, str]:
    text = (ROOT / "docs" / "formatter.md").read_text(encoding="utf-8")
    line = text[text.index("- Vaste schrijfwijze:"):]
    line = line[:line.index("\n- ")]
    return dict(re.findall(r"`([^`]+)` wordt `([^`]+)`", line))


def test_formatter_md_lists_exactly_the_words_fmt_replaces() -> None:
    assert listed() == CANONICAL_TEXT


def test_fmt_replaces_each_listed_word() -> None:
    words = listed()
    before = AGENDA.format(tov="ten opzichte van", tenminste="ten minste")
    after = AGENDA.format(tov=words["ten opzichte van"], tenminste=words["ten minste"])
    assert format_text(before) == after == format_text(after)


def test_no_other_page_names_a_replaced_word_as_fmt_changes_it() -> None:
    said = [f"{path.name}:{number}: {line.strip()}" for path in DOCS if path.name != "formatter.md"
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            for word in CANONICAL_TEXT if f"`{word}` wordt" in line]
    assert not said, "link to docs/formatter.md (Vaste schrijfwijze) instead:\n" + "\n".join(said)
