"""Golden diagnostics, rustc-UI style: `check_cases/NAME.lea` beside `NAME.out`.

`NAME.out` holds exactly what `lea check NAME.lea` prints (run inside check_cases/, so the
paths are relative) followed by `# exit: N`. A case may have a `.out` and no `.lea`: that
is the "file not found" case. After a deliberate change in the messages, regenerate with

    LEA_BLESS=1 pytest tests/test_diagnostics_golden.py

and review the change as a diff (`git diff tests/check_cases`) before committing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from lea_rules.cli import main

CASES = Path(__file__).resolve().parent / "check_cases"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "diagnostics.md"
BLESS = os.environ.get("LEA_BLESS") == "1"


def case_names() -> list[str]:
    return sorted({p.stem for p in CASES.glob("*.lea")} | {p.stem for p in CASES.glob("*.out")})


def run_check(name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(CASES)
    code = main(["check", f"{name}.lea"])
    captured = capsys.readouterr()
    return captured.out + captured.err + f"# exit: {code}\n"


@pytest.mark.parametrize("name", case_names())
def test_case(name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    actual = run_check(name, capsys, monkeypatch)
    expected_path = CASES / f"{name}.out"
    if BLESS:
        expected_path.write_text(actual, encoding="utf-8")
        return
    assert expected_path.exists(), f"{name}.out ontbreekt: draai met LEA_BLESS=1 en bekijk de diff"
    expected = expected_path.read_text(encoding="utf-8")
    assert actual == expected, f"{name}.lea geeft andere uitvoer dan {name}.out (LEA_BLESS=1 vernieuwt)"


def test_exit_code_follows_the_diagnostics() -> None:
    for name in case_names():
        out = (CASES / f"{name}.out").read_text(encoding="utf-8")
        exit_line = out.rstrip().splitlines()[-1]
        if "fout[E000]" in out:
            assert exit_line == "# exit: 2", name
        elif re.search(r"^fout\[", out, re.M):
            assert exit_line == "# exit: 1", name
        else:
            assert exit_line == "# exit: 0", name


def documented_codes() -> list[str]:
    return re.findall(r"^### ([EW]\d{3})\b", DOCS.read_text(encoding="utf-8"), re.M)


def test_every_documented_code_has_a_case() -> None:
    codes = documented_codes()
    assert len(codes) >= 50, "docs/diagnostics.md documenteert te weinig codes"
    outputs = {name: (CASES / f"{name}.out").read_text(encoding="utf-8") for name in case_names()}
    for code in codes:
        hits = [name for name, out in outputs.items() if f"[{code}]" in out]
        assert hits, f"{code} staat in docs/diagnostics.md maar geen golden case toont hem"
        assert any(name.startswith(code) for name in hits), f"geen case met de naam {code}-..."


def test_every_code_in_the_source_is_documented() -> None:
    package = Path(__file__).resolve().parent.parent / "lea_rules"
    used: set[str] = set()
    for path in [*package.glob("*.py"), *package.glob("checks/*.py")]:
        used.update(re.findall(r"\"([EW]\d{3})\"", path.read_text(encoding="utf-8")))
    missing = used - set(documented_codes())
    assert not missing, f"codes zonder uitleg in docs/diagnostics.md: {sorted(missing)}"


def test_each_code_has_one_title() -> None:
    titles: dict[str, set[str]] = {}
    for name in case_names():
        out = (CASES / f"{name}.out").read_text(encoding="utf-8")
        for code, title in re.findall(r"^(?:fout|waarschuwing)\[([EW]\d{3})\]: (.+)$", out, re.M):
            titles.setdefault(code, set()).add(title)
    double = {code: t for code, t in titles.items() if len(t) > 1}
    assert not double, f"een code hoort één vaste titel te hebben: {double}"
