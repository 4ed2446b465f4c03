"""The report never misleads (issue 11, report side): what a chart and a table show follows the
verdict. No required path where the required change decided nothing, no "geen gegevens" for a
projection that was not made, a series break visible in the chart and in Bijlage B, only figures
the peiljaar can know.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from lea_rules.cli import main
from lea_rules.data.model import Observation
from lea_rules.evaluation.engine import evaluate
from lea_rules.report import ReportInput, render_html
from lea_rules.report.view import GoalView, build_view
from lea_rules.words import nl
from tests.evaluation_helpers import build_agenda, declared, obs, x, x_agenda

ROOT = Path(__file__).resolve().parent.parent


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


BREAK = [x("2024", "78", "oud"), x("2025", "80", "oud"), x("2027", "77", "nieuw")]


def _html(doel: str, data: Sequence[Observation], peiljaar: int) -> str:
    agenda = x_agenda(doel, "hoger", None, "%")
    return render_html(ReportInput(agenda=agenda, evaluation=evaluate(agenda, data, None, peiljaar),
                                   observations=data))


def _appendix_b(html: str) -> str:
    start = html.index('id="bijlage-cijfers"')
    return html[start:html.index("</section>", start)]


def test_a_series_break_is_not_joined_and_is_named() -> None:
    goal = _goal("x >= 85% in 2027", BREAK, 2027)
    lines = re.findall(r'<polyline class="obs-line" points="([^"]*)"/>', goal.chart)
    assert [len(line.split()) for line in lines] == [2]  # 78 - 80 joined; 77 (reeks nieuw) stands alone
    assert goal.chart.count('class="break-line"') == 1
    assert ">trendbreuk</text>" in goal.chart  # a word, readable without colour
    assert "Trendbreuk tussen 2025 en 2027: vanaf 2027 reeks nieuw" in goal.chart_summary
    # the same figures in one series: one line, no break
    same = _goal("x >= 85% in 2027", [x("2024", "78", "oud"), x("2025", "80", "oud"), x("2027", "77", "oud")],
                 2027)
    lines = re.findall(r'<polyline class="obs-line" points="([^"]*)"/>', same.chart)
    assert [len(line.split()) for line in lines] == [3]
    assert "break-line" not in same.chart and "Trendbreuk" not in same.chart_summary


def test_the_series_reaches_the_json() -> None:
    agenda = x_agenda("x >= 85% in 2027", "hoger", None, "%")
    e = evaluate(agenda, BREAK, None, 2027).results[0].goals[0].explanation
    assert [p.series for p in e.points] == ["oud", "oud", "nieuw"]


def test_bijlage_b_shows_the_series_when_one_is_named() -> None:
    appendix = _appendix_b(_html("x >= 85% in 2027", BREAK, 2027))
    assert '<th scope="col">Reeks</th>' in appendix
    assert "<td>oud</td>" in appendix and "<td>nieuw</td>" in appendix
    plain = _appendix_b(_html("x >= 85% in 2027", [x("2024", "78"), x("2025", "80")], 2025))
    assert "Reeks" not in plain


def test_a_report_shows_only_figures_its_peiljaar_can_know() -> None:
    data = [x("2024", "78"), x("2025", "80"), x("2026", "81"), x("2027", "83")]
    appendix = _appendix_b(_html("x >= 85% in 2027", data, 2026))
    assert "<td>2026</td>" in appendix
    assert "<td>2027</td>" not in appendix and "83%" not in appendix


def test_the_glance_labels_last_year_and_the_total_when_they_rest_on_illustrative_figures() -> None:
    agenda = x_agenda("x >= 85% in 2027", "hoger", None, "%")
    data = [obs("x", "2023", "78", illustrative=True), obs("x", "2024", "80", illustrative=True),
            obs("x", "2025", "81")]
    report = evaluate(agenda, data, None, 2025)
    assert report.results[0].previous_illustrative
    html = render_html(ReportInput(agenda=agenda, evaluation=report, observations=data))
    glance = html[html.index('id="in-een-oogopslag"'):html.index('id="wat-nog-ontbreekt"')]
    tag = '<span class="tag tag-illustrative">1 illustratief</span>'
    total = glance[glance.index("<tfoot>"):glance.index("</tfoot>")]
    assert tag in total
    counts = glance[glance.index('class="status-table"'):]
    assert counts.count(tag) == 2, counts  # now (2025) and last year (2024: 78 -> 80, illustrative)
    cells = re.findall(r'<td class="num">(.*?)</td>', counts, re.S)
    assert sum(tag in cell for cell in cells) == 2
    # real figures: no label anywhere in the glance
    real = [x("2023", "78"), x("2024", "80"), x("2025", "81")]
    plain = render_html(ReportInput(agenda=agenda, evaluation=evaluate(agenda, real, None, 2025),
                                    observations=real))
    assert "tag-illustrative" not in plain[plain.index('id="in-een-oogopslag"'):
                                           plain.index('id="wat-nog-ontbreekt"')]


UNITS_AGENDA = """\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027
groep kindcentrum: "kindcentrum"

indicator brug "Brugfunctionaris"
  eenheid: ja/nee
  per: kindcentrum
  meting: kalenderjaar

thema 1 "Alles"
  resultaat alle "Elk kindcentrum een brugfunctionaris"
    doel: alle kindcentrum met brug in 2025
  resultaat twee "Twee kindcentra met een brugfunctionaris"
    doel: tenminste 2 kindcentrum met brug in 2025
"""


def test_group_names_are_plural_where_they_count_more_than_one() -> None:
    agenda = build_agenda(UNITS_AGENDA)
    names = ("Noord", "Zuid", "Oost", "West")
    data = [obs("brug", "2025", value, unit=name) for name, value in zip(names, (True, True, True, False),
                                                                          strict=True)]
    report = evaluate(agenda, data, None, 2025, units=declared("kindcentrum", *names))
    every, two = (r.goals[0] for r in report.results)
    # the JSON twin says the target in words
    assert every.explanation.model_dump(mode="json")["target_text"] == "alle kindcentra (100%)"
    assert two.explanation.model_dump(mode="json")["target_text"] == ">= 2 kindcentra"
    assert every.explanation.latest is not None
    assert nl.source(every.explanation.latest.source) == "3 van 4 kindcentra voldoen"
    html = render_html(ReportInput(agenda=agenda, evaluation=report, observations=data))
    assert "kindcentrum voldoen" not in html and "alle kindcentrum " not in html
    assert "alle kindcentra met" in html  # the plan's target, in words
    one = [obs("brug", "2025", value, unit=name) for name, value in zip(names, (True, False, False, False),
                                                                         strict=True)]
    report = evaluate(agenda, one, None, 2025, units=declared("kindcentrum", *names))
    latest = report.results[0].goals[0].explanation.latest
    assert latest is not None and nl.source(latest.source) == "1 van 4 kindcentra voldoet"


KLEINSTAD = ROOT / "tests" / "fixtures" / "report_small" / "kleinstad.lea"


@pytest.mark.parametrize(("where", "problem", "fix"), [
    ("map", "dat is een map, geen bestand",
     "Geef een bestandsnaam, bijvoorbeeld {tmp}/map/kleinstad-2025.html"),
    ("nieuw/x.html", "de map {tmp}/nieuw bestaat niet", "Maak haar eerst aan (mkdir -p {tmp}/nieuw)"),
    ("nieuw/diep/x.html", "de map {tmp}/nieuw/diep bestaat niet", "mkdir -p {tmp}/nieuw/diep"),
    ("bestand.txt/x.html", "{tmp}/bestand.txt is een bestand, geen map",
     "Kies een plek in een bestaande map"),
], ids=["een map", "een map die niet bestaat", "twee mappen diep", "een bestand als map"])
def test_report_refuses_a_place_that_cannot_take_the_file(where: str, problem: str, fix: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "map").mkdir()
    (tmp_path / "bestand.txt").write_text("x", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    code = main(["report", str(KLEINSTAD), "--year", "2025", "-o", str(tmp_path / where)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"lea report: kan '{tmp_path / where}' niet schrijven: {problem.format(tmp=tmp_path)}" in err
    assert fix.format(tmp=tmp_path) in err and "Er is geen rapport gemaakt." in err
    assert "Errno" not in err and ".tmp" not in err
    assert sorted(tmp_path.rglob("*")) == before  # nothing made, no temporary file left


def test_template_refuses_a_folder_that_does_not_exist(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nieuw" / "uitvraag.xlsx"
    code = main(["template", str(ROOT / "agendas" / "hengelo.lea"), "--year", "2026", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and f"de map {tmp_path / 'nieuw'} bestaat niet" in err
    assert not (tmp_path / "nieuw").exists()


@pytest.mark.parametrize(("where", "problem"), [
    ("afile", "{tmp}/afile is een bestand, geen map"),
    ("afile/sub", "{tmp}/afile is een bestand, geen map"),
    ("nieuw/data", "de map {tmp}/nieuw bestaat niet"),
], ids=["een bestand", "onder een bestand", "twee nieuwe mappen"])
def test_import_refuses_a_data_folder_it_cannot_write(where: str, problem: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    rows = tmp_path / "rijen.csv"
    rows.write_text("indicator;periode;eenheid;waarde;bron;status;illustratief;reeks;toelichting\n"
                    "vsv-percentage;2023/2024;;2,1;test;definitief;;;\n", encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    code = main(["import", str(rows), "--agenda", str(ROOT / "agendas" / "hengelo.lea"),
                 "--data", str(tmp_path / where), "--reason", "test"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert problem.format(tmp=tmp_path) in err and "Errno" not in err and "Er is niets veranderd." in err
    assert sorted(tmp_path.rglob("*")) == before


def test_import_makes_a_new_data_folder_in_an_existing_one(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    rows = tmp_path / "rijen.csv"
    rows.write_text("indicator;periode;eenheid;waarde;bron;status;illustratief;reeks;toelichting\n"
                    "vsv-percentage;2023/2024;;2,1;test;definitief;;;\n", encoding="utf-8")
    code = main(["import", str(rows), "--agenda", str(ROOT / "agendas" / "hengelo.lea"),
                 "--data", str(tmp_path / "nieuw"), "--reason", "test"])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "nieuw" / "observaties.csv").is_file()
