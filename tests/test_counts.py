"""Counts in the command line's summary lines: the right kind of item, singular for one.

A writer whose agenda had 3 deelacties read "3 acties ... kregen een vaste code", and `lea
import` said "1 rijen zonder waarde". Each summary line names what it counts, and says
"1 rij", "2 rijen".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lea_rules.cli import main
from lea_rules.counts import aantal, opsomming

ROOT = Path(__file__).resolve().parent.parent
HEAD = 'gemeente: "Testdorp"\ntitel: "LEA Testdorp"\nperiode: 2025-2028\n\n'


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_aantal_and_opsomming() -> None:
    assert [aantal(n, "rij", "rijen") for n in (0, 1, 2)] == ["0 rijen", "1 rij", "2 rijen"]
    assert [opsomming(p) for p in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == [
        "", "a", "a en b", "a, b en c"]


def test_lea_codes_names_deelacties_as_deelacties(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = "".join(f'  resultaat "Resultaat {i}"\n    doel: kwalitatief\n' for i in range(1, 34))
    path = tmp_path / "a.lea"
    path.write_text(HEAD + 'thema 1 "Start"\n  actie 1-a1 "Toeleiding"\n'
                    + "".join(f'    deelactie "Stap {i}"\n' for i in range(1, 4)) + results, encoding="utf-8")
    code, out = run(["codes", str(path), "--check"], capsys)
    assert code == 1 and "a.lea: 3 deelacties en 33 resultaten zouden een vaste code krijgen" in out, out
    code, out = run(["codes", str(path)], capsys)
    assert code == 0 and "a.lea: 3 deelacties en 33 resultaten kregen een vaste code" in out, out


def test_lea_codes_counts_each_kind_singular_or_plural(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.lea"
    path.write_text(HEAD + 'thema 1 "Start"\n  actie "Toeleiding"\n    deelactie "Werkwijze"\n'
                    '    met resultaat "Werkwijze klaar"\n      doel: kwalitatief\n  actie "Ouders"\n'
                    '  resultaat "Bereik"\n    doel: kwalitatief\n', encoding="utf-8")
    code, out = run(["codes", str(path), "--check"], capsys)
    assert code == 1 and ("a.lea: 2 acties, 1 deelactie, 1 resultaat en 1 resultaat bij een actie "
                          "(met resultaat) zouden een vaste code krijgen") in out, out


def test_lea_import_says_1_rij_zonder_waarde(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "data" / "hengelo"
    shutil.copytree(ROOT / "data" / "hengelo", data_dir)
    agenda = str(ROOT / "agendas" / "hengelo.lea")
    file = tmp_path / "nieuw.csv"
    file.write_text("indicator;periode;waarde;bron\nthuiszitters;2025/2026;12;overzicht 2026\n"
                    "vve-bereik;1 januari 2026;;VVE-monitor 2026\n", encoding="utf-8")
    argv = ["import", str(file), "--agenda", agenda, "--data", str(data_dir)]
    code, out = run(argv, capsys)
    assert code == 0 and "(1 nieuw, 0 herzien, 0 ongewijzigd; 1 rij zonder waarde overgeslagen" in out, out
    code, out = run(argv, capsys)
    assert code == 0 and "niets veranderd — de waarde staat al zo in" in out and "alle 1" not in out, out
    empty = tmp_path / "leeg.csv"
    empty.write_text("indicator;periode;waarde;bron\nvve-bereik;1 januari 2026;;VVE-monitor 2026\n",
                     encoding="utf-8")
    code, out = run(["import", str(empty), "--agenda", agenda, "--data", str(data_dir)], capsys)
    assert code == 1 and "het bestand bevat geen enkele waarde (1 rij zonder waarde)" in out, out


def test_lea_template_counts_one_indicator_as_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "agendas" / "a.lea"
    path.parent.mkdir()
    path.write_text(HEAD + 'indicator bereik "Bereik"\n  eenheid: %\n  beter: hoger\n'
                    '  meting: kalenderjaar\n\nthema 1 "Start"\n  resultaat "Bereik"\n'
                    '    doel: bereik >= 85% in 2027\n', encoding="utf-8")
    code, out = run(["check", str(path)], capsys)
    assert code == 0, out
    code, out = run(["template", str(path), "--year", "2026", "-o", str(tmp_path / "u.csv")], capsys)
    assert code == 0 and "(1 indicator, 1 rij)" in out, out
