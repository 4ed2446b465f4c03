"""The suite's outcome does not depend on what a user adds to agendas/ or data/.

The README tells a new user to write an own agenda in agendas/ and to run the tests; a
half-written agenda there (or its data in data/NAME/) must not make a test about the shipped
agendas fail. Tests take the shipped ones by name (tests/shipped.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import test_check_data_files as data_tests
import test_citations_strict as citation_tests
from shipped import SHIPPED_AGENDAS, shipped_agendas, shipped_progress_files

ROOT = Path(__file__).resolve().parent.parent
HALF_WRITTEN = ('gemeente: "Zuiderveen"\ntitel: "LEA Zuiderveen"\n'
                'thema 1 "Een goede start\n  ambitie 1.1 "Bereik" citaat: "zomaar"\n')
# A folder of the user's own agendas or data, read as a whole: (ROOT / "agendas").glob(...),
# .iterdir(), os.listdir(... "agendas" ...), "agendas/*.lea", and the same for data/.
WHOLE_FOLDER = re.compile(r"""["'](agendas|data)["']\)?\s*\.(r?glob|iterdir)\("""
                          r"""|listdir\([^)]*["'](agendas|data)|["'](agendas|data)/\*""")


@pytest.fixture
def user_project(tmp_path: Path) -> Path:
    """A copy of the project with a user's half-written agenda and a broken progress file added."""
    for folder in ("agendas", "data", "sources"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "agendas" / "zuiderveen.lea").write_text(HALF_WRITTEN, encoding="utf-8")
    (tmp_path / "data" / "zuiderveen").mkdir()
    (tmp_path / "data" / "zuiderveen" / "voortgang-2025.yaml").write_text("acties: [\n", encoding="utf-8")
    return tmp_path


def test_the_helpers_name_the_shipped_files_only(user_project: Path) -> None:
    assert [p.stem for p in shipped_agendas(user_project)] == list(SHIPPED_AGENDAS)
    assert all("zuiderveen" not in str(p) for p in shipped_progress_files(user_project))
    assert shipped_progress_files(user_project) and shipped_progress_files() == [
        ROOT / p.relative_to(user_project) for p in shipped_progress_files(user_project)]


def test_a_shipped_agenda_that_is_gone_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "agendas").mkdir()
    with pytest.raises(FileNotFoundError, match="hengelo"):
        shipped_agendas(tmp_path)


def test_the_quote_test_passes_with_a_half_written_agenda_beside_the_shipped(
        user_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    citation_tests.test_every_quote_in_the_shipped_agendas_follows_the_rules(user_project, capsys)


def test_the_data_test_passes_with_a_broken_progress_file_beside_the_shipped(
        user_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_tests, "ROOT", user_project)
    data_tests.test_shipped_progress_and_data_files_are_clean(capsys)


def test_no_test_reads_a_whole_user_folder() -> None:
    readers = [f"{path.name}:{number}: {line.strip()}"
               for path in sorted((ROOT / "tests").rglob("*.py")) if path.name != "test_shipped_only.py"
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if WHOLE_FOLDER.search(line)]
    assert not readers, "take the shipped agendas by name (tests/shipped.py):\n" + "\n".join(readers)
