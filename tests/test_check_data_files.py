"""`lea check` on progress and data files: located problems, agenda found from the folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_progress_and_data_files_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in sorted((ROOT / "data").glob("*/voortgang-*.yaml"))]
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
