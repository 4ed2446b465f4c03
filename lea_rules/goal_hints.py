"""Goals as a writer words them from the document, where the parser stops with no useful hint.

- `relatief-verzuim gedaald in 2026 t.o.v. 2025 en gedaald in 2027 t.o.v. 2026`: after `en`,
  only a comparison (`en >= 90% in 2028`) takes the indicator of the part before it; a step
  (`gestegen`, `gedaald`) names it again (E125, the code of a part without its indicator).
- `doel: zoveel mogelijk`, `streven: zoveel mogelijk`: no figure, an aspiration without a norm;
  docs/language.md ("Streven") prescribes `streven: kwalitatief`.
"""

from __future__ import annotations

import re

from lea_rules.diagnostics import Diagnostic, error
from lea_rules.source import Span

_NAME = r"[^\W\d_][\w]*(?:-[\w]+)*"
_STEP = r"gestegen|gedaald"
_FIRST_STEP = re.compile(rf"(?<![\w-])({_NAME})[ \t]+(?:{_STEP})(?![\w-])")
_BARE_STEP = re.compile(rf"(?<![\w-])en[ \t]+({_STEP})[ \t]+$")
_AS_MUCH = re.compile(r"(?P<kw>doel|streven)[ \t]*:[ \t]*(?P<words>zo[ \t]*veel[ \t]+(?:als[ \t]+)?mogelijk"
                      r"(?![\w-])[^#]*?)[ \t]*(?:#.*)?$")


def goal_wording(text: str, column: int, line_no: int, path: str) -> Diagnostic | None:
    """The one message for such a goal line, where the parser stopped at `column`; None otherwise."""
    return _step_without_indicator(text, column, line_no, path) or _as_much_as(text, line_no, path)


def _step_without_indicator(text: str, column: int, line_no: int, path: str) -> Diagnostic | None:
    bare = _BARE_STEP.search(text[:column - 1])
    if bare is None:
        return None
    first = _FIRST_STEP.search(text[:bare.start()])
    if first is None or not text.lstrip().startswith(("doel", "streven")):
        return None
    step = bare.group(1)
    return error("E125", "indicator ontbreekt",
                 f"na 'en' staat '{step}' zonder indicator: alleen een vergelijking (en >= ...) neemt "
                 "de indicator van het vorige deel over, een stijging of daling noemt hem opnieuw",
                 Span.point(line_no, bare.start(1) + 1, len(step)), path=path,
                 help=f"schrijf '{first.group(1)} {step}' in plaats van '{step}'")


def _as_much_as(text: str, line_no: int, path: str) -> Diagnostic | None:
    match = _AS_MUCH.match(text.lstrip(" \t"))
    if match is None:
        return None
    indent = len(text) - len(text.lstrip(" \t"))
    words = match.group("words")
    if match.group("kw") == "streven":
        start, written, fix = match.start("words"), words, "kwalitatief"
    else:
        start, written, fix = 0, text.lstrip(" \t")[:match.end("words")], "streven: kwalitatief"
    return error("E101", "onverwacht woord",
                 f"'{words}' noemt geen getal om aan te meten: zonder getal is het "
                 "een streven zonder norm",
                 Span.point(line_no, indent + start + 1, len(written)), path=path,
                 help=f"schrijf '{fix}' in plaats van '{written}'")
