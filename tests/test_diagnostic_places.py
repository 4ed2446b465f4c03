"""One Diagnostic for agenda, progress and data files; its place says how it is shown.

The byte-exact output is pinned elsewhere (tests/check_cases, test_data_carets, test_import);
this pins the shape: one type, two kinds of place, one renderer and one JSON twin for both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_rules.data.cells import in_text
from lea_rules.data.problems import DataInvalid, data_error
from lea_rules.data.progress import read_progress
from lea_rules.diagnostics import (
    CellPlace,
    Diagnostic,
    Severity,
    TextPlace,
    error,
    render,
    render_all,
    sort_key,
    warning,
)
from lea_rules.source import SourceFile, Span

ROOT = Path(__file__).resolve().parent.parent


def test_agenda_constructors_make_a_text_place() -> None:
    diag = warning("W261", "groep niet gebruikt", "groep 'IKC' wordt nergens gebruikt", Span(4, 1, 4, 5),
                   path="a.lea", help="laat hem weg")
    assert diag.place == TextPlace("a.lea", Span(4, 1, 4, 5))
    assert (diag.path, diag.span, diag.severity, diag.is_error) == ("a.lea", Span(4, 1, 4, 5),
                                                                    Severity.WARNING, False)
    with pytest.raises(TypeError):
        _ = diag.cell


def test_a_data_problem_is_a_diagnostic_with_a_cell_place() -> None:
    place = CellPlace("cijfers.xlsx", 5, 28, "Blad1", "waarde")
    problem = data_error("D222", "'abc' is geen getal", place, "schrijf een getal")
    assert isinstance(problem, Diagnostic) and problem.is_error and problem.cell is place
    assert problem.title == "fout in het gegevensbestand"
    assert data_error("D401", "x", CellPlace("data/a/voortgang-2025.yaml", 1, 1)).title == \
        "fout in het voortgangsbestand"
    with pytest.raises(TypeError):
        _ = problem.span
    assert render(problem) == problem.render() == (
        "fout[D222]: 'abc' is geen getal\n"
        "  --> cijfers.xlsx, blad 'Blad1', rij 5, kolom AB (waarde)\n"
        "  = hulp: schrijf een getal")


def test_one_json_twin_names_the_place_as_it_is() -> None:
    text = error("E200", "onbekende indicator", "niet gedeclareerd", Span(10, 13, 10, 23), path="a.lea")
    cell = data_error("D120", "onbekende kolom", CellPlace("o.csv", 1, 3, None, "waarde"))
    assert list(text.to_json()) == ["code", "severity", "title", "message", "file", "line", "column",
                                    "end_line", "end_column", "help", "context", "notes"]
    assert cell.to_json() == {
        "code": "D120", "severity": "error", "title": "fout in het gegevensbestand",
        "message": "onbekende kolom", "file": "o.csv", "sheet": None, "row": 1, "column": 3,
        "column_name": "waarde", "help": None, "context": None, "notes": []}


def test_a_cell_found_in_its_text_is_shown_with_carets() -> None:
    text = "indicator;periode;waarde\nvve-bereik;2024;\"8;5\"\n"
    problem = data_error("D222", "'8;5' is geen getal", CellPlace("o.csv", 2, 3, None, "waarde"))
    located = in_text(problem, "data/o.csv", text)
    assert located.place == TextPlace("data/o.csv", Span(2, 17, 2, 22))
    assert (located.code, located.title, located.message) == (problem.code, problem.title, problem.message)
    assert in_text(located, "elders.csv", text) is located  # a text place stays where it is
    source = SourceFile("data/o.csv", text)
    assert render(located, source).splitlines()[-3:] == [
        "  |",
        "2 | vve-bereik;2024;\"8;5\"",
        "  |                 ^^^^^ '8;5' is geen getal",
    ]


def test_one_renderer_takes_both_places_and_cuts_the_list() -> None:
    diags = [data_error("D222", f"fout {n}", CellPlace("o.csv", n)) for n in range(1, 4)]
    diags.insert(1, error("E200", "onbekende indicator", "niet gedeclareerd", Span(1, 1, 1, 2), path="a.lea"))
    shown = render_all(diags, limit=2)
    assert shown == ("fout[D222]: fout 1\n  --> o.csv:1\n\n"
                     "fout[E200]: onbekende indicator\n  --> a.lea:1:1\n   niet gedeclareerd\n\n"
                     "... en 2 meer")
    assert [sort_key(d) for d in diags[:2]] == [(1, 0, "D222"), (1, 1, "E200")]


def test_a_progress_file_raises_diagnostics(tmp_path: Path) -> None:
    from lea_rules.api import load_agenda

    agenda = load_agenda(ROOT / "agendas" / "hengelo.lea")
    progress = tmp_path / "voortgang-2025.yaml"
    progress.write_text("acties: [\n", encoding="utf-8")
    with pytest.raises(DataInvalid) as caught:
        read_progress(progress, agenda, 2025)
    problem = caught.value.problems[0]
    assert isinstance(problem, Diagnostic) and isinstance(problem.place, CellPlace)
    assert problem.title == "fout in het voortgangsbestand"
