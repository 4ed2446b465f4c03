"""`lea check` through the CLI entry point: JSON shape, text summary and exit codes 0/1/2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "check_cases"
GOOD = 'gemeente: "X"\ntitel: "T"\nperiode: 2024-2027\nthema 1 "x"\n  resultaat "r"\n    doel: kwalitatief\n'


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_clean_agenda_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "goed.lea"
    path.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(["check", str(path)], capsys)
    assert code == 0
    assert out.strip() == f"{path}: in orde (0 fouten, 0 waarschuwingen)"


def test_warnings_only_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(CASES / "W260-indicator-niet-gebruikt.lea")], capsys)
    assert code == 0 and "waarschuwing[W260]" in out


def test_errors_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(CASES / "E160-dubbele-naam.lea")], capsys)
    assert code == 1 and "fout[E160]" in out and "niet in orde (1 fout, 1 waarschuwing)" in out


def test_errors_only_hides_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--errors-only", str(CASES / "E160-dubbele-naam.lea")], capsys)
    assert code == 1 and "W261" not in out and "(1 fout, 0 waarschuwingen)" in out


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(tmp_path / "weg.lea")], capsys)
    assert code == 2 and "fout[E000]" in out


@pytest.mark.parametrize("argv", [["check"], ["check", "--format", "xml", "x.lea"],
                                  ["check", "--bla", "x.lea"], ["check", "--max", "0", "x.lea"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        code = main(argv)
        raise SystemExit(code)
    assert info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_max_caps_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--max", "3", str(CASES / "veel-fouten-tegelijk.lea")], capsys)
    assert code == 1
    assert out.count("  --> ") == 3 and "... en 57 meer" in out


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(CASES / "E200-onbekende-indicator.lea"), str(CASES / "E230-richting-tegen-indicator.lea"),
             str(CASES / "E160-dubbele-naam.lea")]
    code, out, _ = run(["check", "--format", "json", *paths], capsys)
    assert code == 1
    data = json.loads(out)
    assert data["schema"] == "lea-check/1"
    assert data["files"] == paths
    assert data["errors"] == 3 and data["warnings"] == 1
    keys = {"code", "severity", "title", "message", "file", "line", "column", "end_line", "end_column",
            "help", "context", "notes"}
    for diag in data["diagnostics"]:
        assert set(diag) == keys
        assert diag["severity"] in ("error", "warning")
        assert diag["file"] in paths
    e200 = next(d for d in data["diagnostics"] if d["code"] == "E200")
    assert (e200["line"], e200["column"], e200["end_column"]) == (10, 13, 23)
    assert e200["help"] == "bedoelde je 'vve-bereik'?"
    assert e200["context"].startswith("thema 1")


def test_json_is_complete_even_beyond_max(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--format", "json", "--max", "2", str(CASES / "veel-fouten-tegelijk.lea")],
                       capsys)
    assert code == 1 and json.loads(out)["errors"] == 60


def test_json_for_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--format", "json", str(tmp_path / "weg.lea")], capsys)
    assert code == 2 and json.loads(out)["diagnostics"][0]["code"] == "E000"


@pytest.mark.parametrize(("argv", "allowed"), [
    (["check", "--alleen-agenda", "agendas/hengelo.lea"], ()),
    # The default also reads the data folder, whose models are pydantic's; never the report's
    # or Excel's libraries.
    (["check", "agendas/hengelo.lea"], ("pydantic",)),
])
def test_check_path_does_not_import_heavy_libraries(argv: list[str], allowed: tuple[str, ...]) -> None:
    import subprocess

    probe = (f"import sys; from lea_rules.cli import main; main({argv!r}); "
             "heavy = ('pydantic', 'jinja2', 'openpyxl'); "
             f"print(sorted(m for m in heavy if m in sys.modules and m not in {allowed!r}), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_usage_errors_and_help_are_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    from lea_rules.cli import main

    with pytest.raises(SystemExit) as caught:
        main(["evaluate", "hengelo", "--year", "twintig"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "gebruik: lea evaluate" in err and "'twintig' is geen geldige waarde (verwacht: jaartal)" in err
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    assert "toon deze hulp en stop" in out and "opties" in out and "show this help" not in out


def test_absolute_and_relative_changes_are_both_writable(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """`met 2 procentpunt` (absolute, on a percentage), `met 5` (absolute, on a count) and `met 20%`
    (relative) pass `lea check`; issue 11.8."""
    agenda = tmp_path / "voorbeeld.lea"
    agenda.write_text(
        'gemeente: "Voorbeeld"\ntitel: "LEA Voorbeeld 2024-2027"\nperiode: 2024-2027\n\n'
        'indicator vsv "Voortijdig schoolverlaters"\n  eenheid: %\n  beter: lager\n\n'
        'indicator thuiszitters "Thuiszitters"\n  eenheid: aantal\n  beter: lager\n\n'
        'thema 1 "Kansen"\n  ambitie 1.1 "Startkwalificatie"\n'
        '    resultaat "Minder vsv"\n'
        '      doel: vsv gedaald met 2 procentpunt in 2027 t.o.v. 2024\n'
        '    resultaat "Minder vsv, meervoud"\n'
        '      doel: vsv gedaald met 1,5 procentpunten in 2026 t.o.v. 2024\n'
        '    resultaat "Minder thuiszitters"\n'
        '      doel: thuiszitters gedaald met 5 in 2027 t.o.v. 2024 en thuiszitters gedaald met 20% in 2027 '
        't.o.v. 2024\n', encoding="utf-8")
    assert main(["check", str(agenda), "--alleen-agenda"]) == 0
    assert "0 fouten, 0 waarschuwingen" in capsys.readouterr().out
