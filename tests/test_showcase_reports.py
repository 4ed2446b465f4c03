"""The showcase reports in reports/ are exactly what `lea report` makes from the shipped agenda and data.

The README's first command rewrites reports/hengelo-2025.html; a new user's checkout must
stay clean, so the report is reproducible byte for byte (no date of making, no paths, no
order that depends on the file system) and the tracked file is the current one.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("edition", ["", "-werkversie"], ids=["raadsversie", "werkversie"])
@pytest.mark.parametrize("name", ["hengelo", "enschede", "midden-groningen"])
def test_showcase_report_is_reproduced_exactly(name: str, edition: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """reports/<name>-2025.html is the council edition, <name>-2025-werkversie.html the working one."""
    tracked = ROOT / "reports" / f"{name}-2025{edition}.html"
    out = tmp_path / tracked.name
    extra = ["--werkversie"] if edition else []
    code = main(["report", str(ROOT / "agendas" / f"{name}.lea"), "--year", "2025", "-o", str(out), *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err[-3000:]
    actual, expected = out.read_bytes(), tracked.read_bytes()
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.decode("utf-8").splitlines(True),
                                            actual.decode("utf-8").splitlines(True),
                                            f"reports/{tracked.name}", "gemaakt", n=1))
        pytest.fail(f"reports/{tracked.name} is niet wat `lea report` nu maakt uit agendas/{name}.lea en "
                    f"data/{name}/. Maak het opnieuw met `.venv/bin/lea report {name} --year 2025"
                    f"{' --werkversie' if edition else ''}` (in de hoofdmap van het project), bekijk de "
                    f"diff en commit het:\n{diff[:4000]}")


def test_report_is_the_same_from_another_folder_and_after_touch(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    work = tmp_path / "kopie"
    (work / "agendas").mkdir(parents=True)
    shutil.copy(ROOT / "agendas" / "hengelo.lea", work / "agendas" / "hengelo.lea")
    shutil.copytree(ROOT / "sources", work / "sources")
    shutil.copytree(ROOT / "data" / "hengelo", work / "data" / "hengelo")
    for path in (work / "data" / "hengelo").iterdir():
        path.touch()  # a fresh clone: every file has today's time
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["report", str(ROOT / "agendas" / "hengelo.lea"), "--year", "2025", "-o", str(first)]) == 0
    monkeypatch.chdir(work)
    assert main(["report", "agendas/hengelo.lea", "--year", "2025", "-o", str(second)]) == 0
    capsys.readouterr()
    assert first.read_bytes() == second.read_bytes()
    assert str(tmp_path) not in second.read_text(encoding="utf-8")


def test_report_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Set and dict order of strings changes with PYTHONHASHSEED; the report may not."""
    import os
    import subprocess
    import sys

    made = []
    for seed in ("1", "2"):
        out = tmp_path / f"hengelo-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        agenda = str(ROOT / "agendas" / "hengelo.lea")
        result = subprocess.run([sys.executable, "-m", "lea_rules", "report", agenda, "--year", "2025",
                                 "-o", str(out)], cwd=tmp_path, env=env, capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0, result.stderr[-3000:]
        made.append(out.read_bytes())
    assert made[0] == made[1]
