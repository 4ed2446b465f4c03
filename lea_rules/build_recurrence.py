"""Build a recurrence (`jaarlijks`, `per schooljaar`, `vanaf 2025`) from its part of a goal line.

`tenminste tweemaal per jaar` is read only to be refused (E321): a goal is judged once per
occurrence, met or not; how many times something happened in a year is a count, which an
indicator holds (`doel: ejk-bezoeken >= 2 jaarlijks`).
"""

from __future__ import annotations

from typing import Any, Protocol

from lea_rules.goal_values import Moment
from lea_rules.period import year_of
from lea_rules.recurrence import Recurrence, every_of, read_words, times_count
from lea_rules.source import SourceFile, Span
from lea_rules.syntax import Leaf, Node


class LineReader(Protocol):
    """What of build_values.LineReader a recurrence needs (named here, so no import runs back)."""

    source: SourceFile

    def err(self, code: str, title: str, message: str, span: Span, **kw: Any) -> None: ...
    def span(self, node: Leaf | Node | None) -> Span: ...
    def period(self, node: Leaf | Node | None) -> Moment: ...

def times_written(tree: Node) -> int | None:
    """`minimaal 2 keer per jaar` as a recurrence: the count (2); None for any other recurrence."""
    for child in tree.children:
        if isinstance(child, Leaf) and child.type == "TIMES":
            return int(times_count(" ".join(str(child).split())))
    return None


def read_recurrence(reader: LineReader, tree: Node, counted: str | None = None,
                    before: str | None = None) -> Recurrence | None:
    """The recurrence of a goal. `tenminste tweemaal per jaar` (also without `tenminste`, and the
    `keer per jaar` of `bezoeken >= 2 keer per jaar`) is refused (E321) and read as `jaarlijks`,
    so that one mistake gives one message.

    `counted`: the indicator of a count over units without a condition (`alle X met bezoeken
    minimaal 2 keer per jaar`), whose fix is exact: `met bezoeken >= 2 jaarlijks`. `before`: the
    goal as written up to the recurrence (`bezoeken >= 2`), for the exact fix of a `keer per jaar`
    after a value: `bezoeken >= 2 jaarlijks`."""
    words: Leaf | None = None
    vanaf: Node | None = None
    refused: str | None = None  # the recurrence a refused `keer per jaar` is read as
    for child in tree.children:
        if isinstance(child, Leaf) and child.type in ("TIMES", "TIMES_TAIL"):
            if child.type == "TIMES":
                _refuse_times(reader, child, counted)
            else:
                _refuse_tail(reader, child, before)
            refused = every_of(" ".join(str(child).split()))[0]
        elif isinstance(child, Leaf):
            words = child
        elif isinstance(child, Node):
            vanaf = child
    if refused is not None and vanaf is None:
        return Recurrence(reader.span(tree), "jaarlijks")
    start: int | None = None
    start_span = None
    school_from = False
    if vanaf is not None:
        keyword, period = vanaf.children
        moment = reader.period(period)
        school_from = "schooljaar" in str(keyword) or moment.kind.value == "schooljaar"
        # `vanaf schooljaar 2020/2021`: the first occurrence ends in 2021; `vanaf 2021`: is 2021.
        start = year_of(moment)
        if "schooljaar" in str(keyword) and moment.kind.value != "schooljaar":
            reader.err("E322", "schooljaar van twee jaren",
                       f"na 'vanaf schooljaar' staat één jaar ({moment.year}); een schooljaar "
                       "beslaat twee jaren", moment.span,
                       help=f"schrijf 'vanaf schooljaar {moment.year}/{moment.year + 1}' of "
                            f"'vanaf {moment.year}'")
        start_span = moment.span
    span = reader.span(tree)
    text = reader.source.line_text(span.line)[span.column - 1: span.end_column - 1]
    if refused is not None:  # `tweemaal per jaar vanaf 2025`: read as `jaarlijks vanaf 2025`
        text = f"{refused} {text[text.find('vanaf'):]}" if "vanaf" in text else refused
        return read_words(refused, school_from, span, start, start_span, text)
    return read_words(str(words) if words is not None else None, school_from, span, start,
                      start_span, text)


def _refuse_tail(reader: LineReader, token: Leaf, before: str | None) -> None:
    """`bezoeken >= 2 keer per jaar`: the number is the value already; `keer per jaar` is `jaarlijks`."""
    written = " ".join(str(token).split())
    every, _ = every_of(written)
    value = before.split()[-1] if before else None
    shown = f"{value} {written}" if value else written
    span = reader.span(token)
    line = reader.source.line_text(span.line)
    start = span.column - 1 - len(value or "")
    if value and written.startswith("x") and start >= 0 and line[start:span.column - 1] == value:
        # `3x per jaar`: the x is glued to the number, so the fix takes the number along; replacing
        # only `x per jaar` would leave `3jaarlijks`
        span = Span(span.line, start + 1, span.end_line, span.end_column)
        shown = f"{value}{written}"
        fix = f"schrijf '{value} {every}' in plaats van '{value}{written}' ({before} {every})"
    else:
        fix = f"schrijf '{every}' in plaats van '{written}'" + (f" ({before} {every})" if before else "")
    reader.err("E321", "hoe vaak per jaar is een telling",
               f"'{shown}': het aantal keer is de waarde van het doel, en dat het elk jaar geldt zeg je "
               f"met '{every}'", span, help=fix)


def _refuse_times(reader: LineReader, token: Leaf, counted: str | None) -> None:
    written = " ".join(str(token).split())
    count = times_count(written)
    every, measure = every_of(written)
    if counted is not None:
        year = "schooljaar" if measure == "schooljaar" else "jaar"
        fix = f"schrijf '>= {count} {every}' in plaats van '{written}' (elk {year} {count} of meer)"
    elif count == "1":
        fix = f"schrijf '{every}' in plaats van '{written}': één keer per jaar is elk jaar"
    else:
        fix = (f"maak een indicator met 'eenheid: aantal' en 'meting: {measure}' die de keren telt, "
               f"en schrijf 'doel: <indicator> >= {count} {every}'")
    reader.err("E321", "hoe vaak per jaar is een telling",
               f"'{written}' zegt hoe vaak iets per jaar gebeurt; een doel wordt per "
               "jaar gehaald of niet, en het aantal keer is een getal dat een indicator bijhoudt",
               reader.span(token), help=fix)
