"""Progress files: the illustrative ones load; every malformed one gets a located error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lea_rules.api import load_agenda
from lea_rules.data.model import ActionState, ReportedState
from lea_rules.data.problems import DataInvalid
from lea_rules.data.store import load_progress

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data_cases" / "progress"

# case -> (code, line, column, words in message or help)
PROGRESS_CASES: dict[str, tuple[str, int, int, str]] = {
    "unknown_action_near_miss.yaml": ("D420", 7, 3, "bedoelde je"),
    "bad_action_status.yaml": ("D421", 6, 13, "kies uit"),
    "action_status_typo.yaml": ("D421", 6, 13, "bedoelde je 'lopend'?"),
    "action_without_status.yaml": ("D422", 4, 3, "geen status"),
    "unknown_result.yaml": ("D430", 4, 3, "bedoelde je"),
    "bad_stand.yaml": ("D431", 6, 12, "op schema"),
    "stand_on_measured_result.yaml": ("D432", 6, 5, "meetbaar doel"),
    "act_incomplete.yaml": ("D434", 7, 7, "bijsturing"),
    "act_empty_field.yaml": ("D433", 7, 16, "oorzaak"),
    "wrong_municipality.yaml": ("D410", 1, 11, "Hengelo"),
    "wrong_year.yaml": ("D411", 2, 7, "2025"),
    "yaml_syntax_error.yaml": ("D401", 6, 4, "YAML"),
    "unknown_key.yaml": ("D404", 3, 1, "bedoelde je 'acties'?"),
    "duplicate_action.yaml": ("D403", 7, 3, "twee keer"),
    "empty.yaml": ("D407", 1, 1, "leeg"),
    "missing_year.yaml": ("D413", 1, 1, "jaar"),
    "year_not_a_number.yaml": ("D414", 2, 7, "geen jaartal"),
    "actions_not_a_mapping.yaml": ("D402", 3, 9, "naam: waarde"),
    "key_not_text.yaml": ("D408", 4, 3, "gewone tekst"),
    "status_not_text.yaml": ("D405", 6, 13, "moet een tekst zijn"),
    "empty_action_status.yaml": ("D422", 6, 13, "status ontbreekt"),
    "empty_stand.yaml": ("D435", 6, 11, "stand ontbreekt"),
    # Binding: an entry names the title of its item; it never attaches to another one.
    "entry_without_title.yaml": ("D436", 4, 3, 'titel: "We ontwikkelen een leerlijn van 0 - 2,5 jaar'),
    "empty_title.yaml": ("D436", 5, 12, "titel"),
    "action_code_under_results.yaml": ("D437", 4, 3, "zet het blok onder 'acties:'"),
    "code_now_other_item.yaml": ("D438", 4, 3, "heeft nu code '1.1-r12': hernoem '1.1-r3:' naar '1.1-r12:'"),
    "code_gone_title_elsewhere.yaml": ("D430", 4, 3, "hernoem '1.1-r99:' naar '1.1-r12:'"),
    "code_and_title_gone.yaml": ("D420", 4, 3, "haal dan ook dit blok weg"),
    # Nesting PyYAML would recurse on until the stack overflows: one located error instead.
    "nested_too_deep_flow.yaml": ("D415", 5, 34, "hooguit vier niveaus"),
    "nested_too_deep_indent.yaml": ("D415", 36, 65, "hooguit vier niveaus"),
}


@pytest.mark.parametrize("name", ["status_not_text.yaml", "empty_action_status.yaml", "empty_stand.yaml",
                                  "code_now_other_item.yaml", "action_code_under_results.yaml",
                                  "entry_without_title.yaml"])
def test_one_problem_per_mistake(name: str, tmp_path: Path) -> None:
    """An empty or non-text status is one problem with its own code, not two; an entry bound to
    the wrong item is one problem too (no D432 'haal stand weg' on the item it would attach to)."""
    data_dir = tmp_path / "hengelo"
    data_dir.mkdir()
    shutil.copy(CASES / name, data_dir / "voortgang-2025.yaml")
    with pytest.raises(DataInvalid) as info:
        load_progress(data_dir, 2025, load_agenda(ROOT / "agendas" / "hengelo.lea"))
    assert [p.code for p in info.value.problems] == [PROGRESS_CASES[name][0]]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_case_is_listed() -> None:
    assert sorted(p.name for p in CASES.glob("*.yaml")) == sorted(PROGRESS_CASES)


@pytest.mark.parametrize("name", sorted(PROGRESS_CASES))
def test_malformed_progress_gets_a_located_error(name: str, tmp_path: Path) -> None:
    code, line, column, words = PROGRESS_CASES[name]
    data_dir = tmp_path / "hengelo"
    data_dir.mkdir()
    shutil.copy(CASES / name, data_dir / "voortgang-2025.yaml")
    before = snapshot(data_dir)
    with pytest.raises(DataInvalid) as info:
        load_progress(data_dir, 2025, load_agenda(ROOT / "agendas" / "hengelo.lea"))
    problems = info.value.problems
    match = [p for p in problems if p.code == code]
    assert match, [p.render() for p in problems]
    problem = match[0]
    assert (problem.place.row, problem.place.column) == (line, column), problem.render()
    assert words in problem.message + (problem.help or ""), problem.render()
    assert "voortgang-2025.yaml" in problem.render()
    assert snapshot(data_dir) == before


def test_missing_progress_file_is_none(tmp_path: Path) -> None:
    assert load_progress(tmp_path, 2025, load_agenda(ROOT / "agendas" / "hengelo.lea")) is None


@pytest.mark.parametrize("slug", ["hengelo", "enschede", "midden-groningen"])
@pytest.mark.parametrize("year", [2024, 2025])
def test_illustrative_progress_files_load_and_say_so(slug: str, year: int) -> None:
    agenda = load_agenda(ROOT / "agendas" / f"{slug}.lea")
    progress = load_progress(ROOT / "data" / slug, year, agenda)
    assert progress is not None
    assert progress.illustratief is True
    assert progress.jaar == year and progress.gemeente == agenda.municipality
    assert progress.acties
    text = (ROOT / "data" / slug / f"voortgang-{year}.yaml").read_text(encoding="utf-8")
    assert "ILLUSTRATIEF" in text


def test_progress_content_is_typed() -> None:
    agenda = load_agenda(ROOT / "agendas" / "hengelo.lea")
    progress = load_progress(ROOT / "data" / "hengelo", 2025, agenda)
    assert progress is not None
    assert progress.acties["1.1-a3"].status is ActionState.DELAYED
    assert progress.resultaten["1.1-r9"].stand is ReportedState.AT_RISK
    act = progress.resultaten["1.1-r9"].act
    assert act is not None and act.bijsturing
    # Deliberately incomplete: a result with an explanation but no act block.
    assert progress.resultaten["2.1-r4"].act is None


@pytest.mark.parametrize(("text", "expected"), [
    ("gemeente: Hengelo\njaar: 2025\nacties:\n\t1.1-a1:\n", "hier staat een tab"),
    ("gemeente: Hengelo\njaar: 2025\nresultaten:\n  1.1-r1:\n    toelichting: a: b\n", "dubbele punt"),
    ('gemeente: Hengelo\njaar: 2025\nresultaten:\n  1.1-r1:\n    toelichting: "open\n'
     '  1.1-r2:\n    toelichting: "dicht"\n', "afsluitend aanhalingsteken"),
])
def test_yaml_syntax_errors_are_explained_in_dutch(tmp_path: Path, text: str, expected: str) -> None:
    from lea_rules.api import load_agenda
    from lea_rules.data.problems import DataInvalid
    from lea_rules.data.progress import read_progress

    path = tmp_path / "voortgang-2025.yaml"
    path.write_text(text, encoding="utf-8")
    agenda = load_agenda(Path(__file__).resolve().parent.parent / "agendas" / "hengelo.lea")
    with pytest.raises(DataInvalid) as caught:
        read_progress(path, agenda, 2025)
    rendered = caught.value.problems[0].render()
    assert expected in rendered
    assert "found character" not in rendered and "mapping values" not in rendered
