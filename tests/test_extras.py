"""Constructs a new municipality's document needs (issue 13): a result's owner, a ja/nee goal for
the whole municipality, and more; each reaches the JSON and both editions of the report."""

from __future__ import annotations

import re
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


# --- a nulmeting without a date -------------------------------------------------------------------------

UREN = HEAD + """
indicator uren "Uren rijke schooldag per week"
  eenheid: uur per week
  beter: hoger
  meting: {meting}

thema 1 "Kansen"
  resultaat uren "Van 12 naar 16 uur per week in 2027"
    doel: uren >= 16 uur per week in 2027
    basis: 12 uur per week
"""


@pytest.mark.parametrize(("meting", "period", "t"), [("kalenderjaar", "2023", 2023.0),
                                                      ("schooljaar", "2023/2024", 2023.0),
                                                      ("peildatum", "2024-01-01", 2024.0)])
def test_a_dateless_baseline_sits_just_before_the_period(meting: str, period: str, t: float) -> None:
    agenda = build_agenda(UREN.format(meting=meting))
    ((_, result),) = agenda.all_results()
    assert result.baseline is not None and result.baseline[1] is None
    later = {"kalenderjaar": "2025", "schooljaar": "2024/2025", "peildatum": "2025-01-01"}[meting]
    report = _evaluate(agenda, [obs("uren", later, "13")], 2025)
    e = report.results[0].goals[0].explanation
    assert e.baseline is not None
    b = e.baseline
    assert (str(b.period), b.t, b.value, b.undated) == (period, t, 12.0, True)
    assert e.baseline_kind == "expliciet"
    assert e.latest is not None and not e.latest.undated


def test_a_dateless_baseline_is_judged_from_just_before_the_period() -> None:
    # 12 (2023, undated) -> 13 (2025): a = 0,5 per jaar; r = (16 - 12) / (2027 - 2023) = 1; R = 0,5
    agenda = build_agenda(UREN.format(meting="kalenderjaar"))
    goal = _evaluate(agenda, [obs("uren", "2025", "13")], 2025).results[0].goals[0]
    assert goal.status is Status.INSUFFICIENT_PROGRESS
    assert goal.explanation.required_per_year == pytest.approx(1.0)
    assert goal.explanation.ratio == pytest.approx(0.5)


def test_a_dateless_baseline_is_labelled_not_dated_in_both_editions() -> None:
    agenda = build_agenda(UREN.format(meting="kalenderjaar"))
    report = _evaluate(agenda, [obs("uren", "2024", "12.5"), obs("uren", "2025", "13")], 2025)
    for html in _both_editions(agenda, report):
        assert ('<th scope="row">Nulmeting</th><td>12 uur per week (uit de agenda) '
                '<span class="period">(vóór de start, zonder datum)</span>') in html
        assert "Nulmeting: vóór de start, zonder datum: 12 uur per week" in html  # the chart in words


def test_a_dateless_baseline_has_no_year_on_the_chart_axis() -> None:
    # the nulmeting sits at 2023 only to be drawn; the time axis must not name a year the agenda never gave
    agenda = build_agenda(UREN.format(meting="kalenderjaar"))
    report = _evaluate(agenda, [obs("uren", "2024", "12.5"), obs("uren", "2025", "13")], 2025)
    for html in _both_editions(agenda, report):
        ticks = re.findall(r'<text class="tick" x="[\d.]+" y="[\d.]+" text-anchor="middle">([^<]*)</text>',
                           html.split('<svg class="chart"', 1)[1].split("</svg>", 1)[0])
        assert ticks[0] == "vóór de start" and "2023" not in ticks, ticks
        assert ticks[1:3] == ["2024", "2025"], ticks
        assert "2023: 12" not in html  # no year the document does not give


# --- eenheid: getal ---------------------------------------------------------------------------------------

GETAL = HEAD + """
indicator tevredenheid "Tevredenheid van ouders"
  eenheid: getal
  beter: hoger

thema 1 "Ouders"
  resultaat tevreden "Tevredenheid 7,5 in 2027"
    doel: tevredenheid >= 7,5 in 2027
"""


def test_a_plain_number_takes_decimals_and_no_bounds() -> None:
    from decimal import Decimal

    from lea_rules.data.values import read_value
    from lea_rules.nodes import Unit

    agenda = build_agenda(GETAL)
    indicator = agenda.indicator("tevredenheid")
    assert indicator is not None and indicator.unit is Unit.NUMBER and not indicator.unit.whole
    assert indicator.bounds() == (None, None)
    assert read_value("-1,5", indicator).number == Decimal("-1.5")
    goal = _evaluate(agenda, [obs("tevredenheid", "2023", "6.8"), obs("tevredenheid", "2025", "7.1")],
                     2025).results[0].goals[0]
    # r = (7,5 - 6,8) / 4 = 0,175; a = 0,15; R = 0,857 -> Versnelling nodig
    assert goal.status is Status.ACCELERATION_NEEDED
    assert goal.unit == "getal"
    for html in _both_editions(agenda, _evaluate(agenda, [obs("tevredenheid", "2025", "7.1")], 2025)):
        assert "7,1 <span" in html and "7,1 getal" not in html


# --- streven: an aspiration, judged like a doel, shown as a streven --------------------------------------

STREVEN = HEAD + """
indicator bereik "Bereik VVE"
  eenheid: %
  beter: hoger

thema 1 "Kansen"
  resultaat norm "Het bereik stijgt naar 90% in 2025"
    doel: bereik >= 90% in 2025
  resultaat streef "We streven naar 90% bereik in 2025"
    streven: bereik >= 90% in 2025
  resultaat veel "Zoveel mogelijk peuters doen mee"
    streven: kwalitatief
"""


def test_an_aspiration_is_judged_like_a_goal_and_shown_as_a_streven() -> None:
    agenda = build_agenda(STREVEN)
    results = {r.code: r for _, r in agenda.all_results()}
    assert (results["norm"].aspiration, results["streef"].aspiration, results["veel"].aspiration) == (
        False, True, True)
    data = [obs("bereik", "2023", "80"), obs("bereik", "2025", "78")]
    report = _evaluate(agenda, data, 2025)
    by_code = {r.code: r for r in report.results}
    norm, streef, veel = by_code["norm"], by_code["streef"], by_code["veel"]
    # the same figures give the same verdict ...
    assert norm.status is streef.status is Status.NOT_ACHIEVED
    assert streef.goals[0].explanation.rule == norm.goals[0].explanation.rule
    assert (norm.aspiration, norm.aspiration_status) == (False, None)
    assert (streef.aspiration, streef.aspiration_status) == (True, "Streven niet bereikt")
    assert veel.aspiration and veel.aspiration_status is None  # Nog niet beoordeeld stays grijs
    assert streef.needs_act  # a missed aspiration still asks why
    # ... said differently: the norm is red "Niet behaald", the streven never
    for html in _both_editions(agenda, report):
        assert 'data-status="not_achieved"' in html and 'class="status status-rood"' in html
        assert 'class="status status-oranje status-aspiration" data-status="not_reached"' in html
        assert "Streven niet bereikt" in html
        assert "dit is een streven uit het document, geen harde norm" in html
    english = render_html(ReportInput(agenda=agenda, evaluation=report, lang="en"))
    assert "Aspiration not reached" in english


def test_the_terminal_table_says_a_streven_as_one() -> None:
    from lea_rules.evaluation.table import render_table

    agenda = build_agenda(STREVEN)
    report = _evaluate(agenda, [obs("bereik", "2023", "80"), obs("bereik", "2025", "78")], 2025)
    text = render_table(report, width=250)
    (row,) = [line for line in text.splitlines() if "│ streef" in line]
    assert "Streven niet bereikt" in row and "oranje" in row and "Niet behaald" not in row
    assert "1 × Niet behaald" in text and "1 × Streven niet bereikt" in text  # the norm alone


# --- begrip and the kop's tekst: -------------------------------------------------------------------------

BEGRIPPEN = HEAD + """tekst: "Deze agenda is van <en> voor alle partners."
begrip "VVE": "Voor- en vroegschoolse educatie & meer"
  vraag: "Is dit de landelijke omschrijving?"

thema 1 "Kansen"
  begrip "Doelgroepkinderen": "Kinderen met een VVE-indicatie"
  resultaat leerlijn "Een doorgaande leerlijn"
    doel: mijlpaal in 2026
"""


def test_definitions_and_the_introduction_reach_the_json_and_both_editions() -> None:
    agenda = build_agenda(BEGRIPPEN)
    assert [(d.term, d.text) for d in agenda.definitions] == [
        ("VVE", "Voor- en vroegschoolse educatie & meer"),
        ("Doelgroepkinderen", "Kinderen met een VVE-indicatie")]
    # a begrip under a section belongs to the agenda: the result after it still belongs to the section
    ((section, result),) = agenda.all_results()
    assert section.title == "Kansen" and result.code == "leerlijn"
    report = _evaluate(agenda, [], 2025)
    assert report.introduction == ["Deze agenda is van <en> voor alle partners."]
    assert [(d.term, d.text) for d in report.definitions] == [(d.term, d.text) for d in agenda.definitions]
    working, council = _both_editions(agenda, report)
    for html in (working, council):
        assert '<section class="definitions" id="begrippen"' in html
        assert "<dt>VVE</dt><dd>Voor- en vroegschoolse educatie &amp; meer" in html
        assert "<dt>Doelgroepkinderen</dt>" in html
        assert "Deze agenda is van &lt;en&gt; voor alle partners." in html
    assert '<a href="#begrippen">Begrippen</a>' in working  # in the contents
    assert '<a href="#begrippen">Begrip VVE</a>' in working  # its question, linked


def test_hengelo_defines_kinderopvang_as_its_document_does() -> None:
    from pathlib import Path

    from lea_rules.api import check_file

    checked = check_file(Path(__file__).resolve().parent.parent / "agendas" / "hengelo.lea")
    assert checked.agenda is not None
    (definition,) = checked.agenda.definitions
    assert definition.term == "kinderopvang"
    assert definition.provenance.citations[0].line == 96
