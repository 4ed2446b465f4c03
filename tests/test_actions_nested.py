"""Results of an action (`met resultaat`) and sub-actions (`deelactie`): model, codes, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lea_rules.api import Checked, check_source
from lea_rules.cli import main
from lea_rules.codes import write_codes
from lea_rules.diagnostics import Diagnostic
from lea_rules.source import SourceFile

HEAD = '''gemeente: "Voorbeeld"
titel: "LEA Voorbeeld 2024-2027"
periode: 2024-2027
indicator vve-bereik "Bereik VVE"
  eenheid: %
  beter: hoger
thema 1 "Kansengelijkheid"
  ambitie 1.1 "Elk kind een goede start"
'''

NESTED = HEAD + '''    actie "Ouders betrekken bij de voorschool"
      met resultaat "Meer kinderen in de VVE"
        doel: vve-bereik >= 85% in 2027
      deelactie "Huisbezoeken"
        eigenaar: "GGD"
        met resultaat "Ouders kennen het aanbod"
          doel: kwalitatief
    resultaat "Elke peuter een plek"
      doel: mijlpaal in 2025
    actie "Tweede actie"
'''


def checked(text: str) -> Checked:
    return check_source(SourceFile("t.lea", text))


def said(result: Checked) -> list[Diagnostic]:
    """What the check says, without 'indicator not used' (most texts here use none)."""
    return [d for d in result.diagnostics if d.code != "W260"]


def test_nested_items_belong_to_their_action() -> None:
    result = checked(NESTED)
    assert not said(result)
    section = result.agenda.sections[0].children[0]
    assert [(a.code, a.parent) for a in section.actions] == [
        ("1.1-a1", None), ("1.1-a1-d1", "1.1-a1"), ("1.1-a2", None)]
    assert [(r.code, r.action) for r in section.results] == [
        ("1.1-a1-r1", "1.1-a1"), ("1.1-a1-d1-r1", "1.1-a1-d1"), ("1.1-r1", None)]
    action = section.actions[0]
    assert [a.code for a in section.subactions_of(action)] == ["1.1-a1-d1"]
    assert [r.code for r in section.results_of(action)] == ["1.1-a1-r1"]
    assert [r.code for r in section.own_results] == ["1.1-r1"]
    assert section.actions[1].owner == "GGD"  # a deelactie takes an actie's properties


def test_plain_result_keeps_its_code_beside_nested_ones() -> None:
    """Nesting a result does not renumber the section's own results: `1.1-r1` stays the first."""
    plain = checked(HEAD + '''    actie "A"
    resultaat "Elke peuter een plek"
      doel: mijlpaal in 2025
''')
    nested = checked(HEAD + '''    actie "A"
      met resultaat "Nieuw"
        doel: kwalitatief
    resultaat "Elke peuter een plek"
      doel: mijlpaal in 2025
''')
    code = {r.title: r.code for _, r in plain.agenda.all_results()}
    assert code["Elke peuter een plek"] == "1.1-r1"
    assert {r.title: r.code for _, r in nested.agenda.all_results()}["Elke peuter een plek"] == "1.1-r1"


def test_nested_auto_codes_follow_a_fixed_action_code_and_skip_taken_ones() -> None:
    result = checked(HEAD + '''    actie ob-3 "A"
      met resultaat ob-3-r1 "Vast"
        doel: kwalitatief
      met resultaat "Zonder code"
        doel: kwalitatief
''')
    assert [r.code for _, r in result.agenda.all_results()] == ["ob-3-r1", "ob-3-r2"]


def test_lea_codes_writes_nested_codes_that_read_back_the_same() -> None:
    result = checked(NESTED)
    text, edits = write_codes(NESTED, result.agenda)
    assert "met resultaat 1.1-a1-r1 \"Meer kinderen in de VVE\"" in text
    assert "deelactie 1.1-a1-d1 \"Huisbezoeken\"" in text
    assert {e.kind for e in edits} == {"actie", "deelactie", "met resultaat", "resultaat"}
    again = checked(text)
    assert [r.code for _, r in again.agenda.all_results()] == [r.code for _, r in result.agenda.all_results()]
    assert all(r.code_explicit for _, r in again.agenda.all_results())


@pytest.mark.parametrize("line, code", [
    ('    deelactie "Zonder actie"\n', "E300"),
    ('    met resultaat "Zonder actie"\n      doel: kwalitatief\n', "E301"),
])
def test_nested_item_without_action_is_one_error_on_its_line(line: str, code: str) -> None:
    result = checked(HEAD + line)
    assert [(d.code, d.span.line) for d in said(result)] == [(code, 9)]


def test_indentation_warning_hint_is_right() -> None:
    """Following W300's hint nests the result and gives no warning any more; nothing else changes."""
    text = HEAD + '''    actie 1.1-a1 "A"
      resultaat 1.1-r1 "R"
        doel: kwalitatief
'''
    first = checked(text)
    assert [d.code for d in said(first)] == ["W300"]
    fixed = checked(text.replace("      resultaat", "      met resultaat"))
    assert not said(fixed)
    before = next(r for _, r in first.agenda.all_results())
    result = next(r for _, r in fixed.agenda.all_results())
    assert (result.code, result.action, result.goals) == ("1.1-r1", "1.1-a1", before.goals)


def test_w301_hint_makes_a_deelactie() -> None:
    text = HEAD + '''    actie 1.1-a1 "A"
      actie 1.1-a2 "B"
'''
    assert [d.code for d in said(checked(text))] == ["W301"]
    fixed = checked(text.replace("      actie", "      deelactie"))
    assert not said(fixed)
    assert fixed.agenda.sections[0].children[0].actions[1].parent == "1.1-a1"


def test_layout_as_fmt_writes_it_gives_no_warning() -> None:
    text = HEAD + '''    actie "A"
      eigenaar: "gemeente"
    resultaat "R"
      doel: kwalitatief
'''
    assert not said(checked(text))


def test_evaluate_json_links_results_and_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.lea"
    path.write_text(NESTED, encoding="utf-8")
    assert main(["evaluate", str(path), "--year", "2025", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    results = {r["code"]: r for r in data["results"]}
    assert results["1.1-a1-r1"]["action"] == "1.1-a1"
    assert results["1.1-a1-d1-r1"]["action"] == "1.1-a1-d1"
    assert results["1.1-r1"]["action"] is None
    actions = {a["code"]: a for a in data["actions"]}
    assert actions["1.1-a1"]["subactions"] == ["1.1-a1-d1"]
    assert actions["1.1-a1"]["results"] == ["1.1-a1-r1"]
    assert actions["1.1-a1-d1"]["parent"] == "1.1-a1"
    assert actions["1.1-a1-d1"]["results"] == ["1.1-a1-d1-r1"]
