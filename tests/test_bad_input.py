"""Bad input of every kind gets a located, readable diagnostic: never a traceback, never a hang."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from shipped import shipped_agendas

from lea_rules.api import check_file, check_source
from lea_rules.diagnostics import Diagnostic
from lea_rules.source import SourceError, SourceFile, decode

ROOT = Path(__file__).resolve().parent.parent
HEAD = 'gemeente: "X"\ntitel: "T"\nperiode: 2024-2027\n'
IND = 'indicator a "A"\n  eenheid: aantal\n  beter: hoger\n'


def codes(text: str) -> list[str]:
    return [d.code for d in check_source(SourceFile("x.lea", text)).diagnostics]


def only(text: str, code: str) -> Diagnostic:
    found = [d for d in check_source(SourceFile("x.lea", text)).diagnostics if d.code == code]
    assert found, codes(text)
    return found[0]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert [d.code for d in check_file(tmp_path / "weg.lea").diagnostics] == ["E000"]
    assert [d.code for d in check_file(tmp_path).diagnostics] == ["E000"]


def test_ten_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "groot.lea"
    path.write_bytes(HEAD.encode() + b"# vulling\n" * 1_100_000)
    start = time.perf_counter()
    checked = check_file(path)
    assert time.perf_counter() - start < 2
    assert [d.code for d in checked.diagnostics] == ["E001"]
    assert "MB" in checked.diagnostics[0].message


def test_too_many_lines() -> None:
    with pytest.raises(SourceError) as info:
        decode(b"\n" * 60_000, "x.lea")
    assert info.value.code == "E001"


def test_non_utf8_bytes_are_located() -> None:
    with pytest.raises(SourceError) as info:
        decode(HEAD.encode() + 'thema 1 "caf\u00e9"\n'.encode("latin-1"), "x.lea")
    assert info.value.code == "E002"
    assert (info.value.span.line, info.value.span.column) == (4, 13)


def test_nul_byte() -> None:
    with pytest.raises(SourceError) as info:
        decode(HEAD.encode() + b"thema\x00", "x.lea")
    assert info.value.code == "E002" and info.value.span.line == 4


def test_bom_and_windows_line_endings_are_fine() -> None:
    text = "\ufeff" + HEAD + 'thema 1 "x"\n  resultaat "r"\n    doel: kwalitatief\n'
    for data in (text.encode(), text.replace("\n", "\r\n").encode(), text.replace("\n", "\r").encode()):
        checked = check_source(decode(data, "x.lea"))
        assert checked.ok, checked.diagnostics


def test_tabs_and_mixed_indentation_mean_nothing() -> None:
    spaces = HEAD + IND + 'thema 1 "x"\n  resultaat "r"\n    doel: a >= 5 in 2027\n'
    tabs = spaces.replace("    doel", "\t \tdoel").replace("  resultaat", "\tresultaat")
    assert codes(spaces) == codes(tabs) == []
    diag = only(tabs.replace("a >= 5", "b >= 5"), "E200")
    assert (diag.span.line, diag.span.column) == (9, 10)  # a tab counts as one column


def test_truncated_file() -> None:
    text = HEAD + IND + 'thema 1 "x"\n  resultaat "r"\n    doel: a >='
    diag = only(text, "E102")
    assert diag.span.line == 9 and diag.context == "thema 1 \u201cx\u201d"
    assert only(HEAD + 'thema 1 "Onderwijs', "E104").span.column == 9


def test_unbalanced_formula_and_structure() -> None:
    assert only(HEAD + IND + 'indicator b "B"\n  eenheid: aantal\n  formule: (a + 1\n', "E102").span.line == 9
    assert only(HEAD + IND + 'indicator b "B"\n  eenheid: aantal\n  formule: a + 1)\n', "E101").span.line == 9
    assert only(HEAD + 'ambitie 1.1 "x"\n', "E111").span.line == 4
    assert only(HEAD + 'actie "x"\n', "E112").span.line == 4
    assert only(HEAD + 'post "x": € 5\n', "E113").span.line == 4


def test_keywords_in_another_language() -> None:
    text = HEAD + 'theme 1 "x"\n  action "y"\n    owner: "z"\n  result "r"\n    target: a >= 5\n'
    diags = check_source(SourceFile("x.lea", text)).diagnostics
    assert [(d.code, d.help) for d in diags] == [
        ("E105", "schrijf 'thema'"), ("E105", "schrijf 'actie'"), ("E105", "schrijf 'eigenaar'"),
        ("E105", "schrijf 'resultaat'"), ("E105", "schrijf 'doel'")]


# As deep as fits in one line (E003 stops longer lines before they are parsed).
@pytest.mark.parametrize("formula", [
    "(" * 2400 + "a" + ")" * 2400,
    " + ".join(["a"] * 1200),
    "- " * 2400 + "a",
], ids=["haakjes", "optellingen", "minnen"])
def test_deeply_nested_formula_is_refused_not_a_recursion_error(formula: str) -> None:
    text = HEAD + IND + f'indicator b "B"\n  eenheid: aantal\n  formule: {formula}\n'
    diag = only(text, "E133")
    assert (diag.span.line, diag.span.column) == (9, 12)


def test_formula_within_the_limit_is_built() -> None:
    text = HEAD + IND + 'indicator b "B"\n  eenheid: aantal\n  formule: ' + "(" * 40 + "a" + ")" * 40 + "\n"
    assert "E133" not in codes(text)


def test_very_long_line_and_many_bad_lines_stay_fast() -> None:
    start = time.perf_counter()
    assert "E003" in codes(HEAD + "formule: " + "a + " * 200_000 + "\n")
    many = codes(HEAD + "dit is geen agenda\n" * 20_000)
    assert many[-1] == "E004" and len(many) == 501
    assert time.perf_counter() - start < 5


def _mutate(data: bytes, rng: random.Random) -> bytes:
    pieces = [b"(", b")", b'"', b":", b"-", b"%", b"\t", b"\r", b"\xff", b"\xef\xbb\xbf", b" en ", b">=",
              b"1,5", b"1.5", b"regel 9", b"\x00", b"/", b" in 2024/2026", b"per: ", b"formule: ", b"\\"]
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 8)):
        op, j = rng.randrange(6), rng.randrange(len(lines))
        if op == 0:
            del lines[j]
        elif op == 1:
            lines.insert(j, rng.choice(lines))
        elif op == 2 and lines[j]:
            k = rng.randrange(len(lines[j]))
            lines[j] = lines[j][:k] + rng.choice(pieces) + lines[j][k:]
        elif op == 3 and lines[j]:
            lines[j] = lines[j][: rng.randrange(len(lines[j]))]
        elif op == 4:
            lines[j], lines[-1] = lines[-1], lines[j]
        elif lines[j]:
            line = bytearray(lines[j])
            line[rng.randrange(len(line))] = rng.randrange(256)
            lines[j] = bytes(line)
        if not lines:
            lines = [b""]
    return b"\n".join(lines)


@pytest.mark.parametrize("seed", range(4))
def test_fuzzed_real_agendas_give_diagnostics_not_exceptions(seed: int) -> None:
    rng = random.Random(seed)
    agendas = shipped_agendas()
    for index in range(40):
        agenda = agendas[index % len(agendas)]
        data = _mutate(agenda.read_bytes(), rng)
        try:
            # The real path, so that citations are looked up in the real source documents.
            checked = check_source(decode(data, str(agenda)))
        except SourceError as exc:
            assert exc.code in {"E001", "E002"} and exc.span.line >= 1
            continue
        lines = len(checked.source.lines) if checked.source else 1
        for diag in checked.diagnostics:
            assert 1 <= diag.span.line <= lines and diag.span.column >= 1, (seed, index, diag)


def test_five_thousand_parentheses_give_a_located_error() -> None:
    formula = "(" * 5000 + "a" + ")" * 5000
    text = HEAD + IND + f'indicator b "B"\n  eenheid: aantal\n  formule: {formula}\n'
    diags = [d for d in check_source(SourceFile("x.lea", text)).diagnostics if d.is_error]
    assert [d.code for d in diags] in (["E003"], ["E133"])
    assert diags[0].span.line == 9
