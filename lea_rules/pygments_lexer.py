"""Pygments lexer for `.lea` agendas: highlighting in Sphinx, MkDocs, pygmentize and editors.

This is the only module that imports pygments, so `lea` itself starts without it. The
word lists follow grammar/lea.lark; a keyword is a keyword only as a whole word (a name
such as `doel-bereik` or `alle-scholen` stays a name).
"""

from __future__ import annotations

from typing import ClassVar

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Whitespace,
)

from lea_rules.period import MONTHS

__all__ = ["LeaLexer"]

_END = r"(?![\w-])"  # a word ends where a name could not go on
_NAME = r"[^\W\d_]\w*(?:-\w+)*(?:['\u2019]s)?"
_WS = r"[ \t\f\v\u00a0\ufeff]"
_CODE = r"\d[\d.]*-[^\W_]\w*(?:-\w+)*"  # grammar terminal CODE: `1.1-a3`

HEADER_KEYS = ("gemeente", "titel", "periode", "indeling")
PROPERTY_KEYS = (
    "soort", "eigenaar", "tekst", "citaat", "vraag", "eenheid", "beter", "grenzen", "bron", "streven",
    "meting", "formule", "per", "waarden", "doel", "basis", "herzien", "reden", "zie",
)
DECLARATIONS = ("document", "groep", "indicator")
_ITEM_WITH_CODE = "deelactie|actie|met" + _WS + "+resultaat|resultaat"
ITEMS = ("deelactie", "actie", "met" + _WS + "+resultaat", "resultaat", "begroting", "post", "begrip")
SECTION_WORDS = ("thema", "paragraaf", "hoofdstuk", "doelstelling", "ambitie", "belofte",
                 "speerpunt", "opgave", "onderdeel")
GOAL_WORDS = ("en/of", "en", "met", "in", "op", "tot en met", "t/m", "tot", "regel", "pagina", "mijlpaal",
              "kwalitatief", "alle", "elke", "elk", "tenminste", "ten minste", "minimaal", "minstens",
              "maximaal", "hoogstens", "ten hoogste", "hooguit", "meer dan", "minder dan", "gelijk aan",
              "precies", "gestegen", "gedaald", "vergroten", "verminderen", "jaarlijks", "vanaf", "ieder",
              "iedere", "om het jaar")
CONSTANTS = ("hoger", "lager", "niveau", "kalenderjaar", "schooljaar", "peildatum", "ja", "nee",
             *MONTHS)
UNITS = ("uur per week", "uur", "dagen", "weken", "maanden", "jaar", "aantal", "euro", "score", "getal",
         "ja/nee", "oordeel", "procentpunten", "procentpunt", "procent")

Rule = tuple[object, ...]


class LeaLexer(RegexLexer):  # type: ignore[misc]  # pygments ships no type hints
    """The LEA agenda language (`lea_rules`): Dutch keywords, one statement per line."""

    name = "LEA"
    aliases: ClassVar[list[str]] = ["lea"]
    filenames: ClassVar[list[str]] = ["*.lea"]
    mimetypes: ClassVar[list[str]] = ["text/x-lea"]

    tokens: ClassVar[dict[str, list[Rule]]] = {
        "root": [
            # what starts a line decides its role (before the whitespace rule eats the indent)
            (r"^(" + _WS + r"*)(" + "|".join(DECLARATIONS) + r")(" + _WS + r"+)(" + _NAME + ")",
             bygroups(Whitespace, Keyword.Declaration, Whitespace, Name.Variable)),
            (r"^(" + _WS + r"*)(" + "|".join(SECTION_WORDS) + r")" + _END,
             bygroups(Whitespace, Keyword.Namespace)),
            # `doel 1 "..."` is a section, `doel:` the goal property
            (r"^(" + _WS + r"*)(doel)" + _END + r"(?!" + _WS + r"*:)",
             bygroups(Whitespace, Keyword.Namespace)),
            # `actie 1.1-a3 "..."`: the item's fixed code, a place code or a name
            (r"^(" + _WS + r"*)(" + _ITEM_WITH_CODE + r")(" + _WS + r"+)(" + _CODE + "|" + _NAME + ")" + _END,
             bygroups(Whitespace, Keyword, Whitespace, Name.Label)),
            (r"^(" + _WS + r"*)(" + "|".join(ITEMS) + r")" + _END, bygroups(Whitespace, Keyword)),
            (r"^(" + _WS + r"*)(" + "|".join(HEADER_KEYS + PROPERTY_KEYS) + r")" + _END,
             bygroups(Whitespace, Name.Attribute)),
            (r"\n", Whitespace),
            (_WS + r"+", Whitespace),
            (r"#[^\n]*", Comment.Single),
            ("\"", String.Double, "string"),
            (r"[“„][^\"\\\n“”„]*[”“]", String.Double),  # curly quotes, as a word processor makes them
            # `t.o.v.` and units go before names and numbers: `t` and `uur` would match those too
            (r"(t\.o\.v\.|ten opzichte van)" + _END, Operator.Word),
            (r"€", Keyword.Type),
            (r"%", Keyword.Type),
            (words(UNITS, suffix=_END), Keyword.Type),
            (words(SECTION_WORDS, suffix=_END), Keyword.Namespace),
            (words(GOAL_WORDS, suffix=_END), Operator.Word),
            (words(CONSTANTS, suffix=r"(?![\w/-])"), Name.Constant),
            # Dutch notation: `1.250`, `10.884`, `1,9`, `83,7`; section numbers `1.1` too
            (r"\d(?:[\d.,]*\d)?", Number),
            (r">=|<=|±|\+/-|[<>=≥≤]", Operator),
            (r"[-+*/]", Operator),
            (r"[:,()]", Punctuation),
            (_NAME, Name),
        ],
        "string": [
            (r"\\.", String.Escape),
            (r"[^\"\\\n]+", String.Double),
            ("\"", String.Double, "#pop"),
            (r"\n", Whitespace, "#pop"),  # an unclosed string ends with its line
        ],
    }

