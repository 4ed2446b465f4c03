"""One mistake gives one message, on its line, and following its hint leaves a valid agenda.

The golden cases in check_cases/ show the one message; here each hint is followed as a writer
would (the text the hint proposes is put in the file) and the agenda is checked again: no
error, and no target lost on the way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lea_rules.api import Checked, check_source
from lea_rules.source import SourceFile

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "check_cases"


def check(name: str, text: str | None = None) -> Checked:
    path = CASES / f"{name}.lea"
    return check_source(SourceFile(path.relative_to(ROOT).as_posix(),
                                   path.read_text(encoding="utf-8") if text is None else text))


def only(checked: Checked) -> tuple[str, str, int]:
    """The one diagnostic: its code, its help and its line."""
    assert len(checked.diagnostics) == 1, [d.message for d in checked.diagnostics]
    diag = checked.diagnostics[0]
    assert diag.help is not None
    return diag.code, diag.help, diag.span.line


def goals(checked: Checked) -> int:
    assert checked.agenda is not None
    return sum(len(result.goals) for _, result in checked.agenda.all_results())


@pytest.fixture(autouse=True)
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_a_section_number_twice_follows_to_the_free_number() -> None:
    code, hint, line = only(check("E180-dubbel-onderdeel"))
    assert (code, line) == ("E180", 8)
    free = re.search(r"bijvoorbeeld (\S+) \(dat is nog vrij\)", hint)
    assert free is not None and free.group(1) == "1.2"
    text = (CASES / "E180-dubbel-onderdeel.lea").read_text(encoding="utf-8")
    fixed = check("E180-dubbel-onderdeel", text.replace('1.1 "Iedereen', f'{free.group(1)} "Iedereen'))
    assert fixed.ok and not fixed.diagnostics


def test_a_section_line_written_twice_follows_by_leaving_the_empty_one_out() -> None:
    code, hint, line = only(check("E180-dubbel-onderdeel-regel-twee-keer"))
    empty = re.match(r"regel (\d+) is een lege", hint)
    assert code == "E180" and line == 6 and empty is not None
    lines = (CASES / "E180-dubbel-onderdeel-regel-twee-keer.lea").read_text(encoding="utf-8").splitlines(True)
    del lines[int(empty.group(1)) - 1]
    fixed = check("E180-dubbel-onderdeel-regel-twee-keer", "".join(lines))
    assert fixed.ok and not fixed.diagnostics
    assert fixed.agenda is not None and len(list(fixed.agenda.all_actions())) == 2


def test_a_duplicated_ambitie_in_hengelo_gives_one_message_and_no_code_cascade() -> None:
    """Hengelo with its codes left to their place (as before `lea codes`) and `ambitie 1.2`
    typed as `ambitie 1.1`: its actions would all have collided with those of 1.1."""
    text = (ROOT / "agendas" / "hengelo.lea").read_text(encoding="utf-8")
    text = re.sub(r"^(\s*(?:actie|resultaat)) \d+(?:\.\d+)?-[ar]\d+ ", r"\1 ", text, flags=re.M)
    text = text.replace('ambitie 1.2 "', 'ambitie 1.1 "', 1)
    checked = check_source(SourceFile("agendas/hengelo.lea", text))
    assert [d.code for d in checked.diagnostics] == ["E180"]
    assert "bijvoorbeeld 1.2" in (checked.diagnostics[0].help or "")


def test_a_broken_result_line_gives_one_message_and_no_e121() -> None:
    code, _, line = only(check("E104-resultaat-niet-afgesloten"))
    assert (code, line) == ("E104", 14)
    text = (CASES / "E104-resultaat-niet-afgesloten.lea").read_text(encoding="utf-8")
    fixed = check("E104-resultaat-niet-afgesloten",
                  text.replace('"Minder thuiszitters\n', '"Minder thuiszitters"\n'))
    assert fixed.ok and not fixed.diagnostics and goals(fixed) == 2


def test_a_broken_indicator_line_gives_one_message() -> None:
    code, _, line = only(check("E104-indicator-niet-afgesloten"))
    assert (code, line) == ("E104", 4)


def test_two_goal_lines_follow_to_both_goals_on_one_line() -> None:
    code, hint, line = only(check("E121-twee-doelen"))
    joined = re.search(r"\((doel: .+?)\)", hint)
    assert code == "E121" and joined is not None and "laat" not in hint
    lines = (CASES / "E121-twee-doelen.lea").read_text(encoding="utf-8").splitlines(True)
    lines[line - 2:line] = [f"      {joined.group(1)}\n"]
    fixed = check("E121-twee-doelen", "".join(lines))
    assert fixed.ok and not fixed.diagnostics and goals(fixed) == 2  # no target lost


def test_an_unknown_section_word_follows_to_a_valid_agenda() -> None:
    code, hint, line = only(check("E181-onbekend-onderdeelwoord"))
    assert (code, line) == ("E181", 4) and "regels 9, 12 en 15" in hint
    text = (CASES / "E181-onbekend-onderdeelwoord.lea").read_text(encoding="utf-8")
    fixed = check("E181-onbekend-onderdeelwoord", text.replace("subthema", "ambitie"))
    assert fixed.ok and not fixed.diagnostics and fixed.agenda is not None
    assert len(list(fixed.agenda.walk_sections())) == 5


def test_an_indeling_with_a_comma_follows_to_the_reading() -> None:
    code, hint, line = only(check("E101-indeling-met-komma"))
    written = re.fullmatch(r"schrijf: (indeling: .+)", hint)
    assert code == "E101" and written is not None
    lines = (CASES / "E101-indeling-met-komma.lea").read_text(encoding="utf-8").splitlines(True)
    lines[line - 1] = written.group(1) + "\n"
    fixed = check("E101-indeling-met-komma", "".join(lines))
    assert fixed.ok and not fixed.diagnostics


def test_a_colon_after_the_name_follows_to_a_valid_agenda() -> None:
    code, hint, _ = only(check("E103-dubbele-punt-na-de-naam"))
    written = re.fullmatch(r"schrijf '(.+): \.\.\.'", hint)
    assert code == "E103" and written is not None and written.group(1) == "groep IKC"
    text = (CASES / "E103-dubbele-punt-na-de-naam.lea").read_text(encoding="utf-8")
    fixed = check("E103-dubbele-punt-na-de-naam", text.replace("groep IKC ", "groep IKC: ", 1))
    assert fixed.ok and not fixed.diagnostics


def test_a_question_answers_the_target_after_the_period() -> None:
    assert [d.code for d in check("W210-doelmoment-buiten-periode").diagnostics] == ["W210"]
    assert check("W210-met-vraag").diagnostics == []


def test_a_long_cited_line_shows_the_closest_stretch() -> None:
    checked = check("E252-citaat-in-lange-regel")
    assert [d.code for d in checked.diagnostics] == ["E252"]
    note = checked.diagnostics[0].notes[0]
    assert "Het bereik van VVE onder kinderen met een indicatie stijgt naar 85% in 2027" in note
    assert not note.startswith("op regel 3 staat: \u201cDeze tekst")


@pytest.mark.parametrize("written", ["1.1", "a1.1", "1.1.1", "afspraak-1.1.2"])
def test_a_documents_numbering_as_code_follows_to_a_valid_agenda(written: str) -> None:
    """`actie 1.1 "..."` as the nota numbers it: one message on the code (none for the items
    under it), and the code it proposes is read."""
    text = (CASES / "E101-actie-code-met-punt.lea").read_text(encoding="utf-8")
    text = text.replace('actie 1.1 "', f'actie {written} "')
    code, hint, line = only(check("E101-actie-code-met-punt", text))
    fix = re.fullmatch(rf"schrijf '(\S+)' in plaats van '{re.escape(written)}'", hint)
    assert (code, line) == ("E101", 11) and fix is not None
    fixed = check("E101-actie-code-met-punt", text.replace(f'actie {written} "', f'actie {fix.group(1)} "'))
    assert fixed.ok and not fixed.diagnostics, [d.message for d in fixed.diagnostics]
    assert fixed.agenda is not None
    assert next(action.code for _, action in fixed.agenda.all_actions()) == fix.group(1)
    assert goals(fixed) == 2


def _follow(name: str, second: bool) -> tuple[list[str], Checked]:
    """Each message's hint put in the file in place of the underlined text (the first form of
    'schrijf A of B', or B with `second`); the codes of the messages, and the file checked again."""
    checked = check(name)
    lines = (CASES / f"{name}.lea").read_text(encoding="utf-8").splitlines(True)
    for diag in checked.diagnostics:
        assert diag.span.line == diag.span.end_line and diag.help is not None
        forms = re.fullmatch(r"schrijf (.+?)(?: of (.+))?|bedoelde je '(\w+)'\?", diag.help)
        assert forms is not None, diag.help
        fix = forms.group(3) or (forms.group(2) if second and forms.group(2) else forms.group(1)).strip("'")
        text = lines[diag.span.line - 1]
        lines[diag.span.line - 1] = text[:diag.span.column - 1] + fix + text[diag.span.end_column - 1:]
    return [d.code for d in checked.diagnostics], check(name, "".join(lines))


@pytest.mark.parametrize(("name", "codes"), [
    ("E140-schooljaar-met-twee-cijfers", ["E140", "E140"]),
    ("E141-datum-jaar-voorop", ["E141"]),
    ("E101-datum-met-schuine-strepen", ["E101"]),
    ("E101-maand-verkeerd-gespeld", ["E101", "E101"]),
    ("E323-schooljaar-met-streepje-in-doel", ["E323"]),  # the planning reads it as written
])
@pytest.mark.parametrize("second", [False, True])
def test_a_time_as_typed_follows_to_a_valid_agenda(name: str, codes: list[str], second: bool) -> None:
    """`2025/26`, `2026-12-31`, `01/08/2026`, `sept 2025`, `1 agustus 2026`: one message each,
    on the written time, whose form (either of the two a hint offers) is read."""
    found, fixed = _follow(name, second)
    assert found == codes
    assert fixed.ok and not fixed.diagnostics, [d.message for d in fixed.diagnostics]


@pytest.mark.parametrize(("name", "year"), [("E321-tweemaal-per-jaar-vanaf", 2026),
                                            ("E321-keer-per-jaar-na-de-waarde", None)])
def test_a_count_per_year_follows_by_replacing_what_is_underlined(name: str, year: int | None) -> None:
    """E321's hint names the underlined text and what replaces it, nothing outside it: pasted,
    the goal reads (`met ouderbijeenkomsten >= 2 jaarlijks vanaf schooljaar 2025/2026`, its
    vanaf kept), not `met ouderbijeenkomsten met ouderbijeenkomsten ...`."""
    code, hint, line = only(check(name))
    fix = re.match(r"schrijf '([^']+)' in plaats van '([^']+)'", hint)
    assert code == "E321" and fix is not None
    checked = check(name)
    span = checked.diagnostics[0].span
    lines = (CASES / f"{name}.lea").read_text(encoding="utf-8").splitlines(True)
    assert lines[line - 1][span.column - 1:span.end_column - 1] == fix.group(2)
    lines[line - 1] = lines[line - 1][:span.column - 1] + fix.group(1) + lines[line - 1][span.end_column - 1:]
    fixed = check(name, "".join(lines))
    assert fixed.ok, [d.message for d in fixed.diagnostics]
    if fixed.diagnostics:  # `vanaf schooljaar 2025/2026` on a kalenderjaar indicator: W350 says the year
        code, hint, line = only(fixed)
        again = re.match(r"schrijf '([^']+)' in plaats van '([^']+)'", hint)
        assert code == "W350" and again is not None
        lines[line - 1] = lines[line - 1].replace(again.group(2), again.group(1))
        fixed = check(name, "".join(lines))
    assert fixed.ok and not fixed.diagnostics, [d.message for d in fixed.diagnostics]
    assert fixed.agenda is not None
    (_, result), = [(s, r) for s, r in fixed.agenda.all_results() if r.goals]
    assert result.goals[0].recurrence is not None
    assert result.goals[0].recurrence.start == year


@pytest.mark.parametrize(("name", "codes"), [("E125-daling-zonder-indicator-na-en", ["E125"]),
                                             ("E101-zoveel-mogelijk", ["E101", "E101"])])
def test_a_goal_worded_as_the_document_follows_by_replacing_what_is_underlined(
        name: str, codes: list[str]) -> None:
    """`... en gedaald in 2027 t.o.v. 2026` (the indicator left out of a step) and `zoveel
    mogelijk`: one message each, whose 'schrijf X in plaats van Y' names the underlined text."""
    checked = check(name)
    assert [d.code for d in checked.diagnostics] == codes
    lines = (CASES / f"{name}.lea").read_text(encoding="utf-8").splitlines(True)
    for diag in checked.diagnostics:
        fix = re.fullmatch(r"schrijf '([^']+)' in plaats van '([^']+)'", diag.help or "")
        assert fix is not None, diag.help
        text, span = lines[diag.span.line - 1], diag.span
        assert text[span.column - 1:span.end_column - 1] == fix.group(2)
        lines[span.line - 1] = text[:span.column - 1] + fix.group(1) + text[span.end_column - 1:]
    fixed = check(name, "".join(lines))
    assert fixed.ok and not fixed.diagnostics, [d.message for d in fixed.diagnostics]
    assert goals(fixed) == 2  # two steps; two qualitative aspirations


def test_items_without_a_code_are_one_warning_that_lea_codes_answers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fifteen items without a code among coded ones: one W263 (the errors of a first check stay
    visible), naming the count and the first lines; `lea codes`, as its hint says, answers all."""
    from lea_rules.cli import main

    checked = check("W263-veel-items-zonder-code")
    assert [d.code for d in checked.diagnostics] == ["W263"]
    assert "en 14 andere items (regels 9, 11, 12, 14, 15 en nog 9)" in checked.diagnostics[0].message
    path = tmp_path / "agenda.lea"
    path.write_text((CASES / "W263-veel-items-zonder-code.lea").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["codes", str(path)]) == 0
    capsys.readouterr()
    fixed = check_source(SourceFile(str(path), path.read_text(encoding="utf-8")))
    assert fixed.ok and not fixed.diagnostics, [d.message for d in fixed.diagnostics]


@pytest.mark.parametrize("name", ["E181-onbekend-woord-in-drie-niveaus", "E181-derde-niveau-eigen-woord"])
def test_three_levels_with_an_unknown_word_follow_to_a_valid_agenda(name: str) -> None:
    """`indeling: ambitie > speerpunt > afspraak`: one message, one problem per sentence, and the
    indeling line and word it proposes are read (no second E181 for a word lea does not know)."""
    code, hint, line = only(check(name))
    fix = re.search(r"Schrijf '(indeling: [^']+)'(?: en '(\w+)' in plaats van '(\w+)' in de "
                    r"onderdeelregels \(regels? ([\d, en]+)\))?", hint)
    assert code == "E181" and fix is not None, hint
    lines = (CASES / f"{name}.lea").read_text(encoding="utf-8").splitlines(True)
    lines[line - 1] = fix.group(1) + "\n"
    if fix.group(2):
        for number in re.findall(r"\d+", fix.group(4)):
            lines[int(number) - 1] = lines[int(number) - 1].replace(fix.group(3), fix.group(2), 1)
    fixed = check(name, "".join(lines))
    assert fixed.ok and not fixed.diagnostics, [d.message for d in fixed.diagnostics]
    assert fixed.agenda is not None and len(list(fixed.agenda.all_actions())) == 2


@pytest.mark.parametrize(("name", "recurs"), [("E343-mijlpaal-jaarlijks-in-het-voorjaar", "jaarlijks"),
                                              ("E343-elk-jaar-voor-een-dag-vanaf", "elk jaar vanaf 2026")])
def test_a_moment_in_the_year_of_a_recurrence_follows_to_the_recurring_milestone(name: str,
                                                                                 recurs: str) -> None:
    """`mijlpaal jaarlijks in het voorjaar`: E343 underlines the recurrence with its moment in the
    year; putting the hint's words in its place leaves the recurring milestone, its vanaf kept."""
    from lea_rules.nodes import MilestoneGoal

    code, hint, line = only(check(name))
    fix = re.match(r"schrijf '([^']+)' in plaats van '([^']+)'", hint)
    assert code == "E343" and fix is not None
    span = check(name).diagnostics[0].span
    lines = (CASES / f"{name}.lea").read_text(encoding="utf-8").splitlines(True)
    text = lines[line - 1]
    assert text[span.column - 1:span.end_column - 1] == fix.group(2)
    lines[line - 1] = text[:span.column - 1] + fix.group(1) + text[span.end_column - 1:]
    fixed = check(name, "".join(lines))
    assert fixed.ok and not fixed.diagnostics, [d.message for d in fixed.diagnostics]
    assert fixed.agenda is not None
    (goal,) = [g for _, r in fixed.agenda.all_results() for g in r.goals]
    assert isinstance(goal, MilestoneGoal) and goal.recurrence is not None
    assert goal.recurrence.written == recurs


@pytest.mark.parametrize(("name", "start"), [("W350-schooljaar-bij-kalenderjaarindicator", 2026),
                                             ("W350-doelmoment-schooljaar", None),
                                             ("W350-basis-schooljaar", None)])
def test_a_schooljaar_on_a_kalenderjaar_indicator_follows_to_the_same_figures(
        name: str, start: int | None) -> None:
    """W350's hint writes the calendar year the schooljaar counts as: pasted over the underlined
    text, no warning is left and the goal is judged on the same figures."""
    code, hint, line = only(check(name))
    fix = re.match(r"schrijf '([^']+)' in plaats van '([^']+)'", hint)
    assert code == "W350" and fix is not None
    before = check(name)
    span = before.diagnostics[0].span
    lines = (CASES / f"{name}.lea").read_text(encoding="utf-8").splitlines(True)
    assert lines[line - 1][span.column - 1:span.end_column - 1] == fix.group(2)
    lines[line - 1] = lines[line - 1][:span.column - 1] + fix.group(1) + lines[line - 1][span.end_column - 1:]
    fixed = check(name, "".join(lines))
    assert fixed.ok and not fixed.diagnostics, [d.message for d in fixed.diagnostics]
    assert before.agenda is not None and fixed.agenda is not None
    from lea_rules.nodes import goal_deadline
    from lea_rules.period import year_of

    ((_, was),), ((_, now),) = ([(s, r) for s, r in a.all_results() if r.goals]
                                for a in (before.agenda, fixed.agenda))
    old_deadline, new_deadline = goal_deadline(was.goals[0]), goal_deadline(now.goals[0])
    assert (old_deadline is None) == (new_deadline is None)
    if old_deadline is not None and new_deadline is not None:
        assert year_of(old_deadline) == year_of(new_deadline)
    if was.baseline is not None and was.baseline[1] is not None:
        assert now.baseline is not None and now.baseline[1] is not None
        assert year_of(was.baseline[1]) == year_of(now.baseline[1])
    recurrence = now.goals[0].recurrence
    if start is not None:
        assert recurrence is not None and recurrence.start == start
        assert was.goals[0].recurrence is not None and was.goals[0].recurrence.start == start
