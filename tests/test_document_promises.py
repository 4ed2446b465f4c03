"""Each agenda writes its document's yearly promises, aspirations and definitions as the document says them.

docs/agenda-<name>.md, section "Herhaling, streven en begrippen", lists each of them: the result
code or the term, the line of the agenda's document (sources/) where the document says it, and the
line the agenda writes (`doel: mijlpaal jaarlijks`, `streven: vve-bereik >= 100%`, `begrip`). This
test reads that table and holds the agenda to it: the item has that line, and a citation on that line
of the document which carries the promise (a word of recurrence such as "jaarlijks" or "per jaar",
of aspiration such as "ideaal" or "streven", or for a begrip its whole omschrijving). And it reads
the document the other way round: every line that says "jaarlijks", "per jaar", "keer per", "eens in
de 2 jaar", "ideaal", "streven", "zoveel mogelijk", "verstaan" or "bedoelen we" is in that table or in
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
from lea_rules.goal_values import CompareGoal, MilestoneGoal, QualitativeGoal, UnitsGoal

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = {
    "enschede": "enschede-lea-2023-2026.txt",
    "hengelo": "hengelo-lea-2024-2027.txt",
    "midden-groningen": "midden-groningen-onderwijskansenakkoord-2023-2026.txt",
}
"""Each shipped agenda and the document (its `document lea`) whose lines the table names."""
HEADING = "## Herhaling, streven en begrippen"
NOT_ENCODED = "### Niet vastgelegd"

PROMISE_WORDS = re.compile(
    r"\b(?:twee)?jaarlijkse?\b|\b(?:elke?|ieder|per) (?:school)?jaar\b|\bkeer per\b|\beens in de \d+ jaar"
    r"|\bideaal\b|\bstreven\b|\bstreeft\b|\bzo ?veel mogelijk\b|\bverstaan\b|\bbedoelen we\b",
    re.IGNORECASE)
"""How a document says that something recurs, is aspired to, or is defined."""

CARRIER = {"doel": re.compile(r"jaarlijks|\bper jaar\b|\bkeer per\b|\beens in de \d+ jaar|\bin een jaar\b",
                              re.IGNORECASE),
           "streven": re.compile(r"\bideaal\b|\bstreven\b|\bzo ?veel mogelijk\b", re.IGNORECASE)}
"""The words a result's quote must hold: a `doel:` in the table recurs ("jaarlijks", "tweejaarlijks",
"per jaar", "minimaal 2 keer per jaar", "eens in de 2 jaar", "de eerste programmaraad in een jaar"),
a `streven:` says "ideaal", "streven" or "zoveel mogelijk"."""

PDF_ERRORS = {"Financién": "Financiën"}
"""The pdf conversion's letter errors in the quotes of the begrippen (the omschrijving has them
right, the citation as the text version has them)."""


@dataclass(frozen=True)
class Row:
    item: str
    lines: tuple[int, ...]
    form: str


def _section(name: str) -> str:
    mapping = ROOT / "docs" / f"agenda-{name}.md"
    text = mapping.read_text(encoding="utf-8")
    assert HEADING in text, f"{mapping.name} mist de sectie '{HEADING}'"
    return text.split(HEADING, 1)[1].split("\n## ", 1)[0]


@cache
def table(name: str) -> tuple[Row, ...]:
    """`| \\`p6-r2\\` | 1195 | \\`doel: mijlpaal jaarlijks\\` | ... |` above NOT_ENCODED."""
    rows = re.finditer(r"^\|\s*`([^`]+)`\s*\|\s*([\d, ]+)\|\s*`([^`]+)`\s*\|",
                       _section(name).split(NOT_ENCODED, 1)[0], re.MULTILINE)
    return tuple(Row(m.group(1), tuple(int(x) for x in m.group(2).split(",")), m.group(3))
                 for m in rows)


@cache
def not_encoded(name: str) -> frozenset[int]:
    section = _section(name)
    assert NOT_ENCODED in section, f"agenda-{name}.md mist '{NOT_ENCODED}'"
    return frozenset(int(m.group(1)) for m in
                     re.finditer(r"^\|\s*(\d+)\s*\|", section.split(NOT_ENCODED, 1)[1], re.MULTILINE))


def document_path(name: str) -> Path:
    return ROOT / "sources" / DOCUMENTS[name]


@cache
def document(name: str) -> IndexedText:
    return IndexedText(document_path(name).read_text(encoding="utf-8"))


@cache
def agenda(name: str) -> n.Agenda:
    return load_agenda(ROOT / "agendas" / f"{name}.lea")


@cache
def agenda_lines(name: str) -> tuple[str, ...]:
    return tuple((ROOT / "agendas" / f"{name}.lea").read_text(encoding="utf-8").split("\n"))


def cited_on(name: str, provenance: n.Provenance, lines: tuple[int, ...]) -> list[str]:
    """The quotes of the citations on those lines that stand there in the document."""
    return [c.quote for c in provenance.citations
            if c.line in lines and c.document == "lea" and document(name).found_near(c.quote, c.line, 1)]


def result_problems(name: str, result: n.Result, row: Row) -> list[str]:
    problems: list[str] = []
    keyword, _, goal_text = row.form.partition(": ")
    if len(result.goals) != 1:
        return [f"{result.code} heeft {len(result.goals)} doelen, de tabel noemt er één"]
    goal = result.goals[0]
    if result.aspiration != (keyword == "streven"):
        problems.append(f"{result.code} moet '{keyword}:' hebben")
    written = agenda_lines(name)[goal.span.line - 1].strip()
    if written != row.form:
        problems.append(f"{result.code}: de agenda schrijft '{written}', de tabel '{row.form}'")
    recurs = re.search(r"jaarlijks|per jaar|elke \d+ jaar|iedere twee jaar|om het jaar", goal_text)
    if recurs and not (isinstance(goal, (MilestoneGoal, CompareGoal, UnitsGoal))
                       and goal.recurrence is not None):
        problems.append(f"{result.code} is geen terugkerend doel")
    if goal_text == "kwalitatief" and not isinstance(goal, QualitativeGoal):
        problems.append(f"{result.code} is niet kwalitatief")
    carrier = CARRIER["streven" if keyword == "streven" else "doel"]
    if not any(carrier.search(q) for q in cited_on(name, result.provenance, row.lines)):
        problems.append(f"{result.code} heeft geen citaat op regel {row.lines} met "
                        f"'{carrier.pattern}' dat in het document staat")
    return problems


def definition_problems(name: str, definition: n.Definition, row: Row) -> list[str]:
    if set(row.lines) - {c.line for c in definition.provenance.citations}:
        return [f"begrip {definition.term} citeert niet elke regel {row.lines}"]
    quotes = cited_on(name, definition.provenance, row.lines)
    fixed = [re.sub("|".join(PDF_ERRORS), lambda m: PDF_ERRORS[m.group(0)], q) for q in quotes]
    if not any(normalise(definition.text) in normalise(q) for q in fixed):
        return [f"begrip {definition.term}: de omschrijving staat niet in een citaat op regel {row.lines}"]
    if not any(normalise(definition.term.split()[0]) in normalise(q) for q in fixed):
        return [f"begrip {definition.term}: het citaat noemt het begrip niet"]
    return []


def problems_of(name: str, row: Row) -> list[str]:
    model = agenda(name)
    if row.form == "begrip":
        definitions = [d for d in model.definitions if d.term == row.item]
        if not definitions:
            return [f"begrip {row.item} staat niet in de agenda"]
        return definition_problems(name, definitions[0], row)
    results = [r for _, r in model.all_results() if r.code == row.item]
    if not results:
        return [f"resultaat {row.item} staat niet in de agenda"]
    return result_problems(name, results[0], row)


def _result(name: str, code: str) -> n.Result:
    return next(r for _, r in agenda(name).all_results() if r.code == code)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_begrip_is_in_the_table(name: str) -> None:
    listed = {row.item for row in table(name) if row.form == "begrip"}
    assert listed == {d.term for d in agenda(name).definitions}, (
        "elk begrip van de agenda staat in de tabel, en andersom")


@pytest.mark.parametrize(("name", "row"), [(name, row) for name in sorted(DOCUMENTS) for row in table(name)],
                         ids=lambda value: value if isinstance(value, str) else value.item)
def test_item_is_written_as_the_document_says_it(name: str, row: Row) -> None:
    assert problems_of(name, row) == []


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_promise_word_of_the_document_is_accounted_for(name: str) -> None:
    listed = {line for row in table(name) for line in row.lines}
    missing = []
    for number, line in enumerate(document_path(name).read_text(encoding="utf-8").split("\n"), 1):
        if PROMISE_WORDS.search(line) and number not in not_encoded(name) \
                and not any(start <= number <= start + 1 for start in listed):
            missing.append(f"  regel {number}: {line.strip()[:120]}")
    assert not missing, (f"in docs/agenda-{name}.md ({HEADING}) ontbreken regels van het document die "
                         "iets herhalen, nastreven of omschrijven:\n" + "\n".join(missing))


def test_the_tables_hold_what_the_agendas_now_say() -> None:
    items = {name: {row.item for row in table(name)} for name in DOCUMENTS}
    assert {"p5-r10", "p6-r2", "p7-r10", "p8-r14", "p8-r15", "p1-r6", "p2-r6", "p3-r8"} <= items["enschede"]
    assert {"1.2-r5", "1.3-r2", "6-r1", "8-r1", "8-r2", "8-r3", "8-r4", "kinderopvang"} <= items["hengelo"]
    assert {"overleg-r1", "monitoring-r1", "we"} <= items["midden-groningen"]


def test_the_check_is_not_vacuous() -> None:
    """A yearly report written as kwalitatief, a streven written as doel, a result without its
    quote, a begrip whose omschrijving is not the document's, a promise line left out: each is caught."""
    rows = {row.item: row for row in table("enschede")}
    p6 = _result("enschede", "p6-r2")
    flat = replace(p6, goals=(QualitativeGoal(p6.goals[0].span),))
    assert any("terugkerend" in p for p in result_problems("enschede", flat, rows["p6-r2"]))
    p1 = _result("enschede", "p1-r6")
    as_doel = replace(p1, aspiration=False)
    assert any("streven" in p for p in result_problems("enschede", as_doel, rows["p1-r6"]))
    uncited = replace(p1, provenance=n.Provenance())
    assert any("citaat" in p for p in result_problems("enschede", uncited, rows["p1-r6"]))
    term = next(d for d in agenda("enschede").definitions if d.term == "leefgebieden")
    changed = replace(term, text="Financiën, Gezondheid, Wonen")
    assert definition_problems("enschede", changed, rows["leefgebieden"])
    assert PROMISE_WORDS.search("De stuurgroep rapporteert jaarlijks over:")
    assert PROMISE_WORDS.search("Deze scan wordt tweejaarlijks afgenomen")
    assert PROMISE_WORDS.search("Het LEA overleg wordt minimaal 2 keer per jaar gevoerd.")
    assert PROMISE_WORDS.search("Daarnaast volgen we eens in de 2 jaar de ontwikkeling")
    assert not PROMISE_WORDS.search("Een jaar later terugkeert naar het onderwijs")
