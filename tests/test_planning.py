"""Planning of actions (start:/gereed:) against the progress file, on the peildatum.

docs/evaluation.md, "Planning van acties": a passed gereed: not afgerond is vertraagd whatever the
file says, a passed start: still gepland is niet gestart, and without a progress entry nothing is
invented. The rule is restated here with dates, independently of lea_rules/evaluation/planning.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lea_rules.api import check_source
from lea_rules.data.model import ActionProgress, ActionState, Progress
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import ActionEvaluation
from lea_rules.evaluation.table import render_table
from lea_rules.source import SourceFile

ROOT = Path(__file__).resolve().parent.parent


def agenda_with(lines: str) -> object:
    text = ('gemeente: "Testdorp"\ntitel: "LEA Testdorp 2024-2027"\nperiode: 2024-2027\n'
            'thema 1 "T"\n  ambitie 1.1 "A"\n    actie 1.1-a1 "Leerlijn maken"\n'
            + "".join(f"      {line}\n" for line in lines.splitlines())
            + '    resultaat 1.1-r1 "Leerlijn klaar"\n      doel: mijlpaal in 2027\n')
    result = check_source(SourceFile(path="t.lea", text=text))
    assert result.agenda is not None and not [d for d in result.diagnostics if d.severity == "error"], \
        [d.render() for d in result.diagnostics]
    return result.agenda


def action(lines: str, status: ActionState | None, peiljaar: int,
           day: date | None = None) -> ActionEvaluation:
    agenda = agenda_with(lines)
    acties = {"1.1-a1": ActionProgress(status=status)} if status is not None else {}
    progress = Progress(gemeente="Testdorp", jaar=peiljaar, acties=acties, peildatum=day)
    report = evaluate(agenda, [], progress, peiljaar)  # type: ignore[arg-type]
    return report.actions[0]


def test_a_passed_deadline_makes_a_running_action_delayed() -> None:
    a = action("start: schooljaar 2024/2025\ngereed: eind 2025", ActionState.RUNNING, 2025)
    assert (a.status, a.planning) == ("lopend", "vertraagd")
    assert (a.start, a.ready, a.ready_deadline, a.peildatum) == (
        "schooljaar 2024/2025", "eind 2025", date(2025, 12, 31), date(2025, 12, 31))
    assert a.planning_note == ("gereed eind 2025 (uiterlijk 31 december 2025) is voorbij op de peildatum "
                               "31 december 2025; het voortgangsbestand zegt lopend")


def test_the_progress_file_may_name_an_earlier_peildatum() -> None:
    a = action("gereed: eind 2025", ActionState.RUNNING, 2025, date(2025, 11, 1))
    assert (a.planning, a.peildatum) == (None, date(2025, 11, 1))
    assert action("gereed: medio 2025", ActionState.RUNNING, 2025, date(2025, 11, 1)).planning == "vertraagd"


def test_a_passed_start_of_a_planned_action_is_not_started() -> None:
    a = action("start: voorjaar 2025\ngereed: 2027", ActionState.PLANNED, 2025)
    assert a.planning == "niet gestart"
    assert a.planning_note is not None
    assert a.planning_note.startswith("start voorjaar 2025 (uiterlijk 31 mei 2025)")


def test_without_a_progress_entry_no_state_is_invented() -> None:
    a = action("gereed: 2024", None, 2025)
    assert (a.status, a.planning) == (None, None)
    assert a.planning_note == ("geen stand gerapporteerd; gereed 2024 (uiterlijk 31 december 2024) is "
                               "voorbij op de peildatum 31 december 2025")


def test_an_action_without_planning_has_no_planning_fields() -> None:
    a = action('eigenaar: "gemeente"', ActionState.RUNNING, 2025)
    assert (a.start, a.ready, a.planning, a.planning_note, a.peildatum) == (None, None, None, None, None)


@settings(deadline=None, max_examples=60)
@given(st.integers(2023, 2028), st.integers(2023, 2028), st.sampled_from([*ActionState, None]))
def test_delayed_exactly_when_the_deadline_year_has_ended_and_the_action_is_not_done(
        ready: int, peiljaar: int, status: ActionState | None) -> None:
    a = action(f"gereed: {ready}", status, peiljaar)
    late = date(ready, 12, 31) <= date(peiljaar, 12, 31)
    expected = "vertraagd" if late and status not in (None, ActionState.DONE, ActionState.STOPPED) else None
    assert a.planning == expected


def test_the_table_shows_the_planning_of_actions() -> None:
    agenda = agenda_with("start: schooljaar 2024/2025\ngereed: eind 2025")
    progress = Progress(gemeente="Testdorp", jaar=2025,
                        acties={"1.1-a1": ActionProgress(status=ActionState.RUNNING)})
    table = render_table(evaluate(agenda, [], progress, 2025))  # type: ignore[arg-type]
    assert "Planning van acties, peildatum 31 december 2025" in table
    row = next(line for line in table.splitlines() if "1.1-a1" in line)
    assert "schooljaar" in row and "eind 2025" in row and "lopend" in row and "vertraagd" in row


@pytest.mark.parametrize(("text", "code"), [("morgen", "D610"), ("1 november 2024", "D611")])
def test_a_peildatum_in_the_progress_file_is_a_day_of_its_year(text: str, code: str, tmp_path: Path) -> None:
    from lea_rules.api import load_agenda
    from lea_rules.data.problems import DataInvalid
    from lea_rules.data.progress import read_progress

    path = tmp_path / "voortgang-2025.yaml"
    path.write_text(f"gemeente: Hengelo\njaar: 2025\npeildatum: {text}\n", encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        read_progress(path, load_agenda(ROOT / "agendas" / "hengelo.lea"), 2025)
    assert [(p.code, p.place.row, p.place.column) for p in info.value.problems] == [(code, 3, 12)]
    path.write_text("gemeente: Hengelo\njaar: 2025\npeildatum: 1 november 2025\n", encoding="utf-8")
    progress = read_progress(path, load_agenda(ROOT / "agendas" / "hengelo.lea"), 2025)
    assert progress.peildatum == date(2025, 11, 1)


def _report(tmp_path: Path, *extra: str) -> str:
    import re
    from html import unescape

    from lea_rules.cli import main

    out = tmp_path / "r.html"
    assert main(["report", str(ROOT / "agendas" / "midden-groningen.lea"), "--year", "2025", "-o", str(out),
                 *extra]) == 0
    body = out.read_text(encoding="utf-8")
    body = body[body.index("<body"):]
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(svg|style)\b.*?</\1>", " ", body,
                                                                 flags=re.S))).split())
    return re.sub(r" ([:;,)])", r"\1", text)


def test_the_report_shows_the_planning_in_do_and_act(tmp_path: Path) -> None:
    """Midden-Groningen 2-a1 'In 2023 werken we een plan uit' (gereed: 2023) is lopend in the illustrative
    progress file of 2025: vertraagd in Do and in Act; 3-a6 has no entry: no state is invented."""
    working = _report(tmp_path, "--werkversie")
    late = ("vertraagd gereed 2023 (uiterlijk 31 december 2023) is voorbij op de peildatum 31 december 2025; "
            "voortgangsbestand: lopend")
    assert late in working
    assert "Acties achter op hun planning 2-a1 In 2023 werken we een plan uit" in working
    assert ("3-a6 We voeren de inventarisatie “Eerst brood dan rekenen en taal” uit. — niet gerapporteerd: "
            "gereed 2023 (uiterlijk 31 december 2023) is voorbij") in working
    english = _report(tmp_path, "--werkversie", "--lang", "en")
    assert ("delayed ready 2023 (by 31 December 2023) has passed on the reference date 31 December 2025"
            in english)
    council = _report(tmp_path)
    assert "Acties achter op hun planning: 2-a1 (vertraagd)" in council
    assert "samenwerking in de kindcentra: vertraagd (gereed: 2023)" in council
