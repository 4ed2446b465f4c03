"""`lea check` on progress and data files: located problems, agenda found from the folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from shipped import shipped_progress_files

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_progress_and_data_files_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in shipped_progress_files(ROOT)]
    paths += [str(ROOT / "data" / name / "observaties.csv")
              for name in ("hengelo", "enschede", "midden-groningen")]
    assert main(["check", *paths]) == 0, capsys.readouterr().out


def _copy_hengelo(tmp_path: Path) -> Path:
    (tmp_path / "agendas").mkdir()
    shutil.copy(ROOT / "agendas" / "hengelo.lea", tmp_path / "agendas" / "hengelo.lea")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    folder = tmp_path / "data" / "hengelo"
    shutil.copytree(ROOT / "data" / "hengelo", folder)
    return folder


def test_bad_progress_file_gets_located_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _copy_hengelo(tmp_path)
    progress = folder / "voortgang-2025.yaml"
    text = progress.read_text(encoding="utf-8")
    assert "status: lopend" in text
    progress.write_text(text.replace("status: lopend", "status: bezig", 1), encoding="utf-8")
    before = progress.read_bytes()
    assert main(["check", str(progress)]) == 1
    out = capsys.readouterr().out
    assert "fout[D421]" in out and "'bezig' is geen geldige status" in out
    assert "^^^^^" in out and "kies uit: gepland, lopend" in out
    assert progress.read_bytes() == before  # checking never writes


def test_json_twin_for_data_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _copy_hengelo(tmp_path)
    progress = folder / "voortgang-2025.yaml"
    progress.write_text(progress.read_text(encoding="utf-8") + "onzin: 1\n", encoding="utf-8")
    assert main(["check", "--format", "json", str(progress)]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["errors"] >= 1
    assert all(d["file"] == str(progress) and d["line"] >= 1 for d in payload["diagnostics"])


def test_agenda_not_found_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stray = tmp_path / "voortgang-2025.yaml"
    stray.write_text("gemeente: Hengelo\njaar: 2025\n", encoding="utf-8")
    assert main(["check", str(stray)]) == 2
    assert "--agenda" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["cijfers.csv", "uitvraag.xlsx", "Observaties-2025.CSV"])
def test_import_file_gets_one_clear_error(name: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV or XLSX that is not observaties.csv is an import file, not an agenda."""
    file = tmp_path / name
    if name.endswith(".xlsx"):
        from openpyxl import Workbook

        Workbook().save(file)
    else:
        file.write_text("indicator;periode;waarde;bron\nthuiszitters;2025/2026;12;SWV\n", encoding="utf-8")
    before = file.read_bytes()
    assert main(["check", str(file)]) == 1
    out = capsys.readouterr().out
    assert out.count("fout[") == 1, out
    assert "fout[D100]" in out
    assert ("dit is een gegevensbestand; lees het in met `lea import BESTAND --agenda NAAM` "
            "(of controleer zonder te schrijven met --dry-run)") in out
    assert f"lea import {file} --agenda NAAM --dry-run" in out
    assert "E1" not in out and "E2" not in out  # not parsed as an agenda
    assert file.read_bytes() == before


def test_import_file_with_agenda_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "cijfers.csv"
    file.write_text("indicator;periode;waarde;bron\n", encoding="utf-8")
    assert main(["check", "--format", "json", "--agenda", "hengelo", str(file)]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in payload["diagnostics"]] == ["D100"]
    assert payload["diagnostics"][0]["help"] == f"lea import {file} --agenda hengelo --dry-run"


def test_missing_import_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "bestaat-niet.csv")]) == 2
    assert "fout[E000]" in capsys.readouterr().out
