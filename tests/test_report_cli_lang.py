"""`lea report --lang en`: the command's own lines in English, the exit codes as in Dutch.

The messages about the agenda's lines stay Dutch (the checker's language); the closing line
says so. See docs/report.md (`--lang`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def report(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["report", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_report_in_english_says_so_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "r.html"
    code, out, err = report(["hengelo", "--year", "2025", "--lang", "en", "-o", str(out_file)], capsys)
    assert code == 0 and out_file.is_file()
    assert out.splitlines()[0] == f"report written: {out_file}"
    assert "note: the report contains illustrative figures" in out
    assert "rapport" not in out + err and "let op" not in out + err


def test_the_dutch_report_keeps_its_dutch_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "r.html"
    code, out, _ = report(["hengelo", "--year", "2025", "-o", str(out_file)], capsys)
    assert code == 0 and out.splitlines()[0] == f"rapport geschreven: {out_file}"


@pytest.mark.parametrize(("args", "code", "said"), [
    (["hengelx"], 2, "lea report: agenda 'hengelx' not found"),
    (["hengelo", "--year", "2035"], 2, "year 2035 lies outside this agenda's period 2024-2027; "
                                       "choose a year from 2023 to 2028"),
    (["hengelo", "--data", "geen/map"], 2, "data folder 'geen/map' not found"),
    (["hengelo", "-o", "geen/map/r.html"], 2, "the folder geen/map does not exist"),
])
def test_a_refusal_in_english_has_the_same_exit_code(args: list[str], code: int, said: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    full = [*args, "--lang", "en"] if "--year" in args else [*args, "--year", "2025", "--lang", "en"]
    got, _, err = report(full, capsys)
    dutch, _, _ = report([a for a in full if a not in ("--lang", "en")], capsys)
    assert got == code == dutch and said in err


def test_an_agenda_with_errors_is_told_in_dutch_and_closed_in_english(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agenda = tmp_path / "klein.lea"
    agenda.write_text('gemeente: "Klein"\n', encoding="utf-8")
    code, _, err = report([str(agenda), "--year", "2025", "--lang", "en"], capsys)
    assert code == 1
    assert "de agenda heeft geen 'titel:'-regel" in err  # the checker's message: Dutch
    assert f"the agenda {agenda} has errors (above, in Dutch: the checker's language)" in err
