"""Recurring goals (`jaarlijks`, `per schooljaar`, `vanaf 2025`, `om het jaar`): read, checked
and judged per occurrence, with the latest occurrence up to the peiljaar deciding."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lea_rules.api import check_source
from lea_rules.data.model import ReportedState
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import Colour, GoalEvaluation, Status
from lea_rules.goal_values import goal_recurrence
from lea_rules.recurrence import Recurrence
from lea_rules.source import SourceFile
from lea_rules.verdict.reasons import Rule
from lea_rules.words import nl, nl_plain, occurrences
from tests.evaluation_helpers import build_agenda, obs, progress, x_agenda

HEAD = """\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027
groep IKC: "integraal kindcentrum"

indicator x "x (kalenderjaar)"
  eenheid: %
  beter: hoger
  meting: kalenderjaar

indicator e "geëvalueerd op het IKC"
  eenheid: ja/nee
  per: IKC
  meting: kalenderjaar

indicator s "s (schooljaar)"
  eenheid: %
  beter: hoger
  meting: schooljaar

thema 1 "Alles"
  resultaat r "Het resultaat"
"""


def recurrence_of(doel: str) -> Recurrence | None:
    agenda = build_agenda(HEAD + f"    doel: {doel}\n")
    ((_, result),) = agenda.all_results()
    (goal,) = result.goals
    return goal_recurrence(goal)


@pytest.mark.parametrize(("doel", "step", "school", "start", "years"), [
    ("x >= 85% jaarlijks", 1, False, None, (2024, 2025, 2026, 2027)),
    ("x >= 85% elk jaar", 1, False, None, (2024, 2025, 2026, 2027)),
    ("x >= 85% ieder jaar", 1, False, None, (2024, 2025, 2026, 2027)),
    ("x >= 85% per jaar", 1, False, None, (2024, 2025, 2026, 2027)),
    ("s >= 85% elk schooljaar", 1, True, None, (2024, 2025, 2026, 2027)),
    ("s >= 85% ieder schooljaar", 1, True, None, (2024, 2025, 2026, 2027)),
    ("s >= 85% per schooljaar", 1, True, None, (2024, 2025, 2026, 2027)),
    ("s >= 85% aan het begin van elk schooljaar", 1, True, None, (2024, 2025, 2026, 2027)),
    ("x >= 85% iedere twee jaar", 2, False, None, (2024, 2026)),
    ("x >= 85% elke 2 jaar", 2, False, None, (2024, 2026)),
    ("x >= 85% om het jaar", 2, False, None, (2024, 2026)),
    ("x >= 85% vanaf 2025", 1, False, 2025, (2025, 2026, 2027)),
    ("x >= 85% jaarlijks vanaf 2025", 1, False, 2025, (2025, 2026, 2027)),
    ("x >= 85% vanaf 2025 jaarlijks", 1, False, 2025, (2025, 2026, 2027)),
    ("s >= 85% vanaf schooljaar 2024/2025", 1, True, 2025, (2025, 2026, 2027)),
    ("s >= 85% vanaf 2020/2021", 1, True, 2021, (2021, 2022, 2023, 2024, 2025, 2026, 2027)),
    ("alle IKC met e jaarlijks", 1, False, None, (2024, 2025, 2026, 2027)),
    ("mijlpaal jaarlijks", 1, False, None, (2024, 2025, 2026, 2027)),
])
def test_every_written_form_reads_as_its_recurrence(doel: str, step: int, school: bool, start: int | None,
                                                     years: tuple[int, ...]) -> None:
    recurrence = recurrence_of(doel)
    assert recurrence is not None
    assert (recurrence.step, recurrence.school_year, recurrence.start) == (step, school, start)
    assert recurrence.years((2024, 2027)) == years
    written = doel.removeprefix("mijlpaal ").removeprefix("alle IKC met e ")
    assert recurrence.written == (written.split("% ", 1)[1] if "% " in written else written)


def diagnostics(doel: str) -> list[tuple[str, str | None]]:
    checked = check_source(SourceFile("t.lea", HEAD + f"    doel: {doel}\n"))
    # the small agenda leaves indicators unused (W260, W261): not what these tests are about
    return [(d.code, d.help) for d in checked.diagnostics if not d.code.startswith("W26")]


def test_twice_a_year_on_a_milestone_is_refused_with_a_count_as_hint() -> None:
    assert diagnostics("mijlpaal tenminste tweemaal per jaar") == [(
        "E321", "maak een indicator met 'eenheid: aantal' en 'meting: kalenderjaar' die de keren telt, en "
                "schrijf 'doel: <indicator> >= 2 jaarlijks'")]
    assert diagnostics("mijlpaal minimaal 3 keer per jaar")[0][1] is not None
    assert "'doel: <indicator> >= 3 jaarlijks'" in str(diagnostics("mijlpaal minimaal 3 keer per jaar")[0][1])


def test_times_a_year_after_a_counted_indicator_gets_the_exact_fix_and_one_message() -> None:
    counted = ('indicator b "bezoeken"\n  eenheid: aantal\n  per: IKC\n  beter: hoger\n'
               '  meting: kalenderjaar\n\n')
    text = HEAD.replace('indicator s "s (schooljaar)"', counted + 'indicator s "s (schooljaar)"')
    checked = check_source(SourceFile("t.lea", text + "    doel: alle IKC met b minimaal 2 keer per jaar\n"))
    errors = [(d.code, d.help) for d in checked.diagnostics if d.is_error]
    assert errors == [("E321", "schrijf '>= 2 jaarlijks' in plaats van 'minimaal 2 keer per jaar' "
                               "(elk jaar 2 of meer)")]


def test_vanaf_schooljaar_with_one_year_is_refused_with_both_readings() -> None:
    assert diagnostics("s >= 85% vanaf schooljaar 2025") == [
        ("E322", "schrijf 'vanaf schooljaar 2025/2026' of 'vanaf 2025'")]


def test_vanaf_after_the_period_warns_unless_a_question_answers_it() -> None:
    assert [c for c, _ in diagnostics("x >= 85% vanaf 2030")] == ["W320"]
    assert diagnostics('x >= 85% vanaf 2030\n    vraag: "Staat 2030 zo in het document?"') == []


def judge(doel: str, values: dict[int, str], peiljaar: int = 2025) -> GoalEvaluation:
    observations = [obs("x", str(year), value) for year, value in values.items()]
    report = evaluate(x_agenda(doel), observations, progress(peiljaar), peiljaar)
    return report.results[0].goals[0]


def test_each_year_gets_its_own_verdict_and_a_missed_year_shows() -> None:
    goal = judge("x >= 85% jaarlijks", {2023: "80", 2024: "84", 2025: "86"})
    assert [(o.moment.text, o.status, o.upcoming) for o in goal.occurrences] == [
        ("2024", Status.NOT_ACHIEVED_IMPROVED, False), ("2025", Status.ACHIEVED, False),
        ("2026", goal.occurrences[2].status, True), ("2027", goal.occurrences[3].status, True)]
    assert goal.status is Status.ACHIEVED  # the latest occurrence up to the peiljaar decides
    assert goal.explanation.rule.rule is Rule.RECURRING_LATEST
    assert goal.explanation.rule.periods == ("2024",)
    assert nl.rule(goal.explanation.rule).endswith("; eerder niet gehaald: 2024")
    assert goal.recurrence == "jaarlijks" and goal.description == "x >= 85% jaarlijks"
    assert [o.value.value if o.value else None for o in goal.occurrences] == [84.0, 86.0, None, None]
    assert not goal.past  # 2026 and 2027 are still to come


def test_a_year_without_a_figure_is_geen_gegevens_never_zero_or_red() -> None:
    goal = judge("x >= 85% jaarlijks", {2023: "80", 2025: "86"})
    missing = goal.occurrences[0]
    assert (missing.moment.text, missing.status, missing.colour, missing.value) == (
        "2024", Status.NO_DATA, Colour.GREY, None)
    assert nl.rule(missing.rule) == "geen meting voor 2024: geen gegevens"
    latest_missing = judge("x >= 85% jaarlijks", {2023: "80", 2024: "86"})
    assert latest_missing.status is Status.NO_DATA
    assert latest_missing.colour is Colour.GREY


def test_before_the_first_occurrence_the_first_one_decides() -> None:
    goal = judge("x >= 85% vanaf 2026", {2023: "80", 2024: "83", 2025: "86"})
    assert all(o.upcoming for o in goal.occurrences)
    assert goal.explanation.rule.rule is Rule.RECURRING_FIRST
    assert goal.status is Status.ALREADY_MET


def test_every_other_year_judges_only_its_own_years() -> None:
    goal = judge("x >= 85% om het jaar", {2023: "80", 2024: "86", 2025: "10"})
    assert [o.moment.text for o in goal.occurrences] == ["2024", "2026"]
    assert goal.status is Status.ACHIEVED


def test_a_recurring_milestone_is_judged_on_each_years_stand() -> None:
    agenda = x_agenda("mijlpaal jaarlijks")
    yearly = {2024: progress(2024, {"r": ReportedState.NOT_REALISED})}
    report = evaluate(agenda, [], progress(2025, {"r": ReportedState.REALISED}), 2025,
                      yearly_progress=yearly)
    goal = report.results[0].goals[0]
    assert [(o.moment.text, o.status) for o in goal.occurrences] == [
        ("2024", Status.NOT_ACHIEVED), ("2025", Status.ACHIEVED), ("2026", Status.NOT_ASSESSED),
        ("2027", Status.NOT_ASSESSED)]
    assert goal.status is Status.ACHIEVED
    assert "eerder niet gehaald: 2024" in nl_plain.rule(goal.explanation.rule)
    assert occurrences.row(goal.occurrences) == (
        "per keer: 2024 ✗ Niet behaald · 2025 ✓ Behaald · 2026 … nog te komen · 2027 … nog te komen")
    assert occurrences.row(goal.occurrences, "en").startswith("each time: 2024 ✗ not achieved")


YEARS = (2024, 2025, 2026, 2027)


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=100)), min_size=5,
                       max_size=5), peiljaar=st.sampled_from(YEARS))
def test_property_each_occurrence_is_judged_on_its_own_year(values: list[int | None], peiljaar: int) -> None:
    """Per occurrence: a past year with a figure is met iff its own figure meets the target, a past
    year without one is Geen gegevens; the goal's status is the latest past occurrence's."""
    figures = dict(zip((2023, *YEARS), values, strict=True))
    goal = judge("x >= 50% jaarlijks", {y: str(v) for y, v in figures.items() if v is not None}, peiljaar)
    assert [o.moment.text for o in goal.occurrences] == [str(y) for y in YEARS]
    for occurrence in goal.occurrences:
        year = int(occurrence.moment.text)
        assert occurrence.upcoming is (year > peiljaar)
        if occurrence.upcoming:
            continue
        figure = figures[year]
        if figure is None:
            assert occurrence.status is Status.NO_DATA
        else:
            assert (occurrence.status is Status.ACHIEVED) is (figure >= 50)
            assert occurrence.colour is not Colour.GREY or occurrence.status is Status.NOT_JUDGEABLE
            assert occurrence.value is not None and Decimal(str(occurrence.value.value)) == figure
    past = [o for o in goal.occurrences if not o.upcoming]
    assert goal.status is past[-1].status
    missed = tuple(o.moment.text for o in past[:-1] if o.colour in (Colour.RED, Colour.ORANGE))
    assert goal.explanation.rule.periods == missed


def test_fmt_writes_one_space_between_the_words_of_a_recurrence() -> None:
    from lea_rules.formatter import format_text

    text = HEAD + "    doel: x >= 85%   elk \t jaar  vanaf   schooljaar 2024/2025\n"
    assert format_text(text).splitlines()[-1].strip() == "doel: x >= 85% elk jaar vanaf schooljaar 2024/2025"


def test_the_json_lists_every_occurrence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lea_rules.cli import main

    agenda = tmp_path / "t.lea"
    agenda.write_text(HEAD + "    doel: x >= 85% jaarlijks vanaf 2025\n"
                      + '  resultaat m "Elk jaar een plan"\n    doel: mijlpaal jaarlijks\n', encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "observaties.csv").write_text(
        "indicator;periode;eenheid;waarde;bron;status;illustratief;reeks;toelichting\n"
        "x;2024;;80%;test;definitief;0;;\nx;2025;;86%;test;definitief;0;;\n", encoding="utf-8")
    (data / "voortgang-2024.yaml").write_text(
        'gemeente: Testdorp\njaar: 2024\n\nresultaten:\n  m:\n    titel: "Elk jaar een plan"\n'
        "    stand: niet gerealiseerd\n", encoding="utf-8")
    assert main(["evaluate", str(agenda), "--year", "2026", "--data", str(data), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    r, m = report["results"]
    (goal,) = r["goals"]
    assert goal["recurrence"] == "jaarlijks vanaf 2025"
    assert [(o["moment"], o["status"], o["upcoming"]) for o in goal["occurrences"]] == [
        ("2025", "Behaald", False), ("2026", "Geen gegevens", False),
        ("2027", goal["occurrences"][2]["status"], True)]
    assert goal["status"] == "Geen gegevens" and goal["occurrences"][1]["value"] is None
    assert [(o["moment"], o["status"]) for o in m["goals"][0]["occurrences"]][:3] == [
        ("2024", "Niet behaald"), ("2025", "Nog niet beoordeeld"), ("2026", "Nog niet beoordeeld")]
