"""The report never misleads (issue 11, report side): what a chart and a table show follows the
verdict. No required path where the required change decided nothing, no "geen gegevens" for a
projection that was not made, a series break visible in the chart and in Bijlage B, only figures
the peiljaar can know.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from lea_rules.data.model import Observation
from lea_rules.evaluation.engine import evaluate
from lea_rules.report import ReportInput, render_html
from lea_rules.report.view import GoalView, build_view
from tests.evaluation_helpers import x, x_agenda


def _goal(doel: str, data: Sequence[Observation], peiljaar: int, basis: str | None = None,
          better: str = "hoger") -> GoalView:
    agenda = x_agenda(doel, better, basis, "%")
    report = evaluate(agenda, data, None, peiljaar)
    (goal,) = build_view(ReportInput(agenda=agenda, evaluation=report)).themes[0].results[0].goals
    return goal


def _labels(goal: GoalView) -> list[str]:
    return [row.label for row in goal.rows]


# (name, doel, data, peiljaar, status, path drawn)
PATHS = [
    # keep-it targets: the status is decided by met(y) and the direction, not by a required change
    ("bereikt, verslechterend", "x >= 60% in 2027", [x("2023", "70"), x("2025", "68")], 2025,
     "Bereikt, maar verslechterend", False),
    ("verkeerde richting onder een vasthoud-doel", "x >= 60% in 2027", [x("2023", "62"), x("2025", "58")],
     2025, "Verkeerde richting", False),
    ("strikt doel vanaf de grens", "x > 50% in 2027", [x("2024", "50"), x("2025", "50")], 2025,
     "Onvoldoende voortgang", False),
    ("al bereikt", "x >= 85% in 2027", [x("2023", "86"), x("2025", "87")], 2025, "Doel al bereikt", False),
    # not yet met: r decides (R = a / r), the path shows it
    ("nog niet bereikt", "x >= 85% in 2027", [x("2023", "80"), x("2025", "81")], 2025,
     "Onvoldoende voortgang", True),
]


@pytest.mark.parametrize(("doel", "data", "peiljaar", "status", "path"), [c[1:] for c in PATHS],
                         ids=[c[0] for c in PATHS])
def test_the_required_path_is_drawn_only_where_the_required_change_decided(
        doel: str, data: list[Observation], peiljaar: int, status: str, path: bool) -> None:
    goal = _goal(doel, data, peiljaar)
    assert goal.status.label == status
    assert ("Nodig per jaar" in _labels(goal)) is path
    assert ('class="path-line"' in goal.chart) is path  # the line and its legend entry
    assert ("nodige lijn van nulmeting naar doel" in goal.chart) is path


# (name, doel, data, peiljaar, basis): no projection made, so no projection row
NO_PROJECTION = [
    ("basis en meting op hetzelfde moment", "x >= 80% in 2027", [x("2023", "72")], 2025, "72% in 2023"),
    ("niet te beoordelen: basis 0", "x gestegen met 20% in 2027 t.o.v. 2024",
     [x("2024", "0"), x("2025", "3")], 2025, None),
    ("trendbreuk", "x >= 85% in 2027",
     [x("2024", "78", "oud"), x("2025", "80", "oud"), x("2026", "77", "nieuw")], 2026, None),
]


@pytest.mark.parametrize(("doel", "data", "peiljaar", "basis"), [c[1:] for c in NO_PROJECTION],
                         ids=[c[0] for c in NO_PROJECTION])
def test_a_projection_not_made_has_no_row(doel: str, data: list[Observation], peiljaar: int,
                                          basis: str | None) -> None:
    goal = _goal(doel, data, peiljaar, basis)
    assert not any(label.startswith("Verwachting") for label in _labels(goal)), _labels(goal)
    html = render_html(ReportInput(agenda=x_agenda(doel, "hoger", basis, "%"),
                                   evaluation=evaluate(x_agenda(doel, "hoger", basis, "%"), data, None,
                                                       peiljaar)))
    assert "Verwachting in 2027" not in html


def test_a_projection_made_is_shown() -> None:
    goal = _goal("x >= 85% in 2027", [x("2023", "80"), x("2025", "81")], 2025)
    rows = {row.label: row.value.text for row in goal.rows}
    assert rows["Verwachting in 2027"] == "82%"
