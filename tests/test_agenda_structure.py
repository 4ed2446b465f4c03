"""Pin the structure of the shipped agendas, so that an accidental deletion fails CI."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lea_rules import nodes as n
from lea_rules.api import check_file, load_agenda

ROOT = Path(__file__).resolve().parent.parent

# name: (level-1 sections, level-2 sections, actions by kind, results by goal kind,
#        indicators, budget posts)
EXPECTED = {
    "hengelo": (
        5, 7,
        {"wat-doen-we-daarvoor": 42, "wat-doen-we-al": 51, "nieuwe-kansen": 38},
        {"CompareGoal": 19, "QualitativeGoal": 11, "TrendGoal": 4, "UnitsGoal": 10,
         "MilestoneGoal": 10, "DirectionGoal": 3},
        35, 4,
    ),
    "enschede": (
        13, 9,
        {"actie": 6, "plus-arrangement": 25, "basis-arrangement": 16, "wat-doen-we-daarvoor": 13},
        {"QualitativeGoal": 36, "TrendGoal": 20, "CompareGoal": 7, "MilestoneGoal": 18,
         "UnitsGoal": 1},
        25, 48,
    ),
    "midden-groningen": (
        5, 3,
        {"actie": 43},
        {"QualitativeGoal": 12, "CompareGoal": 2, "TrendGoal": 4, "MilestoneGoal": 6,
         "UnitsGoal": 3},
        11, 0,
    ),
}


def _agenda(name: str) -> n.Agenda:
    return load_agenda(ROOT / "agendas" / f"{name}.lea")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_agenda_has_no_errors(name: str) -> None:
    checked = check_file(ROOT / "agendas" / f"{name}.lea")
    assert checked.errors == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_agenda_counts(name: str) -> None:
    level1, level2, actions, results, indicators, posts = EXPECTED[name]
    agenda = _agenda(name)
    sections = list(agenda.walk_sections())
    assert sum(1 for s in sections if s.level == 1) == level1
    assert sum(1 for s in sections if s.level == 2) == level2
    assert dict(Counter(a.kind.value for _, a in agenda.all_actions())) == actions
    assert dict(Counter(type(r.goals[0]).__name__ for _, r in agenda.all_results())) == results
    assert len(agenda.indicators) == indicators
    assert sum(len(b.posts) for b in agenda.budgets) == posts


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_item_cites_its_source(name: str) -> None:
    agenda = _agenda(name)
    for _, action in agenda.all_actions():
        assert action.provenance.citations, f"actie {action.code} heeft geen citaat"
    for _, result in agenda.all_results():
        assert result.provenance.citations, f"resultaat {result.code} heeft geen citaat"
        assert len(result.goals) >= 1


def test_hengelo_themes_and_ambitions_in_document_order() -> None:
    agenda = _agenda("hengelo")
    assert [(s.word, s.number) for s in agenda.sections] == [
        ("hoofdstuk", "6"), ("thema", "1"), ("thema", "2"), ("thema", "3"), ("hoofdstuk", "8")]
    assert [c.number for s in agenda.sections for c in s.children] == [
        "1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2"]
    assert agenda.sections[1].title == "Onderwijskansenbeleid"


def test_hengelo_key_targets_are_encoded_as_written() -> None:
    agenda = _agenda("hengelo")
    goals = {
        (g.indicator, g.comparator.value, g.value.describe(), g.deadline.describe() if g.deadline else None)
        for _, r in agenda.all_results() for g in r.goals if isinstance(g, n.CompareGoal)
    }
    assert ("vve-bereik", ">=", "85%", "2027") in goals


def test_enschede_vve_target_has_explicit_baseline() -> None:
    agenda = _agenda("enschede")
    with_baseline = [r for _, r in agenda.all_results() if r.baseline is not None]
    assert with_baseline, "het bereik op 1 januari 2022 (83,7%) moet als basis staan"
    quantity, moment = with_baseline[0].baseline  # type: ignore[misc]
    assert quantity.describe() == "83,7%"
    assert moment.day is not None and moment.day.isoformat() == "2022-01-01"


def test_midden_groningen_school_year_target() -> None:
    agenda = _agenda("midden-groningen")
    school_year = [g for _, r in agenda.all_results() for g in r.goals
                   if isinstance(g, n.CompareGoal) and g.deadline is not None
                   and g.deadline.kind is n.Measure.SCHOOL_YEAR]
    assert any(g.deadline is not None and g.deadline.describe() == "2024/2025" for g in school_year)
