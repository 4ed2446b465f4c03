"""docs/tutorial.md can never rot: its agenda is built from its own code blocks and checked.

The tutorial is read as a script. A ```lea block adds its lines to the end of the agenda
(`agendas/voorbeeldstad.lea`); before a block, an HTML comment says otherwise:

- `<!-- bestand: PAD -->`: the block is the whole file PAD (a source document, ...);
- `<!-- na: TEKST -->`: the lines go after the block of the first line that holds TEKST
  (that line and the lines indented deeper under it);
- `<!-- probeer -->` / `<!-- probeer na: TEKST -->`: the lines are there for the next check
  only (a mistake to show), then left out again;
- `<!-- geheel -->`: the block is the whole agenda as the steps above built it.

A ```text block that starts with `$ lea check agendas/voorbeeldstad.lea` holds exactly what
that command prints at that point. At the end the agenda has no error and no warning, and
`lea fmt` leaves it as it is. After a deliberate change, `LEA_BLESS=1 pytest
tests/test_tutorial.py` writes the real output into the text blocks; review the diff.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
AGENDA = "agendas/voorbeeldstad.lea"
COMMAND = f"$ lea check {AGENDA}"
BLESS = os.environ.get("LEA_BLESS") == "1"

_BLOCK = re.compile(r"(?:<!-- (?P<marker>[^>]*?) -->\n)?```(?P<lang>\w+)\n(?P<body>.*?)```\n", re.S)


@dataclass
class Block:
    marker: str
    lang: str
    body: str
    start: int  # offset of the body in the tutorial
    end: int


def blocks(text: str) -> list[Block]:
    return [Block(m.group("marker") or "", m.group("lang"), m.group("body"), m.start("body"),
                  m.end("body")) for m in _BLOCK.finditer(text)]


def insert_after(lines: list[str], anchor: str, new: list[str]) -> list[str]:
    """`new` after the block of the first line holding `anchor` (it and what is indented under it)."""
    at = next((i for i, line in enumerate(lines) if anchor in line), None)
    assert at is not None, f"de tutorial voegt iets in na '{anchor}', maar die regel is er niet"
    depth = len(lines[at]) - len(lines[at].lstrip())
    end = at + 1
    while end < len(lines) and (not lines[end].strip()
                                or len(lines[end]) - len(lines[end].lstrip()) > depth):
        end += 1
    while end > at + 1 and not lines[end - 1].strip():
        end -= 1
    return lines[:end] + new + lines[end:]


def run_check(folder: Path, files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> str:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    capsys.readouterr()
    main(["check", AGENDA])
    captured = capsys.readouterr()
    return captured.out + captured.err


def follow(tmp_path: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[tuple[Block, str, str]]]:
    """The agenda the tutorial builds, and each shown output with the real one."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    files: dict[str, str] = {}
    agenda: list[str] = []
    trial: list[str] | None = None
    shown: list[tuple[Block, str, str]] = []
    whole: list[Block] = []
    text = TUTORIAL.read_text(encoding="utf-8")
    for block in blocks(text):
        marker = block.marker
        lines = block.body.splitlines()
        if block.lang == "text" and block.body.startswith(COMMAND):
            files[AGENDA] = "".join(line + "\n" for line in (trial if trial is not None else agenda))
            expected = block.body[len(COMMAND) + 1:]
            shown.append((block, expected, run_check(tmp_path, files, capsys)))
            trial = None
        elif marker.startswith("bestand: "):
            files[marker.removeprefix("bestand: ")] = block.body
        elif block.lang != "lea":
            continue
        elif marker == "geheel":
            whole.append(block)
            assert BLESS or lines == agenda, "het blok 'geheel' is niet de agenda die de stappen bouwen"
        elif marker.startswith("probeer"):
            anchor = marker.removeprefix("probeer").removeprefix(" na: ")
            trial = insert_after(list(agenda), anchor, lines) if anchor else [*agenda, *lines]
        elif marker.startswith("na: "):
            agenda = insert_after(agenda, marker.removeprefix("na: "), lines)
        else:
            assert not marker, f"onbekende aanwijzing in de tutorial: <!-- {marker} -->"
            agenda = [*agenda, *lines]
    files[AGENDA] = "".join(line + "\n" for line in agenda)
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    for block in whole:  # the whole agenda, shown like the outputs: as it is now
        shown.append((block, block.body, files[AGENDA]))
    return files[AGENDA], shown


def test_every_output_in_the_tutorial_is_what_lea_check_prints(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _, shown = follow(tmp_path, capsys, monkeypatch)
    outputs = [block for block, _, _ in shown if block.lang == "text"]
    assert len(outputs) >= 5, "de tutorial laat te weinig uitvoer van lea check zien"
    if BLESS:
        text = TUTORIAL.read_text(encoding="utf-8")
        for block, _, actual in sorted(shown, key=lambda item: -item[0].start):
            head = f"{COMMAND}\n" if block.lang == "text" else ""
            text = text[:block.start] + head + actual + text[block.end:]
        TUTORIAL.write_text(text, encoding="utf-8")
        return
    for block, expected, actual in shown:
        line = TUTORIAL.read_text(encoding="utf-8").count("\n", 0, block.start) + 1
        assert actual == expected, f"docs/tutorial.md regel {line}: lea check geeft nu iets anders"


def test_the_tutorials_agenda_is_complete_clean_and_formatted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from lea_rules.api import check_file
    from lea_rules.formatter import format_source
    from lea_rules.source import read_source

    agenda, _ = follow(tmp_path, capsys, monkeypatch)
    checked = check_file(AGENDA)
    assert checked.ok and not checked.diagnostics, [d.message for d in checked.diagnostics]
    assert format_source(read_source(AGENDA)) == agenda, "lea fmt zou de agenda van de tutorial veranderen"
    assert checked.agenda is not None
    kinds = {type(goal).__name__ for _, result in checked.agenda.all_results() for goal in result.goals}
    every = {"CompareGoal", "DirectionGoal", "TrendGoal", "UnitsGoal", "MilestoneGoal", "QualitativeGoal"}
    assert every <= kinds, f"de tutorial toont niet elke soort doel: {sorted(every - kinds)} ontbreekt"


def test_the_tutorial_is_linked() -> None:
    for page in (ROOT / "README.md", ROOT / "docs" / "language.md"):
        assert "tutorial.md" in page.read_text(encoding="utf-8"), f"{page.name} linkt niet naar de tutorial"
