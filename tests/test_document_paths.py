"""A `document` is read only inside the project folder: no other file is read, cached or shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_rules.cli import main

AGENDA = """gemeente: "X"
titel: "LEA X"
periode: 2024-2027
document d: "{path}" "bron"
thema 1 "T"
  citaat: d regel 1 "woorden die er niet staan"
"""


def check(project: Path, document_path: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    agenda = project / "agendas" / "x.lea"
    agenda.write_text(AGENDA.format(path=document_path), encoding="utf-8")
    code = main(["check", str(agenda)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "proj" / "agendas").mkdir(parents=True)
    (tmp_path / "proj" / "sources").mkdir()
    (tmp_path / "proj" / "sources" / "bron.txt").write_text("Eerste regel van de bron\n", encoding="utf-8")
    (tmp_path / "geheim.txt").write_text("root:x:0:0:GEHEIM\n", encoding="utf-8")
    return tmp_path / "proj"


def test_outside_file_is_refused_without_showing_it(project: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(project, "../../geheim.txt", capsys)
    assert code == 1 and "fout[E254]" in out
    assert "GEHEIM" not in out and "root:x" not in out


def test_existing_and_missing_outside_files_get_the_same_answer(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, existing = check(project, "../../geheim.txt", capsys)
    _, missing = check(project, "../../geheix.txt", capsys)  # same length, does not exist
    assert existing.replace("geheim", "X") == missing.replace("geheix", "X")


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ"])
def test_absolute_paths_outside_are_refused(project: Path, target: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(project, target, capsys)
    assert code == 1 and "fout[E254]" in out and "op regel 1 staat" not in out


def test_a_symlink_out_of_the_project_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "sources" / "link.txt").symlink_to(project.parent / "geheim.txt")
    code, out = check(project, "../sources/link.txt", capsys)
    assert code == 1 and "fout[E254]" in out and "GEHEIM" not in out
    assert "via een snelkoppeling" in out and "een kopie van het bestand zelf" in out


def test_a_document_inside_still_shows_the_cited_line(project: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(project, "../sources/bron.txt", capsys)
    assert code == 1 and "fout[E252]" in out
    assert "op regel 1 staat: \u201cEerste regel van de bron\u201d" in out
