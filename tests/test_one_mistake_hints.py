"""One mistake, one message, and a hint that is right for this agenda: the leftovers.

Each case in check_cases/ gives one message; here its hint is followed as a writer would (the
text the hint proposes goes into the file) and the agenda is checked again.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lea_rules.api import Checked, check_source
from lea_rules.source import SourceFile

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "check_cases"


def text_of(name: str) -> str:
    return (CASES / f"{name}.lea").read_text(encoding="utf-8")


def check(name: str, text: str | None = None, path: str | None = None) -> Checked:
    where = path or (CASES / f"{name}.lea").relative_to(ROOT).as_posix()
    return check_source(SourceFile(where, text_of(name) if text is None else text))


def only(checked: Checked) -> tuple[str, str, int]:
    """The one diagnostic: its code, its help and its line."""
    assert len(checked.diagnostics) == 1, [d.message for d in checked.diagnostics]
    diag = checked.diagnostics[0]
    assert diag.help is not None
    return diag.code, diag.help, diag.span.line


def replace_line(text: str, line: int, new: str) -> str:
    lines = text.splitlines(True)
    indent = re.match(r"[ \t]*", lines[line - 1])
    assert indent is not None
    lines[line - 1] = indent.group(0) + new + "\n"
    return "".join(lines)


def clean(checked: Checked) -> None:
    assert checked.ok and not checked.diagnostics, [d.message for d in checked.diagnostics]


@pytest.fixture(autouse=True)
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


# --- a refused result's indicator is used ------------------------------------------------------
def test_a_refused_met_resultaat_gives_no_w260_and_follows_to_a_plain_resultaat() -> None:
    name = "E301-met-resultaat-zonder-actie-indicator-gebruikt"
    code, hint, line = only(check(name))
    assert (code, line) == ("E301", 10) and "schrijf 'resultaat'" in hint
    fixed = check(name, text_of(name).replace("met resultaat", "resultaat"))
    clean(fixed)
    assert fixed.agenda is not None
    assert [r.title for _, r in fixed.agenda.all_results()] == ["Meer kinderen"]


def test_a_refused_deelactie_keeps_its_met_resultaat_and_follows_to_an_actie() -> None:
    name = "E300-deelactie-zonder-actie-met-resultaat"
    code, hint, line = only(check(name))
    assert (code, line) == ("E300", 10) and "schrijf 'actie'" in hint
    fixed = check(name, text_of(name).replace("deelactie", "actie"))
    clean(fixed)
    assert fixed.agenda is not None
    (section, result), = fixed.agenda.all_results()
    assert result.action == section.actions[0].code  # the result stays with its action


def test_a_refused_met_resultaat_after_a_plain_one_also_counts_its_indicator() -> None:
    text = text_of("E301-met-resultaat-zonder-actie-indicator-gebruikt").replace(
        '    met resultaat "Meer kinderen"',
        '    actie "Voorlezen"\n    resultaat "Elk kind een plek"\n      doel: kwalitatief\n'
        '    met resultaat "Meer kinderen"')
    checked = check("E301-met-resultaat-zonder-actie-indicator-gebruikt", text)
    assert [d.code for d in checked.diagnostics] == ["E301"]


# --- a declaration below the sections sits under none of them ------------------------------------
def test_an_indicator_below_the_sections_has_no_section_context() -> None:
    checked = check("W260-indicator-onder-de-onderdelen")
    (diag,) = checked.diagnostics
    assert diag.code == "W260" and diag.context is None


def test_a_broken_line_under_a_late_indicator_has_no_section_context() -> None:
    text = text_of("W260-indicator-onder-de-onderdelen").replace(
        "indicator taal \"Taal\"\n  eenheid: %", "indicator taal \"Taal\"\n  eenheid: procnt")
    checked = check("W260-indicator-onder-de-onderdelen", text)
    assert [(d.code, d.context, d.help) for d in checked.diagnostics] == [
        ("E101", None, "bedoelde je 'procent'?")]


# --- keywords with a capital ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["E100-sleutelwoord-met-hoofdletter", "E100-eigenschap-met-hoofdletter"])
def test_a_keyword_with_a_capital_follows_to_the_line_in_lower_case(name: str) -> None:
    code, hint, line = only(check(name))
    written = re.fullmatch(r"een sleutelwoord schrijf je met kleine letters: (.+)", hint)
    assert code == "E100" and written is not None
    clean(check(name, replace_line(text_of(name), line, written.group(1))))


def test_a_capital_section_word_never_suggests_a_word_outside_the_indeling() -> None:
    checked = check("E100-sleutelwoord-met-hoofdletter")
    assert "doelstelling" not in (checked.diagnostics[0].help or "")
    assert checked.diagnostics[0].context is None  # the line heads what follows


def test_a_capital_section_word_not_in_the_indeling_follows_to_the_indelings_word() -> None:
    name = "E100-sleutelwoord-met-hoofdletter-niet-in-indeling"
    code, hint, line = only(check(name))
    written = re.search(r"schrijf (hoofdstuk 1 .+?), of voeg 'thema' toe", hint)
    assert code == "E100" and written is not None and "(hoofdstuk > paragraaf)" in hint
    clean(check(name, replace_line(text_of(name), line, written.group(1))))


@pytest.mark.parametrize(("written", "above"), [
    ('Actie "Voorlezen"', ""), ('Resultaat "Meer kinderen"\n      doel: kwalitatief', ""),
    ('Thema 2 "Samen"', ""), ('Ambitie 1.2 "Taal"', ""), ('Eigenaar: "GGD"', ""),
    ('Met Resultaat "Ouders kennen het aanbod"\n      doel: kwalitatief', ""),
    ("Doel: kwalitatief", '    resultaat "Ouders doen mee"\n'),
])
def test_every_capital_keyword_is_told_to_be_lower_case(written: str, above: str) -> None:
    text = ('gemeente: "Voorbeeld"\ntitel: "LEA Voorbeeld 2024-2027"\nperiode: 2024-2027\n'
            'thema 1 "Kansengelijkheid"\n  ambitie 1.1 "Elk kind een goede start"\n'
            f'    actie "Ouders betrekken"\n{above}    {written}\n')
    code, hint, line = only(check("x", text, "agendas/x.lea"))
    lower = re.fullmatch(r"een sleutelwoord schrijf je met kleine letters: (.+)", hint)
    assert code == "E100" and line == (8 if above else 7) and lower is not None
    assert lower.group(1) == re.sub(r"^(Met )?\w+", lambda m: m.group(0).lower(), written.split("\n")[0])
    clean(check("x", replace_line(text, line, lower.group(1)), "agendas/x.lea"))


def test_a_typo_in_doel_gives_one_message_and_no_missing_goal() -> None:
    code, hint, line = only(check("E100-doel-met-typfout"))
    assert (code, line, hint) == ("E100", 10, "bedoelde je 'doel'?")
    clean(check("E100-doel-met-typfout", text_of("E100-doel-met-typfout").replace("doell:", "doel:")))


def test_a_typo_in_the_unit_gives_one_message_with_the_unit_meant() -> None:
    code, hint, line = only(check("E101-eenheid-met-typfout"))
    assert (code, line, hint) == ("E101", 5, "bedoelde je 'procent'?")
    clean(check("E101-eenheid-met-typfout", text_of("E101-eenheid-met-typfout").replace("procnt", "procent")))


# --- a missing kop line suggests what the file says, never another municipality's values ---------
def test_a_missing_periode_suggests_the_years_the_file_writes() -> None:
    name = "E153-kopregel-ontbreekt-jaren-uit-het-bestand"
    code, hint, _ = only(check(name))
    written = re.search(r"(periode: \d{4}-\d{4})", hint)
    assert code == "E153" and written is not None and written.group(1) == "periode: 2023-2026"
    text = text_of(name).replace("thema 1", written.group(1) + "\nthema 1", 1)
    clean(check(name, text))


def test_a_missing_gemeente_is_named_after_the_file() -> None:
    text = text_of("E153-kopregel-ontbreekt").replace('gemeente: "Voorbeeld"\n', "")
    text += "periode: 2024-2027\n"
    checked = check("E153-kopregel-ontbreekt", text, "agendas/midden-groningen.lea")
    (diag,) = checked.diagnostics
    assert diag.code == "E153" and 'gemeente: "Midden-Groningen"' in (diag.help or "")
    unnamed = check("E153-kopregel-ontbreekt", text, "agendas/a1.lea").diagnostics[0].help or ""
    assert 'gemeente: "Naam van de gemeente"' in unnamed
    for hint in (diag.help or "", unnamed):
        assert "Hengelo" not in hint and "Enschede" not in hint


# --- a progress block names its item by the item's own kind ---------------------------------------
@pytest.mark.parametrize(("name", "named"), [
    ("D438-deelactie-code-van-een-andere", "de deelactie \u201cCultuurmenu\u201d heeft nu code"),
    ("D438-resultaat-van-actie-code-van-een-ander",
     "het resultaat \u201cElke school doet mee\u201d bij actie 1.1-a1 heeft nu code"),
])
def test_a_moved_code_names_the_deelactie_or_result_and_follows_to_its_code(
        name: str, named: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from lea_rules.cli import main

    shutil.copy(CASES / f"{name}.lea", tmp_path / f"{name}.lea")
    shutil.copytree(CASES / "data" / name, tmp_path / "data" / name)
    monkeypatch.chdir(tmp_path)
    assert main(["check", f"{name}.lea"]) == 1
    out = capsys.readouterr().out
    assert out.count("fout[") == 1 and named in out and "de actie" not in out
    rename = re.search(r"hernoem '(\S+):' naar '(\S+):'", out)
    assert rename is not None
    progress = tmp_path / "data" / name / "voortgang-2025.yaml"
    progress.write_text(progress.read_text(encoding="utf-8").replace(
        f"  {rename.group(1)}:", f"  {rename.group(2)}:"), encoding="utf-8")
    assert main(["check", f"{name}.lea"]) == 0, capsys.readouterr().out


# --- an indeling of three levels is shown as written -------------------------------------------
def test_an_indeling_of_three_levels_shows_them_and_follows_to_two() -> None:
    name = "E101-indeling-drie-niveaus"
    code, hint, line = only(check(name))
    assert code == "E101" and "(thema > ambitie > doel)" in hint
    written = re.search(r"\((indeling: [^)]+)\)", hint)
    assert written is not None and written.group(1) == "indeling: thema > ambitie / doel"
    fixed = check(name, replace_line(text_of(name), line, written.group(1)))
    clean(fixed)
    assert fixed.agenda is not None
    (theme,) = fixed.agenda.sections
    assert [(s.word, s.level) for s in theme.children] == [("ambitie", 2), ("doel", 2)]


def test_a_section_word_outside_a_three_level_indeling_names_the_levels_as_written() -> None:
    text = text_of("E101-indeling-drie-niveaus") + '  paragraaf 1.3 "Taal"\n    actie "Voorlezen"\n'
    checked = check("E101-indeling-drie-niveaus", text)
    e110 = [d for d in checked.diagnostics if d.code == "E110"]
    assert len(e110) == 1 and "(thema > ambitie > doel)" in e110[0].message


def test_an_unknown_word_in_three_levels_gets_both_fixes_in_one_hint() -> None:
    name = "E181-onbekend-woord-in-drie-niveaus"
    code, hint, line = only(check(name))
    assert code == "E181" and "(thema > subthema > doel)" in hint
    text = text_of(name).replace("subthema", "ambitie")
    fixed = check(name, replace_line(text, line, "indeling: thema > ambitie / doel"))
    clean(fixed)


# --- a new writer's mistakes: one located message each, and its fix --------------------------------
@pytest.mark.parametrize(("name", "code", "pattern"), [
    ("W264-nummer-van-een-ander-thema", "W264", r"schrijf (ambitie 1\.1) \(dat is nog vrij\)"),
    ("E101-titel-zonder-aanhalingstekens", "E101", r"zet de tekst tussen aanhalingstekens: (.+)"),
    ("E101-waarde-zonder-aanhalingstekens", "E101", r"zet de tekst tussen aanhalingstekens: (.+)"),
    ("E101-dubbele-punt-na-actie", "E101", r"schrijf: (.+)"),
])
def test_a_new_writers_mistake_follows_to_a_clean_agenda(name: str, code: str, pattern: str) -> None:
    found, hint, line = only(check(name))
    written = re.fullmatch(pattern, hint) or re.match(pattern, hint)
    assert found == code and written is not None, hint
    text = text_of(name)
    if code == "W264":
        fixed = check(name, text.replace("ambitie 2.1", written.group(1)))
    else:
        fixed = check(name, replace_line(text, line, written.group(1)))
    clean(fixed)
    assert fixed.agenda is not None and goals_of(fixed) == 1  # nothing lost on the way


def goals_of(checked: Checked) -> int:
    assert checked.agenda is not None
    return sum(len(result.goals) for _, result in checked.agenda.all_results())


def test_an_empty_title_is_one_message_and_a_title_ends_it() -> None:
    code, hint, line = only(check("E182-lege-titel"))
    assert (code, line) == ("E182", 9) and "tussen de aanhalingstekens" in hint
    titled = text_of("E182-lege-titel").replace('actie ""', 'actie "Ouders betrekken"')
    clean(check("E182-lege-titel", titled))


@pytest.mark.parametrize("line", ['thema 1 ""', 'resultaat ""\n      doel: kwalitatief', 'gemeente: ""'])
def test_every_empty_title_is_told(line: str) -> None:
    base = text_of("E182-lege-titel").replace('actie ""', 'actie "Ouders betrekken"')
    text = {"thema 1 \"\"": base.replace('thema 1 "Kansengelijkheid"', line),
            "gemeente: \"\"": base.replace('gemeente: "Voorbeeld"', line)}.get(line, base + f"    {line}\n")
    assert [d.code for d in check("E182-lege-titel", text).diagnostics] == ["E182"]


def test_a_typo_in_a_goals_indicator_is_one_message() -> None:
    name = "E200-indicator-met-typfout-geen-w260"
    code, hint, _ = only(check(name))
    assert (code, hint) == ("E200", "bedoelde je 'vve-bereik'?")
    clean(check(name, text_of(name).replace("vve-bereikk", "vve-bereik")))


def test_an_item_line_with_a_colon_keeps_its_properties() -> None:
    """`actie: "..."` opens the action all the same: its `eigenaar:` is not out of place."""
    checked = check("E101-dubbele-punt-na-actie")
    assert [d.code for d in checked.diagnostics] == ["E101"]


@pytest.mark.parametrize(("name", "pattern", "goals"), [
    ("E101-vergelijking-omgekeerd", r"de vergelijking schrijf je met het teken voorop: (.+)", 1),
    ("E101-aanhalingsteken-in-tekst", r"een aanhalingsteken in een tekst schrijf je als \\\": (.+)", 1),
    ("E101-stap-zonder-vergelijking", r"schrijf de vergelijking ook na 'en': (.+)", 2),
])
def test_a_goal_line_mistake_follows_to_the_line_shown(name: str, pattern: str, goals: int) -> None:
    code, hint, line = only(check(name))
    written = re.fullmatch(pattern, hint)
    assert code == "E101" and written is not None, hint
    fixed = check(name, replace_line(text_of(name), line, written.group(1)))
    clean(fixed)
    assert goals_of(fixed) == goals


def test_a_year_with_a_letter_o_follows_to_the_year() -> None:
    code, hint, _ = only(check("E101-jaartal-met-letter-o"))
    assert (code, hint) == ("E101", "een jaartal schrijf je in cijfers (een O is geen 0): 2027")
    clean(check("E101-jaartal-met-letter-o", text_of("E101-jaartal-met-letter-o").replace("2O27", "2027")))


def test_a_year_range_in_a_goal_offers_both_readings_and_each_is_valid() -> None:
    name = "E101-jaren-met-streepje"
    code, hint, _ = only(check(name))
    readings = re.findall(r"'(in [^']+)'", hint)
    assert code == "E101" and readings == ["in 2026/2027", "in 2026 en 2027"]
    for reading in readings:
        text = text_of(name).replace("in 2026-2027", reading)
        checked = check(name, text)
        if reading == "in 2026/2027":  # vve-bereik is measured per kalenderjaar: W350 says 2027 counts
            (warning,) = checked.diagnostics
            swap = re.match(r"schrijf '([^']+)' in plaats van '([^']+)'", warning.help or "")
            assert warning.code == "W350" and swap is not None and swap.group(1) == "2027"
            checked = check(name, text.replace(swap.group(2), swap.group(1)))
        clean(checked)


def test_a_rating_without_quotes_follows_to_the_rating_as_a_text() -> None:
    name = "E101-oordeel-zonder-aanhalingstekens"
    code, hint, line = only(check(name))
    written = re.fullmatch(r"is 'goed' een oordeel, zet het dan tussen aanhalingstekens: (.+)", hint)
    assert code == "E101" and written is not None
    fixed = check(name, replace_line(text_of(name), line, written.group(1)))
    clean(fixed)
    assert goals_of(fixed) == 1
