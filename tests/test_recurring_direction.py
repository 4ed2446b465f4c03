"""A recurring direction (`relatief-verzuim gedaald jaarlijks`): each occurrence is judged against
the one before it, as `gedaald in 2026 t.o.v. 2025`; the latest decides and earlier misses are named."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import EvaluationReport, GoalEvaluation, Status
from lea_rules.nodes import DirectionGoal
from lea_rules.words import nl
from lea_rules.words.goals import describe_goal
from tests.evaluation_helpers import build_agenda, obs

AGENDA = build_agenda("""\
gemeente: "Testdorp"
titel: "LEA Testdorp 2025-2028"
periode: 2025-2028

indicator verzuim "Relatief verzuim"
  eenheid: getal
  beter: lager
  meting: kalenderjaar

indicator aanwezigheid "Schoolaanwezigheid"
  eenheid: %
  beter: hoger
  meting: kalenderjaar

thema 1 "Alles"
  resultaat daalt "Het relatief verzuim daalt jaarlijks"
    doel: verzuim gedaald jaarlijks
  resultaat stijgt "De aanwezigheid stijgt elk jaar vanaf 2026"
    doel: aanwezigheid gestegen elk jaar vanaf 2026
""")


def judge(code: str, values: dict[int, str], peiljaar: int) -> GoalEvaluation:
    name = "verzuim" if code == "daalt" else "aanwezigheid"
    data = [obs(name, str(year), f"{value}") for year, value in values.items()]
    report = evaluate(AGENDA, data, None, peiljaar)
    EvaluationReport.model_validate_json(report.model_dump_json())  # the JSON stays valid
    (result,) = [r for r in report.results if r.code == code]
    return result.goals[0]


def test_the_goal_reads_as_written() -> None:
    goals = {r.code: r.goals[0] for _, r in AGENDA.all_results()}
    down = goals["daalt"]
    assert isinstance(down, DirectionGoal) and down.reference is None and down.recurrence is not None
    assert describe_goal(down) == "verzuim gedaald jaarlijks"
    assert describe_goal(goals["stijgt"]) == "aanwezigheid gestegen elk jaar vanaf 2026"


def test_each_year_is_compared_with_the_year_before_and_a_missed_year_is_named() -> None:
    goal = judge("daalt", {2024: "30", 2025: "28", 2026: "29", 2027: "27"}, 2027)
    assert [(o.moment.text, o.status) for o in goal.occurrences] == [
        ("2025", Status.ACHIEVED), ("2026", Status.NOT_ACHIEVED), ("2027", Status.ACHIEVED),
        ("2028", goal.occurrences[3].status)]
    assert goal.occurrences[3].upcoming
    assert goal.status is Status.ACHIEVED
    assert "eerder niet gehaald: 2026" in nl.rule(goal.explanation.rule)
    assert nl.aim(goal.explanation.target_text) == "lager dan in 2026"


def test_vanaf_starts_the_comparisons_there() -> None:
    goal = judge("stijgt", {2025: "90", 2026: "91", 2027: "90.5"}, 2027)
    assert [o.moment.text for o in goal.occurrences] == ["2026", "2027", "2028"]
    assert [o.status for o in goal.occurrences[:2]] == [Status.ACHIEVED, Status.NOT_ACHIEVED]
    assert goal.status is Status.NOT_ACHIEVED


def test_a_year_without_its_figure_is_no_data_not_a_miss() -> None:
    goal = judge("daalt", {2024: "30", 2025: "28", 2027: "27"}, 2027)
    statuses = {o.moment.text: o.status for o in goal.occurrences}
    assert statuses["2025"] is Status.ACHIEVED
    assert statuses["2026"] is Status.NO_DATA
    assert "eerder niet gehaald" not in nl.rule(goal.explanation.rule)


@settings(max_examples=40, deadline=None)
@given(values=st.lists(st.integers(min_value=10, max_value=14), min_size=5, max_size=5))
def test_an_occurrence_is_met_exactly_when_its_figure_is_below_the_one_before(values: list[int]) -> None:
    series = {2024 + i: str(v) for i, v in enumerate(values)}  # 2024 .. 2028
    goal = judge("daalt", series, 2028)
    for occurrence in goal.occurrences:
        year = int(occurrence.moment.text)
        met = values[year - 2024] < values[year - 2025]
        assert occurrence.status is (Status.ACHIEVED if met else Status.NOT_ACHIEVED), (series, year)
