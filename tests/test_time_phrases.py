"""Time as documents write it, beyond the TIJD table: accepted with the span docs/language.md gives,
or refused on the words (E323, E315) with a hint that, followed as a writer would, gives 0 errors."""

from __future__ import annotations

import re
from datetime import date

import pytest

from lea_rules.api import Checked, check_source
from lea_rules.nodes import Action
from lea_rules.source import SourceFile

HEAD = """gemeente: "Voorbeeld"
titel: "LEA Voorbeeld 2024-2027"
periode: 2024-2027
indicator deelnemers "Deelnemers"
  eenheid: aantal
  beter: hoger
  meting: kalenderjaar
thema 1 "Kansengelijkheid"
  ambitie 1.1 "Elk kind een goede start"
    resultaat "Meer deelnemers"
      doel: {doel}
    actie "Een leerlijn"
"""


def check(doel: str = "deelnemers >= 5 in 2027", planning: str = "") -> Checked:
    text = HEAD.format(doel=doel) + (f"      {planning}\n" if planning else "")
    return check_source(SourceFile("t.lea", text))


def errors(checked: Checked) -> list[str]:
    return [d.code for d in checked.diagnostics if d.is_error]


def action(checked: Checked) -> Action:
    assert checked.agenda is not None
    (_, found), = checked.agenda.all_actions()
    return found


@pytest.mark.parametrize(("written", "first", "last"), [
    ("gereed: voor de zomer van 2026", date(2026, 3, 1), date(2026, 5, 31)),
    ("gereed: vóór de zomer 2026", date(2026, 3, 1), date(2026, 5, 31)),
    ("gereed: voor het einde van 2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("gereed: voor het einde van het schooljaar 2025/2026", date(2025, 8, 1), date(2026, 7, 31)),
    ("gereed: in de loop van 2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("gereed: in het eerste kwartaal van 2026", date(2026, 1, 1), date(2026, 3, 31)),
    ("gereed: tweede kwartaal 2026", date(2026, 4, 1), date(2026, 6, 30)),
    ("gereed: Q3 2026", date(2026, 7, 1), date(2026, 9, 30)),
    ("start: Q4 2025/Q1 2026", date(2025, 10, 1), date(2026, 3, 31)),
])
def test_a_phrase_with_one_obvious_meaning_is_the_span_the_docs_give(written: str, first: date,
                                                                      last: date) -> None:
    checked = check(planning=written)
    assert errors(checked) == []
    planned = action(checked).ready if written.startswith("gereed") else action(checked).start
    assert planned is not None
    assert (planned.when.first, planned.when.last) == (first, last)
    if "voor" in written or "vóór" in written:
        assert planned.when.by  # a deadline: earlier is fine too


@pytest.mark.parametrize(("doel", "last"), [
    ("deelnemers >= 5 voor de zomer van 2026", date(2026, 5, 31)),
    ("deelnemers >= 5 voor het einde van 2026", date(2026, 12, 31)),
    ("deelnemers >= 5 in de loop van 2026", date(2026, 12, 31)),
    ("deelnemers >= 5 in het derde kwartaal van 2026", date(2026, 9, 30)),
    ("mijlpaal Q1 2026", date(2026, 3, 31)),
])
def test_the_same_phrases_are_goal_moments(doel: str, last: date) -> None:
    checked = check(doel)
    assert errors(checked) == []
    assert checked.agenda is not None
    (_, result), = checked.agenda.all_results()
    deadline = result.goals[0].deadline  # type: ignore[union-attr]
    assert deadline is not None and deadline.written is not None and deadline.written.last == last


def followed(line: str, column: int, length: int, hint: str) -> str | None:
    """The line after the hint, as a writer does it: the first form the hint writes in place of the
    marked words; `laat 'X' weg` drops them; `laat de regel weg` drops the line (None)."""
    if hint.startswith("laat de regel weg"):
        return None
    marked = line[column - 1:column - 1 + length]
    drop = re.match(r"laat '(.+?)' weg", hint)
    if drop is not None:
        assert drop.group(1) == marked
        return " ".join((line[:column - 1] + line[column - 1 + length:]).split())
    form = re.search(r"schrijf (?:bij 'start:' )?'(.+?)'", hint)
    assert form is not None, hint
    return line[:column - 1] + form.group(1).replace("<jaar>", "2026") + line[column - 1 + length:]


PLANNING = [
    "gereed: voor 1 juli 2026", "gereed: vóór 2026", "gereed: voor de zomervakantie van 2026",
    "gereed: rond de kerst", "gereed: rond de kerst 2026", "gereed: voor de kerst 2026",
    "gereed: na de kerst 2026", "gereed: na de zomer van 2026", "gereed: t/m juli 2025",
    "gereed: tot en met het schooljaar 2024-2025", "gereed: tot en met in ieder geval 2027",
    "start: per 1 augustus 2025", "start: vanaf oktober 2023", "gereed: halverwege 2026",
    "gereed: eind schooljaar 2025/2026", "gereed: einde van het schooljaar 2025/2026",
    "start: begin schooljaar 2025/2026", "start: start schooljaar 2025/2026", "start: na 2025",
    "gereed: eind 2026 of begin 2027", "gereed: doorlopend", "gereed: in het schooljaar 2025-2026",
    "gereed: in het schooljaar 2025/2026", "gereed: in 2026 of 2027", "start: per schooljaar 2025/2026",
    "start: per januari 2026", "start: met ingang van 1 augustus 2025", "start: vanaf schooljaar 2025/2026",
]
GOALS = [
    "deelnemers vergroten de komende jaren", "deelnemers vergroten in de komende jaren",
    "deelnemers >= 5 de komende jaren", "deelnemers >= 5 voor 2026", "deelnemers >= 5 vóór 1 juli 2026",
    "deelnemers >= 5 in 2023 en de daaropvolgende jaren", "deelnemers >= 5 t/m 2027",
    "deelnemers >= 5 tot en met 2027", "deelnemers >= 5 vanaf 2025 t/m 2027",
    "deelnemers >= 5 per 1 augustus 2025", "mijlpaal rond de kerst 2026", "mijlpaal na de kerst 2026",
    "mijlpaal eind schooljaar 2025/2026", "mijlpaal begin schooljaar 2025/2026",
    "deelnemers >= 5 halverwege 2026", "mijlpaal eind 2026 of begin 2027", "mijlpaal doorlopend",
    "mijlpaal na 2026", "mijlpaal voor de zomervakantie van 2026",
    "deelnemers >= 5 in het schooljaar 2025-2026", "deelnemers >= 5 in schooljaar 2025-2026",
    "mijlpaal in het schooljaar 2025/2026", "deelnemers >= 5 in het jaar 2026", "mijlpaal in 2026 of 2027",
    "deelnemers >= 5 vanaf oktober 2025", "deelnemers >= 5 jaarlijks vanaf 1 augustus 2025",
    "deelnemers >= 5 met ingang van 2025",
]


@pytest.mark.parametrize("planning", PLANNING)
def test_a_planning_phrase_lea_does_not_know_gets_a_hint_that_works(planning: str) -> None:
    checked = check(planning=planning)
    diag, = checked.diagnostics
    assert diag.code in ("E323", "E315") and diag.help is not None
    line = f"      {planning}"
    assert diag.span.line == 13 and line[diag.span.column - 1] != " "
    fixed = followed(line, diag.span.column, diag.span.end_column - diag.span.column, diag.help)
    again = check(planning=fixed.strip() if fixed is not None else "")
    assert errors(again) == [], (fixed, [d.message for d in again.diagnostics])


@pytest.mark.parametrize("doel", GOALS)
def test_a_goal_moment_lea_does_not_know_gets_a_hint_that_works(doel: str) -> None:
    checked = check(doel)
    found = [d for d in checked.diagnostics if d.is_error]
    diag, = found
    assert diag.code in ("E323", "E315") and diag.help is not None
    line = f"      doel: {doel}"
    assert diag.span.line == 11
    fixed = followed(line, diag.span.column, diag.span.end_column - diag.span.column, diag.help)
    assert fixed is not None
    again = check(fixed.split("doel: ", 1)[1])
    assert errors(again) == [], (fixed, [d.message for d in again.diagnostics])


@pytest.mark.parametrize("doel", ["deelnemers vergroten in 2027", "deelnemers vergroten uiterlijk eind 2026"])
def test_a_trend_with_a_moment_gets_both_readings_and_each_works(doel: str) -> None:
    diag, = [d for d in check(doel).diagnostics if d.is_error]
    assert diag.code == "E324" and diag.help is not None
    line = f"      doel: {doel}"
    marked = line[diag.span.column - 1:diag.span.end_column - 1]
    assert marked == doel.split("vergroten ", 1)[1]
    direction = re.match(r"schrijf '(.+?)' met het vergelijkingsjaar", diag.help)
    assert direction is not None
    assert errors(check(direction.group(1).replace("<jaar>", "2024"))) == []
    assert f"laat '{marked}' weg" in diag.help
    assert errors(check(doel.replace(" " + marked, ""))) == []
