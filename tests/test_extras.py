"""Constructs a new municipality's document needs (issue 13): a result's owner, a ja/nee goal for
the whole municipality, and more; each reaches the JSON and both editions of the report."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from lea_rules.data.model import Observation, ReportedState
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import EvaluationReport, Status
from lea_rules.nodes import Agenda
from lea_rules.report import ReportInput, render_html
from lea_rules.report.council.render import render_council_html
from tests.evaluation_helpers import build_agenda, obs, progress

HEAD = """\
gemeente: "Proefdorp"
titel: "LEA Proefdorp 2024-2027"
periode: 2024-2027
"""

PROTOCOL = HEAD + """
indicator lokaal-protocol "Er is een lokaal protocol schoolveiligheid"
  eenheid: ja/nee
  meting: kalenderjaar

thema 1 "Veilig op school"
  ambitie 1.1 "Elke school werkt met hetzelfde protocol"
    resultaat protocol "In 2025 is er een lokaal protocol schoolveiligheid"
      doel: lokaal-protocol = ja in 2025
      eigenaar: "gemeente (regie) & <schoolbesturen>"
    resultaat leerlijn "Een doorgaande leerlijn"
      doel: mijlpaal in 2026
"""


def _evaluate(agenda: Agenda, data: Sequence[Observation], peiljaar: int,
              stands: dict[str, ReportedState] | None = None) -> EvaluationReport:
    return evaluate(agenda, data, progress(peiljaar, stands), peiljaar)


def _both_editions(agenda: Agenda, report: EvaluationReport) -> tuple[str, str]:
    data = ReportInput(agenda=agenda, evaluation=report)
    return render_html(data), render_council_html(data)


# --- eigenaar on a resultaat ------------------------------------------------------------------------


def test_the_owner_of_a_result_reaches_the_json_and_both_editions_escaped() -> None:
    agenda = build_agenda(PROTOCOL)
    report = _evaluate(agenda, [], 2025)
    owners = {r.code: r.owner for r in report.results}
    assert owners == {"protocol": "gemeente (regie) & <schoolbesturen>", "leerlijn": None}
    assert '"owner": "gemeente (regie) & <schoolbesturen>"' in report.model_dump_json(indent=1)
    for html in _both_editions(agenda, report):
        assert "Eigenaar: gemeente (regie) &amp; &lt;schoolbesturen&gt;" in html
        assert "<schoolbesturen>" not in html
        assert html.count("Eigenaar: ") == 1  # the result without an owner shows none


# --- ja/nee goal for the whole municipality -----------------------------------------------------------

# (observations, peiljaar, stand, status): `lokaal-protocol = ja in 2025`, one answer per year.
PROTOCOL_CASES = [
    ([obs("lokaal-protocol", "2024", True)], 2024, None, Status.ALREADY_MET),
    ([obs("lokaal-protocol", "2024", False)], 2024, None, Status.NOT_ASSESSED),
    ([obs("lokaal-protocol", "2024", False)], 2024, ReportedState.ON_SCHEDULE, Status.ON_TRACK),
    ([obs("lokaal-protocol", "2024", False), obs("lokaal-protocol", "2025", True)], 2025, None,
     Status.ACHIEVED),
    ([obs("lokaal-protocol", "2024", True), obs("lokaal-protocol", "2025", False)], 2025, None,
     Status.NOT_ACHIEVED),
    ([obs("lokaal-protocol", "2024", False)], 2025, None, Status.FINAL_PENDING),
]


@pytest.mark.parametrize(("data", "peiljaar", "stand", "status"), PROTOCOL_CASES,
                         ids=["ja voor het doeljaar", "nee voor het doeljaar", "nee, stand op schema",
                              "ja in het doeljaar", "nee in het doeljaar", "doeljaar nog zonder antwoord"])
def test_a_yes_no_goal_for_the_whole_municipality(data: list[Observation], peiljaar: int,
                                                  stand: ReportedState | None, status: Status) -> None:
    agenda = build_agenda(PROTOCOL)
    report = _evaluate(agenda, data, peiljaar, {"protocol": stand} if stand else None)
    (result,) = [r for r in report.results if r.code == "protocol"]
    assert result.goals[0].kind == "categorisch"
    assert result.status is status, result.goals[0].explanation.rule
