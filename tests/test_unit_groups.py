"""A count over several groups together: `tenminste 10 school en/of wijk met huiskamer in 2026`.

The units are those of every named group, a unit listed under two of them once; the words say
the groups; `of`/`en` alone are refused with the hint to write `en/of` (E340); the stepped goal
`... en tenminste 2 VO-school met ...` keeps its meaning."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lea_rules import nodes as n
from lea_rules.api import check_file
from lea_rules.cli import main
from lea_rules.data.units import DeclaredUnit, DeclaredUnits
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import Colour, EvaluationReport, GoalEvaluation, Status
from lea_rules.nodes import Agenda
from lea_rules.words import en, nl
from tests.evaluation_helpers import build_agenda, obs

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "groups"

AGENDA = """\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027
groep school: "school"
groep wijk: "wijk"
groep IKC: "integraal kindcentrum"

indicator huiskamer "Huiskamer met naschools aanbod"
  eenheid: ja/nee
  per: school, wijk, IKC
  meting: kalenderjaar

thema 1 "Alles"
  resultaat vier "Op tenminste vier scholen en/of wijken een huiskamer in 2027"
    doel: tenminste 4 school en/of wijk met huiskamer in 2027
  resultaat alle "Alle scholen en wijken een huiskamer in 2027"
    doel: alle school en/of wijk met huiskamer in 2027
  resultaat drie "Alle IKC's, scholen en wijken in 2027"
    doel: elk IKC, school en/of wijk met huiskamer in 2027
"""
SCHOOLS = ("School 1", "School 2", "School 3")
WIJKEN = ("Wijk A", "Wijk B", "Wijk C")


@pytest.fixture(scope="module")
def agenda() -> Agenda:
    return build_agenda(AGENDA)


def units(schools: Sequence[str] = SCHOOLS, wijken: Sequence[str] = WIJKEN,
          ikc: Sequence[str] = ()) -> DeclaredUnits:
    return DeclaredUnits("data/testdorp/eenheden.csv", tuple(
        [DeclaredUnit("school", u) for u in schools] + [DeclaredUnit("wijk", u) for u in wijken]
        + [DeclaredUnit("IKC", u) for u in ikc]))


def judge(agenda: Agenda, code: str, flags: dict[str, bool], declared: DeclaredUnits | None = None,
          year: int = 2027) -> GoalEvaluation:
    data = [obs("huiskamer", str(year), flag, unit=name) for name, flag in flags.items()]
    report = evaluate(agenda, data, None, year, units=declared if declared is not None else units())
    EvaluationReport.model_validate_json(report.model_dump_json())  # the JSON stays valid
    (result,) = [r for r in report.results if r.code == code]
    return result.goals[0]


# --- the language ---------------------------------------------------------------------------


def test_the_goal_names_every_group(agenda: Agenda) -> None:
    goals = {r.code: r.goals[0] for _, r in agenda.all_results()}
    four = goals["vier"]
    assert isinstance(four, n.UnitsGoal) and four.groups == ("school", "wijk")
    assert four.minimum is not None and four.minimum.value == 4
    three = goals["drie"]
    assert isinstance(three, n.UnitsGoal) and three.groups == ("IKC", "school", "wijk")
    assert [j.word for j in three.joins] == [",", "en/of"]
    assert [s.column for s in three.group_spans] == [15, 20, 33]


def test_a_stepped_goal_with_en_keeps_its_two_counts() -> None:
    agenda = build_agenda(AGENDA.replace(
        "doel: tenminste 4 school en/of wijk met huiskamer in 2027",
        "doel: tenminste 2 school met huiskamer in 2027 en tenminste 2 wijk met huiskamer in 2027"))
    (result,) = [r for _, r in agenda.all_results() if r.code == "vier"]
    assert [g.groups for g in result.goals if isinstance(g, n.UnitsGoal)] == [("school",), ("wijk",)]


@pytest.mark.parametrize(("written", "code", "column", "help"), [
    ("school of wijk", "E340", 30, "schrijf 'school en/of wijk'"),
    ("school en wijk", "E340", 30, "of twee doelen: 'tenminste N school met ... en tenminste M wijk"),
    ("IKC, school, wijk", "E340", 34, "schrijf 'IKC, school en/of wijk'"),
    ("school en/of wijken", "E203", 36, "schrijf 'wijk'"),
    ("school en/of IKC", "E228", 36, "zet 'per: school, wijk, IKC'"),
])
def test_one_mistake_one_message_with_the_right_hint(tmp_path: Path, written: str, code: str, column: int,
                                                    help: str) -> None:
    text = AGENDA.replace("per: school, wijk, IKC", "per: school, wijk") if code == "E228" else AGENDA
    path = tmp_path / "a.lea"
    path.write_text(text.replace("tenminste 4 school en/of wijk", f"tenminste 4 {written}"), encoding="utf-8")
    diags = [d for d in check_file(path).diagnostics
             if d.is_error and d.span.line == 15]
    assert [d.code for d in diags] == [code], diags
    assert diags[0].span.column == column and help in (diags[0].help or ""), diags[0]


def test_e228_on_a_stepped_goal_is_unchanged(tmp_path: Path) -> None:
    shutil.copy(ROOT / "tests" / "check_cases" / "E228-indicator-niet-per-eenheid.lea", tmp_path / "a.lea")
    (diag,) = check_file(tmp_path / "a.lea").diagnostics
    assert diag.message == "'brugfunctionaris' wordt niet per VO-school gemeten (nu: per: IKC)"
    assert diag.help == "zet 'per: IKC, VO-school' bij indicator brugfunctionaris"


def test_fmt_keeps_the_count_and_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.lea"
    messy = AGENDA.replace("    doel: elk IKC, school en/of wijk",
                           "        doel:  elk IKC ,  school   en/of wijk")
    path.write_text(messy, encoding="utf-8")
    assert main(["fmt", str(path)]) == 0
    once = path.read_text(encoding="utf-8")
    assert "    doel: elk IKC, school en/of wijk met huiskamer in 2027\n" in once
    assert main(["fmt", "--check", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == once
    capsys.readouterr()


# --- judging: the units of every group, a unit in two counted once --------------------------


def test_the_count_is_over_the_units_of_both_groups(agenda: Agenda) -> None:
    goal = judge(agenda, "vier", {"School 1": True, "School 2": False, "School 3": True,
                                  "Wijk A": True, "Wijk B": True, "Wijk C": False})
    assert goal.status is Status.ACHIEVED
    assert goal.explanation.units_declared == 6 and goal.explanation.units_missing == 0
    assert [u.groups for u in goal.explanation.units] == [["school"]] * 3 + [["wijk"]] * 3
    latest = goal.explanation.latest
    assert latest is not None and nl.source(latest.source) == "4 van 6 scholen en wijken voldoen"
    assert en.source(latest.source) == "4 of 6 units (school and wijk) meet"
    assert goal.description == "tenminste 4 school en/of wijk met huiskamer in 2027"
    assert nl.aim(goal.explanation.target_text) == ">= 4 scholen en wijken"
    assert en.aim(goal.explanation.target_text) == "\u2265 4 scholen and wijken"


def test_missing_units_of_either_group_make_it_incomplete(agenda: Agenda) -> None:
    goal = judge(agenda, "vier", {"School 1": True, "Wijk A": True, "Wijk B": True})
    assert goal.status is Status.INCOMPLETE and goal.colour is Colour.GREY
    rule = nl.rule(goal.explanation.rule)
    assert "3 van 6 scholen en wijken geleverd; 3 ontbreken" in rule, rule
    missing = [u.unit for u in goal.explanation.units if u.missing]
    assert missing == ["School 2", "School 3", "Wijk C"]
    one = judge(agenda, "vier", {"School 1": True, "School 2": True, "School 3": True,
                                 "Wijk A": False, "Wijk B": False})
    assert "met de ontbrekende school of wijk kan" in nl.rule(one.explanation.rule)


def test_a_group_without_declared_units_leaves_the_goal_unjudged(agenda: Agenda) -> None:
    goal = judge(agenda, "alle", {name: True for name in SCHOOLS}, declared=units(wijken=()))
    assert goal.status is Status.NO_DATA
    assert "de eenheden van groep wijk zijn niet gedeclareerd" in nl.rule(goal.explanation.rule)
    assert "the units of group wijk are not declared" in en.rule(goal.explanation.rule)


def test_a_unit_in_two_groups_counts_once(agenda: Agenda) -> None:
    both = DeclaredUnits("data/testdorp/eenheden.csv", (
        DeclaredUnit("school", "Brede school"), DeclaredUnit("wijk", "Brede school"),
        DeclaredUnit("school", "School 1"), DeclaredUnit("wijk", "Wijk A")))
    goal = judge(agenda, "alle", {"Brede school": True, "School 1": True, "Wijk A": True}, declared=both)
    assert goal.status is Status.ACHIEVED
    assert goal.explanation.units_declared == 3
    assert [(u.unit, u.groups) for u in goal.explanation.units] == [
        ("Brede school", ["school", "wijk"]), ("School 1", ["school"]), ("Wijk A", ["wijk"])]


def test_a_count_over_one_group_has_no_groups_in_its_json(agenda: Agenda) -> None:
    single = build_agenda(AGENDA.replace("tenminste 4 school en/of wijk", "tenminste 2 school"))
    data = [obs("huiskamer", "2027", True, unit=name) for name in SCHOOLS]
    report = evaluate(single, data, None, 2027, units=units())
    (result,) = [r for r in report.results if r.code == "vier"]
    units_json = json.loads(result.model_dump_json())["goals"][0]["explanation"]["units"]
    assert units_json and all("groups" not in u for u in units_json)


flags = st.dictionaries(st.sampled_from([*SCHOOLS, *WIJKEN, "Brede school"]), st.booleans())


@settings(max_examples=120, deadline=None)
@given(delivered=flags, shared=st.booleans())
def test_the_union_counts_each_unit_once_and_missing_never_make_green(
        agenda: Agenda, delivered: dict[str, bool], shared: bool) -> None:
    """Over `school en/of wijk`: the figure is the number of distinct units that meet, a unit
    listed under both groups once; with units missing `alle` is never green."""
    rows = [DeclaredUnit("school", u) for u in SCHOOLS] + [DeclaredUnit("wijk", u) for u in WIJKEN]
    if shared:
        rows += [DeclaredUnit("school", "Brede school"), DeclaredUnit("wijk", "Brede school")]
    declared = DeclaredUnits("data/testdorp/eenheden.csv", tuple(rows))
    names = {u.name for u in rows}
    data = {k: v for k, v in delivered.items() if k in names}
    four = judge(agenda, "vier", data, declared)
    meeting = sum(1 for v in data.values() if v)
    if data:  # without a single figure there is no measurement to count in
        assert four.explanation.units_declared == len(names)
        assert four.explanation.units_missing == len(names) - len(data)
        latest = four.explanation.latest
        assert latest is not None and latest.value == meeting
    every = judge(agenda, "alle", data, declared)
    if len(data) < len(names):
        assert every.colour is not Colour.GREEN
    if four.status is Status.ACHIEVED:
        assert meeting >= 4


# --- the report: both editions say the groups and which group each unit is in --------------


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("working", [False, True])
def test_report_shows_the_groups_and_each_units_group(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      lang: str, working: bool) -> None:
    """Both editions, both languages: the target says the groups, each counted unit its group."""
    out = tmp_path / "r.html"
    argv = ["report", str(FIXTURE / "wijkdorp.lea"), "--year", "2025", "--data",
            str(FIXTURE / "data" / "wijkdorp"), "--lang", lang, "-o", str(out)]
    assert main([*argv, "--werkversie"] if working else argv) == 0
    capsys.readouterr()
    html = out.read_text(encoding="utf-8")
    target = "\u2265 4 scholen en wijken" if lang == "nl" else "\u2265 4 scholen and wijken"
    both = "en" if lang == "nl" else "and"
    assert target in html
    if working:
        header = "Groep" if lang == "nl" else "Group"
        assert f'<th scope="col">{header}</th>' in html
        assert '<tr><th scope="row">Wijk Centrum</th><td>wijk</td>' in html
        assert f'<tr><th scope="row">Brede school De Es</th><td>school {both} wijk</td>' in html
    else:
        assert "Wijk Centrum (wijk)" in html and f"Brede school De Es (school {both} wijk)" in html


def test_the_fixture_agenda_checks_evaluates_and_reports(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    agenda, data = str(FIXTURE / "wijkdorp.lea"), str(FIXTURE / "data" / "wijkdorp")
    assert main(["check", agenda]) == 0
    capsys.readouterr()
    assert main(["evaluate", agenda, "--year", "2025", "--data", data, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    (four,) = [r for r in out["results"] if r["code"] == "huiskamers"]
    explanation = four["goals"][0]["explanation"]
    assert four["goals"][0]["status"] == Status.INCOMPLETE.value
    assert "5 van 6 scholen en wijken geleverd; 1 ontbreekt" in explanation["rule"]
    shared = [u for u in explanation["units"] if u["unit"] == "Brede school De Es"]
    assert [u["groups"] for u in shared] == [["school", "wijk"]]  # listed under both, counted once
    assert main(["evaluate", agenda, "--year", "2025", "--data", data]) == 0
    assert "scholen en wijken" in capsys.readouterr().out
    assert main(["report", agenda, "--year", "2025", "--data", data, "--werkversie",
                 "-o", str(tmp_path / "r.html")]) == 0
    assert "<td>wijk</td>" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_eenheden_lists_a_unit_under_two_groups_on_two_rows(tmp_path: Path) -> None:
    """Two rows with the same name, one per group, are one unit: counted once over both groups,
    a member of each, asked once in a template for an indicator per both."""
    from lea_rules.data.units import load_units

    fixture = build_agenda((FIXTURE / "wijkdorp.lea").read_text(encoding="utf-8"))
    declared = load_units(FIXTURE / "data" / "wijkdorp", fixture)
    assert declared.groups_of("brede school de es") == ["school", "wijk"]
    assert declared.member("wijk", "Brede school De Es") and declared.member("school", "Brede school De Es")
    together = declared.of_groups(("school", "wijk"))
    assert list(together).count("Brede school De Es") == 1 and len(together) == 6
    assert together["Brede school De Es"] == ("school", "wijk")
    huiskamer = fixture.indicator("huiskamer")
    assert huiskamer is not None
    from lea_rules.data.units import unit_problem
    assert unit_problem(huiskamer, "Brede school De Es", declared, fixture) is None


def test_the_template_asks_a_unit_in_two_groups_once() -> None:
    from lea_rules.data.template import request_rows
    from lea_rules.data.units import load_units

    fixture = build_agenda((FIXTURE / "wijkdorp.lea").read_text(encoding="utf-8"))
    declared = load_units(FIXTURE / "data" / "wijkdorp", fixture)
    asked = [row.unit for row in request_rows(fixture, 2025, [], units=declared)
             if row.indicator.name == "huiskamer"]
    assert asked.count("Brede school De Es") == 1 and len(asked) == 6


@settings(max_examples=80, deadline=None)
@given(order=st.permutations(["IKC", "school", "wijk"]), size=st.integers(2, 3),
       joins=st.lists(st.sampled_from([",", "en/of", "of", "en"]), min_size=2, max_size=2))
def test_any_joined_groups_read_as_written_and_only_en_of_passes(
        tmp_path_factory: pytest.TempPathFactory, order: list[str], size: int, joins: list[str]) -> None:
    """Whatever joins the writer puts between the groups, the goal names the groups as written;
    it is accepted exactly when every join is `,` or `en/of` and the last one `en/of`."""
    groups, used = order[:size], joins[:size - 1]
    written = groups[0] + "".join(f"{',' if j == ',' else ' ' + j} {g}"
                                  for j, g in zip(used, groups[1:], strict=True))
    path = tmp_path_factory.mktemp("g") / "a.lea"
    text = AGENDA.replace("tenminste 4 school en/of wijk", f"tenminste 4 {written}")
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    assert checked.agenda is not None
    goal = next(g for _, r in checked.agenda.all_results() for g in r.goals)
    assert isinstance(goal, n.UnitsGoal) and list(goal.groups) == groups
    refused = [d for d in checked.diagnostics if d.code == "E340"]
    fine = all(j in (",", "en/of") for j in used) and used[-1] == "en/of"
    assert (not refused) == fine, (written, refused)
    assert len(refused) <= 1 and not [d for d in checked.diagnostics if d.is_error and d.code != "E340"]
