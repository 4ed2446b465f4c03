"""Property: whatever the grammar can produce, `check_source` answers with diagnostics, never a crash.

Programs come from the grammar itself (hypothesis' `from_lark`, as vyper does). The grammar
ignores whitespace, so a generator left alone would glue `thema` and a name into `themax`
(hypothesis issue #1804): every word-like terminal gets an explicit strategy with spaces
around it. Names, numbers and texts are drawn from realistic alphabets.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

from lea_rules.api import check_source
from lea_rules.diagnostics import Diagnostic
from lea_rules.parser import grammar_path
from lea_rules.source import SourceFile

WORDS = {
    "SECWORD": ["thema", "paragraaf", "hoofdstuk", "doelstelling", "ambitie", "belofte", "speerpunt",
                "opgave", "onderdeel", "doel"],
    "UNIT": ["%", "aantal", "uur per week", "uur", "euro", "score", "ja/nee", "oordeel", "procent"],
    "BETTER": ["hoger", "lager", "niveau"],
    "MEASURE": ["kalenderjaar", "schooljaar", "peildatum"],
    "CHANGE": ["gestegen", "gedaald"],
    "TREND": ["vergroten", "verminderen"],
    "ALL": ["alle", "elke", "elk"],
    "ATLEAST": ["tenminste", "ten minste", "minimaal", "minstens"],
    "CMPWORD": ["maximaal", "hoogstens", "ten hoogste", "hooguit", "meer dan", "minder dan", "gelijk aan",
                "precies"],
    "THROUGH": ["t/m", "tot en met"],
    "TOV": ["t.o.v.", "ten opzichte van"],
    "YESNO": ["ja", "nee"],
    "MONTH": ["januari", "februari", "maart", "juni", "december"],
    "CMP": [">=", "<=", ">", "<", "=", "≥", "≤"],
    "PLUSMINUS": ["±", "+/-"],
}
NAMES = ["vve-bereik", "thuiszitters", "IKC", "VO-school", "lea", "a", "b", "ob-3", "IKC's",
         "Ëlk", "vsv_percentage"]


def pad(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return strategy.map(lambda text: f" {text} ")


def explicit(grammar: Lark) -> dict[str, st.SearchStrategy[str]]:
    out: dict[str, st.SearchStrategy[str]] = {
        "NAME": pad(st.one_of(st.sampled_from(NAMES),
                              st.from_regex(r"[a-zA-Z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?", fullmatch=True))),
        "NUMBER": pad(st.one_of(
            st.sampled_from(["2024", "2027", "85", "1,9", "1.250", "83,7", "10.884", "0", "1.25", "12345"]),
            st.from_regex(r"[0-9]{1,5}([.,][0-9]{1,3})?", fullmatch=True))),
        "STRING": pad(st.one_of(
            st.text(st.characters(blacklist_characters='"\\\n\r', blacklist_categories=["Cs"]),
                    max_size=20).map(lambda s: f'"{s}"'),
            st.text(st.characters(blacklist_characters='"\\\n\r“”„', blacklist_categories=["Cs"]),
                    max_size=20).map(lambda s: f"“{s}”"))),
        "COMMENT": st.text(st.characters(blacklist_characters="\n\r", blacklist_categories=["Cs"]),
                           max_size=15).map(lambda s: f" #{s}"),
        "_NL": st.just("\n"),
    }
    out.update({name: pad(st.sampled_from(words)) for name, words in WORDS.items()})
    for terminal in grammar.terminals:
        if terminal.name not in out and terminal.pattern.type == "str":
            out[terminal.name] = st.just(f" {terminal.pattern.value} ")
    return out


@lru_cache(maxsize=1)
def programs() -> st.SearchStrategy[str]:
    grammar = Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", start="file")
    header = 'gemeente: "G"\ntitel: "T"\nperiode: 2024-2027\n'
    generated: st.SearchStrategy[Any] = from_lark(grammar, start="file", explicit=explicit(grammar))
    # Half the programs get a valid header, so the semantic checks run too.
    return st.one_of(generated, generated.map(lambda text: header + text))


def check_property(text: str) -> None:
    source = SourceFile("gegenereerd.lea", text)
    checked = check_source(source)
    line_count = len(source.lines)
    for diag in checked.diagnostics:
        assert isinstance(diag, Diagnostic)
        assert diag.code[0] in "EW" and diag.code[1:].isdigit()
        assert 1 <= diag.span.line <= line_count, diag
        assert diag.span.column >= 1 and diag.span.end_column > diag.span.column - 1, diag
        assert diag.title and diag.message and diag.path == "gegenereerd.lea"


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(programs())
def test_generated_programs_never_crash_the_checker(text: str) -> None:
    check_property(text)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(programs())
def test_generated_programs_never_crash_the_checker_long(text: str) -> None:
    check_property(text)


def test_generated_programs_mostly_parse() -> None:
    """Guards the generator itself: without the spacing strategies most lines would not parse."""
    from hypothesis import find

    example = find(programs(), lambda text: text.count("\n") >= 4 and not any(
        d.code.startswith("E1") for d in check_source(SourceFile("x.lea", text)).diagnostics))
    assert example.count("\n") >= 4
