"""The units are known: eenheden.csv declares the units of each group; imports, stored data and
units goals (`alle/elk/tenminste N GROEP met ...`) are checked against it, never against names."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from lea_rules.api import load_agenda
from lea_rules.cli import main
from lea_rules.data.group_names import plural
from lea_rules.data.problems import DataInvalid
from lea_rules.data.store import load_observations
from lea_rules.data.units import DeclaredUnit, DeclaredUnits, is_total_name, load_units
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import Colour, EvaluationReport, GoalEvaluation, Status
from lea_rules.nodes import Agenda
from lea_rules.words import nl
from tests.evaluation_helpers import build_agenda, obs

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data_cases" / "units"
AGENDA = str(ROOT / "agendas" / "hengelo.lea")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "hengelo"
    shutil.copytree(ROOT / "data" / "hengelo", target)
    return target


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# --- lea import: one located error per bad unit, nothing written ------------------------------

# case file -> (code, words the message or help must contain)
IMPORT_CASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "undeclared_unit.csv": ("D240", ("onbekende eenheid 'IKC Noord'", "onder groep IKC",
                                         "voeg 'IKC Noord' toe")),
    "near_miss_unit.csv": ("D240", ("bedoelde je 'IKC 1 (voorbeeld)'?",)),
    "totals_row.csv": ("D241", ("'Totaal' is een totaal", "kent geen totaal")),
    "totals_row_all_units.csv": ("D241", ("'alle IKC's' is een totaal",)),
    "totals_row_kengetal.csv": ("D241", ("'Hengelo (totaal)' is een totaal",
                                         "rij met een lege eenheid")),
    "unit_without_per.csv": ("D242", ("geen per:", "laat de eenheid leeg", "geef de indicator per:")),
    "unit_of_other_group.csv": ("D243", ("is een VO-school",
                                         "bedoelde je de indicator 'brugfunctionaris-vo'?")),
    "units_not_declared.csv": ("D244", ("kinderopvangorganisatie zijn nog niet gedeclareerd",
                                        "kinderopvangorganisatie;Kinderopvang De Rups;;")),
}


def test_every_case_file_is_tested() -> None:
    assert sorted(p.name for p in CASES.glob("*.csv")) == sorted(IMPORT_CASES)


@pytest.mark.parametrize("name", sorted(IMPORT_CASES))
def test_bad_unit_is_refused_once_at_its_cell(name: str, data_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code_expected, words = IMPORT_CASES[name]
    before = snapshot(data_dir.parent)
    file = CASES / name
    code, output = run(["import", str(file), "--agenda", AGENDA, "--data", str(data_dir)], capsys)
    assert code == 1, output
    assert output.count("fout[") == 1, output
    assert f"fout[{code_expected}]" in output, output
    assert f"--> {file}:2:3 (kolom 'eenheid')" in output, output
    for word in words:
        assert word in output, output
    assert "er is niets veranderd" in output
    assert snapshot(data_dir.parent) == before


def test_declared_unit_is_imported(data_dir: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "ikc.csv"
    file.write_text("indicator;periode;eenheid;waarde;bron\n"
                    "brugfunctionaris-ikc;2025/2026;ikc 3 (VOORBEELD);ja;gemeente\n"
                    "kinderen-2-13;2024;;6.900;CBS\n", encoding="utf-8")
    code, output = run(["import", str(file), "--agenda", AGENDA, "--data", str(data_dir)], capsys)
    assert code == 0, output
    assert "2 nieuw" in output


def test_a_total_without_unit_is_only_for_a_kengetal(data_dir: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "ikc.csv"
    file.write_text("indicator;periode;eenheid;waarde;bron\nbrugfunctionaris-ikc;2025/2026;;ja;gemeente\n",
                    encoding="utf-8")
    code, output = run(["import", str(file), "--agenda", AGENDA, "--data", str(data_dir)], capsys)
    assert code == 1 and output.count("fout[") == 1 and "fout[D203]" in output


def test_stored_rows_are_checked_the_same_way(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "observaties.csv"
    text = path.read_text(encoding="utf-8").replace("IKC 7 (voorbeeld);ja", "IKC Zeven;ja", 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "IKC Zeven" in row)
    with pytest.raises(DataInvalid) as raised:
        load_observations(data_dir, load_agenda(AGENDA))
    (problem,) = raised.value.problems
    assert problem.code == "D240" and (problem.place.row, problem.place.column) == (line, 3)
    before = snapshot(data_dir.parent)
    code, output = run(["check", str(path), "--agenda", AGENDA], capsys)
    assert code == 1 and output.count("fout[") == 1 and "fout[D240]" in output, output
    file = CASES / "undeclared_unit.csv"
    code, output = run(["import", str(file), "--agenda", AGENDA, "--data", str(data_dir)], capsys)
    assert code == 1 and "IKC Zeven" in output
    assert snapshot(data_dir.parent) == before


# --- eenheden.csv ----------------------------------------------------------------------------

HEADER = "groep;eenheid;illustratief;toelichting\n"
# content -> (code, line, column, words)
UNIT_FILE_CASES: list[tuple[str, bytes, str, int, int | None, str]] = [
    ("geen utf-8", (HEADER + "IKC;Kindcentrum M\xfcller;;\n").encode("cp1252"), "D500", 2, None, "UTF-8"),
    ("leeg", b"", "D501", 1, None, "groep;eenheid;illustratief;toelichting"),
    ("onbekende kolom", b"groep;eenheid;illustratief;opmerking\n", "D501", 1, 4, "toelichting"),
    ("kolom ontbreekt", b"groep;naam\n", "D501", 1, 2, "groep;eenheid"),
    ("komma's", b"groep,eenheid,illustratief,toelichting\nIKC,IKC De Es,,\n", "D501", 1, 1, "puntkomma"),
    ("onbekende groep", (HEADER + "IKCs;IKC De Es;;\n").encode(), "D502", 2, 1, "bedoelde je 'IKC'?"),
    ("groep ontbreekt", (HEADER + ";IKC De Es;;\n").encode(), "D503", 2, 1, "groep ontbreekt"),
    ("eenheid ontbreekt", (HEADER + "IKC;;;\n").encode(), "D503", 2, 2, "eenheid ontbreekt"),
    ("dubbel", (HEADER + "IKC;IKC De Es;;\nIKC;ikc de es;;\n").encode(), "D504", 3, 2, "regel 2"),
    ("twee groepen, niet eens over illustratief",
     (HEADER + "IKC;De Es;;\nVO-school;De Es;1;illustratief: voorbeeldnaam\n").encode(), "D505", 3, 3,
     "groep IKC"),
    ("illustratief geen ja/nee", (HEADER + "IKC;IKC De Es;misschien;\n").encode(), "D506", 2, 3, "1"),
    ("illustratief zonder toelichting", (HEADER + "IKC;IKC 1;1;voorbeeld\n").encode(), "D507", 2, 4,
     "illustratief"),
    ("totaal", (HEADER + "wijk;Hengelo (totaal);;\n").encode(), "D508", 2, 2, "lege eenheid"),
    ("te veel velden", (HEADER + "IKC;IKC De Es;;noot;extra\n").encode(), "D509", 2, 5, "extra velden"),
]


@pytest.mark.parametrize(("name", "content", "code", "line", "column", "words"), UNIT_FILE_CASES,
                         ids=[c[0] for c in UNIT_FILE_CASES])
def test_units_file_mistake_is_one_located_problem(name: str, content: bytes, code: str, line: int,
                                                   column: int | None, words: str, data_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "eenheden.csv"
    path.write_bytes(content)
    agenda = load_agenda(AGENDA)
    with pytest.raises(DataInvalid) as raised:
        load_units(data_dir, agenda)
    (problem,) = raised.value.problems
    assert problem.code == code, problem.render()
    assert problem.place.path == str(path) and problem.place.row == line
    if column is not None:
        assert problem.place.column == column, problem.render()
    assert words in problem.render(), problem.render()
    assert problem.help
    # lea check finds it, and every command that reads the folder refuses, writing nothing
    code_check, output = run(["check", str(path), "--agenda", AGENDA], capsys)
    assert code_check == 1 and output.count("fout[") == 1 and f"fout[{code}]" in output, output
    before = snapshot(data_dir.parent)
    code_import, output = run(["import", str(CASES / "near_miss_unit.csv"), "--agenda", AGENDA,
                               "--data", str(data_dir)], capsys)
    assert code_import == 1 and f"fout[{code}]" in output and str(path) in output, output
    assert snapshot(data_dir.parent) == before
    assert main(["evaluate", AGENDA, "--year", "2025", "--data", str(data_dir)]) == 1


def test_shipped_units_files_check_clean(capsys: pytest.CaptureFixture[str]) -> None:
    for folder in ("hengelo", "midden-groningen"):
        code, output = run(["check", str(ROOT / "data" / folder / "eenheden.csv")], capsys)
        assert code == 0, output
    units = load_units(ROOT / "data" / "hengelo", load_agenda(AGENDA))
    assert units.of("IKC's") == [f"IKC {n} (voorbeeld)" for n in range(1, 8)]
    assert all(units.illustrative(name) for name in units.of("IKC") + units.of("VO-school"))
    assert len(units.of("wijk")) == 10 and not any(units.illustrative(n) for n in units.of("wijk"))
    assert units.of("kinderopvangorganisatie") == []  # not yet known, never guessed


def test_a_units_problem_in_observaties_check_points_at_eenheden(data_dir: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (data_dir / "eenheden.csv").write_text(HEADER + "IKCs;IKC 1 (voorbeeld);;\n", encoding="utf-8")
    code, output = run(["check", str(data_dir / "observaties.csv"), "--agenda", AGENDA], capsys)
    assert code == 1 and f"--> {data_dir / 'eenheden.csv'}:2:1" in output, output


def test_total_names_and_plurals() -> None:
    for name in ("Totaal", "totaal", "Gemeente", "Hengelo (totaal)", "Hengelo", "alle IKC's",
                 "Totaal Hengelo"):
        assert is_total_name(name, "Hengelo"), name
    for name in ("IKC 1 (voorbeeld)", "Wijk 00 Binnenstad", "Kindcentrum De Es", "Hengelose Es"):
        assert not is_total_name(name, "Hengelo"), name
    assert [plural(g) for g in ("IKC", "VO-school", "kindcentrum", "wijk", "kinderopvangorganisatie")] == [
        "IKC's", "VO-scholen", "kindcentra", "wijken", "kinderopvangorganisaties"]


# --- judging units goals against the declared units -----------------------------------------

UNITS_AGENDA = """\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027
groep IKC: "integraal kindcentrum"
groep VO-school: "school voor voortgezet onderwijs"

indicator brug "Brugfunctionaris op de school"
  eenheid: ja/nee
  per: IKC, VO-school
  meting: kalenderjaar

thema 1 "Alles"
  resultaat alle "Alle IKC's een brugfunctionaris in 2027"
    doel: alle IKC met brug in 2027
  resultaat zes "Op tenminste zes IKC's een brugfunctionaris in 2027"
    doel: tenminste 6 IKC met brug in 2027
  resultaat vo "Op tenminste twee VO-scholen een brugfunctionaris in 2027"
    doel: tenminste 2 VO-school met brug in 2027
"""
SEVEN = [f"IKC {n}" for n in range(1, 8)]


@pytest.fixture(scope="module")
def agenda() -> Agenda:
    return build_agenda(UNITS_AGENDA)


def declared(ikc: list[str], vo: tuple[str, ...] | list[str] = ()) -> DeclaredUnits:
    return DeclaredUnits("data/testdorp/eenheden.csv", tuple(
        [DeclaredUnit("IKC", n) for n in ikc] + [DeclaredUnit("VO-school", n) for n in vo]))


def judge(agenda: Agenda, code: str, flags: Sequence[bool | None], year: int = 2027,
          units: DeclaredUnits | None = None, names: list[str] = SEVEN) -> GoalEvaluation:
    """`flags[i]` is the value of IKC i+1 in `year`; None: that IKC delivered nothing."""
    data = [obs("brug", str(year), flag, unit=name) for name, flag in zip(names, flags, strict=False)
            if flag is not None]
    report = evaluate(agenda, data, None, year, units=units if units is not None else declared(names))
    EvaluationReport.model_validate_json(report.model_dump_json())  # the JSON stays valid
    (result,) = [r for r in report.results if r.code == code]
    return result.goals[0]


def test_two_of_seven_is_not_green_and_says_five_are_missing(agenda: Agenda) -> None:
    for year in (2025, 2027):
        goal = judge(agenda, "alle", [True, True], year)
        assert goal.status is Status.INCOMPLETE and goal.colour is Colour.GREY
        assert "2 van 7 IKC's geleverd; 5 ontbreken" in nl.rule(goal.explanation.rule)
        assert (goal.explanation.units_declared, goal.explanation.units_missing) == (7, 5)
        assert [u.unit for u in goal.explanation.units if u.missing] == SEVEN[2:]
        assert all(nl.unit_value(u.value) == "geen gegevens" for u in goal.explanation.units if u.missing)


def test_six_ja_one_nee_is_judged_but_six_ja_one_missing_is_incomplete(agenda: Agenda) -> None:
    judged = judge(agenda, "alle", [True] * 6 + [False])
    assert judged.status is Status.NOT_ACHIEVED and judged.colour is Colour.RED
    assert judged.explanation.units_missing == 0
    missing = judge(agenda, "alle", [True] * 6)
    assert missing.status is Status.INCOMPLETE and missing.colour is Colour.GREY
    assert "6 van 7 IKC's geleverd; 1 ontbreekt" in nl.rule(missing.explanation.rule)
    complete = judge(agenda, "alle", [True] * 7)
    assert complete.status is Status.ACHIEVED


def test_alle_is_never_green_while_declared_units_are_missing(agenda: Agenda) -> None:
    for delivered in range(1, 7):
        for year in (2025, 2027):
            goal = judge(agenda, "alle", [True] * delivered, year)
            assert goal.colour is not Colour.GREEN, (delivered, year, goal.status)


def test_tenminste_six_with_three_of_seven_delivered_is_incomplete_not_red(agenda: Agenda) -> None:
    for year in (2025, 2027):
        goal = judge(agenda, "zes", [True, True, True], year)
        assert goal.status is Status.INCOMPLETE and goal.colour is Colour.GREY, goal.explanation.rule
        assert "3 van 7 IKC's geleverd; 4 ontbreken" in nl.rule(goal.explanation.rule)


def test_tenminste_met_by_the_confirmed_units_stays_met(agenda: Agenda) -> None:
    goal = judge(agenda, "zes", [True] * 6)
    assert goal.status is Status.ACHIEVED
    assert any("6 van 7 IKC's geleverd; 1 ontbreekt" in n and "niet ongedaan" in n
               for n in map(nl.note, goal.explanation.notes))


def test_tenminste_out_of_reach_even_with_the_missing_is_judged(agenda: Agenda) -> None:
    goal = judge(agenda, "zes", [True, True, False, False, False])  # 2 + 2 missing < 6
    assert goal.status is Status.NOT_ACHIEVED
    notes = [nl.note(n) for n in goal.explanation.notes]
    assert any("ook als de ontbrekende IKC's allemaal voldoen" in n for n in notes)


def test_membership_is_the_declared_list_never_the_name(agenda: Agenda) -> None:
    units = declared(["Kindcentrum De Es", "IKC Noord"], ["IKC-college (vo)"])
    data = [obs("brug", "2027", True, unit="Kindcentrum De Es"), obs("brug", "2027", True, unit="IKC Noord"),
            obs("brug", "2027", True, unit="IKC-college (vo)")]
    report = evaluate(agenda, data, None, 2027, units=units)
    goals = {r.code: r.goals[0] for r in report.results}
    assert goals["alle"].status is Status.ACHIEVED
    assert [u.unit for u in goals["alle"].explanation.units] == ["Kindcentrum De Es", "IKC Noord"]
    assert [u.unit for u in goals["vo"].explanation.units] == ["IKC-college (vo)"]
    assert goals["vo"].explanation.points[-1].value == 1  # the one VO-school, not two


def test_undeclared_group_cannot_be_judged(agenda: Agenda) -> None:
    for code in ("alle", "zes"):
        goal = judge(agenda, code, [True] * 7, units=DeclaredUnits("data/testdorp/eenheden.csv"))
        assert goal.status is Status.NO_DATA and goal.colour is Colour.GREY
        assert "de eenheden van groep IKC zijn niet gedeclareerd in data/testdorp/eenheden.csv" in (
            nl.rule(goal.explanation.rule))


def test_hengelo_evaluation_names_the_units_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = run(["evaluate", AGENDA, "--year", "2025", "--format", "json"], capsys)
    assert code == 0
    report = EvaluationReport.model_validate_json(output)
    goals = {g.description: g for r in report.results for g in r.goals}
    ejk = goals["alle kinderopvangorganisatie met ejk-bezoeken >= 2 jaarlijks"]
    assert ejk.status is Status.NO_DATA and "eenheden.csv" in nl.rule(ejk.explanation.rule)
    brug = goals["tenminste 6 IKC met brugfunctionaris-ikc"]
    assert brug.explanation.units_declared == 7 and brug.explanation.units_missing == 0


# --- lea template -------------------------------------------------------------------------------


def test_template_asks_every_declared_unit_and_explains_the_unknown(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "uitvraag.xlsx"
    code, output = run(["template", AGENDA, "--year", "2026", "-o", str(out), "--data", str(data_dir)],
                       capsys)
    assert code == 0, output
    assert "let op: Niet per kinderopvangorganisatie gevraagd" in output and "ejk-bezoeken" in output
    wb = load_workbook(out)
    body = list(wb["Uitvraag"].iter_rows(values_only=True))[1:]
    # bieb-op-school has no figures yet: still one row per declared IKC
    assert [r[4] for r in body if r[0] == "bieb-op-school"] == [f"IKC {n} (voorbeeld)" for n in range(1, 8)]
    assert [r[0] for r in body if r[0] == "ejk-bezoeken"] == []
    wijk = [r[4] for r in body if r[0] == "kinderen-2-13"]
    assert wijk[0] is None and len(wijk) == 11  # the total (empty eenheid), then the ten wijken
    notes = " ".join(str(r[0]) for r in wb["Toelichting"].iter_rows(values_only=True) if r[0])
    assert "kinderopvangorganisaties" in notes and "eenheden.csv" in notes


def test_the_same_unit_mistake_on_many_rows_is_one_message(data_dir: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "nieuw-ikc.csv"
    file.write_text("indicator;periode;eenheid;waarde;bron\n"
                    "brugfunctionaris-ikc;2025/2026;IKC Noord;ja;gemeente\n"
                    "gezonde-schoolaanpak;2025;IKC Noord;ja;gemeente\n"
                    "bieb-op-school;2025;IKC Noord;nee;gemeente\n"
                    "ejk-bezoeken;2025;Kinderopvang A;3;EJK\n"
                    "ejk-bezoeken;2024;Kinderopvang B;2;EJK\n", encoding="utf-8")
    before = snapshot(data_dir.parent)
    code, output = run(["import", str(file), "--agenda", AGENDA, "--data", str(data_dir)], capsys)
    assert code == 1 and output.count("fout[") == 2, output
    assert "'IKC Noord'" in output and "(zo ook op nog 2 rijen: 3, 4)" in output
    assert "fout[D244]" in output and "(zo ook op nog 1 rij: 6)" in output
    assert snapshot(data_dir.parent) == before


def test_report_shows_a_missing_unit_as_no_data(agenda: Agenda) -> None:
    from datetime import date

    from lea_rules.report import ReportInput, render_html

    data = [obs("brug", "2025", True, unit=name) for name in SEVEN[:2]]
    evaluation = evaluate(agenda, data, None, 2025, units=declared(SEVEN))
    html = render_html(ReportInput(agenda=agenda, evaluation=evaluation, generated=date(2025, 7, 1),
                                   observations=data, lang="nl"))
    assert "Gegevens onvolledig" in html and "2 van 7 IKC&#39;s geleverd; 5 ontbreken" in html
    assert '<tr><th scope="row">IKC 7</th><td>geen gegevens</td><td>geen gegevens</td></tr>' in html


flags_of_seven = st.lists(st.sampled_from([True, False, None]), min_size=7, max_size=7)


@settings(max_examples=150, deadline=None)
@given(flags=flags_of_seven, year=st.sampled_from([2025, 2027]))
def test_missing_units_never_make_green_or_a_red_that_they_could_undo(
        agenda: Agenda, flags: list[bool | None], year: int) -> None:
    filled = [True if flag is None else flag for flag in flags]  # every missing IKC delivers ja
    for code in ("alle", "zes"):
        goal = judge(agenda, code, flags, year)
        best = judge(agenda, code, filled, year)
        if code == "alle" and None in flags:
            assert goal.colour is not Colour.GREEN
        if goal.colour is Colour.RED:  # red only when the missing units cannot change it
            assert best.colour is not Colour.GREEN, (code, flags, year)


def test_unit_problem_for_an_indicator_of_two_groups(agenda: Agenda) -> None:
    from lea_rules.data.units import unit_problem

    brug = agenda.indicator("brug")
    assert brug is not None
    nothing = DeclaredUnits("data/testdorp/eenheden.csv")
    code, message, help = unit_problem(brug, "IKC 1", nothing, agenda) or ("", "", "")
    assert code == "D244" and "de groepen IKC en VO-school" in message and "IKC;IKC 1;;" in help
    only_ikc = declared(SEVEN)
    code, message, help = unit_problem(brug, "Het Lyceum", only_ikc, agenda) or ("", "", "")
    assert code == "D240" and "onder groep IKC" in message
    assert "VO-school zijn nog niet gedeclareerd" in message
    assert unit_problem(brug, "ikc  7", only_ikc, agenda) is None  # case and spaces do not count


def test_the_evaluate_table_says_how_many_units_delivered() -> None:
    from lea_rules.data.store import load_observations
    from lea_rules.data.units import load_units
    from lea_rules.evaluation.engine import evaluate
    from lea_rules.evaluation.table import _latest_text

    root = Path(__file__).resolve().parent.parent
    agenda = load_agenda(root / "agendas" / "hengelo.lea")
    data = root / "data" / "hengelo"
    report = evaluate(agenda, load_observations(data, agenda), None, 2025, units=load_units(data, agenda))
    texts = [_latest_text(g) for r in report.results for g in r.goals if g.kind == "eenheden"]
    assert any(t.endswith("; 7 van 7 geleverd") for t in texts), texts
    assert any(t.endswith("; 2 van 2 geleverd") for t in texts), texts
