"""Enschede's yearly reports, ideal, aspiration and definitions are written as the document says them.

docs/agenda-enschede.md, section "Herhaling, streven en begrippen", lists each of them: the result
code or the term, the line of sources/enschede-lea-2023-2026.txt where the document says it, and the
line the agenda writes (`doel: mijlpaal jaarlijks`, `streven: vve-bereik >= 100%`, `begrip`). This
test reads that table and holds the agenda to it: the item has that line, and a citation on that line
of the document which carries the promise (the word "jaarlijks", "ideaal", "streven", or for a
begrip its whole omschrijving). And it reads the document the other way round: every line that says
"jaarlijks", "elk jaar", "ideaal", "streven", "zoveel mogelijk" or "verstaan we" is in that table or in
the list "Niet vastgelegd" with its reason, so a yearly promise the document makes cannot be left out
unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pytest

from lea_rules import nodes as n
from lea_rules.api import load_agenda
from lea_rules.checks.document_text import IndexedText, normalise
from lea_rules.goal_values import MilestoneGoal, QualitativeGoal

ROOT = Path(__file__).resolve().parent.parent
AGENDA = ROOT / "agendas" / "enschede.lea"
DOCUMENT = ROOT / "sources" / "enschede-lea-2023-2026.txt"
MAPPING = ROOT / "docs" / "agenda-enschede.md"
HEADING = "## Herhaling, streven en begrippen"
NOT_ENCODED = "### Niet vastgelegd"

PROMISE_WORDS = re.compile(
    r"\b(?:twee)?jaarlijkse?\b|\belk(?:e)? (?:school)?jaar\b|\bieder (?:school)?jaar\b|\bideaal\b"
    r"|\bstreven\b|\bzo ?veel mogelijk\b|\bverstaan we\b", re.IGNORECASE)
"""How the document says that something recurs, is aspired to, or is defined."""

CARRIER = {"jaarlijks": re.compile(r"jaarlijks", re.IGNORECASE),
           "streven": re.compile(r"\bideaal\b|\bstreven\b", re.IGNORECASE)}
"""The word a result's quote must hold: a `doel:` here is a recurring report or scan
("jaarlijks", "tweejaarlijks"), a `streven:` says "ideaal" or "streven"."""

PDF_ERRORS = {"Financién": "Financiën"}
"""The pdf conversion's letter errors in the quotes of the begrippen (the omschrijving has them
right, the citation as the text version has them)."""


@dataclass(frozen=True)
class Row:
    item: str
    lines: tuple[int, ...]
    form: str


def _section() -> str:
    text = MAPPING.read_text(encoding="utf-8")
    assert HEADING in text, f"{MAPPING.name} mist de sectie '{HEADING}'"
    return text.split(HEADING, 1)[1].split("\n## ", 1)[0]


@cache
def table() -> tuple[Row, ...]:
    """`| \\`p6-r2\\` | 1195 | \\`doel: mijlpaal jaarlijks\\` | ... |` above NOT_ENCODED."""
    rows = re.finditer(r"^\|\s*`([^`]+)`\s*\|\s*([\d, ]+)\|\s*`([^`]+)`\s*\|",
                       _section().split(NOT_ENCODED, 1)[0], re.MULTILINE)
    return tuple(Row(m.group(1), tuple(int(x) for x in m.group(2).split(",")), m.group(3))
                 for m in rows)


@cache
def not_encoded() -> frozenset[int]:
    section = _section()
    assert NOT_ENCODED in section, f"{MAPPING.name} mist '{NOT_ENCODED}'"
    return frozenset(int(m.group(1)) for m in
                     re.finditer(r"^\|\s*(\d+)\s*\|", section.split(NOT_ENCODED, 1)[1], re.MULTILINE))


@cache
def document() -> IndexedText:
    return IndexedText(DOCUMENT.read_text(encoding="utf-8"))


@cache
def agenda() -> n.Agenda:
    return load_agenda(AGENDA)


def agenda_line(number: int) -> str:
    return AGENDA.read_text(encoding="utf-8").split("\n")[number - 1].strip()


def cited_on(provenance: n.Provenance, lines: tuple[int, ...]) -> list[str]:
    """The quotes of the citations on those lines that stand there in the document."""
    return [c.quote for c in provenance.citations
            if c.line in lines and document().found_near(c.quote, c.line, 1)]


def result_problems(result: n.Result, row: Row) -> list[str]:
    problems: list[str] = []
    keyword, _, goal_text = row.form.partition(": ")
    if len(result.goals) != 1:
        return [f"{result.code} heeft {len(result.goals)} doelen, de tabel noemt er één"]
    goal = result.goals[0]
    if result.aspiration != (keyword == "streven"):
        problems.append(f"{result.code} moet '{keyword}:' hebben")
    if agenda_line(goal.span.line) != row.form:
        problems.append(f"{result.code}: de agenda schrijft '{agenda_line(goal.span.line)}', "
                        f"de tabel '{row.form}'")
    recurring = goal_text.endswith("jaarlijks")
    if recurring and not (isinstance(goal, MilestoneGoal) and goal.recurrence is not None):
        problems.append(f"{result.code} is geen terugkerende mijlpaal")
    if goal_text == "kwalitatief" and not isinstance(goal, QualitativeGoal):
        problems.append(f"{result.code} is niet kwalitatief")
    carrier = CARRIER["streven" if keyword == "streven" else "jaarlijks"]
    quotes = [q for q in cited_on(result.provenance, row.lines) if carrier.search(q)]
    if not quotes:
        problems.append(f"{result.code} heeft geen citaat op regel {row.lines} met "
                        f"'{carrier.pattern}' dat in het document staat")
    return problems


def definition_problems(definition: n.Definition, row: Row) -> list[str]:
    quotes = cited_on(definition.provenance, row.lines)
    if set(row.lines) - {c.line for c in definition.provenance.citations}:
        return [f"begrip {definition.term} citeert niet elke regel {row.lines}"]
    fixed = [re.sub("|".join(PDF_ERRORS), lambda m: PDF_ERRORS[m.group(0)], q) for q in quotes]
    if not any(normalise(definition.text) in normalise(q) for q in fixed):
        return [f"begrip {definition.term}: de omschrijving staat niet in een citaat op regel {row.lines}"]
    if not any(normalise(definition.term) in normalise(q) for q in fixed):
        return [f"begrip {definition.term}: het citaat noemt het begrip niet"]
    return []


def problems_of(row: Row, model: n.Agenda) -> list[str]:
    if row.form == "begrip":
        definitions = [d for d in model.definitions if d.term == row.item]
        if not definitions:
            return [f"begrip {row.item} staat niet in de agenda"]
        return definition_problems(definitions[0], row)
    results = [r for _, r in model.all_results() if r.code == row.item]
    if not results:
        return [f"resultaat {row.item} staat niet in de agenda"]
    return result_problems(results[0], row)


def test_the_table_lists_the_reports_the_ideal_and_the_definitions() -> None:
    items = {row.item for row in table()}
    assert {"p6-r2", "p8-r14", "p5-r10", "p1-r6"} <= items
    assert {"VVE-indicatie", "brede life-skills", "Plusvoorzieningen", "leefgebieden"} <= items
    assert {row.item for row in table() if row.form == "begrip"} == {d.term for d in agenda().definitions}, (
        "elk begrip van de agenda staat in de tabel, en andersom")


@pytest.mark.parametrize("row", table(), ids=lambda row: row.item)
def test_item_is_written_as_the_document_says_it(row: Row) -> None:
    assert problems_of(row, agenda()) == []


def test_every_promise_word_of_the_document_is_accounted_for() -> None:
    listed = {line for row in table() for line in row.lines}
    missing = []
    for number, line in enumerate(DOCUMENT.read_text(encoding="utf-8").split("\n"), 1):
        if PROMISE_WORDS.search(line) and number not in not_encoded() \
                and not any(start <= number <= start + 1 for start in listed):
            missing.append(f"  regel {number}: {line.strip()}")
    assert not missing, (f"in {MAPPING.name} ({HEADING}) ontbreken regels van het document die "
                         "iets herhalen, nastreven of omschrijven:\n" + "\n".join(missing))


def test_the_check_is_not_vacuous() -> None:
    """A yearly report written as kwalitatief, a streven written as doel, a begrip whose
    omschrijving is not the document's: each is caught."""
    rows = {row.item: row for row in table()}
    model = agenda()
    p6 = next(r for _, r in model.all_results() if r.code == "p6-r2")
    flat = replace(p6, goals=(QualitativeGoal(p6.goals[0].span),))
    assert any("terugkerende" in p for p in result_problems(flat, rows["p6-r2"]))
    p1 = next(r for _, r in model.all_results() if r.code == "p1-r6")
    assert any("streven" in p for p in result_problems(replace(p1, aspiration=False), rows["p1-r6"]))
    uncited = replace(p1, provenance=n.Provenance())
    assert any("citaat" in p for p in result_problems(uncited, rows["p1-r6"]))
    term = next(d for d in model.definitions if d.term == "leefgebieden")
    changed = replace(term, text="Financiën, Gezondheid, Wonen")
    assert definition_problems(changed, rows["leefgebieden"])
    assert PROMISE_WORDS.search("De stuurgroep rapporteert jaarlijks over:")
    assert PROMISE_WORDS.search("Deze scan wordt tweejaarlijks afgenomen")
    assert not PROMISE_WORDS.search("40 weken per jaar")
