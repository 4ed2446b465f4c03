"""`zie:`: a checked cross-reference. Each mistake gives one message on its line, and following
its hint, as a writer would, gives an agenda without any message; `lea codes` keeps every
reference on the item it named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lea_rules.api import Checked, check_source
from lea_rules.cli import main
from lea_rules.references import pointed, resolve
from lea_rules.source import SourceFile

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "check_cases"


def check(name: str, text: str | None = None) -> Checked:
    path = CASES / f"{name}.lea"
    return check_source(SourceFile(f"{name}.lea", path.read_text(encoding="utf-8") if text is None else text))


def only(checked: Checked) -> tuple[str, str, int, str]:
    assert len(checked.diagnostics) == 1, [d.message for d in checked.diagnostics]
    diag = checked.diagnostics[0]
    assert diag.help is not None
    return diag.code, diag.help, diag.span.line, diag.message


def replace_line(name: str, line: int, old: str, new: str) -> str:
    lines = (CASES / f"{name}.lea").read_text(encoding="utf-8").splitlines(True)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    return "".join(lines)


def test_every_form_resolves_to_its_item() -> None:
    checked = check("zie")
    assert checked.ok and not checked.diagnostics and checked.agenda is not None
    agenda = checked.agenda
    found = {(line, written): title for line, written, title in pointed(agenda)}
    assert found == {
        (5, "resultaat p2-r1"): "Meer uitwisseling tussen voorschool en basisschool",
        (8, "ambitie 1.2"): "Een doorgaande leerlijn",
        (10, "actie p1-a1"): "Ouders betrekken bij de voorschool",
        (13, "deelactie p1-a1-d1"): "Ouderavonden op elke voorschool",
        (15, "thema 1"): "Kansengelijkheid",
        (16, "ambitie 1.1"): "Elk kind een goede start",
        (19, "resultaat p1-r1"): "Elke voorschool heeft een ouderavond gehouden",
        (20, "actie p1-a1"): "Ouders betrekken bij de voorschool",
    }


def test_a_reference_to_nothing_follows_to_the_closest() -> None:
    code, hint, line, message = only(check("E332-verwijzing-naar-niets"))
    assert (code, line, message) == ("E332", 8, "er is geen ambitie 1.3 in deze agenda")
    suggested = re.findall(r"'(ambitie [\d.]+)'", hint)
    assert suggested == ["ambitie 1.2"]  # the nearest number, not every one that is one edit away
    # the item the reference stands under is never offered; each one offered is valid
    for target in suggested:
        fixed = check("E332-verwijzing-naar-niets",
                      replace_line("E332-verwijzing-naar-niets", line, "ambitie 1.3", target))
        assert fixed.ok and not fixed.diagnostics


@pytest.mark.parametrize(("name", "wrong", "nearest"), [
    ("E332-verwijzing-naar-niets-dichtstbij", "doel 7", "doel 6"),  # doel 1-6: not 'doel 1, 2 of 3'
    ("E332-verwijzing-naar-niets-code", "actie afspraak-1-1-9", "actie afspraak-1-1-4"),
    ("E332-verwijzing-naar-niets-tikfout", "actie toeleding", "actie toeleiding")])
def test_a_reference_to_nothing_offers_the_nearest_and_it_fits(name: str, wrong: str, nearest: str) -> None:
    code, hint, line, _ = only(check(name))
    assert (code, hint) == ("E332", f"bedoelde je '{nearest}'?")
    fixed = check(name, replace_line(name, line, wrong, nearest))
    assert fixed.ok and not fixed.diagnostics


def test_between_two_numbers_both_are_offered() -> None:
    name = "E332-verwijzing-naar-niets-dichtstbij"
    text = (CASES / f"{name}.lea").read_text(encoding="utf-8").replace('doel 4 "Een rijke schooldag"\n', "")
    code, hint, _, _ = only(check(name, text.replace("zie: doel 7", "zie: doel 4")))
    assert (code, hint) == ("E332", "bedoelde je 'doel 3' of 'doel 5'?")


def test_a_reference_to_nothing_near_names_what_there_is() -> None:
    code, hint, line, _ = only(check("E332-verwijzing-naar-niets-ver-weg"))
    shown = re.findall(r"'(actie [\w-]+)'", hint)
    assert code == "E332" and shown == ["actie p1-a1", "actie p1-a2"]
    fixed = check("E332-verwijzing-naar-niets-ver-weg",
                  replace_line("E332-verwijzing-naar-niets-ver-weg", line, "actie vve-ouders", shown[0]))
    assert fixed.ok and not fixed.diagnostics


def test_the_wrong_word_follows_to_the_right_one() -> None:
    code, hint, line, message = only(check("E333-verkeerd-soort-item"))
    assert (code, message) == ("E333", "1.2 is een ambitie, geen actie")
    written = re.fullmatch(r"schrijf: (zie: .+)", hint)
    assert written is not None
    fixed = check("E333-verkeerd-soort-item",
                  replace_line("E333-verkeerd-soort-item", line, "zie: actie 1.2", written.group(1)))
    assert fixed.ok and not fixed.diagnostics


def test_a_deelactie_named_actie_is_the_wrong_word() -> None:
    text = (CASES / "zie.lea").read_text(encoding="utf-8").replace("zie: deelactie p1-a1-d1",
                                                                  "zie: actie p1-a1-d1")
    code, hint, _, message = only(check("zie", text))
    assert (code, message, hint) == ("E333", "p1-a1-d1 is een deelactie, geen actie",
                                     "schrijf: zie: deelactie p1-a1-d1")


def test_a_reference_to_itself_follows_by_leaving_it_out() -> None:
    code, _, line, message = only(check("E334-verwijzing-naar-zichzelf"))
    assert (code, message) == ("E334", "deze 'zie:'-regel staat onder resultaat p1-r1 zelf")
    lines = (CASES / "E334-verwijzing-naar-zichzelf.lea").read_text(encoding="utf-8").splitlines(True)
    del lines[line - 1]
    fixed = check("E334-verwijzing-naar-zichzelf", "".join(lines))
    assert fixed.ok and not fixed.diagnostics


def test_a_word_outside_the_indeling_follows_to_the_word_of_the_indeling() -> None:
    code, hint, line, _ = only(check("E335-woord-niet-in-de-indeling"))
    written = re.fullmatch(r"bedoelde je '(zie: .+)'\? \(de indeling noemt: thema, ambitie\)", hint)
    assert code == "E335" and written is not None
    fixed = check("E335-woord-niet-in-de-indeling",
                  replace_line("E335-woord-niet-in-de-indeling", line, "zie: doel 1.2", written.group(1)))
    assert fixed.ok and not fixed.diagnostics


def test_a_word_outside_the_indeling_without_a_match_names_the_indeling() -> None:
    text = (CASES / "E335-woord-niet-in-de-indeling.lea").read_text(encoding="utf-8").replace(
        "zie: doel 1.2", "zie: paragraaf 9")
    code, hint, _, _ = only(check("E335-woord-niet-in-de-indeling", text))
    assert (code, hint) == ("E335", "gebruik een woord uit de indeling: thema, ambitie")


def test_an_onderdeel_is_named_by_its_own_word() -> None:
    """In Enschede's `hoofdstuk/paragraaf` both hoofdstuk 2 and paragraaf 2 exist: the word says which."""
    text = '''gemeente: "Voorbeeld"
titel: "LEA Voorbeeld 2024-2027"
periode: 2024-2027
indeling: hoofdstuk/paragraaf > ambitie/belofte
hoofdstuk 1 "De opgave"
hoofdstuk 2 "Hoe de LEA tot stand kwam"
paragraaf 1 "Voorschool"
  zie: hoofdstuk 2
  ambitie 1 "Een goede start"
    zie: paragraaf 2
    zie: belofte 3
paragraaf 2 "Vroegschool"
  belofte 3 "Twentse Belofte"
'''
    checked = check_source(SourceFile("niveaus.lea", text))
    assert checked.ok and not checked.diagnostics and checked.agenda is not None
    assert [title for _, _, title in pointed(checked.agenda)] == [
        "Hoe de LEA tot stand kwam", "Vroegschool", "Twentse Belofte"]
    wrong = check_source(SourceFile("niveaus.lea", text.replace("zie: belofte 3", "zie: ambitie 3")))
    code, hint, _, message = only(wrong)
    assert (code, message, hint) == ("E333", "3 is een belofte, geen ambitie", "schrijf: zie: belofte 3")
    both = check_source(SourceFile("niveaus.lea", text.replace("zie: paragraaf 2", "zie: ambitie 2")))
    code, hint, _, message = only(both)
    assert (code, message) == ("E333", "2 is een hoofdstuk en een paragraaf, geen ambitie")
    assert hint == "schrijf: zie: hoofdstuk 2 (of: zie: paragraaf 2)"


def test_zie_elsewhere_is_refused_with_where_it_belongs() -> None:
    text = '''gemeente: "Voorbeeld"
titel: "LEA Voorbeeld 2024-2027"
periode: 2024-2027
indicator vve-bereik "Bereik VVE"
  eenheid: %
  zie: thema 1
thema 1 "Kansengelijkheid"
'''
    checked = check_source(SourceFile("elders.lea", text))
    assert [(d.code, d.span.line) for d in checked.errors] == [("E120", 6)]
    assert "onderdeel, actie of resultaat" in checked.errors[0].message


def test_lea_codes_keeps_every_reference_on_its_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A reference to a code from a place warns (W332); lea codes fixes that code, the reference
    then names the same item with a code that no longer moves, and an item inserted above it
    leaves the reference where it was."""
    source = (CASES / "W332-verwijzing-naar-automatische-code.lea").read_text(encoding="utf-8")
    agenda = tmp_path / "zie.lea"
    agenda.write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = check_source(SourceFile("zie.lea", source))
    assert [d.code for d in before.diagnostics] == ["W332"]
    assert "lea codes zie.lea" in (before.diagnostics[0].help or "")
    assert main(["codes", "zie.lea"]) == 0
    capsys.readouterr()
    fixed = agenda.read_text(encoding="utf-8")
    after = check_source(SourceFile("zie.lea", fixed))
    assert after.ok and not after.diagnostics
    assert before.agenda is not None and after.agenda is not None
    assert pointed(after.agenda) == pointed(before.agenda)
    # a writer inserts an action above: the fixed code stays with its item
    inserted = fixed.replace('    actie 1.1-a1 "Ouders',
                             '    actie "Nieuw: een actie erboven"\n    actie 1.1-a1 "Ouders')
    moved = check_source(SourceFile("zie.lea", inserted))
    assert moved.agenda is not None
    ref = next(r for _, r in moved.agenda.all_results()).provenance.references[0]
    found = resolve(moved.agenda, ref)
    assert found is not None and found.item.title == "Ouders betrekken bij de voorschool"


# --- the evaluation and the report -------------------------------------------------------------

def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err
    return captured.out


def test_the_json_gives_each_reference_with_what_it_points_at(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    monkeypatch.chdir(CASES)
    data = json.loads(_run(["evaluate", "zie.lea", "--year", "2025", "--format", "json"], capsys))
    results = {r["code"]: r["references"] for r in data["results"]}
    assert results["p1-r1"] == [{"written": "deelactie p1-a1-d1", "kind": "deelactie", "code": "p1-a1-d1",
                                 "title": "Ouderavonden op elke voorschool"}]
    assert [ref["written"] for ref in results["p2-r1"]] == ["resultaat p1-r1", "actie p1-a1"]
    actions = {a["code"]: a["references"] for a in data["actions"]}
    assert actions["p1-a1"] == [{"written": "ambitie 1.2", "kind": "ambitie", "code": "1.2",
                                 "title": "Een doorgaande leerlijn"}]
    sections = {s["section"]: s["references"] for s in data["section_references"]}
    assert list(sections) == ["thema 1", "ambitie 1.2"]
    assert sections["thema 1"][0]["title"] == "Meer uitwisseling tussen voorschool en basisschool"


def _links(html: str) -> tuple[list[str], list[str]]:
    """The see-also links (href, text) and the hrefs in the file that lead nowhere."""
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    blocks = re.findall(r'class="see-also small">(.*?)</(?:p|span)>', html)
    links = [f"{href} {label}" for block in blocks
             for href, label in re.findall(r'<a href="#([^"]+)">(.*?)</a>', block)]
    return links, [href for href in re.findall(r'href="#([^"]+)"', html) if href not in ids]


@pytest.mark.parametrize("lang, words", [("nl", ("Zie ook", "actie", "resultaat")),
                                         ("en", ("See also", "action", "result"))])
def test_the_report_links_each_reference_to_its_item_in_both_editions(
        lang: str, words: tuple[str, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    see, action, result = words
    escaped = "\u201cOuders &lt;b&gt;betrekken&lt;/b&gt; &amp; meer\u201d"
    text = (CASES / "zie.lea").read_text(encoding="utf-8").replace(
        '"Ouders betrekken bij de voorschool"', '"Ouders <b>betrekken</b> & meer"')
    (tmp_path / "zie.lea").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for extra in ((), ("--werkversie",)):
        _run(["report", "zie.lea", "--year", "2025", "--lang", lang, "-o", "out.html", *extra], capsys)
        html = (tmp_path / "out.html").read_text(encoding="utf-8")
        links, nowhere = _links(html)
        assert not nowhere
        assert f"{see}: <a href=" in html and "<b>betrekken</b>" not in html
        assert "onderdeel-1 thema 1 \u201cKansengelijkheid\u201d" in links
        done = "\u201cElke voorschool heeft een ouderavond gehouden\u201d"
        assert f"resultaat-p1-r1 {result} p1-r1 {done}" in links
        if extra:  # the working edition lists every action: the link goes to its row
            assert f"actie-p1-a1 {action} p1-a1 {escaped}" in links
            assert "actie-p1-a1-d1" in html and any(link.startswith("actie-p1-a1-d1 ") for link in links)
            assert any(link.startswith("onderdeel-1-2 ambitie 1.2") for link in links)
        else:  # the council edition counts the actions of a part: the link goes to that count
            assert f"onderdeel-1-1-acties {action} p1-a1 {escaped}" in links


def test_enschede_links_its_own_cross_reference_in_both_showcase_reports() -> None:
    """'(Zie ook Ambitie 5: Kansrijk ondersteunen op het VO)' (regel 1215) under Twentse Belofte 2."""
    label = ("ambitie 5 \u201cIedere jongere verdient het om kansrijk te zijn in het Voortgezet "
             "Onderwijs\u201d")
    for name in ("enschede-2025.html", "enschede-2025-werkversie.html"):
        html = (ROOT / "reports" / name).read_text(encoding="utf-8")
        links, nowhere = _links(html)
        assert not nowhere and links == [f"ambitie-5 {label}"], name
        assert '<section class="part level-2" id="ambitie-5"' in html
