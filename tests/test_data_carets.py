"""`lea check observaties.csv`: the carets stand under the field of the column, character by character.

A data problem names its cell by line and field number; the rendered line shows characters.
The field number must become the field's characters (quotes and the `;` delimiter followed),
in the text output and in the JSON twin.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lea_rules.cli import main
from lea_rules.data.cells import csv_field_span

HEADER = "indicator;periode;eenheid;waarde;bron;status;illustratief;reeks;toelichting\n"
MIDDLE = "vsv-percentage;2021/2022;;185;Bron A;definitief;;;\n"
QUOTED = 'vsv-percentage;2022/2023;;2,72;"Bron; met puntkomma";"defenitief";;;\n'


@pytest.fixture
def observations(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "proef"
    folder.mkdir(parents=True)
    path = folder / "observaties.csv"
    path.write_text(HEADER + MIDDLE + QUOTED, encoding="utf-8")
    return path


def caret_targets(out: str) -> dict[str, str]:
    """code -> the text of the shown source line that the carets stand under."""
    found: dict[str, str] = {}
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("fout["):
            continue
        code = line[5:9]
        source = next(row for row in lines[i + 1:] if row.split(" | ", 1)[0].strip().isdigit())
        carets = lines[lines.index(source, i) + 1]
        gutter, shown = source.split(" | ", 1)
        marks = carets[len(gutter) + 3:]
        start = len(marks) - len(marks.lstrip(" "))
        width = len(marks[start:]) - len(marks[start:].lstrip("^"))
        found[code] = shown[start:start + width]
    return found


def test_carets_underline_the_field_in_the_middle_and_the_quoted_field(
        observations: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(observations), "--agenda", "hengelo"]) == 1
    out = capsys.readouterr().out
    targets = caret_targets(out)
    assert targets == {"D224": "185", "D207": '"defenitief"'}, out
    # the place names the character column of the field, as the carets do
    assert f"--> {observations}:2:{MIDDLE.index('185') + 1}" in out
    quoted_column = QUOTED.index('"defenitief"') + 1
    assert f"--> {observations}:3:{quoted_column}" in out


def test_json_twin_has_the_same_columns(observations: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(observations), "--agenda", "hengelo"]) == 1
    by_code = {d["code"]: d for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    value = by_code["D224"]
    assert (value["line"], value["column"], value["end_column"]) == (2, 27, 30)
    assert MIDDLE[value["column"] - 1:value["end_column"] - 1] == "185"
    status = by_code["D207"]
    assert status["line"] == 3
    assert QUOTED[status["column"] - 1:status["end_column"] - 1] == '"defenitief"'


def test_long_line_keeps_the_carets_under_the_field(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data" / "proef"
    folder.mkdir(parents=True)
    long_source = "Jaarverslag " + "x" * 150
    (folder / "observaties.csv").write_text(
        HEADER + f'vsv-percentage;2021/2022;;2,5;"{long_source}";voorlaopig;;;\n', encoding="utf-8")
    assert main(["check", str(folder / "observaties.csv"), "--agenda", "hengelo"]) == 1
    out = capsys.readouterr().out
    assert caret_targets(out) == {"D207": "voorlaopig"}, out


@pytest.mark.parametrize(("text", "line", "field", "expected"), [
    ("a;bb;c\n", 1, 2, "bb"),
    ('a;"b;b";c\n', 1, 2, '"b;b"'),
    ('a;"b;b";c\n', 1, 3, "c"),
    ('a;"say ""hi""";c\n', 1, 3, "c"),
    ("h\na;;c\n", 2, 2, ";"),  # an empty field: a point where it is, at the next delimiter
    ('a;"two\nlines";c\n', 1, 3, "c"),
])
def test_field_span(text: str, line: int, field: int, expected: str) -> None:
    span = csv_field_span(text, line, field)
    assert span is not None
    shown = text.split("\n")[span.line - 1]
    assert shown[span.column - 1:span.end_column - 1] == expected


def test_field_beyond_the_record_has_no_span() -> None:
    assert csv_field_span("a;b\nc;d;e\n", 1, 3) is None


def test_a_problem_in_the_delivery_log_is_shown_in_its_own_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Checking observaties.csv reads leveringen.csv too; a problem there is underlined there."""
    root = Path(__file__).resolve().parent.parent
    observations = root / "data" / "borne-referentie" / "observaties.csv"
    assert main(["check", str(observations), "--agenda", "hengelo"]) == 1
    out = capsys.readouterr().out
    assert f"--> {observations.parent / 'leveringen.csv'}:2:12" in out
    assert caret_targets(out) == {"D511": "Borne"}, out


@pytest.mark.parametrize(("value", "code", "marked"), [
    ("1 november 2024   # na de herfstvakantie", "D611", "1 november 2024"),
    ('"1 november 2024"', "D611", '"1 november 2024"'),
    ("1 novembr 2025", "D610", "1 novembr 2025"),
])
def test_carets_underline_the_whole_date_of_a_progress_file(
        value: str, code: str, marked: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A YAML value of more words is marked whole, not its first character or word."""
    folder = tmp_path / "data" / "hengelo"
    folder.mkdir(parents=True)
    progress = folder / "voortgang-2025.yaml"
    progress.write_text(f"gemeente: Hengelo\njaar: 2025\npeildatum: {value}\n", encoding="utf-8")
    assert main(["check", str(progress), "--agenda", "hengelo"]) == 1
    out = capsys.readouterr().out
    assert caret_targets(out) == {code: marked}, out
    if code == "D610":
        assert "hulp: bedoelde je 'november'?" in out  # following it gives 1 november 2025
        progress.write_text("gemeente: Hengelo\njaar: 2025\npeildatum: 1 november 2025\n", encoding="utf-8")
        assert main(["check", str(progress), "--agenda", "hengelo"]) == 0
