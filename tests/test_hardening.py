"""Issue 9 reproductions on the agenda and progress side: each used to end in a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_rules.cli import main

HEADER = ('gemeente: "X"\ntitel: "LEA X"\nperiode: 2024-2027\n'
          'indicator a "A"\n  eenheid: %\n  meting: peildatum\n')


@pytest.mark.parametrize("moment", ["op 9999999999999999999-01-2025", "op 1-99999999999999999999-2025",
                                    "op 99999999999999999999 januari 2025"])
def test_a_date_with_a_huge_day_or_month_is_one_located_error(
        moment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agenda = tmp_path / "x.lea"
    body = f'thema 1 "T"\n  ambitie 1.1 "B"\n    resultaat "R"\n      doel: a >= 85% {moment}\n'
    agenda.write_text(HEADER + body, encoding="utf-8")
    assert main(["check", str(agenda)]) == 1
    out = capsys.readouterr().out
    assert out.count("fout[") == 1 and "fout[E141]" in out and "x.lea:10:" in out


ESCAPES = ('gemeente: "X\x1b]8;;http://evil\x1b\\\\klik\x1b]8;;\x1b\\\\"\ntitel: "LEA \x1b[31mrood"\n'
           'periode: 2024-2027\nthema 1 "T\u202everkeerd"\n  ambitie 1.1 "B"\n    actie "A"\n'
           '      soort: wat\x1b[2J\n')


def test_control_characters_never_reach_the_terminal(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    agenda = tmp_path / "x.lea"
    agenda.write_text(ESCAPES, encoding="utf-8")
    assert main(["check", str(agenda)]) == 1
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "\x1b" not in text and "\u202e" not in text
    assert "soort: wat\u241b[2J" in text  # shown, as one visible character: the carets stay aligned
    lines = text.splitlines()
    source = next(line for line in lines if "soort: wat" in line)
    caret = lines[lines.index(source) + 1]
    assert caret.index("^") == source.index("\u241b")


def test_an_agenda_with_invisible_characters_is_refused_once_per_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agenda = tmp_path / "x.lea"
    agenda.write_text(ESCAPES, encoding="utf-8")
    assert main(["check", str(agenda)]) == 1
    out = capsys.readouterr().out
    assert out.count("fout[") == out.count("fout[E005]") == 4  # lines 1, 2, 4 and 7, nothing else


def test_json_keeps_the_text_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json
    import shutil

    root = Path(__file__).resolve().parent.parent
    data = tmp_path / "hengelo"
    shutil.copytree(root / "data" / "hengelo", data)
    progress = data / "voortgang-2025.yaml"
    progress.write_text(progress.read_text(encoding="utf-8").replace("  1.1-a1:", "  1.1-a\u202e1:", 1),
                        encoding="utf-8")
    assert main(["check", "--format", "json", "--agenda", str(root / "agendas" / "hengelo.lea"),
                 str(progress)]) == 1
    out = capsys.readouterr().out
    assert "\u202e" not in out  # not raw on the terminal...
    messages = [d["message"] for d in json.loads(out)["diagnostics"]]
    assert any("1.1-a\u202e1" in m for m in messages)  # ...but exactly the text for a program


def test_fmt_through_a_symlink_formats_its_target(tmp_path: Path) -> None:
    real = tmp_path / "echt.lea"
    real.write_text('gemeente: "X"\ntitel: "LEA X"\nperiode: 2024-2027\nthema 1 "T"\nambitie 1.1 "B"\n',
                    encoding="utf-8")
    link = tmp_path / "link.lea"
    link.symlink_to(real)
    assert main(["fmt", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == real
    assert '\n  ambitie 1.1 "B"\n' in real.read_text(encoding="utf-8")


def test_fmt_never_pushes_a_valid_line_over_the_limit(tmp_path: Path) -> None:
    from lea_rules.parser import MAX_LINE_CHARS

    agenda = tmp_path / "x.lea"
    text = 'gemeente: "X"\ntitel: "LEA X"\nperiode: 2024-2027\nthema 1 "T"\nambitie 1.1 "B"\nactie "A"\n'
    line = 'tekst: "' + "x" * (MAX_LINE_CHARS - 9) + '"'
    assert len(line) == MAX_LINE_CHARS
    agenda.write_text(text + line + "\n", encoding="utf-8")
    assert main(["check", str(agenda)]) == 0
    assert main(["fmt", str(agenda)]) == 0  # indented by four spaces, still valid
    assert main(["check", str(agenda)]) == 0


def test_fmt_says_which_line_its_spacing_would_make_too_long(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agenda = tmp_path / "x.lea"
    goal = "doel: a>=1% in 2025"
    while len(goal) < 4985:
        goal += " en>=1% in 2025"
    text = ('gemeente: "X"\ntitel: "LEA X"\nperiode: 2024-2027\nindicator a "A"\n  eenheid: %\n'
            'thema 1 "T"\nambitie 1.1 "B"\nresultaat "R"\n' + goal + "\n")
    agenda.write_text(text, encoding="utf-8")
    assert main(["check", str(agenda)]) == 0
    assert main(["fmt", str(agenda)]) == 1
    err = capsys.readouterr().err
    assert "regel 9 " in err and "interne fout" not in err
    assert agenda.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("raw", [1e28, float("9" * 60), float("inf"), float("nan"), "1" + "0" * 400,
                                 "99999999999999999999999999999999"])
def test_an_absurd_or_endless_number_is_refused_not_a_traceback(raw: object) -> None:
    from lea_rules.api import load_agenda
    from lea_rules.data.problems import ValueProblem
    from lea_rules.data.values import read_value

    agenda = load_agenda(Path(__file__).resolve().parent.parent / "agendas" / "hengelo.lea")
    indicator = agenda.indicator("thuiszitters")
    assert indicator is not None
    with pytest.raises(ValueProblem) as info:
        read_value(raw, indicator)
    assert info.value.code == "D228"


def test_plausible_figures_still_import() -> None:
    from decimal import Decimal

    from lea_rules.api import load_agenda
    from lea_rules.data.values import read_value

    agenda = load_agenda(Path(__file__).resolve().parent.parent / "agendas" / "hengelo.lea")
    indicator = agenda.indicator("leerplichtigen")
    assert indicator is not None
    assert read_value("10.884", indicator).number == Decimal(10884)
    assert read_value(9_999_999, indicator).number == Decimal(9_999_999)


def _import(tmp_path: Path, name: str, content: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    import shutil

    root = Path(__file__).resolve().parent.parent
    data = tmp_path / "data"
    shutil.copytree(root / "data" / "hengelo", data)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    file = tmp_path / name
    file.write_bytes(content)
    code = main(["import", str(file), "--agenda", str(root / "agendas" / "hengelo.lea"), "--data", str(data)])
    captured = capsys.readouterr()
    if code != 0:
        assert {p.name: p.read_bytes() for p in data.iterdir()} == before  # nothing changed on disk
    return code, captured.out + captured.err


HEAD = b"indicator;periode;waarde;bron\n"


@pytest.mark.parametrize(("row", "column", "words"), [
    (b'thuiszitters;2026/2027;12;"registratie\nthuiszitters;2025/2026;14;x\n', "4 (kolom 'bron')",
     "niet gesloten"),
    (b'thuiszitters;2026/2027;12;registratie "DUO"\n', "4 (kolom 'bron')", "los aanhalingsteken"),
    (b'thuiszitters;2026/2027;"12" x;DUO\n', "3 (kolom 'waarde')", "na het sluitende aanhalingsteken"),
])
def test_a_badly_quoted_field_is_refused_with_its_place(
        row: bytes, column: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _import(tmp_path, "q.csv", HEAD + row, capsys)
    assert code == 1
    assert out.count("fout[") == 1 and "fout[D109]" in out and words in out
    assert f"q.csv:2:{column}" in out


def test_a_quote_written_twice_inside_a_quoted_field_is_fine(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    row = b'thuiszitters;2026/2027;12;"registratie ""DUO"""\n'
    code, out = _import(tmp_path, "q.csv", HEAD + row, capsys)
    assert code == 0, out


def test_excels_sep_line_is_read_as_the_delimiter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _import(tmp_path, "q.csv", b"sep=;\n" + HEAD + b"thuiszitters;2026/2027;12;DUO\n", capsys)
    assert code == 0, out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_gets_the_save_as_utf8_hint(encoding: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    text = (HEAD + b"thuiszitters;2026/2027;12;DUO\n").decode()
    code, out = _import(tmp_path, "q.csv", text.encode(encoding), capsys)
    assert code == 1 and "fout[D105]" in out and "UTF-16" in out and "CSV UTF-8" in out


def test_a_huge_sheet_is_refused_before_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    from lea_rules.data import readers

    monkeypatch.setattr(readers, "MAX_SHEET_ROWS", 50)
    workbook = Workbook(write_only=True)  # writes no dimension: the rows are counted
    sheet = workbook.create_sheet("Uitvraag")
    sheet.append(["indicator", "periode", "waarde", "bron"])
    for i in range(60):
        sheet.append(["thuiszitters", "2026/2027", i, "x"])
    path = tmp_path / "groot.xlsx"
    workbook.save(path)
    code, out = _import(tmp_path, "groot2.xlsx", path.read_bytes(), capsys)
    assert code == 1 and "fout[D113]" in out and "blad 'Uitvraag', rij 51" in out


def test_a_rating_that_itself_has_quotes_can_be_delivered() -> None:
    from lea_rules.data.values import _read_rating
    from lea_rules.nodes import Indicator
    from lea_rules.source import Span

    indicator = Indicator("oordeel", "Oordeel", Span.point(1, 1), ratings=('"matig"', "goed"))
    assert _read_rating('"matig"', indicator) == '"matig"'
    assert _read_rating('"goed"', indicator) == "goed"
    assert _read_rating("goed", indicator) == "goed"


def test_bidi_controls_never_reach_the_report(tmp_path: Path) -> None:
    import shutil

    root = Path(__file__).resolve().parent
    work = tmp_path / "k"
    shutil.copytree(root / "fixtures" / "report_small", work)
    agenda = work / "kleinstad.lea"
    progress = work / "data" / "kleinstad" / "voortgang-2025.yaml"
    text = progress.read_text(encoding="utf-8")
    assert "toelichting: \"" in text
    progress.write_text(text.replace('toelichting: "', 'toelichting: "\u202eOmgekeerd ', 1), encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(agenda), "--year", "2025", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "\u202e" not in html and "\ufffdOmgekeerd " in html


def test_checking_the_cited_window_first_gives_the_same_answer() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from lea_rules.checks.citations import LINE_SLACK, IndexedText

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(["ab", "b a", "", "abab", "c", "a-", "ba", "a 8,5%", "85 b", "o a"]),
                    min_size=1, max_size=30),
           st.sampled_from(["a", "ab", "ba", "b a b", "abab", "c", "8,5%", "85", "5 b", "a 85"]),
           st.integers(-2, 35))
    def same(lines: list[str], quote: str, line: int) -> None:
        indexed = IndexedText("\n".join(lines))
        slow = any(abs(found - line) <= LINE_SLACK for found in indexed.find_lines(quote))
        assert indexed.found_near(quote, line, LINE_SLACK) == slow

    same()


FORMULAS = ['=HYPERLINK("http://evil","klik")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def test_the_request_file_never_holds_a_live_formula(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import shutil

    from openpyxl import load_workbook

    root = Path(__file__).resolve().parent.parent
    for folder in ("agendas", "sources"):
        shutil.copytree(root / folder, tmp_path / folder)
    agenda = tmp_path / "agendas" / "hengelo.lea"
    text = agenda.read_text(encoding="utf-8")
    evil = FORMULAS[0].replace('"', '\\"')
    agenda.write_text(text.replace('  bron: "VVE-monitor"', f'  bron: "{evil}"', 1), encoding="utf-8")
    xlsx, plain = tmp_path / "u.xlsx", tmp_path / "u.csv"
    for out in (xlsx, plain):
        assert main(["template", str(agenda), "--year", "2026", "-o", str(out)]) == 0, capsys.readouterr()
    workbook = load_workbook(xlsx)
    cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row if c.value]
    assert all(c.data_type != "f" for c in cells)
    texts = [str(c.value) for c in cells]
    assert "'" + FORMULAS[0] in texts
    assert not any(t.startswith(TRIGGERS) for t in texts)
    rows = list(csv.reader(plain.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert any("'" + FORMULAS[0] in row for row in rows)
    assert not any(field.startswith(TRIGGERS) for row in rows for field in row)


@pytest.mark.parametrize("formula", FORMULAS)
def test_imported_free_text_is_stored_inert(formula: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    field = '"' + formula.replace('"', '""') + '"'
    head = b"indicator;periode;waarde;bron;status;illustratief;reeks;toelichting\n"
    content = head + f"thuiszitters;2026/2027;12;{field};;;{field};{field}\n".encode()
    code, out = _import(tmp_path, "f.csv", content, capsys)
    assert code == 0, out
    data = tmp_path / "data"
    lines = (data / "observaties.csv").read_text(encoding="utf-8").splitlines()
    stored = list(csv.reader(lines, delimiter=";"))
    row = next(r for r in stored if r[:2] == ["thuiszitters", "2026/2027"])
    assert row[4] == row[7] == row[8] == "'" + formula  # bron, reeks, toelichting
    agenda = Path(__file__).resolve().parent.parent / "agendas" / "hengelo.lea"
    again = main(["import", str(tmp_path / "f.csv"), "--agenda", str(agenda), "--data", str(data)])
    assert again == 0 and "niets veranderd" in capsys.readouterr().out  # stable on a second import


@pytest.mark.parametrize("spelling", ["IKC  2 (voorbeeld)", "ikc  2 (VOORBEELD)", " IKC 2 (voorbeeld) "])
def test_a_unit_spelled_otherwise_is_the_same_unit_never_a_second_row(
        spelling: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = b"indicator;periode;eenheid;waarde;bron\n"
    row = f"brugfunctionaris-ikc;2024/2025;{spelling};nee;x\n".encode()
    code, out = _import(tmp_path, "u.csv", head + row, capsys)
    assert code == 1 and "fout[D301]" in out and "ja \u2192 nee" in out, out  # a conflict, never a new row
    rows = (tmp_path / "data" / "observaties.csv").read_text(encoding="utf-8").splitlines()
    assert sum(r.startswith("brugfunctionaris-ikc;2024/2025;") and "IKC 2 " in r for r in rows) == 1


def test_a_unit_spelled_otherwise_is_stored_as_declared(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    head = b"indicator;periode;eenheid;waarde;bron\n"
    code, out = _import(tmp_path, "u.csv", head + b"bieb-op-school;2030;ikc  3 (VOORBEELD);ja;x\n", capsys)
    assert code == 0, out
    stored = (tmp_path / "data" / "observaties.csv").read_text(encoding="utf-8")
    assert "bieb-op-school;2030;IKC 3 (voorbeeld);ja;x;" in stored


def test_another_groups_unit_suggests_only_a_kindred_indicator(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    head = b"indicator;periode;eenheid;waarde;bron\n"
    row = b"bieb-op-school;2030;VO-school 1 (voorbeeld);ja;x\n"
    code, out = _import(tmp_path, "u.csv", head + row, capsys)
    assert code == 1 and "fout[D243]" in out and "brugfunctionaris-vo" not in out, out
    code, out = _import(tmp_path / "b", "u.csv",
                        head + b"brugfunctionaris-ikc;2024/2025;VO-school 1 (voorbeeld);ja;x\n", capsys)
    assert code == 1 and "bedoelde je de indicator 'brugfunctionaris-vo'?" in out, out


def test_a_huge_percentage_is_told_to_be_a_percentage() -> None:
    from lea_rules.api import load_agenda
    from lea_rules.data.problems import ValueProblem
    from lea_rules.data.values import read_value

    agenda = load_agenda(Path(__file__).resolve().parent.parent / "agendas" / "hengelo.lea")
    indicator = agenda.indicator("vsv-percentage")
    assert indicator is not None
    with pytest.raises(ValueProblem) as info:
        read_value(1e28, indicator)
    assert info.value.code == "D224" and "tussen 0 en 100" in info.value.message
