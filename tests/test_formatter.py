"""lea fmt: Black-style golden cases, the safe mode and the command line.

A case in tests/fmt_cases/NAME.lea is the input, a line `# output`, and the expected
output. A first line `# fixture: crlf bom` is not part of the input; it asks the reader to
give the input Windows line endings and a BOM. Each case is checked three ways: the
expected text, unchanged meaning (ASTs without spans equal) and stability (formatting the
output again changes nothing).

Regenerate the expected outputs deliberately with `LEA_BLESS=1 pytest tests/test_formatter.py`
and review the result with `git diff tests/fmt_cases`.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Lark, Token
from shipped import shipped_agendas

from lea_rules import formatter, formatter_safety
from lea_rules.builder import build, strip_spans
from lea_rules.cli import main
from lea_rules.diagnostics import Diagnostic
from lea_rules.formatter import AgendaSyntaxError, format_source, format_text
from lea_rules.formatter_safety import UnsafeFormatting, format_safely, verify
from lea_rules.source import SourceError, SourceFile, decode, read_source

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "fmt_cases"
MARKER = "# output"
DIRECTIVE = "# fixture:"
BLESS = os.environ.get("LEA_BLESS") == "1"


@dataclass(frozen=True)
class Case:
    path: Path
    input: bytes  # as the formatter would read it from disk
    expected: str
    input_line: int  # line in the case file where the input starts
    output_line: int  # line in the case file where the expected output starts
    head: str  # the case file up to and including the marker, kept when blessing

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.input_line}"


def read_case(path: Path) -> Case:
    lines = path.read_text(encoding="utf-8").split("\n")
    if MARKER not in lines:
        raise ValueError(f"{path}: line '{MARKER}' missing")
    marker = lines.index(MARKER)
    start = 0
    options: set[str] = set()
    if lines and lines[0].startswith(DIRECTIVE):
        options = set(lines[0][len(DIRECTIVE):].split())
        start = 1
    text = "\n".join(lines[start:marker]) + "\n"
    unknown = options - {"crlf", "bom"}
    if unknown:
        raise ValueError(f"{path}:1: unknown fixture option(s) {sorted(unknown)}")
    if "crlf" in options:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if "bom" in options:
        data = b"\xef\xbb\xbf" + data
    return Case(path, data, "\n".join(lines[marker + 1:]), start + 1, marker + 2,
                "\n".join(lines[: marker + 1]) + "\n")


def all_cases() -> list[Case]:
    return [read_case(p) for p in sorted(CASES.glob("*.lea"))]


def first_difference(case: Case, got: str) -> str:
    want_lines, got_lines = case.expected.split("\n"), got.split("\n")
    for i in range(max(len(want_lines), len(got_lines))):
        want = want_lines[i] if i < len(want_lines) else "<einde>"
        have = got_lines[i] if i < len(got_lines) else "<einde>"
        if want != have:
            diff = "".join(difflib.unified_diff(case.expected.splitlines(True), got.splitlines(True),
                                                "verwacht", "gekregen"))
            return (f"{case.path.relative_to(ROOT)}:{case.output_line + i}: verwacht {want!r}, "
                    f"gekregen {have!r}\n{diff}")
    return ""


def source_of(case: Case) -> SourceFile:
    return decode(case.input, str(case.path))


@pytest.fixture(params=sorted(CASES.glob("*.lea")), ids=lambda p: p.stem)
def case(request: pytest.FixtureRequest) -> Case:
    # Read when the test runs, not when it is collected, so that the checks after a bless
    # see the new expected output.
    return read_case(request.param)


# --- golden cases ------------------------------------------------------------------------------

def test_there_are_enough_cases() -> None:
    assert len(all_cases()) >= 10


def test_case_gives_expected_text(case: Case) -> None:
    got = format_source(source_of(case))
    if BLESS and got != case.expected:
        case.path.write_text(case.head + got, encoding="utf-8")
        return
    assert got == case.expected, first_difference(case, got)


def test_case_keeps_meaning(case: Case) -> None:
    before = build(source_of(case))
    after = build(SourceFile(str(case.path), case.expected))
    assert before.agenda is not None, f"{case.where}: de invoer is geen volledige agenda"
    assert strip_spans(after.agenda) == strip_spans(before.agenda), case.where
    verify(source_of(case), case.expected)


def test_case_is_stable(case: Case) -> None:
    again = format_text(case.expected, str(case.path))
    assert again == case.expected, first_difference(case, again)


def test_reader_points_at_fixture_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.lea"
    path.write_text('# fixture: crlf bom\ngemeente: "A"\n# output\ngemeente: "A"\n', encoding="utf-8")
    c = read_case(path)
    assert (c.input_line, c.output_line) == (2, 4)
    assert c.input == b'\xef\xbb\xbfgemeente: "A"\r\n'
    assert c.expected == 'gemeente: "A"\n'


# --- properties the cases rely on --------------------------------------------------------------

def test_no_trailing_whitespace_and_one_final_newline() -> None:
    out = format_text('gemeente: "A"   \n\n\ntitel: "B"\t\n\n\n')
    assert out == 'gemeente: "A"\n\ntitel: "B"\n'


def test_empty_file_stays_empty() -> None:
    assert format_text("") == ""
    assert format_text("\n\n  \n") == ""


def test_number_text_is_never_rewritten() -> None:
    out = format_text("doel: x >= 1.250 en >= 1,90 en >= 007 in 2027\n")
    assert "1.250" in out and "1,90" in out and "007" in out


def test_strings_are_kept_as_written() -> None:
    line = 'tekst: "  twee  spaties,\\"aanhalingstekens\\" en \ttab  "\n'
    assert format_text(line) == line


def test_parse_error_is_not_formatted() -> None:
    with pytest.raises(AgendaSyntaxError) as info:
        format_text('gemeente: "A"\nthema 1\ntheme 2 "x"\n', "a.lea")
    assert [d.code for d in info.value.diagnostics] == ["E102", "E105"]
    assert [d.span.line for d in info.value.diagnostics] == [2, 3]


# --- safe mode -----------------------------------------------------------------------------------

AGENDA = ('gemeente: "A"\ntitel: "T"\nperiode: 2024-2027\nindicator x "X"\n  eenheid: aantal\n'
          'thema 1 "T"\n  resultaat "R"\n    doel: x >= 1.250 in 2027\n')


def test_safe_mode_catches_a_rewritten_number(monkeypatch: pytest.MonkeyPatch) -> None:
    real = formatter.token_text
    monkeypatch.setattr(formatter, "token_text", lambda t: real(t).replace("1.250", "1250"))
    with pytest.raises(UnsafeFormatting, match="andere woorden, getallen"):
        format_safely(SourceFile("a.lea", AGENDA))


def test_safe_mode_catches_glued_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formatter, "_spaced", lambda left, right: False)
    with pytest.raises(UnsafeFormatting, match="niet meer te lezen"):
        format_safely(SourceFile("a.lea", AGENDA))


def test_safe_mode_catches_instability(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formatter_safety, "format_source", lambda source: source.text + "\n")
    with pytest.raises(UnsafeFormatting, match="tweede keer"):
        format_safely(SourceFile("a.lea", AGENDA))


def test_safe_mode_catches_a_changed_meaning() -> None:
    moved = AGENDA.replace('thema 1 "T"\n', "") + 'thema 1 "T"\n'
    with pytest.raises(UnsafeFormatting):
        verify(SourceFile("a.lea", AGENDA), moved)


def real_agendas() -> list[Path]:
    return shipped_agendas()


@pytest.mark.parametrize("path", real_agendas(), ids=lambda p: p.name)
def test_real_agendas_format_safely(path: Path) -> None:
    source = read_source(path)
    try:
        out = format_safely(source)
    except AgendaSyntaxError as exc:  # a colleague may be halfway through an edit
        pytest.skip(f"{path.name} heeft nu leesfouten (regel {exc.diagnostics[0].span.line})")
    assert format_text(out) == out


# --- command line ---------------------------------------------------------------------------------

MESSY = AGENDA.replace("  eenheid", "eenheid").replace("    doel", "doel")


def write(tmp_path: Path, text: str | bytes, name: str = "a.lea") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_cli_formats_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, MESSY)
    assert main(["fmt", str(path)]) == 0
    assert f"opgemaakt: {path}" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == format_text(MESSY)
    assert main(["fmt", str(path)]) == 0
    assert f"ongewijzigd: {path}" in capsys.readouterr().err


def test_cli_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = write(tmp_path, MESSY)
    clean = write(tmp_path, format_text(MESSY), "b.lea")
    assert main(["fmt", "--check", str(clean)]) == 0
    assert main(["fmt", "--check", str(clean), str(messy)]) == 1
    err = capsys.readouterr().err
    assert f"zou opnieuw opgemaakt worden: {messy}" in err
    assert str(clean) not in err.replace(str(clean.parent), "")
    assert messy.read_text(encoding="utf-8") == MESSY


def test_cli_check_counts_line_endings_and_bom(tmp_path: Path) -> None:
    clean = format_text(MESSY)
    path = write(tmp_path, b"\xef\xbb\xbf" + clean.replace("\n", "\r\n").encode("utf-8"))
    assert main(["fmt", "--check", str(path)]) == 1
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == clean.encode("utf-8")


def test_cli_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, MESSY)
    assert main(["fmt", "--diff", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"--- {path} (origineel)" in out and f"+++ {path} (opgemaakt)" in out
    assert "-eenheid: aantal\n" in out and "+  eenheid: aantal\n" in out
    assert path.read_text(encoding="utf-8") == MESSY
    assert main(["fmt", "--diff", "--check", str(path)]) == 1


def test_cli_refuses_a_file_with_parse_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = b'gemeente: "A"\r\n  thema 1 "T"\r\n    resultaat\r\n'
    path = write(tmp_path, original)
    assert main(["fmt", str(path)]) == 1
    err = capsys.readouterr().err
    assert "fout[E102]: regel is niet af" in err and f"{path}:3:" in err
    assert f"niet opgemaakt: {path}" in err
    assert path.read_bytes() == original


def test_cli_refuses_unsafe_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(formatter, "_spaced", lambda left, right: False)
    path = write(tmp_path, MESSY)
    assert main(["fmt", str(path)]) == 1
    err = capsys.readouterr().err
    assert "interne fout van lea fmt" in err and "meld het" in err
    assert path.read_text(encoding="utf-8") == MESSY


def test_cli_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, MESSY)
    path.chmod(0o640)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    assert main(["fmt", str(path)]) == 1
    assert "kan" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == MESSY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.lea"]  # no temp file left behind
    monkeypatch.undo()
    assert main(["fmt", str(path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.lea"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_cli_does_not_overwrite_a_concurrent_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from lea_rules.commands import fmt

    path = write(tmp_path, MESSY)

    def format_while_someone_edits(source: SourceFile) -> str:
        path.write_text(MESSY + "# collega\n", encoding="utf-8")
        return format_safely(source)

    monkeypatch.setattr(fmt, "format_safely", format_while_someone_edits)
    assert main(["fmt", str(path)]) == 1
    assert "gewijzigd terwijl lea fmt bezig was" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == MESSY + "# collega\n"


def test_cli_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, MESSY)
    assert main(["fmt", str(tmp_path / "nee.lea"), str(path)]) == 2
    assert "bestand niet gevonden" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == format_text(MESSY)  # the other file is still done


def test_cli_folder_means_its_lea_files(tmp_path: Path) -> None:
    a = write(tmp_path, MESSY)
    (tmp_path / "sub").mkdir()
    b = write(tmp_path / "sub", MESSY, "b.lea")
    write(tmp_path, "geen agenda", "notities.txt")
    assert main(["fmt", "--check", str(tmp_path)]) == 1
    assert main(["fmt", str(tmp_path)]) == 0
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8") == format_text(MESSY)
    assert (tmp_path / "notities.txt").read_text(encoding="utf-8") == "geen agenda"


def test_cli_invalid_utf8_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, b'gemeente: "\xff"\n')
    assert main(["fmt", str(path)]) == 1
    assert "E002" in capsys.readouterr().err
    assert path.read_bytes() == b'gemeente: "\xff"\n'


# --- any indentation and spacing gives the same canonical text ------------------------------------

def canonical_texts() -> list[str]:
    texts = [read_case(p).expected for p in sorted(CASES.glob("*.lea"))]
    texts.append(format_source(read_source(ROOT / "tests" / "fixtures" / "voorbeeld.lea")))
    return texts


def scramble(text: str, draw_space: Callable[[], str], unit: str) -> str:
    """Re-space every line of a canonical text without changing what it says.

    Whitespace is added between any two tokens (the grammar ignores it) and the indentation
    unit is swapped for another one; depths keep their order, so a note that was deeper than
    the next line stays deeper.
    """
    from lea_rules.parser import parse_line

    out = []
    for number, line in enumerate(text.split("\n"), 1):
        body = line.lstrip(" ")
        depth = (len(line) - len(body)) // 2
        if not body or body.startswith("#"):
            out.append(unit * depth + body + draw_space())
            continue
        tree = parse_line(body, number, "x")
        assert not isinstance(tree, Diagnostic)
        tokens = sorted((t for t in tree.scan_values(lambda v: isinstance(v, Token))),
                        key=lambda t: t.start_pos or 0)
        pieces, position = [], 0
        for token in tokens:
            assert token.start_pos is not None and token.end_pos is not None
            # not before the first token: that would change the indentation's order
            pieces.append(body[position:token.start_pos] + (draw_space() if position else ""))
            pieces.append(body[token.start_pos:token.end_pos])
            position = token.end_pos
        out.append(unit * depth + "".join(pieces) + body[position:] + draw_space())
    return "\n".join(out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_spacing_formats_to_the_canonical_text(data: st.DataObject) -> None:
    texts = canonical_texts()
    text = texts[data.draw(st.integers(0, len(texts) - 1), label="case")]
    unit = data.draw(st.sampled_from(["\t", " ", "   ", "    ", "\u00a0\u00a0"]), label="indent")
    spaces = st.sampled_from(["", "", " ", "  ", "\t", " \t "])
    scrambled = scramble(text, lambda: data.draw(spaces), unit)
    assert format_text(scrambled) == text


@lru_cache(maxsize=1)
def _file_grammar() -> Lark:
    from lea_rules.parser import grammar_path

    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", start="file")


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_generated_agendas_format_safely(data: st.DataObject) -> None:
    """Whatever the grammar can produce either is refused as unreadable or formats safely."""
    from hypothesis.extra.lark import from_lark

    text = data.draw(from_lark(_file_grammar(), start="file"))
    try:
        # read as a file is read: a generated `\r` is a line break there too
        out = format_safely(decode(text.encode("utf-8"), "gegenereerd.lea"))
    except (AgendaSyntaxError, SourceError):  # glued tokens (hypothesis #1804), NUL: refused
        return
    assert format_text(out) == out
