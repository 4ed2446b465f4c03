"""The Pygments lexer: every real agenda lexes cleanly, and the words get the right colours."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Whitespace,
)
from shipped import shipped_agendas

from lea_rules.pygments_lexer import LeaLexer

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = shipped_agendas() + sorted((ROOT / "tests" / "fixtures").glob("*.lea"))


def lex(text: str) -> list[tuple[object, str]]:
    return [(t, v) for t, v in LeaLexer().get_tokens(text) if t is not Whitespace and v.strip()]


def kind_of(text: str, word: str) -> object:
    kinds = [t for t, v in lex(text) if v == word]
    assert kinds, f"{word!r} komt niet als token voor in {text!r}: {lex(text)}"
    return kinds[0]


@pytest.mark.parametrize("path", AGENDAS, ids=lambda p: p.name)
def test_agenda_lexes_without_errors(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    errors = [(i, v) for i, (t, v) in enumerate(LeaLexer().get_tokens(text)) if t in Error]
    assert errors == []
    # the lexer drops no text, so a highlighted agenda shows every character
    tokens = LeaLexer(stripnl=False, ensurenl=False).get_tokens(text)
    assert "".join(v for _, v in tokens) == text


def test_fmt_cases_lex_without_errors() -> None:
    for path in sorted((ROOT / "tests" / "fmt_cases").glob("*.lea")):
        text = path.read_text(encoding="utf-8")
        assert [v for t, v in LeaLexer().get_tokens(text) if t in Error] == [], path.name


def test_stray_character_is_an_error_token() -> None:
    assert (Error, "@") in lex("doel: x >= 5 @ 2027\n")


@pytest.mark.parametrize("number", ["1.250", "10.884", "1,9", "83,7", "1.250,5", "2027", "1.1"])
def test_dutch_numbers_are_one_token(number: str) -> None:
    assert (Number, number) in lex(f"doel: x >= {number} in 2027\n")


def test_units() -> None:
    text = 'doel: a >= 85% in 2027 en b = 16 uur per week ± 0,5\n  post "p": 2023 € 200.000\n'
    assert kind_of(text, "%") in Keyword.Type
    assert kind_of(text, "uur per week") in Keyword.Type
    assert kind_of(text, "€") in Keyword.Type
    assert kind_of(text, "±") in Operator
    assert kind_of("  eenheid: ja/nee\n", "ja/nee") in Keyword.Type


def test_line_keywords() -> None:
    text = ('gemeente: "A"\ndocument lea: "x.txt"\nindicator vve-bereik "B"\n  eenheid: %\n'
            'thema 1 "T"\n  ambitie 1.1 "U"\n    actie a-1 "V"\n    resultaat "W"\n'
            '      doel: vve-bereik >= 5%\nbegroting "B"\n  post "P": € 5\n')
    assert kind_of(text, "gemeente") in Name.Attribute
    assert kind_of(text, "eenheid") in Name.Attribute
    assert kind_of(text, "doel") in Name.Attribute
    assert kind_of(text, "document") in Keyword.Declaration
    assert kind_of(text, "indicator") in Keyword.Declaration
    assert kind_of(text, "lea") in Name.Variable
    assert kind_of(text, "thema") in Keyword.Namespace
    assert kind_of(text, "ambitie") in Keyword.Namespace
    assert kind_of(text, "actie") in Keyword
    assert kind_of(text, "begroting") in Keyword
    assert kind_of(text, ":") in Punctuation


def test_goal_words_and_comparators() -> None:
    text = ("doel: tenminste 6 IKC met brug in 2027 en x gedaald in 2027 t.o.v. 2024 "
            "en y gestegen ten opzichte van 2023 en z >= 2 op 1 januari 2025 # noot\n")
    for word in ("tenminste", "met", "in", "en", "gedaald", "t.o.v.", "ten opzichte van", "op"):
        assert kind_of(text, word) in Operator.Word, word
    assert kind_of(text, ">=") in Operator
    assert kind_of(text, "januari") in Name.Constant
    assert kind_of(text, "IKC") in Name
    assert kind_of(text, "# noot") in Comment


def test_keywords_inside_names_and_strings_stay_names_and_strings() -> None:
    text = 'doel: alle-scholen-in-beeld vergroten\n  tekst: "doel: alle thema 85%"\n'
    assert kind_of(text, "alle-scholen-in-beeld") is Name
    assert all(t in String for t, v in lex(text) if "thema" in v)
    assert kind_of('  tekst: "een \\"citaat\\""\n', '\\"') in String.Escape


def test_lexer_is_registered_as_entry_point() -> None:
    registered = [ep for ep in entry_points(group="pygments.lexers") if ep.name == "lea"]
    if not registered:
        pytest.skip("lea-rules is niet geïnstalleerd (pip install -e .), dus Pygments kent "
                    "het entry point 'lea' nog niet")
    assert registered[0].value == "lea_rules.pygments_lexer:LeaLexer"
    assert isinstance(get_lexer_by_name("lea"), LeaLexer)
    assert isinstance(get_lexer_for_filename("agendas/hengelo.lea"), LeaLexer)


def test_lea_does_not_import_pygments() -> None:
    code = ("import sys, lea_rules.cli, lea_rules.commands.fmt, lea_rules.formatter; "
            "print('pygments' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_natural_comparators_and_doel_as_section_word() -> None:
    text = ('doel 1 "Start"\n  resultaat "R"\n    doel: x minimaal 85 procent in 2027 en ≤ 90% '
            'en meer dan 3 en ten hoogste 4\n')
    assert kind_of(text, "doel") in Keyword.Namespace
    assert [t for t, v in lex(text) if v == "doel"][1] in Name.Attribute
    for word in ("minimaal", "meer dan", "ten hoogste"):
        assert kind_of(text, word) in Operator.Word, word
    assert kind_of(text, "≤") in Operator
    assert kind_of(text, "procent") in Keyword.Type
