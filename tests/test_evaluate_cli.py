"""`lea evaluate` end to end on the shipped agendas and data, as table and as JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lea_rules.cli import main
from lea_rules.evaluation.model import Colour, EvaluationReport, Status
from lea_rules.evaluation.schema import evaluation_schema

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = ("hengelo", "enschede", "midden-groningen")


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> EvaluationReport:
    assert main(["evaluate", *args, "--format", "json"]) == 0
    return EvaluationReport.model_validate_json(capsys.readouterr().out)


@pytest.mark.parametrize("name", AGENDAS)
def test_json_validates_against_the_schema(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["evaluate", str(ROOT / "agendas" / f"{name}.lea"), "--year", "2025", "--format",
        "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    jsonschema.validate(payload, evaluation_schema())
    report = EvaluationReport.model_validate(payload)
    assert report.peiljaar == 2025 and report.results
    assert sum(report.counts.values()) == len(report.results)


@pytest.mark.parametrize("name", AGENDAS)
def test_shipped_data_is_labelled_illustrative(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    report = run_json(capsys, str(ROOT / "agendas" / f"{name}.lea"), "--year", "2025")
    assert report.illustrative_used
    for result in report.results:
        for goal in result.goals:
            shown = [p for p in (goal.explanation.latest, goal.explanation.baseline, *goal.explanation.points)
                     if p is not None]
            if any(p.illustrative for p in shown):
                assert goal.explanation.illustrative, (result.code, goal.description)
            if not goal.explanation.points and goal.explanation.latest is None and goal.kind not in (
                    "mijlpaal", "kwalitatief", "categorisch"):
                assert goal.colour is Colour.GREY  # no data is never red


def test_hengelo_2025_known_verdicts(capsys: pytest.CaptureFixture[str]) -> None:
    report = run_json(capsys, str(ROOT / "agendas" / "hengelo.lea"), "--year", "2025")
    by_code = {r.code: r for r in report.results}
    # thuiszitters < 10 in 2027 (<= 9): 14 (2023/2024) -> 15 (2024/2025): a = +1,
    # r = (9 - 14) / (2026 - 2023) = -1,67, R = -0,6.
    thuiszitters = by_code["1.3-r6"].goals[0]
    assert thuiszitters.status is Status.WRONG_DIRECTION
    ratio = thuiszitters.explanation.ratio
    assert ratio is not None and float(ratio) == pytest.approx(-0.6)
    # staged rijke schooldag: 5 uur in 2025 reached (5,5), the 2027 stage is the headline.
    staged = by_code["1.2-r4"]
    assert staged.goals[0].status is Status.ACHIEVED and staged.headline_goal == 1
    # a milestone the writer marked 'nog niet gestart' is grey, and act records come from progress.
    assert by_code["1.1-r9"].act is not None and not by_code["1.1-r9"].act_missing
    assert by_code["1.1-r9"].previous_status is not None


def test_table_output_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(ROOT / "agendas" / "hengelo.lea"), "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Verkeerde richting" in out and "rood" in out
    assert "(illustratief)" in out
    assert "82,4%" in out  # Dutch decimal comma
    assert "resultaten:" in out


def test_agenda_by_name(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = run_json(capsys, "midden-groningen", "--year", "2025")
    assert report.municipality == "Midden-Groningen"


def test_missing_agenda_is_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["evaluate", str(tmp_path / "nergens.lea"), "--year", "2025"]) == 2
    assert "niet gevonden" in capsys.readouterr().err


def test_invalid_agenda_shows_diagnostics(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "fout.lea"
    bad.write_text('gemeente: "X"\ntitel: "X"\nperiode: 2024-2027\nthema 1 "t"\n  resultaat "r"\n'
                   "    doel: onbekend >= 5 in 2027\n", encoding="utf-8")
    assert main(["evaluate", str(bad), "--year", "2025"]) == 1
    err = capsys.readouterr().err
    assert "fout[" in err and "onbekend" in err


def test_data_errors_are_printed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "observaties.csv").write_text(
        "indicator;periode;eenheid;waarde;bron;status;illustratief;reeks;toelichting\n"
        "vsv-percentage;2024/2025;;twee;test;definitief;;;\n", encoding="utf-8")
    code = main(["evaluate", str(ROOT / "agendas" / "hengelo.lea"), "--year", "2025", "--data", str(data)])
    assert code == 1
    err = capsys.readouterr().err
    assert "observaties.csv" in err and "niets beoordeeld" in err


def test_empty_data_folder_gives_no_red(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = run_json(capsys, str(ROOT / "agendas" / "hengelo.lea"), "--year", "2025", "--data",
        str(tmp_path))
    assert {r.colour for r in report.results} == {Colour.GREY}
    assert not report.illustrative_used


def test_copied_agenda_uses_its_own_data_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "agendas").mkdir()
    shutil.copy(ROOT / "agendas" / "midden-groningen.lea", tmp_path / "agendas" / "midden-groningen.lea")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "data" / "midden-groningen", tmp_path / "data" / "midden-groningen")
    report = run_json(capsys, str(tmp_path / "agendas" / "midden-groningen.lea"), "--year", "2025")
    assert report.counts.get(Status.ACHIEVED.value, 0) >= 1


def test_peiljaar_far_outside_the_period_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from lea_rules.cli import main

    assert main(["evaluate", str(ROOT / "agendas" / "hengelo.lea"), "--year", "1999"]) == 2
    assert "valt buiten de looptijd 2024-2027" in capsys.readouterr().err
    assert main(["report", str(ROOT / "agendas" / "hengelo.lea"), "--year", "2031"]) == 2


def test_json_marks_revised_figures_and_a_recomputed_previous_status(
        capsys: pytest.CaptureFixture[str]) -> None:
    """revisies.csv of the report fixture: vve-bereik 2024-01-01 went from 81 to 81,5."""
    fixture = ROOT / "tests" / "fixtures" / "report_small" / "kleinstad.lea"
    report = run_json(capsys, str(fixture), "--year", "2025")
    by_code = {r.code: r for r in report.results}
    vve = by_code["1.1-r1"]
    assert vve.data_revised and vve.previous_status is not None
    assert vve.revised_figures == ["vve-bereik 2024-01-01: 81 \u2192 81,5 (herzien op 2025-03-01: "
                                   "definitieve cijfers VVE-monitor)"]
    assert vve.previous_status_note is not None and "opnieuw berekend" in vve.previous_status_note
    assert not by_code["2.1-r1"].data_revised and by_code["2.1-r1"].previous_status_note is None
