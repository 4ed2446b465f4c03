"""Every sentence of the document's action paragraphs is kept in Enschede's agenda.

docs/agenda-enschede.md lists, for every `actie` of agendas/enschede.lea, the lines of
sources/enschede-lea-2023-2026.txt that hold its paragraph(s). Each sentence that starts on
those lines must be found in the action's title, `eigenaar:` and `tekst:` lines, compared the way
the citation check compares a quote (lea_rules/checks/document_text.normalise: words and numbers,
not line breaks, hyphenation, punctuation or case). So an action paragraph that is shortened,
paraphrased or merged into another fails here, with the sentence that went missing.

Two things differ between the text version of the pdf and what the agenda may write, and only
these two:
- a marker the agenda writes as a property: "(eigenaar: onderwijs)" is `eigenaar: "onderwijs"`,
  "(plus)" / "(plus-arrangement)" is `soort: plus-arrangement` (and "(basis)" likewise);
- the pdf conversion's letter errors, listed in PDF_ERRORS (an "é" for an "ë", "l" for "I").
  The document's own spelling ("financieel ondersteunt", "bassischool") is kept as written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pytest

from lea_rules import nodes as n
from lea_rules.api import load_agenda
from lea_rules.checks.document_text import normalise

ROOT = Path(__file__).resolve().parent.parent
AGENDA = ROOT / "agendas" / "enschede.lea"
DOCUMENT = ROOT / "sources" / "enschede-lea-2023-2026.txt"
MAPPING = ROOT / "docs" / "agenda-enschede.md"
TABLE_HEADING = "## Acties en hun alinea's"

PDF_ERRORS = {
    "subsidiéren": "subsidiëren", "financiéle": "financiële", "geévalueerd": "geëvalueerd",
    "reéle": "reële", "Quotiént": "Quotiënt", "commerciéle": "commerciële",
    "Financién": "Financiën", "geéxperimenteerd": "geëxperimenteerd",
    "geintegreerde": "geïntegreerde", "geindiceerde": "geïndiceerde", "Odk": "Ook",
    "ledere": "Iedere", "leder": "Ieder",
}
"""Words the pdf-to-text conversion got wrong, with what the pdf says."""

_PDF_ERROR = re.compile(r"\b(" + "|".join(map(re.escape, PDF_ERRORS)) + r")\b")
_BULLET = re.compile(r"^\s*(?:[-•°.]|[eo](?=\s)|\d+\.(?=\s))\s*")
"""A list bullet at the start of a line (`-`, `•`, the `e`/`o`/`°` a pdf makes of `•` and `◦`,
or a number `6.`)."""
_SENTENCE_END = re.compile(r"(?<![ (]o\.a\.)(?<![ (]i\.e\.)(?<![ (]e\.a\.)(?<=[.!?])\s+(?=\S)")
_HEADING_WIDTH = 85
"""A line of running text in the document is about 105 characters wide; a shorter line that
does not end in a punctuation mark is a heading or a bullet item, and what follows it starts anew."""
_SOORT_MARKER = {
    n.ActionKind.PLUS: re.compile(r"\s*\(plus(?:-\s*arrangement)?\)", re.IGNORECASE),
    n.ActionKind.BASIS: re.compile(r"\s*\(basis(?:-\s*arrangement)?\)", re.IGNORECASE),
}


@dataclass(frozen=True)
class Sentence:
    line: int
    """The document line the sentence starts on."""
    text: str
    block: int = 0
    """Which stretch of text (paragraph, bullet item, heading) of the document it is in."""


@cache
def document_sentences() -> tuple[Sentence, ...]:
    """The document cut into sentences. A new one starts at a blank line, a bullet, a heading
    (a short line without a closing punctuation mark, followed by one that starts with a capital),
    and after `.`, `!` or `?` (not in "o.a.", "i.e.", "e.a."). A line that ends in a hyphen goes on
    with the next."""
    blocks: list[list[tuple[int, str]]] = []  # stretches without a break: (line, text) pieces
    current: list[tuple[int, str]] = []
    for number, raw in enumerate(DOCUMENT.read_text(encoding="utf-8").split("\n"), 1):
        line = _PDF_ERROR.sub(lambda m: PDF_ERRORS[m.group(1)], raw.strip())
        bullet = _BULLET.match(line)
        above = current[-1][1].strip() if current else ""
        heading_above = bool(above) and len(above) < _HEADING_WIDTH \
            and not re.search(r"[.!?;:,-]$", above) and line[:1].isupper()
        if not line or bullet or heading_above:
            if current:
                blocks.append(current)
            current = []
            line = line[bullet.end():] if bullet else line
        if line:
            joiner = "" if not current or current[-1][1].endswith("-") else " "
            current.append((number, joiner + line))
    if current:
        blocks.append(current)
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        text = "".join(piece for _, piece in block)
        starts, offset = [], 0
        for _, piece in block:
            starts.append(offset)
            offset += len(piece)
        position = 0
        for part in _SENTENCE_END.split(text):
            position = text.index(part, position)
            first_line = block[bisect.bisect_right(starts, position) - 1][0]
            sentences.append(Sentence(first_line, part, index))
            position += len(part)
    return tuple(sentences)


@dataclass(frozen=True)
class Place:
    first: int
    last: int
    sentence: int | None = None
    """`1242/2`: only the second sentence that starts on line 1242."""

    def holds(self, sentences: tuple[Sentence, ...]) -> list[Sentence]:
        picked = [s for s in sentences if self.first <= s.line <= self.last]
        if self.sentence is not None:
            picked = picked[self.sentence - 1:self.sentence]
        return picked


@cache
def paragraph_table() -> dict[str, tuple[Place, ...]]:
    """The table under TABLE_HEADING in docs/agenda-enschede.md: `| \\`code\\` | 60-89, 151 | ...`."""
    text = MAPPING.read_text(encoding="utf-8")
    assert TABLE_HEADING in text, f"{MAPPING.name} mist de sectie '{TABLE_HEADING}'"
    section = text.split(TABLE_HEADING, 1)[1].split("\n## ", 1)[0]
    table: dict[str, tuple[Place, ...]] = {}
    for row in re.finditer(r"^\|\s*`([^`]+)`\s*\|\s*([^|]+)\|", section, re.MULTILINE):
        code, places = row.group(1), row.group(2).strip()
        assert code not in table, f"{MAPPING.name}: actie {code} staat twee keer in de tabel"
        table[code] = tuple(_place(item.strip()) for item in places.split(","))
    return table


def _place(item: str) -> Place:
    found = re.fullmatch(r"(\d+)(?:/(\d+))?(?:-(\d+))?", item)
    assert found, f"{MAPPING.name}: '{item}' is geen regel, regel-regel of regel/zin"
    first = int(found.group(1))
    return Place(first, int(found.group(3) or first), int(found.group(2)) if found.group(2) else None)


@cache
def actions() -> dict[str, n.Action]:
    return {action.code: action for _, action in load_agenda(AGENDA).all_actions()}


def action_text(action: n.Action) -> str:
    parts = [action.title, *(action.provenance.texts)]
    return normalise(" ".join(parts))


def expected_sentence(action: n.Action, sentence: Sentence) -> str:
    """The sentence as the action must hold it: a marker written as a property left out."""
    text = sentence.text
    if action.owner is not None:
        text = text.replace(f"(eigenaar: {action.owner})", "")
    marker = _SOORT_MARKER.get(action.kind)
    return marker.sub("", text) if marker else text


def missing_sentences(action: n.Action, places: tuple[Place, ...]) -> list[Sentence]:
    held = action_text(action)
    return [s for place in places for s in place.holds(document_sentences())
            if normalise(expected_sentence(action, s)) not in held]


def test_every_action_has_its_paragraphs_listed() -> None:
    listed, written = set(paragraph_table()), set(actions())
    assert written - listed == set(), (
        f"acties zonder regels in {MAPPING.name} ({TABLE_HEADING}): {sorted(written - listed)}")
    assert listed - written == set(), (
        f"{MAPPING.name} noemt acties die niet in de agenda staan: {sorted(listed - written)}")


@pytest.mark.parametrize("code", sorted(paragraph_table()))
def test_action_keeps_every_sentence_of_its_paragraphs(code: str) -> None:
    places = paragraph_table()[code]
    sentences = [s for place in places for s in place.holds(document_sentences())]
    assert sentences, f"{code}: de regels {places} bevatten geen zin van het document"
    action = actions().get(code)
    if action is None:
        pytest.skip(f"{code} staat niet in de agenda (zie de test hierboven)")
    missing = missing_sentences(action, places)
    assert not missing, (
        f"actie {code} (agendas/enschede.lea regel {action.span.line}) mist "
        f"{len(missing)} zin(nen) van het document:\n"
        + "\n".join(f"  regel {s.line}: {s.text}" for s in missing))


def test_the_check_catches_a_dropped_sentence() -> None:
    """The comparison is not vacuous: without its last `tekst:` line an action misses a sentence,
    and a sentence changed by one word is not found."""
    code = "p5-a4"
    action = actions()[code]
    shortened = replace(action, provenance=n.Provenance(texts=action.provenance.texts[:-1]))
    assert missing_sentences(shortened, paragraph_table()[code])
    assert normalise("Ook dragen de meewerkende organisaties bij") in action_text(action)
    assert normalise("Ook dragen de meewerkende partijen bij") not in action_text(action)


def test_sentences_start_where_the_document_starts_them() -> None:
    """The sentence cutter, on places every Enschede reader can check."""
    by_line: dict[int, list[str]] = {}
    for sentence in document_sentences():
        by_line.setdefault(sentence.line, []).append(sentence.text)
    assert by_line[1242] == ["De studieloopbaanbegeleiders zorgen voor de basis-ondersteuning.",
                             "Is er extra ondersteuning nodig dan komt het Loopbaancentrum in beeld (plus)."]
    assert by_line[1052] == ["Plus-arrangement"]
    assert by_line[1053] == ["Kansrijk Ondersteunen (eigenaar: gemeente (initiatief), meerdere partijen "
                             "(uitvoering))"]
    assert by_line[674][-1].startswith("Als de NPO-middelen wegvallen")
    assert by_line[659] == ["extra weken aanbod subsidiëren in kwetsbare wijken (plus-arrangement)"]


def test_a_result_quoted_from_an_action_paragraph_is_that_actions_result() -> None:
    """A result whose quote stands in an action's paragraph is written `met resultaat` under that
    action: the document ties them, so the report shows them together."""
    agenda = load_agenda(AGENDA)
    places = paragraph_table()
    wrong: list[str] = []
    for _, result in agenda.all_results():
        lines = {c.line for c in result.provenance.citations if c.line is not None}
        owners = {code for code, spots in places.items()
                  if any(spot.first <= line <= spot.last for spot in spots for line in lines)}
        if owners and result.action not in owners:
            wrong.append(f"resultaat {result.code} (regel {result.span.line}) citeert de alinea van "
                         f"{' en '.join(sorted(owners))}, maar hoort bij {result.action or 'het onderdeel'}")
    assert not wrong, "\n".join(wrong)
