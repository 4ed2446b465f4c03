"""Codes never move, and a progress entry never silently attaches to another item (issue 8).

Each test works on a copy of the project (agendas, data, sources) in a temporary folder, edits
the agenda the way a writer would, and runs the commands a user runs.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from lea_rules.api import load_agenda
from lea_rules.cli import main
from lea_rules.codes import same_title, write_codes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for folder in ("agendas", "data", "sources"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def evaluation(capsys: pytest.CaptureFixture[str], slug: str = "hengelo",
               year: int = 2025) -> dict[str, object]:
    code, out = run(["evaluate", slug, "--year", str(year), "--format", "json"], capsys)
    assert code == 0, out
    data = json.loads(out)
    data.pop("data_date", None)
    return {r["code"]: (r["title"], r["status"]) for r in data["results"]}


@pytest.mark.parametrize("slug", ["hengelo", "enschede", "midden-groningen"])
def test_shipped_agendas_have_fixed_codes(slug: str, capsys: pytest.CaptureFixture[str]) -> None:
    agenda = load_agenda(ROOT / "agendas" / f"{slug}.lea")
    items = [*agenda.all_actions(), *agenda.all_results()]
    loose = [item.code for _, item in items if not item.code_explicit]
    assert loose == []
    code, out = run(["codes", str(ROOT / "agendas" / f"{slug}.lea"), "--check"], capsys)
    assert code == 0, out


def test_inserting_a_result_moves_no_code_and_changes_no_verdict(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = evaluation(capsys)
    path = project / "agendas" / "hengelo.lea"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^(\s*)resultaat 1\.1-r1 ", text, re.M)
    assert first is not None
    indent = first.group(1)
    new = (f'{indent}resultaat "Nieuw: elke ouder kent het VVE-aanbod."\n'
           f"{indent}  doel: kwalitatief\n")
    path.write_text(text[:first.start()] + new + text[first.start():], encoding="utf-8")

    code, out = run(["check", "agendas/hengelo.lea"], capsys)
    assert code == 0, out
    assert out.count("waarschuwing[W263]") == 1
    assert "1.1-r14" in out  # 1.1 has 13 results: the new one gets the next free number
    after = evaluation(capsys)
    assert {k: v for k, v in after.items() if k != "1.1-r14"} == before
    assert after["1.1-r14"][0] == "Nieuw: elke ouder kent het VVE-aanbod."

    code, out = run(["codes", "hengelo"], capsys)
    assert code == 0, out
    assert 'resultaat 1.1-r14 "Nieuw: elke ouder kent het VVE-aanbod."' in path.read_text(encoding="utf-8")
    code, out = run(["check", "agendas/hengelo.lea"], capsys)
    assert code == 0 and "W263" not in out, out


def test_swapped_codes_stop_check_evaluate_and_report(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A writer renumbers two results by hand: every command stops and says what moved."""
    path = project / "agendas" / "hengelo.lea"
    text = path.read_text(encoding="utf-8")
    text = text.replace("resultaat 1.1-r3 ", "resultaat TMP ")
    text = text.replace("resultaat 1.1-r12 ", "resultaat 1.1-r3 ")
    path.write_text(text.replace("resultaat TMP ", "resultaat 1.1-r12 "), encoding="utf-8")
    before = snapshot(project)

    code, out = run(["check", "agendas/hengelo.lea"], capsys)
    assert code == 1
    assert "fout[D438]" in out and "voortgang-2025.yaml" in out
    assert "hernoem '1.1-r3:' naar '1.1-r12:'" in out
    assert "D432" not in out  # no 'haal stand weg' hint that would delete the writer's input

    code, out = run(["evaluate", "hengelo", "--year", "2025"], capsys)
    assert code == 1 and "D438" in out
    code, out = run(["report", "hengelo", "--year", "2025", "-o", str(project / "r.html")], capsys)
    assert code == 1 and "D438" in out
    assert snapshot(project) == before


def test_removed_action_names_its_title(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "agendas" / "hengelo.lea"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("actie 1.1-a3 "))
    end = start + 1
    while not re.match(r"\s*(actie|resultaat|ambitie|thema)\b", lines[end]):
        end += 1
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    code, out = run(["check", "agendas/hengelo.lea"], capsys)
    assert code == 1
    assert "onbekende actie '1.1-a3' (geschreven voor \u201cWe ontwikkelen een leerlijn" in out
    assert "haal dan ook dit blok weg" in out


def test_check_agenda_checks_its_data_folder_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    progress = project / "data" / "hengelo" / "voortgang-2025.yaml"
    progress.write_text(progress.read_text(encoding="utf-8").replace("status: lopend", "status: loopt", 1),
                        encoding="utf-8")
    code, out = run(["check", "agendas/hengelo.lea"], capsys)
    assert code == 1 and out.count("fout[D421]") == 1, out
    assert "data/hengelo/voortgang-2025.yaml" in out
    # Named as well: still one message.
    code, out = run(["check", "agendas/hengelo.lea", "data/hengelo/voortgang-2025.yaml"], capsys)
    assert code == 1 and out.count("fout[D421]") == 1, out
    code, out = run(["check", "--alleen-agenda", "agendas/hengelo.lea"], capsys)
    assert code == 0 and "D421" not in out, out


def test_codes_check_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "agendas" / "hengelo.lea"
    path.write_text(path.read_text(encoding="utf-8").replace("actie 1.1-a1 ", "actie ", 1), encoding="utf-8")
    before = snapshot(project)
    code, out = run(["codes", "hengelo", "--check"], capsys)
    assert code == 1 and "1 actie zou een vaste code krijgen" in out and "actie 1.1-a1" in out, out
    assert snapshot(project) == before


def test_codes_refuses_an_agenda_with_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "agendas" / "hengelo.lea"
    path.write_text(path.read_text(encoding="utf-8") + "\nthema 9 kapot\n", encoding="utf-8")
    before = snapshot(project)
    code, out = run(["codes", "hengelo"], capsys)
    assert code == 1 and "niets geschreven" in out
    assert snapshot(project) == before


def test_codes_keeps_bom_crlf_and_comments(tmp_path: Path) -> None:
    text = ('gemeente: "X"\r\ntitel: "LEA X"\r\nperiode: 2024-2027\r\nthema 1 "A"  # kop\r\n'
            '  ambitie 1.1 "B"\r\n    actie   "Eerst"  # let op\r\n    actie ob-1 "Vast"\r\n'
            '    resultaat "R"\r\n      doel: kwalitatief\r\n')
    path = tmp_path / "x.lea"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    agenda = load_agenda(path)
    new, edits = write_codes(text, agenda)
    assert [(e.kind, e.code) for e in edits] == [("actie", "1.1-a1"), ("resultaat", "1.1-r1")]
    assert '    actie 1.1-a1   "Eerst"  # let op\r\n' in new
    assert new.count("\r\n") == text.count("\r\n")
    assert main(["codes", str(path)]) == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(("written", "current", "same"), [
    ("In 2027 is er een doorgaande leerlijn van 0 - 13 jaar.",
     "In 2027 is er een doorgaande leerlijn van 0 - 13 jaar", True),
    ("Ouderbetrokkenheid is geborgd in de onderwijsaanpak.",
     "Ouderbetrokkenheid is geborgd in de in onderwijsaanpak.", True),
    ("VVE-bereik 85% in 2027", "VVE-bereik 90% in 2027", False),  # another number is another target
    ("We ontwikkelen een leerlijn", "We organiseren een zomerschool voor groep 8", False),
    ("Het \u2018bereik\u2019 groeit", "het 'bereik' groeit", True),
])
def test_same_title(written: str, current: str, same: bool) -> None:
    assert same_title(written, current) is same


def test_check_agenda_reports_a_units_mistake_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units = project / "data" / "hengelo" / "eenheden.csv"
    units.write_text(units.read_text(encoding="utf-8").replace("\nIKC;", "\nIKK;", 1), encoding="utf-8")
    code, out = run(["check", "agendas/hengelo.lea"], capsys)
    assert code == 1 and out.count("fout[D502]") == 1, out
    (project / "data" / "hengelo" / "observaties.csv").unlink()  # without observations: still checked
    code, out = run(["check", "agendas/hengelo.lea"], capsys)
    assert code == 1 and out.count("fout[D502]") == 1, out


def test_import_through_a_symlinked_store_file_keeps_the_link(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = project / "data" / "hengelo"
    shared = tmp_path / "gedeeld-observaties.csv"
    (store / "observaties.csv").rename(shared)
    (store / "observaties.csv").symlink_to(shared)
    file = tmp_path / "n.csv"
    file.write_text("indicator;periode;waarde;bron\nthuiszitters;2030/2031;3;DUO\n", encoding="utf-8")
    code, out = run(["import", str(file), "--agenda", "hengelo"], capsys)
    assert code == 0, out
    assert (store / "observaties.csv").is_symlink()
    assert "thuiszitters;2030/2031;;3;DUO" in shared.read_text(encoding="utf-8")


def test_codes_refuses_while_a_block_belongs_to_another_item(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "agendas" / "hengelo.lea"
    text = path.read_text(encoding="utf-8")
    text = text.replace("resultaat 1.1-r12 ", "resultaat TMP ")
    text = text.replace("resultaat 1.1-r13 ", "resultaat 1.1-r12 ")
    path.write_text(text.replace("resultaat TMP ", "resultaat 1.1-r13 "), encoding="utf-8")
    before = snapshot(project)
    for argv in (["codes", "hengelo", "--check"], ["codes", "hengelo"]):
        code, out = run(argv, capsys)
        assert code == 1 and "fout[D438]" in out and "niets geschreven" in out, out
        assert "elk voortgangsblok noemt zijn titel" not in out
    assert snapshot(project) == before


def test_swapped_blocks_are_told_to_be_renamed_together(project: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "agendas" / "hengelo.lea"
    text = path.read_text(encoding="utf-8")
    text = text.replace("resultaat 1.1-r12 ", "resultaat TMP ")
    text = text.replace("resultaat 1.1-r13 ", "resultaat 1.1-r12 ")
    path.write_text(text.replace("resultaat TMP ", "resultaat 1.1-r13 "), encoding="utf-8")
    code, out = run(["check", "agendas/hengelo.lea"], capsys)
    assert code == 1
    assert "hernoem '1.1-r12:' naar '1.1-r13:'; er staat ook al een blok '1.1-r13:'" in out
    assert "lea codes agendas/hengelo.lea" in out or "D436" not in out  # never an absolute path
    assert str(project) not in out.replace(str(project / "data"), "")
