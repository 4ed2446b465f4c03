"""Parser: the cached Lark LALR parser, one line at a time, errors as diagnostics."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lea_rules.diagnostics import Diagnostic, error
from lea_rules.group_hints import enof_apart, group_missing
from lea_rules.line_cache import LineCache, grammar_path
from lea_rules.parse_hints import stray_colon, value_hint
from lea_rules.quotes import mixed_quotes
from lea_rules.source import SourceFile, Span
from lea_rules.suggest import did_you_mean

if TYPE_CHECKING:
    from lark import Lark, Token, Tree

    from lea_rules.syntax import Node, Plain

FOREIGN_KEYWORDS = {
    "theme": "thema", "themes": "thema", "ambition": "ambitie", "goal": "doel",
    "target": "doel", "action": "actie", "result": "resultaat", "outcome": "resultaat",
    "municipality": "gemeente", "title": "titel", "period": "periode", "owner": "eigenaar",
    "unit": "eenheid", "source": "bron", "better": "beter", "formula": "formule",
    "question": "vraag", "quote": "citaat", "citation": "citaat", "text": "tekst",
    "kind": "soort", "type": "soort", "budget": "begroting", "baseline": "basis",
    "revised": "herzien", "reason": "reden", "definition": "begrip", "term": "begrip",
    "measure": "meting", "values": "waarden",
    "bounds": "grenzen", "group": "groep", "chapter": "hoofdstuk", "section": "paragraaf",
    "objective": "doelstelling", "milestone": "mijlpaal", "indicateur": "indicator",
    "ziel": "doel", "ergebnis": "resultaat", "maßnahme": "actie", "massnahme": "actie",
}

LINE_KEYWORDS = (
    "gemeente", "titel", "periode", "indeling", "document", "groep", "begrip", "actie", "deelactie",
    "met", "resultaat",
    "indicator", "begroting", "post", "soort", "eigenaar", "tekst", "citaat", "vraag", "zie",
    "eenheid", "beter", "grenzen", "bron", "meting", "formule", "per", "waarden", "doel", "streven",
    "basis", "herzien", "reden", "thema", "paragraaf", "hoofdstuk", "doelstelling", "ambitie",
    "belofte", "speerpunt", "opgave", "onderdeel",
)

TERMINAL_WORDS = {
    "NAME": "een naam", "NUMBER": "een getal", "CODE": "een code (1.1-a3)",
    "STRING": "een tekst tussen aanhalingstekens",
    "COMMENT": "commentaar", "SECWORD": "een onderdeelwoord (thema, ambitie, paragraaf, ...)",
    "UNIT": ("een eenheid (%, aantal, uur per week, uur, dagen, weken, maanden, jaar, euro, score, getal, "
             "ja/nee, oordeel, procentpunt)"),
    "BETTER": "'hoger'/'lager'/'niveau'",
    "MEASURE": "'kalenderjaar'/'schooljaar'/'peildatum'",
    "CHANGE": "'gestegen'/'gedaald'", "TREND": "'vergroten'/'verminderen'",
    "ALL": "'alle'/'elk'/'elke'", "ATLEAST": "'tenminste'/'minimaal'", "TOV": "'t.o.v.'",
    "CMPWORD": "'maximaal'/'meer dan'/'minder dan'", "THROUGH": "'t/m'",
    "YESNO": "'ja'/'nee'", "MONTH": "een maand (januari ... december)",
    "CMP": "een vergelijking (>=, >, <=, <, =, minimaal, maximaal, ...)", "PLUSMINUS": "'±'", "EURO": "'€'",
    "COLON": "':'", "COMMA": "','", "SLASH": "'/'", "DASH": "'-'", "GT": "'>'",
    "PLUS": "'+'", "STAR": "'*'", "LPAR": "'('", "RPAR": "')'", "$END": "het einde van de regel",
    "_NL": "het einde van de regel",
    "RECUR": "'jaarlijks'/'per schooljaar'", "VANAF": "'vanaf'", "ENOF": "'en/of'",
    "PART": "een deel van een jaar (begin, voorjaar, medio, zomer, najaar, eind, eerste of tweede helft)",
    "DURING": "'in de loop van'", "BEFORE_SUMMER": "'voor de zomer van'",
    "BEFORE_END": "'voor het einde van'",
}
# Never offered as what was expected: a refused form (`de komende jaren`, E315) and the inner
# words of a time that the one offered already stands for (`in het voorjaar van`, `in de zomer
# van`, `in 2020 en 2021`).
UNOFFERED = frozenset({"COMMENT", "AHEAD", "ARTICLE", "YEARS", "TIMES", "TIMES_TAIL", "OF", "DURING",
                       "BEFORE_SUMMER", "BEFORE_END"})
"""TIMES (`tenminste tweemaal per jaar`) is read only to be refused with its own hint (E321), and
so are `of` and `en` between two groups of a count (E340): after a group, `en/of` is offered.
DURING, BEFORE_SUMMER and BEFORE_END (`in de loop van`, `voor de zomer van`) are other words for
a time that is offered."""


def describe_terminal(name: str) -> str:
    if name.startswith("KW_"):
        return f"'{name[3:].lower()}'"
    return TERMINAL_WORDS.get(name, name.lower())


@lru_cache(maxsize=1)
def get_parser() -> Lark:
    """Build the parser once; Lark's cache makes later processes skip the grammar analysis."""
    from lark import Lark

    return Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        start=["line", "file"],
        propagate_positions=False,  # syntax.from_lark sets the columns of rule matches
        maybe_placeholders=True,
        cache=True,
    )


_FIRST_WORD = re.compile(r"[ \t]*([^\s:\"#]+)")


@lru_cache(maxsize=1)
def get_plain_parser() -> Lark:
    """The same parser, giving a line's tree straight in the plain form of the parse cache
    (`lea_rules.syntax`): no Lark tree is built and converted, a third less work."""
    from lark import Lark, Token, Transformer, Tree

    class ToPlain(Transformer[Token, Any]):
        def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
            if str(data).startswith("_"):  # a helper rule, such as `(KW_EN goal)*`, that Lark inlines
                return Tree(data, children)
            kids: list[Any] = []
            first = last = 0
            for c in children:
                if c is None:
                    kids.append(None)
                    continue
                if isinstance(c, Token):
                    col = c.column or 1
                    end = c.end_column or col + len(c)
                    kids.append((0, c.type, str(c), col, end))
                else:  # a rule match, already plain
                    kids.append(c)
                    if c[4]:
                        continue
                    col, end = c[2], c[3]
                first = first or col
                last = end
            # A rule match spans its first to its last token; without tokens it is empty.
            return (1, str(data), first, last, not first, tuple(kids))

    return Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        start=["line", "file"],
        propagate_positions=False,
        maybe_placeholders=True,
        cache=True,
        transformer=ToPlain(),
    )


def parse_line(text: str, line_no: int, path: str) -> Tree[Token] | Diagnostic:
    """Parse one line; return Lark's own tree, or the diagnostic that says what is wrong.

    For tools and tests that want Lark's tree (token offsets, `scan_values`): `lea check` and
    `lea fmt` read plain trees through `parse_statement`, parsing each line once.
    """
    result: Tree[Token] | Diagnostic = _parse(get_parser(), text, line_no, path)
    return result


def parse_line_plain(text: str, line_no: int, path: str) -> Plain | Diagnostic:
    """Parse one line; return its tree in plain form (`lea_rules.syntax`), or the diagnostic."""
    result: Plain | Diagnostic = _parse(get_plain_parser(), text, line_no, path)
    return result


def _parse(parser: Lark, text: str, line_no: int, path: str) -> Any:
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    try:
        return parser.parse(text, start="line")
    except UnexpectedCharacters as exc:
        return _diagnose(text, line_no, path, exc.column, None, set(exc.allowed or ()))
    except UnexpectedToken as exc:
        token = exc.token
        if token.type == "$END":
            return _diagnose(text, line_no, path, len(text.rstrip()) + 1, "", set(exc.expected))
        quotes = mixed_quotes(text, token.column or 1, line_no, path, token=True)
        if quotes is not None:
            return quotes
        if token.type == "TIMES" and ("CMP" in exc.expected or "NUMBER" in exc.expected):
            return _times_as_value(str(token), line_no, token.column or 1, path, "CMP" in exc.expected)
        return _diagnose(text, line_no, path, token.column or 1, str(token), set(exc.expected))
    except UnexpectedEOF as exc:
        return _diagnose(text, line_no, path, len(text.rstrip()) + 1, "", set(exc.expected))


def _diagnose(
    text: str, line_no: int, path: str, column: int, found: str | None, expected: set[str]
) -> Diagnostic:
    first = _FIRST_WORD.match(text)
    if first and first.start(1) + 1 <= column <= first.end(1) and first.group(1) not in LINE_KEYWORDS:
        return _unknown_keyword(first.group(1), line_no, first.start(1) + 1, path)
    if found is None:
        quotes = mixed_quotes(text, column, line_no, path)
        if quotes is not None:
            return quotes
        found = _word_at(text, column)
    span = Span.point(line_no, column, len(found) if found else 1)
    if found.startswith('"') and text.count('"') % 2 == 1:
        return error("E104", "tekst niet afgesloten",
                     "deze tekst heeft geen afsluitend aanhalingsteken", Span.point(line_no, column),
                     path=path, help='zet een " aan het einde van de tekst (een tekst staat op één regel)')
    hidden = UNOFFERED | {"CMPWORD", "ATLEAST"} if "CMP" in expected else UNOFFERED  # in CMP's words
    if "ENOF" in expected:
        hidden |= {"KW_EN"}
        lost = group_missing(text, line_no, path, column, _word_at(text, column))
        if lost is not None:
            return lost
    wanted = sorted({describe_terminal(t) for t in expected if t not in hidden})
    want = _join(wanted)
    if not found:
        return error("E102", "regel is niet af",
                     f"de regel houdt hier op; hier verwachtte ik {want}", span, path=path)
    from lea_rules.time_hints import time_phrase  # only on a line that cannot be read

    time = time_phrase(text, column)
    if time is not None:
        title = {"E315": "geen tijd", "E324": "tijd bij een trend",
                 "E343": "moment in het jaar bij een herhaling"}.get(time.code, "tijd die lea niet kent")
        return error(time.code, title, time.message, Span.point(line_no, time.column, time.length),
                     path=path, help=time.help)
    if found == ":" and first:
        colon = stray_colon(text, first.group(1), column, span, path)
        if colon is not None:
            return colon
    if expected == {"COLON"} or expected <= {"COLON", "COMMENT", "$END"}:
        keyword = text[:column - 1].strip()  # the colon goes here: `groep IKC: ...`
        return error("E103", "dubbele punt ontbreekt",
                     f"na '{keyword}' hoort een dubbele punt", span, path=path,
                     help=f"schrijf '{keyword}: ...'")
    if (first and first.group(1) == "doel" and expected <= {"NUMBER", "STRING"}
            and not text[first.end(1):column - 1].strip()):
        # `doel vve-bereik >= 85%`: the goal property without its colon (not the section word
        # `doel`, which a number or a title follows)
        rest = text[first.end(1):].strip()
        return error("E103", "dubbele punt ontbreekt", "na 'doel' hoort een dubbele punt", span,
                     path=path, help=f"schrijf 'doel: {rest}'")
    from lea_rules.code_hints import dotted_code  # only on a line that cannot be read
    from lea_rules.date_hints import slashed_date
    from lea_rules.goal_hints import goal_wording

    written = (dotted_code(text, line_no, column, path) or slashed_date(text, column, line_no, path)
               or goal_wording(text, column, line_no, path))
    if written is not None:
        return written
    help_text = None
    if "MONTH" in expected and found.rstrip(".").isalpha():  # `1 agustus 2026`, `sept 2025`
        from lea_rules.period import month_hint

        help_text = month_hint(found)
    if "NAME" in expected and re.fullmatch(r"\d[\d.,]*", found):
        help_text = "een naam begint met een letter"
    help_text = enof_apart(text) or value_hint(text, found, expected, column) or help_text
    return error("E101", "onverwacht woord",  # one title per code, also for one character
                 f"'{found}' past hier niet; hier verwachtte ik {want}", span, path=path, help=help_text)


def _times_as_value(found: str, line_no: int, column: int, path: str, compare: bool) -> Diagnostic:
    """`doel: bezoeken 2 keer per jaar` (`compare`: no comparator yet) or `bezoeken >= twee keer per
    jaar`: the count is the goal's value, as a number, and `jaarlijks` says it holds every year."""
    from lea_rules.recurrence import every_of, times_count

    written = " ".join(found.split())
    every, _ = every_of(written)
    fix = f"{'>= ' if compare else ''}{times_count(written)} {every}"
    return error("E321", "hoe vaak per jaar is een telling",
                 f"'{written}': het aantal keer is de waarde van het doel, als getal"
                 f"{' met een vergelijking ervoor' if compare else ''}, en dat het elk jaar geldt zeg je met "
                 f"'{every}'", Span.point(line_no, column, len(found)),
                 path=path, help=f"schrijf '{fix}' in plaats van '{written}'")


def _unknown_keyword(word: str, line_no: int, column: int, path: str) -> Diagnostic:
    span = Span.point(line_no, column, len(word))
    dutch = FOREIGN_KEYWORDS.get(word.casefold())
    if dutch:
        return error("E105", "sleutelwoord in een andere taal",
                     f"'{word}' is geen Nederlands sleutelwoord; een agenda gebruikt overal "
                     "Nederlandse woorden",
                     span, path=path, help=f"schrijf '{dutch}'")
    return error("E100", "onbekend sleutelwoord",
                 "een regel begint met een sleutelwoord zoals 'thema', 'actie', 'resultaat' of "
                 f"'doel:', niet met '{word}'",
                 span, path=path, help=did_you_mean(word, LINE_KEYWORDS))


def _word_at(text: str, column: int) -> str:
    rest = text[column - 1:]
    if not rest:
        return ""
    if rest[0] == '"':
        end = rest.find('"', 1)
        return rest[: end + 1] if end > 0 else rest
    match = re.match(r"[\w.,%€/-]+", rest)
    return match.group(0) if match else rest[0]


def _join(items: list[str]) -> str:
    if not items:
        return "iets anders"
    if len(items) > 8:
        return ", ".join(items[:8]) + " of iets dergelijks"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " of " + items[-1]


MAX_LINE_CHARS = 5_000
"""A statement fits on a line; a longer line is pasted data, and parsing it would be slow.

Parsing is linear in a line's length, so the limit bounds the work per line: a line of
5.000 characters takes 10 to 20 ms (the latter for some 550 short goals joined by `en`).
A longer line is refused (E003) without being parsed.

Counted without the indentation, which is `lea fmt`'s to choose: formatting a valid file
never pushes a line over the limit by indenting it.
"""


def line_length(text: str) -> int:
    """The characters of a line that count against MAX_LINE_CHARS: all but the indentation."""
    return len(text.lstrip(" \t"))

MAX_PARSE_ERRORS = 500
"""After this many unreadable lines the file is probably no agenda: stop, like a compiler does.

It also bounds what unreadable lines cost: each gets one diagnostic, whose suggestion is
looked for among the 39 line keywords only, and after the 500th the parse stops (E004)."""


def parse_lines(source: SourceFile, cache: LineCache | None = None
                ) -> tuple[list[tuple[int, Node]], list[Diagnostic]]:
    """Parse every statement line; lines seen before come from the parse cache.

    With `cache` (`lea fmt` reads the agenda, builds it and builds its formatted text with one
    cache) the lines are taken from and added to it, and the caller saves it; without, the
    agenda's own cache is opened and saved here.
    """
    own = cache is None
    lines = LineCache.open(source.path) if cache is None else cache
    trees: list[tuple[int, Node]] = []
    diags: list[Diagnostic] = []
    ahead = parse_ahead(source, lines)
    for number, text in enumerate(source.lines, 1):
        control = CONTROL_CHARACTER.search(text)  # comments too: nothing invisible in the file
        if control is not None and len(diags) < MAX_PARSE_ERRORS:
            diags.append(control_character(control.group(), number, control.start() + 1, source.path))
            continue
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if len(diags) >= MAX_PARSE_ERRORS:
            diags.append(error("E004", "te veel fouten",
                               f"na {MAX_PARSE_ERRORS} onleesbare regels stopt de controle hier",
                               Span.point(number, 1), path=source.path,
                               help="is dit wel een .lea-bestand? Herstel de eerste fouten en "
                                    "controleer opnieuw"))
            break
        if line_length(text) > MAX_LINE_CHARS:
            diags.append(error("E003", "regel te lang",
                               f"deze regel heeft {line_length(text)} tekens (zonder inspringing); een "
                               f"regel heeft er hooguit {MAX_LINE_CHARS}", Span.point(number, 1),
                               path=source.path,
                               help="een tekst staat op één regel, maar verdeel een lange toelichting "
                                    "over meerdere 'tekst:'-regels"))
            continue
        result = parse_statement(text, number, source.path, lines, ahead.pop(number, None))
        if isinstance(result, Diagnostic):
            diags.append(result)
        else:
            trees.append((number, result))
    if own:
        lines.save()
    return trees, diags


def parse_statement(text: str, line_no: int, path: str, cache: LineCache,
                    ahead: Plain | None = None) -> Node | Diagnostic:
    """The tree of one statement line, or its diagnostic: what the builder and `lea fmt` read.

    A line text seen before comes from `cache` (parsed earlier in this process, or stored by
    an earlier run and checked against the text); any other is parsed once and remembered
    there. `ahead` is its tree when `parse_ahead` parsed it already.
    """
    from lea_rules.syntax import from_plain

    cached = cache.get(text)
    if cached is not None:
        return cached
    result = ahead or parse_line_plain(text, line_no, path)
    if isinstance(result, Diagnostic):
        return result
    cache.put(text, result)
    return from_plain(result)


CONTROL_CHARACTER = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Invisible characters that no agenda means: terminal escapes (ESC), other C0 and C1 controls,
and bidi controls that reorder what a reader sees. Tab, form feed and vertical tab are spacing."""
_CONTROL_NAMES = {"\x1b": "escape (ESC)", "\x00": "nul-teken", "\x07": "bel", "\x08": "backspace",
                  "\x7f": "delete"}


def control_character(char: str, line: int, column: int, path: str) -> Diagnostic:
    code = ord(char)
    name = _CONTROL_NAMES.get(char) or ("tekstrichting-teken" if code >= 0x200 else "stuurteken")
    return error("E005", "onzichtbaar stuurteken",
                 f"hier staat een onzichtbaar teken: {name}, U+{code:04X}; geen agenda bedoelt het, en "
                 "het kan de tekst in een terminal of rapport anders laten lijken dan hij is",
                 Span.point(line, column), path=path,
                 help="haal het teken weg (het is onzichtbaar: zet de cursor op de kolom en wis één teken)")


PARALLEL_CHARS = 256 * 1024
"""Text to parse from which a second process parses half of it (where the system can fork):
Lark takes about 10 ms for a line of 5.000 characters, and a first check of a large agenda
would otherwise use one core of two."""


def parse_ahead(source: SourceFile, cache: LineCache) -> dict[int, Plain | None]:
    """The trees of many new lines at once, half of them parsed by a forked child process.

    Only the lines' trees: None for a line that does not parse, whose diagnostic
    `parse_lines` makes itself, in order, as long as it goes on (MAX_PARSE_ERRORS). Empty
    when there is little to parse, or no fork (Windows), or threads that a fork would not
    take along; any failure of the child leaves its lines to be parsed here as usual.
    """
    import threading

    todo: list[tuple[int, str]] = []
    seen: set[str] = set()  # a repeated line is parsed once, and then comes from the cache
    for number, text in enumerate(source.lines, 1):
        if (text.strip() and not text.lstrip().startswith("#") and text not in seen
                and not cache.knows(text) and line_length(text) <= MAX_LINE_CHARS):
            seen.add(text)
            todo.append((number, text))
    if (sum(len(text) for _, text in todo) < PARALLEL_CHARS or not hasattr(os, "fork")
            or threading.active_count() > 1):
        return {}
    import marshal

    get_plain_parser()  # built once, before the fork: both processes use it
    middle, count = sum(len(text) for _, text in todo) // 2, 0
    split = next((i for i, (_, text) in enumerate(todo) if (count := count + len(text)) >= middle),
                 len(todo))
    mine, theirs = todo[:split], todo[split:]

    def parse(lines: list[tuple[int, str]]) -> list[Plain | None]:
        out: list[Plain | None] = []
        failed = 0
        for number, text in lines:
            result = parse_line_plain(text, number, source.path)
            out.append(None if isinstance(result, Diagnostic) else result)
            failed += isinstance(result, Diagnostic)
            if failed >= MAX_PARSE_ERRORS:
                break  # the check stops by here anyway: no agenda, do not parse it all
        return out

    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return {}
    if pid == 0:  # the child: parse its half, hand the trees over, and leave at once
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(marshal.dumps(parse(theirs)))
        finally:
            os._exit(0)
    os.close(write_end)
    ahead: dict[int, Plain | None] = dict(zip((n for n, _ in mine), parse(mine), strict=False))
    with os.fdopen(read_end, "rb") as incoming:
        data = incoming.read()
    os.waitpid(pid, 0)
    try:
        received = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        received = None
    if isinstance(received, list) and len(received) <= len(theirs):
        ahead.update(zip((n for n, _ in theirs), received, strict=False))
    return ahead
